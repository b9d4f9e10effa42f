"""Finding quotations by their marks: straight, curly and single quotes.

Works on plain text and offsets, before any parsing, so that a quotation that spaCy
splits into several sentences is still one quotation.
"""

from __future__ import annotations

from dataclasses import dataclass

_PAIRS = {"“": "”", '"': '"', "‘": "’", "'": "'", "«": "»", "„": "“"}
_SINGLE = {"‘", "'"}


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # offset of the opening mark
    end: int  # offset just after the closing mark (or the block end when left open)
    inner_start: int
    inner_end: int
    closed: bool

    def words(self, text: str) -> str:
        return text[self.inner_start:self.inner_end]


def find_quotes(text: str, start: int = 0, end: int | None = None) -> list[QuoteSpan]:
    """Quotations in `text[start:end]`. A quote left open runs to `end`, as a quotation
    that continues into the next paragraph does in news style."""
    end = len(text) if end is None else end
    spans: list[QuoteSpan] = []
    i = start
    while i < end:
        mark = text[i]
        if mark in _PAIRS and _opens(text, i, start):
            close = _find_close(text, i + 1, end, _PAIRS[mark])
            if close is None:
                if mark in _SINGLE:
                    i += 1
                    continue
                inner_end = end
                spans.append(QuoteSpan(i, end, i + 1, inner_end, closed=False))
                break
            spans.append(QuoteSpan(i, close + 1, i + 1, close, closed=True))
            i = close + 1
            continue
        i += 1
    return [s for s in spans if s.words(text).strip()]


def _opens(text: str, i: int, start: int) -> bool:
    """An opening mark follows a space, a bracket, a dash or the block start, and is
    followed by a word character (this tells ‘quote from an apostrophe)."""
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-:,/") and not after.isspace()


def _find_close(text: str, i: int, end: int, close: str) -> int | None:
    while i < end:
        ch = text[i]
        if ch == close:
            after = text[i + 1] if i + 1 < end else " "
            before = text[i - 1]
            # a closing single mark is not an apostrophe inside a word (can’t, Japan’s)
            if close in "’'" and (after.isalnum() or before.isspace()):
                i += 1
                continue
            if close == '"' and before.isspace() and after.isalnum():
                return None  # looks like the next opening mark: unbalanced
            return i
        if ch == "\n" and text[i:i + 2] == "\n\n":
            return None
        i += 1
    return None
