"""Files read again and again by a long-running process (the dev server), kept parsed
while their content (sha256) stays the same.

A one-shot build reads each file at most twice (the merge, then the render): before
the render it `drain`s the cache, so that a 10,000-article build does not hold every
parsed file through the render."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from sitegen.freshness import file_digest
from sitegen.fsutil import write_stream
from sitegen.textio import read_article
from sitegen.yamlio import YamlDocument, read_yaml

T = TypeVar("T")


Kept = dict[int, tuple[YamlDocument, T]]  # by id() of the parsed file, which is kept too


@dataclass
class KeptChecks:
    """What each file gave the last check (`check._Checker`), so that after an edit
    only the edited files are checked again. Keyed by the id of the parsed file, which
    this cache hands back as the same object while the file is unchanged. A file's
    shape (`shapes`: its fields and id) follows from the file alone; a claim's other
    problems (`problems`) also from the ids known and the article texts (`context`)."""

    context: tuple = ()
    problems: Kept[list[Any]] = field(default_factory=dict)
    shapes: Kept[list[Any]] = field(default_factory=dict)


class FileCache:
    def __init__(self) -> None:
        self.draining = False
        self._yaml: dict[Path, tuple[str | None, YamlDocument]] = {}
        self._articles: dict[Path, tuple[str | None, tuple[str, str]]] = {}
        self.claim_checks: KeptChecks | None = KeptChecks()
        self.objects: Kept[Any] | None = {}  # the model object made of each file
        self._changed: set[Path] | None = None  # None: any file may have changed

    def drain(self) -> FileCache:
        """From now on, hand each kept file back once and keep nothing new."""
        self.draining = True
        self.claim_checks = None  # it would hold every parsed file through the render
        self.objects = None
        return self

    def expect(self, changed: set[Path] | None) -> None:
        """Until told otherwise, only the files in `changed` can differ from what is
        kept: the others are handed back unread (the dev server knows from the watcher
        which files were saved). None: read and hash every file again."""
        self._changed = changed

    def unchanged(self, path: Path) -> YamlDocument | None:
        """The file as kept, if it was read before and not saved since (as far as
        `expect` was told); else None."""
        if self._changed is None or self.draining or path in self._changed:
            return None
        kept = self._yaml.get(path)
        return kept[1] if kept is not None else None

    def yaml(self, path: Path) -> YamlDocument:
        return self._read(self._yaml, path, read_yaml)  # a broken file raises: not kept

    def article(self, path: Path) -> tuple[str, str]:
        return self._read(self._articles, path, read_article)

    def _read(
        self, entries: dict[Path, tuple[str | None, T]], path: Path, read: Callable[[Path], T]
    ) -> T:
        cached = entries.pop(path, None) if self.draining else entries.get(path)
        if cached is not None and self._changed is not None and path not in self._changed:
            return cached[1]
        stamp = file_digest(path)  # by content, as every cache of sitegen (`freshness`)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        value = read(path)
        if not self.draining:
            entries[path] = (stamp, value)
        return value


class StoredCache(FileCache):
    """A cache whose parsed YAML outlives the process, in a file of `.sitegen-cache/`:
    `sitegen render` parses again only the content/ files changed (by size and
    content hash, as above) since the last render. One JSON line per file, read
    and written a line at a time (a 10,000-article content/ is hundreds of megabytes);
    JSON, not pickle: nothing read back can run code.

    Each file's data is kept as the JSON text of its line, decoded when the file is
    asked for and then let go (the file is copied from when saved): decoded, the
    whole of content/ is a tree of small objects several times that size, and the
    render would hold it beside the fact base made of it."""

    def __init__(self, file: Path) -> None:
        super().__init__()
        self.claim_checks = None  # one render: nothing to check again
        self.objects = None
        self.file = file
        self._stored: dict[str, tuple[str, str]] = {}  # path -> (digest, JSON of its data)
        self._lines = 0  # in the file
        # what this run read, to keep: the digest of a line of the file, or (digest,
        # JSON of its data) for a file parsed this time
        self._used: dict[str, str | tuple[str, str]] = {}
        try:
            with file.open(encoding="utf-8") as lines:
                for line in lines:
                    name, digest, data = _entry(line)
                    self._stored[name] = (digest, data)
                    self._lines += 1
        except (OSError, ValueError):
            self._stored.clear()  # missing or damaged: every file is parsed again

    def yaml(self, path: Path) -> YamlDocument:
        name = str(path)
        digest = file_digest(path)
        if digest is None:
            return read_yaml(path)  # gone since it was listed: reading it says so
        stored = self._stored.pop(name, None)
        if stored is not None and stored[0] == digest:
            try:
                doc = YamlDocument(path, json.loads(stored[1]))
            except ValueError:
                pass  # a damaged line: the file is parsed again
            else:
                self._used[name] = digest
                return doc
        doc = read_yaml(path)  # a broken file raises: not kept
        self._used[name] = (digest, json.dumps(doc.data, ensure_ascii=False))
        return doc

    def digests(self) -> list[tuple[str, str]]:
        """(path, sha256) of each file this run read (until `save`)."""
        return [
            (name, entry if isinstance(entry, str) else entry[0])
            for name, entry in self._used.items()
        ]

    def save(self) -> None:
        """Keep what this run read in the file, unless it holds exactly that already,
        and no longer in memory: the render asks for no file again."""
        used, self._used, self._stored = self._used, {}, {}
        parsed = {name: entry for name, entry in used.items() if isinstance(entry, tuple)}
        if not parsed and len(used) == self._lines:
            return
        write_stream(self.file, self._kept_lines(used, parsed), durable=False)

    def _kept_lines(
        self, used: dict[str, str | tuple[str, str]], parsed: dict[str, tuple[str, str]]
    ) -> Iterator[str]:
        """The lines of the file this run used, as they are, then the files parsed."""
        with suppress(OSError, ValueError), self.file.open(encoding="utf-8") as lines:
            for line in lines:
                name, digest, _ = _entry(line)
                if used.get(name) == digest:
                    del used[name]  # once, should the file name it twice
                    yield line if line.endswith("\n") else line + "\n"
        for name, (digest, data) in parsed.items():
            yield json.dumps([name, digest], ensure_ascii=False)[:-1] + ", " + data + "]\n"


_DECODER = json.JSONDecoder()


def _entry(line: str) -> tuple[str, str, str]:
    """A stored line, `[path, digest, data]`, as its path, its digest and the JSON
    text of its data (not decoded); ValueError when it is not one."""
    text = line.rstrip("\n")
    if not text.startswith("["):
        raise ValueError("not a stored file")
    name, at = _DECODER.raw_decode(text, 1)
    if text[at : at + 2] != ", ":
        raise ValueError("not a stored file")
    digest, at = _DECODER.raw_decode(text, at + 2)
    if not (isinstance(name, str) and isinstance(digest, str)):
        raise ValueError("not a stored file")
    if text[at : at + 2] != ", " or not text.endswith("]"):
        raise ValueError("not a stored file")
    return name, digest, text[at + 2 : -1]
