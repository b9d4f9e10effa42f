"""`sitegen serve`: build, serve site/ locally, rebuild on every change, live reload.

One builder thread runs rebuilds one at a time, so the spaCy model loaded by the first
extraction is kept for the whole session. A failed build never stops the server: the
error goes to the terminal and to the browser, and the next good save recovers.
"""

from __future__ import annotations

import hashlib
import queue
import signal
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sitegen.build import extract_to_content, render
from sitegen.config import Config, load_config
from sitegen.errors import SitegenError, WriteError
from sitegen.filecache import FileCache
from sitegen.lock import project_lock
from sitegen.render.incremental import Incremental
from sitegen.reporter import Reporter
from sitegen.serve.http import LiveState, PreviewServer, base_path_of
from sitegen.serve.watcher import ChangeCollector, Changes, Watcher


@dataclass
class ServeOptions:
    host: str = "127.0.0.1"
    port: int = 8000
    poll: bool = False


class Builder:
    """Runs the rebuilds a change calls for, on its own thread, one at a time."""

    def __init__(self, root: Path, config: Config, reporter: Reporter, live: LiveState) -> None:
        self.root = root
        self.config = config
        self.reporter = reporter
        self.live = live
        self._queue: queue.Queue[Changes | None] = queue.Queue()
        self._own_writes: dict[Path, str] = {}  # files the build wrote, by content hash
        self._files = FileCache()  # parsed content/ files, reused until they change
        self._incremental = Incremental()  # what the last render showed on which page
        self._unrendered: set[str] | None = set()  # keys edited since the last good render
        self._unread: set[Path] | None = None  # content/ files saved since the last good
        # build: the others are as `_files` keeps them (None: read and hash every file)
        self._thread = threading.Thread(target=self._run, name="sitegen-builder", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def submit(self, changes: Changes) -> None:
        self._queue.put(changes)

    def stop(self) -> None:
        self._queue.put(None)
        self._thread.join(timeout=30)

    def is_own_write(self, path: Path) -> bool:
        """True for an event caused by the build writing content/ itself."""
        expected = self._own_writes.get(path)
        return expected is not None and expected == _digest(path)

    def _run(self) -> None:
        while (changes := self._queue.get()) is not None:
            while not self._queue.empty():  # fold everything that queued up meanwhile
                more = self._queue.get()
                if more is None:
                    return
                changes = _combined(changes, more)
            self.rebuild(changes)

    def rebuild(self, changes: Changes) -> bool:
        """Extract when articles or settings changed, then render; True on success."""
        if changes.config or changes.seeds:
            self._unread = None  # a full build: files changed behind the watcher's back too
        elif self._unread is not None:
            self._unread |= changes.content
        try:
            if changes.config:
                self.config = load_config(self.root)
            with project_lock(self.config.cache):  # a CLI build waits, and vice versa
                self._build(changes)
            self._unrendered, self._unread = set(), set()
        except SitegenError as exc:
            self.reporter.error(exc.message, exc.location)
            self.live.failed(_report(self.reporter, str(exc)))
            return False
        except OSError as exc:  # a full disk, a read-only folder
            error = WriteError.from_os_error(exc)
            self.reporter.error(error.message, error.location)
            self.live.failed(_report(self.reporter, str(error)))
            return False
        except Exception:  # a bug must not take the server down; show it instead
            message = traceback.format_exc()
            self.reporter.error(message)
            self.live.failed(message)
            return False
        finally:
            self.reporter.messages.clear()
            self._files.expect(None)
        self.live.succeeded()
        return True

    def _build(self, changes: Changes) -> None:
        """Extract what the changes call for, then render what they can have changed."""
        edited = set(changes.content)
        if changes.config or changes.seeds or not self.config.content.is_dir():
            self._unread = None
            stats = extract_to_content(self.config, self.reporter, self._files, skip_unchanged=True)
            self._own_writes = {path: _digest(path) for path in stats.written}
            edited.update(stats.written)
        keys, before = self._keys(edited), self._unrendered
        # an edit whose render failed is still to be shown by the next render
        self._unrendered = None if keys is None or before is None else before | keys
        self._incremental.changed = self._unrendered
        if changes.config or changes.templates or self._unrendered is None:
            self._incremental.depends = {}  # render everything, static files too
            self._incremental.templates = None
        self._files.expect(self._unread)  # the others are read again only if saved
        render(
            self.config,
            self.reporter,
            force=True,
            cache=self._files,
            incremental=self._incremental,
        )

    def _keys(self, paths: set[Path]) -> set[str] | None:
        """Changed content files as object keys ("claims/x"); None when a change
        reaches every page (a hand-written page shows in every page's navigation)."""
        keys = set()
        for path in paths:
            relative = path.relative_to(self.config.content).parts
            if relative in (("sources",), ("people",), ("claims",)):
                continue  # the folder's own change of modification time
            if len(relative) != 2 or relative[0] not in ("sources", "people", "claims"):
                return None
            if relative[1].endswith(".yaml"):
                keys.add(f"{relative[0]}/{relative[1].removesuffix('.yaml')}")
        return keys


def _combined(first: Changes, second: Changes) -> Changes:
    return Changes(
        seeds=first.seeds | second.seeds,
        content=first.content | second.content,
        templates=first.templates | second.templates,
        config=first.config or second.config,
    )


def _report(reporter: Reporter, error: str) -> str:
    """The error and the problems reported before it (each `file:line: problem`)."""
    lines = [str(m) for m in reporter.messages if m.level == "error"]
    return "\n".join(lines) if lines else error


def _digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def serve(
    root: Path,
    options: ServeOptions,
    reporter: Reporter,
    ready: Callable[[PreviewServer], None] | None = None,
    stop: threading.Event | None = None,
) -> None:
    """Build, then serve until Ctrl-C (or `stop` is set). `ready` is told the server."""
    stop = stop or threading.Event()
    _interrupt_on_signals()
    config = load_config(root)
    live = LiveState()
    builder = Builder(root, config, reporter, live)
    builder.rebuild(Changes(config=True))
    server = PreviewServer(
        options.host, options.port, config.site, base_path_of(config.base_url), live
    )
    collector = ChangeCollector(config, lambda changes: _submit(changes, builder))
    watcher = Watcher(config, collector, poll=options.poll)
    server_thread = threading.Thread(target=server.serve_forever, name="sitegen-http", daemon=True)
    builder.start()
    watcher.start()
    server_thread.start()
    host, port = server.server_address[:2]
    reporter.info(f"serving on http://{host}:{port}{server.base_path} (Ctrl-C to stop)")
    if ready is not None:
        ready(server)
    try:
        # a timed wait: a signal delivered to another thread only runs its handler
        # once the main thread wakes up
        while not stop.wait(0.25):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        reporter.info("stopping")
        watcher.stop()
        live.close()
        server.shutdown()
        server.server_close()
        builder.stop()


def _interrupt_on_signals() -> None:
    """Ctrl-C and SIGTERM end the session cleanly, even where the shell started us
    with SIGINT ignored (a background job). The handler only raises: taking a lock in
    a signal handler can deadlock with the interrupted main thread."""
    if threading.current_thread() is not threading.main_thread():
        return  # embedded (tests): the caller stops us through `stop`

    def interrupt(*_: object) -> None:
        raise KeyboardInterrupt

    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, interrupt)


def _submit(changes: Changes, builder: Builder) -> None:
    """Rebuild for the changes, minus the content/ files the build itself just wrote
    and the folders whose modification time those writes changed."""
    changes.content = {p for p in changes.content if not builder.is_own_write(p) and not p.is_dir()}
    if changes:
        builder.submit(changes)
