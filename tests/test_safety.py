"""Untrusted sitegen.yaml, content/ and seeds/: nothing outside the project is read or
written, nothing sitegen did not make is deleted, no edit is lost (issue 18).

Each test tries one kind of attempt and checks both halves of the promise: the run
fails with a clear, located error (or does the right thing), and every file that was
there before is still there, byte for byte.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from sitegen.cli import main
from sitegen.fsutil import OUTPUT_MARKER
from sitegen.lock import project_lock
from sitegen.paths import Within, is_inside
from tests.conftest import REPO, run_sitegen

SAMPLE_CONTENT = REPO / "content"


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file under `folder` (links not followed) -> sha256 of its bytes; sitegen's
    own cache folder (the lock file) aside."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if ".sitegen-cache" in path.parts:
            continue
        if path.is_symlink():
            found[path.relative_to(folder).as_posix()] = "link:" + os.readlink(path)
        elif path.is_file():
            found[path.relative_to(folder).as_posix()] = hashlib.sha256(
                path.read_bytes()
            ).hexdigest()
    return found


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The sample's seeds/ and content/ (already built), in a folder with a neighbour
    folder beside it that no run may touch."""
    root = tmp_path / "project"
    root.mkdir()
    shutil.copytree(REPO / "seeds", root / "seeds")
    shutil.copytree(SAMPLE_CONTENT, root / "content")
    (root / "notes.txt").write_text("the user's own file\n", encoding="utf-8")
    neighbour = tmp_path / "elsewhere"
    neighbour.mkdir()
    (neighbour / "precious.txt").write_text("not sitegen's\n", encoding="utf-8")
    return root


def render(project: Path, *extra: str) -> int:
    return main(["render", "--project", str(project), "-q", *extra])


# -- 1. the site folder may not be the project, above it, or another input -----------

BAD_SITES = [
    ".",
    "./",
    "..",
    "../..",
    "content",
    "content/site",
    "seeds",
    "seeds/../content",
    "templates",
    ".sitegen-cache",
    "../elsewhere",
    "/tmp",
]


@pytest.mark.parametrize("site", BAD_SITES)
def test_a_site_path_that_would_replace_inputs_is_refused(
    project: Path, site: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "sitegen.yaml").write_text(f"title: x\npaths:\n  site: {site!r}\n")
    before = tree_digest(project.parent)
    assert render(project) == 2
    err = capsys.readouterr().err
    assert "sitegen.yaml:3:" in err and "'site' folder" in err and "Traceback" not in err
    assert tree_digest(project.parent) == before


@pytest.mark.parametrize(
    ("key", "value"),
    [("seeds", ".."), ("seeds", "/etc"), ("content", "../elsewhere"), ("cache", "content")],
)
def test_an_input_or_cache_folder_outside_the_project_is_refused(
    project: Path, key: str, value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "sitegen.yaml").write_text(f"paths:\n  {key}: {value!r}\n")
    before = tree_digest(project.parent)
    assert render(project) == 2
    assert "sitegen.yaml:2:" in capsys.readouterr().err
    assert tree_digest(project.parent) == before


def test_a_seeds_folder_linked_out_of_the_project_is_refused(project: Path, tmp_path: Path) -> None:
    shutil.move(project / "seeds", tmp_path / "outside-seeds")
    (project / "seeds").symlink_to(tmp_path / "outside-seeds")
    assert render(project) == 2


def test_a_folder_sitegen_did_not_make_is_never_replaced(project: Path) -> None:
    (project / "site").mkdir()
    (project / "site" / "draft.html").write_text("mine", encoding="utf-8")
    assert render(project) == 2
    assert (project / "site" / "draft.html").read_text() == "mine"
    assert not list(project.glob(".site.*"))


def test_a_site_given_on_the_command_line_may_lie_outside(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "published"
    assert render(project, "--site", str(out)) == 0
    assert (out / "index.html").is_file() and (out / OUTPUT_MARKER).is_file()
    assert render(project, "--site", str(out)) == 0  # its own folder: replaced
    assert render(project, "--site", str(tmp_path / "elsewhere")) == 2  # not its own
    assert (tmp_path / "elsewhere" / "precious.txt").is_file()
    assert render(project, "--site", str(project)) == 2


def test_a_linked_site_is_written_through_and_stays_a_link(project: Path, tmp_path: Path) -> None:
    target = tmp_path / "pages-checkout"
    (project / "site").symlink_to(target, target_is_directory=True)
    for _ in range(3):
        assert render(project) == 0
        assert (project / "site").is_symlink()
        assert (target / "index.html").is_file()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".pages-checkout")] or all(
        not p.name.endswith(".new") for p in tmp_path.iterdir()
    )
    # a link to a folder holding someone else's files is refused, the files untouched
    (project / "site").unlink()
    (project / "site").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    assert render(project) == 2
    assert (tmp_path / "elsewhere" / "precious.txt").read_text() == "not sitegen's\n"


# -- 2. the write journal may name fact-base files only --------------------------------

HOSTILE_KEYS = [
    "../../x.txt",
    "claims/../../sitegen.yaml",
    "claims/../../../elsewhere/precious.txt",
    "/etc/hostname",
    "claims/x.txt",
    "claims/.hidden.yaml",
    "other/x.yaml",
]


@pytest.mark.parametrize("key", HOSTILE_KEYS)
@pytest.mark.parametrize("text", ["pwned\n", None])
def test_a_hostile_journal_writes_and_deletes_nothing(
    project: Path, key: str, text: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    journal = {"writes": {key: text}, "snapshot": {"records": {}}}
    (project / "content" / ".sitegen" / "journal.json").write_text(json.dumps(journal))
    (project / "sitegen.yaml").write_text("title: x\n")
    before = tree_digest(project.parent)
    assert main(["extract", "--project", str(project), "-q"]) == 1
    assert "journal" in capsys.readouterr().err
    assert tree_digest(project.parent) == before


def test_a_journal_through_a_linked_kind_folder_is_refused(project: Path, tmp_path: Path) -> None:
    shutil.rmtree(project / "content" / "people")
    (project / "content" / "people").symlink_to(tmp_path / "elsewhere")
    journal = {"writes": {"people/precious.yaml": "x: 1\n"}, "snapshot": {"records": {}}}
    (project / "content" / ".sitegen" / "journal.json").write_text(json.dumps(journal))
    assert main(["extract", "--project", str(project), "-q"]) == 1
    assert not (tmp_path / "elsewhere" / "precious.yaml").exists()


def test_a_journal_left_half_applied_is_finished_and_an_edit_saved_since_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sitegen.factbase import journal

    content = tmp_path / "content"
    claims = content / "claims"
    claims.mkdir(parents=True)
    old = {"claims/a.yaml": "id: a\n", "claims/c.yaml": "id: c\n", "claims/d.yaml": "id: d\n"}
    for name, text in old.items():
        (content / name).write_text(text, encoding="utf-8")
    writes = {
        "claims/a.yaml": "id: a\nnew: 1\n",
        "claims/b.yaml": "id: b\n",
        "claims/c.yaml": "id: c\nnew: 1\n",
        "claims/d.yaml": None,
    }
    expected = {name: hashlib.sha256(old[name].encode()).hexdigest() for name in old}
    snapshot = {"claims": {"a": {"id": "a", "new": 1}, "b": {"id": "b"}}}

    def killed(*_: object) -> None:
        raise KeyboardInterrupt  # the build dies once its journal is on disk

    monkeypatch.setattr(journal, "_apply", killed)
    with pytest.raises(KeyboardInterrupt):
        journal.commit(content, writes, snapshot, expected)
    monkeypatch.undo()
    (claims / "a.yaml").write_text(writes["claims/a.yaml"], encoding="utf-8")  # applied
    (claims / ".b.yaml.abcd1234.tmp").write_text("id: b\n", encoding="utf-8")  # not renamed
    (claims / "c.yaml").write_text("id: c\nmine: 1\n", encoding="utf-8")  # a person's save

    committed = journal.recover(content)
    assert committed is not None and committed.kept == ["claims/c.yaml"]
    assert sorted(p.name for p in claims.iterdir()) == ["a.yaml", "b.yaml", "c.yaml"]
    assert (claims / "b.yaml").read_text(encoding="utf-8") == "id: b\n"
    assert (claims / "c.yaml").read_text(encoding="utf-8") == "id: c\nmine: 1\n"
    assert journal.load_snapshot(content) == snapshot
    assert not (content / ".sitegen" / "journal.json").exists()


def test_a_snapshot_of_the_wrong_shape_is_a_located_error(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "content" / ".sitegen" / "snapshot.json").write_text('{"records": {"claims": [1]}}')
    assert main(["extract", "--project", str(project), "-q"]) == 3
    err = capsys.readouterr().err
    assert "snapshot.json" in err and "Traceback" not in err


# -- 3. a source's file must be a regular file in the seeds folder ---------------------


def _point_source_at(project: Path, file: str) -> Path:
    path = sorted((project / "content" / "sources").glob("*.yaml"))[0]
    text = path.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith("file:"))
    path.write_text(text.replace(line, f"file: {json.dumps(file)}"), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "file",
    [
        "../../../../../../etc/passwd",
        "seeds/../../../../../../proc/self/environ",
        "/proc/self/environ",
        "seeds/../sitegen.yaml",
        "seeds/../notes.txt",
        "seeds/link-out.txt",
        "seeds/zero.txt",
        "seeds/fifo.txt",
        "seeds\\..\\notes.txt",
    ],
)
def test_a_source_file_outside_seeds_or_not_regular_is_never_read(
    project: Path, file: str, tmp_path: Path
) -> None:
    (project / "seeds" / "link-out.txt").symlink_to("/etc/passwd")
    (project / "seeds" / "zero.txt").symlink_to("/dev/zero")
    os.mkfifo(project / "seeds" / "fifo.txt")
    source = _point_source_at(project, file)
    (project / "sitegen.yaml").write_text("title: x\n")
    started = time.monotonic()
    result = run_sitegen("check", "--project", str(project))
    assert result.returncode == 1, result.stderr
    assert f"{source.relative_to(project).as_posix()}:" in result.stderr
    assert "Traceback" not in result.stderr and time.monotonic() - started < 30
    assert render(project) == 1
    site = project / "site"
    assert not site.exists() or "root:" not in "".join(
        p.read_text(errors="replace") for p in site.rglob("*.html")
    )


def test_a_content_file_linked_out_of_content_is_not_read(project: Path, tmp_path: Path) -> None:
    secret = tmp_path / "elsewhere" / "secret.yaml"
    secret.write_text("id: secret\nname: Top Secret\naliases: []\n")
    (project / "content" / "people" / "secret.yaml").symlink_to(secret)
    assert render(project) == 1
    assert "Top Secret" not in "".join(
        p.read_text() for p in (project / "site").rglob("*.html") if (project / "site").exists()
    )


def test_within_sees_links_of_files_and_of_folders(tmp_path: Path) -> None:
    """The checker used when reading every file of a folder agrees with a full resolve."""
    content, outside = tmp_path / "content", tmp_path / "outside"
    (content / "claims").mkdir(parents=True)
    outside.mkdir()
    (outside / "secret.yaml").write_text("x")
    (content / "claims" / "plain.yaml").write_text("x")
    (content / "claims" / "linked.yaml").symlink_to(outside / "secret.yaml")
    (content / "claims" / "inner.yaml").symlink_to(content / "claims" / "plain.yaml")
    (content / "people").symlink_to(outside)
    inside = Within(content)
    paths = [
        content / "claims" / "plain.yaml",
        content / "claims" / "linked.yaml",
        content / "claims" / "inner.yaml",
        content / "people" / "secret.yaml",
    ]
    assert [inside(p) for p in paths] == [True, False, True, False]
    assert [inside(p) for p in paths] == [is_inside(p, content) for p in paths]


def test_reading_content_refuses_the_files_linked_out_as_the_folder_lists_them(
    tmp_path: Path,
) -> None:
    """Which files of content/ are links is taken from their folder's listing, not
    asked of each file: a link leading out is refused, YAML or page, and a link to a
    file inside is read like the file, in name order."""
    from sitegen.factbase.files import read_files

    content, outside = tmp_path / "content", tmp_path / "outside"
    (content / "claims").mkdir(parents=True)
    (content / "pages").mkdir()
    outside.mkdir()
    (outside / "secret.yaml").write_text("id: secret\n")
    (outside / "secret.md").write_text("---\ntitle: Secret\n---\nSecret\n")
    (content / "claims" / "plain.yaml").write_text("id: plain\n")
    (content / "claims" / "notes.txt").write_text("not YAML")
    (content / "claims" / "linked.yaml").symlink_to(outside / "secret.yaml")
    (content / "claims" / "inner.yaml").symlink_to(content / "claims" / "plain.yaml")
    (content / "pages" / "linked.md").symlink_to(outside / "secret.md")
    reading = read_files(content)
    read = [(doc.path.name, doc.data) for doc in reading.files.documents["claims"]]
    assert read == [("inner.yaml", {"id": "plain"}), ("plain.yaml", {"id": "plain"})]
    assert reading.files.pages == []
    refused = sorted(Path(exc.location.path).name for exc in reading.failures if exc.location)
    assert refused == ["linked.md", "linked.yaml"] and len(reading.failures) == 2
    assert all("leads out of content/" in exc.message for exc in reading.failures)


# -- 4. an edit saved while a build runs is never lost ---------------------------------


def _claim_files(project: Path) -> list[Path]:
    return sorted((project / "content" / "claims").glob("*.yaml"))


def _edit_statement(path: Path, statement: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines = [
        f"statement: {json.dumps(statement)}\n" if x.startswith("statement:") else x for x in lines
    ]
    path.write_text("".join(lines), encoding="utf-8")


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    """A built two-article project (cheap to extract again)."""
    root = tmp_path / "tiny"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "a.txt").write_text(
        "Harbor bridge closes\n\nThe city council voted on Monday to close the Harbor Bridge "
        "for repairs, Mayor Ana Ruiz said.\n\n“It is no longer safe,” Ruiz said.\n",
        encoding="utf-8",
    )
    (root / "seeds" / "b.txt").write_text(
        "Bridge to close\n\nThe Harbor Bridge will close for repairs after a council vote "
        "on Monday, Mayor Ana Ruiz said.\n",
        encoding="utf-8",
    )
    assert main(["build", "--project", str(root), "-q"]) == 0
    return root


def test_an_edit_saved_during_extraction_is_merged(
    tiny: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sitegen.pipeline

    target = _claim_files(tiny)[0]
    real_merge = sitegen.pipeline.merge_facts

    def extract_while_a_person_saves(*args, **kwargs):
        extraction = real_merge(*args, **kwargs)
        _edit_statement(target, "Edited while the build ran.")
        return extraction

    monkeypatch.setattr(sitegen.pipeline, "merge_facts", extract_while_a_person_saves)
    (tiny / "seeds" / "c.txt").write_text("Bridge news\n\nThe bridge closes Monday.\n")
    assert main(["extract", "--project", str(tiny), "-q"]) == 0
    assert "Edited while the build ran." in target.read_text(encoding="utf-8")
    monkeypatch.undo()
    assert main(["extract", "--project", str(tiny), "-q"]) == 0  # and it stays the truth
    assert "Edited while the build ran." in target.read_text(encoding="utf-8")


def test_an_edit_saved_between_the_check_and_the_write_is_kept(
    tiny: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sitegen.pipeline

    real_commit = sitegen.pipeline.commit
    edited: list[Path] = []

    def commit_after_a_save(content, writes, snapshot, expected):
        name = next(n for n, text in writes.items() if text and (content / n).exists())
        path = content / name
        path.write_text(path.read_text(encoding="utf-8") + "# saved at the last moment\n")
        edited.append(path)
        return real_commit(content, writes, snapshot, expected)

    monkeypatch.setattr(sitegen.pipeline, "commit", commit_after_a_save)
    (tiny / "seeds" / "b.txt").write_text(
        (tiny / "seeds" / "b.txt").read_text() + "\nThe repairs will cost $4 million.\n"
    )
    assert main(["extract", "--project", str(tiny)]) == 0
    assert "# saved at the last moment" in edited[0].read_text(encoding="utf-8")
    assert "your version is kept" in capsys.readouterr().err


def test_an_edit_saved_during_a_real_build_survives(tiny: Path) -> None:
    target = _claim_files(tiny)[0]
    (tiny / "seeds" / "c.txt").write_text(
        "Bridge news\n\n" + "The Harbor Bridge closes on Monday, officials said. " * 40 + "\n"
    )
    shutil.rmtree(tiny / ".sitegen-cache")  # every article parsed again: a longer build
    build = subprocess.Popen(
        [sys.executable, "-m", "sitegen", "build", "--project", str(tiny), "-q"],
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(1.0)
    _edit_statement(target, "Saved during a real build.")
    _, err = build.communicate(timeout=300)
    assert build.returncode == 0, err
    assert "Saved during a real build." in target.read_text(encoding="utf-8")


# -- 5. one run at a time --------------------------------------------------------------


def test_concurrent_renders_leave_a_whole_site(project: Path) -> None:
    (project / "sitegen.yaml").write_text("title: x\n")
    assert render(project) == 0
    expected = tree_digest(project / "site")
    for _ in range(2):
        runs = [
            subprocess.Popen(
                [sys.executable, "-m", "sitegen", "render", "--project", str(project), "-q"],
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(3)
        ]
        for run in runs:
            _, err = run.communicate(timeout=120)
            assert run.returncode in (0, 6), err
        assert tree_digest(project / "site") == expected
        assert not [p for p in project.iterdir() if p.name.startswith(".site.")]


def test_a_held_lock_names_its_holder(project: Path) -> None:
    with project_lock(project / ".sitegen-cache"):
        result = subprocess.run(
            [sys.executable, "-m", "sitegen", "render", "--project", str(project)],
            capture_output=True,
            text=True,
            env={**os.environ, "SITEGEN_LOCK_WAIT": "0.3"},
            timeout=60,
        )
    assert result.returncode == 6
    assert f"process {os.getpid()}" in result.stderr and "Traceback" not in result.stderr


def test_a_crashed_holders_lock_is_taken_over(project: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from sitegen.lock import project_lock\n"
            f"with project_lock(Path({str(project / '.sitegen-cache')!r})):\n"
            "    print('held', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "held"
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    assert render(project) == 0


# -- 6. ids never steal ----------------------------------------------------------------


def test_a_new_article_whose_name_slugs_alike_gets_a_new_id(tiny: Path) -> None:
    sources = tiny / "content" / "sources"
    (tiny / "seeds" / "a.txt").rename(tiny / "seeds" / "x-y.txt")
    assert main(["build", "--project", str(tiny), "-q"]) == 0
    original = sources / "x-y.yaml"
    text = original.read_text(encoding="utf-8")
    original.write_text(text.replace("title:", "publisher: Hand Edited\ntitle:", 1))
    (tiny / "seeds" / "x y.txt").write_text("Another bridge\n\nA ferry will run instead.\n")
    assert main(["build", "--project", str(tiny), "-q"]) == 0
    kept = original.read_text(encoding="utf-8")
    assert "file: seeds/x-y.txt" in kept and "publisher: Hand Edited" in kept
    newcomer = (sources / "x-y-2.yaml").read_text(encoding="utf-8")
    assert "file: seeds/x y.txt" in newcomer


def test_two_sources_naming_one_file_is_an_error(project: Path) -> None:
    first, second = sorted((project / "content" / "sources").glob("*.yaml"))[:2]
    file_line = next(x for x in first.read_text().splitlines() if x.startswith("file:"))
    second_text = second.read_text()
    second_line = next(x for x in second_text.splitlines() if x.startswith("file:"))
    second.write_text(second_text.replace(second_line, file_line))
    result = run_sitegen("check", "--project", str(project))
    assert result.returncode == 1 and "is already the file of source" in result.stderr


# -- 8. XML output stays XML -----------------------------------------------------------


def test_control_characters_never_break_the_feed_or_sitemap(project: Path) -> None:
    claim = _claim_files(project)[0]
    _edit_statement(claim, "A form\ffeed, a vertical\vtab and a bell\a in a statement.")
    assert render(project, "--base-url", "https://example.org/story/") == 0
    for name in ("feed.xml", "sitemap.xml"):
        ET.parse(project / "site" / name)  # raises on a character XML forbids
    assert "A form feed" in (project / "site" / "feed.xml").read_text(encoding="utf-8")


# -- 9, 10. clear errors, never a traceback --------------------------------------------


@pytest.mark.parametrize(
    ("settings", "line"),
    [
        ('base_url: "https://example.org/\\nDisallow: /"\n', 1),
        ("title: x\nbase_url: 'https://exa mple.org/'\n", 2),
        ("base_url: javascript:alert(1)\n", 1),
    ],
)
def test_a_bad_base_url_is_a_located_error(
    project: Path, settings: str, line: int, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "sitegen.yaml").write_text(settings)
    assert render(project) == 2
    assert f"sitegen.yaml:{line}:" in capsys.readouterr().err
    assert render(project.parent / "nowhere") == 2


def test_a_bad_base_url_option_is_refused(project: Path, capsys) -> None:
    assert render(project, "--base-url", "https://example.org/\nx") == 2
    assert "--base-url" in capsys.readouterr().err


def test_a_huge_integer_in_yaml_is_a_located_error(project: Path) -> None:
    claim = _claim_files(project)[0]
    claim.write_text(claim.read_text() + "extra: " + "9" * 5000 + "\n")
    result = run_sitegen("check", "--project", str(project))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{claim.name}:" in result.stderr


def test_a_full_disk_is_an_error_not_a_traceback(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import errno

    import sitegen.render.site

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(project / "site"))

    monkeypatch.setattr(sitegen.render.site, "copy_static", full)
    assert render(project) == 7
    err = capsys.readouterr().err
    assert "No space left on device" in err and "Traceback" not in err
    assert not [p for p in project.iterdir() if p.name.startswith(".site.")]


def test_a_bad_port_is_a_usage_error() -> None:
    result = run_sitegen("serve", "--port", "99999")
    assert result.returncode == 2 and "port" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("blocker", ["file", "dangling-link"])
@pytest.mark.parametrize("name", ["seeds", ".github"])
def test_init_checks_everything_before_writing(tmp_path: Path, blocker: str, name: str) -> None:
    root = tmp_path / "new"
    root.mkdir()
    if blocker == "file":
        (root / name).write_text("x")
    else:
        (root / name).symlink_to(tmp_path / "missing")
    assert main(["init", str(root), "-q"]) == 2
    assert sorted(p.name for p in root.iterdir()) == [name]  # nothing else was written


def test_one_broken_file_is_counted_once(project: Path, capsys) -> None:
    claim = _claim_files(project)[0]
    claim.write_text("id: 5\nstatement: [1]\npeople: 3\ncitations: x\nstatus: corroborated\n")
    assert main(["extract", "--project", str(project), "-q"]) == 1
    assert "1 file in content/ cannot be merged" in capsys.readouterr().err
