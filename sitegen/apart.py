"""A phase of the build run in a forked child process, whose memory ends with it.

The merge of a 10,000-article story and the writing of its content/ peak near 2 GB,
and most of that memory, freed, stays with the process that used it (the C library
and Python's allocator keep free chunks between the survivors). Run in a child, the
phase gives all of it back when it exits, and the render that follows starts from a
small process: its forked workers share nothing the render does not need.

Only where processes can fork and the report goes to a real file (the command line);
elsewhere (Windows, a report kept in memory) the phase runs in this process.
"""

from __future__ import annotations

import os
import pickle
import sys
import traceback
from collections.abc import Callable
from typing import TypeVar

from sitegen.errors import SitegenError
from sitegen.reporter import Reporter

T = TypeVar("T")


def run_apart(work: Callable[[], T], reporter: Reporter) -> T:
    """`work()`, run in a child when it can be: its value (pickled) and its messages
    come back to this process's `reporter` (shown once, by the child, as they came);
    an exception it raised is raised here."""
    if not _can_fork(reporter):
        return work()
    reported = len(reporter.messages)
    reading, writing = os.pipe()
    for stream in (sys.stdout, sys.stderr, reporter.stream):
        stream.flush()
    child = os.fork()
    if child == 0:  # pragma: no cover  (the child's coverage is not collected)
        os.close(reading)
        _child(work, reporter, reported, writing)
    os.close(writing)
    try:
        with os.fdopen(reading, "rb") as pipe:
            data = pipe.read()
    finally:
        os.waitpid(child, 0)
    if not data:
        raise SitegenError(
            "the build's merge process ended without a result (out of memory, or killed)"
        )
    (ok, value), messages = pickle.loads(data)
    reporter.messages.extend(messages)
    if ok:
        return value
    raise value


def _can_fork(reporter: Reporter) -> bool:
    if not hasattr(os, "fork"):
        return False
    try:
        reporter.stream.fileno()  # what the child prints must reach the same file
    except (AttributeError, OSError, ValueError):
        return False
    return True


def _child(work: Callable[[], object], reporter: Reporter, reported: int, writing: int) -> None:
    """Run `work`, send back its outcome and the messages it reported, and exit without
    running this process's clean-ups (the parent's locks and temp folders are its own)."""
    try:
        try:
            outcome: tuple[bool, object] = (True, work())
        except BaseException as exc:  # sent to the parent, which raises it
            if not isinstance(exc, SitegenError | KeyboardInterrupt):
                exc.add_note("in the build's merge process:\n" + traceback.format_exc())
            outcome = (False, exc)
        try:
            data = pickle.dumps((outcome, reporter.messages[reported:]))
        except Exception as exc:  # an exception that does not pickle: its text does
            error = RuntimeError(f"{type(outcome[1]).__name__}: {outcome[1]} ({exc})")
            data = pickle.dumps(((False, error), reporter.messages[reported:]))
        with os.fdopen(writing, "wb") as pipe:
            pipe.write(data)
        for stream in (sys.stdout, sys.stderr, reporter.stream):
            stream.flush()
    finally:
        os._exit(0)
