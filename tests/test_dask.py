"""`--executor dask://HOST:PORT`: extraction on a Dask cluster writes the same content/
as extraction here. Skipped without the extra (`pip install 'sitegen[dask]'`)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sitegen.extract import on_dask
from tests.conftest import make_project, run_sitegen

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """Two worker processes on this machine, one thread each: a cluster in miniature."""
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as local:
        yield local.scheduler_address


def _content(project: Path) -> dict[str, bytes]:
    folder = project / "content"
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_a_dask_cluster_writes_the_same_content_as_one_process(
    tmp_path: Path, cluster: str
) -> None:
    here, there = make_project(tmp_path / "here"), make_project(tmp_path / "there")
    executor = cluster.replace("tcp://", "dask://")
    first = run_sitegen("extract", "--project", str(here), "--jobs", "1")
    second = run_sitegen("extract", "--project", str(there), "--executor", executor)
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert f"on the Dask cluster at {executor}" in second.stderr
    assert _content(here) and _content(there) == _content(here)
    # the records came back into the cache: extracting here now parses nothing
    again = run_sitegen("extract", "--project", str(there), "--jobs", "1")
    assert again.returncode == 0 and "extracting" not in again.stderr, again.stderr
    assert _content(there) == _content(here)


def test_a_missing_model_on_the_workers_is_a_model_error(tmp_path: Path, cluster: str) -> None:
    project = make_project(tmp_path / "project")
    (project / "sitegen.yaml").write_text("model: no_such_model_here\n", encoding="utf-8")
    executor = cluster.replace("tcp://", "dask://")
    result = run_sitegen("extract", "--project", str(project), "--executor", executor)
    assert result.returncode == 5, result.stderr
    assert "'no_such_model_here' is not installed" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("executor", ["dask://", "dask://host", "spark://host:7077", "dask"])
def test_a_malformed_executor_is_a_configuration_error(tmp_path: Path, executor: str) -> None:
    project = make_project(tmp_path / "project")
    result = run_sitegen("extract", "--project", str(project), "--executor", executor)
    assert result.returncode == 2, result.stderr
    assert "executor must be 'local' or 'dask://HOST:PORT'" in result.stderr


def test_an_unreachable_scheduler_is_a_configuration_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(on_dask, "CONNECT_TIMEOUT", "1s")  # Dask retries until then
    project = make_project(tmp_path / "project")
    (project / "sitegen.yaml").write_text("executor: dask://127.0.0.1:9\n", encoding="utf-8")
    result = run_sitegen("extract", "--project", str(project))
    assert result.returncode == 2, result.stderr
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.stderr
