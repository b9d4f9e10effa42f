"""Stage parameters: a frozen dataclass per stage, changed by `--set name=value`.

Each stage that has tunable numbers keeps them in one frozen dataclass whose default
instance is the behaviour of the release (`sitegen.extract.params.ExtractParams`,
`sitegen.merge.params`). The evaluations take `--set name=value` (repeatable) to sweep
one of them; this module parses those settings against the dataclass's fields, so a
misspelt name or a value of the wrong type is an error, never a silent default.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import typing
from collections.abc import Iterable
from typing import Any, TypeVar

P = TypeVar("P")

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def with_settings(params: P, settings: Iterable[str]) -> P:
    """A copy of `params` with each "name=value" of `settings` applied, in order.

    Raises ValueError naming the setting when a name is not a field or its value does
    not parse as the field's type (int, float, bool or str)."""
    types = _field_types(type(params))
    changes: dict[str, Any] = {}
    for setting in settings:
        name, sep, text = setting.partition("=")
        name = name.strip()
        if not sep or name not in types:
            known = ", ".join(sorted(types))
            raise ValueError(f"unknown parameter {setting!r} (expected name=value; names: {known})")
        changes[name] = _parse(types[name], text.strip(), name)
    return dataclasses.replace(params, **changes)  # type: ignore[type-var]


def digest(params: Any) -> str:
    """A stable digest of a parameters object's values, for cache keys."""
    text = json.dumps(dataclasses.asdict(params), sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _field_types(cls: type) -> dict[str, type]:
    hints = typing.get_type_hints(cls)
    return {f.name: hints[f.name] for f in dataclasses.fields(cls)}


def _parse(kind: type, text: str, name: str) -> Any:
    try:
        if kind is bool:
            if text.lower() in _TRUE | _FALSE:
                return text.lower() in _TRUE
            raise ValueError(text)
        if kind in (int, float, str):
            return kind(text)
    except ValueError:
        raise ValueError(f"parameter {name}: {text!r} is not a {kind.__name__}") from None
    raise ValueError(f"parameter {name} of type {kind} cannot be set from the command line")
