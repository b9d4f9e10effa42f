"""Reading and writing the fact base (content/) in the contract's YAML format.

The field tables below are the single description of the format: the writer follows
their order, the reader and `sitegen check` validate against them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitegen.collector import shared
from sitegen.errors import InputError, Location
from sitegen.frontmatter import split_front_matter
from sitegen.fsutil import write_if_changed
from sitegen.model import Citation, Claim, FactBase, Figure, Page, Person, Review, Source
from sitegen.paths import read_regular
from sitegen.yamlio import YamlDocument, dump_yaml, parse_yaml, read_yaml

KINDS = ("sources", "people", "claims")


@dataclass(frozen=True)
class FieldSpec:
    name: str
    types: tuple[type, ...]
    required: bool = False
    item_types: tuple[type, ...] | None = None  # for lists


def _spec(
    name: str, *types: type, required: bool = False, items: tuple[type, ...] | None = None
) -> FieldSpec:
    return FieldSpec(name, types, required, items)


SOURCE_FIELDS = (
    _spec("id", str, required=True),
    _spec("file", str, required=True),
    _spec("sha256", str, required=True),
    _spec("title", str, required=True),
    _spec("publisher", str),
    _spec("url", str),
    _spec("date", str),
    _spec("author", str),
    _spec("derived_from", list, items=(str,)),
    _spec("origins", list, items=(str,)),
    _spec("kind", str),  # report | opinion | interview | aggregator, set by hand
    _spec("title_from", str),  # "first-sentence" when no headline is known
)
PERSON_FIELDS = (
    _spec("id", str, required=True),
    _spec("name", str, required=True),
    _spec("aliases", list, required=True, items=(str,)),
    _spec("description", str),
)
CLAIM_FIELDS = (
    _spec("id", str, required=True),
    _spec("statement", str, required=True),
    _spec("kind", str),
    _spec("status", str, required=True),
    _spec("speaker", str),
    _spec("people", list, required=True, items=(str,)),
    _spec("figures", list, items=(dict,)),
    _spec("conflicts", list, items=(str,)),
    _spec("differs", dict),
    _spec("updates", list, items=(str,)),
    _spec("independent_sources", int),
    _spec("review", dict),
    _spec("citations", list, required=True, items=(dict,)),
)
CITATION_FIELDS = (
    _spec("source", str, required=True),
    _spec("quote", str, required=True),
    _spec("start", int, required=True),
    _spec("end", int, required=True),
    _spec("origin", str),
)
REVIEW_FIELDS = (
    _spec("rating", str, required=True),
    _spec("by", str, required=True),
    _spec("date", str, required=True),
    _spec("note", str),
)
FIGURE_FIELDS = (
    _spec("value", int, float, required=True),
    _spec("text", str, required=True),
    _spec("unit", str),
    _spec("counts", str),
    _spec("qualifier", str),
    _spec("quantity", str),
    _spec("increment", bool),
)
FIELDS = {"sources": SOURCE_FIELDS, "people": PERSON_FIELDS, "claims": CLAIM_FIELDS}


@dataclass
class ContentFiles:
    """Every parsed file of content/, before it is trusted."""

    root: Path
    documents: dict[str, list[YamlDocument]] = field(default_factory=dict)
    pages: list[tuple[Path, YamlDocument, str]] = field(default_factory=list)


def read_content(content_dir: Path) -> ContentFiles:
    """Parse every YAML file and page; a syntax error raises InputError with file:line."""
    files = ContentFiles(content_dir)
    for kind in KINDS:
        folder = content_dir / kind
        paths = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
        files.documents[kind] = [read_yaml(path) for path in paths]
    pages_dir = content_dir / "pages"
    if pages_dir.is_dir():
        for path in sorted(pages_dir.glob("*.md")):
            files.pages.append(read_page(path))
    return files


def read_page(path: Path) -> tuple[Path, YamlDocument, str]:
    """A page's front matter (every location a line of the .md) and its body."""
    try:
        text = read_regular(path).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"cannot read page: {exc}", Location(path)) from None
    front = split_front_matter(text)
    doc = parse_yaml(front.yaml_text, path, front.yaml_line)
    return path, doc, text[front.body_start :]


def to_factbase(files: ContentFiles) -> FactBase:
    """Build model objects from parsed files. Call after validation (see check.py)."""
    base = FactBase()
    for doc in files.documents.get("sources", []):
        data = doc.data
        values = {f.name: data.get(f.name) for f in SOURCE_FIELDS}
        values["derived_from"] = list(values["derived_from"] or [])
        values["origins"] = list(values["origins"] or [])
        base.sources[data["id"]] = Source(**values, extra=_extra(data, SOURCE_FIELDS))
    for doc in files.documents.get("people", []):
        data = doc.data
        base.people[data["id"]] = Person(
            id=data["id"],
            name=data["name"],
            aliases=list(data.get("aliases") or []),
            description=data.get("description"),
            extra=_extra(data, PERSON_FIELDS),
        )
    for doc in files.documents.get("claims", []):
        data = doc.data
        base.claims[data["id"]] = Claim(
            id=data["id"],
            statement=data["statement"],
            citations=[
                Citation(shared(c["source"]), c["quote"], c["start"], c["end"], c.get("origin"))
                for c in data["citations"]
            ],
            status=shared(data["status"]),
            people=[shared(person) for person in data.get("people") or []],
            kind=shared(data.get("kind") or "event"),
            speaker=shared(data.get("speaker")),
            figures=[
                Figure(
                    **{
                        **{f.name: fig.get(f.name) for f in FIGURE_FIELDS},
                        "increment": fig.get("increment") is True,
                    }
                )
                for fig in data.get("figures") or []
            ],
            conflicts=list(data.get("conflicts") or []),
            differs=dict(data.get("differs") or {}),
            updates=list(data.get("updates") or []),
            independent_sources=data.get("independent_sources"),
            review=_review(data.get("review")),
            extra=_extra(data, CLAIM_FIELDS),
        )
    for path, doc, body in files.pages:
        meta = doc.data if isinstance(doc.data, dict) else {}
        title = str(meta.get("title") or path.stem.replace("-", " ").title())
        base.pages[path.stem] = Page(slug=path.stem, title=title, body=body, meta=meta)
    return base


def _extra(data: dict[str, Any], specs: tuple[FieldSpec, ...]) -> dict[str, Any]:
    known = {f.name for f in specs}
    return {k: v for k, v in data.items() if k not in known}


def source_record(source: Source) -> dict[str, Any]:
    return _ordered(vars(source), SOURCE_FIELDS, source.extra)


def person_record(person: Person) -> dict[str, Any]:
    return _ordered(vars(person), PERSON_FIELDS, person.extra)


def claim_record(claim: Claim) -> dict[str, Any]:
    values = dict(vars(claim))
    values["citations"] = [_ordered(vars(c), CITATION_FIELDS, {}) for c in claim.citations]
    values["figures"] = [
        _ordered({**vars(f), "increment": f.increment or None}, FIGURE_FIELDS, {})
        for f in claim.figures
    ]
    values["review"] = _ordered(vars(claim.review), REVIEW_FIELDS, {}) if claim.review else None
    return _ordered(values, CLAIM_FIELDS, claim.extra)


def _ordered(
    values: dict[str, Any], specs: tuple[FieldSpec, ...], extra: dict[str, Any]
) -> dict[str, Any]:
    """Known fields in contract order (optional empties dropped), then extra fields."""
    record: dict[str, Any] = {}
    for spec in specs:
        value = values.get(spec.name)
        if spec.required or value not in (None, "", [], {}):
            record[spec.name] = value
    record.update(extra)
    return record


def records(base: FactBase) -> dict[str, dict[str, dict[str, Any]]]:
    """The fact base as the YAML records each file holds, by kind and id."""
    return {
        "sources": {s.id: source_record(s) for s in base.sources.values()},
        "people": {p.id: person_record(p) for p in base.people.values()},
        "claims": {c.id: claim_record(c) for c in base.claims.values()},
    }


def write_factbase(base: FactBase, content_dir: Path) -> list[Path]:
    """Write one YAML file per object, replacing what is there (no merge with hand
    edits: for a fresh fact base). Returns the paths that changed."""
    changed: list[Path] = []
    for kind, by_id in records(base).items():
        folder = content_dir / kind
        folder.mkdir(parents=True, exist_ok=True)
        for object_id, record in sorted(by_id.items()):
            path = folder / f"{object_id}.yaml"
            if write_if_changed(path, dump_yaml(record)):
                changed.append(path)
        for stale in sorted(folder.glob("*.yaml")):
            if stale.stem not in by_id:
                stale.unlink()
                changed.append(stale)
    return changed


def _review(data: Any) -> Review | None:
    """A hand-added verdict; unknown keys (warned about by `check`) are left out."""
    if not isinstance(data, dict):
        return None
    values: dict[str, Any] = {f.name: data.get(f.name) for f in REVIEW_FIELDS}
    return Review(**values)
