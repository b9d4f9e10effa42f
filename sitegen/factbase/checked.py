"""The content check's findings kept between renders, for content/ as it was checked.

`sitegen render` parses only the content/ files changed since the last render
(`filecache.StoredCache`), but checked every file again: 0.12-0.15 s, ~7% of a
2,000-claim story's render, when nothing changed. What the check finds follows from
content/, the articles its sources name, the project's folders and sitegen's code,
so while all of them are the same its problems are the same, and are replayed from
here (warnings included: skipping the check must not hide them).

Kept only when every source's article was read: whether a `file` can be read, or
leads out of the seeds folder, depends on more than those files' bytes. On reuse,
each article is confined and hashed again. `sitegen check` and the build always
check afresh. JSON, as every cache of sitegen: nothing read back runs code.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from sitegen.errors import InputError, Location
from sitegen.freshness import code_version, environment, file_digest
from sitegen.fsutil import atomic_write
from sitegen.paths import Articles, article_path

if TYPE_CHECKING:
    from sitegen.factbase.check import Problem

CHECKED = "checked.json"  # in the cache folder
VERSION = 1  # of this file's layout

Read = dict[str, tuple[str, str]]  # a source's `file` -> (the path read, its sha256)


class StoredCheck:
    """The stored findings of one project's check, for the files read this time."""

    def __init__(
        self, cache_dir: Path, root: Path, seeds: Path, files: Iterable[tuple[str, str]]
    ) -> None:
        """`files`: (path, sha256) of every content/ file read, pages included."""
        self.file = cache_dir / CHECKED
        self.root, self.seeds = root, seeds
        hasher = hashlib.sha256(f"{VERSION}\0{code_version()}\0{environment()}\0".encode())
        hasher.update(f"{root}\0{seeds}\0".encode())
        for path, digest in sorted(files):
            hasher.update(f"{path}\0{digest}\0".encode())
        self.key = hasher.hexdigest()

    def problems(self) -> list[Problem] | None:
        """The findings of the last check, if it checked these files and its articles
        are still where and what they were; else None."""
        from sitegen.factbase.check import Problem

        try:
            stored = json.loads(self.file.read_text(encoding="utf-8"))
            if stored["key"] != self.key or not self._same_articles(stored["articles"]):
                return None
            return [
                Problem(level, message, Location(Path(path), line, column), blocking)
                for level, message, path, line, column, blocking in stored["problems"]
            ]
        except (OSError, ValueError, KeyError, TypeError, InputError):
            return None  # none kept, or damaged: the check runs

    def _same_articles(self, articles: list[list[str]]) -> bool:
        inside = Articles(self.root, self.seeds)
        for file, path, digest in articles:
            found = article_path(self.root, self.seeds, file, within=inside)
            if str(found) != path or file_digest(found) != digest:
                return False
        return True

    def save(self, problems: list[Problem], read: Read) -> None:
        """Keep the findings of a check that read `read` (every source's article)."""
        stored = {
            "key": self.key,
            "articles": [[file, path, digest] for file, (path, digest) in sorted(read.items())],
            "problems": [
                [
                    p.level,
                    p.message,
                    str(p.location.path),
                    p.location.line,
                    p.location.column,
                    p.blocking,
                ]
                for p in problems
            ],
        }
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.file, json.dumps(stored, ensure_ascii=False), durable=False)
        except OSError:
            pass  # the next render checks again
