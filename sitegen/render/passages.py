"""Article text cut into paragraphs and highlighted pieces.

Citations may overlap (two claims quoting the same or overlapping words) and may cross
a paragraph break, while HTML elements must nest. So the text is cut at every passage
boundary and every paragraph break into non-overlapping pieces; each piece knows which
passages cover it, the first piece of a passage carries its anchor, and the last one
carries the references to whatever cites it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise
from operator import itemgetter
from typing import Generic, TypeVar

from sitegen.factbase.model import Citation
from sitegen.render.links import passage_anchor

T = TypeVar("T")

# A line break followed by a line holding only spaces: the article's paragraph break.
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")
_LEADING_PARTIAL_WORD = re.compile(r"^\S*\s+")
_TRAILING_PARTIAL_WORD = re.compile(r"\s+\S*$")


@dataclass(frozen=True, slots=True)
class Passage(Generic[T]):
    """A cited span of the article, `text[start:end]`, and what cites it."""

    start: int
    end: int
    refs: tuple[T, ...] = ()

    @property
    def anchor(self) -> str:
        return passage_anchor(self.start, self.end)


@dataclass
class Piece(Generic[T]):
    """A run of text inside one paragraph, covered by the same passages throughout."""

    text: str
    passages: tuple[Passage[T], ...]
    anchors: list[str] = field(default_factory=list)  # passages that start here
    closes: list[Passage[T]] = field(default_factory=list)  # passages that end here


@dataclass
class Paragraph(Generic[T]):
    pieces: list[Piece[T]]


@dataclass
class Article(Generic[T]):
    """An article's text from `start` on, with its cited passages. It is cut into
    pieces only when a page shows it (`paragraphs`): the dev server redraws few source
    pages, but every claim page needs to know which passages have an anchor."""

    text: str
    passages: Sequence[Passage[T]]
    start: int
    spans: list[tuple[int, int]]  # paragraph_spans(text, start)

    @cached_property
    def anchors(self) -> set[str]:
        """The anchors of the passages that cover visible text, i.e. made it onto the page."""
        ends = [end for _, end in self.spans]
        return {
            p.anchor
            for p in self.passages
            if p.start < p.end
            and (i := bisect_right(ends, p.start)) < len(self.spans)
            and self.spans[i][0] < p.end
        }

    @property
    def paragraphs(self) -> list[Paragraph[T]]:
        """Cut afresh each time: a source page shows it once, and kept, the pieces of
        every article drawn would add up to a large site's whole text again."""
        return _cut(self.text, self.passages, self.spans)


def citation_matches(text: str, citation: Citation) -> bool:
    """Whether the citation still points at its quote (the contract's invariant)."""
    return (
        0 <= citation.start < citation.end <= len(text)
        and text[citation.start : citation.end] == citation.quote
    )


def paragraph_spans(text: str, start: int = 0) -> Iterator[tuple[int, int]]:
    """(start, end) of each paragraph from `start` on, without surrounding whitespace."""
    cuts = [
        start,
        *(x for m in _PARAGRAPH_BREAK.finditer(text, start) for x in m.span()),
        len(text),
    ]
    for begin, end in zip(cuts[::2], cuts[1::2], strict=True):
        chunk = text[begin:end]
        if chunk.strip():
            yield (begin + len(chunk) - len(chunk.lstrip()), end - len(chunk) + len(chunk.rstrip()))


@dataclass(frozen=True)
class Excerpt:
    """A cited quote with the words around it in its paragraph, to read it in context."""

    before: str
    quote: str
    after: str


def excerpt(
    text: str, start: int, end: int, paragraphs: Sequence[tuple[int, int]], context: int = 200
) -> Excerpt:
    """`text[start:end]` with up to `context` characters of its paragraph on each side.

    A cut falls between words and is marked with "…"; nothing crosses into the
    neighbouring paragraphs, which are other statements. `paragraphs` are the text's
    `paragraph_spans`, found once for all its citations (not once per citation).
    """
    spans = paragraphs[
        bisect_right(paragraphs, start, key=itemgetter(1)) : bisect_left(
            paragraphs, end, key=itemgetter(0)
        )
    ]
    first = min([start, *(a for a, _ in spans[:1])])
    last = max([end, *(b for _, b in spans[-1:])])
    before = text[max(first, start - context) : start]
    if start - context > first:  # cut inside the paragraph: drop the partial first word
        before = "…" + _LEADING_PARTIAL_WORD.sub("", before, count=1)
    after = text[end : min(last, end + context)]
    if end + context < last:
        after = _TRAILING_PARTIAL_WORD.sub("", after, count=1) + "…"
    return Excerpt(before, text[start:end], after)


def segment(text: str, passages: Sequence[Passage[T]], start: int = 0) -> Article[T]:
    """`text[start:]` as paragraphs of pieces, marking where passages begin and end.

    Passages cited before `start` (a headline in the front matter) are shown first, as
    paragraphs of their own. A passage that covers no visible text (only whitespace)
    gets no anchor; callers check `Article.anchors` before linking to one.
    """
    return Article(
        text, passages, start, [*_cited_before(passages, start), *paragraph_spans(text, start)]
    )


def _cited_before(passages: Sequence[Passage[T]], start: int) -> list[tuple[int, int]]:
    """The spans passages cite before `start`, overlapping ones joined, in text order."""
    spans: list[tuple[int, int]] = []
    for first, last in sorted((p.start, p.end) for p in passages if p.start < min(p.end, start)):
        if spans and first <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], min(last, start)))
        else:
            spans.append((first, min(last, start)))
    return spans


def _cut(
    text: str, passages: Sequence[Passage[T]], spans: list[tuple[int, int]]
) -> list[Paragraph[T]]:
    ordered = sorted(passages, key=lambda p: (p.start, -p.end))
    bounds = sorted({x for p in ordered for x in (p.start, p.end)})
    paragraphs: list[Paragraph[T]] = []
    # one sweep over the pieces, left to right: a passage joins `covering` when the
    # sweep reaches its start and leaves it after its end (linear, not pieces x passages)
    covering: list[Passage[T]] = []
    waiting = 0  # ordered[waiting:] have not started yet
    for first, last in spans:
        cuts = [first, *bounds[bisect_right(bounds, first) : bisect_left(bounds, last)], last]
        pieces = []
        for a, b in pairwise(cuts):
            while waiting < len(ordered) and ordered[waiting].start < b:
                covering.append(ordered[waiting])
                waiting += 1
            covering = [p for p in covering if a < p.end]
            pieces.append(Piece(text[a:b], tuple(covering)))
        paragraphs.append(Paragraph(pieces))
    _mark_ends(paragraphs)
    return paragraphs


def _mark_ends(paragraphs: list[Paragraph[T]]) -> None:
    last_piece: dict[str, tuple[Passage[T], Piece[T]]] = {}
    for paragraph in paragraphs:
        for piece in paragraph.pieces:
            for passage in piece.passages:
                if passage.anchor not in last_piece:
                    piece.anchors.append(passage.anchor)
                last_piece[passage.anchor] = (passage, piece)
    for passage, piece in last_piece.values():
        piece.closes.append(passage)
