"""The counts a headline states: "One dead, four hurt in …", "6 shot, 2 fatally".

A web story's headline is often its only full count, but a headline is telegraphic (no
articles, commas for "and", participles for clauses) and the parser reads it poorly:
"6 shot outside home; 2 killed" made the six killed, "Grandparents charged in shooting
of girl, 5" five charged. So a headline's count is read from its words, not from the
parse, and only where they say it plainly: a number, at most one noun, then the
outcome ("four hurt", "14 people wounded", "2 fatally"). Not a number that ends a list
of others ("mom, two sons died": three died), not one marked as added ("2 more dead"),
and none in the headline of a tally ("8 dead, 27 wounded in weekend shootings across
the city").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from sitegen.extract.lexicon import PEOPLE_COUNTS, QUANTITY_OF
from sitegen.extract.numbers import ORDINAL_DIGITS, parse_number, qualifier_of
from sitegen.extract.quantities import INCREMENT_BEFORE, OVER_AN_AREA, UNSAID_MANY
from sitegen.factbase.model import Figure

# quantities a headline counts people in
# a span of time a tally covers, before the acts it sums ("weekend shootings")
TALLY_PERIODS = {"weekend", "week", "month", "holiday", "overnight"}
_PLURAL = {"NNS", "NNPS"}
_LISTING = {",", "&", "and"}
_HEDGE_WORDS = 3  # words before the number that may hedge it ("at least 3 dead")


def counted_part(sentence: Span) -> Span:
    """The headline's words from its counts on, when a clause of its own comes before
    them, set off by a colon ("He Took Them by Surprise: 3 Dead, 2 Hurt in Shooting
    Spree"): a quotation or a teaser that needs the article to be understood. A label
    without a verb stays: it says who tells the counts ("Police: 5 people shot") or of
    what ("Cincinnati nightclub shooting: One killed, 15 injured")."""
    colons = [t for t in sentence if t.text == ":"]
    if not colons:
        return sentence
    before = sentence.doc[sentence.start : colons[-1].i]
    rest = sentence.doc[colons[-1].i + 1 : sentence.end]
    told = any(t.pos_ in ("VERB", "AUX") for t in before)
    counts_after = any(t.like_num for t in rest) and not any(t.like_num for t in before)
    return rest if told and counts_after else sentence


def headline_counts(sentence: Span) -> list[Figure]:
    """The people counts a headline sentence states plainly, each with the quantity its
    outcome word names."""
    if _a_tally(sentence):
        return []
    counts = []
    for token in sentence:
        if not token.like_num or ORDINAL_DIGITS.fullmatch(token.text) or _ends_a_list(token):
            continue
        value = parse_number(token.text)
        if value is None:
            continue
        counted, outcome = _counted_and_outcome(token, sentence)
        if outcome is None or _added(token):
            continue
        before = sentence.doc[max(token.i - _HEDGE_WORDS, sentence.start) : token.i].text
        counts.append(
            Figure(
                value=value,
                text=token.text,
                counts=counted.lower_ if counted is not None else None,
                qualifier=qualifier_of(before),
                quantity=outcome,
            )
        )
    return counts


def _counted_and_outcome(number: Token, sentence: Span) -> tuple[Token | None, str | None]:
    """The noun after the number, if one, and the quantity of the word after that."""
    at = number.i + 1
    counted = None
    if at < sentence.end and _outcome(sentence.doc[at]) is None and _a_noun(sentence.doc[at]):
        counted, at = sentence.doc[at], at + 1
    if at >= sentence.end:
        return counted, None
    return counted, _outcome(sentence.doc[at])


def _outcome(word: Token) -> str | None:
    """The quantity an outcome word names, in whatever form the headline writes it: the
    parser often takes a capitalised "Killed" for a name, and "shot" for a noun. Not
    an act ("two shooting scenes")."""
    if word.lower_.endswith("ing"):
        return None
    for form in _forms(word):
        quantity = QUANTITY_OF.get(form)
        if quantity in PEOPLE_COUNTS:
            return quantity
    return None


def _forms(word: Token) -> list[str]:
    """The word, its lemma and, for a participle, its verb ("killed", "charged")."""
    lower = word.lower_
    forms = [lower, word.lemma_.lower(), _IRREGULAR.get(lower, "")]
    if lower.endswith("ed"):
        forms += [lower[:-1], lower[:-2]]
    return forms


_IRREGULAR = {"shot": "shoot"}  # participles whose verb is not the word less "-ed"


def _a_noun(word: Token) -> bool:
    return word.pos_ in ("NOUN", "PROPN") and word.lower_ not in TALLY_PERIODS


def _ends_a_list(number: Token) -> bool:
    """ "mom, two sons died", "Suspect & 2 victims shot": a number after a noun and a
    comma or "and" counts only the last of those listed; not after an outcome ("One
    dead, four hurt"). Nor after "of": "Father of 5 killed" counts his children."""
    doc = number.doc
    if number.i > 0 and doc[number.i - 1].lower_ == "of":
        return True  # "Father of 5 killed": his five children
    if number.i < 2 or doc[number.i - 1].lower_ not in _LISTING:
        return False
    before = doc[number.i - 2]
    return _a_noun(before) and _outcome(before) is None


def _added(number: Token) -> bool:
    """ "2 more dead", "another 3 hurt": a count beyond one told before."""
    doc = number.doc
    after = doc[number.i + 1].lower_ if number.i + 1 < len(doc) else ""
    before = doc[number.i - 1].lower_ if number.i > 0 else ""
    return after == "more" or before in INCREMENT_BEFORE


def _a_tally(sentence: Span) -> bool:
    """A headline summing many acts: over an area ("across the city"), an unsaid many
    ("in several shootings"), or over a span of time ("weekend shootings", "overnight
    NYC shootings"; "overnight shooting" is one act)."""
    words = [t for t in sentence if not _hyphened(t)]
    if any(t.lower_ in OVER_AN_AREA or t.lower_ in UNSAID_MANY for t in words):
        return True
    doc = sentence.doc
    return any(
        t.lower_ in TALLY_PERIODS and any(doc[i].tag_ in _PLURAL for i in _next_words(t, sentence))
        for t in words
    )


def _next_words(token: Token, sentence: Span) -> range:
    """The two words after `token` ("weekend shootings", "overnight NYC shootings")."""
    return range(token.i + 1, min(token.i + 3, sentence.end))


def _hyphened(token: Token) -> bool:
    """ "17-Year-Old", "6-month-old": a word of an age, not a span of time."""
    doc = token.doc
    return any(0 <= i < len(doc) and doc[i].text == "-" for i in (token.i - 1, token.i + 1))
