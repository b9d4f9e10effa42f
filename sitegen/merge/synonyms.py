"""Which content words can mean the same thing: WordNet senses shared by two lemmas.

A reworded copy of a wire story swaps words for synonyms ("phoned", "rang",
"telephoned"; "offer", "supply"), and outlets paraphrase ("lacked the necessary",
"did not have the required"). Two lemmas are synonyms when one of the WordNet synsets
listed for one is listed for the other. Only the lemmas of the input are looked up,
so memory stays proportional to the story's vocabulary, not to WordNet's.

The WordNet files are read by `sitegen.wordnet`; without them no word has a synonym
and merging still works on exact lemmas.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from sitegen.wordnet import PARTS_OF_SPEECH, index_of, line_of, wordnet_folder


def senses(lemmas: Iterable[str], folder: Path | None = None) -> dict[str, frozenset[str]]:
    """For each lemma WordNet knows, the ids of its synsets ("v00791228")."""
    wanted = set(lemmas)
    folder = folder or wordnet_folder()
    found: dict[str, set[str]] = {}
    if folder is None or not wanted:
        return {}
    for pos in PARTS_OF_SPEECH:
        index = index_of(folder / f"index.{pos}")
        for lemma in wanted:
            line = line_of(index, lemma)
            if line is not None:
                fields = line.split()
                count = int(fields[2])
                found.setdefault(lemma, set()).update(pos[0] + offset for offset in fields[-count:])
    return {lemma: frozenset(ids) for lemma, ids in found.items()}
