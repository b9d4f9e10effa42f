"""Shared fixtures: a real sitegen project built once per test session."""

from __future__ import annotations

import contextlib
import io
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from sitegen.cli import main
from tests.pages_server import Served, serve

REPO = Path(__file__).resolve().parent.parent
SAMPLE_SEEDS = REPO / "seeds"


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str


def run_sitegen(*args: str, prelude: str = "") -> Run:
    """Run the real CLI, capturing its output and exit code.

    In this process, so that the spaCy model is loaded once per test process; in a fresh
    interpreter only when `prelude` (Python run before sitegen is imported, e.g. to make
    spaCy unimportable) needs one.
    """
    if prelude:
        return _run_in_subprocess(args, prelude)
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse: --help, --version, a bad option
            code = 0 if exc.code is None else exc.code if isinstance(exc.code, int) else 1
    return Run(code, stdout.getvalue(), stderr.getvalue())


def _run_in_subprocess(args: tuple[str, ...], prelude: str) -> Run:
    code = f"{prelude}\nimport sys\nfrom sitegen.cli import main\nsys.exit(main(sys.argv[1:]))"
    proc = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


def make_project(root: Path, seeds: Path = SAMPLE_SEEDS) -> Path:
    """A project folder holding only seeds/, as a new user would start."""
    shutil.copytree(seeds, root / "seeds")
    return root


@pytest.fixture(scope="session")
def sample_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample story, built once with `sitegen build`."""
    project = make_project(tmp_path_factory.mktemp("sample"))
    result = run_sitegen("build", "--project", str(project))
    assert result.returncode == 0, result.stderr
    return project


PUBLISHED_BASE_URL = "https://example.org/project-name/"


@pytest.fixture(scope="session")
def published_site(sample_project: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample story rendered for publishing under /project-name/ (`--base-url`)."""
    project = tmp_path_factory.mktemp("published") / "project"
    shutil.copytree(sample_project, project, ignore=shutil.ignore_patterns("site"))
    result = run_sitegen("render", "--project", str(project), "--base-url", PUBLISHED_BASE_URL)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def served_site(published_site: Path) -> Iterator[Served]:
    """`published_site` on a local GitHub Pages stand-in, at /project-name/."""
    with serve(published_site, "/project-name/") as served:
        yield served
