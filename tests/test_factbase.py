"""The fact-base schema is declared once (`sitegen/factbase/model.py`): the reader, the
writer, the validator and the merge of hand edits all follow it, and the open data's
JSON schemas agree with it."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from sitegen.factbase.check import check_files
from sitegen.factbase.files import read_files
from sitegen.factbase.model import (
    CLAIM_KINDS,
    STATUSES,
    TITLE_FROM,
    Citation,
    Claim,
    FactBase,
    Figure,
    Person,
    Review,
    Source,
)
from sitegen.factbase.reconcile import reconcile
from sitegen.factbase.records import TYPES, from_record, to_record
from sitegen.factbase.schema import DATE_PATTERN, Merge, OneOf, fact, fields_of, policies
from sitegen.factbase.store import read_factbase, write_factbase

SCHEMAS = Path(__file__).resolve().parent.parent / "sitegen" / "schema"
ARTICLE = "Tokyo: the council met on Monday and voted for the plan.\n"


@dataclass
class RatedSource(Source):
    """A source with one field more, declared the way every field is."""

    rating: str | None = fact(default=None, merge=Merge.SCALAR, checks=(OneOf(("high", "low")),))


def rated(rating: str | None) -> RatedSource:
    return RatedSource("a", "seeds/a.txt", "0" * 64, "Council votes", rating=rating)


@pytest.fixture
def rated_sources(monkeypatch: pytest.MonkeyPatch) -> None:
    """content/sources/ holds RatedSource records for the length of a test."""
    monkeypatch.setitem(TYPES, "sources", RatedSource)


def test_a_declared_field_is_written_and_read_back(tmp_path: Path, rated_sources: None) -> None:
    write_factbase(FactBase(sources={"a": rated("high")}), tmp_path / "content")
    text = (tmp_path / "content" / "sources" / "a.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[-1] == "rating: high"  # in declaration order: last
    source = read_factbase(tmp_path / "content").sources["a"]
    assert isinstance(source, RatedSource)
    assert source.rating == "high"
    assert source.extra == {}  # a declared field, not an unknown one kept aside
    assert "rating" not in to_record(rated(None))  # optional and empty: not written


def test_a_declared_field_is_checked(tmp_path: Path, rated_sources: None) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    content = tmp_path / "content"
    write_factbase(FactBase(sources={"a": rated("medium")}), content)
    messages = [p.message for p in check_files(read_files(content).files, tmp_path)]
    assert "'rating' must be one of high, low, not 'medium'" in messages
    assert not any("unknown field" in m for m in messages)

    record = {**to_record(rated(None)), "rating": 3}
    (content / "sources" / "a.yaml").write_text(json.dumps(record), encoding="utf-8")
    problems = check_files(read_files(content).files, tmp_path)
    wrong_type = [p for p in problems if "'rating' must be a string" in p.message]
    assert wrong_type and wrong_type[0].blocking  # a build must not merge into it


def test_a_declared_field_merges_by_its_policy(rated_sources: None) -> None:
    def story(rating: str) -> dict[str, dict[str, dict[str, Any]]]:
        return {"sources": {"a": to_record(rated(rating))}, "people": {}, "claims": {}}

    texts = {"a": ARTICLE}
    untouched = reconcile(story("low"), story("high"), story("high"), texts)
    assert untouched.records["sources"]["a"]["rating"] == "low"  # the machine's new value
    edited = reconcile(story("high"), story("low"), story("high"), texts)
    assert edited.records["sources"]["a"]["rating"] == "low"  # a person's edit wins
    assert edited.kept_edits == ["sources/a"]


def test_policies_come_from_the_declarations() -> None:
    assert policies(RatedSource)["rating"] is Merge.SCALAR
    for cls in (Source, Person, Claim):
        declared = {spec.name for spec in fields_of(cls)}
        assert set(policies(cls)) == declared  # every top-level field says how it merges
    for cls in (Citation, Figure, Review):
        assert policies(cls) == {}  # parts of a record merge with it


def test_records_follow_the_declared_order_and_round_trip() -> None:
    claim = Claim(
        id="c",
        statement="The council voted",
        status="single-source",
        citations=[Citation("a", "voted", 28, 33)],
        people=["p"],
        figures=[Figure(3.0, "three", increment=True)],
        review=Review("True", "A checker", "2024-05-07"),
        extra={"note": "mine"},
    )
    record = to_record(claim)
    declared = [spec.name for spec in fields_of(Claim)]
    assert [k for k in record if k != "note"] == [n for n in declared if n in record]
    assert list(record)[-1] == "note"  # a person's own field comes last, kept
    assert "updates" not in record and "speaker" not in record  # optional and empty
    assert record["figures"] == [{"value": 3.0, "text": "three", "increment": True}]
    assert from_record(Claim, json.loads(json.dumps(record))) == claim


def test_declarations_say_required_and_defaults_once() -> None:
    for cls in (Source, Person, Claim, Citation, Figure, Review):
        fields = {f.name: f for f in dataclasses.fields(cls)}
        for spec in fields_of(cls):
            has_default = fields[spec.name].default is not dataclasses.MISSING or (
                fields[spec.name].default_factory is not dataclasses.MISSING
            )
            # an optional field can be left out of a file only when the object has a default
            assert spec.required or has_default, (cls.__name__, spec.name)


def _json_types(prop: dict[str, Any]) -> set[str]:
    found = prop.get("type", [])
    return set([found] if isinstance(found, str) else found) - {"null"}


_JSON_TYPE = {str: "string", int: "integer", float: "number", bool: "boolean", list: "array"}


def _agrees(cls: type, item: dict[str, Any], where: str) -> None:
    """Every property of an open-data item named like a field of `cls` has its type."""
    properties = item["properties"]
    for spec in fields_of(cls):
        prop = properties.get(spec.name)
        if prop is None or "$ref" in prop:
            continue
        if spec.nested is not None:
            nested = prop.get("items") or next(
                (o for o in prop.get("oneOf", []) if o.get("type") == "object"), prop
            )
            _agrees(spec.nested, nested, f"{where}.{spec.name}")
            required = {s.name for s in fields_of(spec.nested) if s.required}
            assert required <= set(nested["required"]), f"{where}.{spec.name}"
            # a nested record's open data describes exactly its fields
            assert set(nested["properties"]) == {s.name for s in fields_of(spec.nested)}, where
            continue
        if _json_types(prop):
            wanted = {_JSON_TYPE[t] for t in spec.types if not (t is int and float in spec.types)}
            assert _json_types(prop) == wanted, f"{where}.{spec.name}"


def test_open_data_schemas_agree_with_the_model() -> None:
    schemas = {
        name: json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
        for name in ("claims", "people", "sources")
    }
    claim = schemas["claims"]["$defs"]["item"]
    _agrees(Claim, claim, "claims")
    assert tuple(claim["properties"]["kind"]["enum"]) == CLAIM_KINDS
    assert tuple(claim["properties"]["status"]["enum"]) == STATUSES
    _agrees(Person, schemas["people"]["$defs"]["item"], "people")
    source = schemas["sources"]["$defs"]["item"]
    # the open data's `kind` is the kind the site shows (copy, credited, ...), made from
    # the fact base's `kind` and `derived_from`: a view, not the field
    _agrees(Source, {**source, "properties": {**source["properties"], "kind": {}}}, "sources")
    assert tuple(source["properties"]["title_from"]["enum"]) == TITLE_FROM
    for schema in schemas.values():
        assert schema["$defs"]["date"]["pattern"] == f"^{DATE_PATTERN.pattern}$"


def test_the_package_imports_no_extraction_merging_or_spacy() -> None:
    code = (
        "import sys\n"
        "import sitegen.factbase.store, sitegen.factbase.reconcile, sitegen.factbase.check\n"
        "bad = [m for m in sys.modules if m.startswith(('sitegen.extract', 'sitegen.merge',"
        " 'spacy', 'thinc'))]\n"
        "print(bad)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_a_machine_field_a_file_lacks_is_merged_not_a_crash() -> None:
    """`title_from` had no merge policy: a file without it (a person deleted the line, or
    a file older than the field) made the next build fail with a KeyError."""
    machine = to_record(
        Source("a", "seeds/a.txt", "0" * 64, "Tokyo: the council met", title_from="first-sentence")
    )
    person = {k: v for k, v in machine.items() if k != "title_from"}

    def story(record: dict[str, Any]) -> dict[str, dict[str, dict[str, Any]]]:
        return {"sources": {"a": record}, "people": {}, "claims": {}}

    deleted = reconcile(story(machine), story(person), story(machine), {"a": ARTICLE})
    assert "title_from" not in deleted.records["sources"]["a"]  # the person's deletion holds
    older = reconcile(story(machine), story(person), story(person), {"a": ARTICLE})
    assert older.records["sources"]["a"]["title_from"] == "first-sentence"  # the machine's
