"""Validation of content/ against the data-format contract (`sitegen check`).

Every file in content/ may have been edited by hand, so nothing in it is trusted until
it has been checked here. Problems carry the file:line:col of the offending value so a
person can jump straight to it; bad content never raises, it only yields Problems.

What a single field must hold (its type, whether it is required, the checks declared
with it: one of some values, a date, the id of another file) comes from the schema
(`model.py`, `schema.fields_of`); the methods here add the rules that tie fields and
files together (ids and file names, a status and the origins its citations trace to,
quotes and their article's text, aliases shared by two people).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any

from sitegen.config import Config
from sitegen.errors import InputError, Location
from sitegen.factbase.checked import Read, StoredCheck
from sitegen.factbase.files import ContentFiles, Reading, read_files
from sitegen.factbase.model import DIFFERENCES, STATUSES, Citation, Figure, Review
from sitegen.factbase.records import TYPES
from sitegen.factbase.schema import KINDS, FieldSpec, fields_of
from sitegen.filecache import FileCache, Kept, KeptChecks, StoredCache
from sitegen.freshness import file_digest
from sitegen.namecheck import close_pairs
from sitegen.origins import Lines, SourceLinks, citation_pairs, links_of
from sitegen.paths import Articles, article_path
from sitegen.textio import read_article
from sitegen.yamlio import YamlDocument

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*")
SNIPPET_LENGTH = 60

_TYPE_NAMES = {
    bool: "true/false",
    int: "an integer",
    float: "a number",
    str: "a string",
    list: "a list",
    dict: "a mapping",
    type(None): "empty",
}

Keys = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """One finding of `sitegen check`, pointing at the value a person has to fix."""

    level: str  # "error" | "warning"
    message: str
    location: Location
    blocking: bool = False  # the file's shape is wrong: a build must not merge into it

    def __str__(self) -> str:
        return f"{self.location}: {self.level}: {self.message}"


def check_files(files: ContentFiles, project_root: Path, seeds: str = "seeds") -> list[Problem]:
    """Every problem in already-parsed content, sorted by file and position."""
    return _Checker(project_root, project_root / seeds).run(files)


def check_project(config: Config) -> list[Problem]:
    """Read content/ and check it; unreadable files become Problems, not exceptions."""
    return read_and_check(config)[1]


def read_and_check(
    config: Config, cache: FileCache | None = None
) -> tuple[ContentFiles, list[Problem]]:
    """content/ parsed (through the dev server's `cache` when given) and every problem
    in it; a file that does not parse is a blocking problem."""
    reading = (
        read_files(config.content, cache.yaml, cache.unchanged)
        if cache
        else read_files(config.content)
    )
    kept = _kept(config, cache, reading)
    stored = kept.problems() if kept is not None else None
    if stored is not None:
        return reading.files, stored
    checker = _Checker(
        config.root,
        config.seeds,
        reading.unreadable,
        cache.article if cache else read_article,
        cache.claim_checks if cache else None,
    )
    for failure in reading.failures:
        checker.report(
            "error", failure.message, failure.location or Location(config.content), blocking=True
        )
    problems = checker.run(reading.files)
    if kept is not None and not checker.unread:
        kept.save(problems, checker.read)
    return reading.files, problems


def _kept(config: Config, cache: FileCache | None, reading: Reading) -> StoredCheck | None:
    """The findings kept between renders (`checked`), for `sitegen render` (whose
    cache outlives it) when every file of content/ parsed."""
    if not isinstance(cache, StoredCache) or reading.failures:
        return None
    pages = [(str(path), file_digest(path) or "") for path, _, _ in reading.files.pages]
    return StoredCheck(config.cache, config.root, config.seeds, [*cache.digests(), *pages])


# -- checking --------------------------------------------------------------------------


class _Checker:
    """Collects problems over all of content/; cross-file checks need the id indexes."""

    def __init__(
        self,
        root: Path,
        seeds: Path,
        unreadable: dict[str, set[str]] | None = None,
        read: Callable[[Path], tuple[str, str]] = read_article,
        kept: KeptChecks | None = None,
    ) -> None:
        self.root = root
        self.seeds = seeds
        self.files: dict[str, str] = {}  # article file -> the source id naming it
        self.read_article = read
        self.inside = Articles(root, seeds)  # one resolve of each folder per check
        self.kept = kept
        self.problems: list[Problem] = []
        # ids a reference may name: parsed ids plus the stems of files too broken to
        # have one, so a single broken file does not make every reference to it fail
        self.known: dict[str, set[str]] = {
            kind: set((unreadable or {}).get(kind, ())) for kind in KINDS
        }
        self.articles: dict[str, str] = {}  # source id -> article text
        self.links: dict[str, SourceLinks] = {}  # source id -> what ties it to others
        self.lines: Lines | None = None  # built from `links` once every source is read
        self.shapes: Kept[list[Problem]] = {}  # this check's `kept.shapes`
        self.read: Read = {}  # the articles read, by the `file` naming them
        self.unread = False  # a source's article could not be read, or was refused

    def run(self, files: ContentFiles) -> list[Problem]:
        docs = {kind: self._mappings(kind, files.documents.get(kind, [])) for kind in KINDS}
        if self.kept is not None:
            self.kept.shapes = self.shapes
        for doc in docs["sources"]:
            self._check_source(doc)
        for doc in docs["people"]:
            self._check_values(doc, TYPES["people"])
        self._check_aliases(docs["people"])
        self._check_close_names(docs["people"])
        self._check_claims(docs["claims"])
        for path, doc, _body in files.pages:
            self._check_page(path, doc)
        return sorted(self.problems, key=_sort_key)

    def report(self, level: str, message: str, location: Location, blocking: bool = False) -> None:
        self.problems.append(Problem(level, message, self._relative(location), blocking))

    def error(self, message: str, doc: YamlDocument, *keys: str | int) -> None:
        self.report("error", message, doc.where(*keys))

    def shape_error(self, message: str, doc: YamlDocument, *keys: str | int) -> None:
        """An error in a file's shape (types, ids): the build cannot merge into it."""
        self.report("error", message, doc.where(*keys), blocking=True)

    def warning(self, message: str, doc: YamlDocument, *keys: str | int) -> None:
        self.report("warning", message, doc.where(*keys))

    def _relative(self, location: Location) -> Location:
        try:
            path: Path | str = Path(location.path).relative_to(self.root)
        except ValueError:
            path = location.path
        return Location(path, location.line, location.column)

    # -- one file at a time

    def _mappings(self, kind: str, documents: list[YamlDocument]) -> list[YamlDocument]:
        """Check each file's shape and id; return those whose top level is a mapping."""
        first_with_id: dict[str, YamlDocument] = {}
        mappings = []
        for doc in documents:
            if not isinstance(doc.data, dict):
                found = _type_name(doc.data)
                self.shape_error(f"top level must be a mapping of fields, not {found}", doc)
                self.known[kind].add(doc.path.stem)
                continue
            mappings.append(doc)
            self._check_shape(doc, TYPES[kind])
            object_id = _get(doc.data, "id", str)
            if object_id is None:
                continue
            if object_id in first_with_id:
                other = self._relative(first_with_id[object_id].where("id"))
                self.shape_error(f"duplicate id '{object_id}' (also in {other.path})", doc, "id")
            else:
                first_with_id[object_id] = doc
            self.known[kind].add(object_id)
        return mappings

    def _check_shape(self, doc: YamlDocument, cls: type) -> None:
        """A file's fields and id, which follow from the file alone: what an unchanged
        file gave last time is reused (`kept.shapes`)."""
        earlier = self.kept.shapes.get(id(doc)) if self.kept is not None else None
        if earlier is not None and earlier[0] is doc:
            self.problems.extend(earlier[1])
        else:
            first = len(self.problems)
            self._check_fields(doc, cls)
            object_id = _get(doc.data, "id", str)
            if object_id is not None:
                self._check_id(doc, object_id)
            earlier = (doc, self.problems[first:])
        self.shapes[id(doc)] = earlier

    def _check_record(self, doc: YamlDocument, cls: type, keys: Keys) -> None:
        """A mapping inside a file (a citation, a figure): its fields, then its values."""
        self._check_fields(doc, cls, keys)
        self._check_values(doc, cls, keys)

    def _check_fields(self, doc: YamlDocument, cls: type, keys: Keys = ()) -> None:
        """Required fields, value and list-item types, and unknown fields at `keys`."""
        mapping = _value_at(doc.data, keys)
        specs = fields_of(cls)
        for spec in specs:
            if spec.name not in mapping:
                if spec.required:
                    self.shape_error(f"missing required field '{spec.name}'", doc, *keys)
                continue
            self._check_value(doc, spec, (*keys, spec.name))
        known = {spec.name for spec in specs}
        for name in mapping:
            if name not in known:
                self.warning(f"unknown field '{name}'", doc, *keys, name)

    def _check_value(self, doc: YamlDocument, spec: FieldSpec, keys: Keys) -> None:
        value = _value_at(doc.data, keys)
        if value is None and not spec.required:
            return
        if not _is_type(value, spec.types):
            self.shape_error(
                f"'{spec.name}' must be {_expected(spec.types)}, not {_type_name(value)}",
                doc,
                *keys,
            )
            return
        if spec.item_types is None:
            return
        expected = _expected(spec.item_types)
        for index, item in enumerate(value):
            if not _is_type(item, spec.item_types):
                self.shape_error(
                    f"items of '{spec.name}' must be {expected}, not {_type_name(item)}",
                    doc,
                    *keys,
                    index,
                )

    def _check_values(self, doc: YamlDocument, cls: type, keys: Keys = ()) -> None:
        """The schema's checks (`schema.Check`) of each value of the right type, or of
        each item of a list; a value of the wrong type was reported by `_check_fields`."""
        mapping = _value_at(doc.data, keys)
        for spec in fields_of(cls):
            value = _get(mapping, spec.name, *spec.types)
            if not spec.checks or value is None:
                continue
            items = list(enumerate(value)) if spec.item_types is not None else [(None, value)]
            for index, item in items:
                where = (*keys, spec.name) if index is None else (*keys, spec.name, index)
                for check in spec.checks:
                    fault = check.fault(spec.name, item, self.known)
                    if fault is not None:
                        self.report("error", fault, doc.where(*where), check.blocking)

    def _check_id(self, doc: YamlDocument, object_id: str) -> None:
        if not ID_PATTERN.fullmatch(object_id):
            self.shape_error(
                f"id '{object_id}' is not a slug (lowercase letters, digits and '-', "
                "not starting with '-')",
                doc,
                "id",
            )
        if object_id != doc.path.stem:
            self.shape_error(
                f"id '{object_id}' does not match the file name '{doc.path.name}'", doc, "id"
            )

    def _check_source(self, doc: YamlDocument) -> None:
        self._check_values(doc, TYPES["sources"])
        source_id = _get(doc.data, "id", str)
        if source_id is not None:
            self.links[source_id] = links_of(doc.data)
        for index, original in enumerate(_get(doc.data, "derived_from", list) or []):
            if original == source_id:
                self.error("a source cannot be derived from itself", doc, "derived_from", index)
        file = _get(doc.data, "file", str)
        if file is None:
            return
        if "\\" in file or PurePosixPath(file).is_absolute():
            self.error(
                f"'file' must be relative to the project root with '/' separators, not '{file}'",
                doc,
                "file",
            )
            return
        source_id = _get(doc.data, "id", str)
        other = self.files.setdefault(file, source_id or "")
        if other != (source_id or ""):
            self.error(f"'{file}' is already the file of source '{other}'", doc, "file")
            return
        try:
            # confined first: nothing outside the seeds folder is ever opened
            path = article_path(self.root, self.seeds, file, within=self.inside)
            text, digest = self.read_article(path)
        except InputError as exc:
            self.error(f"{exc.message}: {file}", doc, "file")
            self.unread = True
            return
        self.read[file] = (str(path), digest)
        if source_id is not None:
            self.articles.setdefault(source_id, text)
        if _get(doc.data, "sha256", str) not in (None, digest):
            self.warning("article changed since extraction; run sitegen build", doc, "sha256")

    def _check_aliases(self, people: list[YamlDocument]) -> None:
        """Each alias must point at one person, or a mention cannot be attributed."""
        owner: dict[str, str] = {}
        for doc in people:
            name = _get(doc.data, "name", str)
            person_id = _get(doc.data, "id", str) or doc.path.stem
            for index, alias in enumerate(_get(doc.data, "aliases", list) or []):
                if not isinstance(alias, str):
                    continue
                if alias == name:
                    self.warning(f"alias '{alias}' repeats the name", doc, "aliases", index)
                elif alias in owner and owner[alias] != person_id:
                    self.warning(
                        f"alias '{alias}' is also an alias of '{owner[alias]}'",
                        doc,
                        "aliases",
                        index,
                    )
                owner.setdefault(alias, person_id)

    def _check_close_names(self, people: list[YamlDocument]) -> None:
        """Two people whose names may be one name spelled two ways by two outlets."""
        named = {
            (_get(d.data, "id", str) or d.path.stem): d
            for d in people
            if isinstance(_get(d.data, "name", str), str)
        }
        for a, b in _close_pairs(tuple((pid, named[pid].data["name"]) for pid in named)):
            self.warning(
                f"'{named[a].data['name']}' and '{named[b].data['name']}' ({b}) may be one "
                "person spelled two ways: make one an alias of the other, or leave both",
                named[a],
                "name",
            )

    def _check_claims(self, docs: list[YamlDocument]) -> None:
        """Each claim file, or what it gave last time: a claim's problems follow from
        its parsed file (the same object while the file is unchanged), the ids that
        exist and the article texts, so they are kept while all three stay the same."""
        if self.kept is None:
            for doc in docs:
                self._check_claim(doc)
            return
        context = (
            tuple(frozenset(self.known[kind]) for kind in KINDS),
            tuple((source, id(text)) for source, text in sorted(self.articles.items())),
        )
        earlier = self.kept.problems if self.kept.context == context else {}
        now: dict[int, tuple[YamlDocument, list[Any]]] = {}
        for doc in docs:
            kept = earlier.get(id(doc))
            if kept is not None and kept[0] is doc:
                self.problems.extend(kept[1])
            else:
                first = len(self.problems)
                self._check_claim(doc)
                kept = (doc, self.problems[first:])
            now[id(doc)] = kept
        self.kept.context, self.kept.problems = context, now

    def _check_claim(self, doc: YamlDocument) -> None:
        data = doc.data
        self._check_values(doc, TYPES["claims"])
        self._check_conflicts(doc)
        self._check_speaker(doc)
        for index, figure in enumerate(_get(data, "figures", list) or []):
            if isinstance(figure, dict):
                self._check_record(doc, Figure, ("figures", index))
        if isinstance(data.get("review"), dict):
            self._check_record(doc, Review, ("review",))
        citations = _get(data, "citations", list)
        if citations == []:
            self.error("a claim needs at least one citation", doc, "citations")
        for index, citation in enumerate(citations or []):
            if isinstance(citation, dict):
                self._check_citation(doc, index)
        self._check_status(doc, citations or [])

    def _check_conflicts(self, doc: YamlDocument) -> None:
        """A disputed claim names what disputes it; a conflict is not with itself."""
        data = doc.data
        conflicts = _get(data, "conflicts", list) or []
        if _get(data, "status", str) == "disputed" and not conflicts:
            # a person may dispute a claim from outside knowledge; say what it lacks
            self.warning(
                "a disputed claim usually lists the claims it conflicts with in 'conflicts'",
                doc,
                "status",
            )
        if _get(data, "id", str) in conflicts:
            self.error("a claim cannot conflict with itself", doc, "conflicts")
        self._check_differs(doc, conflicts)
        self._check_independent(doc)

    def _check_differs(self, doc: YamlDocument, conflicts: list[Any]) -> None:
        """`differs` names only listed conflicts, each with known kinds of difference."""
        data = doc.data
        for other, what in (_get(data, "differs", dict) or {}).items():
            if other not in conflicts:
                self.error(
                    f"'differs' names '{other}', which 'conflicts' does not list",
                    doc,
                    "differs",
                    other,
                )
            elif not isinstance(what, str) or any(
                part.strip() not in DIFFERENCES for part in what.split(",")
            ):
                self.error(
                    f"what differs must be one or more of {', '.join(DIFFERENCES)}, not '{what}'",
                    doc,
                    "differs",
                    other,
                )

    def _check_independent(self, doc: YamlDocument) -> None:
        """Independent origins are at least one and at most the sources cited."""
        data = doc.data
        independent = _get(data, "independent_sources", int)
        sources = {
            c.get("source")
            for c in _get(data, "citations", list) or []
            if isinstance(c, dict) and isinstance(c.get("source"), str)
        }
        if independent is not None and not 0 < independent <= max(len(sources), 1):
            self.error(
                f"independent_sources {independent} must be between 1 and the "
                f"{len(sources)} sources cited",
                doc,
                "independent_sources",
            )

    def _check_speaker(self, doc: YamlDocument) -> None:
        """A slug-like speaker was probably meant as a person id; a name is fine."""
        speaker = _get(doc.data, "speaker", str)
        if speaker and ID_PATTERN.fullmatch(speaker) and speaker not in self.known["people"]:
            self.warning(
                f"speaker '{speaker}' looks like an id but no person has it", doc, "speaker"
            )

    def _check_status(self, doc: YamlDocument, citations: list[Any]) -> None:
        status = _get(doc.data, "status", str)
        if status is None:
            return
        if status not in STATUSES:  # reported by `_check_values`
            return
        if self.lines is None:
            self.lines = Lines.of(self.links)
        origins = self.lines.count(citation_pairs(citations))
        if not citations:
            return
        traced = "one origin" if origins == 1 else f"{origins} independent origins"
        if status == "single-source" and origins >= 2:
            self.error(
                f"status is single-source but its citations trace to {traced}", doc, "status"
            )
        elif status == "corroborated" and origins < 2:
            self.error(
                f"status is corroborated but its citations trace to {traced} (copies, "
                "rewrites and outlets repeating one origin count once)",
                doc,
                "status",
            )
        stated = _get(doc.data, "independent_sources", int)
        if stated is not None and stated != origins:
            self.error(
                f"independent_sources is {stated} but its citations trace to {traced}",
                doc,
                "independent_sources",
            )

    def _check_citation(self, doc: YamlDocument, index: int) -> None:
        keys: Keys = ("citations", index)
        self._check_record(doc, Citation, keys)
        citation = _value_at(doc.data, keys)
        source = _get(citation, "source", str)
        start, end = _get(citation, "start", int), _get(citation, "end", int)
        if start is None or end is None:
            return
        if not 0 <= start <= end:
            self.error(
                f"offsets must satisfy 0 <= start <= end, not start {start}, end {end}",
                doc,
                *keys,
                "start",
            )
            return
        text = self.articles.get(source or "")
        quote = _get(citation, "quote", str)
        if text is None or quote is None:
            return
        if end > len(text):
            self.error(
                f"'end' {end} is past the end of the article ({len(text)} characters)",
                doc,
                *keys,
                "end",
            )
        elif text[start:end] != quote:
            self.error(
                f"quote is not the article's text[{start}:{end}], which is "
                f"{_snippet(text[start:end])}",
                doc,
                *keys,
                "quote",
            )

    def _check_page(self, path: Path, doc: YamlDocument) -> None:
        if doc.data is None:
            return
        if not isinstance(doc.data, dict):
            self.error(f"front matter must be a mapping, not {_type_name(doc.data)}", doc)
            return
        title = doc.data.get("title")
        if title is not None and not isinstance(title, str):
            self.error(f"'title' must be a string, not {_type_name(title)}", doc, "title")


# -- helpers ---------------------------------------------------------------------------


@lru_cache(maxsize=2)  # the dev server checks again after every edit, mostly the same
def _close_pairs(people: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    return close_pairs(people)


def forget() -> None:
    """Let go of the close names kept for the dev server's next check."""
    _close_pairs.cache_clear()


def _is_type(value: Any, types: tuple[type, ...]) -> bool:
    """isinstance, except that true/false is not a number (bool subclasses int)."""
    if isinstance(value, bool) and bool not in types:
        return False
    return isinstance(value, types)


def _get(mapping: Any, name: str, *types: type) -> Any:
    """`mapping[name]` if it has one of `types`, else None: later checks skip bad values."""
    value = mapping.get(name) if isinstance(mapping, dict) else None
    return value if _is_type(value, types) else None


def _value_at(data: Any, keys: Keys) -> Any:
    for key in keys:
        data = data[key]
    return data


def _expected(types: tuple[type, ...]) -> str:
    """'a number' rather than 'an integer or a number' for (int, float)."""
    wanted = [t for t in types if not (t is int and float in types)]
    return " or ".join(_TYPE_NAMES[t] for t in wanted)


def _type_name(value: Any) -> str:
    return _TYPE_NAMES.get(type(value), type(value).__name__)


def _snippet(text: str) -> str:
    if len(text) > SNIPPET_LENGTH:
        text = text[: SNIPPET_LENGTH - 1] + "…"
    return repr(text)


def _sort_key(problem: Problem) -> tuple[str, int, int]:
    location = problem.location
    return str(location.path), location.line or 0, location.column or 0
