"""What a reader and a fact-checker get: identity and kind of each source, origins,
the story in brief, claim pages that explain themselves, corrections, open data with
its schema, ClaimReview, feed and sitemap dates. A hand-written fact base (as a person
or the extraction would write it) rendered for real."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
import yaml

from sitegen.config import Config
from sitegen.factbase.check import check_project
from sitegen.factbase.journal import STATE_DIR, corrections_text, load_corrections
from sitegen.factbase.reconcile import reconcile
from sitegen.factbase.store import load_factbase
from sitegen.factbase.yamledit import update_text
from sitegen.render import pagefind as pagefind_module
from sitegen.render import render_site
from sitegen.render.wording import word_diff
from sitegen.reporter import Reporter
from tests.conftest import run_sitegen
from tests.test_site import ATOM, SITEMAP, json_ld, parse_html

SCHEMAS = Path(__file__).resolve().parent.parent / "sitegen" / "schema"
BASE_URL = "https://example.org/story/"
ARTICLES = {
    "a": "Volunteers line up\n\nSeventy men from Japan volunteered to fight, officials said.\n\nThe embassy said 60,000 people gave money.\n",
    "b": "Seventy workers volunteered\n\nSeventy men from Japan offered to fight, officials said.\n\nThe embassy said 6,000 people gave money.\n",
    "c": "Wire story here, longer than its title and going on.\n\nSeventy men from Japan volunteered to fight, officials said.\n",
    "d": "Another wire copy\n\nSeventy men from Japan volunteered to fight, officials said.\n",
    "e": "Roundup\n\nSeventy men from Japan volunteered to fight, Reuters reported.\n",
}
SOURCES = {
    "a": "publisher: Reuters\nurl: https://example.com/a\ndate: '2022-03-01'\nauthor: Ann Writer\n",
    "b": "publisher: Daily Copy\ndate: '2022-03-03'\nderived_from:\n- a\n",
    "c": "origins:\n- wire-1\n",
    "d": "origins:\n- wire-1\nkind: opinion\n",
    "e": "url: https://www.roundup.example/x\nkind: aggregator\n",
}
TITLES = {
    "a": "Volunteers line up",
    "b": "Seventy workers volunteered",
    "c": "Wire story here, longer than its title…",
    "d": "Another wire copy",
    "e": "Roundup",
}


def _cite(source: str, quote: str, origin: str | None = None) -> str:
    start = ARTICLES[source].index(quote)
    text = f"- source: {source}\n  quote: {json.dumps(quote)}\n  start: {start}\n  end: {start + len(quote)}\n"
    return text + (f"  origin: {origin}\n" if origin else "")


CLAIMS = {
    "seventy": (
        "statement: Seventy men from Japan volunteered to fight.\nstatus: corroborated\n"
        "independent_sources: 2\npeople: []\n"
        "review: {rating: Mostly true, by: Check Desk, date: '2022-04-01', note: Seventy is the *ministry's* figure.}\n"
        "citations:\n"
        + _cite("a", "Seventy men from Japan volunteered to fight, officials said.")
        + _cite("b", "Seventy men from Japan offered to fight, officials said.")
        + _cite("c", "Seventy men from Japan volunteered to fight, officials said.")
        + _cite("d", "Seventy men from Japan volunteered to fight, officials said.")
        + _cite("e", "Seventy men from Japan volunteered to fight, Reuters reported.", "Reuters")
    ),
    "sixty-thousand": (
        "statement: The embassy said 60,000 people gave money.\nstatus: disputed\n"
        "independent_sources: 1\npeople: []\nconflicts:\n- six-thousand\n"
        "differs:\n  six-thousand: figure\ncitations:\n"
        + _cite("a", "The embassy said 60,000 people gave money.")
    ),
    "six-thousand": (
        "statement: The embassy said 6,000 people gave money.\nstatus: disputed\n"
        "independent_sources: 1\npeople: []\nconflicts:\n- sixty-thousand\ncitations:\n"
        + _cite("b", "The embassy said 6,000 people gave money.")
    ),
}


def make_story(root: Path) -> Config:
    """A project whose fact base a person has filled in: outlets, dates, copies,
    shared origins, credits, a dispute and a verdict."""
    (root / "seeds").mkdir(parents=True)
    for kind in ("sources", "claims", "people"):
        (root / "content" / kind).mkdir(parents=True)
    for sid, text in ARTICLES.items():
        (root / "seeds" / f"{sid}.txt").write_text(text, encoding="utf-8")
        (root / "content" / "sources" / f"{sid}.yaml").write_text(
            f"id: {sid}\nfile: seeds/{sid}.txt\nsha256: '{hashlib.sha256(text.encode()).hexdigest()}'\n"
            f"title: {json.dumps(TITLES[sid])}\n{SOURCES[sid]}",
            encoding="utf-8",
        )
    for cid, body in CLAIMS.items():
        (root / "content" / "claims" / f"{cid}.yaml").write_text(
            f"id: {cid}\n{body}", encoding="utf-8"
        )
    return Config(root=root, base_url=BASE_URL)


def render(config: Config) -> Reporter:
    reporter = Reporter(stream=io.StringIO())
    render_site(config, load_factbase(config, reporter), reporter)
    return reporter


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> Path:
    config = make_story(tmp_path_factory.mktemp("reader") / "project")
    state = config.content / STATE_DIR
    state.mkdir()
    (state / "corrections.json").write_text(
        corrections_text(
            config.content,
            {
                "claims/seventy": {
                    "statement": (
                        "Seventy men volunteered.",
                        "Seventy men from Japan volunteered to fight.",
                    )
                }
            },
            "2022-05-01",
        ),
        encoding="utf-8",
    )
    render(config)
    return config.site


def page_text(site: Path, path: str) -> str:
    tree = parse_html((site / path / "index.html").read_bytes())
    return " ".join("".join(tree.find(".//main").itertext()).split())


def test_the_fact_base_with_its_new_fields_is_valid(tmp_path: Path) -> None:
    config = make_story(tmp_path)
    assert [str(p) for p in check_project(config)] == []


@pytest.mark.parametrize(
    ("review", "expected"),
    [
        ("{rating: True, by: X, date: '2022-01-01'}", "'rating' must be"),
        ("{by: X, date: '2022-01-01'}", "missing required field 'rating'"),
        ("{rating: Wrong, by: X, date: March}", "ISO date"),
    ],
)
def test_check_refuses_a_malformed_review(tmp_path: Path, review: str, expected: str) -> None:
    config = make_story(tmp_path)
    path = config.content / "claims" / "sixty-thousand.yaml"
    path.write_text(path.read_text() + f"review: {review}\n", encoding="utf-8")
    problems = [str(p) for p in check_project(config) if p.level == "error"]
    assert any(expected in p and "sixty-thousand.yaml" in p for p in problems), problems


@pytest.mark.parametrize(
    ("field", "value"), [("kind", "tabloid"), ("title_from", "guess"), ("origins", "Reuters")]
)
def test_check_refuses_a_bad_source_field(tmp_path: Path, field: str, value: str) -> None:
    config = make_story(tmp_path)
    path = config.content / "sources" / "a.yaml"
    path.write_text(path.read_text() + f"{field}: {value}\n", encoding="utf-8")
    problems = [str(p) for p in check_project(config) if p.level == "error"]
    assert any(f"'{field}'" in p and "a.yaml" in p for p in problems), problems


def test_source_pages_show_identity_and_kind(story: Path) -> None:
    a = page_text(story, "sources/a")
    assert "Reuters" in a and "2022-03-01" in a and "Ann Writer" in a and "Original reporting" in a
    assert "Copy or rewrite of Reuters" in page_text(story, "sources/b")
    assert "Shares one origin with" in page_text(story, "sources/c")
    d = page_text(story, "sources/d")
    assert "Opinion" in d
    e = page_text(story, "sources/e")
    assert "roundup.example" in e  # the outlet from the URL when no publisher is given
    assert "Aggregator crediting Reuters" in e
    assert "first sentence" in page_text(story, "sources/c")  # a cut title is marked
    assert "first sentence" not in page_text(story, "sources/a")
    article = json_ld(story / "sources" / "b" / "index.html")
    assert article["@type"] == "NewsArticle"
    assert article["publisher"]["name"] == "Daily Copy"
    assert article["isBasedOn"][0]["url"] == "https://example.com/a"


def test_every_citation_names_its_outlet_and_kind(story: Path) -> None:
    tree = parse_html((story / "claims" / "seventy" / "index.html").read_bytes())
    captions = [" ".join("".join(f.itertext()).split()) for f in tree.iter("figcaption")]
    evidence = [c for c in captions if "Read in context" in c]
    assert len(evidence) == 5
    assert any("Reuters" in c and "2022-03-01" in c for c in evidence)
    assert any("Copy or rewrite of Reuters" in c for c in evidence)
    assert any("credits Reuters" in c for c in evidence)


def test_claim_page_explains_its_status_first_report_and_wording(story: Path) -> None:
    text = page_text(story, "claims/seventy")
    # a, its copy b and e crediting Reuters are one origin; c and d share wire-1: two,
    # grouped as the build and `check` count them, so no disagreeing count is shown
    assert "5 outlets report it, tracing to 2 independent origins" in text
    assert "The fact base records" not in text
    assert "First reported on 1 March 2022 by Reuters" in text
    tree = parse_html((story / "claims" / "seventy" / "index.html").read_bytes())
    wording = tree.find(".//section[@aria-labelledby='wording']")
    assert wording is not None
    # the copy's rewrite: "volunteered" taken out, "offered" put in
    assert any("volunteered" in "".join(d.itertext()) for d in wording.iter("del"))
    assert any("offered" in "".join(i.itertext()) for i in wording.iter("ins"))


def test_word_diff_keeps_both_texts() -> None:
    before, after = "a local office worker said", "a local workplace employee said"
    pieces, ratio = word_diff(before, after)
    assert "".join(p.text for p in pieces if p.op != "added") == before
    assert "".join(p.text for p in pieces if p.op != "removed") == after
    assert [p.text.strip() for p in pieces if p.op == "removed"] == ["office worker"]
    assert 0 < ratio < 1


def test_claim_review_only_where_a_person_added_one(story: Path) -> None:
    reviewed = json_ld(story / "claims" / "seventy" / "index.html")
    assert reviewed["@type"] == "ClaimReview"
    assert reviewed["reviewRating"] == {"@type": "Rating", "alternateName": "Mostly true"}
    assert reviewed["author"]["name"] == "Check Desk"
    assert reviewed["datePublished"] == "2022-04-01"
    assert reviewed["claimReviewed"] == "Seventy men from Japan volunteered to fight."
    assert reviewed["url"] == f"{BASE_URL}claims/seventy/"
    assert reviewed["itemReviewed"]["@type"] == "Claim"
    assert "Fact-check: Mostly true" in page_text(story, "claims/seventy")
    assert json_ld(story / "claims" / "six-thousand" / "index.html")["@type"] == "Claim"
    home = json_ld(story / "index.html")
    assert home["@type"] == "WebSite" and home["url"] == BASE_URL


def test_home_tells_the_story_and_disputes_first(story: Path) -> None:
    tree = parse_html((story / "index.html").read_bytes())
    headings = [" ".join("".join(h.itertext()).split()) for h in tree.iter("h2")]
    assert headings.index("The story in brief") < headings.index("Where sources disagree")
    assert headings.index("Where sources disagree") < headings.index("Key facts")
    lead = tree.find(".//p[@class='story-lead']")
    assert next(a.get("href") for a in lead.iter("a")) == "claims/seventy/"
    disputes = tree.find(".//section[@aria-labelledby='disagree']")
    linked = {a.get("href") for a in disputes.iter("a")}
    assert {"claims/sixty-thousand/", "claims/six-thousand/"} <= linked
    assert "They differ in the figure" in " ".join("".join(disputes.itertext()).split())
    matrix = tree.find(".//table[@class='matrix']")
    heads = ["".join(th.itertext()).strip() for th in matrix.findall("thead/tr/th")][1:]
    assert "Reuters" in heads and "Daily Copy" in heads
    labels = [a.get("aria-label") for a in matrix.iter("a") if a.get("aria-label")]
    assert any(
        label.startswith("Daily Copy (copy or rewrite of Reuters) reports: Seventy")
        for label in labels
    )


def test_origins_picture_is_drawn_at_build_time(story: Path) -> None:
    tree = parse_html((story / "sources" / "index.html").read_bytes())
    assert not list(tree.iter("script")) or all(
        s.get("type") == "application/ld+json" for s in tree.iter("script")
    )
    svg = next((el for el in tree.iter() if el.tag.endswith("svg")), None)
    assert svg is not None and svg.get("role") == "img"
    edges = [p for p in svg.iter() if "edge" in (p.get("class") or "")]
    # b copies a; c and d share wire-1; e credits Reuters in a passage
    assert sorted(p.get("class") for p in edges) == [
        "edge edge-copy",
        "edge edge-credit",
        "edge edge-shared",
        "edge edge-shared",
    ]
    listed = " ".join("".join(tree.find(".//ul[@class='origins-list']").itertext()).split())
    assert (
        "“Roundup” credits Reuters for 1 passage" in listed
        or "credits Reuters for 1 passage" in listed
    )


def test_feed_and_sitemap_dates_come_from_reports_and_corrections(story: Path) -> None:
    feed = ET.parse(story / "feed.xml").getroot()
    entries = {e.findtext(f"{ATOM}id"): e for e in feed.iter(f"{ATOM}entry")}
    seventy = entries[f"{BASE_URL}claims/seventy/"]
    assert seventy.findtext(f"{ATOM}published") == "2022-03-01T00:00:00Z"
    assert seventy.findtext(f"{ATOM}updated") == "2022-05-01T00:00:00Z"  # the correction
    six = entries[f"{BASE_URL}claims/six-thousand/"]
    assert (
        six.findtext(f"{ATOM}published")
        == six.findtext(f"{ATOM}updated")
        == ("2022-03-03T00:00:00Z")
    )
    assert feed.findtext(f"{ATOM}updated") == "2022-05-01T00:00:00Z"
    sitemap = ET.parse(story / "sitemap.xml").getroot()
    lastmod = {u.findtext(f"{SITEMAP}loc"): u.findtext(f"{SITEMAP}lastmod") for u in sitemap}
    assert lastmod[f"{BASE_URL}sources/a/"] == "2022-03-01"
    assert lastmod[f"{BASE_URL}claims/six-thousand/"] == "2022-03-03"
    assert lastmod[f"{BASE_URL}sources/c/"] is None  # undated: no guess


def test_corrections_page_shows_machine_and_person_values(story: Path) -> None:
    text = page_text(story, "corrections")
    assert "Seventy men volunteered." in text
    assert "Seventy men from Japan volunteered to fight." in text
    assert "2022-05-01" in text


def test_reconcile_records_each_kept_edit_with_the_machine_value() -> None:
    citation = {"source": "a", "quote": "Words.", "start": 0, "end": 6}
    machine = {
        "id": "x",
        "statement": "Machine words.",
        "status": "single-source",
        "people": [],
        "citations": [citation],
    }
    edited = {**machine, "statement": "Person's words.", "review": {"rating": "False"}}
    outcome = reconcile(
        {"sources": {}, "people": {}, "claims": {"x": machine}},
        {"claims": {"x": edited}},
        {"claims": {"x": machine}},
        {"a": "Words."},
    )
    assert outcome.records["claims"]["x"]["review"] == {"rating": "False"}  # never dropped
    assert outcome.corrections["claims/x"]["statement"] == ("Machine words.", "Person's words.")


def test_a_correction_keeps_the_date_it_was_first_kept(tmp_path: Path) -> None:
    (tmp_path / STATE_DIR).mkdir()
    edit = {"claims/x": {"statement": ("Machine.", "Person.")}}
    path = tmp_path / STATE_DIR / "corrections.json"
    path.write_text(corrections_text(tmp_path, edit, "2022-01-01"), encoding="utf-8")
    path.write_text(corrections_text(tmp_path, edit, "2022-02-02"), encoding="utf-8")
    assert load_corrections(tmp_path)["claims/x"]["statement"]["kept"] == "2022-01-01"
    changed = {"claims/x": {"statement": ("Machine.", "Person, again.")}}
    assert (
        json.loads(corrections_text(tmp_path, changed, "2022-02-02"))["corrections"]["claims/x"][
            "statement"
        ]["kept"]
        == "2022-02-02"
    )


def validate(site: Path) -> dict[str, dict]:
    found = {}
    for name in ("claims", "people", "sources"):
        schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        data = json.loads((site / "data" / f"{name}.json").read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator(schema).validate(data)
        assert (site / "data" / data["$schema"]).is_file()  # the schema travels with it
        found[name] = data
    return found


def test_open_data_of_a_hand_written_story_validates(story: Path) -> None:
    data = validate(story)
    claims = {c["id"]: c for c in data["claims"]["claims"]}
    assert claims["seventy"]["review"]["rating"] == "Mostly true"
    assert claims["seventy"]["first_reported"] == {"source": "a", "date": "2022-03-01"}
    # a, its copy b and e crediting Reuters are one origin; c and d share wire-1
    assert claims["seventy"]["origins"] == ["Reuters", "shared original (wire-1)"]
    # b copies a, but a does not state this: the passage is b's own
    assert claims["six-thousand"]["origins"] == ["Daily Copy"]
    assert {s["id"]: s["kind"] for s in data["sources"]["sources"]} == {
        "a": "original",
        "b": "copy",
        "c": "shared-origin",
        "d": "opinion",
        "e": "aggregator",
    }
    rows = list(csv.DictReader(io.StringIO((story / "data" / "claims.csv").read_text())))
    assert {row["id"] for row in rows} == set(claims)
    assert next(r for r in rows if r["id"] == "seventy")["review_rating"] == "Mostly true"


def test_open_data_of_the_sample_validates(published_site: Path) -> None:
    data = validate(published_site)
    assert data["claims"]["claims"] and data["sources"]["sources"]


def test_csv_cells_never_start_a_formula(tmp_path: Path) -> None:
    config = make_story(tmp_path)
    path = config.content / "claims" / "six-thousand.yaml"
    text = path.read_text().replace(
        "statement: The embassy said 6,000 people gave money.",
        'statement: "=HYPERLINK(\\"http://x\\")"',
    )
    path.write_text(text, encoding="utf-8")
    render(config)
    rows = list(csv.reader(io.StringIO((config.site / "data" / "claims.csv").read_text())))
    assert [r[2] for r in rows if "HYPERLINK" in r[2]] == ['\'=HYPERLINK("http://x")']


def test_without_pagefind_the_site_builds_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pagefind_module, "executable", lambda: None)
    config = make_story(tmp_path)
    reporter = render(config)
    assert (config.site / "index.html").is_file()
    assert not (config.site / "pagefind").exists()
    assert any(re.search(r"Pagefind not found", m.text) for m in reporter.warnings)


def test_a_build_records_a_hand_edit_once_with_its_date(
    sample_project: Path, tmp_path: Path
) -> None:
    """The real pipeline: an edited statement is kept, recorded with the machine's
    wording and the build's date, shown on corrections/, and an unchanged rebuild
    is skipped (the record is part of the build's stamp)."""
    project = tmp_path / "project"
    shutil.copytree(sample_project, project, ignore=shutil.ignore_patterns("site"))
    claim = sorted((project / "content" / "claims").glob("*.yaml"))[0]
    text = claim.read_text(encoding="utf-8")
    record = yaml.safe_load(text)
    machine = record["statement"]
    claim.write_text(update_text(text, {**record, "statement": "Corrected by an editor."}))
    prelude = "import os; os.environ['SOURCE_DATE_EPOCH'] = '1650000000'"  # 2022-04-15
    result = run_sitegen("build", "--project", str(project), prelude=prelude)
    assert result.returncode == 0, result.stderr
    recorded = load_corrections(project / "content")[f"claims/{claim.stem}"]["statement"]
    assert recorded == {
        "machine": machine,
        "person": "Corrected by an editor.",
        "kept": "2022-04-15",
    }
    text = page_text(project / "site", "corrections")
    assert machine in text and "Corrected by an editor." in text and "2022-04-15" in text
    again = run_sitegen("build", "--project", str(project))
    assert again.returncode == 0, again.stderr
    assert "up to date" in again.stderr
    assert load_corrections(project / "content")[f"claims/{claim.stem}"]["statement"] == recorded
