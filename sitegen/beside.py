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
from typing import Generic, TypeVar, cast

from sitegen.errors import SitegenError

T = TypeVar("T")


class Beside(Generic[T]):
    """`work()` started in a child now (where processes fork); `result()` is its value.
    With `again` False a child that fails is an error, not work done here (the caller
    has consumed what the work reads)."""

    def __init__(self, work: Callable[[], T], again: bool = True) -> None:
        self._work = work
        self._again = again  # the work can be done here if the child fails
        self._child: tuple[int, int] | None = None  # pid, the pipe's reading end
        self._done: tuple[T] | None = None
        if hasattr(os, "fork"):
            self._child = _start(work)
        else:  # worked out here, now: before the caller goes on with what it reads
            self._done = (work(),)

    def result(self) -> T:
        """The work's value: the child's, else worked out here."""
        if self._done is None:
            self._done = (self._answer(),)
        return self._done[0]

    def _answer(self) -> T:
        child, reading = cast(tuple[int, int], self._child)
        try:
            with os.fdopen(reading, "rb") as pipe:
                data = pipe.read()
        finally:
            os.waitpid(child, 0)
        if data:
            return pickle.loads(data)
        if not self._again:  # what it worked on is gone here
            raise SitegenError("a process working beside this one ended without an answer")
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
