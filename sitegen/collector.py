"""The cyclic garbage collector, kept away from work that makes no cycles.

Merging and rendering allocate millions of small objects that live to the end and
hold no reference cycles; the collector's full passes over a growing heap would make a
large merge quadratic and cost a render about a tenth of its time. So such objects are
made with the collector paused (`paused`), and a render then freezes them out of its
sight (`frozen`); the pages' own garbage is still collected as usual.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


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
