"""The dev server's incremental renders: few pages and pieces drawn, the same site.

Each edit goes through what `sitegen serve` runs after a save (the parsed-file cache,
the keys of the edited files, the render in place), and the site is then compared,
file by file, with a full render of the same content into another folder.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import threading
import time
from pathlib import Path

import pytest
import yaml

from sitegen.config import Config, load_config
from sitegen.factbase.store import load_factbase
from sitegen.factbase.yamledit import update_text
from sitegen.filecache import FileCache
from sitegen.render import RenderResult, pagefind, render_site
from sitegen.render.incremental import Incremental
from sitegen.render.site import TRASH
from sitegen.reporter import Reporter
from sitegen.serve import Builder
from sitegen.serve.http import LiveState
from sitegen.serve.watcher import Changes


class Session:
    """A project rendered the way the dev server renders it, one edit at a time."""

    def __init__(self, root: Path) -> None:
        self.config = load_config(root)
        self.files = FileCache()
        self.incremental = Incremental()
        self.render(None)

    def render(self, changed: set[str] | None) -> RenderResult:
        reporter = Reporter(stream=io.StringIO())
        self.incremental.changed = changed
        base = load_factbase(self.config, reporter, self.files)
        result = render_site(self.config, base, reporter, self.incremental, self.files.article)
        self.incremental.indexer.wait()  # the search index, made again in the background
        return result

    def edit(self, kind: str, object_id: str, **fields: object) -> RenderResult:
        path = self.config.content / kind / f"{object_id}.yaml"
        text = path.read_text(encoding="utf-8")
        record = yaml.safe_load(text)
        record.update(fields)
        path.write_text(update_text(text, record), encoding="utf-8")
        return self.render({f"{kind}/{object_id}"})


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def full_render(config: Config, into: Path) -> dict[str, bytes]:
    """The same content rendered from scratch, in another project folder."""
    # not the site, nor an old one being deleted in the background after a swap
    shutil.copytree(config.root, into, ignore=shutil.ignore_patterns("site", ".site.*", TRASH))
    other = load_config(into)
    reporter = Reporter(stream=io.StringIO())
    render_site(other, load_factbase(other, reporter), reporter)
    return tree(other.site)


@pytest.fixture
def session(sample_project: Path, tmp_path: Path) -> Session:
    root = tmp_path / "story"
    shutil.copytree(sample_project, root, ignore=shutil.ignore_patterns("site"))
    return Session(root)


def records(config: Config, kind: str) -> dict[str, dict]:
    return {
        p.stem: yaml.safe_load(p.read_text(encoding="utf-8"))
        for p in sorted((config.content / kind).glob("*.yaml"))
    }


def test_list_pages_are_drawn_again_only_for_what_they_show(
    session: Session, tmp_path: Path
) -> None:
    config = session.config
    claims = records(config, "claims")
    person_id = next(iter(records(config, "people")))
    drawn = session.edit("people", person_id, description="Edited role line").drawn
    assert {"index.html", "people/index.html", f"people/{person_id}/index.html"} <= set(drawn)
    assert not {"claims/index.html", "feed.xml", "sources/index.html"} & set(drawn), (
        "the claims list, the feed and the sources list show no person"
    )
    naming = {c for c, r in claims.items() if person_id in (r.get("people") or [])}
    assert {f"claims/{c}/index.html" for c in naming} <= set(drawn)

    claim_id = next(c for c in claims if c not in naming)
    pieces = session.incremental.fragments.drawn
    drawn = session.edit("claims", claim_id, statement="An edited statement.").drawn
    assert {"index.html", "claims/index.html", "feed.xml", f"claims/{claim_id}/index.html"} <= set(
        drawn
    )
    assert "people/index.html" not in drawn or claims[claim_id].get("people")
    redrawn = session.incremental.fragments.drawn - pieces
    # its items on the overview (key facts, timeline) and in the claims list, its row of
    # the coverage matrix (table and phone list), its feed entry, its open-data entries
    # (JSON and CSV): not the other claims' pieces
    assert 0 < redrawn <= 9 < len(claims), f"{redrawn} pieces drawn again"
    assert len(drawn) < len(claims) // 2

    first, *_, source_id = records(config, "sources")
    drawn = session.edit("sources", source_id, title="An edited headline").drawn
    assert {
        "claims/index.html",
        "sources/index.html",
        f"sources/{source_id}/index.html",
        "feed.xml",
    } <= set(drawn)
    assert "people/index.html" not in drawn
    assert tree(config.site) == full_render(config, tmp_path / "fresh")

    # with no title configured, the first source's headline titles every page
    assert not config.title
    drawn = session.edit("sources", first, title="A new title for the story").drawn
    assert set(drawn) == {p for p in tree(config.site) if p.endswith((".html", ".xml", ".txt"))}
    assert tree(config.site) == full_render(config, tmp_path / "fresh-title")


def test_deleted_and_new_claims_match_a_full_render(session: Session, tmp_path: Path) -> None:
    config = session.config
    folder = config.content / "claims"
    first, second = sorted(folder.glob("*.yaml"))[:2]
    first.unlink()
    session.render({f"claims/{first.stem}"})
    assert not (config.site / "claims" / first.stem).exists()
    text = second.read_text(encoding="utf-8")
    record = yaml.safe_load(text)
    record.update(id="a-claim-written-by-hand", statement="A claim written by hand.")
    (folder / "a-claim-written-by-hand.yaml").write_text(
        update_text(text, record), encoding="utf-8"
    )
    drawn = session.render({"claims/a-claim-written-by-hand"}).drawn
    assert "claims/a-claim-written-by-hand/index.html" in drawn
    home = (config.site / "index.html").read_text(encoding="utf-8")
    assert "A claim written by hand." in home and first.stem not in home
    assert tree(config.site) == full_render(config, tmp_path / "fresh")


def test_an_edit_whose_render_failed_is_shown_by_the_next_good_one(
    sample_project: Path, tmp_path: Path
) -> None:
    root = tmp_path / "story"
    shutil.copytree(sample_project, root, ignore=shutil.ignore_patterns("site"))
    builder = Builder(root, load_config(root), Reporter(stream=io.StringIO()), LiveState())
    assert builder.rebuild(Changes(config=True))
    good, broken = sorted((root / "content" / "claims").glob("*.yaml"))[:2]
    text = good.read_text(encoding="utf-8")
    record = yaml.safe_load(text)
    record["statement"] = "Saved while another file was broken."
    good.write_text(update_text(text, record), encoding="utf-8")
    original = broken.read_text(encoding="utf-8")
    broken.write_text("statement: [unclosed\n", encoding="utf-8")
    assert not builder.rebuild(Changes(content={good, broken}))
    broken.write_text(original, encoding="utf-8")
    assert builder.rebuild(Changes(content={broken}))
    page = root / "site" / "claims" / good.stem / "index.html"
    assert "Saved while another file was broken." in page.read_text(encoding="utf-8")
    assert "Saved while another file was broken." in (
        root / "site" / "claims" / "index.html"
    ).read_text(encoding="utf-8")


def test_the_dev_server_reads_only_saved_files_and_renders_what_a_full_render_does(
    sample_project: Path, tmp_path: Path
) -> None:
    """After each save the builder reads again only the files the watcher reported
    (the others as kept), and the site equals a full render: a claim, a person and a
    source edited, a claim deleted. A file changed without an event is seen by the next
    full build (a settings change)."""
    root = tmp_path / "story"
    shutil.copytree(sample_project, root, ignore=shutil.ignore_patterns("site"))
    builder = Builder(root, load_config(root), Reporter(stream=io.StringIO()), LiveState())
    assert builder.rebuild(Changes(config=True))
    config = builder.config
    claims = sorted((config.content / "claims").glob("*.yaml"))
    person = sorted((config.content / "people").glob("*.yaml"))[0]
    source = sorted((config.content / "sources").glob("*.yaml"))[-1]

    def save(path: Path, **fields: object) -> None:
        text = path.read_text(encoding="utf-8")
        record = yaml.safe_load(text)
        record.update(fields)
        path.write_text(update_text(text, record), encoding="utf-8")

    def same_as_full(name: str) -> None:
        builder._incremental.indexer.wait()
        assert tree(config.site) == full_render(config, tmp_path / name), name

    for number, (path, fields) in enumerate(
        [
            (claims[0], {"statement": "An edited statement."}),
            (person, {"description": "An edited role line."}),
            (source, {"title": "An edited headline"}),
        ]
    ):
        save(path, **fields)
        assert builder.rebuild(Changes(content={path}))
        same_as_full(f"edit-{number}")
    claims[1].unlink()
    assert builder.rebuild(Changes(content={claims[1]}))
    assert not (config.site / "claims" / claims[1].stem).exists()
    same_as_full("deleted")

    save(claims[2], statement="Saved while nobody watched.")  # no event for it
    save(claims[0], statement="Edited again.")
    assert builder.rebuild(Changes(content={claims[0]}))
    page = (config.site / "claims" / claims[2].stem / "index.html").read_text(encoding="utf-8")
    assert "Saved while nobody watched." not in page  # trusted as kept until a full build
    assert builder.rebuild(Changes(config=True))
    same_as_full("full-build")
    page = (config.site / "claims" / claims[2].stem / "index.html").read_text(encoding="utf-8")
    assert "Saved while nobody watched." in page


def test_paginated_lists_follow_edits(session: Session, tmp_path: Path) -> None:
    """Every page of a split list shows a slice of the whole: an edit redraws them all,
    and a page the list no longer fills is deleted."""
    config = session.config
    with (config.root / "sitegen.yaml").open("a", encoding="utf-8") as handle:
        handle.write("per_page: 10\n")
    session.config = config = load_config(config.root)
    session.incremental.templates = None  # a new setting: what a config edit does
    session.render(None)
    claims = records(config, "claims")
    pages = len(list((config.site / "claims" / "page").iterdir())) + 1
    assert pages == -(-len(claims) // 10) > 2
    drawn = session.edit("claims", next(iter(claims)), statement="An edited statement.").drawn
    listed = {"claims/index.html", *(f"claims/page/{n}/index.html" for n in range(2, pages + 1))}
    assert listed <= set(drawn)
    named = {other for record in claims.values() for other in record.get("conflicts") or []}
    gone = [c for c in claims if c not in named][: (len(claims) - 1) % 10 + 1]  # a page's worth
    for claim_id in gone:
        (config.content / "claims" / f"{claim_id}.yaml").unlink()
    session.render({f"claims/{c}" for c in gone})
    assert not (config.site / "claims" / "page" / str(pages)).exists()
    assert tree(config.site) == full_render(config, tmp_path / "fresh")


def _indexed_pages(site: Path, bundle: str = pagefind.FOLDER) -> int:
    """Pages in the index bundle `bundle` (a folder relative to `site`)."""
    entry = json.loads((site / bundle / "pagefind-entry.json").read_text())
    return sum(language["page_count"] for language in entry["languages"].values())


def _page(site: Path, name: str, words: int = 0) -> None:
    (site / f"{name}.html").write_text(
        f"<html lang='en'><body><main data-pagefind-body><h1>{name}</h1>"
        f"<p>Page {name} of the story.{' More of it.' * words}</p></main></body></html>",
        encoding="utf-8",
    )


def test_an_edit_during_indexing_does_not_wait_and_is_indexed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The dev server's search index: a save while an index is being made returns at
    once, and the index ends up with every page written before `wait`."""
    if pagefind.executable() is None:
        pytest.skip("Pagefind is not installed")
    gate, real = threading.Event(), pagefind.index_site
    monkeypatch.setattr(pagefind, "index_site", lambda *args: gate.wait(10) and real(*args))
    indexer = pagefind.Background()
    reporter = Reporter(stream=io.StringIO())
    _page(tmp_path, "first")
    indexer.start(tmp_path, reporter)  # held at the gate: still indexing
    _page(tmp_path, "second")
    second = threading.Thread(target=indexer.start, args=(tmp_path, reporter))
    second.start()
    second.join(5)
    assert not second.is_alive()  # returned while the first run was still going
    gate.set()
    indexer.wait()
    assert _indexed_pages(tmp_path) == 2
    _page(tmp_path, "third")
    indexer.start(tmp_path, reporter)
    indexer.wait()
    assert _indexed_pages(tmp_path) == 3
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".pagefind")]


def test_the_dev_servers_indexing_yields_the_cores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The background index runs Pagefind at a lower priority, so the render of the
    next edit is not slowed by it; a one-shot build indexes at full speed."""
    if pagefind.executable() is None:
        pytest.skip("Pagefind is not installed")
    asked: list[int] = []
    real = os.setpriority
    monkeypatch.setattr(
        os, "setpriority", lambda which, pid, value: asked.append(value) or real(which, pid, value)
    )
    _page(tmp_path, "first")
    reporter = Reporter(stream=io.StringIO())
    assert pagefind.index_site(tmp_path, reporter)
    assert asked == []
    indexer = pagefind.Background()
    indexer.start(tmp_path, reporter)
    indexer.wait()
    assert asked == [pagefind.BACKGROUND_NICENESS] and _indexed_pages(tmp_path) == 1


def _fake_pagefind(tmp_path: Path, body: str) -> Path:
    """A stand-in for the Pagefind binary: a shell script (`$2` is the site)."""
    script = tmp_path / "fake-pagefind"
    script.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    script.chmod(0o755)
    return script


@pytest.mark.skipif(os.name != "posix", reason="the stand-in binary is a shell script")
def test_the_files_that_are_not_pages_are_written_while_pagefind_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pagefind indexes a small site mostly on one core, so the render writes its
    other files (data, feed, sitemap) meanwhile: the stand-in ends well only if they
    are written while it runs. An error in writing them stops Pagefind and fails the
    render, not the index (no warning); without Pagefind, or when it cannot start,
    they are written all the same."""
    site = tmp_path / "site"
    site.mkdir()
    waits = 'for i in $(seq 100); do [ -e "$2/written" ] && exit 0; sleep 0.1; done; exit 1'
    monkeypatch.setattr(pagefind, "executable", lambda: _fake_pagefind(tmp_path, waits))
    reporter = Reporter(stream=io.StringIO())

    def write() -> None:
        (site / "written").write_text("")

    assert pagefind.index_site(site, reporter, html_size=0, meanwhile=write)
    assert not reporter.warnings

    (site / "written").unlink()
    monkeypatch.setattr(pagefind, "executable", lambda: _fake_pagefind(tmp_path, "sleep 30"))

    def full_disk() -> None:
        raise OSError(28, "No space left on device")

    started = time.monotonic()
    with pytest.raises(OSError, match="No space left"):
        pagefind.index_site(site, reporter, html_size=0, meanwhile=full_disk)
    assert time.monotonic() - started < 10 and not reporter.warnings

    for binary in (None, tmp_path / "no-such-pagefind"):
        monkeypatch.setattr(pagefind, "executable", lambda binary=binary: binary)
        assert not pagefind.index_site(site, reporter, html_size=0, meanwhile=write)
        assert (site / "written").is_file() and len(reporter.warnings) == 1
        (site / "written").unlink()
        reporter.messages.clear()


def test_a_large_site_is_indexed_in_parts_of_marked_pages(tmp_path: Path) -> None:
    """Pagefind holds the text it indexes in memory, so a site of more text than a part
    holds is indexed part by part, cut by text and not by pages: a long page fills a
    part by itself; parts.json lists the parts after the first, only marked pages are
    shared out (a part of unmarked pages would be indexed whole), and the folders of
    links made for the parts are gone afterwards."""
    if pagefind.executable() is None:
        pytest.skip("Pagefind is not installed")
    site = tmp_path / "site"
    site.mkdir()
    for name in ("a", "b", "c", "d", "e"):
        _page(site, name, words=60 if name == "c" else 0)
    (site / "list.html").write_text("<html><body><p>A list page</p></body></html>")
    reporter = Reporter(stream=io.StringIO())
    short = pagefind.text_size((site / "a.html").read_bytes())
    assert pagefind.index_site(site, reporter, text_per_index=2 * short)
    bundle = site / pagefind.FOLDER
    parts = json.loads((bundle / pagefind.PARTS).read_text())
    assert parts == ["part-1/", "part-2/"]
    folders = [pagefind.FOLDER, *(f"{pagefind.FOLDER}/{part}" for part in parts)]
    assert [_indexed_pages(site, folder) for folder in folders] == [2, 1, 2]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert pagefind.index_site(site, reporter)  # one part: the whole site, no parts listed
    assert json.loads((bundle / pagefind.PARTS).read_text()) == []
    # the render passes the bytes of HTML it wrote: they decide as the walk does, and
    # a site they show to be small is indexed whole without being walked
    html = sum(p.stat().st_size for p in site.glob("*.html"))
    assert pagefind.index_site(site, reporter, text_per_index=2 * short, html_size=html)
    assert json.loads((bundle / pagefind.PARTS).read_text()) == ["part-1/", "part-2/"]
    assert pagefind.index_site(site, reporter, text_per_index=2 * short, html_size=0)
    assert json.loads((bundle / pagefind.PARTS).read_text()) == []


def test_a_part_that_fails_stops_the_index_and_leaves_no_folder_of_links(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The next part's folder of links is made while a part is indexed: when that part
    fails, the later parts are not indexed and every folder made is gone."""
    if pagefind.executable() is None:
        pytest.skip("Pagefind is not installed")
    site = tmp_path / "site"
    site.mkdir()
    for name in ("a", "b", "c", "d"):
        _page(site, name, words=0)
    short = pagefind.text_size((site / "a.html").read_bytes())
    ran: list[Path] = []

    def run(binary: Path, folder: Path, *args: object) -> bool:
        ran.append(folder)
        assert sorted(p.name for p in folder.iterdir()) in (["a.html"], ["b.html"])
        return len(ran) < 2  # the second part fails

    monkeypatch.setattr(pagefind, "_run", run)
    reporter = Reporter(stream=io.StringIO())
    assert not pagefind.index_site(site, reporter, text_per_index=short)
    assert len(ran) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_the_folders_of_later_parts_are_those_of_earlier_parts_moved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A part's folder of links is made from the page folders of the part indexed two
    before it, emptied of their links: where a file system skips recently freed inodes
    one by one, folders made after others were removed cost several times more. Each
    part still holds its own pages only, and nothing is left afterwards."""
    if pagefind.executable() is None:
        pytest.skip("Pagefind is not installed")
    site = tmp_path / "site"
    names = ("a", "b", "c", "d", "e")
    for name in names:
        (site / name).mkdir(parents=True)
        _page(site / name, "index")
    short = pagefind.text_size((site / "a" / "index.html").read_bytes())
    made: list[str] = []
    real_mkdir = os.mkdir
    monkeypatch.setattr(
        os, "mkdir", lambda path, *a, **k: made.append(os.fspath(path)) or real_mkdir(path, *a, **k)
    )
    held: list[list[str]] = []
    real_run = pagefind._run

    def run(binary: Path, folder: Path, *args: object) -> bool:
        held.append(sorted(str(p.relative_to(folder)) for p in folder.rglob("*.html")))
        return real_run(binary, folder, *args)

    monkeypatch.setattr(pagefind, "_run", run)
    reporter = Reporter(stream=io.StringIO())
    assert pagefind.index_site(site, reporter, text_per_index=short)
    assert held == [[f"{name}/index.html"] for name in names]
    page_folders = [path for path in made if os.path.basename(path) in names]
    assert len(page_folders) == 2  # the first two parts'; the others' are moved
    parts = json.loads((site / pagefind.FOLDER / pagefind.PARTS).read_text())
    folders = [pagefind.FOLDER, *(f"{pagefind.FOLDER}/{part}" for part in parts)]
    assert [_indexed_pages(site, folder) for folder in folders] == [1] * len(names)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_the_folders_of_parts_go_to_the_trash_not_waited_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Given a trash folder, the parts' folders of links are moved there and removed by
    a process of its own after the index is made, not by this one while it waits; the
    index is the same and nothing but the site is left once the trash is emptied."""
    if pagefind.executable() is None:
        pytest.skip("Pagefind is not installed")
    site, trash = tmp_path / "site", tmp_path / "trash"
    names = ("a", "b", "c")
    for name in names:
        (site / name).mkdir(parents=True)
        _page(site / name, "index")
    short = pagefind.text_size((site / "a" / "index.html").read_bytes())
    removed_here: list[Path] = []
    monkeypatch.setattr(pagefind, "remove_tree", lambda folder: removed_here.append(folder) or [])
    reporter = Reporter(stream=io.StringIO())
    assert pagefind.index_site(site, reporter, text_per_index=short, trash=trash)
    assert removed_here == []
    parts = json.loads((site / pagefind.FOLDER / pagefind.PARTS).read_text())
    folders = [pagefind.FOLDER, *(f"{pagefind.FOLDER}/{part}" for part in parts)]
    assert [_indexed_pages(site, folder) for folder in folders] == [1] * len(names)
    for _ in range(300):  # the remover is a process of its own
        if not any(trash.iterdir()):
            break
        time.sleep(0.05)
    assert list(trash.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "trash"]


def test_text_is_counted_as_words_split_on_any_space() -> None:
    """Every kind of space `bytes.split()` splits on separates words, runs of them and
    tags count as one, and a word at either end counts."""
    for text in (
        b"",
        b" ",
        b"a",
        b" a ",
        b"\tone\x0btwo\x0cthree\r\nfour  five",
        b"x<b>y</b> z<br>",
    ):
        words = re.sub(rb"<[^>]*>", b" ", text).split()
        assert pagefind.text_size(text) == sum(map(len, words)) + len(words), text


def test_the_text_of_a_page_is_what_pagefind_indexes() -> None:
    """A part's size is counted in the text Pagefind keeps: the marked elements' text
    without tags or ignored elements, a space after each word; all of a page not marked."""
    page = (
        b"<html><body><nav>Menu items</nav><main data-pagefind-body><h1>Title</h1>\n"
        b"<section data-pagefind-ignore><p>left <section>out</section></p></section>"
        b"<p>kept  <br data-pagefind-ignore>text</p><img alt='x'></main>"
        b"<footer>More</footer><div data-pagefind-body>tail</div></body></html>"
    )
    assert pagefind.text_size(page) == len(b"Title kept text tail ")
    assert pagefind.text_size(b"<html><body><p>All of <b>it</b></p></body></html>") == len(
        b"All of it "
    )
