"""Where sitegen may read and write: every path from untrusted input is confined here.

`sitegen.yaml`, `content/` and `seeds/` may come from a pull request built in CI, so a
configured folder, a source's `file:`, a journal entry or a page path is resolved (links
followed) and must stay inside the folder it belongs to and name a regular file. Reading
opens without blocking and checks the opened file itself, so a FIFO, a device or a file
swapped in after the check is never read.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from sitegen.errors import InputError, Location

# An article or content/ file larger than this is refused unread: the biggest real news
# page is ~100 KB, and a file of this size already takes spaCy minutes (extract_limit
# bounds what is parsed; this bounds what is held in memory and shown).
MAX_FILE_BYTES = 64 * 1024 * 1024


def is_inside(path: Path, folder: Path) -> bool:
    """True when `path`, links resolved, is `folder` or lies under it."""
    return path.resolve().is_relative_to(folder.resolve())


class Within:
    """`is_inside` for many paths in one folder, as when every file of content/ is
    read: a file that is no link lies where its parent folder does, and each parent
    is resolved once per `Within` (a full resolve per file was a third of the dev
    server's time after an edit at 1,000 claims). Make a new one for each reading,
    so a folder swapped for a link since the last is seen."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder.resolve()
        self._parents: dict[Path, bool] = {}

    def __call__(self, path: Path) -> bool:
        if path.name in ("", "..") or path.is_symlink():  # "x/.." is not where x/ is
            return path.resolve().is_relative_to(self._folder)
        return self.holds(path.parent)

    def holds(self, folder: Path) -> bool:
        """Whether `folder`, links resolved, lies inside: a file in it that is no link
        does too."""
        inside = self._parents.get(folder)
        if inside is None:
            inside = self._parents[folder] = folder.resolve().is_relative_to(self._folder)
        return inside


def confined(
    folder: Path, relative: str, where: Location | None = None, inside: Within | None = None
) -> Path:
    """`folder / relative`, refused unless it stays inside `folder` once resolved.

    Refuses absolute paths, backslashes, `..` that climbs out, and links leading out.
    `inside` (a `Within(folder)`) saves resolving the folder again for each path.
    """
    if not relative or "\\" in relative or "\0" in relative or Path(relative).is_absolute():
        raise InputError(f"'{relative}' is not a relative path with '/' separators", where)
    path = folder / relative
    if not (inside(path) if inside else is_inside(path, folder)):
        raise InputError(f"'{relative}' leads out of {folder.name}/", where)
    return path


def article_path(
    root: Path,
    seeds: Path,
    file: str,
    where: Location | None = None,
    within: Articles | None = None,
) -> Path:
    """A source's `file` (relative to the project root), which must lie in the seeds
    folder. `within` saves resolving the folders again for each source of a reading."""
    path = confined(root, file, where, within.root if within else None)
    if not (within.seeds(path) if within else is_inside(path, seeds)):
        raise InputError(f"'{file}' is not in the seeds folder ({seeds.name}/)", where)
    return path


class Articles:
    """Both confinements of `article_path`, each folder resolved once for all the
    sources of one reading; make a new one for each reading."""

    def __init__(self, root: Path, seeds: Path) -> None:
        self.root = Within(root)
        self.seeds = Within(seeds)


def open_regular(path: Path, what: str = "file") -> BinaryIO:
    """`path` opened for reading, refused unless it is a regular file.

    Opened with O_NONBLOCK (a FIFO never hangs the open) and checked by `fstat` on the
    open file, so what is checked is what is read.
    """
    return os.fdopen(regular_fd(path, what)[0], "rb")


def regular_fd(path: Path, what: str = "file") -> tuple[int, int]:
    """`open_regular`'s descriptor and the file's size, for a caller that reads it
    with `os.read` (the file object costs ~5 us, paid for every file of content/
    hashed by each render)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        raise InputError(f"cannot read {what}: {exc.strerror}", Location(path)) from None
    found = os.fstat(fd)
    if not stat.S_ISREG(found.st_mode):
        os.close(fd)
        raise InputError(
            f"cannot read {what}: not a regular file (a device, FIFO or socket)", Location(path)
        )
    return fd, found.st_size


def read_regular(path: Path, limit: int = MAX_FILE_BYTES, what: str = "file") -> bytes:
    """The bytes of `path`, a regular file of at most `limit` bytes."""
    with open_regular(path, what) as handle:
        try:
            size = os.fstat(handle.fileno()).st_size
            if size > limit:
                raise InputError(
                    f"cannot read {what}: it is {size:,} bytes, over the {limit:,} sitegen reads",
                    Location(path),
                )
            data = handle.read(limit + 1)  # a file that grows meanwhile stops at the limit
        except OSError as exc:
            raise InputError(f"cannot read {what}: {exc.strerror}", Location(path)) from None
    if len(data) > limit:
        raise InputError(f"cannot read {what}: it grew past {limit:,} bytes", Location(path))
    return data


@dataclass(frozen=True)
class Folder:
    """A configured folder: its setting's name, where it is, and where it was set."""

    name: str
    path: Path
    where: Location | None


def check_layout(root: Path, folders: list[Folder], site_outside_ok: bool) -> None:
    """Refuse a layout in which writing one folder could touch another or the project.

    Every folder lies inside the project (the site may lie outside when it was given on
    the command line), none is the project itself or above it, and none lies inside
    another: a site inside content/ would be a fact base deleted by the next render.
    """
    from sitegen.errors import ConfigError

    project = root.resolve()
    # the folders a person set come first, so an error points at the setting to change
    folders = sorted(folders, key=lambda folder: folder.where is None)
    resolved = {folder.name: folder.path.resolve() for folder in folders}
    for folder in folders:
        if project.is_relative_to(resolved[folder.name]):
            raise ConfigError(
                f"the '{folder.name}' folder ({_shown(folder.path)}) is the project folder "
                "or above it; it must be a folder of its own inside the project",
                folder.where,
            )
    for folder in folders:
        # the site may be a link inside the project to where it is published; every
        # other folder is read or written by path and must resolve inside the project
        lexical = Path(os.path.normpath(folder.path))
        where_it_is = lexical if folder.name == "site" else resolved[folder.name]
        if not where_it_is.is_relative_to(project) and not (
            folder.name == "site" and site_outside_ok
        ):
            hint = " (pass --site DIR to publish outside the project)"
            raise ConfigError(
                f"the '{folder.name}' folder ({_shown(folder.path)}) lies outside the project"
                + (hint if folder.name == "site" else ""),
                folder.where,
            )
    for folder in folders:
        for other in folders:
            mine, theirs = resolved[folder.name], resolved[other.name]
            if other is not folder and (mine.is_relative_to(theirs) or theirs.is_relative_to(mine)):
                raise ConfigError(
                    f"the '{folder.name}' folder ({_shown(folder.path)}) overlaps the "
                    f"'{other.name}' folder ({_shown(other.path)}); each must be a separate "
                    "folder, none inside another",
                    folder.where,
                )


def _shown(path: Path) -> str:
    return os.path.normpath(path)


ARTICLE_SUFFIXES = (".txt", ".md")


def find_articles(seeds: Path) -> list[Path]:
    """Article files under `seeds`, sorted, skipping hidden files and editor debris."""
    if not seeds.is_dir():
        return []
    found = sorted(
        (
            p
            for p in seeds.rglob("*")
            if p.is_file()
            and p.suffix.lower() in ARTICLE_SUFFIXES
            and not any(part.startswith(".") for part in p.relative_to(seeds).parts)
            and not p.name.endswith("~")
        ),
        key=lambda p: (p.as_posix().casefold(), p.as_posix()),
    )
    inside = Within(seeds)
    for path in found:
        if not inside(path):
            raise InputError(
                f"a link leading out of {seeds.name}/: articles are read only from there",
                Location(path),
            )
    return found
