"""The wording a claim is stated in: the clearest complete passage among its citations.

A passage from a source that copies or rewrites another is used only when no other
source states the fact (a synonym-spun copy reads oddly), and then one from the source
fewest rewrites away from an original (a copy of a copy drifts furthest). Among the rest, a complete
sentence that stands on its own (no leading pronoun, no trailing colon, no editorial
brackets, a sensible length) wins over a fragment, then one naming nobody the other
passages do not, then the one whose words the other passages share most (its other
citations must support the statement: a passage telling more than they do would be
called corroborated for what one source alone says), and then the passage most like
the others (the one that scores highest against them) wins. A quotation claim reads
"Speaker said: “…”" when one of the speaker's own passages holds a full quoted sentence.
"""

from __future__ import annotations

import re
from collections import Counter

from sitegen.extract.statements import clean_statement
from sitegen.merge.features import Passage
from sitegen.merge.keys import KeyKind, kind_of
from sitegen.merge.params import MergeParams

CONTEXT_OPENERS = {
    "he",
    "she",
    "it",
    "they",
    "his",
    "her",
    "its",
    "their",
    "this",
    "these",
    "those",
    "him",
    "them",
    "there",
}
_OPENING = "“\"‘'"
_CLOSING = ".!?”\"’'"


def choose_statement(
    members: list[Passage],
    quote: bool,
    speaker: tuple[str, str] | None,
    derived: dict[str, int],
    centrality: dict[int, float],
    params: MergeParams,
) -> tuple[str, Passage]:
    """(statement, the passage it comes from). `quote`: the claim is a quotation, and
    `speaker` (its id, its name) the one it is stated as said by; `derived`: how many
    rewrites each copying source is away from an original."""
    least = min(derived.get(m.source, 0) for m in members)
    originals = [m for m in members if derived.get(m.source, 0) == least]
    held = Counter(key for m in members for key in set(m.keys))  # passages holding a key
    best = max(
        originals,
        key=lambda m: (
            _readability(m, params),
            -_named_only_here(m, held),
            _supported(m, held),
            centrality[m.index],
            -len(m.fact.text),
            -m.index,
        ),
    )
    statement = clean_statement(best.fact.standalone or best.fact.text)
    if statement[-1:].isalnum():  # a clause cut from its sentence ends without a stop
        statement += "."
    elif statement.endswith(":"):  # a count that opened a quotation: stated alone
        statement = statement[:-1].rstrip() + "."
    said_by, name = speaker or (None, None)
    quotes = [  # only the speaker's own words: another's alike are not what they said
        m
        for m in originals
        if m.fact.kind == "quote"
        and m.speaker == said_by
        and _full_quotation(m.fact.quote, params.full_quotation_words)
    ]
    if quote and name and quotes:
        quoted = max(
            quotes,
            key=lambda m: (m is best, centrality[m.index], len(m.fact.quote or ""), -m.index),
        )
        words = (quoted.fact.quote or "").strip(" ,")
        statement = f"{name} said: “{words}”"
    return statement, best


def _supported(item: Passage, held: Counter[str]) -> float:
    """The share of the passage's words (lemmas, named things, dates) the claim's other
    passages also have (`held`: how many of the claim's passages hold each key): a
    statement should say no more than its citations support ("He was shot and killed in
    a drive-by in Cleveland" / "Major was just one of the multiple children under 15 who
    were shot and killed in Cleveland last year")."""
    told = [k for k in item.keys if kind_of(k) in _TOLD]
    if not told:
        return 0.0
    return sum(held[k] > 1 for k in told) / len(told)


_TOLD = (KeyKind.LEMMA, KeyKind.ENTITY, KeyKind.DATE)


def _named_only_here(item: Passage, held: Counter[str]) -> int:
    """The people this passage names that no other passage of the claim does: a
    statement naming them would say more than its other citations support ("Johnson
    was among the 53 others wounded" for "Another 53 were wounded")."""
    return sum(kind_of(key) is KeyKind.PERSON and held[key] < 2 for key in item.keys)


def _readability(item: Passage, params: MergeParams) -> int:
    """How well the passage reads on its own: 0 (a fragment) to 4."""
    text = " ".join(clean_statement(item.fact.standalone or item.fact.text).split())
    words = text.split()
    if not words:
        return 0
    first = words[0].strip(_OPENING).lower()
    points = 0
    opening = text.lstrip("[")  # "[Major Howard] was shot …": a name put in for "He"
    points += opening[:1].isupper() or text[0] in _OPENING
    points += text.rstrip()[-1:] in _CLOSING
    points += first not in CONTEXT_OPENERS and "[" not in item.fact.text
    points += params.statement_words_least <= len(words) <= params.statement_words_most
    return points


def _full_quotation(quote: str | None, words: int) -> bool:
    """A quotation that reads on its own (a sentence of at least `words` words), not a
    fragment woven into one."""
    return bool(quote) and bool(re.match(r"[A-Z]", quote or "")) and len(quote.split()) >= words  # type: ignore[union-attr]
