"""Per-article extraction cache (`.sitegen-cache/`, safe to delete, never committed).

An article's extraction result depends only on its text, the spaCy model and the
extraction code, so the key hashes exactly those: an unchanged article is not parsed
again, and editing the extractor invalidates everything it produced.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import types
import typing
from functools import cache
from pathlib import Path
from typing import Any

from sitegen.collector import shared
from sitegen.extract.params import DEFAULT, ExtractParams
from sitegen.extract.records import ArticleFacts
from sitegen.freshness import extraction_version
from sitegen.fsutil import atomic_write
from sitegen.ingest import Article


class ExtractionCache:
    def __init__(self, folder: Path, model: str, params: ExtractParams = DEFAULT) -> None:
        self.folder = folder / "extract"
        self.model = model
        self.version = extraction_version(params)

    def _path(self, article: Article) -> Path:
        # `cut`: a prefix read under one extract_limit is not the article read under another
        key = "\0".join([article.id, article.sha256, self.model, self.version, str(article.cut)])
        return self.folder / f"{hashlib.sha256(key.encode()).hexdigest()}.json"

    def get(self, article: Article) -> ArticleFacts | None:
        try:
            data = json.loads(self._path(article).read_text(encoding="utf-8"))
            return from_plain(ArticleFacts, data)
        except (OSError, ValueError, TypeError, KeyError):
            return None  # missing or unreadable: extract again

    def put(self, article: Article, facts: ArticleFacts) -> None:
        text = json.dumps(facts, default=_fields_of, ensure_ascii=False, sort_keys=True)
        # not fsynced: a file a crash left empty or unwritten reads as a miss (see `get`)
        atomic_write(self._path(article), text, durable=False)


def _fields_of(record: Any) -> dict[str, Any]:
    """A record's fields, for `json.dumps(default=...)`: the same JSON as that of
    `dataclasses.asdict`, without its deep copy of every string and number (the C
    encoder then writes the lists and strings itself)."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {name: getattr(record, name) for name, _ in _fields(type(record))}
    raise TypeError(f"{type(record).__name__} is not a record")


def from_plain(cls: type, data: Any) -> Any:
    """Rebuild a (nested) dataclass from `dataclasses.asdict` output, by its type hints."""
    return cls(**{name: _value(hint, data[name]) for name, hint in _fields(cls) if name in data})


def interned(record: Any) -> Any:
    """A record (a dataclass, a list, a dict, a string) whose short strings are shared
    with every other record's: fresh from spaCy or a worker process, each article holds
    its own copy of every lemma and label, a third of its memory."""
    kind = type(record)
    if kind is str:
        return shared(record)
    if kind in _PLAIN:  # most values; asked first, as `is_dataclass` is slow
        return record
    if isinstance(record, list):
        return [interned(item) for item in record]
    if isinstance(record, dict):
        return {interned(key): interned(value) for key, value in record.items()}
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        for name, _ in _fields(type(record)):
            setattr(record, name, interned(getattr(record, name)))
    return record


_PLAIN = frozenset({int, float, bool, type(None)})


@cache
def _fields(cls: type) -> tuple[tuple[str, Any], ...]:
    """A dataclass's fields with their resolved hints: resolving them is slow, and a
    10,000-article story rebuilds a million records."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls))


def _value(hint: Any, data: Any) -> Any:
    if data is None:
        return None
    if type(data) is str:  # lemmas, names, labels: one copy each, not one per use
        return shared(data)
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(hint) if a is not type(None)]
        return _value(inner[0], data) if len(inner) == 1 else data
    if origin is list:
        (item,) = typing.get_args(hint)
        return [_value(item, x) for x in data]
    if origin is dict:
        _, item = typing.get_args(hint)
        return {k: _value(item, v) for k, v in data.items()}
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return from_plain(hint, data)
    return data
