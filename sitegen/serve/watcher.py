"""Watching a project for the changes that should rebuild its site.

Editors save in many ways (write in place, write a temp file and rename it over the
original, delete and recreate); all of them end in an event on the real path, which is
what counts here. Events are collected until the project has been quiet for a moment,
so a burst of saves (a `git checkout`, a search-and-replace) is one rebuild.
"""

from __future__ import annotations

import fnmatch
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

from sitegen.config import CONFIG_FILE, Config

# Editor swap, backup and temp files: never a reason to rebuild.
IGNORED_NAMES = (
    "*~",
    "*.swp",
    "*.swx",
    "*.swo",
    ".#*",
    "#*#",
    "*.tmp",
    "*.bak",
    "4913",
    "*___jb_tmp___",
    "*___jb_old___",
    ".DS_Store",
    "*.kate-swp",
    ".*.new",
    "*.crdownload",
)
QUIET_SECONDS = 0.01  # an editor's save (temp file, rename) is one burst well within this


@dataclass
class Changes:
    """What changed since the last rebuild, by the part of the project it belongs to."""

    seeds: set[Path] = field(default_factory=set)
    content: set[Path] = field(default_factory=set)
    templates: set[Path] = field(default_factory=set)
    config: bool = False

    def __bool__(self) -> bool:
        return bool(self.seeds or self.content or self.templates or self.config)


def classify(config: Config, path: Path) -> str | None:
    """Which part of the project a changed path belongs to, or None to ignore it."""
    if any(fnmatch.fnmatch(path.name, pattern) for pattern in IGNORED_NAMES):
        return None
    if path == config.root / CONFIG_FILE:
        return "config"
    for part, folder in (
        ("seeds", config.seeds),
        ("templates", config.templates),
        ("content", config.content),
    ):
        if path.is_relative_to(folder):
            relative = path.relative_to(folder)
            if part == "content" and relative.parts[:1] == (".sitegen",):
                return None  # the build's own state
            return part
    return None


class _Handler(FileSystemEventHandler):
    def __init__(self, watcher: Watcher) -> None:
        self.watcher = watcher

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        for raw in (event.src_path, getattr(event, "dest_path", "")):
            if raw:
                path = Path(str(raw))
                if event.is_directory and path.parent == self.watcher.config.root:
                    self.watcher.watch_folders()  # seeds/ or templates/ created later
                self.watcher.collector.add(path)


class ChangeCollector:
    """Gathers relevant changes and hands them over after a quiet period."""

    def __init__(
        self, config: Config, on_changes: Callable[[Changes], None], quiet: float = QUIET_SECONDS
    ) -> None:
        self.config = config
        self.on_changes = on_changes
        self.quiet = quiet
        self._pending = Changes()
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None

    def add(self, path: Path) -> None:
        part = classify(self.config, path)
        if part is None:
            return
        with self._lock:
            if part == "config":
                self._pending.config = True
            else:
                getattr(self._pending, part).add(path)
            if self._timer is not None:
                self._timer.cancel()
            self._timer = threading.Timer(self.quiet, self._flush)
            self._timer.daemon = True
            self._timer.start()

    def _flush(self) -> None:
        with self._lock:
            changes, self._pending, self._timer = self._pending, Changes(), None
        if changes:
            self.on_changes(changes)

    def cancel(self) -> None:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()


class Watcher:
    """watchdog on seeds/, content/, templates/ (recursively) and the project root
    (not recursively: sitegen.yaml, and folders created after the start). Never on
    site/ or anything else below the root, which may hold a virtualenv."""

    def __init__(self, config: Config, collector: ChangeCollector, poll: bool = False) -> None:
        self.config = config
        self.collector = collector
        self.observer = PollingObserver(timeout=0.25) if poll else Observer()
        self.observer.daemon = True
        self._handler = _Handler(self)
        self._watched: set[Path] = set()
        self._lock = threading.Lock()

    def start(self) -> None:
        self.observer.schedule(self._handler, str(self.config.root), recursive=False)
        self.watch_folders()
        self.observer.start()

    def watch_folders(self) -> None:
        with self._lock:
            for folder in (self.config.seeds, self.config.content, self.config.templates):
                if folder.is_dir() and folder not in self._watched:
                    self.observer.schedule(self._handler, str(folder), recursive=True)
                    self._watched.add(folder)

    def stop(self) -> None:
        self.collector.cancel()
        self.observer.stop()
        self.observer.join(timeout=5)
