"""Rewriting a hand-edited YAML file without losing what the person wrote.

ruamel.yaml's round-trip mode keeps comments, blank lines, key order and quoting; only
the values that really changed are replaced, and new fields are appended.
"""

from __future__ import annotations

import io
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 100_000
    yaml.allow_unicode = True
    yaml.indent(mapping=2, sequence=2, offset=0)
    return yaml


def update_text(text: str, record: dict[str, Any]) -> str:
    """`text` (a YAML mapping) with its fields set to `record`; untouched fields keep
    their comments and formatting, removed fields are dropped."""
    yaml = _yaml()
    data = yaml.load(text)
    if not isinstance(data, CommentedMap):
        data = CommentedMap()
    for key in [k for k in data if k not in record]:
        del data[key]
    for key, value in record.items():
        if key not in data or _plain(data[key]) != value:
            data[key] = value
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def _plain(value: Any) -> Any:
    """A ruamel value as plain Python, for comparison with a record's value."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    return value
