"""Atomic file writes: a reader (or a killed build) sees the old file or the new one."""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import tempfile
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from functools import partial
from pathlib import Path
from queue import SimpleQueue
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # both imported where used: a build with nothing to do needs neither
    import subprocess
    from concurrent.futures import Future

_UMASK = os.umask(0o022)  # read once: os.umask can only be read by setting it
os.umask(_UMASK)


def atomic_write(path: Path, data: str | bytes, durable: bool = True) -> None:
    """Write `data` to a temp file beside `path`, then rename it over `path`.
    `durable=False` skips the fsync, for output that is rebuilt anyway (site pages)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    _write_new(path, [raw], durable, replace=lambda _: True)


def write_stream(path: Path, chunks: Iterable[str], durable: bool = True) -> str:
    """Atomically write the text of `chunks` unless the file already holds it, without
    ever holding the whole text (a 10,000-article snapshot is hundreds of megabytes);
    returns its sha256."""
    digest = hashlib.sha256()

    def encoded() -> Iterator[bytes]:
        for text in joined_blocks(chunks):
            raw = text.encode("utf-8")
            digest.update(raw)
            yield raw

    _write_new(path, encoded(), durable, replace=lambda _: _sha256_of(path) != digest.hexdigest())
    return digest.hexdigest()


BLOCK_CHARS = 1 << 16


def joined_blocks(chunks: Iterable[str]) -> Iterator[str]:
    """`chunks` joined into blocks of about BLOCK_CHARS: a JSON encoder yields pieces of
    a few characters (60,000 for a 57-article snapshot), Jinja a page's thousands of
    small strings; each would be encoded, hashed and written on its own otherwise."""
    pending: list[str] = []
    size = 0
    for chunk in chunks:
        pending.append(chunk)
        size += len(chunk)
        if size >= BLOCK_CHARS:
            yield "".join(pending)
            pending, size = [], 0
    if pending:
        yield "".join(pending)


def _write_new(
    path: Path, blocks: Iterable[bytes], durable: bool, replace: Callable[[Path], bool]
) -> None:
    """Write `blocks` to a temp file beside `path`; rename it over `path` if `replace`."""
    tmp = _temp_file(path, blocks, durable)
    try:
        if replace(tmp):
            os.replace(tmp, path)
        else:
            os.unlink(tmp)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _temp_file(path: Path, blocks: Iterable[bytes], durable: bool) -> Path:
    """A temp file beside `path` holding `blocks` (on disk when `durable`)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    return _temp_beside(path, blocks, durable)


def _temp_beside(path: Path, blocks: Iterable[bytes], durable: bool) -> Path:
    """`_temp_file` in a folder known to exist."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), _mode(path, 0o666))  # mkstemp makes files 0600
            for block in blocks:
                handle.write(block)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


# Durable temp files written at once by `write_many`: one fsync at a time costs the file
# system a commit each (~6 s for the 1,000 files of a 57-article story here); fsyncs in
# flight together are committed together (~0.2 s).
WRITE_THREADS = 16
WRITE_WINDOW = 4 * WRITE_THREADS  # writes in flight at once


def write_many(texts: dict[Path, str], replace: Callable[[Path], bool]) -> list[Path]:
    """Write each text over its path as `atomic_write` does (a temp file, fsynced, then
    renamed), the temp files written and fsynced several at once; each is renamed in
    the order of `texts` only if `replace(path)` says so at that moment (asked after
    every temp file is on disk). Returns the paths `replace` refused."""
    temps = _temps_beside(texts)
    refused = []
    try:
        for path in texts:
            if replace(path):
                os.replace(temps.pop(path), path)
            else:
                refused.append(path)
    finally:
        for tmp in temps.values():  # those not renamed
            tmp.unlink(missing_ok=True)
    return refused


def _temps_beside(texts: dict[Path, str]) -> dict[Path, Path]:
    """A durable temp file beside each path, holding its text; none is left if one
    fails. A window of writes is in flight, not one future (and one encoded copy) per
    file: a 10,000-article content/ is 220,000 files."""
    from concurrent.futures import ThreadPoolExecutor

    pool = ThreadPoolExecutor(WRITE_THREADS, thread_name_prefix="sitegen-write")
    pending: deque[tuple[Path, Future[Path]]] = deque()
    temps: dict[Path, Path] = {}
    failures: list[BaseException] = []

    def settle(path: Path, future: Future[Path]) -> None:
        if (error := future.exception()) is None:
            temps[path] = future.result()
        else:
            failures.append(error)

    try:
        for folder in dict.fromkeys(path.parent for path in texts):  # once each, in order
            folder.mkdir(parents=True, exist_ok=True)
        for path, text in texts.items():
            pending.append((path, pool.submit(_encoded_temp, path, text)))
            if len(pending) > WRITE_WINDOW:
                settle(*pending.popleft())
        while pending:
            settle(*pending.popleft())
        pool.shutdown()
        if failures:
            raise failures[0]
    except BaseException:  # Ctrl-C: the writes not begun are dropped, not waited for
        pool.shutdown(cancel_futures=True)
        done = [f.result() for _, f in pending if not f.cancelled() and f.exception() is None]
        for tmp in [*temps.values(), *done]:
            tmp.unlink(missing_ok=True)
        raise
    return temps


def _encoded_temp(path: Path, text: str) -> Path:
    """A durable temp file holding `text`, encoded here: in the writing thread, one
    file's bytes at a time."""
    return _temp_beside(path, [text.encode("utf-8")], True)


def _sha256_of(path: Path) -> str | None:
    try:
        with path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


def _mode(path: Path, default: int) -> int:
    """The permissions `path` has now, else what a plain open() would give it."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        return default & ~_UMASK


def write_if_changed(path: Path, data: str, durable: bool = True) -> bool:
    """Atomically write `data` unless the file already holds it; True when written."""
    try:
        if path.read_text(encoding="utf-8") == data:
            return False
    except (FileNotFoundError, UnicodeDecodeError):
        pass
    atomic_write(path, data, durable)
    return True


# Left in every folder sitegen makes to write into (site/, its staging folders): only a
# folder holding it is ever replaced or deleted, so a mistyped setting cannot delete work.
OUTPUT_MARKER = ".sitegen-output"
_MARKER_TEXT = "Made by sitegen: this folder is replaced by every build.\n"

_deleting: list[threading.Thread] = []  # old sites being removed after a swap


class NotOurs(Exception):
    """A folder sitegen would replace holds files it did not make."""


def is_ours(folder: Path) -> bool:
    """True for a folder sitegen made (it holds the marker)."""
    return (folder / OUTPUT_MARKER).is_file()


def output_folder(target: Path) -> Path:
    """The folder a render replaces: `target`, or where `target` links to (a link to where
    the site is published is written through, and stays a link). Refuses a folder that
    holds anything without sitegen's marker."""
    real = target.resolve()
    if real.exists() and not real.is_dir():
        raise NotOurs(f"{target} is a file, not a folder")
    if real.is_dir() and not is_ours(real) and any(real.iterdir()):
        raise NotOurs(
            f"{target} holds files sitegen did not make (no {OUTPUT_MARKER} in it); "
            "sitegen replaces only folders it made: move them away, or choose another site path"
        )
    return real


def replace_tree(staging: Path, target: Path, trash: Path | None = None) -> None:
    """Swap a fully built `staging` folder in for `target` (a real folder, see
    `output_folder`) with two renames.

    Between the renames `target` is briefly absent, never half-written; the previous
    tree is removed after the new one is in place, in the background (`restore_tree`
    puts it back if a build was killed in between). Only marked folders are removed.

    Given a `trash` folder on the same file system, the old tree is moved into it and
    removed by a process of its own that outlives this one (`remove_later`): the
    command ends once the new site is in place, where removing 220,000 page folders
    could take minutes more. Elsewhere this process removes it before it exits.
    """
    wait_for_deletions()
    old = _old(target)
    leftovers = [old] if old.exists() and is_ours(old) else []
    leftovers += [  # a staging folder or an old site left by a killed build
        debris
        for pattern in (f".{target.name}.*.new", f".{target.name}.*.old")
        for debris in target.parent.glob(pattern)
        if debris != staging and is_ours(debris)
    ]
    for leftover in leftovers:
        for thread in remove_tree(leftover):
            thread.join()
    if target.exists():
        os.replace(target, old)
    os.replace(staging, target)
    if not (old.exists() and is_ours(old)):
        return
    if trash is not None and _moved(old, trash):
        remove_later(trash)
        return
    # renamed, so that the next render's swap finds the name free
    aside = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=old.parent))
    os.replace(old, aside)
    _deleting.extend(remove_tree(aside))


def discard(folder: Path, trash: Path) -> bool:
    """Mark `folder` as sitegen's and move it into `trash`, for the next `remove_later`
    (or `empty_trash`) to remove; False when it cannot be moved (then it is left where it
    is, marked)."""
    try:
        (folder / OUTPUT_MARKER).write_text(_MARKER_TEXT, encoding="utf-8")
    except OSError:
        return False
    return _moved(folder, trash)


def _moved(folder: Path, trash: Path) -> bool:
    """Move `folder` into `trash`; False when it cannot (another file system)."""
    try:
        trash.mkdir(parents=True, exist_ok=True)
        os.replace(folder, tempfile.mkdtemp(dir=trash))
    except OSError:
        return False
    return True


_REMOVER = "import sys; from sitegen.fsutil import empty_trash; empty_trash(sys.argv[1])"
REMOVER_NICENESS = 10  # the removal yields the cores to whatever runs next
_removers: list[subprocess.Popen[bytes]] = []  # kept, so that each is reaped when it ends


def remove_later(trash: Path) -> None:
    """Empty `trash` in a process of its own, in its own session (Ctrl-C in the
    terminal does not stop it); a removal killed midway is finished by the next one."""
    import subprocess

    _removers[:] = [process for process in _removers if process.poll() is None]
    try:
        process = subprocess.Popen(
            [sys.executable, "-c", _REMOVER, str(trash)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError:
        empty_trash(trash)
        return
    with suppress(OSError, AttributeError):  # no such call on Windows: full priority
        os.setpriority(os.PRIO_PROCESS, process.pid, REMOVER_NICENESS)
    _removers.append(process)


def empty_trash(trash: str | Path) -> None:
    """Remove the sites in `trash`, keeping the folder. Only folders holding sitegen's
    marker are removed (the cache folder is a setting: what a person keeps there stays),
    and empty ones, which a failed move leaves."""
    try:
        entries = [Path(entry.path) for entry in os.scandir(trash)]
    except OSError:
        return
    threads = [thread for entry in entries if is_ours(entry) for thread in remove_tree(entry)]
    for entry in entries:
        if not is_ours(entry):
            with suppress(OSError):  # not empty: not ours to remove
                entry.rmdir()
    for thread in threads:
        thread.join()


REMOVERS = 8  # threads removing a replaced site: a disk serves several at once
BATCH = 256  # files unlinked by one task


def remove_tree(folder: Path) -> list[threading.Thread]:
    """Start removing `folder` (errors ignored); join the threads returned to wait.
    `REMOVERS` threads share its files and its subfolders two levels down
    (`claims/<id>/`): where every unlink waits on the file system's journal, one
    thread removing 220,000 page folders takes minutes, and several keep the disk
    busy (5,000 page folders on this machine's ext4: 8.5 s with one, 3.9 s with
    eight). All are started here, not from a thread, so that they are never started
    while the interpreter is exiting."""
    tasks: SimpleQueue[Callable[[], object] | None] = SimpleQueue()
    workers = [
        threading.Thread(target=_work, args=(tasks,), name="sitegen-rm") for _ in range(REMOVERS)
    ]

    def plan() -> None:
        _spread(folder, tasks.put, depth=2)
        for _ in workers:
            tasks.put(None)
        for worker in workers:
            worker.join()
        shutil.rmtree(folder, ignore_errors=True)  # what is left: the empty folders

    threads = [*workers, threading.Thread(target=plan, name="sitegen-rm")]
    for thread in threads:
        thread.start()  # not daemons: the process waits for them before it exits
    return threads


def _work(tasks: SimpleQueue[Callable[[], object] | None]) -> None:
    while (task := tasks.get()) is not None:
        task()


def _spread(folder: str | Path, put: Callable[[Callable[[], object]], None], depth: int) -> None:
    """Tasks removing what `folder` holds, `depth` levels down."""
    try:
        with os.scandir(folder) as scan:
            entries = list(scan)
    except OSError:
        return
    files = [  # links too; the marker goes last, with the folder
        e.path for e in entries if not e.is_dir(follow_symlinks=False) and e.name != OUTPUT_MARKER
    ]
    for start in range(0, len(files), BATCH):
        put(partial(_unlink_all, files[start : start + BATCH]))
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            if depth > 1:
                _spread(entry.path, put, depth - 1)
            else:
                put(partial(shutil.rmtree, entry.path, True))


def _unlink_all(paths: list[str]) -> None:
    for path in paths:
        with suppress(OSError):
            os.unlink(path)


def wait_for_deletions() -> None:
    """Let the removal of replaced sites finish (the next swap reuses their name)."""
    while _deleting:
        _deleting.pop().join()


def restore_tree(target: Path) -> None:
    """Undo the first half of an interrupted `replace_tree`: bring the old tree back."""
    target = target.resolve()
    old = _old(target)
    if old.is_dir() and is_ours(old) and not target.exists():
        os.replace(old, target)


def _old(target: Path) -> Path:
    return target.with_name(f".{target.name}.old")


def staging_dir(target: Path) -> Path:
    """A fresh folder beside `target` (on the same file system, for `replace_tree`),
    marked as sitegen's."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".new", dir=target.parent))
    staging.chmod(_mode(target, 0o777))  # mkdtemp makes folders 0700
    (staging / OUTPUT_MARKER).write_text(_MARKER_TEXT, encoding="utf-8")
    return staging
