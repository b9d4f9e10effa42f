"""Atomic writes keep the permissions a plain write would give (mkstemp's are 0600)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from sitegen.fsutil import atomic_write, staging_dir


def umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    path = tmp_path / "content" / "claims" / "a.yaml"
    atomic_write(path, "id: a\n")
    assert mode(path) == 0o666 & ~umask()


def test_a_rewritten_file_keeps_its_permissions(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("id: a\n", encoding="utf-8")
    path.chmod(0o640)
    atomic_write(path, "id: b\n", durable=False)
    assert mode(path) == 0o640
    assert path.read_text(encoding="utf-8") == "id: b\n"


def test_a_staged_site_is_readable_like_the_one_it_replaces(tmp_path: Path) -> None:
    assert mode(staging_dir(tmp_path / "site")) == 0o777 & ~umask()
    (tmp_path / "site").mkdir(mode=0o755)
    (tmp_path / "site").chmod(0o751)
    assert mode(staging_dir(tmp_path / "site")) == 0o751
