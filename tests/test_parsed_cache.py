"""`sitegen render` keeps content/ as it parsed it (`.sitegen-cache/content.jsonl`) and
parses again only the files changed since: an edit always shows, a damaged or stale
cache costs a parse, never a wrong page."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO, run_sitegen


def _project(root: Path) -> Path:
    for name in ("seeds", "content"):
        shutil.copytree(REPO / name, root / name)
    return root


def _stored(project: Path) -> dict[str, list]:
    lines = (project / ".sitegen-cache" / "content.jsonl").read_text("utf-8").splitlines()
    return {entry[0]: entry[1:] for entry in map(json.loads, lines)}


def _render(project: Path) -> None:
    result = run_sitegen("render", "--project", str(project))
    assert result.returncode == 0, result.stderr


def _a_claim(project: Path) -> tuple[Path, str]:
    path = sorted((project / "content" / "claims").glob("*.yaml"))[0]
    return path, path.read_text(encoding="utf-8")


def test_an_edit_after_a_render_shows_in_the_next(tmp_path: Path) -> None:
    project = _project(tmp_path / "project")
    _render(project)
    stored = _stored(project)
    assert len(stored) == len(list((project / "content").glob("*/*.yaml")))
    path, text = _a_claim(project)
    statement = next(line for line in text.splitlines() if line.startswith("statement:"))
    edited = text.replace(statement, "statement: An edited statement, same file")
    before = path.stat()
    path.write_text(edited, encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 1))  # even within one tick
    _render(project)
    page = (project / "site" / "claims" / path.stem / "index.html").read_text("utf-8")
    assert "An edited statement, same file" in page


def test_a_deleted_file_leaves_the_cache_and_a_damaged_cache_is_parsed_again(
    tmp_path: Path,
) -> None:
    project = _project(tmp_path / "project")
    _render(project)
    path, _ = _a_claim(project)
    path.unlink()
    _render(project)
    cache = project / ".sitegen-cache" / "content.jsonl"
    assert str(path) not in _stored(project)
    assert not (project / "site" / "claims" / path.stem).exists()
    site = {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    for damaged in ("{not json", '{"x": 1}', "[]", '["x", 1, 2, 3]\n[1]'):
        cache.write_text(damaged, encoding="utf-8")
        _render(project)
        assert {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()} == site


def test_a_damaged_entry_is_parsed_again_and_written_back(tmp_path: Path) -> None:
    """Each file's data is decoded only when asked for: a line whose data is broken
    costs that file a parse, and the next cache holds it whole again."""
    project = _project(tmp_path / "project")
    _render(project)
    cache = project / ".sitegen-cache" / "content.jsonl"
    lines = cache.read_text("utf-8").splitlines()
    path, _ = _a_claim(project)
    broken = next(i for i, line in enumerate(lines) if json.loads(line)[0] == str(path))
    whole = lines[broken]
    lines[broken] = whole[: whole.index("{")] + "{broken]"
    cache.write_text("\n".join(lines) + "\n", encoding="utf-8")
    site = {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    _render(project)
    assert {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()} == site
    assert _stored(project)[str(path)] == json.loads(whole)[1:]


def _problems(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ": warning: " in line or ": error: " in line]


def test_the_check_is_kept_while_nothing_it_reads_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A render whose content/, articles and code are those of the last check replays
    its findings (`.sitegen-cache/checked.json`), warnings included, without checking
    again. An article edited or gone is checked again though content/ is the same;
    `sitegen check` always checks."""
    from sitegen.factbase import check

    project = _project(tmp_path / "project")
    path, text = _a_claim(project)
    path.write_text(text + "note_x: 1\n", encoding="utf-8")
    checks: list[int] = []
    real = check._Checker.run
    monkeypatch.setattr(
        check._Checker, "run", lambda self, files: checks.append(1) or real(self, files)
    )
    first = run_sitegen("render", "--project", str(project))
    again = run_sitegen("render", "--project", str(project))
    assert first.returncode == again.returncode == 0
    assert any("unknown field 'note_x'" in line for line in _problems(first.stderr))
    assert _problems(again.stderr) == _problems(first.stderr) and len(checks) == 1

    source = sorted((project / "content" / "sources").glob("*.yaml"))[0]
    file = next(line for line in source.read_text("utf-8").splitlines() if line.startswith("file:"))
    article = project / file.removeprefix("file:").strip()
    article.write_text(article.read_text("utf-8") + "\n", encoding="utf-8")
    edited = run_sitegen("render", "--project", str(project))
    assert "article changed since extraction" in edited.stderr and len(checks) == 2
    assert run_sitegen("check", "--project", str(project)).returncode == 0 and len(checks) == 3

    article.unlink()
    gone = run_sitegen("render", "--project", str(project))
    assert gone.returncode != 0 and len(checks) == 4
    assert any(
        ": error: " in line and file.split("/")[-1] in line for line in _problems(gone.stderr)
    )
