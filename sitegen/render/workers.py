"""Pages drawn in several processes (`--jobs N`), each on its own core.

The workers are forked once the views are built: each starts with the whole fact base
view in its memory (shared with the parent until written to) and nothing is pickled or
loaded again. Every process walks the same page specs in the same order and draws the
runs of them it claims from a shared counter, so the work balances itself (the home
page and a long list cost more than a claim page) and any kind of page is drawn the
same way it is drawn in one process: the files written are the same for any N.

Only the command line renders this way, and only where processes can fork (not on
Windows); the dev server, which has threads (a forked lock may never be released),
renders in its own process.
"""

from __future__ import annotations

import multiprocessing
import signal
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from itertools import islice
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any, TypeVar, cast

from sitegen.errors import SitegenError, TemplateError

Spec = TypeVar("Spec")
RUN = 32  # specs claimed at a time: few claims, yet an even finish


class _Claims:
    """The next unclaimed spec number, shared by every process."""

    def __init__(self, context: Any) -> None:
        self._next = context.Value("q", 0)

    def take(self) -> int:
        with self._next.get_lock():
            start = self._next.value
            self._next.value = start + RUN
        return start


Counts = tuple[int, ...]  # what drawing a spec adds up (pages, bytes), summed by place


def draw_all(
    specs: Callable[[], Iterable[Spec]],
    draw: Callable[[Spec], Counts],
    processes: int,
    meanwhile: Callable[[], None] = lambda: None,
    kept: list[Any] | None = None,
) -> Counts:
    """Call `draw` on every spec `specs()` makes, in `processes` processes (this one
    included); the sums of what `draw` returned, place by place. `meanwhile` runs here
    first, while the others draw (files that are not pages). What `draw` appends to
    `kept` in another process is sent here and appended to it too (in no set order)."""
    if processes < 2 or "fork" not in multiprocessing.get_all_start_methods():
        meanwhile()
        return _sums(map(draw, specs()))
    context = multiprocessing.get_context("fork")
    claims = _Claims(context)
    pool: dict[Connection, BaseProcess] = {}
    finished = False
    try:
        for _ in range(processes - 1):
            here, there = context.Pipe(duplex=False)
            process = context.Process(
                target=_work, args=(there, specs, draw, claims, kept), daemon=True
            )
            process.start()
            there.close()
            pool[here] = process
        meanwhile()
        total = _sums([_sums(map(draw, _claimed(specs(), claims))), *_answers(pool, kept)])
        finished = True
        return total
    finally:
        for connection, worker in pool.items():
            if not finished:  # an error or Ctrl-C: stop the others now
                worker.terminate()
            worker.join()
            connection.close()


def _sums(counts: Iterable[Counts]) -> Counts:
    """The sums of the counts, place by place (an empty tuple for none)."""
    totals: list[int] = []
    for each in counts:
        if len(totals) < len(each):
            totals.extend([0] * (len(each) - len(totals)))
        for place, count in enumerate(each):
            totals[place] += count
    return tuple(totals)


def _claimed(specs: Iterable[Spec], claims: _Claims) -> Iterator[Spec]:
    """The specs of the runs this process claims, in order: every process claims
    increasing numbers, so it walks the specs once, skipping the others' runs."""
    walk = iter(specs)
    position = 0
    while True:
        start = claims.take()
        deque(islice(walk, start - position), maxlen=0)  # the runs others drew
        run = list(islice(walk, RUN))
        position = start + len(run)
        if not run:
            return
        yield from run


def _answers(pool: dict[Connection, BaseProcess], kept: list[Any] | None) -> Iterator[Counts]:
    """Each worker's total, or its error raised here; what it kept goes into `kept`."""
    waiting = dict(pool)
    while waiting:
        sentinels = {waiting[c].sentinel: c for c in waiting}
        for ready in wait([*waiting, *sentinels]):
            connection = sentinels[ready] if isinstance(ready, int) else cast(Connection, ready)
            if connection not in waiting:
                continue
            try:
                total, error, theirs = connection.recv()
            except (EOFError, OSError):
                raise SitegenError(
                    "a render process stopped unexpectedly (out of memory?); try fewer jobs"
                ) from None
            if error is not None:
                raise error
            if kept is not None:
                kept.extend(theirs)
            del waiting[connection]
            yield total


def _work(
    connection: Connection,
    specs: Callable[[], Iterable[Spec]],
    draw: Callable[[Spec], Counts],
    claims: _Claims,
    kept: list[Any] | None,
) -> None:
    """A worker: draw the runs it claims, then send its total (or its error) and what
    `draw` kept."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the parent, which stops us
    try:
        answer: tuple[Counts | None, BaseException | None] = (
            _sums(map(draw, _claimed(specs(), claims))),
            None,
        )
    except (SitegenError, OSError) as exc:  # a template error, a full disk: the parent raises it
        answer = (None, exc)
    except Exception as exc:  # a bug: its traceback goes to stderr, the parent stops
        traceback.print_exc()
        answer = (
            None,
            TemplateError(f"rendering failed in a worker process: {type(exc).__name__}: {exc}"),
        )
    with suppress(OSError):
        connection.send((*answer, kept if answer[1] is None else None))
    connection.close()
