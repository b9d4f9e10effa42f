/* Site search in the browser, over the Pagefind index in pagefind/.
 *
 * Pagefind fetches only the index fragments a query needs, so search stays fast on
 * a story of thousands of articles; everything is served by the static host, so it
 * works offline and needs no outside service. The form says where the index and the
 * site root are, as links relative to the page, so the site works at "/" and under
 * "/project-name/" alike. Results are built as DOM nodes, never inserted as HTML.
 */
(function () {
  "use strict";

  var form = document.querySelector("form[data-pagefind]");
  if (!form) {
    return;
  }
  var input = form.querySelector("input[name=q]");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var root = new URL(form.getAttribute("data-site-root"), document.baseURI);
  var bundle = new URL(form.getAttribute("data-pagefind"), document.baseURI);
  var MAX_SHOWN = 30;
  var pagefind = null;
  var asked = 0; // the latest query; an older one finishing late is not shown

  /* Pagefind marks the matched words with <mark> in an excerpt; only the text and
     those marks are kept, whatever else the string holds. */
  function excerpt(html) {
    var parsed = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html");
    var out = document.createElement("p");
    out.className = "search-excerpt";
    parsed.body.firstChild.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.append(mark);
      } else {
        out.append(node.textContent);
      }
    });
    return out;
  }

  function result(data) {
    var item = document.createElement("li");
    item.className = "search-result";
    var kind = document.createElement("span");
    kind.className = "kind";
    kind.textContent = (data.meta && data.meta.kind) || "Page";
    var link = document.createElement("a");
    link.href = new URL(data.url, root).href;
    link.textContent = (data.meta && data.meta.title) || data.url;
    item.append(kind, " ", link, excerpt(data.excerpt || ""));
    return item;
  }

  async function show(query) {
    var mine = ++asked;
    query = query.trim();
    if (!query) {
      list.replaceChildren();
      status.textContent = "Type a word from a claim, a name or a source's title.";
      return;
    }
    var search = await pagefind.search(query);
    var found = await Promise.all(search.results.slice(0, MAX_SHOWN).map(function (r) {
      return r.data();
    }));
    if (mine !== asked) {
      return;
    }
    list.replaceChildren.apply(list, found.map(result));
    var total = search.results.length;
    status.textContent = total
      ? total + (total === 1 ? " result" : " results") + " for “" + query + "”" +
        (total > MAX_SHOWN ? ", the first " + MAX_SHOWN + " shown." : ".")
      : "Nothing found for “" + query + "”.";
  }

  /* A large site's index comes in parts (Pagefind holds every page it indexes in
     memory): the bundle's parts.json lists the other parts' folders, merged here. A
     part that cannot be read leaves search to the others. */
  async function mergeParts(module) {
    var response = await fetch(new URL("parts.json", bundle)).catch(function () {
      return null;
    });
    var parts = response && response.ok ? await response.json() : [];
    for (var i = 0; i < parts.length; i++) {
      await module.mergeIndex(new URL(parts[i], bundle).pathname, { baseUrl: root.pathname });
    }
  }

  function update() {
    var url = new URL(location.href);
    url.searchParams.set("q", input.value);
    history.replaceState(null, "", url);
    if (pagefind) {
      show(input.value);
    }
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    update();
  });
  input.addEventListener("input", update);
  input.value = new URLSearchParams(location.search).get("q") || "";
  status.textContent = "Loading search…";
  import(bundle.href)
    .then(async function (module) {
      await module.options({ baseUrl: root.pathname }); // results: "/project-name/claims/x/"
      await mergeParts(module);
      pagefind = module;
      await show(input.value);
      if (!input.value) {
        input.focus();
      }
    })
    .catch(function () {
      status.textContent = "Search is not available here: it needs the site served over " +
        "HTTP (python3 -m http.server -d site) and its pagefind/ index. Every claim is " +
        "also listed on the Claims page.";
    });
})();
