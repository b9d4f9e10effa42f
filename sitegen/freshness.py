"""Whether something must be made again: one policy, content hashes, for every cache.

- The extraction cache (`sitegen.extract.cache`) keys each article's facts by the sha256 of its
  bytes, the model and `extraction_version()` (the code and the extraction parameters).
- The extract phase is skipped when the stamp below is unchanged; the render when
  `render_fingerprint` is.
- A write to content/ expects each file to still have the `file_digest` it was read with.

When the extract phase can be skipped: nothing it reads has changed since it last ran.

The phase (read seeds/ and content/, extract or take from the cache, merge, reconcile
with hand edits, write content/) is a function of: every article file, every file
under content/ (hand edits, hand-written pages, the snapshot), the settings, the
merge's parameters (`MergeParams`), sitegen's own code, and the installed packages
(the spaCy model, WordNet data for the merge).
The stamp is a digest of all of them, taken as the phase *left* them: the hashes of
the files it read, updated with what it wrote. A later build whose digest is the same
would compute the same result and write nothing, so it may skip the phase.

Files are compared by content (sha256), not by modification time: an edit made
within the file system's clock tick of the build's own writes is still seen, and an
edit made while the build runs leaves the stamp describing the older file, so the
next build runs. Packages are compared by their folders' modification times, which
change whenever pip installs or removes anything in them.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import sysconfig
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sitegen import params as stage_params
from sitegen.config import Config
from sitegen.errors import InputError, Location
from sitegen.fsutil import atomic_write
from sitegen.paths import find_articles, regular_fd
from sitegen.reporter import Message

if TYPE_CHECKING:
    from sitegen.extract.params import ExtractParams

STAMP = "content.stamp"
_PACKAGE = Path(__file__).resolve().parent

Files = dict[str, str]  # absolute path -> sha256 of the bytes


def file_digest(path: Path) -> str | None:
    """sha256 of a file's bytes; None when there is no regular file there (a FIFO or a
    device is never opened for reading: see `paths.open_regular`)."""
    try:
        fd, size = regular_fd(path)
    except InputError:
        return None
    try:
        hasher = hashlib.sha256()
        while chunk := os.read(fd, size + 1):  # to its end, should it grow meanwhile
            hasher.update(chunk)
        return hasher.hexdigest()
    except OSError:
        return None
    finally:
        os.close(fd)


def render_fingerprint(config: Config) -> str:
    """A digest of everything a render reads: settings, content/, templates (the
    project's and the theme), the articles, and sitegen's own code."""
    from sitegen.theme import theme_dir

    hasher = hashlib.sha256(repr(sorted(vars(config).items())).encode())
    hasher.update(code_version().encode())
    for folder in (config.content, config.templates, theme_dir(), config.seeds):
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            if path.is_file() and not path.name.startswith("."):
                hasher.update(f"{path}\0{file_digest(path)}\0".encode())
    return hasher.hexdigest()


def read_inputs(config: Config) -> Files:
    """The files the extract phase reads, by path, with the hash of their bytes."""
    paths = set(find_articles(config.seeds))
    if config.content.is_dir():
        paths.update(p for p in config.content.rglob("*") if p.is_file())
    return {str(path): file_digest(path) or "" for path in sorted(paths)}


def after_writes(
    files: Files, root: Path, writes: dict[str, str | None], written: dict[str, str]
) -> Files:
    """`files` once `writes` (path relative to `root` -> text, None to delete) are made
    and the files `written` otherwise (relative path -> sha256) are in place."""
    result = dict(files)
    for relative, text in writes.items():
        path = str(root / relative)
        if text is None:
            result.pop(path, None)
        else:
            result[path] = _sha256(text.encode("utf-8"))
    result.update((str(root / relative), sha) for relative, sha in written.items())
    return result


def digest(config: Config, files: Files, parameters: object) -> str:
    """One digest of the inputs: files, settings, parameters (a frozen dataclass, by
    its repr), code, packages."""
    hasher = hashlib.sha256(repr(sorted(vars(config).items())).encode())
    hasher.update(f"{parameters!r}\0".encode())
    hasher.update(f"{code_version()}\0{environment()}\0".encode())
    for path, sha in sorted(files.items()):
        hasher.update(f"{path}\0{sha}\0".encode())
    return hasher.hexdigest()


@cache
def code_version() -> str:
    """sitegen's own source, every module and word list (any of them may change what a
    build writes, or what an extraction gives)."""
    hasher = hashlib.sha256()
    for file in sorted([*_PACKAGE.rglob("*.py"), *(_PACKAGE / "words").glob("*.txt")]):
        hasher.update(f"{file.relative_to(_PACKAGE).as_posix()}\0".encode())
        hasher.update(file.read_bytes())
    return hasher.hexdigest()


def extraction_version(params: ExtractParams) -> str:
    """What an article's cached extraction depends on besides its text and the model:
    sitegen's code and the extraction parameters it ran with."""
    return f"{code_version()}:{stage_params.digest(params)}"


def environment() -> str:
    """The interpreter and the state of the folders packages are installed in."""
    folders = sorted({sysconfig.get_paths()[key] for key in ("purelib", "platlib")})
    times = [
        str(Path(folder).stat().st_mtime_ns) if Path(folder).is_dir() else "-" for folder in folders
    ]
    return "\0".join([sys.version, *folders, *times])


@dataclass
class Stamp:
    """What the last completed extract phase saw, and what it reported."""

    digest: str
    counts: dict[str, int]  # sources, people, claims, multi_source_claims
    messages: list[dict[str, Any]] = field(default_factory=list)  # warnings, errors

    def replay(self) -> list[Message]:
        """The warnings the phase gave, as it gave them: skipping it must not hide them."""
        return [
            Message(
                m["level"],
                m["text"],
                Location(m["path"], m["line"], m["column"]) if m["path"] else None,
            )
            for m in self.messages
        ]


def stamp_messages(messages: list[Message]) -> list[dict[str, Any]]:
    return [
        {
            "level": m.level,
            "text": m.text,
            "path": str(m.location.path) if m.location else None,
            "line": m.location.line if m.location else None,
            "column": m.location.column if m.location else None,
        }
        for m in messages
        if m.level != "info"
    ]


def load(config: Config) -> Stamp | None:
    try:
        data = json.loads((config.cache / STAMP).read_text(encoding="utf-8"))
        return Stamp(data["digest"], data["counts"], data["messages"])
    except (OSError, ValueError, TypeError, KeyError):
        return None  # missing or unreadable: run the phase


def save(config: Config, stamp: Stamp) -> None:
    atomic_write(config.cache / STAMP, json.dumps(asdict(stamp), ensure_ascii=False), durable=False)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def forget(config: Config) -> None:
    """Drop the stamp: the next build merges, whatever it finds unchanged."""
    (config.cache / STAMP).unlink(missing_ok=True)
