"""The cyclic garbage collector, kept away from work that makes no cycles.

Merging and rendering allocate millions of small objects that live to the end and
hold no reference cycles; the collector's full passes over a growing heap would make a
large merge quadratic and cost a render about a tenth of its time. So such objects are
made with the collector paused (`paused`), and a render then freezes them out of its
sight (`frozen`); the pages' own garbage is still collected as usual.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar, overload

T = TypeVar("T")


@contextmanager
def paused() -> Iterator[None]:
    """No collection while objects that will be kept are made (they hold no cycles)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def frozen() -> Iterator[None]:
    """What exists now is left out of every collection until the block ends."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def give_back() -> None:
    """Hand the memory a finished phase freed back to the system. After the merge of a
    10,000-article story most of its gigabyte is free but still held by the C library
    (free chunks between live ones), and the render would add its own on top. Only
    glibc has `malloc_trim`; elsewhere this only collects."""
    gc.collect()
    trim()


def trim() -> None:
    """Hand the C library's free memory back to the system, without a collection (a
    full one over a render's millions of objects takes seconds). Only glibc has
    `malloc_trim`; elsewhere this does nothing."""
    import ctypes.util  # not with this module: ~7 ms of a build with nothing to do

    name = ctypes.util.find_library("c")
    libc = ctypes.CDLL(name) if name else None
    if libc is not None and hasattr(libc, "malloc_trim"):
        libc.malloc_trim(0)


SHARED_LENGTH = 40  # strings up to this long are ids, words and labels that recur


@overload
def shared(value: str) -> str: ...
@overload
def shared(value: T) -> T: ...
def shared(value: object) -> object:
    """A short string as the one copy every record naming it holds (lemmas, labels,
    ids recur in every article and claim); anything else as it is."""
    if type(value) is str and len(value) <= SHARED_LENGTH:
        return sys.intern(value)
    return value
