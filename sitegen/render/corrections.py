"""The corrections page: what people changed by hand, beside what the machine says.

Each build records the hand edits it kept (`content/.sitegen/corrections.json`, see
`sitegen.factbase.journal`): per field, the machine's value, the person's, and the date
of the build that first kept it. Readers see what editors changed, as a wiki's history
shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitegen.factbase.journal import load_corrections
from sitegen.factbase.model import FactBase
from sitegen.render.links import is_safe_id

SHOWN_CHARACTERS = 300  # of a long value


@dataclass
class FieldEdit:
    field: str
    machine: str  # the machine's value, as text ("" when it makes none)
    person: str
    kept: str  # YYYY-MM-DD, the build that first kept it


@dataclass
class Correction:
    """The hand edits of one claim, person or source."""

    kind: str  # "claims", "people" or "sources"
    object_id: str
    label: str  # the claim's statement, person's name or source's title now
    exists: bool  # it still has a page
    fields: list[FieldEdit]

    @property
    def kept(self) -> str:
        """When its latest edit was first kept."""
        return max(edit.kept for edit in self.fields)


def load(content: Path, base: FactBase) -> list[Correction]:
    """The recorded corrections, the most recently edited objects first."""
    found = []
    for key, changed in sorted(load_corrections(content).items()):
        kind, _, object_id = str(key).partition("/")
        if not isinstance(changed, dict):
            continue
        edits = [
            FieldEdit(
                str(name),
                as_text(entry.get("machine")),
                as_text(entry.get("person")),
                str(entry.get("kept") or ""),
            )
            for name, entry in changed.items()
            if isinstance(entry, dict)
        ]
        if edits:
            label, exists = _label(kind, object_id, base)
            found.append(
                Correction(kind, object_id, label, exists and is_safe_id(object_id), edits)
            )
    found.sort(key=lambda c: c.kept, reverse=True)
    return found


def _label(kind: str, object_id: str, base: FactBase) -> tuple[str, bool]:
    if kind == "claims" and object_id in base.claims:
        return base.claims[object_id].statement, True
    if kind == "people" and object_id in base.people:
        return base.people[object_id].name, True
    if kind == "sources" and object_id in base.sources:
        return base.sources[object_id].title, True
    return object_id, False


def as_text(value: Any) -> str:
    """A field's value for a reader: lists joined, citations counted, long text cut."""
    if value is None:
        return ""
    if isinstance(value, list):
        if value and all(isinstance(item, dict) and "quote" in item for item in value):
            quotes = "; ".join(f"“{item.get('quote')}” ({item.get('source')})" for item in value)
            text = f"{len(value)} citation{'s' * (len(value) != 1)}: {quotes}"
        else:
            text = ", ".join(as_text(item) for item in value)
    elif isinstance(value, dict):
        text = "; ".join(f"{key}: {as_text(item)}" for key, item in value.items())
    else:
        text = str(value)
    return text if len(text) <= SHOWN_CHARACTERS else text[: SHOWN_CHARACTERS - 1] + "…"
