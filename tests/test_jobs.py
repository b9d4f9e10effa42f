"""`--jobs N`: extraction in worker processes gives the same fact base as one process,
and long loops report progress through the Reporter."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from sitegen.reporter import Reporter
from tests.conftest import make_project, run_sitegen

# the sample story is too short to repay starting workers; lower the bar so it uses them
IN_WORKERS = "import sitegen.extract.parallel as parallel\nparallel.PARALLEL_MIN_CHARS = 0"


def _content(project: Path) -> dict[str, bytes]:
    folder = project / "content"
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.mark.slow
def test_two_jobs_write_the_same_content_as_one(tmp_path: Path) -> None:
    one = make_project(tmp_path / "one")
    two = make_project(tmp_path / "two")
    first = run_sitegen("extract", "--project", str(one), "--jobs", "1")
    second = run_sitegen("extract", "--project", str(two), "--jobs", "2", prelude=IN_WORKERS)
    assert first.returncode == 0, first.stderr
    assert second.returncode == 0, second.stderr
    assert "in 2 processes" in second.stderr and "processes" not in first.stderr
    articles = len(list((one / "seeds").iterdir()))
    for run in (first, second):  # stderr is not a terminal: plain progress lines
        assert f"extracting: {articles}/{articles} articles (100%)" in run.stderr
        assert "\r" not in run.stderr
    assert _content(one) and _content(two) == _content(one)


def test_an_error_in_a_worker_is_a_model_error(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    (project / "sitegen.yaml").write_text("model: no_such_model_here\n", encoding="utf-8")
    result = run_sitegen("extract", "--project", str(project), "-j", "2", prelude=IN_WORKERS)
    assert result.returncode == 5, result.stderr
    assert "'no_such_model_here' is not installed" in result.stderr
    assert "Traceback" not in result.stderr


def test_jobs_setting_is_checked(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    (project / "sitegen.yaml").write_text("jobs: many\n", encoding="utf-8")
    result = run_sitegen("extract", "--project", str(project))
    assert result.returncode == 2
    assert "sitegen.yaml:1:" in result.stderr and "'jobs'" in result.stderr
    assert run_sitegen("build", "--project", str(project), "--jobs", "-1").returncode == 2


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_plain_progress_lines_when_not_a_terminal() -> None:
    stream = io.StringIO()
    reporter = Reporter(stream=stream, progress_interval=0)
    with reporter.progress("parsing", 40, "items") as progress:
        for _ in range(40):
            progress.advance()
    lines = stream.getvalue().splitlines()
    counts = [int(re.fullmatch(r"parsing: (\d+)/40 items \(\d+%\).*", line)[1]) for line in lines]
    assert counts == list(range(2, 41, 2))  # one line every 5%
    assert lines[-1].startswith("parsing: 40/40 items (100%), ") and "left" not in lines[-1]
    assert "\r" not in stream.getvalue() and reporter.messages == []


def test_plain_progress_is_sparse_in_time() -> None:
    stream = io.StringIO()
    with Reporter(stream=stream, progress_interval=3600).progress("parsing", 40, "items") as bar:
        for _ in range(40):
            bar.advance()
    assert stream.getvalue().splitlines() == [stream.getvalue().strip()]  # the final line only
    assert stream.getvalue().startswith("parsing: 40/40 items (100%)")


def test_progress_on_a_terminal_is_redrawn_in_place() -> None:
    stream = _Terminal()
    reporter = Reporter(stream=stream)
    with reporter.progress("parsing", 3, "items") as progress:
        progress.advance()
        reporter.warning("odd input")
        progress.advance(2)
    text = stream.getvalue()
    assert text.startswith("\r\x1b[K[") and "parsing: 0/3 items (0%)" in text
    assert "\r\x1b[Kwarning: odd input\n" in text  # the bar is cleared first
    last = text.rsplit("\r\x1b[K", 1)[1]  # what stays on screen: one plain line
    assert last.startswith("parsing: 3/3 items (100%), ") and last.endswith(" items/s\n")


def test_quiet_shows_no_progress() -> None:
    for stream in (io.StringIO(), _Terminal()):
        with Reporter(stream=stream, quiet=True, progress_interval=0).progress(
            "parsing", 5, "items"
        ) as progress:
            progress.advance(5)
        assert stream.getvalue() == ""
