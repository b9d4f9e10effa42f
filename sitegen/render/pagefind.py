"""Search: Pagefind indexes the written pages into the site's `pagefind/` folder.

Pagefind splits its index into small fragments the browser fetches as a query needs
them, so a 10,000-article story's search stays fast where one whole-file index would
load tens of megabytes. It runs offline from the binary the `pagefind[bin]` package
ships; without it the site still builds, with a warning, and the search page says
search is unavailable.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

from sitegen.reporter import Reporter

FOLDER = "pagefind"  # Pagefind's default output folder, inside the site
TIMEOUT = 600  # seconds: a 10,000-article site takes well under a minute


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


def _command(site: Path, output: Path | None = None) -> list[str] | None:
    binary = executable()
    if binary is None:
        return None
    where = ["--output-path", str(output)] if output else ["--output-subdir", FOLDER]
    return [str(binary), "--site", str(site), *where, "--silent"]


def index_site(
    site: Path, reporter: Reporter, output: Path | None = None, niceness: int = 0
) -> bool:
    """Index the pages under `site` into `site/pagefind/` (or `output`); False, with a
    warning, when it cannot. `niceness` lowers Pagefind's CPU priority (the dev server
    indexes while the next edit may already be rendering)."""
    command = _command(site, output)
    if command is None:
        _missing(reporter)
        return False
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
