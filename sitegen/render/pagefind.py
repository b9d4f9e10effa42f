"""Search: Pagefind indexes the written pages into the site's `pagefind/` folder.

Pagefind splits its index into small fragments the browser fetches as a query needs
them, so a 10,000-article story's search stays fast where one whole-file index would
load tens of megabytes. It runs offline from the binary the `pagefind[bin]` package
ships; without it the site still builds, with a warning, and the search page says
search is unavailable.
"""

from __future__ import annotations

import shutil
import subprocess
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


def _command(site: Path) -> list[str] | None:
    binary = executable()
    if binary is None:
        return None
    return [str(binary), "--site", str(site), "--output-subdir", FOLDER, "--silent"]


def index_site(site: Path, reporter: Reporter) -> bool:
    """Index the pages under `site`; False (with a warning) when it cannot."""
    command = _command(site)
    if command is None:
        _missing(reporter)
        return False
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT)
    except (OSError, subprocess.TimeoutExpired) as exc:
        reporter.warning(f"search index not made: Pagefind failed ({exc})")
        return False
    if done.returncode != 0:
        reason = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no message"]
        reporter.warning(f"search index not made: Pagefind failed ({reason[0]})")
        return False
    return True


class Background:
    """The dev server's indexing: started after an edit's pages are written, finished
    before the next edit starts one, so a reload never waits for the index."""

    def __init__(self) -> None:
        self._running: subprocess.Popen[bytes] | None = None

    def start(self, site: Path, reporter: Reporter) -> None:
        self.wait()
        command = _command(site)
        if command is None:
            _missing(reporter)
            return
        try:
            self._running = subprocess.Popen(
                command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
        except OSError as exc:
            reporter.warning(f"search index not updated: Pagefind failed ({exc})")

    def wait(self) -> None:
        if self._running is not None:
            self._running.wait()
            self._running = None


def _missing(reporter: Reporter) -> None:
    reporter.warning(
        "Pagefind not found: the site is built without search (install sitegen with "
        "its dependencies, or `pip install 'pagefind[bin]'`)"
    )
