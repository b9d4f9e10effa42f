"""`--jobs N`: extraction and rendering in worker processes give the same fact base and
site as one process, and long loops report progress through the Reporter."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import pytest

from sitegen.reporter import Reporter
from tests.conftest import REPO, make_project, run_sitegen

# the sample story is too short to repay starting workers; lower the bar so it uses them
IN_WORKERS = "import sitegen.extract.parallel as parallel\nparallel.PARALLEL_MIN_CHARS = 0"
# each render process says how many pages it drew; short runs, so both processes draw
COUNTED = """
import sys
import sitegen.render.workers as workers
workers.RUN = 2
claimed = workers._claimed
def _claimed(specs, claims):
    drawn = 0
    for spec in claimed(specs, claims):
        drawn += 1
        yield spec
    print(f"drew {drawn}", file=sys.stderr, flush=True)
workers._claimed = _claimed
"""


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


def _sample(root: Path) -> Path:
    """The sample project as committed (seeds/, content/, settings): renders without spaCy."""
    for name in ("seeds", "content"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "sitegen.yaml", root)
    return root


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_two_render_processes_write_the_same_site_as_one(tmp_path: Path) -> None:
    one, two = _sample(tmp_path / "one"), _sample(tmp_path / "two")
    url = ["--base-url", "https://example.org/story/"]  # the sitemap too
    first = run_sitegen("render", "--project", str(one), "--jobs", "1", *url, prelude=COUNTED)
    (two / "sitegen.yaml").write_text(
        (two / "sitegen.yaml").read_text(encoding="utf-8") + "jobs: 2\n", encoding="utf-8"
    )
    second = run_sitegen("render", "--project", str(two), *url, prelude=COUNTED)
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert "drew" not in first.stderr
    drawn = [int(n) for n in re.findall(r"drew (\d+)", second.stderr)]
    site = _files(one / "site")
    # the processes draw the pages; feed, sitemap and robots.txt are written here while
    # Pagefind indexes the pages
    pages = sum(name.endswith(".html") and not name.startswith("static/") for name in site)
    assert len(drawn) == 2 and min(drawn) > 0 and sum(drawn) == pages
    assert _files(two / "site") == site


# the search index in parts of little text; pages read back to size them are named
IN_PARTS = """
import sys
import sitegen.render.pagefind as pagefind
import sitegen.render.site as site
site.SIZED_WHILE_DRAWN = {sized_above}
indexed = site.index_site
site.index_site = lambda *args, **kwargs: indexed(*args, text_per_index=20_000, **kwargs)
read = pagefind._sized
def _sized(folder, page):
    print(f"read back {{page}}", file=sys.stderr, flush=True)
    return read(folder, page)
pagefind._sized = _sized
"""


def test_pages_sized_while_drawn_are_not_read_back_and_give_the_same_index(
    tmp_path: Path,
) -> None:
    """A large site's pages are sized for the search index's parts by the processes
    that draw them, not read back from disk afterwards: the parts, and so the site
    with its index, are the same as when every page is read back."""
    read_back, drawn = _sample(tmp_path / "read"), _sample(tmp_path / "drawn")
    runs = [
        run_sitegen("render", "--project", str(project), "-j", "2", prelude=prelude)
        for project, prelude in (
            (read_back, IN_PARTS.format(sized_above=10**9)),
            (drawn, IN_PARTS.format(sized_above=0) + COUNTED),
        )
    ]
    assert all(run.returncode == 0 for run in runs), runs[0].stderr + runs[1].stderr
    site = _files(read_back / "site")
    pages = {name for name in site if name.endswith(".html") and "pagefind" not in name}
    assert set(re.findall(r"read back (\S+)", runs[0].stderr)) == pages
    assert re.findall(r"read back", runs[1].stderr) == []
    assert len([int(n) for n in re.findall(r"drew (\d+)", runs[1].stderr) if int(n)]) == 2
    assert json.loads(site["pagefind/parts.json"]) == ["part-1/", "part-2/"]
    assert _files(drawn / "site") == site


def test_a_first_render_in_two_processes_stamps_what_it_read(tmp_path: Path) -> None:
    """With no site yet a build's render has nothing to compare; it still stamps the
    digest of what it read (for the next build's freshness check), and the next render
    finds the site up to date."""
    from sitegen.build import render
    from sitegen.config import load_config
    from sitegen.freshness import render_fingerprint

    project = _sample(tmp_path / "project")
    with (project / "sitegen.yaml").open("a", encoding="utf-8") as settings:
        settings.write("jobs: 2\n")
    first, again = io.StringIO(), io.StringIO()
    render(load_config(project), Reporter(stream=first))
    stamp = (project / ".sitegen-cache" / "site.stamp").read_text(encoding="utf-8")
    assert stamp == render_fingerprint(load_config(project))
    render(load_config(project), Reporter(stream=again))
    assert "is up to date" in again.getvalue() and "is up to date" not in first.getvalue()


def test_a_template_error_in_a_render_process_names_file_and_line(tmp_path: Path) -> None:
    project = _sample(tmp_path / "project")
    assert run_sitegen("render", "--project", str(project)).returncode == 0
    before, entries = _files(project / "site"), sorted(p.name for p in project.iterdir())
    (project / "templates").mkdir()
    (project / "templates" / "person.html").write_text(
        '{% extends "base.html" %}\n{% block content %}\n{{ no_such_thing }}\n{% endblock %}\n',
        encoding="utf-8",
    )
    result = run_sitegen("render", "--project", str(project), "-j", "2", prelude=COUNTED)
    assert result.returncode == 4, result.stderr
    assert re.search(r"person\.html:3: .*no_such_thing", result.stderr)
    assert "Traceback" not in result.stderr
    assert _files(project / "site") == before
    assert sorted(p.name for p in project.iterdir() if p.name != "templates") == entries


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
