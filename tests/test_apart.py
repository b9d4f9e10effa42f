"""A phase run in a forked child: its value, messages and errors come back."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from sitegen.apart import run_apart
from sitegen.errors import ContentError, Location
from sitegen.reporter import Reporter

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork here")


def _warn_and_return(reporter: Reporter) -> tuple[int, list[int]]:
    reporter.warning("kept as saved", Location(Path("content/claims/a.yaml")))
    return os.getpid(), [1, 2, 3]


def test_the_work_runs_in_a_child_and_its_value_and_messages_come_back(tmp_path: Path) -> None:
    with (tmp_path / "report").open("w", encoding="utf-8") as stream:
        reporter = Reporter(stream=stream)
        pid, value = run_apart(lambda: _warn_and_return(reporter), reporter)
    assert pid != os.getpid()
    assert value == [1, 2, 3]
    assert [m.text for m in reporter.warnings] == ["kept as saved"]
    assert reporter.warnings[0].location == Location(Path("content/claims/a.yaml"))
    # shown once, by the child
    assert (tmp_path / "report").read_text(encoding="utf-8").count("kept as saved") == 1


def test_an_error_in_the_child_is_raised_here_with_its_location(tmp_path: Path) -> None:
    def fail() -> None:
        raise ContentError("2 files cannot be merged into", Location(Path("content")))

    with (
        (tmp_path / "report").open("w", encoding="utf-8") as stream,
        pytest.raises(ContentError) as raised,
    ):
        run_apart(fail, Reporter(stream=stream))
    assert raised.value.message == "2 files cannot be merged into"
    assert raised.value.location == Location(Path("content"))


def test_a_report_kept_in_memory_runs_the_work_here() -> None:
    reporter = Reporter(stream=io.StringIO())
    pid, _ = run_apart(lambda: _warn_and_return(reporter), reporter)
    assert pid == os.getpid()
    assert "kept as saved" in reporter.stream.getvalue()
