"""The counts a headline states plainly, read from its words (parses built by hand)."""

from __future__ import annotations

import pytest

from sitegen.extract.headlines import counted_part, headline_counts
from tests.builders import W, parse


def _headline(text: str) -> list[tuple[float, str | None]]:
    """`text` as one sentence, each word tagged by its look: a number NUM, a
    capitalised or plain word NOUN, an outcome or "in" as the words below say. The
    reader must not need a good parse: every word hangs on the first."""
    verbs = {
        "killed": "kill",
        "died": "die",
        "shot": "shoot",
        "injured": "injure",
        "shooting": "shoot",
    }
    words = []
    for number, word in enumerate(text.replace(",", " ,").replace(";", " ;").split()):
        lower = word.lower()
        if lower in ("one", "two", "four") or word.isdigit():
            pos = "NUM"
        elif lower in (",", ";", "-"):
            pos = "PUNCT"
        elif lower in ("in", "of", "at"):
            pos = "ADP"
        elif lower in verbs:
            pos = "VERB"
        elif lower in ("dead", "more"):
            pos = "ADJ"
        else:
            pos = "NOUN"
        lemma = verbs.get(lower, lower)
        tag = "NNS" if pos == "NOUN" and lower.endswith("s") else ""
        words.append(W(word, 0, "ROOT" if number == 0 else "dep", pos, lemma, tag))
    doc = parse(*words)
    return [(f.value, f.quantity) for f in headline_counts(doc[:])]


@pytest.mark.parametrize(
    ("headline", "counts"),
    [
        ("One dead, four hurt in park shooting", [(1, "killed"), (4, "injured")]),
        ("6 shot outside home; 2 killed", [(6, "shot"), (2, "killed")]),
        ("14 people wounded in shooting at party", [(14, "injured")]),
        ("Woman Killed, 3 Hurt in shooting", [(3, "injured")]),
        ("One dead, four hurt in overnight shooting", [(1, "killed"), (4, "injured")]),
    ],
)
def test_a_number_then_its_outcome_is_a_count(headline: str, counts: list) -> None:
    assert _headline(headline) == counts


@pytest.mark.parametrize(
    "headline",
    [
        "Mom, two sons died in shooting",  # a list: three died
        "Father of 5 killed in shooting",  # his children
        "Grandparents charged in shooting of girl, 5",  # an age
        "8 dead, 27 wounded in weekend shootings",  # a tally of many acts
        "One dead, four wounded in overnight NYC shootings",  # the same
        "2 victims in shooting at club",  # no outcome: who were they?
        "Man dead, 2 more hurt in crash",  # added to a count told before
        "Suspect & 2 victims shot",  # a list: three shot
        "2nd person arrested in shooting",  # an ordinal
        "Police investigating two shooting scenes",  # acts, not people
    ],
)
def test_a_number_said_otherwise_is_no_count(headline: str) -> None:
    assert _headline(headline) == []


@pytest.mark.parametrize(
    ("title", "parsed"),
    [("One dead, four hurt", True), ("Dozens hurt in crash", False), ("$2 million stolen", True)],
)
def test_only_a_headline_writing_a_number_is_parsed(title: str, parsed: bool) -> None:
    from sitegen.extract.numbers import may_count

    assert may_count(title) is parsed


@pytest.mark.parametrize(
    ("headline", "part"),
    [
        ("He took them : 3 dead , 2 hurt in spree", "3 dead , 2 hurt in spree"),
        ("Police : 5 people shot in park", "Police : 5 people shot in park"),
        ("He said 3 : police seek gunman", "He said 3 : police seek gunman"),
        ("Three dead in park shooting", "Three dead in park shooting"),
    ],
)
def test_a_clause_before_a_colon_is_left_out_of_the_headlines_statement(
    headline: str, part: str
) -> None:
    """ "He Took Them by Surprise: 3 Dead, 2 Hurt in Shooting Spree": the counts' part;
    a label saying who tells them ("Police: 5 people shot") stays, as does a headline
    whose counts come first."""
    verbs = {"took", "said"}
    words = [
        W(
            w,
            0,
            "ROOT" if i == 0 else "dep",
            "NUM" if w[0].isdigit() else "VERB" if w in verbs else "NOUN",
        )
        for i, w in enumerate(headline.split())
    ]
    assert counted_part(parse(*words)[:]).text == part
