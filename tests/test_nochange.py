"""A build with nothing changed skips the content phase, and nothing it skips matters.

The skip is allowed only when seeds/, content/, the settings and the code are as the
last content phase left them; then running the phase would write nothing and report
the same. These tests hold the skip to that: content/ byte for byte, the same report,
and every later edit (even one that keeps a file's size and time) still seen.
"""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest
import yaml

from sitegen.build import BuildStats, build
from sitegen.config import load_config
from sitegen.factbase.yamledit import update_text
from sitegen.freshness import STAMP
from sitegen.reporter import Reporter

UP_TO_DATE = "up to date (seeds/ and content/ unchanged"


@pytest.fixture
def project(sample_project: Path, tmp_path: Path) -> Path:
    """The built sample (with its extraction cache, so no spaCy run is needed)."""
    root = tmp_path / "story"
    shutil.copytree(sample_project, root, ignore=shutil.ignore_patterns("site"))
    return root


def run_build(root: Path) -> tuple[BuildStats, str]:
    stream = io.StringIO()
    stats = build(load_config(root), Reporter(stream=stream))
    return stats, stream.getvalue()


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def edit_statement(path: Path, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    record = yaml.safe_load(text)
    record["statement"] = new
    path.write_text(update_text(text, record), encoding="utf-8")


def claim_page(root: Path, claim: Path) -> str:
    return (root / "site" / "claims" / claim.stem / "index.html").read_text(encoding="utf-8")


def test_nothing_changed_skips_the_content_phase_and_writes_nothing(project: Path) -> None:
    first, _ = run_build(project)  # a new folder: the phase runs and stamps what it left
    before = tree(project / "content")
    second, report = run_build(project)
    assert UP_TO_DATE in report and "is up to date" in report
    assert tree(project / "content") == before
    assert (second.sources, second.people, second.claims, second.multi_source_claims) == (
        first.sources,
        first.people,
        first.claims,
        first.multi_source_claims,
    )
    # running the phase for real gives the same content/, byte for byte
    (project / ".sitegen-cache" / STAMP).unlink()
    _, report = run_build(project)
    assert UP_TO_DATE not in report and "0 files changed" in report
    assert tree(project / "content") == before


def test_a_hand_edit_after_a_skipped_build_is_kept_and_shown(project: Path) -> None:
    run_build(project)
    run_build(project)  # skipped
    claim = sorted((project / "content" / "claims").glob("*.yaml"))[0]
    edit_statement(claim, "Corrected by hand after a skipped build.")
    _, report = run_build(project)
    assert UP_TO_DATE not in report and "1 hand edits kept" in report
    assert "Corrected by hand after a skipped build." in claim.read_text(encoding="utf-8")
    assert "Corrected by hand after a skipped build." in claim_page(project, claim)
    _, report = run_build(project)
    assert UP_TO_DATE in report, "the build that took the edit in stamped it"
    assert "Corrected by hand after a skipped build." in claim.read_text(encoding="utf-8")


def test_an_edit_keeping_size_and_modification_time_is_still_seen(project: Path) -> None:
    run_build(project)
    claim = sorted((project / "content" / "claims").glob("*.yaml"))[-1]
    text = claim.read_text(encoding="utf-8")
    record = yaml.safe_load(text)
    swapped = record["statement"].swapcase()
    assert swapped != record["statement"]
    stat = claim.stat()
    claim.write_text(text.replace(record["statement"], swapped, 1), encoding="utf-8")
    os.utime(claim, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert claim.stat().st_size == stat.st_size
    _, report = run_build(project)
    assert UP_TO_DATE not in report
    assert yaml.safe_load(claim.read_text(encoding="utf-8"))["statement"] == swapped


def test_settings_and_a_new_article_make_the_phase_run(project: Path) -> None:
    run_build(project)
    (project / "sitegen.yaml").write_text("description: Changed\n", encoding="utf-8")
    _, report = run_build(project)
    assert UP_TO_DATE not in report
    (project / "seeds" / "zz-note.md").write_text(
        "---\ntitle: A short note\ndate: sometime in March\n---\n\n"
        "The mayor of Kyoto said on Tuesday that the volunteers had left.\n",
        encoding="utf-8",
    )
    _, report = run_build(project)
    assert UP_TO_DATE not in report and "not a recognisable date" in report
    _, report = run_build(project)
    assert UP_TO_DATE in report
    assert "not a recognisable date" in report, "a skipped build repeats the warnings"


def test_a_file_digest_is_the_sha256_of_its_bytes_and_none_for_no_regular_file(
    tmp_path: Path,
) -> None:
    """Every cache of sitegen keys a file by `file_digest`, read with `os.read` to the
    file's end; a missing file, a folder or a FIFO (never opened to wait) has none."""
    import hashlib

    from sitegen.freshness import file_digest

    sizes = {"empty": b"", "small": b"id: a\n", "large": os.urandom(3 * 2**20 + 7)}
    for name, data in sizes.items():
        (tmp_path / name).write_bytes(data)
        assert file_digest(tmp_path / name) == hashlib.sha256(data).hexdigest()
    os.mkfifo(tmp_path / "fifo")
    assert [file_digest(tmp_path / name) for name in ("missing", "fifo", ".")] == [None] * 3
