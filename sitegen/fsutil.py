"""Atomic file writes: a reader (or a killed build) sees the old file or the new one."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

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
        for chunk in chunks:
            raw = chunk.encode("utf-8")
            digest.update(raw)
            yield raw

    _write_new(path, encoded(), durable, replace=lambda _: _sha256_of(path) != digest.hexdigest())
    return digest.hexdigest()


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


def write_many(texts: dict[Path, str], replace: Callable[[Path], bool]) -> list[Path]:
    """Write each text over its path as `atomic_write` does (a temp file, fsynced, then
    renamed), the temp files written and fsynced several at once; each is renamed in
    the order of `texts` only if `replace(path)` says so at that moment (asked after
    every temp file is on disk). Returns the paths `replace` refused."""
    pool = ThreadPoolExecutor(WRITE_THREADS, thread_name_prefix="sitegen-write")
    futures: dict[Path, Future[Path]] = {}
    try:
        for path, text in texts.items():
            futures[path] = pool.submit(_temp_file, path, [text.encode("utf-8")], True)
        pool.shutdown()
    except BaseException:  # Ctrl-C: the writes not begun are dropped, not waited for
        pool.shutdown(cancel_futures=True)
        for future in futures.values():
            if not future.cancelled() and future.exception() is None:
                future.result().unlink(missing_ok=True)
        raise
    temps = {path: f.result() for path, f in futures.items() if f.exception() is None}
    refused = []
    try:
        for future in futures.values():
            if (failure := future.exception()) is not None:
                raise failure
        for path in texts:
            if replace(path):
                os.replace(temps.pop(path), path)
            else:
                refused.append(path)
    finally:
        for tmp in temps.values():  # those not renamed
            tmp.unlink(missing_ok=True)
    return refused


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


def replace_tree(staging: Path, target: Path) -> None:
    """Swap a fully built `staging` folder in for `target` (a real folder, see
    `output_folder`) with two renames.

    Between the renames `target` is briefly absent, never half-written; the previous
    tree is removed after the new one is in place, in the background (`restore_tree`
    puts it back if a build was killed in between). Only marked folders are removed.
    """
    wait_for_deletions()
    old = _old(target)
    if old.exists() and is_ours(old):
        shutil.rmtree(old)
    for debris in target.parent.glob(f".{target.name}.*.new"):
        if debris != staging and is_ours(debris):
            shutil.rmtree(debris, ignore_errors=True)  # staging left by a killed build
    if target.exists():
        os.replace(target, old)
    os.replace(staging, target)
    if old.exists() and is_ours(old):
        thread = threading.Thread(target=shutil.rmtree, args=(old, True), name="sitegen-rm")
        thread.start()  # not a daemon: the process waits for it before it exits
        _deleting.append(thread)


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
