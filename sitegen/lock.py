"""One run at a time per project: a lock file held while a command writes.

Two builds at once would interleave their writes to content/ and swap site/ under each
other. The lock is an advisory `flock` on a file in the project's cache folder: the
kernel releases it when its holder exits, however it exits, so a crashed holder's lock
is free for the next run with nothing to clean up. The file names the holder (process
id, command, start time), for the message a waiting run gives.
"""

from __future__ import annotations

import fcntl
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sitegen.errors import BusyError, InputError, Location

LOCK_FILE = "lock"
WAIT_SECONDS = float(os.environ.get("SITEGEN_LOCK_WAIT", "5"))
POLL_SECONDS = 0.1


@contextmanager
def project_lock(cache_dir: Path, wait: float = WAIT_SECONDS) -> Iterator[None]:
    """Hold the project's lock for the body; wait up to `wait` seconds for it, then
    raise `BusyError` naming the process that holds it."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    path = cache_dir / LOCK_FILE
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW, 0o644)
    except OSError as exc:  # a link or a folder put there: never followed, never removed
        raise InputError(f"cannot open the lock file: {exc.strerror}", Location(path)) from None
    try:
        deadline = time.monotonic() + wait
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                raise BusyError(
                    f"another sitegen run is using this project ({_holder(path)}); "
                    "wait for it to finish, or stop it",
                    Location(path),
                )
            time.sleep(POLL_SECONDS)
        os.ftruncate(fd, 0)
        command = " ".join(["sitegen", *sys.argv[1:]])[:200]
        os.pwrite(fd, f"{os.getpid()} {time.strftime('%H:%M:%S')} {command}\n".encode(), 0)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _try_lock(fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _holder(path: Path) -> str:
    try:
        pid, started, *command = path.read_text(encoding="utf-8").split()
    except (OSError, ValueError):
        return "a process that has not written its name yet"
    return f"process {pid}, '{' '.join(command)}', started {started}"
