"""Model objects to the records a YAML file holds, and back, by the one schema.

A record is the plain mapping a file of content/ holds: declared fields in their
declared order (an optional field left empty is not written), then the keys a person
added, kept as they are. Both directions follow `schema.fields_of`, so a field declared
on a dataclass is read and written with no change here.
"""

from __future__ import annotations

from typing import Any, TypeVar

from sitegen.collector import shared
from sitegen.factbase.model import Claim, FactBase, Person, Source
from sitegen.factbase.schema import FieldSpec, fields_of, has_extras

Record = dict[str, Any]
Records = dict[str, dict[str, Record]]  # kind -> id -> record

TYPES: dict[str, type] = {"sources": Source, "people": Person, "claims": Claim}  # by folder

T = TypeVar("T")


def to_record(obj: Any) -> Record:
    """An object as its file's mapping: declared fields in order, then its extra keys."""
    record: Record = {}
    for spec in fields_of(type(obj)):
        value = getattr(obj, spec.name)
        if spec.nested is not None and value is not None:
            value = [to_record(v) for v in value] if spec.item_types else to_record(value)
        if spec.required or not _empty(value):
            record[spec.name] = value
    record.update(getattr(obj, "extra", None) or {})
    return record


def _empty(value: Any) -> bool:
    """Left out of a file when optional: nothing said (false is a flag not raised)."""
    return value is None or value is False or (isinstance(value, str | list | dict) and not value)


def from_record(cls: type[T], data: Record) -> T:
    """An object from a validated mapping; a missing or empty (null) field takes its
    default, and undeclared keys go to `extra` when the class keeps them."""
    values: dict[str, Any] = {}
    for spec in fields_of(cls):
        value = data.get(spec.name)
        if value is not None:
            values[spec.name] = _read(spec, value)
    if has_extras(cls):
        declared = {spec.name for spec in fields_of(cls)}
        values["extra"] = {k: v for k, v in data.items() if k not in declared}
    return cls(**values)


def _read(spec: FieldSpec, value: Any) -> Any:
    if spec.item_types is not None:  # a list: a fresh one, its items read alike
        if spec.nested is not None:
            return [from_record(spec.nested, item) for item in value]
        return [shared(item) for item in value] if spec.shared else list(value)
    if spec.nested is not None:
        return from_record(spec.nested, value)
    if isinstance(value, dict):
        return dict(value)
    return shared(value) if spec.shared else value


def records(base: FactBase) -> Records:
    """The fact base as the YAML records each file holds, by kind and id."""
    return {
        "sources": {s.id: to_record(s) for s in base.sources.values()},
        "people": {p.id: to_record(p) for p in base.people.values()},
        "claims": {c.id: to_record(c) for c in base.claims.values()},
    }
