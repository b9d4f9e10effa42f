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
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

from sitegen.fsutil import atomic_write
from sitegen.reporter import Reporter

FOLDER = "pagefind"  # Pagefind's default output folder, inside the site
TIMEOUT = 600  # seconds, for one part of the index
# Pagefind holds every page it indexes in memory (about 50-75 KB a page here: 2.8 GB
# for 55,000 pages), so a large site is indexed in parts of this many pages, one at a
# time; the search page merges the parts (Pagefind's `mergeIndex`).
PAGES_PER_INDEX = 10_000
PARTS = "parts.json"  # in the bundle: the folders of the other parts, relative to it
BODY = b"data-pagefind-body"  # pages marked so are the only ones Pagefind indexes


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
    per_index: int = PAGES_PER_INDEX,
) -> bool:
    """Index the pages under `site` into `site/pagefind/` (or `output`); False, with a
    warning, when it cannot. `niceness` lowers Pagefind's CPU priority (the dev server
    indexes while the next edit may already be rendering). A site of more than
    `per_index` pages is indexed in parts, the first in the bundle, the others in
    `part-N/` folders inside it that `parts.json` lists."""
    binary = executable()
    if binary is None:
        _missing(reporter)
        return False
    bundle = output or site / FOLDER
    pages = _pages(site, bundle, per_index)
    parts = [pages[at : at + per_index] for at in range(0, len(pages), per_index)]
    if len(parts) < 2:
        done = _run(binary, site, bundle, niceness, reporter)
        parts = [[]]
    else:
        done = all(
            _index_part(binary, site, part, _part_folder(bundle, n), niceness, reporter)
            for n, part in enumerate(parts)
        )
    if done:
        listed = [f"part-{n}/" for n in range(1, len(parts))]
        atomic_write(bundle / PARTS, json.dumps(listed) + "\n", durable=False)
    return done


def _part_folder(bundle: Path, number: int) -> Path:
    return bundle / f"part-{number}" if number else bundle


def _pages(site: Path, bundle: Path, per_index: int) -> list[str]:
    """The pages Pagefind would index, as paths relative to `site`, in a fixed order;
    a site small enough for one part is not read (it is indexed whole)."""
    found: list[str] = []
    for folder, subfolders, files in os.walk(site):
        here = Path(folder)
        subfolders[:] = sorted(
            d for d in subfolders if not d.startswith(".") and here / d != bundle
        )
        found += (str((here / f).relative_to(site)) for f in sorted(files) if f.endswith(".html"))
    if len(found) <= per_index:
        return found
    marked = [page for page in found if BODY in (site / page).read_bytes()]
    # when some pages are marked, Pagefind indexes only those, so a part must not be
    # made of unmarked pages alone (it would index them whole)
    return marked or found


def _index_part(
    binary: Path, site: Path, pages: list[str], bundle: Path, niceness: int, reporter: Reporter
) -> bool:
    """Index `pages` alone: Pagefind reads a folder, so it gets one holding links to
    them (hard links: no copy of the pages), removed afterwards."""
    linked = Path(tempfile.mkdtemp(prefix=f".{FOLDER}-part.", dir=site.parent))
    try:
        for page in pages:
            target = linked / page
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(site / page, target)
            except OSError:  # another file system, or links refused: copy it
                shutil.copyfile(site / page, target)
        return _run(binary, linked, bundle, niceness, reporter)
    finally:
        shutil.rmtree(linked, ignore_errors=True)


def _run(binary: Path, site: Path, bundle: Path, niceness: int, reporter: Reporter) -> bool:
    command = [str(binary), "--site", str(site), "--output-path", str(bundle), "--silent"]
    try:
        with subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        ) as process:
            if niceness and hasattr(os, "setpriority"):
                # it ended already, or the system refuses: it indexes at full speed
                with contextlib.suppress(OSError):
                    os.setpriority(os.PRIO_PROCESS, process.pid, niceness)
            try:
                stdout, stderr = process.communicate(timeout=TIMEOUT)
            except subprocess.TimeoutExpired:
                process.kill()
                raise
    except (OSError, subprocess.TimeoutExpired) as exc:
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
