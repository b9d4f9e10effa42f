"""The fact-base schema, declared once: each field of a content/ file, on its dataclass.

`model.py` declares every field with `fact(...)`. What the format asks of a field is
said there and nowhere else:

- its YAML type: read from the annotation (`str | None`, `list[str]`, `list[Citation]`);
- whether a file must have it (`required`; an optional field left empty is not written);
- its place in a file: fields are written in the order they are declared;
- how a hand edit of it merges with a new build (`merge`, one of `Merge`);
- what `sitegen check` asks of its value beyond the type (`checks`: `OneOf`, `IsoDate`,
  `Refers`);
- whether the reader interns it (`shared`: ids and labels repeated in every record).

The reader and writer (`records.py`), the validator (`check.py`) and the three-way merge
(`reconcile.py`) all derive from `fields_of`: a field declared here is read, written,
checked and merged with no other change. Rules that tie several fields or files together
(a status and the origins its citations trace to, offsets into an article) stay in
`check.py`.
"""

from __future__ import annotations

import dataclasses
import re
import types
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Union, get_args, get_origin, get_type_hints

KINDS = ("sources", "people", "claims")  # the folders of content/, one YAML file per object
DATE_PATTERN = re.compile(r"\d{4}-\d{2}-\d{2}")

_FACT = "sitegen.fact"  # the metadata key of a declared field
_EXTRA = "sitegen.extra"  # the metadata key of the field holding undeclared keys

Known = dict[str, set[str]]  # kind -> the ids a reference may name


class Merge(StrEnum):
    """How a field merges when a person edited content/ and the machine built again."""

    MACHINE = "machine"  # always the machine's value (ids, file digests)
    SCALAR = "scalar"  # the person's value once they changed it, else the machine's
    SET = "set"  # items a person removed stay removed, what the machine finds anew is added
    HAND = "hand"  # the file's value: set by people only (and any undeclared field)


# -- what `sitegen check` asks of a value beyond its type --------------------------------


@dataclass(frozen=True)
class Check:
    """A rule on one value (each item of a list); `fault` says what is wrong, or None."""

    blocking: bool = dataclasses.field(default=False, kw_only=True)  # the build stops

    def fault(self, name: str, value: Any, known: Known) -> str | None:
        raise NotImplementedError


@dataclass(frozen=True)
class OneOf(Check):
    choices: tuple[str, ...]

    def fault(self, name: str, value: Any, known: Known) -> str | None:
        if isinstance(value, str) and value not in self.choices:
            return f"'{name}' must be one of {', '.join(self.choices)}, not '{value}'"
        return None


@dataclass(frozen=True)
class IsoDate(Check):
    def fault(self, name: str, value: Any, known: Known) -> str | None:
        if isinstance(value, str) and not DATE_PATTERN.fullmatch(value):
            return f"'{name}' must be an ISO date YYYY-MM-DD, not '{value}'"
        return None


@dataclass(frozen=True)
class Refers(Check):
    """An id of an object of `kind` (a file `content/<kind>/<id>.yaml`)."""

    kind: str
    noun: str

    def fault(self, name: str, value: Any, known: Known) -> str | None:
        if isinstance(value, str) and value not in known[self.kind]:
            return f"unknown {self.noun} '{value}' (no content/{self.kind}/{value}.yaml)"
        return None


# -- declaring a field -------------------------------------------------------------------


@dataclass(frozen=True)
class Fact:
    """What `fact()` records on a dataclass field."""

    required: bool
    merge: Merge | None  # None: a part of a record (a citation's field), merged with it
    checks: tuple[Check, ...]
    shared: bool  # interned when read: ids and labels every record repeats


def fact(
    *,
    required: bool = False,
    merge: Merge | None = None,
    checks: tuple[Check, ...] = (),
    shared: bool = False,
    default: Any = dataclasses.MISSING,
    default_factory: Callable[[], Any] | Any = dataclasses.MISSING,
) -> Any:
    """A dataclass field that is a field of the YAML format."""
    metadata = {_FACT: Fact(required, merge, checks, shared)}
    return dataclasses.field(default=default, default_factory=default_factory, metadata=metadata)


def extras() -> Any:
    """The field holding a file's undeclared keys, kept as they are and written last."""
    return dataclasses.field(default_factory=dict, metadata={_EXTRA: True})


# -- what the declarations give ----------------------------------------------------------


@dataclass(frozen=True)
class FieldSpec:
    """One field as the reader, writer, validator and merge see it."""

    name: str
    types: tuple[type, ...]  # the YAML types its value may have
    required: bool
    merge: Merge | None
    checks: tuple[Check, ...]
    shared: bool
    item_types: tuple[type, ...] | None = None  # for a list: the types of its items
    nested: type | None = None  # the dataclass of a mapping, or of a list's items


def fields_of(cls: type) -> tuple[FieldSpec, ...]:
    """The declared fields of a fact-base dataclass, in file order."""
    found = _DECLARED.get(cls)
    if found is None:
        found = _DECLARED[cls] = _declared(cls)
    return found


_DECLARED: dict[type, tuple[FieldSpec, ...]] = {}  # read once per class


def _declared(cls: type) -> tuple[FieldSpec, ...]:
    hints = get_type_hints(cls)
    specs = []
    for f in dataclasses.fields(cls):
        declared = f.metadata.get(_FACT)
        if declared is None:
            continue
        yaml_types, item_types, nested = _yaml_types(hints[f.name])
        specs.append(
            FieldSpec(
                f.name,
                yaml_types,
                declared.required,
                declared.merge,
                declared.checks,
                declared.shared,
                item_types,
                nested,
            )
        )
    return tuple(specs)


def has_extras(cls: type) -> bool:
    return any(f.metadata.get(_EXTRA) for f in dataclasses.fields(cls))


def policies(cls: type) -> dict[str, Merge]:
    """Field -> how a hand edit of it merges (undeclared fields: `Merge.HAND`)."""
    found = _POLICIES.get(cls)
    if found is None:
        found = _POLICIES[cls] = {s.name: s.merge for s in fields_of(cls) if s.merge is not None}
    return found


_POLICIES: dict[type, dict[str, Merge]] = {}  # derived once per class


_SCALARS: dict[Any, tuple[type, ...]] = {
    str: (str,),
    int: (int,),
    float: (int, float),  # YAML writes a whole number without a point
    bool: (bool,),
}


def _yaml_types(hint: Any) -> tuple[tuple[type, ...], tuple[type, ...] | None, type | None]:
    """(value types, list item types, nested dataclass) of an annotation."""
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        (inner,) = [arg for arg in get_args(hint) if arg is not type(None)]
        return _yaml_types(inner)
    if origin is list:
        (item,) = get_args(hint)
        item_types, _, nested = _yaml_types(item)
        return (list,), item_types, nested
    if origin is dict or hint is dict:
        return (dict,), None, None
    if dataclasses.is_dataclass(hint):
        return (dict,), None, hint if isinstance(hint, type) else None
    return _SCALARS[hint], None, None
