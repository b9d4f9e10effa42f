"""Figures in a sentence: numbers with their unit, what they count, and their hedge.

"some 60,000 people" -> 60000, counts "people", qualifier "some"; "$17 million in
donations" -> 17000000 USD, counts "donations"; "Seventy Japanese men" -> 70 "men";
"a 39-year-old" -> 39 years, counts "age". Values are normalised so that the merge and
conflict checks can compare them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from sitegen.extract.numbers import currency_of, parse_number, qualifier_of
from sitegen.extract.params import current
from sitegen.extract.syntax import SUBJECTS
from sitegen.extract.view import children_of, ents_of, text_of, tokens_of
from sitegen.factbase.model import Figure

NUMBER_LABELS = {"CARDINAL", "MONEY", "QUANTITY", "PERCENT"}
_VAGUE = {"one", "a", "an", "half", "single"}  # "one of them", "half of his time"
# "39-year-old", "six-year-old", "twenty-one-year-old"; "Ann Cole, 39,"
_AGE = re.compile(
    r"\b(\d{1,3}|[a-z]+(?:-[a-z]+)?)-year-old\b|,\s(\d{1,3}),"
    r"|\b(\d{1,3}|[a-z]+(?:-[a-z]+)?) years? old\b",  # "the youngest, just 15 years old"
    re.I,
)
_COUNTED_DEPS = ("nummod", "compound", "nmod", "amod", "quantmod")


def figures(sentence: Span) -> Iterator[Figure]:
    """The sentence's figures: numbers NER tagged, counts it left untagged, then ages
    not already read."""
    seen: list[tuple[int, int]] = []  # character ranges read as figures
    yield from _tagged(sentence, seen)
    yield from _untagged(sentence, seen)
    yield from _ages(sentence, seen)


def _tagged(sentence: Span, seen: list[tuple[int, int]]) -> Iterator[Figure]:
    for ent in ents_of(sentence):
        if ent.label_ not in NUMBER_LABELS:
            continue
        value = parse_number(ent.text)
        number = _number_of(ent)
        if value is None or ent.text.lower().strip() in _VAGUE or _names(number):
            continue
        if ent.label_ == "CARDINAL" and (_a_year(number) or _hyphened(number)):
            continue
        before = ent.doc[max(ent.start - current().context_words, sentence.start) : ent.start].text
        seen.append((ent.start_char, ent.end_char))
        yield Figure(
            value=value,
            text=_figure_text(ent),
            unit=_unit_of(ent),
            counts=counted(ent),
            qualifier=qualifier_of(ent.text) or qualifier_of(before),
        )


def _unit_of(ent: Span) -> str | None:
    """A money figure's currency (from its words or the signs around it), "percent", or
    a quantity's unit ("miles")."""
    if ent.label_ == "MONEY":
        around = ent.doc[max(ent.start - 1, 0) : ent.end + 1].text
        return currency_of(ent.text) or currency_of(around)
    if ent.label_ == "PERCENT":
        return "percent"
    if ent.label_ == "QUANTITY":
        return ent[-1].lemma_.lower()
    return None


def _untagged(sentence: Span, seen: list[tuple[int, int]]) -> Iterator[Figure]:
    """A count NER left untagged ("Seventy men, including …")."""
    for token in tokens_of(sentence):
        if (
            token.pos_ == "NUM"
            and token.dep_ == "nummod"
            and not token.ent_type_
            and token.head.pos_ == "NOUN"
            and not _names(token)
            and not _a_year(token)
            and not _hyphened(token)
        ):  # not "27 Feb", not "Boeing 737"
            span = sentence.doc[token.i : token.i + 1]
            value = parse_number(token.text)
            if value is None or token.lower_ in _VAGUE:
                continue
            seen.append((span.start_char, span.end_char))
            yield Figure(
                value=value,
                text=token.text,
                counts=counted(span),
                qualifier=qualifier_of(
                    sentence.doc[max(token.i - current().context_words, 0) : token.i].text
                ),
            )


def _hyphened(number: Token) -> bool:
    """A number hyphened to a singular noun that modifies another: a kind, not a count
    ("a four-door Chevrolet", "the three-story home", "a 12-gauge shotgun")."""
    doc, noun = number.doc, number.head
    return (
        number.i + 2 == noun.i
        and doc[number.i + 1].tag_ == "HYPH"
        and noun.tag_ == "NN"
        and noun.dep_ in ("compound", "amod")
    )


def _a_year(number: Token) -> bool:
    """Four figures with no comma, in the years' range, before the noun they modify:
    a year ("2020 Democrats", "the 2016 election"). News writes a count of a thousand
    or more with a comma ("2,020 voters")."""
    return bool(_YEAR.fullmatch(number.text)) and number.head.i > number.i


_YEAR = re.compile(r"(?:1[89]|20)\d\d")


def _names(number: Token) -> bool:
    """A number after the noun it belongs to names it: "Terminal 2", "Flight 93", "Gate
    5" (a count comes first: "2 terminals")."""
    return number.dep_ == "nummod" and number.head.i < number.i


def _ages(sentence: Span, seen: list[tuple[int, int]]) -> Iterator[Figure]:
    """ "a 39-year-old", "Ann Cole, 39,": an age, unless read as a figure already."""
    for match in _AGE.finditer(text_of(sentence)):
        age = parse_number(match.group(1) or match.group(2) or match.group(3))
        if age is None or (match.group(2) and not _preceded_by_name(sentence, match.start())):
            continue  # "a-year-old" is no age; "Smith, 39," is, "June 6, 2015," is not
        char = sentence.start_char + match.start()
        if any(a <= char < b for a, b in seen):
            continue
        yield Figure(value=int(age), text=match.group(0).strip(" ,"), unit="years", counts="age")


def _figure_text(ent: Span) -> str:
    """The words of the figure, with a conversion in brackets: "100,000 yen ($868)"."""
    doc = ent.doc
    text = " ".join(ent.text.split())
    if ent.label_ == "MONEY" and ent.end + 2 < len(doc) and doc[ent.end].text == "(":
        close = next((t.i for t in doc[ent.end + 1 : ent.end + 8] if t.text == ")"), None)
        inner = doc[ent.end + 1 : close] if close is not None else None
        if inner is not None and any(t.ent_type_ == "MONEY" for t in inner):
            return f"{text} ({inner.text})"  # "100,000 yen ($868)": one sum, converted
    return text


def _preceded_by_name(sentence: Span, position: int) -> bool:
    before = sentence.char_span(0, position, alignment_mode="contract")
    return before is not None and len(before) > 0 and before[-1].ent_type_ == "PERSON"


def counted(ent: Span) -> str | None:
    """What a number counts: the noun it modifies ("70 Japanese men" -> "men", "a $3.1
    million war chest" -> "war chest"), or its "in"/"of" phrase ("$17 million in
    donations", "50 of the members")."""
    root = _number_of(ent)
    head = root.head
    if head.ent_type_ in ("MONEY", "QUANTITY"):
        return None  # "100,000 yen ($868)": a conversion of the sum, counting nothing
    if root.dep_ in _COUNTED_DEPS and head.pos_ in ("NOUN", "PROPN") and head.i >= ent.end:
        return _noun_words(head)
    if ent.label_ == "MONEY" and head.pos_ == "NOUN" and root.dep_ == "pobj":
        return None  # "a check for $5": the money is the thing
    if ent.label_ == "MONEY" and root.dep_ in ("pobj", "attr"):
        subject = _sum_subject(root)
        if subject is not None:
            return _noun_words(subject)  # "bail has been set at $130,000": the bail
    for child in children_of(root):
        if child.dep_ == "prep" and child.lower_ in ("of", "in"):
            objects = [c for c in children_of(child) if c.dep_ == "pobj" and c.pos_ == "NOUN"]
            if objects:
                return _noun_words(objects[0])
    return None


def _sum_subject(root: Token) -> Token | None:
    """The noun a sum is the value of when a verb links the two ("bail has been set at
    $130,000", "the house sold for $300,000", "the fine is $500"): the verb's subject,
    a common noun (not "he paid $5": a person is no thing a sum measures)."""
    verb = root.head.head if root.dep_ == "pobj" and root.head.dep_ == "prep" else root.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    subjects = [c for c in children_of(verb) if c.dep_ in SUBJECTS and c.pos_ == "NOUN"]
    return subjects[0] if subjects else None


def _number_of(ent: Span) -> Token:
    """The entity's word that attaches it to the sentence, a number first: in "an
    additional 69 men" the article, the adjective and the number all modify "men", and
    the number is what counts them."""
    outward = [t for t in ent if not (ent.start <= t.head.i < ent.end) or t.head == t]
    return next((t for t in reversed(outward) if t.like_num), ent.root)


def _noun_words(noun: Token) -> str:
    """A counted noun with its compound nouns ("war chest"), lower case."""
    words = [t for t in noun.lefts if t.dep_ == "compound" and t.pos_ == "NOUN"]
    return " ".join(t.lower_ for t in [*words, noun])
