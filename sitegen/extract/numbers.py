"""Reading numbers as written in news prose: "Seventy", "60,000", "$17 million", "1.5bn"."""

from __future__ import annotations

import re

from sitegen.agreement import APPROXIMATE, AT_LEAST, AT_MOST, SCALES
from sitegen.words import word_table

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "a": 1,
    "an": 1,
    "single": 1,
    "half": 0.5,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = SCALES
_WORD = re.compile(r"[a-z]+|\d[\d,]*(?:\.\d+)?", re.I)
_SLASHED = re.compile(r"\d\s*/\s*\d")

# longest first: "just over 70" is "just over", not "over"
QUALIFIERS = tuple(sorted(APPROXIMATE | AT_LEAST | AT_MOST, key=lambda hedge: (-len(hedge), hedge)))

# Currency signs and words by the code a money figure is kept in (first found wins).
CURRENCIES = word_table("currencies")


# "2nd", "21st": an ordinal in digits ranks, it does not count
ORDINAL_DIGITS = re.compile(r"\d+(?:st|nd|rd|th)", re.IGNORECASE)
# ordinals past the first: "a second man", "a seventh person" (others came before)
LATER_ORDINALS = frozenset(
    [
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
    ]
)


def written_forms(value: float) -> list[str]:
    """How prose writes a whole count of two or more: digits ("1,200", "1200") and, up to
    ninety-nine, words ("three", "twenty-one"). A count of one has too many forms ("a
    man", "the driver") to look for."""
    if value < 2 or value != int(value):
        return []
    whole = int(value)
    forms = [f"{whole:,}", str(whole)] if whole >= 1000 else [str(whole)]
    if whole in _NUMBER_WORDS:
        forms.append(_NUMBER_WORDS[whole])
    elif whole < 100:
        forms.append(f"{_NUMBER_WORDS[whole - whole % 10]}-{_NUMBER_WORDS[whole % 10]}")
    return forms


# each whole number's word ("one", not "a" or "single": the tens' "twenty-one")
_NUMBER_WORDS = {
    number: word
    for word, number in {**_UNITS, **_TENS}.items()
    if word not in ("a", "an", "single", "half")
}

_WRITTEN_NUMBERS = frozenset(_NUMBER_WORDS.values())


def may_count(text: str) -> bool:
    """Whether `text` writes a number, in digits or words ("dozen" and the scales too):
    a headline without one states no count, and is not parsed."""
    return any(
        word[0].isdigit() or word in _WRITTEN_NUMBERS or word in _SCALES
        for word in (w.lower() for w in _WORD.findall(text.replace("-", " ")))
    )


def parse_number(text: str) -> float | None:
    """The value of a number phrase, or None when it holds no number, or only numbers
    joined by a slash: a date or a name ("9/11", "24/7"), not their sum."""
    if _SLASHED.search(text):
        return None
    words = [w.lower() for w in _WORD.findall(text.replace("-", " "))]
    words = [w for i, w in enumerate(words) if not _article_before_number(words, i)]
    total = 0.0
    current: float | None = None
    for word in words:
        read = _read_word(word, current, total)
        if read is None:
            break
        current, total = read
    if current is None and not total:
        return None
    value = total + (current or 0)
    return int(value) if float(value).is_integer() else round(value, 6)


def _article_before_number(words: list[str], i: int) -> bool:
    """ "a"/"an" opening a number of other words ("an additional 69", "a further
    three"): an article, not one. It is one alone ("a man") or before a scale ("a
    dozen", "a hundred")."""
    return words[i] in ("a", "an") and i + 1 < len(words) and words[i + 1] not in _SCALES


def _read_word(word: str, current: float | None, total: float) -> tuple[float | None, float] | None:
    """The number read so far (the group under way, the total of closed groups) after
    one more word: "two hundred" multiplies, "thousand" closes a group; None at the
    first word after the number."""
    if word[0].isdigit():
        value = float(word.replace(",", ""))
        return (value if current is None else current + value), total
    if word in _UNITS and (word not in ("a", "an") or current is None):
        return (current or 0) + _UNITS[word], total
    if word in _TENS:
        return (current or 0) + _TENS[word], total
    if word in _SCALES and current is not None:
        if _SCALES[word] < 1_000:
            return current * _SCALES[word], total
        return None, total + current * _SCALES[word]
    if word == "and" or (current is None and not total):
        return current, total  # "and", or a word before the number starts
    return None


def qualifier_of(text: str) -> str | None:
    """The hedge in front of a number phrase ("some 60,000" -> "some")."""
    lowered = " ".join(text.lower().split())
    for hedge in QUALIFIERS:
        if lowered.startswith(hedge + " ") or lowered.endswith(" " + hedge) or lowered == hedge:
            return hedge
    return None


def currency_of(text: str) -> str | None:
    lowered = text.lower()
    for mark, code in CURRENCIES.items():
        if not mark.isalpha() and mark in lowered:
            return code
    for word in re.findall(r"[a-z$€£¥]+", lowered):
        if word in CURRENCIES:
            return CURRENCIES[word]
    return None
