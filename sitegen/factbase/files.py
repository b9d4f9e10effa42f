"""Reading content/: every YAML file and page parsed, nothing trusted yet.

One bad file does not stop the others being read: its error is kept for `sitegen
check` (and the build) to report with its file:line, and its name is remembered so that
references to it are not reported as well.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path

from sitegen.errors import InputError, Location
from sitegen.factbase.schema import KINDS
from sitegen.frontmatter import split_front_matter
from sitegen.paths import Within, read_regular
from sitegen.yamlio import YamlDocument, parse_yaml, read_yaml


@dataclass
class ContentFiles:
    """Every parsed file of content/, before it is trusted."""

    root: Path
    documents: dict[str, list[YamlDocument]] = field(default_factory=dict)
    pages: list[tuple[Path, YamlDocument, str]] = field(default_factory=list)


@dataclass
class Reading:
    """The files that parsed, and what went wrong with the others."""

    files: ContentFiles
    failures: list[InputError] = field(default_factory=list)
    unreadable: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))


def read_files(
    content_dir: Path,
    read: Callable[[Path], YamlDocument] = read_yaml,
    unchanged: Callable[[Path], YamlDocument | None] | None = None,
) -> Reading:
    """Parse every YAML file and page of content/ (`read` may be a cache's). A file
    `unchanged` gives (the dev server's cache: read before, and not saved since) is
    taken as it is: it was no link out of content/ then; its folder is checked again."""
    reading = Reading(ContentFiles(content_dir))
    inside = Within(content_dir)
    for kind in KINDS:
        folder = content_dir / kind
        reading.files.documents[kind] = []
        for path, link in _listed(folder, "*.yaml"):
            try:
                doc = unchanged(path) if unchanged is not None else None
                if doc is None or not inside.holds(folder):
                    _confined(path, folder, link, content_dir, inside)
                    doc = read(path)
                reading.files.documents[kind].append(doc)
            except InputError as exc:
                reading.failures.append(exc)
                reading.unreadable[kind].add(path.stem)
    pages_dir = content_dir / "pages"
    for path, link in _listed(pages_dir, "*.md"):
        try:
            _confined(path, pages_dir, link, content_dir, inside)
            reading.files.pages.append(read_page(path))
        except InputError as exc:
            reading.failures.append(exc)
    return reading


def _listed(folder: Path, pattern: str) -> list[tuple[Path, bool]]:
    """The files of `folder` matching `pattern` (as `Path.glob` matches), by name,
    each with whether it is a link: the folder's listing tells, where asking each
    file (an lstat) was a tenth of reading content/ through the parse cache."""
    if not folder.is_dir():
        return []
    try:
        with os.scandir(folder) as entries:
            found = [(e.name, e.is_symlink()) for e in entries if fnmatchcase(e.name, pattern)]
    except PermissionError:  # as `Path.glob`: nothing listed
        return []
    return [(folder / name, link) for name, link in sorted(found)]


def _confined(path: Path, folder: Path, link: bool, content_dir: Path, inside: Within) -> None:
    """Refuse a file of `folder` that leads out of `content_dir` (`inside`): a link by
    where it resolves to, any other file by its folder."""
    if not (inside(path) if link else inside.holds(folder)):
        raise InputError(f"leads out of {content_dir.name}/; not read", Location(path))


def read_page(path: Path) -> tuple[Path, YamlDocument, str]:
    """A page's front matter (every location a line of the .md) and its body."""
    try:
        text = read_regular(path).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"cannot read page: {exc}", Location(path)) from None
    front = split_front_matter(text)
    doc = parse_yaml(front.yaml_text, path, front.yaml_line)
    return path, doc, text[front.body_start :]
