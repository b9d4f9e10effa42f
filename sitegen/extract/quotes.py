"""Finding quotations by their marks: straight, curly and single quotes.

Works on plain text and offsets, before any parsing, so that a quotation that spaCy
splits into several sentences is still one quotation. Real copy mixes its marks (an
opening curly quote closed by a straight one, a closing mark typed as an opening one),
so a double mark closes with any double mark in closing position, and a single mark
with any single one.
"""

from __future__ import annotations

from dataclasses import dataclass

_DOUBLE_OPEN = {"“", '"', "„", "«"}
_DOUBLE_CLOSE = {"”", '"', "“", "»"}
_SINGLE_OPEN = {"‘", "'"}
_SINGLE_CLOSE = {"’", "'", "‘"}


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # offset of the opening mark
    end: int  # offset just after the closing mark (or the block end when left open)
    inner_start: int
    inner_end: int
    closed: bool

    def words(self, text: str) -> str:
        return text[self.inner_start : self.inner_end]


def find_quotes(text: str, start: int = 0, end: int | None = None) -> list[QuoteSpan]:
    """Quotations in `text[start:end]`. A double quote left open runs to `end`, as a
    quotation that continues into the next paragraph does in news style."""
    end = len(text) if end is None else end
    spans: list[QuoteSpan] = []
    i = start
    while i < end:
        mark = text[i]
        double = mark in _DOUBLE_OPEN
        if (double or mark in _SINGLE_OPEN) and _opens(text, i, start):
            close = _find_close(text, i + 1, end, double)
            if close is None and not double:  # 'opened single, closed double."
                close = _find_close(text, i + 1, end, True)
                if close is None or text[close] == "“":
                    i += 1
                    continue
            if close is None:
                spans.append(QuoteSpan(i, end, i + 1, end, closed=False))
                break
            spans.append(QuoteSpan(i, close + 1, i + 1, close, closed=True))
            i = close + 1
            continue
        i += 1
    return [s for s in spans if s.words(text).strip()]


def _opens(text: str, i: int, start: int) -> bool:
    """An opening mark follows a space, a bracket, a dash or the block start, and is
    followed by a word character (this tells ‘quote from an apostrophe); or, a double
    mark outside any quotation, it follows a sentence's end and a capital follows it
    (`years."We live here`: a crawl that lost the space between two sentences)."""
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if text[i] in _DOUBLE_OPEN and before in ".!?" and after.isupper():
        return True
    return (before.isspace() or before in "([{—–-:,/") and not after.isspace()


def _find_close(text: str, i: int, end: int, double: bool) -> int | None:
    closers = _DOUBLE_CLOSE if double else _SINGLE_CLOSE
    while i < end:
        ch = text[i]
        if ch in closers:
            after = text[i + 1] if i + 1 < end else " "
            before = text[i - 1]
            if not double and (after.isalnum() or before.isspace()):
                i += 1  # an apostrophe inside a word (can’t, Japan’s), or a nested opening
                continue
            if before.isspace() and (after.isalnum() or ch in _DOUBLE_OPEN | _SINGLE_OPEN):
                return None  # the next quotation's opening mark: this one was left open
            return i
        if ch == "\n" and text[i : i + 2] == "\n\n":
            return None
        i += 1
    return None


def continued_quote(text: str, start: int, end: int) -> list[QuoteSpan]:
    """A paragraph after one whose quotation was left open continues that quotation up
    to its closing mark, when it does not open a new one (news style: a quotation running
    over several paragraphs closes only in the last)."""
    first = text[start] if start < end else ""
    if first in _DOUBLE_OPEN | _SINGLE_OPEN:
        return []
    for i in range(start + 1, end):
        if text[i] in _DOUBLE_OPEN and _opens(text, i, start) and text[i - 1].isspace():
            return []  # a new quotation opens first: the old one was never closed
        if text[i] in _DOUBLE_CLOSE and not text[i - 1].isspace():
            return [QuoteSpan(start, i + 1, start, i, closed=True)]
    return []


def disjoint(marks: list[QuoteSpan], start: int, end: int) -> list[QuoteSpan]:
    """`marks` in text order, inside `text[start:end]`, none overlapping another: every
    rule after this one reads the gaps between quotations, which must not be negative,
    whatever marks a page left open, nested or crossing paragraphs."""
    kept: list[QuoteSpan] = []
    for mark in sorted(marks, key=lambda q: (q.start, -q.end)):
        inside = start <= mark.start <= mark.inner_start <= mark.inner_end <= mark.end <= end
        if inside and mark.start < mark.end and (not kept or mark.start >= kept[-1].end):
            kept.append(mark)
    return kept
