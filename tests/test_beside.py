"""Work done beside the process in a forked child, and its fallback."""

from __future__ import annotations

import os

import pytest

from sitegen.beside import Beside, Known

forks = pytest.mark.skipif(not hasattr(os, "fork"), reason="processes cannot fork here")


@forks
def test_the_work_runs_in_another_process_and_its_value_comes_back() -> None:
    here = os.getpid()
    assert Beside(lambda: (os.getpid(), "digest"), failed=(0, "")).result()[0] != here
    assert Beside(lambda: (os.getpid(), "digest"), failed=(0, "")).result()[1] == "digest"


@forks
def test_a_child_that_fails_gives_the_failed_value_and_the_work_is_not_redone() -> None:
    here = os.getpid()
    done: list[int] = []

    def work() -> int:
        done.append(os.getpid())
        if os.getpid() != here:
            raise RuntimeError("the child fails")
        return here

    beside = Beside(work, failed=-1)
    assert beside.result() == -1 and beside.result() == -1 and done == []


def test_a_known_value_is_asked_for_the_same_way() -> None:
    assert Known("digest").result() == "digest"
