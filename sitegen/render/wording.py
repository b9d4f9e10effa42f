"""What one outlet's wording of a fact changed from another's, word by word.

A rewrite that swaps "office worker" for "workplace employee" shows as the words
taken out and the words put in; a reader sees at a glance whether a copy is verbatim,
reworded, or a different sentence altogether.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from sitegen.render.views import CitationView, ClaimView

TOKENS = re.compile(r"\s+|\S+\s*")  # words with the space after them
ALIKE = 0.4  # below this share of common words, two wordings are not compared
COMPARED = 6  # wordings compared on one claim page, against the first


@dataclass(frozen=True)
class Piece:
    op: str  # "same", "removed", "added"
    text: str


@dataclass
class Comparison:
    base: CitationView  # the earlier wording: the original copied, else the first report
    other: CitationView
    pieces: list[Piece]
    identical: bool


def word_diff(before: str, after: str) -> tuple[list[Piece], float]:
    """The pieces turning `before` into `after`, and the share of words they keep."""
    old, new = TOKENS.findall(before), TOKENS.findall(after)
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    pieces: list[Piece] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            pieces.append(Piece("same", "".join(old[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(Piece("removed", "".join(old[i1:i2])))
        if j2 > j1:
            pieces.append(Piece("added", "".join(new[j1:j2])))
    return pieces, matcher.ratio()


def comparisons(view: ClaimView, first: CitationView | None) -> list[Comparison]:
    """Each source's wording against an earlier one: the original it copies when that
    states the claim too (what the rewrite changed), else the first report (`first`).
    Only wordings alike enough for a word comparison to mean something are kept."""
    if first is None:
        return []
    found = []
    for cite in view.by_source.values():
        originals = [
            view.by_source[o.id]
            for o in (cite.about.derived_from if cite.about else [])
            if o.id in view.by_source
        ]
        base = originals[0] if originals else first
        if cite.source.id == base.source.id:
            continue
        before, after = base.citation.quote, cite.citation.quote
        pieces, ratio = word_diff(before, after)
        if ratio >= ALIKE:
            same = " ".join(before.split()) == " ".join(after.split())
            found.append(Comparison(base, cite, pieces, same))
        if len(found) == COMPARED:
            break
    return found
