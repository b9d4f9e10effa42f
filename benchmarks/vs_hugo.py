"""sitegen against Hugo on the same site: pages per second, each run into an empty folder.

One generated fact base (benchmarks.factbase: 2,000 claims, 500 people, 25 sources, as
`render_throughput` uses) is rendered three ways (the first twice), alternately, and
the medians of the runs are compared:

- sitegen, minimal theme: `sitegen render --jobs N` with a project `templates/` that
  overrides every page template with a few lines (below), so the page set is sitegen's
  own: home, the paginated claim/people/source lists, a page per claim, person and
  source, the hand-written page, search, 404, the feed, sitemap, robots.txt and the
  search index.
- Hugo: the same YAML files as Hugo data files (`data/claims/<id>.yaml`, ...), read by
  equivalent minimal templates. Hugo (0.111 in Debian) makes pages only from content
  files, so each claim gets a stub (`content/claims/<id>.md`: its id, people and
  sources as front matter), and people and sources are taxonomies of the claims: a
  person's page is its term page, listing the claims naming them, as a source's page
  lists the claims citing it. The stubs are written before timing (what a content
  adapter would do inside Hugo); everything a page shows is read from the data files.
  Lists are paginated 100 to a page, the home page has a JSON output for search, and
  Hugo also writes its feed, sitemap, robots.txt and 404 page.
- sitegen, full theme: `sitegen render --jobs N` with the built-in theme.

sitegen's render indexes its pages for search with Pagefind; a Hugo site gets the same
search by running Pagefind on its output after `hugo` (the setup Pagefind documents
for Hugo), so the Hugo run is `hugo` then `pagefind --site public`, timed together.

Each run is a fresh process (`sitegen render`, `hugo`) writing to a folder on the same
file system (tmpfs by default); its wall time includes start-up, reading the YAML and
writing every file. Every run starts with no output folder (removed before the clock
starts), so neither side reuses the last run's files: Pagefind skips writing index
files that are already there, and Hugo's `--cleanDestinationDir` keeps `pagefind/`, so
a Hugo run after another was timed with a warm index until session 9. sitegen keeps
its parse cache of content/ (`.sitegen-cache/content.jsonl`, made by a project's first
render and used by every render after it); Hugo has no such cache of data files, so a
fourth race, `minimal, no cache`, removes it before each run too, and its ratio to
Hugo is printed apart. Pages/s counts the HTML pages each tool wrote.

    apt-get install -y hugo      # Debian/Ubuntu; or a release from https://gohugo.io
    .venv/bin/python -m benchmarks.vs_hugo [--runs 5] [--jobs 2] [--dir DIR] [--claims N]

The last line is `minimal X.XXx full Y.YYx`: sitegen's pages/s over Hugo's, with the
minimal theme and with the full one.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from benchmarks.factbase import generate
from benchmarks.render_throughput import default_dir
from sitegen.render import pagefind

PER_PAGE = 100
NO_CACHE = "minimal, no cache"  # sitegen's first render of a project: no parse cache yet
BASE_URL = "https://example.org/story/"

# sitegen's minimal theme: every page template, a few lines each.
SITEGEN_MINIMAL = {
    "base.html": """<!doctype html>
<html lang="{{ site.language }}"><head><meta charset="utf-8"><title>{{ site.title }}</title></head>
<body><nav><a href="{{ url('') }}">Home</a> <a href="{{ url('claims/') }}">Claims</a>
<a href="{{ url('people/') }}">People</a> <a href="{{ url('sources/') }}">Sources</a></nav>
<main>{% block content %}{% endblock %}</main></body></html>
""",
    "index.html": """{% extends "base.html" %}{% block content %}<h1>{{ site.title }}</h1>
<p>{{ claims | length }} claims, {{ people | length }} people, {{ sources | length }} sources</p>
{% endblock %}""",
    "claim.html": """{% extends "base.html" %}{% block content %}
<h1>{{ claim.statement | inline_markdown }}</h1>
<p>{{ claim.status }} · {{ claim.kind }}</p>
{% if speaker %}<p>Speaker: <a href="{{ url(speaker) }}">{{ speaker.name }}</a></p>{% endif %}
<h2>Evidence</h2>
{% for cite in citations %}<blockquote>{{ cite.citation.quote }}</blockquote>
<p><a href="{{ url(cite.source) }}">{{ cite.source.title }}</a></p>
{% endfor %}<h2>People</h2><ul>
{% for person in people %}<li><a href="{{ url(person) }}">{{ person.name }}</a></li>
{% endfor %}</ul>{% endblock %}""",
    "person.html": """{% extends "base.html" %}{% block content %}<h1>{{ person.name }}</h1>
{% if person.description %}<p>{{ person.description | inline_markdown }}</p>{% endif %}<ul>
{% for view in quotes + claims %}<li><a href="{{ url(view.claim) }}">{{ view.claim.statement | inline_markdown(links=false) }}</a> {{ view.claim.status }}</li>
{% endfor %}</ul>{% endblock %}""",
    "source.html": """{% extends "base.html" %}{% block content %}<h1>{{ source.title }}</h1>
<p>{{ source.publisher }}</p><ul>
{% for ref in claims %}<li><a href="{{ url(ref.claim) }}">{{ ref.claim.statement | inline_markdown(links=false) }}</a> {{ ref.claim.status }}</li>
{% endfor %}</ul>{% endblock %}""",
    "claims.html": """{% extends "base.html" %}{% block content %}<h1>Claims</h1><ul>
{% for view in claims %}<li><a href="{{ url(view.claim) }}">{{ view.claim.statement | inline_markdown(links=false) }}</a> {{ view.claim.status }}</li>
{% endfor %}</ul>{% include "pager.html" %}{% endblock %}""",
    "people.html": """{% extends "base.html" %}{% block content %}<h1>People</h1><ul>
{% for view in people %}<li><a href="{{ url(view.person) }}">{{ view.person.name }}</a></li>
{% endfor %}</ul>{% include "pager.html" %}{% endblock %}""",
    "sources.html": """{% extends "base.html" %}{% block content %}<h1>Sources</h1><ul>
{% for view in sources %}<li><a href="{{ url(view.source) }}">{{ view.source.title }}</a></li>
{% endfor %}</ul>{% include "pager.html" %}{% endblock %}""",
    "pager.html": """{% if pager.previous is not none %}<a href="{{ url(pager.previous) }}">Previous</a>{% endif %}
{% if pager.next is not none %}<a href="{{ url(pager.next) }}">Next</a>{% endif %}""",
    "page.html": """{% extends "base.html" %}{% block content %}<h1>{{ page.title }}</h1>
{{ page.body | markdown }}{% endblock %}""",
    "search.html": """{% extends "base.html" %}{% block content %}<h1>Search</h1>{% endblock %}""",
    "404.html": """{% extends "base.html" %}{% block content %}<h1>Page not found</h1>{% endblock %}""",
}

# Hugo's equivalent minimal templates (Go templates), reading the data files.
_HUGO_LIST_ITEM = (
    '{{ $c := index site.Data.claims .Params.id }}<li><a href="{{ .RelPermalink }}">'
    "{{ $c.statement | markdownify }}</a> {{ $c.status }}</li>\n"
)
_HUGO_PAGER = (
    '{{ with $pager.Prev }}<a href="{{ .URL }}">Previous</a>{{ end }}\n'
    '{{ with $pager.Next }}<a href="{{ .URL }}">Next</a>{{ end }}'
)
HUGO_LAYOUTS = {
    "_default/baseof.html": """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ site.Title }}</title></head>
<body><nav><a href="{{ "" | relURL }}">Home</a> <a href="{{ "claims/" | relURL }}">Claims</a>
<a href="{{ "people/" | relURL }}">People</a> <a href="{{ "sources/" | relURL }}">Sources</a></nav>
<main>{{ block "main" . }}{{ end }}</main></body></html>
""",
    "index.html": """{{ define "main" }}<h1>{{ site.Title }}</h1>
<p>{{ len site.Data.claims }} claims, {{ len site.Data.people }} people, {{ len site.Data.sources }} sources</p>
{{ end }}""",
    "index.json": """{{- $n := 0 -}}[{{ range $id, $c := site.Data.claims }}{{ if $n }},{{ end }}{{ $n = 1 }}
{{ dict "id" $id "statement" $c.statement "status" $c.status "url" (printf "claims/%s/" $id) | jsonify }}{{ end }}
{{ range $id, $p := site.Data.people }},{{ dict "id" $id "name" $p.name "url" (printf "people/%s/" $id) | jsonify }}{{ end }}
{{ range $id, $s := site.Data.sources }},{{ dict "id" $id "title" $s.title "url" (printf "sources/%s/" $id) | jsonify }}{{ end }}]""",
    "claims/single.html": """{{ define "main" }}{{ $c := index site.Data.claims .Params.id }}
<h1>{{ $c.statement | markdownify }}</h1>
<p>{{ $c.status }} · {{ $c.kind }}</p>
{{ with $c.speaker }}{{ with index site.Data.people . }}<p>Speaker: <a href="{{ printf "people/%s/" .id | relURL }}">{{ .name }}</a></p>{{ end }}{{ end }}
<h2>Evidence</h2>
{{ range $c.citations }}{{ $s := index site.Data.sources .source }}<blockquote>{{ .quote }}</blockquote>
<p><a href="{{ printf "sources/%s/" .source | relURL }}">{{ $s.title }}</a></p>
{{ end }}<h2>People</h2><ul>
{{ range $c.people }}{{ $p := index site.Data.people . }}<li><a href="{{ printf "people/%s/" . | relURL }}">{{ $p.name }}</a></li>
{{ end }}</ul>{{ end }}""",
    "claims/list.html": '{{ define "main" }}<h1>Claims</h1>{{ $pager := .Paginate .Pages }}<ul>\n'
    "{{ range $pager.Pages }}" + _HUGO_LIST_ITEM + "{{ end }}</ul>" + _HUGO_PAGER + "{{ end }}",
    "people/term.html": """{{ define "main" }}{{ $p := index site.Data.people .Data.Term }}<h1>{{ $p.name }}</h1>
{{ with $p.description }}<p>{{ . | markdownify }}</p>{{ end }}<ul>
{{ range .Pages }}"""
    + _HUGO_LIST_ITEM
    + "{{ end }}</ul>{{ end }}",
    "sources/term.html": """{{ define "main" }}{{ $s := index site.Data.sources .Data.Term }}<h1>{{ $s.title }}</h1>
<p>{{ $s.publisher }}</p><ul>
{{ range .Pages }}"""
    + _HUGO_LIST_ITEM
    + "{{ end }}</ul>{{ end }}",
    "people/taxonomy.html": """{{ define "main" }}<h1>People</h1>{{ $pager := .Paginate .Pages }}<ul>
{{ range $pager.Pages }}{{ $p := index site.Data.people .Data.Term }}<li><a href="{{ .RelPermalink }}">{{ $p.name }}</a></li>
{{ end }}</ul>"""
    + _HUGO_PAGER
    + "{{ end }}",
    "sources/taxonomy.html": """{{ define "main" }}<h1>Sources</h1>{{ $pager := .Paginate .Pages }}<ul>
{{ range $pager.Pages }}{{ $s := index site.Data.sources .Data.Term }}<li><a href="{{ .RelPermalink }}">{{ $s.title }}</a></li>
{{ end }}</ul>"""
    + _HUGO_PAGER
    + "{{ end }}",
    "_default/single.html": """{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}""",
    "404.html": """{{ define "main" }}<h1>Page not found</h1>{{ end }}""",
}


def hugo_project(project: Path, hugo: Path) -> None:
    """The Hugo site of the sitegen `project`: its YAML as data files, a stub per claim
    (id, people, sources), the hand-written page, search page and minimal layouts."""
    config = {
        "baseURL": BASE_URL,
        "title": yaml.safe_load((project / "sitegen.yaml").read_text(encoding="utf-8"))["title"],
        "languageCode": "en",
        "taxonomies": {"person": "people", "source": "sources"},
        "paginate": PER_PAGE,
        "rssLimit": 100,
        "enableRobotsTXT": True,
        "outputs": {
            "home": ["HTML", "RSS", "JSON"],
            "section": ["HTML"],
            "taxonomy": ["HTML"],
            "term": ["HTML"],
        },
    }
    (hugo / "hugo.yaml").parent.mkdir(parents=True)
    (hugo / "hugo.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    for kind in ("claims", "people", "sources"):
        shutil.copytree(project / "content" / kind, hugo / "data" / kind)
    stubs = hugo / "content" / "claims"
    stubs.mkdir(parents=True)
    (stubs / "_index.md").write_text("---\ntitle: Claims\n---\n", encoding="utf-8")
    for path in sorted((project / "content" / "claims").glob("*.yaml")):
        claim = yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
        front = {
            "id": claim["id"],
            "title": claim["id"],
            "people": claim.get("people") or [],
            "sources": sorted({c["source"] for c in claim.get("citations") or []}),
        }
        (stubs / f"{claim['id']}.md").write_text(
            f"---\n{json.dumps(front)}\n---\n", encoding="utf-8"
        )
    for page in (project / "content" / "pages").glob("*.md"):
        shutil.copy(page, hugo / "content" / page.name)
    (hugo / "content" / "search.md").write_text("---\ntitle: Search\n---\n", encoding="utf-8")
    for name, text in HUGO_LAYOUTS.items():
        target = hugo / "layouts" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def sitegen_project(project: Path, minimal: Path) -> None:
    """A copy of `project` with the minimal theme in its `templates/`."""
    shutil.copytree(project, minimal, ignore=shutil.ignore_patterns("site", ".sitegen-cache"))
    (minimal / "templates").mkdir()
    for name, text in SITEGEN_MINIMAL.items():
        (minimal / "templates" / name).write_text(text, encoding="utf-8")


def timed(commands: list[list[str]], cwd: Path, removed: list[Path]) -> float:
    """Wall time of `commands` run one after the other, once the `removed` folders
    (the output, a cache) are gone."""
    for folder in removed:
        shutil.rmtree(folder, ignore_errors=True)
    started = time.perf_counter()
    for command in commands:
        result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f"{' '.join(command)} failed:\n{result.stderr}")
    return time.perf_counter() - started


def html_pages(folder: Path) -> int:
    return sum(1 for _ in folder.rglob("*.html"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=2, help="sitegen's --jobs (default 2)")
    parser.add_argument("--dir", type=Path, default=default_dir())
    parser.add_argument("--claims", type=int, default=2000)
    args = parser.parse_args()
    hugo_bin = shutil.which("hugo")
    if hugo_bin is None:
        print(
            "Hugo is not installed. On Debian/Ubuntu: apt-get install -y hugo\n"
            "(or a release binary from https://gohugo.io/installation/), then run this again.",
            file=sys.stderr,
        )
        return 2
    pagefind_bin = pagefind.executable()
    if pagefind_bin is None:
        print("Pagefind is not installed: pip install 'pagefind[bin]'", file=sys.stderr)
        return 2
    version = subprocess.run([hugo_bin, "version"], capture_output=True, text=True).stdout
    folder = Path(tempfile.mkdtemp(prefix="sitegen-vs-hugo-", dir=args.dir))
    try:
        full = folder / "full"
        base = generate(full, claims=args.claims, people=args.claims // 4)
        with (full / "sitegen.yaml").open("a", encoding="utf-8") as settings:
            settings.write(f"base_url: {BASE_URL}\nper_page: {PER_PAGE}\n")
        minimal, hugo = folder / "minimal", folder / "hugo"
        sitegen_project(full, minimal)
        hugo_project(full, hugo)
        sitegen = [sys.executable, "-m", "sitegen", "render", "-q", "--jobs", str(args.jobs)]
        public = folder / "public"
        hugo_commands = [
            [hugo_bin, "--quiet", "--cleanDestinationDir", "-d", str(public)],
            [str(pagefind_bin), "--site", str(public), "--silent"],
        ]
        races = {
            "sitegen minimal": ([sitegen], minimal, [minimal / "site"]),
            "hugo + pagefind": (hugo_commands, hugo, [public]),
            "sitegen full": ([sitegen], full, [full / "site"]),
            NO_CACHE: ([sitegen], minimal, [minimal / "site", minimal / ".sitegen-cache"]),
        }
        times: dict[str, list[float]] = {name: [] for name in races}
        for command, cwd, removed in races.values():  # a first run of each, not timed
            timed(command, cwd, removed)
        pages = {name: html_pages(removed[0]) for name, (_, _, removed) in races.items()}
        print(
            f"{len(base.claims)} claims, {len(base.people)} people, {len(base.sources)} "
            f"sources; sitegen --jobs {args.jobs}, {version.split()[0]} {version.split()[1]} "
            f"({os.cpu_count()} CPUs); output in {folder}"
        )
        for _ in range(args.runs):
            for name, (command, cwd, removed) in races.items():
                times[name].append(timed(command, cwd, removed))
        rate = {}
        for name, runs in times.items():
            median = statistics.median(runs)
            rate[name] = pages[name] / median
            print(
                f"{name:16} {pages[name]:5d} HTML pages  median {median:6.2f} s  "
                f"{rate[name]:6.0f} pages/s  (runs: {', '.join(f'{t:.2f}' for t in runs)})"
            )
        print(f"theme cost: full {rate['sitegen full'] / rate['sitegen minimal']:.2f}x minimal")
        print(f"minimal with no parse cache {rate[NO_CACHE] / rate['hugo + pagefind']:.2f}x hugo")
        print(
            f"minimal {rate['sitegen minimal'] / rate['hugo + pagefind']:.2f}x "
            f"full {rate['sitegen full'] / rate['hugo + pagefind']:.2f}x"
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
