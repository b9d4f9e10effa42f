"""Work done in a forked child beside this process, its answer read when needed.

A build's first render (no site to compare with) hashes everything it reads, for the
next build's freshness check, while the same process reads content/ and builds the
views: in a child on another core, 0.06–0.09 s of a 2,000-claim build and 0.8–0.9 s of
CPU at 16,000 claims are off the clock. Where processes cannot fork the work is done
here at once.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from typing import Generic, TypeVar, cast

T = TypeVar("T")


class Beside(Generic[T]):
    """`work()` started in a child now (where processes fork, else done here now);
    `result()` is its value, or `failed` if the child gave none (killed, an error): the
    work is not done again later, when what it reads may have changed."""

    def __init__(self, work: Callable[[], T], failed: T) -> None:
        self._failed = failed
        self._child: tuple[int, int] | None = None  # pid, the pipe's reading end
        self._value: tuple[T] | None = None
        if hasattr(os, "fork"):
            self._child = _start(work)
        else:
            self._value = (work(),)

    def result(self) -> T:
        """The work's value (the child is waited for once)."""
        if self._value is None:
            self._value = (self._answer(),)
        return self._value[0]

    def _answer(self) -> T:
        child, reading = cast(tuple[int, int], self._child)
        try:
            with os.fdopen(reading, "rb") as pipe:
                data = pipe.read()
        finally:
            os.waitpid(child, 0)
        return pickle.loads(data) if data else self._failed


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
