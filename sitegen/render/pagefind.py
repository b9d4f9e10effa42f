"""Search: Pagefind indexes the written pages into the site's `pagefind/` folder.

Pagefind splits its index into small fragments the browser fetches as a query needs
them, so a 10,000-article story's search stays fast where one whole-file index would
load tens of megabytes. It runs offline from the binary the `pagefind[bin]` package
ships; without it the site still builds, with a warning, and the search page says
search is unavailable.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from functools import cache
from pathlib import Path
from typing import cast

from sitegen.fsutil import atomic_write, discard, remove_later, remove_tree
from sitegen.reporter import Reporter

FOLDER = "pagefind"  # Pagefind's default output folder, inside the site
TIMEOUT = 600  # seconds, for one part of the index
# Pagefind holds every page it indexes in memory until it writes the index, and what
# it holds follows the text it indexes, not the pages: measured on a 222,000-page site
# (Pagefind 1.5, peak RSS of 1,000 and 4,000 pages of one kind), 66-82 bytes of memory
# per byte of indexed text for claim, person and source pages alike, where per page
# they cost 44, 109 and 246 KB (a part of 10,000 source pages took 2.4 GB). So a large
# site is indexed in parts of at most this much text, one at a time, and the search
# page merges them (Pagefind's `mergeIndex`). 10 MB of text is ~0.9 GB of Pagefind
# (parts of 582-889 MB at 160,000 claims), below the render's own peak while drawing.
TEXT_PER_INDEX = 10_000_000  # bytes of indexed text (tags and ignored parts left out)
# Measuring the text costs ~80 us a page (0.7 s for the 5,561 pages of 4,000 claims),
# so a site is measured only when its HTML could hold more than a part's text: the
# theme's pages hold 4.4 (person), 8 (source) and 14 (claim) bytes of HTML per byte of
# text indexed, 7.5 over a whole site; a site of at most this many times the budget in
# HTML (80 MB, ~10,000 pages: what was indexed whole before) is one part, unread.
HTML_PER_TEXT = 8
# Reading a large site's pages back to size them is I/O that grows faster than the
# pages (160,000 claims: 4.2 GB read, 72 s wall for 30 s of CPU, the disk still writing
# them back), so a render of more pages than this sizes each page's text while it is in
# memory, in the process that drew it (`page_size`), and hands the sizes to `index_site`.
# The theme's pages average ~10 KB of HTML, so below this a site is most often one part
# and the sizes (~80 us a page) would go unused.
SIZED_WHILE_DRAWN = 8_000  # pages
PARTS = "parts.json"  # in the bundle: the folders of the other parts, relative to it
BODY = b"data-pagefind-body"  # pages marked so are the only ones Pagefind indexes
IGNORE = b"data-pagefind-ignore"  # an element Pagefind leaves out of a marked page
_TAG = re.compile(rb"<[^>]*>")
_NAME = re.compile(rb"<([A-Za-z][A-Za-z0-9-]*)")
_VOID = frozenset(b"area base br col embed hr img input link meta param source track wbr".split())


def executable() -> Path | None:
    """The Pagefind binary: the one `pagefind_bin` ships, else one on PATH."""
    try:
        from pagefind_bin import get_executable  # the PyPI package's bundled binary
    except ImportError:
        found = shutil.which("pagefind")
        return Path(found) if found else None
    try:
        return get_executable()
    except FileNotFoundError:
        return None


def index_site(
    site: Path,
    reporter: Reporter,
    output: Path | None = None,
    niceness: int = 0,
    text_per_index: int = TEXT_PER_INDEX,
    html_size: int | None = None,
    sizes: Mapping[str, int] | None = None,
    trash: Path | None = None,
    meanwhile: Callable[[], None] | None = None,
) -> bool:
    """Index the pages under `site` into `site/pagefind/` (or `output`); False, with a
    warning, when it cannot. `niceness` lowers Pagefind's CPU priority (the dev server
    indexes while the next edit may already be rendering). A large site (see
    `HTML_PER_TEXT`) is indexed in parts of at most `text_per_index` bytes of text,
    the first in the bundle, the others in `part-N/` folders inside it that
    `parts.json` lists. `html_size`, when the caller knows it (the render wrote the
    pages), is at least the bytes of the site's HTML files: a site it shows to be
    small is indexed whole without walking it (~0.08 s at 2,500 pages). `sizes` holds
    what `page_size` said of pages (paths relative to `site`) while they were in
    memory: those are not read again. Given `trash` (a folder on the same file
    system), a large site's folders of links are moved there and removed by a process
    of its own after the command (`fsutil.remove_later`), not waited for.
    `meanwhile` (writing files that are not pages, none of them in `bundle`) runs in
    this process while a site indexed whole is indexed (Pagefind's run is mostly one
    core's work), else before the index; an error in it stops Pagefind and is raised."""
    binary = executable()
    if binary is None:
        _missing(reporter)
        if meanwhile is not None:
            meanwhile()
        return False
    bundle = output or site / FOLDER
    if html_size is not None and html_size <= text_per_index * HTML_PER_TEXT:
        parts: list[list[str]] = [[]]  # what `_parts` finds for a site of this size
    else:
        if meanwhile is not None:  # the parts are found by walking the site
            meanwhile()
            meanwhile = None
        parts = _parts(site, bundle, text_per_index, sizes or {})
    if len(parts) < 2:
        done = _run(binary, site, bundle, niceness, reporter, meanwhile)
        parts = [[]]
    else:
        done = _index_parts(binary, site, parts, bundle, niceness, reporter, trash)
    if done:
        listed = [f"part-{n}/" for n in range(1, len(parts))]
        atomic_write(bundle / PARTS, json.dumps(listed) + "\n", durable=False)
    return done


def _part_folder(bundle: Path, number: int) -> Path:
    return bundle / f"part-{number}" if number else bundle


def _parts(
    site: Path, bundle: Path, text_per_index: int, sizes: Mapping[str, int]
) -> list[list[str]]:
    """The pages Pagefind would index (paths relative to `site`) shared out in path
    order, each part holding at most `text_per_index` bytes of text (a page of more
    is a part by itself). A site of at most `HTML_PER_TEXT` times that in HTML files
    is one part and is not read; pages in `sizes` are not read either."""
    found = list(_html_files(site, bundle))
    if _fits(site, found, text_per_index * HTML_PER_TEXT):
        return [found]
    # not their text: 0.5 GB at 55,000 pages
    sized = [
        (page, known >> 1, bool(known & 1))
        if (known := sizes.get(page)) is not None
        # a page the render did not size (a theme's static page, a small render)
        else _sized(site, page)
        for page in found
    ]
    marked = [(page, size) for page, size, body in sized if body]
    # when some pages are marked, Pagefind indexes only those, so a part must not be
    # made of unmarked pages alone (it would index them whole)
    parts: list[list[str]] = [[]]
    held = 0
    for page, size in marked or [(page, size) for page, size, _ in sized]:
        if parts[-1] and held + size > text_per_index:
            parts.append([])
            held = 0
        parts[-1].append(page)
        held += size
    return parts


def _sized(site: Path, page: str) -> tuple[str, int, bool]:
    """A page, the size of its text and whether it is marked."""
    html = (site / page).read_bytes()
    return page, text_size(html), BODY in html


def page_size(html: bytes) -> int:
    """What `index_site` needs to know of a page, in one int (a site's worth of them is
    held until the index): the size of its text, times two, plus one if it is marked."""
    return text_size(html) << 1 | (BODY in html)


def _fits(site: Path, pages: list[str], limit: int) -> bool:
    """Whether the pages' files hold at most `limit` bytes (counted only until they
    pass it)."""
    held = 0
    for page in pages:
        held += (site / page).stat().st_size
        if held > limit:
            return False
    return True


def _html_files(site: Path, bundle: Path) -> Iterator[str]:
    """Every page under `site` but the index's own folder, in path order. (Strings, not
    paths: a site of 222,000 page folders is walked in 3.4 s of CPU instead of 6.)"""
    root, skip = str(site), str(bundle)
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(
            d for d in subfolders if not d.startswith(".") and os.path.join(folder, d) != skip
        )
        inside = folder[len(root.rstrip(os.sep)) + 1 :]  # "" at the top
        yield from (os.path.join(inside, f) for f in sorted(files) if f.endswith(".html"))


def text_size(html: bytes) -> int:
    """About how many bytes of text Pagefind indexes from this page: the text of its
    `data-pagefind-body` elements (of the whole page when none is) without their
    `data-pagefind-ignore` elements, tags left out, each word followed by one space."""
    size = 0
    at = html.find(BODY)
    if at < 0:
        return _visible(html, 0, len(html))
    while at >= 0:
        start, end = _element(html, at)
        size += _visible(html, start, end)
        at = html.find(BODY, max(end, at + 1))
    return size


def _visible(html: bytes, start: int, end: int) -> int:
    """The text between `start` and `end` outside ignored elements."""
    size = 0
    at = start
    while (ignored := html.find(IGNORE, at, end)) >= 0:
        begin, after = _element(html, ignored)
        size += _text(html[at:begin])
        at = max(after, ignored + 1)
    return size + _text(html[at:end])


# what `bytes.split()` splits on, made a space; every other byte made an "x"
_SPACES = b" \t\n\r\x0b\x0c"
_LETTERS = bytes(b" "[0] if byte in _SPACES else b"x"[0] for byte in range(256))


def _text(chunk: bytes) -> int:
    """Each word and one space, counted without making the words (`split()` makes ~1,000
    objects a page: sizing the 55,001 pages of 40,000 claims took 61 us a page with
    it, 52 without)."""
    marks = _TAG.sub(b" ", chunk).translate(_LETTERS)
    return marks.count(b"x") + marks.count(b" x") + marks.startswith(b"x")


def _element(html: bytes, attribute: int) -> tuple[int, int]:
    """Where the element whose opening tag holds the text at `attribute` begins and
    ends (just that text when it is not inside a tag)."""
    start = html.rfind(b"<", 0, attribute)
    name = _NAME.match(html, start) if start >= 0 else None
    if name is None or b">" in html[start:attribute]:
        return attribute, attribute + 1
    tag = name.group(1).lower()
    if tag in _VOID:
        return start, html.find(b">", attribute) + 1 or len(html)
    depth = 0
    for found in _tags(tag).finditer(html, start):
        depth += -1 if found.group(1) else 1
        if depth == 0:
            return start, html.find(b">", found.end() - 1) + 1 or len(html)
    return start, len(html)


@cache
def _tags(name: bytes) -> re.Pattern[bytes]:
    """Opening and closing tags of one element name."""
    return re.compile(rb"<(/?)" + re.escape(name) + rb"[\s/>]", re.IGNORECASE)


def _index_parts(
    binary: Path,
    site: Path,
    parts: list[list[str]],
    bundle: Path,
    niceness: int,
    reporter: Reporter,
    trash: Path | None = None,
) -> bool:
    """Index each part alone, in order, until one fails: Pagefind reads a folder, so it
    gets one holding links to the part's pages. The next part's folder is made while
    a part is indexed, from the page folders of parts indexed already (emptied of
    their links, not removed): on a file system that skips recently freed inodes one by one
    when it makes a file (ext4 without a journal, as on this machine), folders made
    right after others were removed cost several times more, and removing one part's
    folders while making the next made every part slower than the one before (22
    parts at 160,000 claims). All are gone on return, or in `trash` and being removed
    by a process of its own (the links and folders of 40,000 claims' parts took 4.5 s
    to remove, waited for)."""
    made: list[Path] = []  # the parts' folders, emptied ones kept for their page folders
    spare: list[str] = []  # empty page folders of emptied parts, to be moved and reused
    with ThreadPoolExecutor(1, thread_name_prefix="sitegen-link") as linker:
        ahead: Future[Path] | None = linker.submit(_linked, site, parts[0], spare)
        try:
            for number in range(len(parts)):
                folder = cast(Future[Path], ahead).result()
                made.append(folder)
                following = number + 1 < len(parts)
                ahead = (
                    linker.submit(_linked, site, parts[number + 1], spare) if following else None
                )
                if not _run(binary, folder, _part_folder(bundle, number), niceness, reporter):
                    return False
                if following:  # its folders go to the part after the next one
                    linker.submit(_emptied, folder, spare)
            return True
        finally:
            linker.shutdown()  # no folder is being made or emptied from here on
            if ahead is not None:  # made for a part that was not indexed
                with contextlib.suppress(OSError):
                    made.append(ahead.result())
            left = [folder for folder in made if trash is None or not discard(folder, trash)]
            if trash is not None and len(left) < len(made):
                remove_later(trash)
            removing = [thread for folder in left for thread in remove_tree(folder)]
            for thread in removing:
                thread.join()


def _linked(site: Path, pages: list[str], spare: list[str]) -> Path:
    """A new folder beside `site` holding hard links to `pages` (no copy of them), its
    subfolders taken from `spare` while there are any."""
    linked = Path(tempfile.mkdtemp(prefix=f".{FOLDER}-part.", dir=site.parent))
    root = str(linked)
    there = {""}  # subfolders made so far, relative to `root`

    def folder(relative: str) -> None:
        if relative in there:
            return
        folder(os.path.dirname(relative))
        where = os.path.join(root, relative)
        try:
            os.rename(spare.pop(), where)  # only ever onto a name not yet taken
        except (IndexError, OSError):
            os.mkdir(where)
        there.add(relative)

    try:
        for page in pages:
            folder(os.path.dirname(page))
            target = os.path.join(root, page)
            try:
                os.link(site / page, target)
            except OSError:  # another file system, or links refused: copy it
                shutil.copyfile(site / page, target)
    except BaseException:
        shutil.rmtree(linked, ignore_errors=True)
        raise
    return linked


def _emptied(folder: Path, spare: list[str]) -> None:
    """Unlink the links in `folder` (the pages stay in the site: no inode is freed)
    and add its innermost folders, now empty, to `spare`."""
    top = str(folder)
    for where, subfolders, files in os.walk(top):
        for name in files:
            os.unlink(os.path.join(where, name))
        if not subfolders and where != top:
            spare.append(where)


def _run(
    binary: Path,
    site: Path,
    bundle: Path,
    niceness: int,
    reporter: Reporter,
    meanwhile: Callable[[], None] | None = None,
) -> bool:
    """One Pagefind run; `meanwhile` runs here while it indexes (see `index_site`)."""
    command = [str(binary), "--site", str(site), "--output-path", str(bundle), "--silent"]
    failed: BaseException | None = None  # in `meanwhile`: the render fails, not the index
    pending = meanwhile  # until it is called
    try:
        with subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        ) as process:
            if niceness and hasattr(os, "setpriority"):
                # it ended already, or the system refuses: it indexes at full speed
                with contextlib.suppress(OSError):
                    os.setpriority(os.PRIO_PROCESS, process.pid, niceness)
            try:
                if meanwhile is not None:
                    pending = None
                    try:
                        meanwhile()
                    except BaseException as exc:
                        failed = exc
                        raise
                stdout, stderr = process.communicate(timeout=TIMEOUT)
            except BaseException:  # a timeout, or the render fails: no index is wanted
                process.kill()
                raise
    except (OSError, subprocess.TimeoutExpired) as exc:
        if failed is not None:
            raise
        if pending is not None:  # Pagefind did not start: the files are still to write
            pending()
        reporter.warning(f"search index not made: Pagefind failed ({exc})")
        return False
    if process.returncode != 0:
        reason = (stderr or stdout).strip().splitlines()[-1:] or ["no message"]
        reporter.warning(f"search index not made: Pagefind failed ({reason[0]})")
        return False
    return True


# the dev server's indexing yields the cores to the render of the next edit
BACKGROUND_NICENESS = 10


class Background:
    """The dev server's indexing: after an edit's pages are written, a fresh index is
    made beside the site and swapped in for `pagefind/`, in a thread, so a reload
    never waits for it. Edits that land while an index is being made do not wait
    either: they ask for one more run, made when the current one ends (a burst of
    saves costs at most two runs, and the last one sees every page)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running: threading.Thread | None = None
        self._again = False

    def start(self, site: Path, reporter: Reporter) -> None:
        with self._lock:
            if self._running is not None:
                self._again = True
                return
            self._running = threading.Thread(
                target=self._loop, args=(site, reporter), name="pagefind", daemon=True
            )
            self._running.start()

    def wait(self) -> None:
        """Until the index shows every page written so far."""
        with self._lock:
            running = self._running
        if running is not None:
            running.join()

    def _loop(self, site: Path, reporter: Reporter) -> None:
        while True:
            try:
                self._index(site, reporter)
            except OSError as exc:  # the site folder went away: the next edit retries
                reporter.warning(f"search index not made: {exc}")
            with self._lock:
                if not self._again:
                    self._running = None
                    return
                self._again = False

    @staticmethod
    def _index(site: Path, reporter: Reporter) -> None:
        """Index into a new folder beside `pagefind/`, then swap it in with two renames:
        the old index is complete until the new one is."""
        staging = Path(tempfile.mkdtemp(prefix=f".{FOLDER}.", suffix=".new", dir=site))
        old = site / f".{FOLDER}.old"
        try:
            staging.chmod(0o755)  # a temp folder is private; the server must read it
            if index_site(site, reporter, staging, BACKGROUND_NICENESS):
                shutil.rmtree(old, ignore_errors=True)
                if (site / FOLDER).exists():
                    os.replace(site / FOLDER, old)
                os.replace(staging, site / FOLDER)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
            shutil.rmtree(old, ignore_errors=True)


def _missing(reporter: Reporter) -> None:
    reporter.warning(
        "Pagefind not found: the site is built without search (install sitegen with "
        "its dependencies, or `pip install 'pagefind[bin]'`)"
    )
