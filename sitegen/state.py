"""What the last extraction produced, committed inside content/, and the write journal.

The snapshot (`content/.sitegen/snapshot.json`) is the machine's previous output under
the ids the files now carry. Comparing a file with it tells a hand edit from an old
machine value; because it is committed, this works from a fresh clone and in CI.

Writes go through a journal: the whole set of file changes and the new snapshot are
written to `journal.json` first (atomically), then applied. A build killed half way
leaves the journal behind, and the next build finishes applying it before anything
else, so content/ never holds a mix of old and new machine output.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sitegen.errors import InputError, Location
from sitegen.fsutil import write_if_changed, write_stream

STATE_DIR = ".sitegen"
SNAPSHOT = "snapshot.json"
JOURNAL = "journal.json"

Records = dict[str, dict[str, dict[str, Any]]]  # kind -> id -> record


def load_snapshot(content: Path) -> Records | None:
    """The last machine output, or None for a fact base that has never had one."""
    path = content / STATE_DIR / SNAPSHOT
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(
            f"cannot read the build state: {exc}; restore it from version "
            "control, or delete it to treat the files as the last build's "
            "output",
            Location(path),
        ) from None
    return data.get("records", {})


def commit(content: Path, writes: dict[str, str | None], snapshot: Records) -> str:
    """Apply `writes` (path relative to content/ -> text, None to delete) and save
    `snapshot`, through the journal; returns the snapshot file's sha256."""
    journal = {"writes": writes, "snapshot": {"records": snapshot}}
    write_stream(content / STATE_DIR / JOURNAL, _dump(journal))
    return _apply(content, journal)


def recover(content: Path) -> bool:
    """Finish a commit that a killed build left half done; True if there was one."""
    for debris in content.glob("**/.*.tmp"):
        debris.unlink()  # a temp file whose rename never happened
    path = content / STATE_DIR / JOURNAL
    if not path.exists():
        return False
    try:
        with path.open(encoding="utf-8") as handle:
            journal = json.load(handle)
    except ValueError:
        path.unlink()  # the journal itself was never completed: nothing was applied
        return False
    _apply(content, journal)
    return True


def _apply(content: Path, journal: dict[str, Any]) -> str:
    for relative, text in sorted(journal["writes"].items()):
        path = content / relative
        if text is None:
            path.unlink(missing_ok=True)
        else:
            write_if_changed(path, text)
    sha256 = write_stream(content / STATE_DIR / SNAPSHOT, _dump(journal["snapshot"]))
    (content / STATE_DIR / JOURNAL).unlink()
    return sha256


def _dump(data: Any) -> Iterator[str]:
    """JSON in pieces: the journal of a large story is never one string in memory."""
    yield from json.JSONEncoder(ensure_ascii=False, indent=1, sort_keys=True).iterencode(data)
    yield "\n"


CORRECTIONS = "corrections.json"


def load_corrections(content: Path) -> dict[str, dict[str, dict[str, Any]]]:
    """ "claims/x" -> field -> {machine, person, kept}: the hand edits the builds kept,
    for the corrections page. Empty when none were recorded (or the file is unreadable:
    it only feeds that page, and the next build writes it again)."""
    try:
        data = json.loads((content / STATE_DIR / CORRECTIONS).read_text(encoding="utf-8"))
        found = data["corrections"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    return found if isinstance(found, dict) else {}


def corrections_text(
    content: Path, edits: dict[str, dict[str, tuple[Any, Any]]], today: str
) -> str:
    """The corrections file after a build: each edited field with the machine's value,
    the person's, and the date of the build that first kept that value."""
    before = load_corrections(content)
    kept: dict[str, dict[str, dict[str, Any]]] = {}
    for key, changed in sorted(edits.items()):
        for name, (machine, person) in changed.items():
            old = before.get(key, {}).get(name)
            same = isinstance(old, dict) and old.get("person") == person
            date = old["kept"] if same and isinstance(old.get("kept"), str) else today
            kept.setdefault(key, {})[name] = {"machine": machine, "person": person, "kept": date}
    return "".join(_dump({"version": 1, "corrections": kept}))
