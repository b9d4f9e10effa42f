"""Tests for `sitegen check`: a small valid project on disk, then broken one way at a time."""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from sitegen.config import Config, load_config
from sitegen.errors import ContentError
from sitegen.factbase import check
from sitegen.factbase.check import Problem, check_files, check_project
from sitegen.factbase.files import read_files
from sitegen.factbase.store import load_factbase
from sitegen.filecache import FileCache
from sitegen.reporter import Reporter
from sitegen.yamlio import dump_yaml

# Non-ASCII text before the quotes, so byte offsets would differ from str offsets.
ARTICLES = {
    "wire-a": (
        "Tokyo — Finance Minister Taro Aso said on Tuesday that the defence budget would "
        "rise by 5 percent next year.\n\n"
        "Hana Sato, an opposition lawmaker, called the rise “reckless”.\n"
    ),
    "wire-b": "TOKYO - Japan will raise defence spending by 5 percent, Aso told reporters.\n",
}


def cite(source: str, quote: str) -> dict[str, Any]:
    text = ARTICLES[source]
    assert text.count(quote) == 1
    start = text.index(quote)
    return {"source": source, "quote": quote, "start": start, "end": start + len(quote)}


def source_record(source_id: str, title: str) -> dict[str, Any]:
    digest = hashlib.sha256(ARTICLES[source_id].encode("utf-8")).hexdigest()
    return {
        "id": source_id,
        "file": f"seeds/{source_id}.txt",
        "sha256": digest,
        "title": title,
        "date": "2024-05-07",
    }


BUDGET = {
    "id": "budget-rise",
    "statement": "Japan's defence budget will rise by 5 percent next year.",
    "kind": "figure",
    "status": "corroborated",
    "speaker": "taro-aso",
    "people": ["taro-aso"],
    "figures": [{"value": 5, "text": "5 percent", "unit": "percent"}],
    "conflicts": [],
    "citations": [
        cite("wire-a", "the defence budget would rise by 5 percent next year"),
        cite("wire-b", "Japan will raise defence spending by 5 percent"),
    ],
}
RECKLESS = {
    "id": "rise-reckless",
    "statement": "An opposition lawmaker called the rise reckless.",
    "kind": "quote",
    "status": "single-source",
    "speaker": "Hana Sato",
    "people": ["hana-sato"],
    "citations": [cite("wire-a", "Hana Sato, an opposition lawmaker, called the rise")],
}
FILES: dict[str, dict[str, Any]] = {
    "content/sources/wire-a.yaml": source_record("wire-a", "Aso: budget to rise"),
    "content/sources/wire-b.yaml": source_record("wire-b", "Defence spending up 5%"),
    "content/people/taro-aso.yaml": {
        "id": "taro-aso",
        "name": "Taro Aso",
        "aliases": ["Aso"],
        "description": "Finance Minister of Japan",
    },
    "content/people/hana-sato.yaml": {"id": "hana-sato", "name": "Hana Sato", "aliases": ["Sato"]},
    "content/claims/budget-rise.yaml": BUDGET,
    "content/claims/rise-reckless.yaml": RECKLESS,
}
ABOUT_PAGE = "---\nlayout: page\ntitle: About\n---\n# About this site\n"


@dataclass
class Project:
    root: Path

    def write_text(self, rel: str, text: str) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def write_yaml(self, rel: str, data: dict[str, Any]) -> None:
        self.write_text(rel, dump_yaml(data))

    def load(self, rel: str) -> dict[str, Any]:
        return yaml.safe_load((self.root / rel).read_text(encoding="utf-8"))

    def edit(self, rel: str, change: Callable[[dict[str, Any]], object]) -> None:
        data = self.load(rel)
        change(data)
        self.write_yaml(rel, data)

    def position(self, rel: str, needle: str, at: str | None = None) -> tuple[int, int]:
        """1-based line and column of `at` (default: all of `needle`) in the unique line."""
        lines = (self.root / rel).read_text(encoding="utf-8").splitlines()
        found = [(n, line) for n, line in enumerate(lines, 1) if needle in line]
        assert len(found) == 1, f"{needle!r} should be on exactly one line of {rel}"
        number, line = found[0]
        return number, line.index(needle) + needle.index(at or needle) + 1

    @property
    def config(self) -> Config:
        return Config(root=self.root)


@pytest.fixture
def project(tmp_path: Path) -> Project:
    project = Project(tmp_path)
    for source_id, text in ARTICLES.items():
        project.write_text(f"seeds/{source_id}.txt", text)
    for rel, data in FILES.items():
        project.write_yaml(rel, data)
    project.write_text("content/pages/about.md", ABOUT_PAGE)
    return project


def edit(rel: str, change: Callable[[dict[str, Any]], object]) -> Callable[[Project], None]:
    return lambda project: project.edit(rel, change)


def copy_claim(rel: str, **changes: Any) -> Callable[[Project], None]:
    return lambda project: project.write_yaml(rel, {**RECKLESS, **changes})


def replace_text(rel: str, old: str, new: str) -> Callable[[Project], None]:
    def change(project: Project) -> None:
        text = (project.root / rel).read_text(encoding="utf-8")
        assert old in text
        project.write_text(rel, text.replace(old, new))

    return change


@dataclass
class Expect:
    level: str
    rel: str
    needle: str  # text on the line the problem must point at
    message: str  # must occur in the problem's message
    at: str | None = None  # part of `needle` the column points at; None: all of it


BUDGET_YAML = "content/claims/budget-rise.yaml"
RECKLESS_YAML = "content/claims/rise-reckless.yaml"
ERROR_CASES: dict[str, tuple[Callable[[Project], None], Expect]] = {
    "conflict-with-itself": (
        edit(RECKLESS_YAML, lambda d: d.update(status="disputed", conflicts=["rise-reckless"])),
        Expect("error", RECKLESS_YAML, "conflicts:", "cannot conflict with itself"),
    ),
    "independent-sources-above-sources": (
        edit(RECKLESS_YAML, lambda d: d.update(independent_sources=3)),
        Expect(
            "error",
            RECKLESS_YAML,
            "independent_sources: 3",
            "must be between 1 and the 1 sources cited",
        ),
    ),
    "derived-from-unknown-source": (
        edit("content/sources/wire-b.yaml", lambda d: d.update(derived_from=["wire-z"])),
        Expect(
            "error",
            "content/sources/wire-b.yaml",
            "- wire-z",
            "unknown source 'wire-z'",
            at="wire-z",
        ),
    ),
    "derived-from-itself": (
        edit("content/sources/wire-b.yaml", lambda d: d.update(derived_from=["wire-b"])),
        Expect(
            "error",
            "content/sources/wire-b.yaml",
            "- wire-b",
            "cannot be derived from itself",
            at="wire-b",
        ),
    ),
    "top-level-not-mapping": (
        lambda p: p.write_text("content/people/hana-sato.yaml", "- just\n- a list\n"),
        Expect(
            "error",
            "content/people/hana-sato.yaml",
            "- just",
            "top level must be a mapping of fields, not a list",
        ),
    ),
    "syntax-error-in-a-referenced-file": (
        replace_text("content/people/hana-sato.yaml", "name: Hana Sato", "name: Hana: Sato"),
        Expect(
            "error",
            "content/people/hana-sato.yaml",
            "name: Hana: Sato",
            "YAML syntax error: mapping values are not allowed",
            at=": Sato",
        ),
    ),
    "missing-required-field": (
        edit(RECKLESS_YAML, lambda d: d.pop("statement")),
        Expect("error", RECKLESS_YAML, "id: rise-reckless", "missing required field 'statement'"),
    ),
    "wrong-type": (
        edit("content/sources/wire-b.yaml", lambda d: d.update(title=5)),
        Expect(
            "error",
            "content/sources/wire-b.yaml",
            "title: 5",
            "'title' must be a string, not an integer",
        ),
    ),
    "boolean-offset": (
        edit(BUDGET_YAML, lambda d: d["citations"][1].update(start=True)),
        Expect("error", BUDGET_YAML, "start: true", "'start' must be an integer, not true/false"),
    ),
    "list-item-type": (
        edit(RECKLESS_YAML, lambda d: d.update(people=["hana-sato", 7])),
        Expect(
            "error",
            RECKLESS_YAML,
            "- 7",
            "items of 'people' must be a string, not an integer",
            at="7",
        ),
    ),
    "figure-value-type": (
        edit(BUDGET_YAML, lambda d: d["figures"][0].update(value="five")),
        Expect("error", BUDGET_YAML, "value: five", "'value' must be a number, not a string"),
    ),
    "citation-missing-quote": (
        edit(RECKLESS_YAML, lambda d: d["citations"][0].pop("quote")),
        Expect(
            "error",
            RECKLESS_YAML,
            "- source: wire-a",
            "missing required field 'quote'",
            at="source",
        ),
    ),
    "id-not-a-slug": (
        copy_claim("content/claims/Bad_Claim.yaml", id="Bad_Claim"),
        Expect(
            "error",
            "content/claims/Bad_Claim.yaml",
            "id: Bad_Claim",
            "id 'Bad_Claim' is not a slug",
        ),
    ),
    "id-differs-from-file-name": (
        copy_claim("content/claims/other-name.yaml", id="renamed"),
        Expect(
            "error",
            "content/claims/other-name.yaml",
            "id: renamed",
            "id 'renamed' does not match the file name 'other-name.yaml'",
        ),
    ),
    "duplicate-id": (
        copy_claim("content/claims/zz-copy.yaml"),
        Expect(
            "error",
            "content/claims/zz-copy.yaml",
            "id: rise-reckless",
            "duplicate id 'rise-reckless' (also in content/claims/rise-reckless.yaml)",
        ),
    ),
    "unknown-status": (
        edit(RECKLESS_YAML, lambda d: d.update(status="confirmed")),
        Expect(
            "error",
            RECKLESS_YAML,
            "status: confirmed",
            "'status' must be one of corroborated, single-source, disputed, not 'confirmed'",
        ),
    ),
    "unknown-kind": (
        edit(RECKLESS_YAML, lambda d: d.update(kind="opinion")),
        Expect(
            "error",
            RECKLESS_YAML,
            "kind: opinion",
            "'kind' must be one of quote, figure, event, not 'opinion'",
        ),
    ),
    "single-source-with-two-sources": (
        edit(BUDGET_YAML, lambda d: d.update(status="single-source")),
        Expect(
            "error",
            BUDGET_YAML,
            "status: single-source",
            "status is single-source but its citations trace to 2 independent origins",
        ),
    ),
    "differs-names-no-conflict": (
        edit(RECKLESS_YAML, lambda d: d.update(differs={"budget-rise": "figure"})),
        Expect("error", RECKLESS_YAML, "budget-rise: figure", "which 'conflicts' does not list"),
    ),
    "differs-in-what-cannot-differ": (
        edit(
            RECKLESS_YAML,
            lambda d: d.update(
                status="disputed", conflicts=["budget-rise"], differs={"budget-rise": "mood"}
            ),
        ),
        Expect("error", RECKLESS_YAML, "budget-rise: mood", "not 'mood'"),
    ),
    "corroborated-with-one-source": (
        edit(RECKLESS_YAML, lambda d: d.update(status="corroborated")),
        Expect(
            "error",
            RECKLESS_YAML,
            "status: corroborated",
            "status is corroborated but its citations trace to one origin",
        ),
    ),
    "corroborated-by-a-copy": (
        edit("content/sources/wire-b.yaml", lambda d: d.update(derived_from=["wire-a"])),
        Expect(
            "error",
            BUDGET_YAML,
            "status: corroborated",
            "status is corroborated but its citations trace to one origin",
        ),
    ),
    "corroborated-by-near-copies-of-one-origin": (
        lambda p: [
            edit(f"content/sources/{s}.yaml", lambda d: d.update(origins=["wire-1"]))(p)
            for s in ("wire-a", "wire-b")
        ],
        Expect(
            "error",
            BUDGET_YAML,
            "status: corroborated",
            "status is corroborated but its citations trace to one origin",
        ),
    ),
    "corroborated-by-two-outlets-crediting-one": (
        edit(
            BUDGET_YAML,
            lambda d: [
                c.update(origin=o)
                for c, o in zip(d["citations"], ("Kyodo", "the Kyodo news agency"), strict=True)
            ],
        ),
        Expect(
            "error",
            BUDGET_YAML,
            "status: corroborated",
            "status is corroborated but its citations trace to one origin",
        ),
    ),
    "corroborated-by-one-publisher": (
        lambda p: [
            edit(f"content/sources/{s}.yaml", lambda d: d.update(publisher="Kyodo News"))(p)
            for s in ("wire-a", "wire-b")
        ],
        Expect("error", BUDGET_YAML, "status: corroborated", "trace to one origin"),
    ),
    "independent-count-not-the-origins": (
        edit(BUDGET_YAML, lambda d: d.update(independent_sources=1)),
        Expect(
            "error",
            BUDGET_YAML,
            "independent_sources: 1",
            "independent_sources is 1 but its citations trace to 2 independent origins",
        ),
    ),
    "unknown-source": (
        edit(RECKLESS_YAML, lambda d: d["citations"][0].update(source="wire-z")),
        Expect(
            "error",
            RECKLESS_YAML,
            "source: wire-z",
            "unknown source 'wire-z' (no content/sources/wire-z.yaml)",
        ),
    ),
    "unknown-person": (
        edit(RECKLESS_YAML, lambda d: d.update(people=["hana-sato", "nobody"])),
        Expect("error", RECKLESS_YAML, "- nobody", "unknown person 'nobody'", at="nobody"),
    ),
    "unknown-conflicting-claim": (
        edit(BUDGET_YAML, lambda d: d.update(conflicts=["rise-reckless", "no-such-claim"])),
        Expect(
            "error",
            BUDGET_YAML,
            "- no-such-claim",
            "unknown claim 'no-such-claim'",
            at="no-such-claim",
        ),
    ),
    "negative-start": (
        edit(RECKLESS_YAML, lambda d: d["citations"][0].update(start=-1)),
        Expect("error", RECKLESS_YAML, "start: -1", "0 <= start <= end, not start -1"),
    ),
    "start-after-end": (
        edit(RECKLESS_YAML, lambda d: d["citations"][0].update(start=200, end=100)),
        Expect(
            "error",
            RECKLESS_YAML,
            "start: 200",
            "offsets must satisfy 0 <= start <= end, not start 200, end 100",
        ),
    ),
    "quote-not-verbatim": (
        edit(RECKLESS_YAML, lambda d: d["citations"][0].update(quote="Hana Sato praised it")),
        Expect(
            "error",
            RECKLESS_YAML,
            "quote: Hana Sato praised it",
            "which is 'Hana Sato, an opposition lawmaker, called the rise'",
        ),
    ),
    "end-past-article": (
        edit(RECKLESS_YAML, lambda d: d["citations"][0].update(end=10_000)),
        Expect(
            "error",
            RECKLESS_YAML,
            "end: 10000",
            f"'end' 10000 is past the end of the article ({len(ARTICLES['wire-a'])} characters)",
        ),
    ),
    "missing-article": (
        lambda p: (p.root / "seeds/wire-b.txt").unlink(),
        Expect(
            "error",
            "content/sources/wire-b.yaml",
            "file: seeds/wire-b.txt",
            "cannot read article: No such file or directory: seeds/wire-b.txt",
        ),
    ),
    "absolute-article-path": (
        edit("content/sources/wire-b.yaml", lambda d: d.update(file="/tmp/wire-b.txt")),
        Expect(
            "error",
            "content/sources/wire-b.yaml",
            "file: /tmp/wire-b.txt",
            "'file' must be relative to the project root",
        ),
    ),
    "no-citations": (
        edit(RECKLESS_YAML, lambda d: d.update(citations=[])),
        Expect("error", RECKLESS_YAML, "citations: []", "a claim needs at least one citation"),
    ),
    "date-not-iso": (
        edit("content/sources/wire-a.yaml", lambda d: d.update(date="7 May 2024")),
        Expect(
            "error",
            "content/sources/wire-a.yaml",
            "date: 7 May 2024",
            "'date' must be an ISO date YYYY-MM-DD, not '7 May 2024'",
        ),
    ),
    "aliases-not-a-list": (
        edit("content/people/taro-aso.yaml", lambda d: d.update(aliases="Aso")),
        Expect(
            "error",
            "content/people/taro-aso.yaml",
            "aliases: Aso",
            "'aliases' must be a list, not a string",
        ),
    ),
    "yaml-syntax-error": (
        replace_text(RECKLESS_YAML, "status: single-source", "status: single: source"),
        Expect(
            "error",
            RECKLESS_YAML,
            "status: single: source",
            "YAML syntax error: mapping values are not allowed",
            at=": source",
        ),
    ),
    "page-front-matter-syntax-error": (
        lambda p: p.write_text(
            "content/pages/about.md", ABOUT_PAGE.replace("title: About", "title: About: Us")
        ),
        Expect(
            "error",
            "content/pages/about.md",
            "title: About: Us",
            "YAML syntax error: mapping values are not allowed",
            at=": Us",
        ),
    ),
    "page-title-not-string": (
        lambda p: p.write_text(
            "content/pages/about.md", ABOUT_PAGE.replace("title: About", "title: 42")
        ),
        Expect(
            "error",
            "content/pages/about.md",
            "title: 42",
            "'title' must be a string, not an integer",
        ),
    ),
}
WARNING_CASES: dict[str, tuple[Callable[[Project], None], Expect]] = {
    "disputed-without-conflicts": (
        edit(RECKLESS_YAML, lambda d: d.update(status="disputed")),
        Expect("warning", RECKLESS_YAML, "status: disputed", "lists the claims it conflicts with"),
    ),
    "speaker-id-without-person": (
        edit(RECKLESS_YAML, lambda d: d.update(speaker="hana-satou")),
        Expect(
            "warning",
            RECKLESS_YAML,
            "speaker: hana-satou",
            "speaker 'hana-satou' looks like an id but no person has it",
        ),
    ),
    "article-changed": (
        lambda p: p.write_text("seeds/wire-a.txt", ARTICLES["wire-a"] + "Update: more.\n"),
        Expect(
            "warning",
            "content/sources/wire-a.yaml",
            "sha256:",
            "article changed since extraction; run sitegen build",
        ),
    ),
    "alias-of-two-people": (
        edit("content/people/hana-sato.yaml", lambda d: d.update(aliases=["Sato", "Aso"])),
        Expect(
            "warning",
            "content/people/taro-aso.yaml",
            "- Aso",
            "alias 'Aso' is also an alias of 'hana-sato'",
            at="Aso",
        ),
    ),
    "alias-repeats-name": (
        edit("content/people/taro-aso.yaml", lambda d: d.update(aliases=["Aso", "Taro Aso"])),
        Expect(
            "warning",
            "content/people/taro-aso.yaml",
            "- Taro Aso",
            "alias 'Taro Aso' repeats the name",
            at="Taro Aso",
        ),
    ),
    "unknown-field": (
        edit(BUDGET_YAML, lambda d: d.update(reviewed_by="anna")),
        Expect(
            "warning",
            BUDGET_YAML,
            "reviewed_by: anna",
            "unknown field 'reviewed_by'",
            at="reviewed_by",
        ),
    ),
    "unknown-citation-field": (
        edit(BUDGET_YAML, lambda d: d["citations"][0].update(note="checked")),
        Expect("warning", BUDGET_YAML, "note: checked", "unknown field 'note'", at="note"),
    ),
}


def matches(problem: Problem, expect: Expect, line: int, column: int) -> bool:
    return (
        problem.level == expect.level
        and str(problem.location.path) == expect.rel
        and problem.location.line == line
        and problem.location.column == column
        and expect.message in problem.message
    )


def assert_reported(project: Project, problems: list[Problem], expect: Expect) -> None:
    line, column = project.position(expect.rel, expect.needle, expect.at)
    shown = "\n".join(map(str, problems))
    assert any(matches(p, expect, line, column) for p in problems), (
        f"expected {expect.level} at {expect.rel}:{line}:{column} '{expect.message}', got:\n{shown}"
    )


def test_valid_project_has_no_problems(project: Project) -> None:
    assert check_project(project.config) == []


@pytest.mark.parametrize("name", ERROR_CASES)
def test_each_breakage_is_an_error_at_the_offending_value(project: Project, name: str) -> None:
    breakage, expect = ERROR_CASES[name]
    breakage(project)
    problems = check_project(project.config)
    assert_reported(project, problems, expect)
    # no knock-on errors in files that were not touched
    assert {str(p.location.path) for p in problems if p.level == "error"} == {expect.rel}


@pytest.mark.parametrize("name", WARNING_CASES)
def test_warnings_are_not_errors(project: Project, name: str) -> None:
    breakage, expect = WARNING_CASES[name]
    breakage(project)
    problems = check_project(project.config)
    assert_reported(project, problems, expect)
    assert [p for p in problems if p.level == "error"] == []
    load_factbase(project.config, Reporter(stream=io.StringIO()))  # does not raise


def test_problem_text_is_relative_path_line_column_level_message(project: Project) -> None:
    edit(RECKLESS_YAML, lambda d: d.update(status="confirmed"))(project)
    line, column = project.position(RECKLESS_YAML, "status: confirmed")
    [problem] = check_project(project.config)
    assert str(problem) == (
        f"{RECKLESS_YAML}:{line}:{column}: error: 'status' must be one of corroborated, "
        "single-source, disputed, not 'confirmed'"
    )


def test_every_syntax_error_is_reported_not_only_the_first(project: Project) -> None:
    replace_text(RECKLESS_YAML, "status: single-source", "status: single: source")(project)
    replace_text(BUDGET_YAML, "status: corroborated", "status: corroborated: yes")(project)
    problems = check_project(project.config)
    assert [str(p.location.path) for p in problems] == [BUDGET_YAML, RECKLESS_YAML]
    assert all(p.message.startswith("YAML syntax error") for p in problems)


def test_problems_are_sorted_by_file_and_position(project: Project) -> None:
    # found in another order: syntax errors first, and status after people within a claim
    replace_text(RECKLESS_YAML, "status: single-source", "status: single: source")(project)
    edit(BUDGET_YAML, lambda d: d.update(status="single-source", people=["nobody"]))(project)
    problems = check_project(project.config)
    keys = [(str(p.location.path), p.location.line, p.location.column) for p in problems]
    assert len(keys) == 3
    assert keys == sorted(keys)


def test_check_files_reports_on_already_parsed_content(project: Project) -> None:
    edit(RECKLESS_YAML, lambda d: d.update(people=["nobody"]))(project)
    problems = check_files(read_files(project.root / "content").files, project.root)
    assert [p.message for p in problems] == [
        "unknown person 'nobody' (no content/people/nobody.yaml)"
    ]


def test_mismatched_long_quote_is_shown_shortened(project: Project) -> None:
    budget = cite("wire-a", "the defence budget would rise by 5 percent next year")
    edit(BUDGET_YAML, lambda d: d["citations"][0].update(start=0, end=budget["end"]))(project)
    [problem] = check_project(project.config)
    actual = ARTICLES["wire-a"][:59]
    assert problem.message.endswith(f"which is {actual + '…'!r}")


def test_load_factbase_returns_the_fact_base_when_valid(project: Project) -> None:
    reporter = Reporter(stream=io.StringIO())
    base = load_factbase(project.config, reporter)
    assert reporter.messages == []
    assert set(base.claims) == {"budget-rise", "rise-reckless"}
    assert base.claims["budget-rise"].source_ids == ["wire-a", "wire-b"]
    assert base.pages["about"].title == "About"


def test_load_factbase_reports_every_problem_and_raises(project: Project) -> None:
    edit(RECKLESS_YAML, lambda d: d.update(status="confirmed", kind="opinion"))(project)
    edit(BUDGET_YAML, lambda d: d.update(reviewed_by="anna"))(project)
    stream = io.StringIO()
    reporter = Reporter(stream=stream)
    with pytest.raises(ContentError, match=r"^2 errors in content/$"):
        load_factbase(project.config, reporter)
    kind_at = ":".join(map(str, project.position(RECKLESS_YAML, "kind: opinion")))
    status_at = ":".join(map(str, project.position(RECKLESS_YAML, "status: confirmed")))
    assert [str(m.location) for m in reporter.errors] == [
        f"{RECKLESS_YAML}:{kind_at}",
        f"{RECKLESS_YAML}:{status_at}",
    ]
    assert [m.text for m in reporter.warnings] == ["unknown field 'reviewed_by'"]
    assert f"{RECKLESS_YAML}:{kind_at}: error: 'kind' must be" in stream.getvalue()


@pytest.mark.parametrize(
    "text",
    [
        "",
        "just a string\n",
        "id: 5\n",
        "id: [x]\ncitations: nope\n",
        "citations: [1, 'two', {start: x, end: []}, {source: [], quote: 3}]\n",
        "figures: [5, {value: true}]\npeople: {a: b}\nconflicts: [null]\nstatus: 3\n",
        "id: rise-reckless\ncitations: [{source: wire-a, quote: x, start: 0, end: 1}]\n",
    ],
)
def test_garbage_gives_problems_never_exceptions(project: Project, text: str) -> None:
    project.write_text("content/claims/zz-garbage.yaml", text)
    project.write_text("content/pages/odd.md", "---\n- a\n---\n")
    problems = check_project(project.config)
    assert any(str(p.location.path) == "content/claims/zz-garbage.yaml" for p in problems)
    assert any(str(p.location.path) == "content/pages/odd.md" for p in problems)


def test_checking_does_not_import_spacy() -> None:
    code = "import sys, sitegen.factbase.check; print('spacy' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_kept_claim_checks_give_what_a_fresh_check_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The dev server's cache keeps each claim's problems between edits; after any edit
    the problems are the ones a fresh check finds."""
    repo = Path(__file__).resolve().parent.parent
    for name in ("seeds", "content"):
        shutil.copytree(repo / name, tmp_path / name)
    config = load_config(tmp_path)
    cache = FileCache()
    checked: list[str] = []
    check_claim = check._Checker._check_claim
    monkeypatch.setattr(
        check._Checker,
        "_check_claim",
        lambda self, doc: checked.append(doc.path.name) or check_claim(self, doc),
    )

    shaped: list[str] = []  # files whose fields and id were checked again
    reshaped: list[str] = []  # those of the last check through the cache
    check_fields = check._Checker._check_fields

    def counted(self: check._Checker, doc: Any, cls: type, keys: tuple = ()) -> None:
        if not keys:
            shaped.append(doc.path.name)
        check_fields(self, doc, cls, keys)

    monkeypatch.setattr(check._Checker, "_check_fields", counted)

    def same_as_fresh() -> tuple[list[Problem], list[str]]:
        checked.clear()
        shaped.clear()
        kept = check.read_and_check(config, cache)[1]
        again = checked.copy()
        reshaped[:] = shaped
        assert kept == check_project(config)
        return kept, again

    def edit(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
        """Save, and tell the cache it is the one file saved (as the dev server does)."""
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(dump_yaml(data), encoding="utf-8")
        cache.expect({path})

    start, _ = same_as_fresh()
    claims = sorted((tmp_path / "content" / "claims").glob("*.yaml"))
    assert same_as_fresh() == (start, [])  # nothing changed: no claim checked again
    edit(claims[0], lambda d: d["citations"][0].update(quote="words no article has"))
    problems, again = same_as_fresh()
    assert len(problems) == len(start) + 1 and again == [claims[0].name]
    cited = yaml.safe_load(claims[1].read_text(encoding="utf-8"))["citations"][0]
    source = tmp_path / "content" / "sources" / f"{cited['source']}.yaml"
    article = tmp_path / yaml.safe_load(source.read_text(encoding="utf-8"))["file"]
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace(cited["quote"], cited["quote"].upper()), encoding="utf-8")
    cache.expect(None)  # a saved article: the dev server reads every file again
    assert any(  # an unedited claim whose article changed: checked again
        claims[1].name in str(p.location) and "quote" in p.message for p in same_as_fresh()[0]
    )
    person = next(c for c in claims if yaml.safe_load(c.read_text("utf-8")).get("people"))
    gone = yaml.safe_load(person.read_text(encoding="utf-8"))["people"][0]
    (tmp_path / "content" / "people" / f"{gone}.yaml").unlink()
    cache.expect({tmp_path / "content" / "people" / f"{gone}.yaml"})
    assert any(f"unknown person '{gone}'" in p.message for p in same_as_fresh()[0])

    # people and sources: only the saved file's fields are checked again
    people = sorted((tmp_path / "content" / "people").glob("*.yaml"))
    edit(people[0], lambda d: d.update(nickname="an unknown field"))
    problems, again = same_as_fresh()
    assert reshaped == [people[0].name] and again == []
    assert any("unknown field 'nickname'" in p.message for p in problems)
    sources = sorted((tmp_path / "content" / "sources").glob("*.yaml"))
    edit(sources[0], lambda d: d.update(date=20240101))
    problems, _ = same_as_fresh()
    assert reshaped == [sources[0].name]
    assert any(str(sources[0].name) in str(p.location) and p.blocking for p in problems)
    edit(sources[0], lambda d: d.update(date="2024-01-01"))
    same_as_fresh()
