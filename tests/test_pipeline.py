"""The whole product on the sample story: seeds/ -> content/ -> site/, through the CLI."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from sitegen.config import load_config
from sitegen.factbase.check import check_project
from sitegen.factbase.model import FactBase
from sitegen.factbase.store import read_factbase
from sitegen.textio import decode
from tests.conftest import make_project, run_sitegen

# Gold: the real people named in the sample story's article prose (written by reading
# seeds/; Gloria Christie is named only in an author promo, which is not article prose).
SAMPLE_PEOPLE = {
    "Keiichi Kurogi",
    "Hirokazu Matsuno",
    "Ryoga Seki",
    "Vladimir Putin",
    "Dmytro Kuleba",
    "Volodymyr Zelensky",
}


def fact_base(project: Path) -> FactBase:
    return read_factbase(project / "content")


def test_content_keeps_the_contract(sample_project: Path) -> None:
    problems = check_project(load_config(sample_project))
    assert [str(p) for p in problems if p.level == "error"] == []
    base = fact_base(sample_project)
    assert base.sources and base.people and base.claims
    for claim in base.claims.values():
        assert claim.citations
        for citation in claim.citations:
            source = base.sources[citation.source]
            text = decode((sample_project / source.file).read_bytes())
            assert text[citation.start : citation.end] == citation.quote
        assert set(claim.people) <= set(base.people)
        if (claim.independent_sources or 0) >= 2:
            assert claim.status != "single-source"
        else:
            assert claim.status in ("single-source", "disputed")
        if claim.status == "disputed":
            assert claim.conflicts and set(claim.conflicts) <= set(base.claims)


def test_one_person_per_real_person(sample_project: Path) -> None:
    people = fact_base(sample_project).people.values()
    found = {p.name for p in people}
    spelled = {p.name: {p.name, *p.aliases} for p in people}
    zelensky = [names for names in spelled.values() if any("Zelensk" in n for n in names)]
    assert len(zelensky) == 1, "spelling variants must be one person"
    assert {n.split()[-1] for n in zelensky[0]} >= {"Zelensky", "Zelenskiy", "Zelenskyy"}
    canonical_zelensky = next(n for n in found if "Zelensk" in n)
    assert found - {canonical_zelensky} | {"Volodymyr Zelensky"} == SAMPLE_PEOPLE


def test_surname_mentions_are_aliases(sample_project: Path) -> None:
    people = {p.name: p for p in fact_base(sample_project).people.values()}
    assert "Kurogi" in people["Keiichi Kurogi"].aliases
    assert people["Hirokazu Matsuno"].description, "a title premodifier gives a role"


def test_facts_from_several_outlets_merge(sample_project: Path) -> None:
    base = fact_base(sample_project)
    multi = [c for c in base.claims.values() if len(c.source_ids) >= 2]
    assert len(multi) >= 10
    # the same quotation told by three outlets is one claim, attributed to its speaker
    matsuno = next(p.id for p in base.people.values() if p.name == "Hirokazu Matsuno")
    quotes = [
        c
        for c in base.claims.values()
        if c.kind == "quote" and c.speaker == matsuno and len(c.source_ids) >= 3
    ]
    assert quotes, "Matsuno's news-conference quote is in three sources"
    # a sentence stating two facts may back two claims, but no two claims are the same
    cited = [
        frozenset((c.source, c.start, c.end) for c in claim.citations)
        for claim in base.claims.values()
    ]
    assert len(cited) == len(set(cited))


def test_extract_is_deterministic(sample_project: Path, tmp_path: Path) -> None:
    before = {
        p.relative_to(sample_project): p.read_bytes()
        for p in sorted((sample_project / "content").rglob("*.yaml"))
    }
    result = run_sitegen("extract", "--project", str(sample_project))
    assert result.returncode == 0, result.stderr
    after = {
        p.relative_to(sample_project): p.read_bytes()
        for p in sorted((sample_project / "content").rglob("*.yaml"))
    }
    assert after == before
    assert "0 files changed" in result.stderr


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)
            if name == "id" and value:
                self.ids.add(value)


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _target(page: Path, link: str) -> tuple[Path, str]:
    parts = urlsplit(link)
    target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
    if target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


def test_every_internal_link_resolves(sample_project: Path) -> None:
    site = sample_project / "site"
    pages = sorted(site.rglob("*.html"))
    kinds = {p.relative_to(site).parts[0] for p in pages}
    assert {"people", "claims", "sources", "index.html"} <= kinds
    broken = []
    for page in pages:
        for link in _parse(page).links:
            if re.match(r"^[a-z][a-z0-9+.-]*:", link) or link.startswith("//"):
                continue  # external
            assert not link.startswith("/"), f"{page}: absolute link {link}"
            target, fragment = _target(page, link)
            if not target.is_file():
                broken.append(f"{page.relative_to(site)} -> {link}")
            elif fragment and target.suffix == ".html" and fragment not in _parse(target).ids:
                broken.append(f"{page.relative_to(site)} -> {link} (no #{fragment})")
    assert broken == []


def test_page_per_person_claim_and_source(sample_project: Path) -> None:
    base = fact_base(sample_project)
    site = sample_project / "site"
    for folder, ids in (
        ("people", base.people),
        ("claims", base.claims),
        ("sources", base.sources),
    ):
        written = {p.parent.name for p in (site / folder).glob("*/index.html")}
        assert written == set(ids)


def test_markup_in_articles_is_shown_as_text(tmp_path: Path) -> None:
    seeds = tmp_path / "input"
    seeds.mkdir()
    (seeds / "a.txt").write_text(
        "Mayor Anna Berg said the <script>alert('x')</script> bridge would reopen on "
        "Monday after 40 workers repaired it.\n\n“We are proud of the 40 workers who "
        "fixed it <b>fast</b>,” Berg told reporters on Monday.\n",
        encoding="utf-8",
    )
    project = make_project(tmp_path / "project", seeds)
    result = run_sitegen("build", "--project", str(project))
    assert result.returncode == 0, result.stderr
    html = "".join(p.read_text(encoding="utf-8") for p in (project / "site").rglob("*.html"))
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html
    assert "<b>fast</b>" not in html


def test_render_never_imports_spacy(sample_project: Path, tmp_path: Path) -> None:
    project = tmp_path / "copy"
    shutil.copytree(sample_project, project, ignore=shutil.ignore_patterns("site"))
    result = run_sitegen(
        "render", "--project", str(project), prelude="import sys\nsys.modules['spacy'] = None"
    )
    assert result.returncode == 0, result.stderr
    assert (project / "site" / "index.html").is_file()


def test_check_reports_a_broken_citation_with_its_line(
    sample_project: Path, tmp_path: Path
) -> None:
    project = tmp_path / "copy"
    shutil.copytree(sample_project, project, ignore=shutil.ignore_patterns("site"))
    claim = sorted((project / "content" / "claims").glob("*.yaml"))[0]
    lines = claim.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.lstrip().startswith("quote:"))
    lines[number] = lines[number].replace("quote: ", "quote: Not what the article says. ", 1)
    claim.write_text("".join(lines), encoding="utf-8")
    result = run_sitegen("check", "--project", str(project))
    assert result.returncode == 1
    assert f"content/claims/{claim.name}:{number + 1}:" in result.stderr


@pytest.mark.parametrize("command", ["build", "render", "check"])
def test_missing_project_is_a_clear_error(command: str, tmp_path: Path) -> None:
    result = run_sitegen(command, "--project", str(tmp_path / "nowhere"))
    assert result.returncode == 2
    assert "does not exist" in result.stderr
