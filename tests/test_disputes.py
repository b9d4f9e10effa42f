"""Which disagreements are disputes: rules run on extraction records built by hand
(no spaCy needed)."""

from __future__ import annotations

import re

import pytest

from sitegen.extract.records import FactCandidate
from sitegen.extract.statements import DATE_PREFIX
from sitegen.factbase.model import Figure
from sitegen.merge.claims import build_claims, cluster
from sitegen.merge.conflicts import mark_conflicts
from sitegen.merge.features import Passage, passages
from sitegen.merge.params import TUNED
from sitegen.merge.people import PeopleIndex
from sitegen.merge.similarity import Conflict, compare, same_action

STOP = {"a", "an", "the", "of", "in", "was", "were", "at", "and", "on", "his", "her"}


def fact(
    source: str, text: str, figures: list[Figure], names: tuple[str, ...] = ()
) -> FactCandidate:
    """A fact as extraction records it: its content words as lemmas, its names."""
    name_words = {w.lower() for name in names for w in name.split()}
    lemmas = [
        w
        for w in re.findall(r"[a-z0-9-]+", text.lower())
        if w not in STOP and w not in name_words and not w[0].isdigit()
    ]
    return FactCandidate(
        source=source,
        start=0,
        end=len(text),
        text=text,
        kind="figure",
        names=list(names),
        figures=figures,
        lemmas=lemmas,
    )


def age(value: int) -> Figure:
    return Figure(value=value, text=f"{value}-year-old", unit="years", counts="age")


def count(value: int, text: str, counts: str, quantity: str) -> Figure:
    return Figure(value=value, text=text, counts=counts, quantity=quantity)


def filler() -> list[FactCandidate]:
    """Other sentences of the story, so that its topic words weigh little."""
    return [
        fact(f"x{i}", f"Neighbours spoke about the weather and topic{i}.", []) for i in range(6)
    ]


def people(*names: str) -> PeopleIndex:
    return PeopleIndex(by_name={name: name.lower().replace(" ", "-") for name in names})


def pair(a: FactCandidate, b: FactCandidate, index: PeopleIndex) -> tuple[Passage, Passage]:
    items = passages([a, b, *filler()], index, TUNED)
    return items[0], items[1]


def two_ages() -> tuple[FactCandidate, FactCandidate]:
    """Two outlets giving one named person two ages."""
    return (
        fact(
            "a",
            "Deputies found the victim, 20-year-old Lena Ortiz, near the club.",
            [age(20)],
            ("Lena Ortiz",),
        ),
        fact(
            "b",
            "The shooting outside the club killed 22-year-old Lena Ortiz.",
            [age(22)],
            ("Lena Ortiz",),
        ),
    )


def test_one_named_person_given_two_ages_is_a_dispute() -> None:
    a, b = pair(
        *two_ages(),
        people("Lena Ortiz"),
    )
    assert compare(a, b, TUNED).conflict == "figure"
    same = fact(
        "c",
        "The shooting outside the club killed 20-year-old Lena Ortiz.",
        [age(20)],
        ("Lena Ortiz",),
    )
    a, c = pair(a.fact, same, people("Lena Ortiz"))
    assert compare(a, c, TUNED).conflict is None


def test_ages_of_different_people_are_no_dispute() -> None:
    """A story gives the ages of several people; the age before a common noun ("his
    4-year-old grandson") is not the age of the name before it."""
    a, b = pair(
        fact(
            "a",
            "Prosecutors charged 80-year-old Tom Hale, whose grandson shot himself.",
            [age(80)],
            ("Tom Hale",),
        ),
        fact(
            "b",
            "Hale's 4-year-old grandson found the handgun and shot himself.",
            [age(4)],
            ("Tom Hale",),
        ),
        people("Tom Hale"),
    )
    assert compare(a, b, TUNED).conflict == Conflict.APART


def test_one_person_told_by_an_article_does_not_dispute_a_count() -> None:
    """ "A 24-year-old man was shot" and "two men were shot" tell of two shootings: kept
    apart (never one claim), yet no dispute; two numbers of the one count are one."""
    index = people()
    one = fact(
        "a",
        "A 24-year-old man was shot in the back in East Harbor.",
        [age(24), count(1, "A", "man", "shot")],
    )
    two = fact(
        "b", "Two men were shot in the back in East Harbor.", [count(2, "Two", "men", "shot")]
    )
    a, b = pair(one, two, index)
    assert compare(a, b, TUNED).conflict == Conflict.APART
    numeral = fact(
        "c", "One man was shot in the back in East Harbor.", [count(1, "One", "man", "shot")]
    )
    c, b = pair(numeral, two, index)
    assert compare(c, b, TUNED).conflict == "figure"


def test_a_later_report_does_not_revise_a_persons_age_by_years() -> None:
    """Later reports revise counts (an update), not a person's age beyond the time
    between them."""
    index = people("Lena Ortiz")
    facts = [
        *two_ages(),
        *filler(),
    ]
    result = cluster(passages(facts, index, TUNED), TUNED)
    claims = build_claims(result, {}, {})
    mark_conflicts(result, claims, {"a": "2015-11-08", "b": "2016-05-12"})
    disputed = [c for c in claims if c.status == "disputed"]
    assert len(disputed) == 2 and not disputed[0].updates
    mark_conflicts(result, claims, {"a": "2015-11-08", "b": "2018-05-12"})
    assert not [c for c in claims if c.status == "disputed"], "two years later: 22 is an update"


def test_two_facts_of_one_source_matching_a_third_passage_stay_two_claims() -> None:
    """One source's two facts that each match another source's passage do not join it
    both: a source telling one fact twice says it in like words."""
    facts = [
        fact(
            "a",
            "Deputies are investigating a shooting outside a Harbor City nightclub that "
            "killed one man and wounded three other people.",
            [count(1, "one", "man", "killed"), count(3, "three", "people", "injured")],
        ),
        fact(
            "a",
            "Deputies found shooting victim 20-year-old Lena Ortiz of Harbor City.",
            [age(20)],
            ("Lena Ortiz",),
        ),
        fact(
            "b",
            "A 20-year-old Harbor City man was shot and killed early Sunday near a nightclub.",
            [age(20), count(1, "A", "man", "killed")],
        ),
        *filler(),
    ]
    result = cluster(passages(facts, people("Lena Ortiz"), TUNED), TUNED)
    cited = [sorted(result.items[i].source for i in members) for members in result.clusters]
    assert ["a", "a", "b"] not in cited


def test_a_count_against_its_breakdown_is_still_a_dispute() -> None:
    """ "Ten people were wounded" against "one person was killed and nine were injured"
    is a real disagreement on the wounded, and stays flagged."""
    ten = fact(
        "a",
        "Ten people were wounded in the Elm Street shooting on Friday night.",
        [count(10, "Ten", "people", "injured")],
    )
    nine = fact(
        "b",
        "One person was killed and nine were wounded in the Elm Street shooting on Friday night.",
        [count(1, "One", "person", "killed"), count(9, "nine", "people", "injured")],
    )
    a, b = pair(ten, nine, people())
    assert compare(a, b, TUNED).conflict == "figure"


def test_a_shared_age_tells_who_not_what() -> None:
    """The same 4-year-old is in the shooting, the funeral and the charges: sharing his
    age does not make two sentences one fact."""

    shot = fact("a", "A 4-year-old boy was shot by his brother at home.", [age(4)])
    funeral = fact("b", "A church will pay the funeral costs of a 4-year-old boy.", [age(4)])
    a, b = pair(shot, funeral, people())
    assert compare(a, b, TUNED).score < TUNED.threshold


def test_a_number_written_without_its_unit_still_states_the_figure() -> None:
    from sitegen.agreement import figures_disagree

    pct = Figure(value=35.7, text="35.7 percent", unit="percent")
    listed = [Figure(value=35.72, text="35.72"), Figure(45.8, "45.8 percent", unit="percent")]
    assert not figures_disagree([pct], listed) and not figures_disagree(listed, [pct])
    assert figures_disagree([pct], [Figure(45.8, "45.8 percent", unit="percent")])


def test_figures_of_two_periods_are_no_dispute() -> None:
    """A rate over 2007 through 2014 and the rate for 2014 are two facts."""
    index = people()
    span = fact(
        "a",
        "From 2007 through 2014 the couple paid an effective federal tax rate of 31.55 percent.",
        [Figure(31.55, "31.55 percent", unit="percent")],
    )
    span.entities = ["date:2007", "date:2014"]
    year = fact(
        "b",
        "For 2014 the couple paid an effective federal tax rate of 35.7 percent.",
        [Figure(35.7, "35.7 percent", unit="percent")],
    )
    year.entities = ["date:2014"]
    a, b = pair(span, year, index)
    assert compare(a, b, TUNED).conflict == Conflict.APART
    year.entities = ["date:2007", "date:2014"]
    a, b = pair(span, year, index)
    assert compare(a, b, TUNED).conflict == "figure"


def test_the_day_one_source_spoke_is_not_set_against_the_day_of_the_fact() -> None:
    """ "A man was killed and four other people were hurt in a shooting at a home,
    police said Tuesday" / "One man was killed and four other people wounded in a
    shooting at a home on Monday night": one fact. Two tellings on two days ("police
    said Tuesday" / "police said Wednesday") are still told apart."""
    index = people()
    said = fact(
        "a",
        "A man was killed and four other people were hurt in a shooting at a home, police"
        " said Tuesday.",
        [count(1, "A", "man", "killed"), count(4, "four", "people", "injured")],
    )
    said.entities = ["date:told:tuesday"]
    happened = fact(
        "b",
        "One man was killed and four other people wounded in a shooting at a home on Monday night.",
        [count(1, "One", "man", "killed"), count(4, "four", "people", "injured")],
    )
    happened.entities = ["date:monday night"]
    a, b = pair(said, happened, index)
    assert compare(a, b, TUNED).conflict is None
    happened.entities = ["date:told:wednesday"]
    a, b = pair(said, happened, index)
    assert compare(a, b, TUNED).conflict == Conflict.APART


def test_a_fact_forms_across_sources_before_a_source_restates_it() -> None:
    """Joins between sources come first: a source's second passage, joining early,
    would lower the claim's mean link and keep out a third source that matches both
    other sources' passages."""
    from sitegen.merge.claims import Clustering, _average_linkage

    told = "Ortiz phoned the council after seeing a plea on the town forum."
    facts = [
        fact("a", told, [], ("Lena Ortiz",)),
        fact("a", told.replace("phoned", "rang"), [], ("Lena Ortiz",)),
        fact("b", "Ortiz told the Courier she phoned the council.", [], ("Lena Ortiz",)),
        fact("c", "Ortiz, a clerk, called the council.", [], ("Lena Ortiz",)),
        *filler(),
    ]
    result = Clustering(passages(facts, people("Lena Ortiz"), TUNED), TUNED)
    for (i, j), score in {(0, 2): 0.5, (1, 2): 0.45, (2, 3): 0.4, (0, 3): 0.4, (1, 3): 0.1}.items():
        result.scores.setdefault(i, {})[j] = result.scores.setdefault(j, {})[i] = score
    together = next(members for members in _average_linkage(result) if 0 in members)
    assert {0, 2, 3} <= set(together)


def test_an_age_belongs_to_the_whole_name_after_it() -> None:
    from sitegen.merge.similarity import age_holders

    index = people("Lena Ortiz", "Lena Diaz")
    text = "Police named 22-year-old Lena Diaz and her friend Lena Ortiz."
    (item,) = passages([fact("a", text, [age(22)], ("Lena Diaz", "Lena Ortiz"))], index, TUNED)
    assert age_holders(item) == {"lena-diaz": {22}}


def test_an_act_in_a_side_clause_is_no_rival_actors_act() -> None:
    """Two captions: one person holds a hand as they visit the scene, another visits
    it. The visit is no act with two rival actors; a telling of the act is one."""
    holds = fact("a", "Roberto Chay holds the hand of his son as they visit the scene.", [])
    holds.names, holds.frames = ["Roberto Chay"], ["roberto chay|hold"]
    visits = fact("b", "Carmen Feldman visits the scene of the shooting.", [])
    visits.names, visits.frames = ["Carmen Feldman"], ["carmen feldman|visit"]
    told = fact("c", "Japan said it could shut its embassy in the capital.", [])
    told.frames = ["japan|say"]
    closed = fact("d", "Ukraine shut its embassy in the capital.", [])
    closed.frames = ["ukraine|shut"]
    index = people("Roberto Chay", "Carmen Feldman")
    a, b, c, d = passages([holds, visits, told, closed, *filler()], index, TUNED)[:4]
    assert not same_action(a, b)
    assert same_action(c, d)


def test_rival_actors_of_a_side_clauses_act_are_kept_apart_not_disputed() -> None:
    """Two passages alike enough to join, with two named subjects: a dispute when the
    act they share is each one's main act ("Ann Lee closed the clinic" / "Bo Chan
    closed the clinic"), only two facts when it is in a side clause ("Ann Lee, who
    closed the clinic, was fired" / "Bo Chan raised doubts that the manager closed
    the clinic")."""
    index = people("Ann Lee", "Bo Chan")

    def told(source: str, text: str, name: str, frame: str, acts: list[str]) -> FactCandidate:
        item = fact(source, text, [], (name,))
        item.frames, item.acts = [frame], acts
        return item

    main_a = told(
        "a", "Ann Lee closed the clinic in town.", "Ann Lee", "lee|close", ["close|clinic"]
    )
    main_b = told(
        "b", "Bo Chan closed the clinic in town.", "Bo Chan", "chan|close", ["close|clinic"]
    )
    side_a = told(
        "a",
        "Ann Lee, who closed the clinic in town, was fired.",
        "Ann Lee",
        "lee|fire",
        ["fire|lee", "close|clinic"],
    )
    side_b = told(
        "b",
        "Bo Chan raised doubts that the manager closed the clinic in town.",
        "Bo Chan",
        "chan|raise",
        ["raise|doubt", "close|clinic"],
    )
    # as extraction lemmatises them; "fire" is one WordNet sense of "raise"
    side_a.lemmas = ["fire", "close", "clinic", "town", "lead", "role", "probe"]
    side_b.lemmas = ["raise", "doubt", "manager", "close", "clinic", "town", "bias", "start"]
    alike = compare(*pair(main_a, main_b, index), TUNED)
    assert alike.conflict == Conflict.ACTOR
    apart = compare(*pair(side_a, side_b, index), TUNED)
    assert apart.score >= TUNED.threshold and apart.conflict == Conflict.APART


def test_people_undergoing_one_act_or_named_by_one_source_are_no_rival_actors() -> None:
    """ "Ann Lee closed the clinic" / "Bo Chan closed the clinic" from two sources is a
    dispute over who did it; "Ann Lee was taken to the clinic" / "Bo Chan was taken to
    the clinic" tells of two people taken, and one source naming two doers tells of
    two acts: two facts, no dispute."""
    index = people("Ann Lee", "Bo Chan")

    def told(source: str, name: str, words: str, verb: str, acts: list[str]) -> FactCandidate:
        item = fact(source, f"{name} {words} the clinic in town.", [], (name,))
        item.frames, item.acts = [f"{name.split()[1].lower()}|{verb}"], acts
        return item

    lee = told("a", "Ann Lee", "closed", "close", ["close|clinic"])
    chan = told("b", "Bo Chan", "closed", "close", ["close|clinic"])
    assert compare(*pair(lee, chan, index), TUNED).conflict == Conflict.ACTOR
    chan_in_a = told("a", "Bo Chan", "closed", "close", ["close|clinic"])
    assert compare(*pair(lee, chan_in_a, index), TUNED).conflict == Conflict.APART
    lee_taken = told("a", "Ann Lee", "was taken to", "take", ["take|lee"])
    chan_taken = told("b", "Bo Chan", "was taken to", "take", ["take|chan"])
    assert compare(*pair(lee_taken, chan_taken, index), TUNED).conflict == Conflict.APART


def test_a_group_and_one_person_doing_one_act_are_no_rival_actors() -> None:
    """ "Democrats closed the clinic" / "Bo Chan closed the clinic": a group's act and
    one person's (who may be one of them), two facts and no dispute; two groups, or
    two people, are rival actors."""
    index = people("Bo Chan")

    def closed(source: str, text: str, frame: str, names: tuple[str, ...]) -> FactCandidate:
        item = fact(source, text, [], names)
        item.frames, item.acts = [frame], ["close|clinic"]
        if not names:
            item.entities = [text.split()[0].lower()]
        return item

    group = closed("a", "Democrats closed the clinic in town.", "democrats|close", ())
    person = closed("b", "Bo Chan closed the clinic in town.", "chan|close", ("Bo Chan",))
    rivals = closed("b", "Republicans closed the clinic in town.", "republicans|close", ())
    a, b = pair(group, person, index)
    assert a.group and not b.group
    assert compare(a, b, TUNED).conflict == Conflict.APART
    assert compare(*pair(group, rivals, index), TUNED).conflict == Conflict.ACTOR


@pytest.mark.parametrize(
    ("left", "right", "apart"),
    [
        ("A third person has been arrested in the death.", "A fourth person was arrested.", True),
        ("He faces a first-degree murder charge.", "He faces a second-degree murder charge.", True),
        ("A third person has been arrested in the death.", "A third person was arrested.", False),
        ("It was the first shooting in town.", "A third person was arrested.", False),
    ],
)
def test_one_word_ranked_by_two_ordinals_is_two_facts(left: str, right: str, apart: bool) -> None:
    """ "A third person has been arrested" / "A fourth person has now been arrested":
    two arrests, never one claim; an ordinal of another word says nothing."""
    a, b = pair(fact("a", left, []), fact("b", right, []), people())
    assert (compare(a, b, TUNED).conflict == Conflict.APART) is apart


@pytest.mark.parametrize(
    ("left", "right", "apart"),
    [
        (
            "A 22-year-old man was shot in the chest.",
            "A 22-year-old man was shot in the leg.",
            True,
        ),
        ("The boy was injured in the left cheek.", "The boy was wounded in the arm.", True),
        ("The man was shot five times in the torso.", "The man was hit in the chest.", False),
        (
            "One man was shot in the groin and one had an arm wound.",
            "A man was hit in his arm.",
            False,
        ),
    ],
)
def test_wounds_in_two_regions_of_the_body_are_two_facts(
    left: str, right: str, apart: bool
) -> None:
    """ "shot in the chest" / "shot in the right leg": two people, or accounts of one
    that cannot both be right, never one corroborated fact; the chest is in the torso."""
    a, b = pair(fact("a", left, []), fact("b", right, []), people())
    assert (compare(a, b, TUNED).conflict == Conflict.APART) is apart


def test_he_and_she_are_two_people() -> None:
    """ "He was taken to an area hospital, where he was pronounced dead" / "She was
    taken to a hospital, where she underwent surgery": two facts."""
    he = fact("a", "He was taken to an area hospital, where he was pronounced dead.", [])
    she = fact("b", "She was taken to a hospital, where she underwent surgery.", [])
    again = fact("b", "He was taken to a hospital, where he died.", [])
    assert compare(*pair(he, she, people()), TUNED).conflict == Conflict.APART
    assert compare(*pair(he, again, people()), TUNED).conflict is None


def test_one_loose_synonym_does_not_make_two_peoples_facts_one() -> None:
    """ "Vic Hager lives across the street from the house where the party took place" /
    "Jesse Vides owns the home where the party took place": other people, and "house" /
    "home" is all the rewording; no evidence they tell one fact."""
    from dataclasses import replace

    index = people("Vic Hager", "Jesse Vides")
    lives = fact(
        "a",
        "Vic Hager, a retired teacher, lives across the street from the house where the "
        "party and the shooting took place on Saturday night.",
        [],
        ("Vic Hager",),
    )
    owns = fact(
        "b",
        "Jesse Vides owns the home where the party and the shooting took place on "
        "Saturday night, and neighbours said his car and his fence were hit by stray bullets.",
        [],
        ("Jesse Vides",),
    )
    a, b = pair(lives, owns, index)
    loose = replace(TUNED, who_synonyms=0.0)
    assert compare(a, b, TUNED).score < TUNED.threshold <= compare(a, b, loose).score


def test_an_act_in_common_is_no_sign_that_two_dates_tell_one_thing() -> None:
    """One passage dates a past term of office, another until when someone else holds
    the seat: alike in their act ("hold|seat"), not in what they date."""
    index = people("Ann Lee")
    past = fact("a", "Ann Lee held the seat from 1966 to 1978 as a senator.", [], ("Ann Lee",))
    past.acts, past.entities = ["hold|seat"], [DATE_PREFIX + "1966 to 1978"]
    until = fact("b", "The governor holds the seat until an election in 1967.", [])
    until.acts, until.entities = ["hold|seat"], [DATE_PREFIX + "1967"]
    until.lemmas = ["governor", "hold", "seat", "election"]
    past.lemmas = ["hold", "seat", "senator"]
    assert compare(*pair(past, until, index), TUNED).conflict != Conflict.DATE


def doer_ages_story() -> tuple[FactCandidate, FactCandidate]:
    """Two outlets telling who shot one boy's brother, with two ages for the shooter."""
    older = fact(
        "a",
        "A six-year-old boy playing with a loaded gun shot his four-year-old brother at home.",
        [
            Figure(6, "six-year-old", unit="years", counts="age"),
            Figure(4, "four-year-old", unit="years", counts="age"),
            count(1, "his four-year-old brother", "brother", "shot"),
        ],
    )
    younger = fact(
        "b",
        "Officials say the 5-year-old son found the loaded gun and shot his brother at home.",
        [age(5), count(1, "his brother", "brother", "shot")],
    )
    return older, younger


def test_two_ages_for_whoever_did_one_thing_to_one_person_are_a_dispute() -> None:
    """ "A six-year-old boy … shot his four-year-old brother" / "the 5-year-old son …
    shot his brother": one brother shot, so one shooter, aged 6 or 5 (the brother's own
    age is no rival); ages of people told of apart stay no dispute."""
    a, b = pair(*doer_ages_story(), people())
    assert compare(a, b, TUNED).conflict == "figure"
    other = fact("b", "Officials say the 5-year-old son was at school that day.", [age(5)])
    a, c = pair(doer_ages_story()[0], other, people())
    assert compare(a, c, TUNED).conflict != "figure"


def test_a_later_report_makes_nobody_younger() -> None:
    """The 6-year-old of Saturday is the 5-year-old of Monday: a dispute, not an update
    (a later report may add a year, never take one)."""
    result = cluster(passages([*doer_ages_story(), *filler()], people(), TUNED), TUNED)
    claims = build_claims(result, {}, {})
    mark_conflicts(result, claims, {"a": "2016-06-25", "b": "2016-06-27"})
    assert len([c for c in claims if c.status == "disputed"]) == 2
    mark_conflicts(result, claims, {"a": "2016-06-27", "b": "2016-06-25"})
    assert not [c for c in claims if c.status == "disputed"], "5, then 6 two days on: updated"


def test_two_sums_of_one_named_thing_are_a_dispute_however_short() -> None:
    """ "She was being held on $310,000 bail." / "Bail has been set at $130,000.": the
    passages share little but the bail, which is what both sums measure."""
    held = fact(
        "a",
        "She was being held on $310,000 bail.",
        [Figure(310000, "310,000", unit="USD", counts="bail", quantity="money")],
    )
    held.lemmas.append("hold")
    bail = fact(
        "b",
        "Bail has been set at $130,000.",
        [Figure(130000, "130,000", unit="USD", counts="bail", quantity="money")],
    )
    a, b = pair(held, bail, people())
    assert compare(a, b, TUNED).conflict == "figure"
    fine = fact(
        "b",
        "A fine has been set at $130,000.",
        [Figure(130000, "130,000", unit="USD", counts="fine", quantity="money")],
    )
    a, c = pair(held, fine, people())
    assert compare(a, c, TUNED).conflict is None


def test_passages_sharing_only_people_and_titles_are_two_facts() -> None:
    """People named with their titles are who two passages are about, not a fact they
    share; a shared act still joins them."""
    both = ("Bernie Sanders", "Joe Biden")
    index = people(*both)
    scheduled = fact(
        "a", "Senator Bernie Sanders was scheduled to meet Vice President Joe Biden.", [], both
    )
    pledge = fact(
        "b", "Senator Bernie Sanders said Vice President Joe Biden kept neutrality.", [], both
    )
    a, b = pair(scheduled, pledge, index)
    assert compare(a, b, TUNED).score == 0
    again = fact(
        "c",
        "Senator Bernie Sanders was scheduled to meet Vice President Joe Biden later.",
        [],
        both,
    )
    a, c = pair(scheduled, again, index)
    assert compare(a, c, TUNED).score >= TUNED.threshold
    where = ("Rick Scott",)
    conference = fact("d", "Rick Scott held a news conference in Fort Lauderdale.", [], where)
    couple = fact("e", "Rick Scott talked to a couple who flew to Fort Lauderdale.", [], where)
    conference.entities = couple.entities = ["fort lauderdale"]
    d, e = pair(conference, couple, people(*where))
    assert compare(d, e, TUNED).score == 0  # who and where, nothing of what
    reid = ("Harry Reid",)
    rights = fact(
        "f", "Senator Harry Reid of Nevada, the Democratic leader, backs gun rights.", [], reid
    )
    table = fact("g", "Senate Democratic Leader Harry Reid said all options are open.", [], reid)
    rights.entities, table.entities = ["nevada", "democratic"], ["senate", "democratic"]
    f, g = pair(rights, table, people(*reid))
    assert compare(f, g, TUNED).score == 0  # a one-word name ("Democratic") is who too


def test_two_people_doing_one_act_by_saying_it_are_two_facts() -> None:
    """ "Mayor Dyer declared a state of emergency after Mateen's attack" / "Gov. Scott
    declared a state of emergency after Mateen's attack": two acts (no dispute: both may
    be true); two people declaring that the city is safe tell one fact."""
    index = people("Buddy Dyer", "Rick Scott", "Omar Mateen")

    def declared(source: str, who: str, what: str, act: str | None) -> FactCandidate:
        text = f"{who} declared {what} in Orlando after the attack by Omar Mateen."
        made = fact(source, text, [], (who, "Omar Mateen"))
        made.frames = [f"{who.split()[-1].lower()}|declare"]
        made.acts = [act] if act else []
        return made

    emergency = "a state of emergency"
    a, b = pair(
        declared("a", "Buddy Dyer", emergency, "declare|state"),
        declared("b", "Rick Scott", emergency, "declare|state"),
        index,
    )
    assert compare(a, b, TUNED).conflict == Conflict.APART
    safe = "that the city was safe"
    a, b = pair(
        declared("a", "Buddy Dyer", safe, None), declared("b", "Rick Scott", safe, None), index
    )
    assert compare(a, b, TUNED).conflict is None


def test_a_statement_names_nobody_its_other_citations_leave_out() -> None:
    """Of "Johnson was among the 53 others wounded in the shooting." and "Another 53
    people were wounded in the shooting.", the claim states the second: the first
    names a man the other passage does not."""
    from sitegen.merge.statement import choose_statement

    johnson = fact(
        "a",
        "Fred Johnson was among the 53 others wounded in the shooting.",
        [count(53, "53", "others", "injured")],
        ("Fred Johnson",),
    )
    others = fact(
        "b",
        "Another 53 people were wounded in the shooting.",
        [count(53, "53", "people", "injured")],
    )
    items = passages([johnson, others, *filler()], people("Fred Johnson"), TUNED)
    members = items[:2]
    central = {members[0].index: 1.0, members[1].index: 0.5}  # the first most like the rest
    statement, _ = choose_statement(members, False, None, {}, central, TUNED)
    assert statement == "Another 53 people were wounded in the shooting."


def test_a_statement_says_no_more_than_its_other_citations() -> None:
    """Of "He was shot and killed in a drive-by in Cleveland." (Ben Major) and "Ben Major
    was one of the many children under fifteen shot and killed in Cleveland last
    year.", the claim states the first, with his name put in: the second's children and
    year no other passage supports, even where it is the passage most like the rest of
    the story."""
    from sitegen.merge.statement import choose_statement

    index = people("Ben Major")
    drive_by = fact("a", "He was shot and killed in a drive-by in Cleveland.", [], ("Ben Major",))
    drive_by.standalone = "[Ben Major] was shot and killed in a drive-by in Cleveland."
    children = fact(
        "b",
        "Ben Major was one of the many children under fifteen shot and killed in Cleveland"
        " last year.",
        [],
        ("Ben Major",),
    )
    items = passages([drive_by, children, *filler()], index, TUNED)
    members = items[:2]
    central = {members[0].index: 0.5, members[1].index: 1.0}  # the second most like the rest
    statement, _ = choose_statement(members, False, None, {}, central, TUNED)
    assert statement == "[Ben Major] was shot and killed in a drive-by in Cleveland."


def test_a_quotation_claim_quotes_only_its_speakers_own_words() -> None:
    """A claim said by Thomas Reese that also holds a letter's alike words quotes
    Reese's, never the letter's under his name."""
    from sitegen.extract.records import Speaker
    from sitegen.merge.statement import choose_statement

    def quoted(source: str, words: str, speaker: Speaker) -> FactCandidate:
        found = fact(source, f"“{words},” {speaker.text} said.", [])
        found.kind, found.quote, found.speaker = "quote", words, speaker
        return found

    reese = quoted(
        "a", "Ryan's budget reflects the values of his philosopher", Speaker("Tom Reese", True)
    )
    letter = quoted(
        "b",
        "Your budget appears to reflect the values of your philosopher",
        Speaker("the letter", False),
    )
    items = passages([reese, letter, *filler()], people("Tom Reese"), TUNED)
    members = items[:2]
    central = {members[0].index: 0.5, members[1].index: 1.0}  # the letter most like the rest
    statement, _ = choose_statement(members, True, ("tom-reese", "Tom Reese"), {}, central, TUNED)
    assert statement == "Tom Reese said: “Ryan's budget reflects the values of his philosopher”"


def test_who_tells_a_fact_is_not_whom_it_is_about() -> None:
    """ "A girl was given permission to throw the party, Ray Pruitt said" / "The daughter
    had permission to throw the party, Walter Vides said": two tellers, not two people
    the passages are about; "Lena Ortiz …" / "Lena Diaz …" are."""
    from sitegen.extract.records import Speaker
    from sitegen.merge.similarity import _other_people

    def told(source: str, text: str, teller: str) -> FactCandidate:
        found = fact(source, f"{text}, {teller} said.", [], (teller,))
        found.speaker = Speaker(teller, True)
        return found

    index = people("Ray Pruitt", "Walter Vides", "Lena Ortiz", "Lena Diaz")
    a, b = pair(
        told("a", "A girl was given permission to throw the party", "Ray Pruitt"),
        told("b", "The daughter had permission to throw the party", "Walter Vides"),
        index,
    )
    assert a.speaker == "ray-pruitt" and not _other_people(a, b)
    ortiz = fact("a", "Lena Ortiz threw the party.", [], ("Lena Ortiz",))
    diaz = fact("b", "Lena Diaz threw the party.", [], ("Lena Diaz",))
    assert _other_people(*pair(ortiz, diaz, index))


def test_two_people_telling_in_aligned_passages_are_no_rival_actors() -> None:
    """Passages standing for one statement by their place in two accounts: "Bill Rawls
    said the shooter came from Jackson" / "Susan Niland said a fight broke out" are two
    tellings, not one act with two actors."""
    from sitegen.merge.similarity import disagreement

    both = ("Bill Rawls", "Susan Niland")
    rawls = fact("a", "Bill Rawls said the shooter came from Jackson.", [], ("Bill Rawls",))
    niland = fact(
        "b", "Susan Niland said a fight broke out before midnight.", [], ("Susan Niland",)
    )
    rawls.frames, niland.frames = ["rawls|say"], ["niland|say"]
    a, b = pair(rawls, niland, people(*both))
    assert disagreement(a, b, TUNED) == Conflict.APART
    shot = fact("c", "Bill Rawls shot the man in Jackson.", [], ("Bill Rawls",))
    fired = fact("d", "Susan Niland shot the man in Jackson.", [], ("Susan Niland",))
    shot.frames, fired.frames = ["rawls|shoot"], ["niland|shoot"]
    c, d = pair(shot, fired, people(*both))
    assert disagreement(c, d, TUNED) == Conflict.ACTOR


def test_passages_naming_only_other_people_are_two_facts() -> None:
    """ "The victims were identified as Joseph Lamar and Zach Thompson" / "The victim is
    identified as Amy Hooser": the same words about other people."""
    three = ("Joseph Lamar", "Zach Thompson")
    index = people(*three, "Amy Hooser")
    them = fact("a", "The victims were identified as Joseph Lamar and Zach Thompson.", [], three)
    her = fact("b", "The victim was identified as Amy Hooser.", [], ("Amy Hooser",))
    a, b = pair(them, her, index)
    assert compare(a, b, TUNED).score == 0
    again = fact(
        "c", "The victims have been identified as Joseph Lamar and Zach Thompson.", [], three
    )
    a, c = pair(them, again, index)
    assert compare(a, c, TUNED).score >= TUNED.threshold


def test_passages_sharing_only_who_told_them_are_two_facts() -> None:
    """ "'It creates zero precedent,' Mick Mulvaney, the acting White House chief of
    staff, told reporters" / "The declaration lets the Pentagon move funds, acting White
    House chief of staff Mick Mulvaney told reporters": the speaker, his description and
    his audience are who told each, not what he told. A description is what a passage
    says when nobody speaks in it ("Ryoga Seki, a computer science student, donated" /
    "Seki studies computer science")."""
    from collections import Counter

    from sitegen.extract.records import Speaker

    def told(source: str, text: str) -> FactCandidate:
        found = fact(source, text, [], ("Mick Mulvaney",))
        found.speaker, found.frames = Speaker("Mick Mulvaney", True), ["mulvaney|tell"]
        found.entities = ["white house"]
        # as extraction lemmatizes them; "tell" is no content word
        lemmas = (w.replace("acting", "act").rstrip("s") for w in found.lemmas)
        found.lemmas = [w for w in lemmas if w != "told"]
        return found

    index = people("Mick Mulvaney", "Ryoga Seki")
    role = "the acting White House chief of staff"
    index.roles = {"mick-mulvaney": Counter({("a", role): 1, ("b", role): 1})}
    precedent = told(
        "a",
        "It creates zero precedent, Mick Mulvaney, the acting White House chief of "
        "staff, told reporters.",
    )
    funds = told(
        "b",
        "The declaration lets the Pentagon move funds, acting White House chief of "
        "staff Mick Mulvaney told reporters.",
    )
    assert compare(*pair(precedent, funds, index), TUNED).score == 0
    again = told(
        "b",
        "Acting White House chief of staff Mick Mulvaney told reporters it creates zero precedent.",
    )
    assert compare(*pair(precedent, again, index), TUNED).score >= TUNED.threshold

    index.roles = {"ryoga-seki": Counter({("a", "a computer science student"): 1})}
    donated = fact(
        "a", "Ryoga Seki, a computer science student, donated his wages.", [], ("Ryoga Seki",)
    )
    studies = fact("b", "Ryoga Seki studies computer science.", [], ("Ryoga Seki",))
    assert compare(*pair(donated, studies, index), TUNED).score > 0


def test_one_number_counting_two_quantities_is_no_evidence() -> None:
    """ "Two other men were wounded" / "Two men were charged": one number, two counts;
    "Four others were shot" / "four victims were wounded" may count the same people."""
    from sitegen.merge.similarity import _count_weight

    wounded, charged = count(2, "Two", "men", "injured"), count(2, "two", "men", "charged")
    shot, men = count(2, "two", "men", "shot"), Figure(value=2, text="two", counts="men")
    assert _count_weight(wounded, charged, TUNED) == 0
    assert _count_weight(wounded, shot, TUNED) == 1
    assert _count_weight(wounded, men, TUNED) == 1
    assert _count_weight(wounded, wounded, TUNED) == TUNED.same_count


def test_one_number_of_two_kinds_of_things_is_no_evidence() -> None:
    """ "The first two skateboards were returned" / "two groups began fighting over a
    skateboard": one value, two things counted, so two facts; unless both passages
    speak of both things, or neither does, or the nouns are people or one word."""
    from sitegen.merge.similarity import _two_kinds_of_things

    def things(value: int, counts: str) -> Figure:
        return Figure(value=value, text="two", counts=counts)

    returned = fact("a", "The first two skateboards were returned, then a fight broke out.", [])
    fighting = fact("b", "Two groups began fighting over a skateboard on Sunday.", [])
    a, b = pair(returned, fighting, people())
    skateboards, groups = things(2, "skateboards"), things(2, "groups")
    assert _two_kinds_of_things(a, b, skateboards, groups)
    subpoenas = fact("a", "The committee sent two additional subpoenas to his businesses.", [])
    subpoenaed = fact("b", "The committee subpoenaed two of his businesses on Tuesday.", [])
    a, b = pair(subpoenas, subpoenaed, people())
    assert not _two_kinds_of_things(a, b, things(2, "subpoenas"), things(2, "businesses"))
    a, b = pair(returned, fighting, people())
    assert not _two_kinds_of_things(a, b, things(2, "cases"), things(2, "incidents"))
    assert not _two_kinds_of_things(a, b, things(4, "people"), things(4, "individuals"))
    assert not _two_kinds_of_things(a, b, things(20, "gunshots"), things(20, "shots"))

    def score(left: list[Figure], right: list[Figure]) -> float:
        a = fact("a", returned.text, left)
        return compare(*pair(a, fact("b", fighting.text, right), people()), TUNED).score

    assert score([skateboards], [groups]) <= score([], [])
    assert score([skateboards], [things(2, "skateboards")]) > score([], [])


def test_a_number_that_names_nothing_it_counts_is_no_evidence() -> None:
    """ "three of them were armed" / "three people were taken into custody": the same
    number, said of nothing the other passage counts."""
    from sitegen.merge.similarity import _count_weight

    bare, custody = Figure(value=3, text="three"), count(3, "three", "people", "arrested")
    assert _count_weight(bare, custody, TUNED) == 0
    assert _count_weight(custody, bare, TUNED) == 0
    assert _count_weight(custody, count(3, "three", "men", "arrested"), TUNED) > 0


def test_a_quotation_shares_a_fact_only_through_its_quoted_words() -> None:
    """ " 'I respect the reasons he has given,' Blumenthal said ahead of the vote" / "The
    bill passed by voice vote": the vote is when he spoke, not what he said."""
    from sitegen.extract.records import Speaker

    index = people("Ann Blum")
    said = fact("a", "“Voters will judge this bill,” Ann Blum said ahead of the debate.", [])
    said.kind, said.quote = "quote", "Voters will judge this bill,"
    said.speaker, said.names = Speaker("Ann Blum", True), ["Ann Blum"]
    debate = fact("b", "Ann Blum agreed to the debate.", [], ("Ann Blum",))
    assert compare(*pair(said, debate, index), TUNED).score == 0
    judge = fact("b", "Ann Blum said voters will judge the bill.", [], ("Ann Blum",))
    assert compare(*pair(said, judge, index), TUNED).score >= TUNED.threshold


def test_two_steps_of_one_case_are_two_facts() -> None:
    """ "The father was charged Thursday with murder" / "The father was sentenced Monday
    for the murder", "was released" / "is being held": the case's steps, told apart and
    neither disputed; "was arrested and charged" / "was charged" is one step told with
    another."""
    index = people("Carl Head")

    def step(source: str, text: str, verb: str) -> FactCandidate:
        found = fact(source, text, [], ("Carl Head",))
        found.frames = [f"head|{verb}"]
        found.lemmas = [verb if w.startswith(verb[:4]) else w for w in found.lemmas]
        return found

    charged = step("a", "Carl Head was charged with murder in the death of his son.", "charge")
    sentenced = step("b", "Carl Head was sentenced for murder in the death of his son.", "sentence")
    a, b = pair(charged, sentenced, index)
    assert compare(a, b, TUNED).conflict == Conflict.APART
    both = step("b", "Carl Head was arrested and charged with murder in his son's death.", "arrest")
    a, c = pair(charged, both, index)
    assert compare(a, c, TUNED).conflict is None
    released = step(
        "a", "Carl Head was released on his own recognizance after the arrest.", "release"
    )
    held = step("b", "Carl Head is being held without bail after the arrest.", "hold")
    assert compare(*pair(released, held, index), TUNED).conflict == Conflict.APART


def told(source: str, text: str, frames: list[str], names: tuple[str, ...] = ()) -> FactCandidate:
    """A fact with its subject-verb frames, as extraction reads them off the parse, and
    its words as lemmas ("charged": "charge")."""
    found = fact(source, text, [], names)
    found.frames = frames
    found.lemmas = [_LEMMAS.get(w, w) for w in found.lemmas]
    return found


_LEMMAS = {
    "charged": "charge",
    "charges": "charge",
    "pleaded": "plead",
    "accused": "accuse",
    "shooting": "shoot",
    "shot": "shoot",
    "killed": "kill",
    "sentenced": "sentence",
    "scheduled": "schedule",
    "arrested": "arrest",
    "confessed": "confess",
    "fired": "fire",
    "died": "die",
    "taken": "take",
    "said": "say",
}


def test_a_step_told_only_by_its_noun_is_another_step() -> None:
    """ "A man was charged with aggravated murder" / "The man accused of shooting the
    boy pleaded guilty to murder and other charges": two steps, though the plea
    names the charges; "Lee was arrested on a manslaughter charge" tells the charge
    of "Lee was charged with manslaughter" by its noun."""
    index = people("Ray Lee")
    charged = told("a", "A man was charged with aggravated murder in the slaying.", ["man|charge"])
    pleaded = told(
        "b",
        "The man accused of shooting the boy pleaded guilty to murder and other charges.",
        ["man|plead"],
    )
    assert compare(*pair(charged, pleaded, index), TUNED).conflict == Conflict.APART
    lee = ("Ray Lee",)
    on_charge = told(
        "a", "Ray Lee was arrested Sunday on a manslaughter charge.", ["lee|arrest"], lee
    )
    charged = told("b", "Ray Lee was charged with manslaughter.", ["lee|charge"], lee)
    assert compare(*pair(on_charge, charged, index), TUNED).conflict is None


def test_a_step_of_the_case_and_the_harm_done_are_two_facts() -> None:
    """ "A man was charged with the aggravated murder in the slaying of a boy" /
    "Ned Pak was shot and killed Friday"; "Both are charged with murder in the death of
    Ned Pak" / "Ned Pak died in his bed"; "Ray Lee confessed to accidentally shooting
    the victim" / "Ray Lee fired the gun, killing his friend": two facts each. A step
    whose clause tells the harm too ("The parents were arrested when the infant was
    shot") may state the harm's fact."""
    index = people("Ned Pak", "Ray Lee")
    pak, lee = ("Ned Pak",), ("Ray Lee",)
    died = ("Ned Pak died in his bed.", ["pak|die"], pak)
    apart = [
        (
            (
                "A man was charged with the aggravated murder in the slaying of Ned Pak.",
                ["man|charge"],
                pak,
            ),
            ("Ned Pak was shot and killed Friday at a restaurant.", ["pak|shoot"], pak),
        ),
        (("Both are charged with murder in the death of Ned Pak.", [], pak), died),
        (
            (
                "Police said a man was charged with murder in the death of Ned Pak.",
                ["police|say"],
                pak,
            ),
            died,
        ),
        (
            ("Ray Lee confessed to accidentally shooting the victim.", ["lee|confess"], lee),
            ("Ray Lee fired the gun, killing his friend.", ["lee|fire"], lee),
        ),
    ]
    for step, harm in apart:
        found = compare(*pair(told("a", *step), told("b", *harm), index), TUNED)
        assert found.conflict == Conflict.APART, step[0]
    arrested = told(
        "a",
        "The parents were arrested when the infant was accidentally shot.",
        ["parent|arrest", "infant|shoot"],
    )
    shot = told("b", "The infant was accidentally shot on Sunday.", ["infant|shoot"])
    assert compare(*pair(arrested, shot, index), TUNED).conflict is None


def test_an_arrest_told_as_custody_is_a_step_of_the_case() -> None:
    """ "Police have taken a man into custody in the shooting" / "The man who shot the
    teenager has been sentenced to life": an arrest and a sentence, two facts."""
    custody = told(
        "a",
        "Police have taken a man into custody in the shooting of the teenager.",
        ["police|take"],
    )
    sentenced = told(
        "b", "The man who shot the teenager has been sentenced to life.", ["man|sentence"]
    )
    assert compare(*pair(custody, sentenced, people()), TUNED).conflict == Conflict.APART


def test_a_step_that_may_come_is_not_the_step_done_or_set() -> None:
    """ "He could be sentenced to life in prison" / "He is scheduled to be sentenced
    Friday": what may come and what is set, two facts; two passages telling one
    possibility are not told apart so."""
    could = told("a", "He could be sentenced to life in prison.", [])
    scheduled = told("b", "He is scheduled to be sentenced Friday.", [])
    assert compare(*pair(could, scheduled, people()), TUNED).conflict == Conflict.APART
    may = told("b", "He may be sentenced to life in prison.", [])
    assert compare(*pair(could, may, people()), TUNED).conflict is None


def test_ages_both_passages_give_are_who_not_what() -> None:
    """ "Eight-month-old Ann Reed and 20-year-old Bo Lee were shot in a parked car" /
    "Cy Moss was charged with murder for the killing of 8-month-old Ann Reed and
    20-year-old Bo Lee": the same two people, of the same ages, and two facts."""
    index = people("Ann Reed", "Bo Lee", "Cy Moss")

    def aged(source: str, text: str, names: tuple[str, ...], ages: list[str]) -> FactCandidate:
        found = fact(source, text, [age(20)], names)
        found.entities = [DATE_PREFIX + a for a in ages]
        found.lemmas = [w for w in found.lemmas if "-" not in w] + ["month", "old", "year"]
        return found

    shot = aged(
        "a",
        "Eight-month-old Ann Reed and 20-year-old Bo Lee were shot in a parked car.",
        ("Ann Reed", "Bo Lee"),
        ["eight-month-old", "20-year-old"],
    )
    charged = aged(
        "b",
        "Cy Moss was charged with murder for the killing of 8-month-old Ann Reed and "
        "20-year-old Bo Lee.",
        ("Cy Moss", "Ann Reed", "Bo Lee"),
        ["8-month-old", "20-year-old"],
    )
    assert compare(*pair(shot, charged, index), TUNED).score == 0
    again = aged(
        "b",
        "Ann Reed, 8 months old, and Bo Lee, 20, were shot in a parked car.",
        ("Ann Reed", "Bo Lee"),
        ["20-year-old"],
    )
    assert compare(*pair(shot, again, index), TUNED).score >= TUNED.threshold


def test_a_surname_a_full_name_of_the_passage_ends_with_is_that_person() -> None:
    """ "George T. Conway III, … 'If he knows he is going to lose,' Mr. Conway wrote":
    one man, though the story's "Conway" alone is his wife's."""
    index = PeopleIndex(
        by_name={
            "George T. Conway III": "george-t-conway-iii",
            "Kellyanne Conway": "kellyanne-conway",
            "Conway": "kellyanne-conway",
        }
    )
    wrote = fact("a", "George T. Conway III wrote that Mr. Conway would sue.", [])
    wrote.names = ["George T. Conway III", "Conway"]
    alone = fact("b", "Conway spoke on Sunday.", [])
    alone.names = ["Conway"]
    first, second, *_ = passages([wrote, alone, *filler()], index, TUNED)
    assert first.people == ["george-t-conway-iii"]
    assert second.people == ["kellyanne-conway"]


def test_one_victim_counted_at_two_ages_is_two_victims() -> None:
    """ "an Easter shooting that killed a 3-year-old girl" / "the 6-month-old girl killed
    in a drive-by shooting Saturday": two girls."""
    index = people()
    easter = fact(
        "a",
        "An Easter shooting killed a 3-year-old girl.",
        [age(3), count(1, "a", "girl", "killed")],
    )
    baby = fact(
        "b",
        "The 6-month-old girl killed in a shooting Saturday died of a wound.",
        [count(1, "The 6-month-old girl", "girl", "killed")],
    )
    a, b = pair(easter, baby, index)
    assert compare(a, b, TUNED).conflict == Conflict.APART
    same = fact(
        "b",
        "The 3-year-old girl killed in the Easter shooting died of a wound.",
        [count(1, "The 3-year-old girl", "girl", "killed")],
    )
    a, c = pair(easter, same, index)
    assert compare(a, c, TUNED).conflict is None


@pytest.mark.parametrize(
    ("other", "apart"),
    [
        (count(1, "his father", "father", "killed"), True),  # a child, an adult
        (count(1, "a woman", "woman", "killed"), True),
        (count(1, "a child", "child", "killed"), False),
        (count(1, "a boy", "boy", "killed"), True),  # a girl, a boy
        (count(1, "the victim", "victim", "killed"), False),
    ],
)
def test_one_victim_named_by_nouns_of_two_people_is_two_victims(other: Figure, apart: bool) -> None:
    """ "a child has died after she accidentally shot herself with her grandma's gun" /
    "his father was shot and killed in the same shooting": two people killed."""
    girl = fact(
        "a", "A girl has died after she shot herself with a gun.", [count(1, "A", "girl", "killed")]
    )
    father = fact("b", f"{other.text} was shot and killed in the shooting.", [other])
    a, b = pair(girl, father, people())
    assert (compare(a, b, TUNED).conflict == Conflict.APART) is apart


@pytest.mark.parametrize(
    ("other", "qualifier", "apart"), [(4230, "more than", True), (40, "about", False)]
)
def test_hedged_counts_of_one_thing_far_apart_are_two_tallies(
    other: int, qualifier: str, apart: bool
) -> None:
    """ "More than 4,230 people have been shot in Chicago this year" / "At least 35 people
    have been shot across the city since Friday": both bounds, never in conflict, yet two
    tallies; "about 40 people" may well be the same count."""
    weekend = fact(
        "a",
        "At least 35 people have been shot across the city since Friday.",
        [Figure(value=35, text="At least 35", counts="people", qualifier="at least")],
    )
    year = fact(
        "b",
        f"{qualifier} {other} people have been shot across the city this year.",
        [Figure(value=other, text=f"{qualifier} {other}", counts="people", qualifier=qualifier)],
    )
    a, b = pair(weekend, year, people())
    assert (compare(a, b, TUNED).conflict == Conflict.APART) is apart


def test_another_in_one_source_is_no_restatement() -> None:
    """ "The 47-year-old man suffered multiple gunshot wounds and was pronounced dead" /
    "Another man, 33, suffered a gunshot wound to the chest", one source: two people.
    From another source, "another man" may be the one the first source tells of."""
    from dataclasses import replace

    first = fact("a", "The man suffered multiple gunshot wounds and was pronounced dead.", [])
    text = "Another man suffered a gunshot wound and was pronounced dead."
    another = replace(fact("a", text, []), start=100, end=100 + len(text))
    assert compare(*pair(first, another, people()), TUNED).conflict == Conflict.APART
    before = replace(first, start=200, end=200 + len(first.text))  # what follows tells more
    assert compare(*pair(before, another, people()), TUNED).conflict is None
    elsewhere = replace(another, source="b")
    assert compare(*pair(first, elsewhere, people()), TUNED).conflict is None


def test_one_victim_on_two_days_is_a_dispute_of_dates() -> None:
    """ "Authorities say an 11-year-old girl has died after she was shot Friday evening"
    / "An 11-year-old girl was killed on Saturday night": one girl, one death, told
    with other verbs and subjects, on two days."""
    from dataclasses import replace

    friday = fact(
        "a",
        "Authorities say an 11-year-old girl has died after she was shot Friday evening.",
        [age(11), count(1, "an", "girl", "killed")],
    )
    saturday = fact(
        "b",
        "An 11-year-old girl was killed on Saturday night during a shooting.",
        [age(11), count(1, "An", "girl", "killed")],
    )
    friday = replace(friday, entities=[DATE_PREFIX + "friday"], frames=["authority|say"])
    saturday = replace(saturday, entities=[DATE_PREFIX + "saturday night"], frames=["girl|kill"])
    assert compare(*pair(friday, saturday, people()), TUNED).conflict == Conflict.DATE


def test_two_words_for_one_counted_outcome_tell_one_fact() -> None:
    """ "Police identified the juvenile killed in the shooting as 10-year-old Jo Swanson"
    / "The child who died was 10-year-old Jo Swanson": "killed" and "died" name one
    counted outcome, so the passages say what happened to him, not only who he is."""
    from dataclasses import replace

    from sitegen.merge.features import synonym_keys

    assert "l:die" in synonym_keys({"l:kill", "l:die", "l:child"}).get("l:kill", ())
    index = people("Jo Swanson")
    killed = fact(
        "a",
        "Police identified the juvenile killed in the shooting as 10-year-old Jo Swanson.",
        [age(10)],
        ("Jo Swanson",),
    )
    died = fact("b", "The child who died was 10-year-old Jo Swanson.", [age(10)], ("Jo Swanson",))
    killed = replace(killed, lemmas=["police", "identify", "juvenile", "kill", "shooting"])
    died = replace(died, lemmas=["child", "die"])
    assert compare(*pair(killed, died, index), TUNED).score >= TUNED.threshold
