"""Work done in a forked child beside this process, its answer read when needed.

A render of a fresh site (no old one to compare with) hashes everything it reads, for
the next build's freshness check, while the same process reads content/ and builds the
views: in a child on another core that is ~0.06 s of a 2,000-claim render's ~1.9 s
off the clock. Where processes cannot fork, or the child fails, the work is done here
when its answer is asked for.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Beside(Generic[T]):
    """`work()` started in a child now (where processes fork); `result()` is its value."""

    def __init__(self, work: Callable[[], T]) -> None:
        self._work = work
        self._child: tuple[int, int] | None = None  # pid, the pipe's reading end
        if hasattr(os, "fork"):
            self._child = _start(work)

    def result(self) -> T:
        """The work's value: the child's, else worked out here."""
        if self._child is None:
            return self._work()
        child, reading = self._child
        self._child = None
        try:
            with os.fdopen(reading, "rb") as pipe:
                data = pipe.read()
        finally:
            os.waitpid(child, 0)
        if data:
            return pickle.loads(data)
        return self._work()  # the child failed (killed, an error): no answer from it


class Known(Generic[T]):
    """A value already worked out, asked for as a `Beside`'s is."""

    def __init__(self, value: T) -> None:
        self._value = value

    def result(self) -> T:
        return self._value


def _start(work: Callable[[], object]) -> tuple[int, int]:
    reading, writing = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover  (the child's coverage is not collected)
        os.close(reading)
        code = 1
        try:
            data = pickle.dumps(work())
            with os.fdopen(writing, "wb") as pipe:
                pipe.write(data)
            code = 0
        finally:
            os._exit(code)  # no exit handlers, no buffers of the parent's flushed twice
    os.close(writing)
    return child, reading
