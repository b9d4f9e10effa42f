"""Whether two passages' figures, dates and actors can both be true (the merge keeps
claims apart by it; the site's figures table compares values by it, without spaCy).

A figure stands for the interval of values its wording allows: "47%" for 46.5-47.5 (it
is rounded to whole units), "46.7 percent" for 46.65-46.75, "about 70" for roughly
63-77, "up to 1.6 million" for anything up to 1.65 million. Two figures that count the
same thing disagree only when their intervals do not meet, so rounding and hedges are
tolerated and 70 against 69 is not. Dates disagree when they name different weekdays,
days of the month or years. Actors disagree when each passage's named subject appears
nowhere in the other passage.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitegen.words import word_set, word_table

if TYPE_CHECKING:
    from sitegen.factbase.model import Figure

# The hedges a figure can carry, by what they allow: extraction reads a figure's
# qualifier from these same sets (`numbers.QUALIFIERS`); the lists are `sitegen/words/`.
APPROXIMATE = word_set("hedges_approximate")
AT_LEAST = word_set("hedges_at_least")
AT_MOST = word_set("hedges_at_most")
APPROXIMATE_SPREAD = 0.1  # "about 70": within 10%
# Words that multiply the number before them: shared with extraction (`numbers`), so
# a figure is read and compared by one list.
SCALES = {word: int(factor) for word, factor in word_table("scales").items()}
_NUMBER = re.compile(r"\d[\d,]*(?:\.(\d+))?\s*([a-z]+)?", re.I)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH_ABBREVIATIONS = {month[:3]: month for month in MONTHS}


@dataclass(frozen=True)
class Interval:
    low: float
    high: float

    def meets(self, other: Interval) -> bool:
        return self.low < other.high and other.low < self.high


def step(figure: Figure) -> float:
    """The rounding unit of a figure as written: 1 for "70" or "Seventy", 0.1 for
    "46.7", 0.1 million for "1.5 million", 1 million for "$17 million"."""
    match = _NUMBER.search(figure.text)
    if match is None:
        return 1.0
    decimals = len(match.group(1) or "")
    scale = SCALES.get((match.group(2) or "").lower(), 1.0)
    return scale * 10.0**-decimals


def interval(figure: Figure, spread: float = APPROXIMATE_SPREAD) -> Interval:
    """The values the figure's wording allows (`spread`: the share "about" allows)."""
    value, half = figure.value, step(figure) / 2
    qualifier = (figure.qualifier or "").lower()
    if qualifier in AT_LEAST:
        return Interval(value - half, math.inf)
    if qualifier in AT_MOST:
        return Interval(-math.inf, value + half)
    if qualifier in APPROXIMATE:
        half = max(half, abs(value) * spread)
    return Interval(value - half, value + half)


def compatible(a: Figure, b: Figure, spread: float = APPROXIMATE_SPREAD) -> bool:
    if _street_blocks(a, b):  # "the 680 block" lies in "the 600 block"
        return a.value // 100 == b.value // 100
    return interval(a, spread).meets(interval(b, spread))


def _street_blocks(a: Figure, b: Figure) -> bool:
    """Both number a street's block, as US police give an address: by its hundred,
    "the 600 block of Racine Avenue", or more closely, "the 680 block"."""
    return a.counts == b.counts == "block" and a.value >= 100 and b.value >= 100


def comparable(a: Figure, b: Figure) -> bool:
    """Both measure the same thing: one quantity of the story ("killed": "one man",
    "two people"), both totals or both increments; else the same unit, or counts of
    the same noun."""
    if a.unit or b.unit:
        return a.unit == b.unit and a.counts == b.counts
    return _counts_one_thing(a, b) and a.increment == b.increment


def _counts_one_thing(a: Figure, b: Figure) -> bool:
    """Two counts (no unit) of one thing: one quantity of the story, else one noun
    ("an additional 69 men" / "around 70 men from Japan have volunteered")."""
    if a.quantity and b.quantity:
        return a.quantity == b.quantity
    return bool(a.counts) and singular(a.counts or "") == singular(b.counts or "")


def singular(noun: str) -> str:
    """A counted noun's singular, as far as an -s tells it."""
    noun = noun.lower()
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


def introduces_one(figure: Figure) -> bool:
    """A count of one written with a determiner, not a number ("a man was wounded", "the
    driver was wounded", "her son was killed"): it introduces one person of the story,
    it does not total it, and a story of two shootings tells of "a man" and "two men"."""
    first = figure.text.split(maxsplit=1)[0].lower() if figure.text.strip() else ""
    return figure.value == 1 and first in _DETERMINERS


_DETERMINERS = {"a", "an", "the", "his", "her", "their", "its", "my", "our", "your"}


def refers_to_one(figure: Figure) -> bool:
    """A count of one written as a person already known ("the driver", "his brother"):
    who, like an age, not what happened (the same boy is in the shooting and the
    funeral), so no evidence that two passages state one fact."""
    return introduces_one(figure) and figure.text.split()[0].lower() not in ("a", "an")


def doer_ages(figures: list[Figure]) -> dict[str, set[float]]:
    """The ages a passage gives to whoever did what happened to one known person ("a
    six-year-old boy … shot his four-year-old brother": 6, for "doer:brother"): the
    ages not written inside that person's own words. Two passages telling what happened
    to one person (by noun: shot or killed, "his brother" is one) give their doer's age."""
    victims = [f for f in figures if refers_to_one(f) and f.quantity]
    ages = [f for f in figures if f.counts == "age"]
    holders = {
        f"doer:{victim.counts}": {a.value for a in ages if a.text not in victim.text}
        for victim in victims
    }
    return {doer: found for doer, found in holders.items() if found}


def victim_ages(figures: list[Figure]) -> dict[tuple[str, str], set[float]]:
    """The age in months of the one person a passage counts for a quantity, written in
    the count ("the 6-month-old girl killed …") or, for a person it introduces, the
    passage's only age ("killed a 3-year-old girl"), by quantity and counted noun. A
    passage counting one victim per quantity only."""
    from sitegen.extract.numbers import parse_number  # which reads this module's hedges

    ones = [f for f in figures if f.value == 1 and f.quantity and f.counts]
    if len({f.quantity for f in ones}) != len(ones):
        return {}
    ages = [_months(f.value, f.unit or "") for f in figures if f.counts == "age"]
    found: dict[tuple[str, str], set[float]] = {}
    for one in ones:
        written = _AGE_IN.search(one.text)
        value = parse_number(written.group(1)) if written else None
        if written and value is not None:
            found[(one.quantity or "", singular(one.counts or ""))] = {
                _months(value, written.group(2))
            }
        elif len(ages) == 1 and not refers_to_one(one):
            found[(one.quantity or "", singular(one.counts or ""))] = set(ages)
    return found


_AGE_IN = re.compile(r"(\w+)-(year|month)s?-old", re.I)


def _months(value: float, unit: str) -> float:
    return value if unit.lower().startswith("month") else value * 12


def figures_disagree(
    left: list[Figure], right: list[Figure], spread: float = APPROXIMATE_SPREAD
) -> bool:
    """Some figure on one side counts what a figure on the other side counts, and no
    figure on the other side that counts the same thing is compatible with it. A figure
    that has its match on the other side is no rival to the rest: "$2.5 billion from
    one fund and $600 million from another" and "about $600 million from the second
    fund" agree on what both say."""
    for a in left:
        if any(_same_figure(a, b, spread) for b in right) or _sum_of_parts(a, right):
            continue
        rivals = [b for b in right if comparable(a, b) and bool(a.quantity) == bool(b.quantity)]
        if any(
            not any(_same_figure(b, c, spread) for c in left) and not _sum_of_parts(b, left)
            for b in rivals
        ):
            return True
    return False


def _sum_of_parts(total: Figure, side: list[Figure]) -> bool:
    """The other side counts the same quantity in parts that add up to the total ("Four
    people were killed" / "killed his girlfriend and then fatally shot three men")."""
    if not total.quantity:
        return False
    parts = [f.value for f in side if comparable(total, f) and f.quantity == total.quantity]
    return len(parts) > 1 and sum(parts) == total.value


def _same_figure(a: Figure, b: Figure, spread: float) -> bool:
    """`b` states `a`: it counts the same thing compatibly, or it is the same number
    with its unit left out ("a federal rate of 35.72, and a combined rate of 45.8
    percent" gives 35.7 percent too)."""
    bare = not (b.unit or b.counts or b.quantity)
    return (comparable(a, b) or bare) and compatible(a, b, spread)


def one_quantity(left: list[Figure], right: list[Figure]) -> bool:
    """Some figure on each side counts one quantity of the story (not money: sums of
    money are told apart by what they pay for)."""
    return any(
        a.quantity and a.quantity == b.quantity and not (a.unit or b.unit)
        for a in left
        for b in right
    )


def increment_and_total(left: list[Figure], right: list[Figure]) -> bool:
    """One side counts what was added to a quantity or a noun ("two more have since
    died", "an additional 69 men"), the other its total ("two people died", "70 men"):
    two facts, and no dispute between them."""
    return any(
        a.increment != b.increment and not (a.unit or b.unit) and _counts_one_thing(a, b)
        for a in left
        for b in right
    )


def figures_agree(
    left: list[Figure], right: list[Figure], spread: float = APPROXIMATE_SPREAD
) -> list[tuple[int, int]]:
    """Pairs (i, j) of compatible figures with the same unit, each figure used once."""
    pairs, used = [], set()
    for i, a in enumerate(left):
        for j, b in enumerate(right):
            if j not in used and a.unit == b.unit and compatible(a, b, spread):
                pairs.append((i, j))
                used.add(j)
                break
    return pairs


def date_atoms(text: str) -> dict[str, str]:
    """The weekday, day of month, month and year a date phrase names."""
    atoms: dict[str, str] = {}
    lowered = text.lower()
    for word in re.findall(r"[a-z]+|\d+", lowered):
        if word in WEEKDAYS:
            atoms["weekday"] = word
        elif word in MONTHS or word in _MONTH_ABBREVIATIONS:
            atoms["month"] = _MONTH_ABBREVIATIONS[word[:3]]
        elif word.isdigit() and len(word) == 4:
            atoms["year"] = word
        elif word.isdigit() and 1 <= int(word) <= 31:
            atoms["day"] = str(int(word))
    if "day" in atoms and "month" not in atoms:
        del atoms["day"]  # "39" in "39-year-old" is no day of a month
    return atoms


def dates_disagree(left: list[str], right: list[str], weekdays: bool = True) -> bool:
    """Both passages date what they say, and the dates name different days or years
    (without `weekdays`: different days of a month, months or years)."""
    a = [_without_weekday(date_atoms(d), weekdays) for d in left]
    b = [_without_weekday(date_atoms(d), weekdays) for d in right]
    a, b = [x for x in a if x], [x for x in b if x]
    if not a or not b:
        return False
    return not any(_same_date(x, y) for x in a for y in b)


def _without_weekday(atoms: dict[str, str], weekdays: bool) -> dict[str, str]:
    return atoms if weekdays else {k: v for k, v in atoms.items() if k != "weekday"}


def _same_date(a: dict[str, str], b: dict[str, str]) -> bool:
    return all(a[k] == b[k] for k in set(a) & set(b))
