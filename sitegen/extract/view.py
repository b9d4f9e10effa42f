"""Token objects made once per parse and shared by the rules.

Every rule walks its sentence's tokens for its own test, and spaCy makes a new `Token`
for each step of each walk (`Span.__iter__`, `Token.children`): about thirty objects per
token per article, and `Span.text` joins the tokens' texts again on each call. Inside
`sharing()` (one per article), `tokens_of` and `children_of` hand out lists made once
per Doc and per token instead (the same tokens in the same order, so a rule reads what
it read before), `text_of` cuts a span's text from the Doc's, made once, and `ents_of`
picks a sentence's entities from the Doc's, made once (`Span.ents` makes every entity
of the Doc again on each call). Outside it (a rule called on its own) they ask spaCy
each time.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:  # spaCy types only: merging imports `syntax` (and so this) without spaCy
    from spacy.tokens import Doc, Span, Token


@dataclass
class _Parse:
    """One Doc's tokens and text, and (once asked for) its tokens' children and entities."""

    doc: Doc  # held so that the Doc's id is not reused while it is cached
    tokens: list[Token]
    text: str
    children: list[list[Token]] | None = None  # by token index, once asked for
    ents: tuple[Span, ...] | None = None  # the Doc's entities, once asked for


_SHARED: ContextVar[dict[int, _Parse] | None] = ContextVar("shared_parses", default=None)


@contextmanager
def sharing() -> Iterator[None]:
    """Share token lists between the rules until the block ends."""
    reset = _SHARED.set({})
    try:
        yield
    finally:
        _SHARED.reset(reset)


def _parse(doc: Doc) -> _Parse | None:
    shared = _SHARED.get()
    if shared is None:
        return None
    parse = shared.get(id(doc))
    if parse is None:
        tokens = list(doc)  # `doc.text` would make every token again to join their texts
        text = "".join([t.text_with_ws for t in tokens])
        parse = shared[id(doc)] = _Parse(doc, tokens, text)
    return parse


def tokens_of(span: Span) -> list[Token]:
    """The tokens of `span`, in order (a new list the caller may change)."""
    parse = _parse(span.doc)
    if parse is None:
        return list(span)
    return parse.tokens[span.start : span.end]


def children_of(token: Token) -> list[Token]:
    """The syntactic children of `token`, in order, as `Token.children` gives them (do
    not change the list)."""
    parse = _parse(token.doc)
    if parse is None:
        return list(token.children)
    if parse.children is None:
        parse.children = _all_children(parse.doc, parse.tokens)
    return parse.children[token.i]


def _all_children(doc: Doc, tokens: list[Token]) -> list[list[Token]]:
    """Every token's children, from one read of the Doc's heads: the tokens whose head
    it is, in order, as `Token.children` walks them (its left and right edges bound
    its subtree). Asking spaCy token by token made a `Token` per child per token."""
    children: list[list[Token]] = [[] for _ in tokens]
    # HEAD is stored as the offset to the head, an unsigned 64-bit number
    for i, offset in enumerate(doc.to_array("HEAD").astype("int64").tolist()):
        if offset:
            children[i + offset].append(tokens[i])
    return children


def text_of(span: Span | Doc) -> str:
    """`span.text`: the Doc's text from the span's first character to its last (spaCy's
    text is its tokens' texts with their whitespace, so the two are one string)."""
    parse = _parse(span.doc)
    if parse is None:
        return span.text
    if span is parse.doc:
        return parse.text
    part = cast("Span", span)
    return parse.text[part.start_char : part.end_char]


def ents_of(span: Span) -> list[Span]:
    """`span.ents`: the entities wholly inside `span`, in order, picked from the Doc's
    as spaCy picks them (the first that runs past the span's end stops the search)."""
    parse = _parse(span.doc)
    if parse is None:
        return list(span.ents)
    if parse.ents is None:
        parse.ents = tuple(span.doc.ents)
    found = []
    start, end = span.start, span.end
    for ent in parse.ents:
        if ent.start >= start:
            if ent.end > end:
                break
            found.append(ent)
    return found
