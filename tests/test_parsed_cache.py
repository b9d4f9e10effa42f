"""`sitegen render` keeps content/ as it parsed it (`.sitegen-cache/content.jsonl`) and
parses again only the files changed since: an edit always shows, a damaged or stale
cache costs a parse, never a wrong page."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

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
