"""Atomic writes keep the permissions a plain write would give (mkstemp's are 0600);
streamed writes leave an unchanged file alone; many writes are checked one by one
before each rename and leave no temp file; a drained file cache keeps nothing."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

import pytest

from sitegen import fsutil
from sitegen.filecache import FileCache
from sitegen.fsutil import (
    atomic_write,
    remove_tree,
    replace_tree,
    staging_dir,
    write_many,
    write_stream,
)


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


def test_a_streamed_write_replaces_only_a_changed_file(tmp_path: Path) -> None:
    path = tmp_path / ".sitegen" / "snapshot.json"
    chunks = ["{", '"records": ', "{}", "}", "\n"]
    sha = write_stream(path, iter(chunks))
    assert path.read_text(encoding="utf-8") == "".join(chunks)
    assert sha == hashlib.sha256("".join(chunks).encode()).hexdigest()
    inode = path.stat().st_ino
    assert write_stream(path, iter(chunks)) == sha
    assert path.stat().st_ino == inode  # the same text: the file was not replaced
    write_stream(path, iter(["{}", "\n"]))
    assert path.read_text(encoding="utf-8") == "{}\n" and path.stat().st_ino != inode
    assert mode(path) == 0o666 & ~umask()
    assert [p.name for p in path.parent.iterdir()] == ["snapshot.json"]  # no temp files


def test_a_drained_cache_hands_each_file_back_once(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("id: a\n", encoding="utf-8")
    cache = FileCache()
    first = cache.yaml(path)
    assert cache.yaml(path) is first  # kept while the file is unchanged
    cache.drain()
    assert cache.yaml(path) is first  # handed back once more...
    again = cache.yaml(path)
    assert again is not first and again.data == first.data  # ...then read afresh
    assert cache.yaml(path) is not again  # and nothing new is kept


def test_removing_a_site_takes_every_file_and_follows_no_link(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("kept", encoding="utf-8")
    site = staging_dir(tmp_path / "site")
    for depth in ("a", "a/b", "a/b/c", "a/b/c/d"):
        (site / depth).mkdir()
        for n in range(300):  # more files than one task unlinks
            (site / depth / f"{n}.html").write_text("x", encoding="utf-8")
    (site / "a" / "out").symlink_to(outside)
    (site / "a" / "b" / "out").symlink_to(outside)
    for thread in remove_tree(site):
        thread.join()
    assert not site.exists()
    assert (outside / "keep.txt").read_text(encoding="utf-8") == "kept"


def test_a_replaced_site_is_removed_by_a_process_of_its_own(tmp_path: Path) -> None:
    target, trash = tmp_path / "site", tmp_path / "cache" / "trash"
    for text in ("old", "new"):
        staging = staging_dir(target)
        (staging / "claims" / "a").mkdir(parents=True)
        (staging / "claims" / "a" / "index.html").write_text(text, encoding="utf-8")
        replace_tree(staging, target, trash)
    assert (target / "claims" / "a" / "index.html").read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "site"]  # nothing beside
    for process in fsutil._removers:
        process.wait(timeout=60)
    assert trash.is_dir() and not list(trash.iterdir())


def test_emptying_the_trash_removes_only_sitegens_folders(tmp_path: Path) -> None:
    """The cache folder is a setting: a folder a person keeps in its trash/ stays."""
    trash = tmp_path / "trash"
    trash.mkdir()
    site = staging_dir(tmp_path / "site")  # holds sitegen's marker
    (site / "index.html").write_text("old", encoding="utf-8")
    site.rename(trash / "old-site")
    kept = trash / "notes"
    kept.mkdir()
    (kept / "mine.txt").write_text("kept", encoding="utf-8")
    (trash / "empty").mkdir()
    fsutil.empty_trash(trash)
    assert sorted(p.name for p in trash.iterdir()) == ["notes"]
    assert (kept / "mine.txt").read_text(encoding="utf-8") == "kept"


def test_many_writes_replace_only_what_the_check_allows_and_leave_no_temp_files(
    tmp_path: Path,
) -> None:
    kept = tmp_path / "claims" / "kept.yaml"
    kept.parent.mkdir()
    kept.write_text("id: kept\n", encoding="utf-8")
    texts = {tmp_path / "claims" / f"{name}.yaml": f"id: {name}\n" for name in ("a", "b", "kept")}
    asked: list[Path] = []
    temps: list[int] = []

    def replace(path: Path) -> bool:
        asked.append(path)
        temps.append(len(list(path.parent.glob(".*.tmp"))))
        return path != kept

    assert write_many(texts, replace) == [kept]
    assert asked == list(texts)  # in order, once each
    assert temps == [3, 2, 1]  # asked once every temp file was written
    assert kept.read_text(encoding="utf-8") == "id: kept\n"
    assert (tmp_path / "claims" / "a.yaml").read_text(encoding="utf-8") == "id: a\n"
    assert mode(tmp_path / "claims" / "b.yaml") == 0o666 & ~umask()
    assert sorted(p.name for p in kept.parent.iterdir()) == ["a.yaml", "b.yaml", "kept.yaml"]


def test_a_failed_write_among_many_replaces_nothing(tmp_path: Path) -> None:
    (tmp_path / "people").write_text("a file where a folder should be", encoding="utf-8")
    texts = {tmp_path / "claims" / "a.yaml": "id: a\n", tmp_path / "people" / "b.yaml": "id: b\n"}
    with pytest.raises(OSError):
        write_many(texts, lambda _: True)
    assert list((tmp_path / "claims").iterdir()) == []  # its temp file removed, not renamed


def test_many_writes_interrupted_leave_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import concurrent.futures
    from concurrent.futures import ThreadPoolExecutor

    class Interrupted(ThreadPoolExecutor):
        def submit(self, *args, **kwargs):  # type: ignore[no-untyped-def, override]
            if len(calls) == 2:
                raise KeyboardInterrupt  # Ctrl-C while the writes are handed out
            calls.append(1)
            return super().submit(*args, **kwargs)

    calls: list[int] = []
    # write_many imports it when called: patched where it looks
    monkeypatch.setattr(concurrent.futures, "ThreadPoolExecutor", Interrupted)
    texts = {tmp_path / f"{n}.yaml": f"id: {n}\n" for n in "abcd"}
    with pytest.raises(KeyboardInterrupt):
        write_many(texts, lambda _: True)
    assert list(tmp_path.iterdir()) == []  # the two temp files written are removed
