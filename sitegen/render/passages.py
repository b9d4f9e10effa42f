"""Article text cut into paragraphs and highlighted pieces.

Citations may overlap (two claims quoting the same or overlapping words) and may cross
a paragraph break, while HTML elements must nest. So the text is cut at every passage
boundary and every paragraph break into non-overlapping pieces; each piece knows which
passages cover it, the first piece of a passage carries its anchor, and the last one
carries the references to whatever cites it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise
from typing import Generic, TypeVar

from sitegen.model import Citation
from sitegen.render.links import passage_anchor

T = TypeVar("T")

# A line break followed by a line holding only spaces: the article's paragraph break.
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")
_LEADING_PARTIAL_WORD = re.compile(r"^\S*\s+")
_TRAILING_PARTIAL_WORD = re.compile(r"\s+\S*$")


@dataclass(frozen=True)
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
    paragraphs: list[Paragraph[T]]

    @cached_property
    def anchors(self) -> set[str]:
        """The passage anchors that made it onto the page."""
        return {a for p in self.paragraphs for piece in p.pieces for a in piece.anchors}


def citation_matches(text: str, citation: Citation) -> bool:
    """Whether the citation still points at its quote (the contract's invariant)."""
    return (
        0 <= citation.start < citation.end <= len(text)
        and text[citation.start:citation.end] == citation.quote
    )


def paragraph_spans(text: str, start: int = 0) -> Iterator[tuple[int, int]]:
    """(start, end) of each paragraph from `start` on, without surrounding whitespace."""
    cuts = [start, *(x for m in _PARAGRAPH_BREAK.finditer(text, start) for x in m.span()),
            len(text)]
    for begin, end in zip(cuts[::2], cuts[1::2], strict=True):
        chunk = text[begin:end]
        if chunk.strip():
            yield (begin + len(chunk) - len(chunk.lstrip()),
                   end - len(chunk) + len(chunk.rstrip()))


@dataclass(frozen=True)
class Excerpt:
    """A cited quote with the words around it in its paragraph, to read it in context."""

    before: str
    quote: str
    after: str


def excerpt(text: str, start: int, end: int, body_start: int = 0,
            context: int = 200) -> Excerpt:
    """`text[start:end]` with up to `context` characters of its paragraph on each side.

    A cut falls between words and is marked with "…"; nothing crosses into the
    neighbouring paragraphs, which are other statements.
    """
    spans = [(a, b) for a, b in paragraph_spans(text, body_start) if a < end and start < b]
    first = min([start, *(a for a, _ in spans[:1])])
    last = max([end, *(b for _, b in spans[-1:])])
    before = text[max(first, start - context):start]
    if start - context > first:  # cut inside the paragraph: drop the partial first word
        before = "…" + _LEADING_PARTIAL_WORD.sub("", before, count=1)
    after = text[end:min(last, end + context)]
    if end + context < last:
        after = _TRAILING_PARTIAL_WORD.sub("", after, count=1) + "…"
    return Excerpt(before, text[start:end], after)


def segment(text: str, passages: Sequence[Passage[T]], start: int = 0) -> Article[T]:
    """Cut `text[start:]` into paragraphs of pieces, marking where passages begin and end.

    A passage that covers no visible text (only whitespace, or text before `start`)
    gets no anchor; callers check `Article.anchors` before linking to one.
    """
    ordered = sorted(passages, key=lambda p: (p.start, -p.end))
    paragraphs: list[Paragraph[T]] = []
    for first, last in paragraph_spans(text, start):
        cuts = {first, last} | {
            x for p in ordered for x in (p.start, p.end) if first < x < last
        }
        pieces = [
            Piece(text[a:b], tuple(p for p in ordered if p.start < b and a < p.end))
            for a, b in pairwise(sorted(cuts))
        ]
        paragraphs.append(Paragraph(pieces))
    _mark_ends(paragraphs)
    return Article(paragraphs)


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
