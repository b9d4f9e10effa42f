"""The fact base on disk: reading content/ into model objects, and writing it back.

Every reader goes through `read_files` and `to_factbase`: the build (`read_for_update`,
then `load_factbase` for the render), `sitegen check`, the dev server, the benchmarks and
the tests. Every writer goes through the journal (`journal.commit`): the build's merged
records (`planned_writes` keeps what a person wrote around the values: comments, order,
quoting) and a fresh fact base (`write_factbase`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sitegen.config import Config
from sitegen.errors import ContentError
from sitegen.factbase.check import read_and_check
from sitegen.factbase.files import ContentFiles, read_files
from sitegen.factbase.journal import Committed, commit
from sitegen.factbase.model import FactBase, Page
from sitegen.factbase.records import TYPES, Records, from_record, records
from sitegen.factbase.schema import KINDS
from sitegen.filecache import FileCache, Kept
from sitegen.freshness import file_digest
from sitegen.reporter import Reporter
from sitegen.yamlio import dump_yaml

# -- reading ---------------------------------------------------------------------------


def read_for_update(
    config: Config, reporter: Reporter, cache: FileCache | None = None
) -> ContentFiles:
    """content/ as the build is about to merge into it. A file that does not parse, or
    whose shape is wrong, stops the build before anything is written."""
    files, problems = read_and_check(config, cache)
    blocking = [p for p in problems if p.blocking]
    for problem in blocking:
        reporter.error(problem.message, problem.location)
    if blocking:
        broken = len({problem.location.path for problem in blocking})
        raise ContentError(
            f"{broken} {'file' if broken == 1 else 'files'} in {config.content_dir}/ cannot "
            "be merged into; fix them (sitegen check) and build again"
        )
    return files


def load_factbase(config: Config, reporter: Reporter, cache: FileCache | None = None) -> FactBase:
    """The fact base, only once it is valid: every problem goes to `reporter` first.
    A `cache` (the dev server's) saves parsing the files that did not change."""
    files, problems = read_and_check(config, cache)
    for problem in problems:
        if problem.level == "error":
            reporter.error(problem.message, problem.location)
        else:
            reporter.warning(problem.message, problem.location)
    error_count = sum(problem.level == "error" for problem in problems)
    if error_count:
        raise ContentError(f"{error_count} errors in content/")
    return to_factbase(files, cache.objects if cache else None)


def read_factbase(content_dir: Path) -> FactBase:
    """The fact base as its files hold it, not validated: for a fact base this program
    wrote (`write_factbase`), read back by a benchmark or a test. A file that does not
    parse raises its InputError."""
    reading = read_files(content_dir)
    if reading.failures:
        raise reading.failures[0]
    return to_factbase(reading.files)


def to_factbase(files: ContentFiles, kept: Kept[Any] | None = None) -> FactBase:
    """Model objects from parsed files. Call after validation (see `check.py`). `kept`
    (the dev server's) holds the object made of each parsed file last time: a file
    unchanged is the same parsed object, and gives the same model object.

    Empties `files.documents`: each parsed file is let go once its object is made (the
    parsed data of a large content/ is several times the size of the objects)."""
    base = FactBase()
    made: Kept[Any] = {}
    parts: dict[str, dict[str, Any]] = {
        "sources": base.sources,
        "people": base.people,
        "claims": base.claims,
    }
    for kind in KINDS:
        cls, objects = TYPES[kind], parts[kind]
        documents = files.documents.pop(kind, [])
        documents.reverse()
        while documents:
            doc = documents.pop()
            earlier = kept.get(id(doc)) if kept is not None else None
            made_of = earlier[1] if earlier and earlier[0] is doc else from_record(cls, doc.data)
            if kept is not None:
                made[id(doc)] = (doc, made_of)
            objects[doc.data["id"]] = made_of
    for path, doc, body in files.pages:
        meta = doc.data if isinstance(doc.data, dict) else {}
        title = str(meta.get("title") or path.stem.replace("-", " ").title())
        base.pages[path.stem] = Page(slug=path.stem, title=title, body=body, meta=meta)
    if kept is not None:
        kept.clear()
        kept.update(made)
    return base


# -- writing ---------------------------------------------------------------------------


def planned_writes(content_dir: Path, files: ContentFiles, final: Records) -> dict[str, str | None]:
    """File changes (path in content/ -> text, None to delete) that make content/ hold
    `final`: a file that exists is updated in place (comments and order kept), a new
    one dumped, one whose object is gone deleted."""
    existing = {
        doc.path.relative_to(content_dir).as_posix(): doc
        for kind in KINDS
        for doc in files.documents[kind]
    }
    writes: dict[str, str | None] = {}
    for kind in KINDS:
        for object_id, record in sorted(final[kind].items()):
            relative = f"{kind}/{object_id}.yaml"
            doc = existing.get(relative)
            if doc is None:
                writes[relative] = dump_yaml(record)
            elif doc.data != record:
                from sitegen.factbase.yamledit import update_text  # ruamel: for edited files

                writes[relative] = update_text(doc.path.read_text(encoding="utf-8-sig"), record)
    for relative in existing:
        kind, name = relative.split("/", 1)
        if name.removesuffix(".yaml") not in final[kind]:
            writes[relative] = None
    return writes


def write_factbase(base: FactBase, content_dir: Path) -> Committed:
    """Write a fact base the machine made, through the journal, as a build with no hand
    edits to keep would: one file per object (what is there replaced, what is not in
    `base` deleted), and `base` as the snapshot the next build merges against."""
    final = records(base)
    writes: dict[str, str | None] = {}
    for kind in KINDS:
        folder = content_dir / kind
        folder.mkdir(parents=True, exist_ok=True)
        for object_id, record in sorted(final[kind].items()):
            writes[f"{kind}/{object_id}.yaml"] = dump_yaml(record)
        for stale in sorted(folder.glob("*.yaml")):
            if stale.stem not in final[kind]:
                writes[f"{kind}/{stale.name}"] = None
    expected = {relative: file_digest(content_dir / relative) for relative in writes}
    return commit(content_dir, writes, final, expected)
