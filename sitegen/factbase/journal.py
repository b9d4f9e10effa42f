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

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sitegen.errors import ContentError, InputError, Location
from sitegen.factbase.schema import KINDS
from sitegen.freshness import file_digest
from sitegen.fsutil import write_if_changed, write_many, write_stream
from sitegen.paths import Within, is_inside, open_regular

if TYPE_CHECKING:
    from sitegen.factbase.records import Records

STATE_DIR = ".sitegen"
SNAPSHOT = "snapshot.json"
JOURNAL = "journal.json"

# what a journal may name: a fact-base file, nothing else (it is read from content/,
# which a pull request can write)
_JOURNAL_KEY = re.compile(rf"({'|'.join(KINDS)})/[a-z0-9][a-z0-9-]*\.yaml")
# the temp files `fsutil` writes beside a file before renaming it over the file
_OUR_TEMP = re.compile(r"\..+\.(yaml|json)\.[A-Za-z0-9_]{8}\.tmp")


def load_snapshot(content: Path) -> Records | None:
    """The last machine output, or None for a fact base that has never had one."""
    path = content / STATE_DIR / SNAPSHOT
    if not path.exists():
        return None
    try:
        _state_dir(content)
        with open_regular(path, "the build state") as handle:
            data = json.load(handle)  # hundreds of megabytes at 10,000 articles
    except (InputError, ValueError) as exc:
        raise InputError(
            f"cannot read the build state: {getattr(exc, 'message', exc)}; restore it from "
            "version control, or delete it to treat the files as the last build's output",
            Location(path),
        ) from None
    records = data.get("records", {}) if isinstance(data, dict) else None
    if not _is_records(records):
        raise InputError(
            "the build state is not one sitegen wrote (records of the wrong shape); restore "
            "it from version control, or delete it",
            Location(path),
        )
    return records


def _is_records(records: Any) -> bool:
    """kind -> id -> record (a mapping), as `commit` saves them."""
    return isinstance(records, dict) and all(
        kind in KINDS
        and isinstance(objects, dict)
        and all(isinstance(k, str) and isinstance(r, dict) for k, r in objects.items())
        for kind, objects in records.items()
    )


def commit(
    content: Path,
    writes: dict[str, str | None],
    snapshot: Records,
    expected: dict[str, str | None],
) -> Committed:
    """Apply `writes` (path relative to content/ -> text, None to delete) and save
    `snapshot`, through the journal. `expected` holds each file's sha256 as it was read
    (None: absent); a file that no longer has it was edited meanwhile and is left as
    the person saved it."""
    inside = Within(content)
    for relative in writes:
        _checked_key(content, relative, Location(content / relative), inside)
    journal = {
        "writes": writes,
        "expected": {relative: expected.get(relative) for relative in writes},
        "snapshot": {"records": snapshot},
    }
    write_stream(_state_dir(content) / JOURNAL, _compact(journal, 4))
    return _apply(content, journal)


def recover(content: Path) -> Committed | None:
    """Finish a commit that a killed build left half done; None if there was none."""
    for folder in [*(content / kind for kind in KINDS), content / STATE_DIR]:
        if folder.is_dir() and not folder.is_symlink():
            for debris in folder.glob(".*.tmp"):
                if _OUR_TEMP.fullmatch(debris.name) and debris.is_file():
                    debris.unlink()  # a temp file whose rename never happened
    path = content / STATE_DIR / JOURNAL
    if not path.exists():
        return None
    _state_dir(content)
    try:
        with open_regular(path, "the write journal") as handle:
            journal = json.load(handle)
    except ValueError:
        path.unlink()  # the journal itself was never completed: nothing was applied
        return None
    return _apply(content, _checked_journal(content, journal, path))


@dataclass
class Committed:
    """What a commit did: the snapshot's sha256, and the files left as edited meanwhile."""

    snapshot_sha256: str
    kept: list[str] = field(default_factory=list)


def _apply(content: Path, journal: dict[str, Any]) -> Committed:
    """Make the journal's writes, then save its snapshot and drop it. Each file is
    checked against what it was read as right before it is replaced or deleted."""
    expected = journal.get("expected")
    writes: dict[str, str | None] = dict(sorted(journal["writes"].items()))
    kept: list[str] = []

    def to_apply(relative: str) -> bool:
        now = file_digest(paths[relative])
        text = writes[relative]
        # hashed only when there is a file: most writes make new ones
        done = text is None if now is None else text is not None and now == _sha256(text)
        if done:
            return False  # already done (a recovered journal applied in part)
        if expected is not None and now != expected.get(relative):
            kept.append(relative)  # saved by a person since it was read: theirs wins
            return False
        return True

    paths = {relative: content / relative for relative in writes}
    texts = {paths[relative]: text for relative, text in writes.items() if text is not None}
    relatives = {path: relative for relative, path in paths.items()}
    write_many(texts, lambda path: to_apply(relatives[path]))
    for relative in (relative for relative, text in writes.items() if text is None):
        if to_apply(relative):
            paths[relative].unlink(missing_ok=True)
    sha256 = write_stream(content / STATE_DIR / SNAPSHOT, _dump(journal["snapshot"]))
    (content / STATE_DIR / JOURNAL).unlink()
    return Committed(sha256, sorted(kept))


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _checked_journal(content: Path, journal: Any, path: Path) -> dict[str, Any]:
    """A journal read back from disk: every entry must name a fact-base file."""
    where = Location(path)
    writes = journal.get("writes") if isinstance(journal, dict) else None
    expected = journal.get("expected", {}) if isinstance(journal, dict) else None
    if (
        not isinstance(writes, dict)
        or not isinstance(expected, dict)
        or not isinstance(journal.get("snapshot"), dict)
    ):
        raise ContentError("the write journal is not one sitegen wrote: delete it", where)
    inside = Within(content)
    for relative, text in writes.items():
        _checked_key(content, relative, where, inside)
        if not isinstance(text, str | None) or not isinstance(expected.get(relative), str | None):
            raise ContentError(f"the write journal's entry '{relative}' is malformed", where)
    return journal


def _checked_key(content: Path, relative: object, where: Location, inside: Within) -> None:
    """A journal key names a fact-base file (`kind/name.yaml`, so no `..` and no
    absolute path) that no link leads out of content/ (`inside`: one per commit)."""
    if not isinstance(relative, str) or not _JOURNAL_KEY.fullmatch(relative):
        raise ContentError(
            f"the write journal names '{relative}', which is no fact-base file; "
            "nothing was written: delete the journal",
            where,
        )
    if not inside(content / relative):
        raise ContentError(f"'{relative}' leads out of {content.name}/; nothing was written", where)


def _state_dir(content: Path) -> Path:
    """content/.sitegen, refused when it (or content/ itself) is a link leading out."""
    folder = content / STATE_DIR
    if not is_inside(folder, content):
        raise ContentError(f"{STATE_DIR}/ leads out of content/", Location(folder))
    return folder


def _dump(data: Any) -> Iterator[str]:
    """JSON in pieces, as `json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)`
    writes it: the snapshot of a large story is never one string in memory. Each value
    `DUMP_DEPTH` mappings down (a record) is one piece, made by `_indented`."""
    yield from _pieces(data, "\n", DUMP_DEPTH)
    yield "\n"


DUMP_DEPTH = 3  # {"records": {kind: {id: record}}}: one piece per record
_QUOTED = json.encoder.encode_basestring  # the C encoder's, as `ensure_ascii=False` uses


def _pieces(data: Any, newline: str, depth: int) -> Iterator[str]:
    if depth == 0 or not isinstance(data, dict) or not data:
        out: list[str] = []
        _indented(data, newline, out)
        yield "".join(out)
        return
    inner = newline + " "
    for number, (key, value) in enumerate(sorted(data.items())):
        yield f"{',' if number else '{'}{inner}{_QUOTED(_key(key))}: "
        yield from _pieces(value, inner, depth - 1)
    yield newline + "}"


def _indented(value: Any, newline: str, out: list[str]) -> None:
    """`value` as the standard library's encoder indents it by one space a level
    (`newline` holds the current level's indentation), into `out`: the same text in a
    third of the time (its encoder nests a generator per level and value)."""
    if isinstance(value, str):
        out.append(_QUOTED(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float):
        out.append(_float(value))
    elif isinstance(value, list | tuple):
        if not value:
            out.append("[]")
            return
        inner = newline + " "
        out.append("[")
        for number, item in enumerate(value):
            out.append("," + inner if number else inner)
            _indented(item, inner, out)
        out.append(newline + "]")
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = newline + " "
        out.append("{")
        for number, (key, item) in enumerate(sorted(value.items())):
            out.append(f"{',' if number else ''}{inner}{_QUOTED(_key(key))}: ")
            _indented(item, inner, out)
        out.append(newline + "}")
    else:
        raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _key(key: Any) -> str:
    """A mapping's key as the standard library's encoder writes it."""
    if isinstance(key, str):
        return key
    if isinstance(key, float):
        return _float(key)
    if key is True or key is False or key is None:
        return {True: "true", False: "false", None: "null"}[key]
    if isinstance(key, int):
        return int.__repr__(key)
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)


_ENCODE = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode


def _compact(data: Any, depth: int) -> Iterator[str]:
    """The journal's JSON in pieces, as `_dump` but without indentation (only a crashed
    build's `recover` reads it): every value `depth` mappings down is one piece, made by
    the C encoder (the pure-Python one, which indentation needs, took twice as long)."""
    if depth == 0 or type(data) is not dict:
        yield _ENCODE(data)
        return
    yield "{"
    for number, key in enumerate(sorted(data)):
        yield f"{',' if number else ''}{_ENCODE(key)}:"
        yield from _compact(data[key], depth - 1)
    yield "}"


CORRECTIONS = "corrections.json"


def load_corrections(content: Path) -> dict[str, dict[str, dict[str, Any]]]:
    """ "claims/x" -> field -> {machine, person, kept}: the hand edits the builds kept,
    for the corrections page. Empty when none were recorded (or the file is unreadable:
    it only feeds that page, and the next build writes it again)."""
    path = content / STATE_DIR / CORRECTIONS
    if not path.exists():
        return {}
    try:
        with open_regular(path, "the corrections record") as handle:
            found = json.load(handle)["corrections"]
    except (OSError, InputError, ValueError, KeyError, TypeError):
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
            old = (before.get(key) or {}).get(name)
            date = today
            if isinstance(old, dict) and old.get("person") == person:
                date = old["kept"] if isinstance(old.get("kept"), str) else today
            kept.setdefault(key, {})[name] = {"machine": machine, "person": person, "kept": date}
    return "".join(_dump({"version": 1, "corrections": kept}))


def record_corrections(
    content: Path, edits: dict[str, dict[str, tuple[Any, Any]]], today: str
) -> dict[str, str]:
    """Write the corrections file when the kept edits changed (none before the first
    edit); {its path relative to content/: sha256} when there is one, for the build's
    stamp. Written after the journal's commit: a build killed in between dates the
    new edits by the next build."""
    if not edits and not (content / STATE_DIR / CORRECTIONS).exists():
        return {}
    text = corrections_text(content, edits, today)
    write_if_changed(_state_dir(content) / CORRECTIONS, text)
    return {f"{STATE_DIR}/{CORRECTIONS}": hashlib.sha256(text.encode("utf-8")).hexdigest()}
