"""The renderer: pages, links, escaping, highlighted passages, templates, atomicity."""

from __future__ import annotations

import functools
import gc
import io
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.etree.ElementTree import Element

import html5lib
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitegen.config import Config
from sitegen.errors import TemplateError
from sitegen.factbase.model import Citation, Claim, FactBase, Figure, Page, Person, Source
from sitegen.factbase.store import read_factbase, write_factbase
from sitegen.render import RenderResult, relative_url, render_site
from sitegen.render import site as site_module
from sitegen.render.pager import Pager, pagers
from sitegen.render.passages import Passage, paragraph_spans, segment
from sitegen.reporter import Reporter
from sitegen.theme import theme_dir

ARTICLE_A = """Volunteers line up

Seventy Japanese men volunteered to fight for Ukraine, the Mainichi said.
Officials <script>alert(1)</script> declined to comment.

Kurogi said he felt he should go. "I have nothing to lose," he said.
"""

ARTICLE_B = """---
title: Second report
---
Seventy men, including 50 former soldiers, applied.

Kurogi, 39, called the embassy.
"""

PAGE_BODY = "Written *by hand*, with <i>raw</i> HTML.\n"


def cite(text: str, source: str, quote: str) -> Citation:
    start = text.index(quote)
    return Citation(source, quote, start, start + len(quote))


def make_project(root: Path) -> tuple[Config, FactBase]:
    """Two readable articles, one missing, and claims that overlap, cross and go stale."""
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (root / "seeds" / "b.md").write_text(ARTICLE_B, encoding="utf-8")
    a, b = ARTICLE_A, ARTICLE_B
    claims = [
        Claim(
            id="seventy",
            statement="Seventy men volunteered, <b>bold</b> and **strong**",
            citations=[
                cite(a, "a", "Seventy Japanese men volunteered"),
                cite(b, "b", "Seventy men"),
            ],
            status="corroborated",
            figures=[Figure(70.0, "Seventy", None, "men")],
            kind="figure",
        ),
        Claim(
            id="fight",
            statement="Men volunteered to fight",
            citations=[cite(a, "a", "men volunteered to fight")],
            status="single-source",
        ),
        Claim(
            id="same-span",
            statement="The same words, cited again",
            citations=[cite(a, "a", "Seventy Japanese men volunteered")],
            status="single-source",
        ),
        Claim(
            id="cross",
            statement="Kurogi felt he should go",
            citations=[cite(a, "a", "declined to comment.\n\nKurogi said")],
            status="single-source",
            people=["kurogi"],
            kind="quote",
            speaker="kurogi",
        ),
        Claim(
            id="called",
            statement="Kurogi called the embassy",
            citations=[cite(b, "b", "Kurogi, 39, called the embassy.")],
            status="disputed",
            people=["kurogi"],
            speaker="Ukrainian embassy",
            conflicts=["seventy"],
        ),
        Claim(
            id="stale",
            statement="A quote whose offsets went stale",
            citations=[Citation("a", "Seventy", 3, 10)],
            status="single-source",
        ),
    ]
    base = FactBase(
        sources={
            "a": Source(
                "a",
                "seeds/a.txt",
                "0" * 64,
                "Volunteers line up",
                publisher="Wire",
                url="https://example.com/a",
                date="2022-03-02",
            ),
            "b": Source("b", "seeds/b.md", "0" * 64, "Second report", url="javascript:alert(1)"),
            "gone": Source("gone", "seeds/gone.txt", "0" * 64, "Volunteers line up"),
        },
        people={"kurogi": Person("kurogi", "Keiichi Kurogi", ["Kurogi"], "A *volunteer*")},
        claims={claim.id: claim for claim in claims},
        pages={"about": Page("about", "About", PAGE_BODY)},
    )
    return Config(root=root), base


@pytest.fixture
def project(tmp_path: Path) -> tuple[Config, FactBase]:
    return make_project(tmp_path / "project")


def render(config: Config, base: FactBase) -> tuple[RenderResult, Reporter]:
    reporter = Reporter(stream=io.StringIO())
    return render_site(config, base, reporter), reporter


def parse(path: Path) -> Element:
    parser = html5lib.HTMLParser(
        strict=True, tree=html5lib.getTreeBuilder("etree"), namespaceHTMLElements=False
    )
    return parser.parse(path.read_bytes())


def text_of(element: Element) -> str:
    return "".join(element.itertext())


def snapshot(site: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()
    }


def ids_in(tree: Element) -> list[str]:
    return [el.get("id") for el in tree.iter() if el.get("id")]


def local_links(tree: Element) -> Iterator[str]:
    """href/src values that point inside the site (not http(s), mailto or javascript)."""
    for element in tree.iter():
        for attr in ("href", "src"):
            value = element.get(attr)
            if value is not None and not urlsplit(value).scheme:
                yield value


@pytest.fixture
def site(project: tuple[Config, FactBase]) -> Path:
    config, base = project
    render(config, base)
    return config.site


def test_every_page_type_is_written(project: tuple[Config, FactBase]) -> None:
    config, base = project
    result, _ = render(config, base)
    expected = ["", "search/", "claims/", "people/", "sources/", "corrections/", "people/kurogi/"]
    expected += ["pages/about/"]
    expected += [f"claims/{cid}/" for cid in base.claims]
    expected += [f"sources/{sid}/" for sid in base.sources]
    for page in expected:
        assert (config.site / page / "index.html").is_file(), page
    assert (config.site / "404.html").is_file()
    assert result.pages == len(expected) + 1 == len(list(config.site.rglob("*.html")))
    assert result.site_dir == config.site
    assert (config.site / "static" / "style.css").is_file()


def test_every_internal_link_and_fragment_resolves(site: Path) -> None:
    pages = {path: parse(path) for path in site.rglob("*.html")}
    passage_links = 0
    for page, tree in pages.items():
        for link in local_links(tree):
            parts = urlsplit(link)
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            assert target.is_file(), f"{page.relative_to(site)}: broken link {link}"
            assert target.is_relative_to(site.resolve()), link
            if parts.fragment:
                target_ids = ids_in(pages[target] if target in pages else parse(target))
                assert parts.fragment in target_ids, f"{page.relative_to(site)}: {link}"
                passage_links += parts.path.startswith("../../sources/")
    assert passage_links >= 5  # the claim pages do link into the articles


def test_pages_parse_strictly_with_unique_ids(site: Path) -> None:
    for path in site.rglob("*.html"):
        tree = parse(path)  # raises on any parse error
        ids = ids_in(tree)
        assert len(ids) == len(set(ids)), path
        assert tree.get("lang") == "en"
        assert tree.find("body/main") is not None


def test_article_and_yaml_text_are_escaped(site: Path) -> None:
    source = parse(site / "sources" / "a" / "index.html")
    assert [s.get("type") for s in source.iter("script")] == ["application/ld+json"]
    assert "Officials <script>alert(1)</script> declined" in text_of(source)

    claim = parse(site / "claims" / "seventy" / "index.html")
    heading = claim.find(".//h1")
    assert heading is not None
    assert not list(heading.iter("b"))
    assert "<b>bold</b>" in text_of(heading)
    assert text_of(heading.find("strong")) == "strong"  # Markdown still works

    page = parse(site / "pages" / "about" / "index.html")
    assert not list(page.iter("i"))
    assert "<i>raw</i>" in text_of(page)
    assert text_of(page.find(".//em")) == "by hand"

    hrefs = [el.get("href", "") for el in parse(site / "sources" / "b" / "index.html").iter()]
    assert not any(href.startswith("javascript:") for href in hrefs)


def test_overlapping_and_crossing_passages_are_highlighted(
    project: tuple[Config, FactBase], site: Path
) -> None:
    _, base = project
    tree = parse(site / "sources" / "a" / "index.html")
    marks = list(tree.iter("mark"))
    anchored = {el.get("id"): el for el in tree.iter() if el.get("id", "").startswith("p-")}
    cited = [
        c
        for claim in base.claims.values()
        if claim.id != "stale"
        for c in claim.citations
        if c.source == "a"
    ]
    for citation in cited:
        anchor = f"p-{citation.start}-{citation.end}"
        assert anchor in anchored
        pieces = [text_of(m) for m in marks if anchor in m.get("data-passages", "").split()]
        # A passage crossing a paragraph break is cut there; nothing else is lost.
        assert "".join(pieces) == citation.quote.replace("\n\n", "")
    # The words both "seventy" and "fight" cite are one mark covered by both passages.
    shared = next(m for m in marks if text_of(m) == "men volunteered")
    assert len(shared.get("data-passages").split()) == 2
    # Two claims citing the very same span share one passage and both are linked.
    claim_links = {el.get("href") for el in tree.iter("a")}
    for claim_id in ("seventy", "same-span", "fight", "cross"):
        assert f"../../claims/{claim_id}/" in claim_links
    # A passage that overlaps nothing is one mark holding exactly the quote.
    other = parse(site / "sources" / "b" / "index.html")
    quote = base.claims["called"].citations[0]
    mark = next(m for m in other.iter("mark") if m.get("id") == f"p-{quote.start}-{quote.end}")
    assert text_of(mark) == quote.quote
    assert "title: Second report" not in text_of(other)  # front matter is not article text


def test_stale_citation_and_missing_article_warn_but_render(
    project: tuple[Config, FactBase],
) -> None:
    config, base = project
    _, reporter = render(config, base)
    warnings = [str(w) for w in reporter.warnings]
    assert any("stale" in w and "seeds/a.txt" in w for w in warnings)
    assert any("gone.txt" in w for w in warnings)
    stale = parse(config.site / "claims" / "stale" / "index.html")
    assert "../../sources/a/" in {el.get("href") for el in stale.iter("a")}
    assert "not available" in text_of(parse(config.site / "sources" / "gone" / "index.html"))


def test_dangling_references_are_skipped_with_warnings(project: tuple[Config, FactBase]) -> None:
    config, base = project
    base.claims["ghostly"] = Claim(
        id="ghostly",
        statement="Refers to things that do not exist",
        citations=[Citation("nowhere", "x", 0, 1), base.claims["fight"].citations[0]],
        status="single-source",
        people=["ghost"],
        conflicts=["no-such-claim"],
    )
    base.claims["../escape"] = Claim(
        id="../escape", statement="Bad id", citations=[], status="single-source"
    )
    _, reporter = render(config, base)
    warnings = " ".join(str(w) for w in reporter.warnings)
    for name in ("nowhere", "ghost", "no-such-claim", "../escape"):
        assert name in warnings
    page = parse(config.site / "claims" / "ghostly" / "index.html")
    assert len(page.findall(".//figure")) == 1
    assert not list(config.root.rglob("escape"))


def test_home_orders_claims_by_corroboration_and_derives_title(site: Path) -> None:
    home = parse(site / "index.html")
    assert text_of(home.find(".//h1")) == "Volunteers line up"  # two of three sources
    key_facts = home.find(".//section[@aria-labelledby='key-facts']")
    order = [a.get("href") for a in key_facts.iter("a")]
    assert order[0] == "claims/seventy/"  # the only claim with two sources
    assert order[1:] == sorted(order[1:])


def large_story(
    root: Path, sources: int, claims: int, widely: int, people: int
) -> tuple[Config, FactBase]:
    """`widely` claims told by the first ten sources, the rest by one source each, and
    people each named by one claim."""
    (root / "seeds").mkdir(parents=True)
    texts = {f"s{n:02d}": "" for n in range(sources)}
    cited: dict[str, list[str]] = {}
    for number in range(claims):
        tellers = list(texts)[:10] if number < widely else [f"s{number % sources:02d}"]
        cited[f"c{number:03d}"] = tellers
        for source in tellers:
            texts[source] += f"Statement number {number} was made.\n\n"
    base = FactBase(sources={}, people={}, claims={})
    for source, text in texts.items():
        (root / "seeds" / f"{source}.txt").write_text(text, encoding="utf-8")
        base.sources[source] = Source(source, f"seeds/{source}.txt", "0" * 64, source.upper())
    for number in range(people):
        base.people[f"p{number}"] = Person(f"p{number}", f"Person {number}", [], None)
    for number, (claim_id, tellers) in enumerate(cited.items()):
        quote = f"Statement number {number} was made."
        base.claims[claim_id] = Claim(
            id=claim_id,
            statement=quote,
            citations=[cite(texts[s], s, quote) for s in tellers],
            status="corroborated" if len(tellers) > 1 else "single-source",
            people=[f"p{number}"] if number < people else [],
        )
    return Config(root=root), base


def test_overview_of_a_large_story_stays_bounded(tmp_path: Path) -> None:
    """The matrix shows the strongest 100 claims against the 30 sources reporting most
    of them, the overview the 40 most cited people; the full lists keep everything."""
    config, base = large_story(tmp_path / "large", sources=45, claims=130, widely=20, people=60)
    render(config, base)
    home = parse(config.site / "index.html")
    matrix = home.find(".//table[@class='matrix']")
    rows = matrix.findall("tbody/tr")
    columns = [a.get("href") for a in matrix.findall("thead/tr/th/a")]
    assert len(rows) == 100 and len(columns) == 30
    shown = {row.find("th/a").get("href") for row in rows}
    assert {f"claims/c{n:03d}/" for n in range(20)} <= shown
    assert {f"sources/s{n:02d}/" for n in range(10)} <= set(columns)
    listed = home.find(".//section[@aria-labelledby='sources']")
    assert [a.get("href") for a in listed.findall("ul/li/a")] == columns
    people = home.find(".//section[@aria-labelledby='people']")
    assert len(people.findall("ul/li")) == 40
    links = {text_of(a) for a in home.iter("a")}
    assert {"All 130 claims", "All 60 people", "All 45 sources"} <= links
    assert len(listed_claims(config.site)) == 130


def listed_claims(site: Path) -> list[str]:
    """The claims the claims list links to, page after page (site paths)."""
    listed = []
    for page in [
        site / "claims",
        *sorted((site / "claims" / "page").glob("*"), key=lambda folder: int(folder.name)),
    ]:
        tree = parse(page / "index.html")
        for item in tree.iterfind(".//ul[@class='claims']/li/a[@class='statement']"):
            listed.append((page / item.get("href")).resolve().relative_to(site.resolve()))
    return [f"{path.as_posix()}/" for path in listed]


def test_long_lists_are_split_into_pages(tmp_path: Path) -> None:
    """Hugo's layout: the first page keeps the list's address, then page/2/, ...; each
    item is on exactly one page, in the list's order, and the pages link each other."""
    config, base = large_story(tmp_path / "large", sources=45, claims=130, widely=20, people=60)
    config.per_page = 50
    render(config, base)
    site = config.site
    assert sorted(p.name for p in (site / "claims" / "page").iterdir()) == ["2", "3"]
    listed = listed_claims(site)
    strongest = [f"claims/c{n:03d}/" for n in range(20)]
    assert len(listed) == len(set(listed)) == 130 and sorted(listed[:20]) == strongest
    second = parse(site / "claims" / "page" / "2" / "index.html")
    assert text_of(second.find(".//title")).startswith("Claims, page 2 of 3")
    nav = second.find(".//nav[@class='pager']")
    here = site / "claims" / "page" / "2"
    assert {
        a.get("rel"): (here / a.get("href")).resolve() for a in nav.iter("a") if a.get("rel")
    } == {"prev": (site / "claims").resolve(), "next": (site / "claims" / "page" / "3").resolve()}
    assert "51–100 of 130" in text_of(nav)
    assert [p.name for p in (site / "people" / "page").iterdir()] == ["2"]
    assert not (site / "sources" / "page").exists()  # 45 sources: one page, no pager
    assert parse(site / "sources" / "index.html").find(".//nav[@class='pager']") is None
    for page in (site / "claims").glob("page/*/index.html"):
        for link in local_links(parse(page)):
            target = (page.parent / unquote(urlsplit(link).path)).resolve()
            assert (target / "index.html" if target.is_dir() else target).is_file(), link


@given(st.integers(0, 5000), st.integers(1, 300), st.data())
def test_pager_links_first_last_and_nearby_pages(
    total: int, size: int, data: st.DataObject
) -> None:
    count = Pager("claims/", 1, size, total).count
    number = data.draw(st.integers(1, count))
    pager = Pager("claims/", number, size, total)
    shown = pager.links()
    numbers = [n for n in shown if n is not None]
    assert numbers == sorted(set(numbers)) and {1, count, number} <= set(numbers)
    for before, gap, after in zip(shown, shown[1:], shown[2:], strict=False):
        if gap is None:
            assert before is not None and after is not None and after - before > 1
    pages = pagers("claims/", total, size)
    assert [p.path for p in pages][:2] == ["claims/", "claims/page/2/"][: len(pages)]
    items = list(range(total))
    assert [item for p in pages for item in p.items(items)] == items


def test_overview_of_a_small_story_shows_everything(site: Path) -> None:
    home = parse(site / "index.html")
    assert len(home.findall(".//table[@class='matrix']/tbody/tr")) == 6
    assert len(home.findall(".//table[@class='matrix']/thead/tr/th/a")) == 3
    assert "All" not in "".join(text_of(a) for a in home.iter("a"))


def test_claim_and_person_pages_show_relations(site: Path) -> None:
    called = parse(site / "claims" / "called" / "index.html")
    hrefs = {el.get("href") for el in called.iter("a")}
    assert {"../../claims/seventy/", "../../people/kurogi/"} <= hrefs
    assert "Ukrainian embassy" in text_of(called)
    assert "39" not in text_of(called.find(".//h1"))

    # both sides of the dispute, each with its citations linked to their passages
    rivals = called.find(".//section[@aria-labelledby='conflicts']")
    sides = [text_of(side) for side in rivals.iter("div") if side.get("class") == "versus-side"]
    assert "Kurogi, 39, called the embassy." in sides[0]
    assert "Seventy Japanese men volunteered" in sides[1] and "Seventy men" in sides[1]
    assert any(a.get("href").startswith("../../sources/a/#") for a in rivals.iter("a"))

    seventy = parse(site / "claims" / "seventy" / "index.html")
    assert "70" in [text_of(td) for td in seventy.iter("td")]

    person = parse(site / "people" / "kurogi" / "index.html")
    quotes = person.find(".//section[@aria-labelledby='quotes']")
    others = person.find(".//section[@aria-labelledby='claims']")
    assert "../../claims/cross/" in {a.get("href") for a in quotes.iter("a")}
    assert "../../claims/called/" in {a.get("href") for a in others.iter("a")}
    assert "../../claims/cross/" not in {a.get("href") for a in others.iter("a")}


def test_project_templates_override_the_theme(project: tuple[Config, FactBase]) -> None:
    config, base = project
    (config.templates / "static").mkdir(parents=True)
    (config.templates / "person.html").write_text(
        '{% extends "base.html" %}{% block content %}<p id="custom">{{ person.name }}</p>'
        "{% endblock %}",
        encoding="utf-8",
    )
    (config.templates / "static" / "style.css").write_text("body{}", encoding="utf-8")
    (config.templates / "static" / "extra.js").write_text("//", encoding="utf-8")
    result, _ = render(config, base)
    person = parse(config.site / "people" / "kurogi" / "index.html")
    assert text_of(person.find(".//p[@id='custom']")) == "Keiichi Kurogi"
    claim = parse(config.site / "claims" / "cross" / "index.html")
    assert claim.find(".//p[@id='custom']") is None
    assert (config.site / "static" / "style.css").read_text() == "body{}"
    assert (config.site / "static" / "extra.js").is_file()
    theme_files = [p for p in (theme_dir() / "static").rglob("*") if p.is_file()]
    assert result.static_files == len(theme_files) + 1  # style.css replaced, extra.js added


def test_structured_data_is_made_only_for_a_theme_that_shows_it(
    project: tuple[Config, FactBase], monkeypatch: pytest.MonkeyPatch
) -> None:
    config, base = project
    made = []
    for name in ("claim_review_data", "person_data"):
        real = getattr(site_module, name)
        monkeypatch.setattr(site_module, name, lambda *a, real=real: made.append(1) or real(*a))
    render(config, base)
    claim_pages = len(list((config.site / "claims").glob("*/index.html")))
    assert len(made) >= claim_pages > 0  # the theme shows JSON-LD on claim and person pages
    made.clear()
    config.templates.mkdir()
    (config.templates / "base.html").write_text(
        "<title>{{ site.title }}</title>{% block content %}{% endblock %}", encoding="utf-8"
    )
    render(config, base)
    assert made == []


def test_the_names_in_the_articles_are_counted_only_for_a_theme_that_shows_them(
    project: tuple[Config, FactBase], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A person's sources (with how often each names them) are counted by one scan of
    every article for every name, when a page first asks: the built-in person page
    shows them, a theme whose person page does not never scans."""
    from sitegen.render import views as views_module

    config, base = project
    scans = []
    real = views_module._mentions.__wrapped__
    counted = functools.lru_cache(maxsize=2)(lambda *a: scans.append(1) or real(*a))
    monkeypatch.setattr(views_module, "_mentions", counted)
    render(config, base)
    person = parse(config.site / "people" / "kurogi" / "index.html")
    found = person.find(".//section[@aria-labelledby='mentioned-in']")
    assert "named" in text_of(found) and "../../sources/a/" in {
        a.get("href") for a in found.iter("a")
    }
    assert len(scans) == 1  # once for every person
    scans.clear()
    config.templates.mkdir()
    (config.templates / "person.html").write_text(
        '{% extends "base.html" %}{% block content %}{{ person.name }} {{ claims | length }}'
        "{% endblock %}",
        encoding="utf-8",
    )
    render(config, base)
    assert "Keiichi Kurogi" in (config.site / "people" / "kurogi" / "index.html").read_text()
    assert scans == []


def test_template_syntax_error_names_file_and_line(project: tuple[Config, FactBase]) -> None:
    config, base = project
    config.templates.mkdir()
    (config.templates / "claim.html").write_text(
        '{% extends "base.html" %}\n{% block content %}\n{% if %}\n{% endblock %}\n',
        encoding="utf-8",
    )
    with pytest.raises(TemplateError) as caught:
        render(config, base)
    location = caught.value.location
    assert location is not None
    assert Path(location.path) == (config.templates / "claim.html").resolve()
    assert location.line == 3


def test_undefined_variable_names_file_and_line(project: tuple[Config, FactBase]) -> None:
    config, base = project
    config.templates.mkdir()
    (config.templates / "person.html").write_text(
        '{% extends "base.html" %}\n{% block content %}\n\n{{ no_such_thing }}\n{% endblock %}\n',
        encoding="utf-8",
    )
    with pytest.raises(TemplateError) as caught:
        render(config, base)
    assert "no_such_thing" in caught.value.message
    assert caught.value.location is not None
    assert Path(caught.value.location.path).name == "person.html"
    assert caught.value.location.line == 4


def test_failed_render_keeps_the_old_site(project: tuple[Config, FactBase]) -> None:
    config, base = project
    render(config, base)
    before = snapshot(config.site)
    config.templates.mkdir()
    (config.templates / "source.html").write_text("{{ missing }}", encoding="utf-8")
    base.claims["new"] = Claim(
        id="new", statement="Added later", citations=[], status="single-source"
    )
    with pytest.raises(TemplateError):
        render(config, base)
    assert snapshot(config.site) == before
    assert sorted(p.name for p in config.root.iterdir()) == ["seeds", "site", "templates"]


def test_rendering_is_deterministic(project: tuple[Config, FactBase]) -> None:
    config, base = project
    render(config, base)
    first = snapshot(config.site)
    render(config, base)
    assert snapshot(config.site) == first


def test_rendering_from_yaml_matches_rendering_from_memory(
    project: tuple[Config, FactBase],
) -> None:
    config, base = project
    render(config, base)
    from_memory = snapshot(config.site)
    write_factbase(base, config.content)
    (config.content / "pages").mkdir()
    (config.content / "pages" / "about.md").write_text(
        f"---\ntitle: About\n---\n{PAGE_BODY}", encoding="utf-8"
    )
    render(config, read_factbase(config.content))
    assert snapshot(config.site) == from_memory


def test_renders_without_spacy(project: tuple[Config, FactBase]) -> None:
    config, base = project
    write_factbase(base, config.content)
    script = """
import sys
sys.modules["spacy"] = None  # any attempt to import spaCy now fails
from pathlib import Path
from sitegen.config import load_config
from sitegen.factbase.store import read_factbase
from sitegen.render import render_site
from sitegen.reporter import Reporter
config = load_config(Path(sys.argv[1]))
result = render_site(config, read_factbase(config.content), Reporter(quiet=True))
assert sys.modules["spacy"] is None
leaked = sorted(name for name in sys.modules if name.startswith(("spacy.", "thinc")))
assert not leaked, leaked
# nor the merge, which pulls in the extraction's lexicon and rules (~50 ms a render)
merging = sorted(name for name in sys.modules if name.startswith("sitegen.merge"))
assert not merging, merging
print(result.pages)
"""
    done = subprocess.run(
        [sys.executable, "-c", script, str(config.root)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) == len(list(config.site.rglob("*.html"))) > 1


@pytest.mark.parametrize(
    ("from_page", "to_path", "expected"),
    [
        ("", "", "./"),
        ("", "claims/x/", "claims/x/"),
        ("claims/x/", "", "../../"),
        ("claims/x/", "sources/a/", "../../sources/a/"),
        ("people/", "/static/style.css", "../static/style.css"),
        ("pages/about/index.html", "people/", "../../people/"),
    ],
)
def test_relative_url(from_page: str, to_path: str, expected: str) -> None:
    assert relative_url(from_page, to_path) == expected


def test_a_passage_cited_before_the_text_is_shown_first_as_its_own_paragraph() -> None:
    """A headline cited in the front matter: shown above the text, with its anchor."""
    text = '---\ntitle: "Two hurt"\n---\n\nThe bridge fell.\n'
    headline = Passage(text.index("Two"), text.index("Two") + len("Two hurt"))
    article = segment(text, [headline], start=text.index("The"))
    first, body = ["".join(piece.text for piece in p.pieces) for p in article.paragraphs]
    assert (first, body) == ("Two hurt", "The bridge fell.")
    assert article.anchors == {headline.anchor}


@given(
    st.text(alphabet="ab \n", max_size=40),
    st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=6),
)
def test_segment_keeps_text_and_covers_each_passage(
    text: str, spans: list[tuple[int, int]]
) -> None:
    passages = [
        Passage(start, end)
        for start, end in sorted({(min(a, b), max(a, b)) for a, b in spans})
        if end <= len(text)
    ]
    article = segment(text, passages)
    paragraphs = list(paragraph_spans(text))
    assert ["".join(piece.text for piece in p.pieces) for p in article.paragraphs] == [
        text[start:end] for start, end in paragraphs
    ]
    pieces = [piece for p in article.paragraphs for piece in p.pieces]
    anchors = [anchor for piece in pieces for anchor in piece.anchors]
    assert len(anchors) == len(set(anchors))
    assert article.anchors == set(anchors), "known without cutting the text into pieces"
    for passage in passages:
        shown = "".join(
            text[max(passage.start, start) : min(passage.end, end)]
            for start, end in paragraphs
            if start < passage.end and passage.start < end
        )
        covering = [piece for piece in pieces if passage in piece.passages]
        assert "".join(piece.text for piece in covering) == shown
        assert (passage.anchor in anchors) == bool(shown)
        if covering:
            assert passage.anchor in covering[0].anchors
            assert passage in covering[-1].closes


def test_a_figure_is_shown_through_the_noun_it_counts() -> None:
    from sitegen.factbase.model import Figure
    from sitegen.render.figures import counted_words

    a_man = Figure(value=1, text="a", counts="man")
    told = "Police said a car hit the man, and a 27-year-old man was shot."
    assert counted_words(a_man, ["A crash.", told]) == "a 27-year-old man"
    assert counted_words(a_man, ["Police said a car hit the man."]) == "a"  # another phrase
    both = "A 2-year-old old was pronounced dead and a 15-month-old old suffered a wound."
    assert counted_words(Figure(value=1, text="a", counts="old"), [both]) == "a"  # which?
    assert (
        counted_words(a_man, ["a tall, thin, grey-haired man"]) == "a tall, thin, grey-haired man"
    )
    assert counted_words(a_man, ["a tall, thin, grey-haired old man"]) == "a"  # too far
    two = Figure(value=2, text="two", counts="men")
    assert counted_words(two, ["Two other young men were hurt."]) == "Two other young men"
    assert counted_words(Figure(value=70, text="70"), ["70 men"]) == "70"  # nothing counted
    dollars = Figure(value=2.7, text="2.70", unit="USD")
    assert counted_words(dollars, ["asking for contributions of $2.70, and"]) == "$2.70"


def test_the_figures_table_shows_a_count_of_one_with_its_value(
    project: tuple[Config, FactBase],
) -> None:
    """ "a 39-year-old" counted as one: the 39 is an age, so the value 1 is shown beside
    the words, which run through the noun counted when a passage has it close by."""
    config, base = project
    text = ARTICLE_B.split("---\n")[-1]
    base.claims["one"] = Claim(
        id="one",
        statement="Kurogi, 39, called",
        citations=[cite(text, "b", "Kurogi, 39, called the embassy.")],
        status="single-source",
        figures=[Figure(1, "a 39-year-old", quantity="arrested")],
    )
    base.claims["men"] = Claim(
        id="men",
        statement="Seventy men applied",
        citations=[cite(text, "b", "Seventy men, including 50 former soldiers, applied.")],
        status="single-source",
        figures=[Figure(50, "50", counts="soldiers", quantity="volunteers")],
    )
    render(config, base)
    home = text_of(parse(config.site / "index.html"))
    assert "1 (“a 39-year-old”)" in home
    assert "50 former soldiers" in home
    assert "one origin only" in home and "sources agree" not in home  # one source each


def test_a_figure_in_words_shows_its_value() -> None:
    from sitegen.render.figures import has_digit

    assert has_digit("$17 million") and has_digit("70")
    assert not has_digit("An") and not has_digit("two")


def test_a_text_two_outlets_print_word_for_word_is_one_origin_named_as_such(
    project: tuple[Config, FactBase],
) -> None:
    config, base = project
    for citation in base.claims["seventy"].citations:
        citation.origin = "wire-9"  # the build's label: both print one text
    base.claims["seventy"].independent_sources = 1
    base.claims["seventy"].status = "single-source"
    render(config, base)
    page = text_of(parse(config.site / "claims" / "seventy" / "index.html"))
    assert "1 origin (text shared by Wire and b)" in " ".join(page.split())
    assert "shared original (wire-9)" in page


@pytest.mark.parametrize("large", [False, True])
def test_a_render_lets_go_of_the_fact_base_before_pagefind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, large: bool
) -> None:
    """Pagefind indexes the drawn site beside the render's process, which by then holds
    no model object or view (~0.9 GB at 10,000 articles) nor the caches the dev server
    keeps for its next edit (one holds every article's text). A small site's files
    that are not pages are written while Pagefind runs, and all that goes once they
    are; a large site's are written before."""
    from sitegen.build import render as build_render
    from sitegen.render.views import ClaimView, PersonView, SourceView, _mentions

    config, base = make_project(tmp_path / "project")
    del base.claims["stale"], base.sources["gone"]  # errors: the render would stop
    write_factbase(base, config.content)
    del base
    if large:
        monkeypatch.setattr(site_module, "SIZED_WHILE_DRAWN", 0)
    kept: list[object] = []

    def index(
        site: Path, reporter: Reporter, *args: object, meanwhile: object = None, **kwargs: object
    ) -> bool:
        assert (meanwhile is None) == large and (site / "feed.xml").exists() == large
        if callable(meanwhile):
            meanwhile()
        assert (site / "feed.xml").is_file() and (site / "data" / "claims.json").is_file()
        gc.collect()
        shown = (Claim, Person, Source, ClaimView, PersonView, SourceView)
        kept.extend(o for o in gc.get_objects() if isinstance(o, shown))
        kept.extend([_mentions] * _mentions.cache_info().currsize)
        return True

    monkeypatch.setattr(site_module, "index_site", index)
    build_render(config, Reporter(stream=io.StringIO()), force=True)
    assert (config.site / "claims" / "seventy" / "index.html").is_file()
    assert kept == []


def test_a_render_lets_go_of_the_articles_texts_before_drawing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The names found in every article's text (kept with the texts for the dev
    server's next edit) are gone before pages are drawn, so that forked render
    processes do not share them; the dev server keeps them."""
    from sitegen.build import render as build_render
    from sitegen.render.views import _mentions

    config, base = make_project(tmp_path / "project")
    del base.claims["stale"], base.sources["gone"]  # errors: the render would stop
    write_factbase(base, config.content)
    kept: list[int] = []
    draw_all = site_module.draw_all

    def drawing(*args: object, **kwargs: object) -> tuple[int, ...]:
        kept.append(_mentions.cache_info().currsize)
        return draw_all(*args, **kwargs)

    monkeypatch.setattr(site_module, "draw_all", drawing)
    build_render(config, Reporter(stream=io.StringIO()), force=True)
    assert (config.site / "people").is_dir() and kept == [0]


def test_the_templates_compiled_before_forking_are_those_the_pages_use(tmp_path: Path) -> None:
    """Render processes fork once the templates the pages use are compiled: every page
    spec's template is among them, with what it extends or imports, and a theme's
    template that no page reaches (the built-in macros under a project's own pages) is
    not compiled."""
    from sitegen.render.templates import Templates
    from sitegen.render.views import build_views

    config = Config(root=tmp_path, base_url="https://example.org/story/")
    source = Source(id="s", file="seeds/s.md", sha256="0" * 64, title="A report")
    cited = [Citation(source="s", quote="A claim.", start=0, end=8)]
    claim = Claim(id="c", statement="A claim", status="single_source", citations=cited)
    base = FactBase(
        sources={"s": source},
        people={"p": Person(id="p", name="Ann Lee")},
        claims={"c": claim},
        pages={"about": Page(slug="about", title="About", body="Text")},
    )
    views = build_views(config, base, Reporter(quiet=True), lambda _: ("", ""))
    used = {spec.template for spec in site_module.site_specs(views)}
    assert "sitemap.xml" in used and used <= set(site_module.PAGE_TEMPLATES)
    config.templates.mkdir()
    (config.templates / "claim.html").write_text('{% extends "base.html" %}', encoding="utf-8")
    (config.templates / "index.html").write_text("<p>{{ site.title }}</p>", encoding="utf-8")
    templates = Templates.for_project(config)
    templates.compile_ahead(["claim.html", "index.html"])
    compiled = {name for _, name in templates.env.cache}
    assert {"claim.html", "index.html", "base.html", "footer.html"} <= compiled
    assert "macros.html" not in compiled


def test_templates_compiled_in_a_child_are_not_compiled_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With several processes, the templates compile in a child while content/ is read:
    this process then compiles none of them itself, and a template changed after the
    child read it is compiled afresh, not taken stale. One process forks nothing."""
    config = Config(root=tmp_path, jobs=2)
    config.templates.mkdir()
    (config.templates / "page.html").write_text("<p>before</p>", encoding="utf-8")
    templates = site_module.templates_apart(config)
    assert templates is not None
    (config.templates / "page.html").write_text("<p>after</p>", encoding="utf-8")
    compiled: list[str] = []
    compile = templates.env.compile
    monkeypatch.setattr(
        templates.env,
        "compile",
        lambda source, name, *a: compiled.append(name) or compile(source, name, *a),
    )
    templates.compile_ahead(site_module.PAGE_TEMPLATES)
    names = {name for _, name in templates.env.cache}
    assert {"claim.html", "macros.html", "base.html", "page.html"} <= names
    assert set(compiled) <= {"page.html"}  # only the one changed meanwhile, if it was read
    assert templates.render("page.html", {}) == "<p>after</p>"
    assert site_module.templates_apart(Config(root=tmp_path, jobs=1)) is None


def test_a_stuck_compiling_child_is_given_up_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A child that never hands its code over (forked while a thread held a lock it
    needs) is stopped after `APART_WAIT`; the templates then compile here."""
    import time

    from sitegen.render import templates as templates_module

    parent = os.getpid()
    made = templates_module._Compiled.__init__

    def stuck(self: object, *args: object) -> None:
        if os.getpid() != parent:
            time.sleep(60)
        made(self, *args)

    monkeypatch.setattr(templates_module._Compiled, "__init__", stuck)
    monkeypatch.setattr(templates_module, "APART_WAIT", 0.5)
    templates = site_module.templates_apart(Config(root=tmp_path, jobs=2))
    assert templates is not None
    started = time.monotonic()
    templates.compile_ahead(["page.html"])
    assert time.monotonic() - started < 10
    assert templates.env.bytecode_cache is None  # nothing taken from the child
    assert "page.html" in {name for _, name in templates.env.cache}


def test_a_quotation_claim_says_which_origins_print_its_words(tmp_path: Path) -> None:
    """Corroborated is the fact; the page says which origins print the quoted words
    whole, which some of them, and which tell the fact in other words."""
    texts = {
        "a": 'Mayor Anna Berg spoke on Monday. "We will rebuild every house on this street '
        'before the winter comes," she said.\n',
        "b": "Berg, speaking on Monday, said the town would rebuild every house on the "
        "street before winter.\n",
        "c": 'Berg said the town would "rebuild every house on this street" soon.\n',
    }
    root = tmp_path / "project"
    (root / "seeds").mkdir(parents=True)
    sources, citations = {}, []
    for name, text in texts.items():
        (root / "seeds" / f"{name}.txt").write_text(text, encoding="utf-8")
        sources[name] = Source(name, f"seeds/{name}.txt", "0" * 64, f"Report {name}")
        sources[name].publisher = f"Outlet {name.upper()}"
        citations.append(cite(text, name, text.strip()))
    claim = Claim(
        id="rebuild",
        statement="Anna Berg said: “We will rebuild every house on this street before the "
        "winter comes”",
        citations=citations,
        status="corroborated",
        kind="quote",
        independent_sources=3,
    )
    base = FactBase(sources=sources, people={}, claims={"rebuild": claim})
    render(Config(root=root), base)
    page = parse(root / "site" / "claims" / "rebuild" / "index.html")
    why = text_of(page.find(".//section[@aria-labelledby='why']"))
    assert (
        "Of these 3 origins, Outlet A prints the quoted words whole, Outlet C prints some of "
        "them and 1 other tells the fact in other words." in " ".join(why.split())
    )


def test_a_claims_figures_say_which_origins_state_them(tmp_path: Path) -> None:
    """Passages of one claim share its fact, not always its counts: the four hurt are
    stated by one of the two origins."""
    texts = {
        "a": "A man was killed and four other people were hurt on Main Street on Monday.\n",
        "b": "One man died at the scene on Main Street on Monday.\n",
    }
    root = tmp_path / "project"
    (root / "seeds").mkdir(parents=True)
    sources = {}
    for name, text in texts.items():
        (root / "seeds" / f"{name}.txt").write_text(text, encoding="utf-8")
        sources[name] = Source(name, f"seeds/{name}.txt", "0" * 64, f"Report {name}")
        sources[name].publisher = f"Outlet {name.upper()}"
    claim = Claim(
        id="killed",
        statement=texts["a"].strip(),
        citations=[cite(text, name, text.strip()) for name, text in texts.items()],
        status="corroborated",
        kind="figure",
        independent_sources=2,
        figures=[
            Figure(1.0, "A man", None, "man", quantity="killed"),
            Figure(4.0, "four", None, "people", quantity="injured"),
        ],
    )
    render(Config(root=root), FactBase(sources=sources, people={}, claims={"killed": claim}))
    page = parse(root / "site" / "claims" / "killed" / "index.html")
    table = page.find(".//section[@aria-labelledby='figures']")
    rows = [" ".join(text_of(tr).split()) for tr in table.iter("tr")]
    assert rows[0].endswith("Stated by")
    assert rows[1].endswith("—")  # a count of one: "a man", "one man", "the driver"
    assert rows[2].endswith("Outlet A (1 of 2 origins)")
