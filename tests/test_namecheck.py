"""The name check's pairs, found through buckets and deletion forms, are exactly the
pairs a comparison of every two people finds."""

from __future__ import annotations

import random
from itertools import combinations

from sitegen.namecheck import FEW, Misspellings, _one_part_misspelt, close_pairs
from sitegen.spelling import fold


def every_pair(people: list[tuple[str, str]], params: Misspellings) -> list[tuple[str, str]]:
    """The definition, pair by pair: same number of words, one differing word."""
    parts = [(pid, [fold(w.strip(".,")) for w in name.split()]) for pid, name in people]
    return sorted(
        {
            (a, b)
            for (a, pa), (b, pb) in combinations(parts, 2)
            if len(pa) == len(pb) >= 2 and _one_part_misspelt(pa, pb, params)
        }
    )


def names(rng: random.Random, count: int) -> list[tuple[str, str]]:
    """Few first names and surnames, so buckets hold many more than `FEW` people, with
    misspellings, hyphenated surnames, middle initials and one-word names."""
    firsts = ["Ana", "Anna", "Ann", "Eliot", "Elliot", "Ed", "Jon", "John", "Joan"]
    lasts = ["Garza", "Garzia", "Roberts", "Robert", "Isaac", "Isaacs", "Li", "Lee", "Cole"]
    people = []
    for number in range(count):
        first, last = rng.choice(firsts), rng.choice(lasts)
        shape = rng.random()
        if shape < 0.15:
            last = f"{last}-{rng.choice(lasts)}"
        elif shape < 0.3:
            first = f"{first} {rng.choice('ABC')}."
        elif shape < 0.35:
            first, last = "", last.upper()
        people.append((f"p{number}", f"{first} {last}".strip()))
    return people


def test_close_pairs_are_the_pairs_every_comparison_finds() -> None:
    rng = random.Random(5)
    people = names(rng, 300)
    assert len(people) > 10 * FEW  # buckets above FEW take the deletion forms
    for params in (Misspellings(), Misspellings(max_edits=1), Misspellings(min_letters=5)):
        found = close_pairs(people, params)
        assert found == every_pair(people, params)
    assert close_pairs(people)  # the sample has close names
    shuffled = people[:]
    rng.shuffle(shuffled)  # a pair is named in the order the people were given
    assert close_pairs(shuffled) == every_pair(shuffled, Misspellings())
