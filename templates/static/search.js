/* Site search in the browser, over the prebuilt index at search/index.json.
 *
 * No server and no dependencies: the static host serves the index like any file.
 * The form says where the index and the site root are, as links relative to the
 * page, so the site works at "/" and under "/project-name/" alike.
 * Every query word must match the start of a word in an entry (accents and case
 * ignored); whole words beat prefixes, titles beat the rest, and ties keep the
 * index order (people, then claims strongest first, then sources). Results are
 * built as DOM nodes, never as HTML strings.
 */
(function () {
  "use strict";

  var form = document.querySelector("form[data-search-index]");
  if (!form) {
    return;
  }
  var input = form.querySelector("input[name=q]");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var root = new URL(form.getAttribute("data-site-root"), document.baseURI);
  var indexUrl = new URL(form.getAttribute("data-search-index"), document.baseURI);
  var KINDS = { claim: "Claim", person: "Person", source: "Source" };
  var MAX_SHOWN = 100;
  var entries = null;

  function words(text) {
    return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) || [];
  }

  function prepare(entry, order) {
    return {
      entry: entry,
      order: order,
      title: words(entry.title),
      rest: words(entry.meta + " " + entry.text),
    };
  }

  function matchScore(tokens, term) {
    var best = 0;
    for (var i = 0; i < tokens.length && best < 2; i++) {
      if (tokens[i] === term) {
        best = 2;
      } else if (tokens[i].startsWith(term)) {
        best = 1;
      }
    }
    return best;
  }

  function score(item, terms) {
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var best = Math.max(2 * matchScore(item.title, terms[i]), matchScore(item.rest, terms[i]));
      if (best === 0) {
        return 0;
      }
      total += best;
    }
    return total;
  }

  function search(query) {
    var terms = words(query);
    if (!terms.length) {
      return [];
    }
    return entries
      .map(function (item) { return { score: score(item, terms), item: item }; })
      .filter(function (hit) { return hit.score > 0; })
      .sort(function (a, b) { return b.score - a.score || a.item.order - b.item.order; })
      .map(function (hit) { return hit.item.entry; });
  }

  function result(entry) {
    var item = document.createElement("li");
    item.className = "search-result";
    var kind = document.createElement("span");
    kind.className = "kind kind-" + entry.type;
    kind.textContent = KINDS[entry.type] || entry.type;
    var link = document.createElement("a");
    link.href = new URL(entry.url, root).href;
    link.textContent = entry.title;
    item.append(kind, " ", link);
    if (entry.meta) {
      var meta = document.createElement("span");
      meta.className = "meta";
      meta.textContent = entry.meta;
      item.append(" ", meta);
    }
    return item;
  }

  function show(query) {
    list.replaceChildren();
    query = query.trim();
    if (!query) {
      status.textContent = "Type a word from a claim, a name or a source's title.";
      return;
    }
    var found = search(query);
    if (!found.length) {
      status.textContent = "Nothing found for “" + query + "”.";
      return;
    }
    status.textContent = found.length + (found.length === 1 ? " result" : " results") +
      " for “" + query + "”" + (found.length > MAX_SHOWN ? ", the first " + MAX_SHOWN + " shown." : ".");
    list.append.apply(list, found.slice(0, MAX_SHOWN).map(result));
  }

  function update() {
    var url = new URL(location.href);
    url.searchParams.set("q", input.value);
    history.replaceState(null, "", url);
    if (entries) {
      show(input.value);
    }
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    update();
  });
  input.addEventListener("input", update);
  input.value = new URLSearchParams(location.search).get("q") || "";
  status.textContent = "Loading the search index…";
  fetch(indexUrl)
    .then(function (response) {
      if (!response.ok) {
        throw new Error("HTTP " + response.status);
      }
      return response.json();
    })
    .then(function (index) {
      entries = index.entries.map(prepare);
      show(input.value);
      if (!input.value) {
        input.focus();
      }
    })
    .catch(function (error) {
      status.textContent = "The search index could not be loaded (" + error.message +
        "). Search needs the site served over HTTP, e.g. python3 -m http.server -d site.";
    });
})();
