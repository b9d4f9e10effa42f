"""What a figure counts (killed, injured, …) and whether it is an increment, on
hand-built parses; then the merge on small stories: increments are not totals, two
values of one quantity are never one claim, and rival outlets' values are a dispute
that says what differs."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.agreement import figures_disagree, increment_and_total, introduces_one
from sitegen.extract.quantities import (
    is_increment,
    of_another_time,
    quantity_of,
    with_quantities,
)
from sitegen.factbase.model import FactBase, Figure
from sitegen.ingest import read_articles
from sitegen.merge import merge
from sitegen.render.figures import QuantityRow, figures_table
from tests.builders import W, parse, was_done, were_done


def test_an_additional_count_of_a_noun_is_an_increment_without_a_quantity() -> None:
    doc = parse(
        W("there", 1, "expl", "PRON"),
        W("were", 1, "ROOT", "VERB", "be"),
        W("an", 5, "det", "DET", ent="B-CARDINAL"),
        W("additional", 5, "amod", "ADJ", ent="I-CARDINAL"),
        W("69", 5, "nummod", "NUM", ent="I-CARDINAL"),
        W("men", 1, "attr", "NOUN", "man"),
    )
    [figure] = with_quantities(doc[:], [Figure(value=69, text="an additional 69", counts="men")])
    assert figure.quantity is None and figure.increment
    total = Figure(value=70, text="70", counts="men", quantity="volunteers")
    assert increment_and_total([figure], [total]), "the added men are not the 70"
    assert not figures_disagree([figure], [total]) and not figures_disagree([total], [figure])


def test_animals_are_no_casualties_of_the_story() -> None:
    """ "… injuring one of the family dogs": no one injured; "one of the victims" is."""

    def injuring(noun: str, lemma: str) -> list:
        doc = parse(
            W("injuring", 0, "ROOT", "VERB", "injure", "VBG"),
            W("one", 0, "dobj", "NUM"),
            W("of", 1, "prep", "ADP"),
            W("the", 5, "det", "DET"),
            W("family", 5, "compound", "NOUN"),
            W(noun, 2, "pobj", "NOUN", lemma, "NNS"),
        )
        return [(f.value, f.quantity) for f in with_quantities(doc[:], [])]

    assert injuring("dogs", "dog") == []
    assert injuring("victims", "victim") == [(1, "injured")]

    def found_dead(noun: str) -> list:
        doc = parse(
            *was_done(noun, "found", "find", "VBN"),
            W("dead", 3, "oprd", "ADJ"),
        )
        return [(f.value, f.quantity) for f in with_quantities(doc[:], [])]

    assert found_dead("dog") == [], "a dog was also found dead"
    assert found_dead("man") == [(1, "killed")]


def test_a_participle_after_the_counted_noun_is_its_state() -> None:
    """ "A gun battle left eight people wounded": the parser hangs "wounded" on "left";
    it is what became of the eight."""
    doc = parse(
        W("A", 2, "det", "DET"),
        W("gun", 2, "compound", "NOUN"),
        W("battle", 3, "nsubj", "NOUN"),
        W("left", 3, "ROOT", "VERB", "leave", "VBD"),
        W("eight", 5, "nummod", "NUM", ent="B-CARDINAL"),
        W("people", 3, "dobj", "NOUN", "person"),
        W("wounded", 3, "advcl", "VERB", "wound", "VBN"),
    )
    [figure] = with_quantities(doc[:], [Figure(value=8, text="eight", counts="people")])
    assert figure.quantity == "injured"


def test_a_count_dated_to_an_earlier_year_is_another_events() -> None:
    """ "The worst shooting was in 2015, when two people were killed": not the story's
    count in an article of 2017; "Two people were killed Sunday, the most since 2015"
    is."""

    def sentence(*dates: tuple[str, str]) -> object:
        words = [W("Two", 1, "nummod", "NUM"), W("people", 2, "nsubjpass", "NOUN", "person")]
        words.append(W("died", 2, "ROOT", "VERB", "die"))
        for text, label in dates:
            first, *rest = text.split()
            words.append(W(first, 2, "npadvmod", "PROPN", ent=f"B-{label}"))
            words.extend(W(w, len(words) - 1, "compound", "NUM", ent=f"I-{label}") for w in rest)
        return parse(*words)[:]

    assert of_another_time(sentence(("in 2015", "DATE")), "2017-03-26")
    assert of_another_time(sentence(("last year", "DATE")), None)
    assert not of_another_time(sentence(("in 2017", "DATE")), "2017-03-26")
    assert not of_another_time(sentence(("Sunday", "DATE"), ("since 2015", "DATE")), "2017-03-26")
    assert not of_another_time(sentence(("in 2015", "DATE")), None)


def test_the_verb_a_count_is_the_subject_of_names_the_quantity() -> None:
    doc = parse(
        *were_done("Two", "people", "killed", "kill", "person"),
    )
    assert quantity_of(doc[0]) == "killed"
    assert not is_increment(doc[0], "killed")


def test_the_subject_of_a_verb_with_an_object_is_the_doer_not_the_counted() -> None:
    """ "More than one shooter hurt 15 people and killed one man": the shooters are not
    hurt; the objects are what "hurt" and "killed" count."""
    doc = parse(
        W("one", 1, "nummod", "NUM"),
        W("shooter", 2, "nsubj", "NOUN"),
        W("hurt", 2, "ROOT", "VERB", "hurt"),
        W("15", 4, "nummod", "NUM"),
        W("people", 2, "dobj", "NOUN", "person"),
        W("and", 2, "cc", "CCONJ"),
        W("killed", 2, "conj", "VERB", "kill"),
        W("one", 8, "nummod", "NUM"),
        W("man", 6, "dobj", "NOUN"),
    )
    assert quantity_of(doc[0]) is None
    assert quantity_of(doc[3]) == "injured"
    assert quantity_of(doc[7]) == "killed"
    died = parse(
        W("Two", 1, "nummod", "NUM"),
        W("people", 2, "nsubj", "NOUN", "person"),
        W("died", 2, "ROOT", "VERB", "die"),
    )
    assert quantity_of(died[0]) == "killed", "a verb without an object counts its subject"


def test_an_age_standing_for_a_person_is_one_counted() -> None:
    """ "a 12-year-old boy shot and killed an 11-year-old": one killed, the 11-year-old
    (the boy does the act)."""
    doc = parse(
        W("a", 6, "det", "DET"),
        W("12", 3, "nummod", "NUM", space=False, ent="B-DATE"),
        W("-", 3, "punct", "PUNCT", space=False, ent="I-DATE"),
        W("year", 5, "npadvmod", "NOUN", space=False, ent="I-DATE"),
        W("-", 5, "punct", "PUNCT", space=False, ent="I-DATE"),
        W("old", 6, "amod", "ADJ", ent="I-DATE"),
        W("boy", 7, "nsubj", "NOUN"),
        W("shot", 7, "ROOT", "VERB", "shoot"),
        W("and", 7, "cc", "CCONJ"),
        W("killed", 7, "conj", "VERB", "kill"),
        W("an", 15, "det", "DET"),
        W("11", 13, "nummod", "NUM", space=False, ent="B-DATE"),
        W("-", 13, "punct", "PUNCT", space=False, ent="I-DATE"),
        W("year", 15, "npadvmod", "NOUN", space=False, ent="I-DATE"),
        W("-", 15, "punct", "PUNCT", space=False, ent="I-DATE"),
        W("old", 9, "dobj", "ADJ", ent="I-DATE"),
    )
    [figure] = with_quantities(doc[:], [])
    assert (figure.value, figure.text, figure.quantity) == (1, "an", "killed")


def test_the_shot_are_not_the_dead_when_the_dead_have_their_own_subject() -> None:
    """ "Four men were shot and two of them died": four shot, two killed; but "two men
    were shot and killed": two killed."""
    doc = parse(
        *were_done("Four", "men", "shot", "shoot", "man"),
        W("and", 3, "cc", "CCONJ"),
        W("two", 8, "nsubj", "NUM"),
        W("of", 5, "prep", "ADP"),
        W("them", 6, "pobj", "PRON", "they"),
        W("died", 3, "conj", "VERB", "die"),
    )
    assert quantity_of(doc[0]) == "shot"
    assert quantity_of(doc[5]) == "killed"
    both = parse(
        *were_done("Two", "men", "shot", "shoot", "man"),
        W("and", 3, "cc", "CCONJ"),
        W("killed", 3, "conj", "VERB", "kill"),
    )
    assert quantity_of(both[0]) == "killed"


def test_hit_by_gunfire_is_shot_and_lends_no_outcome_of_another_clause() -> None:
    """ "Four people were hit by gunfire and three of them died": the three died, the
    four were shot (hit by gunfire), not killed; "the driver hit two vehicles" counts
    nothing."""
    doc = parse(
        W("Four", 1, "nummod", "NUM"),
        W("people", 3, "nsubjpass", "NOUN", "person"),
        W("were", 3, "auxpass", "AUX", "be"),
        W("hit", 3, "ROOT", "VERB", "hit", "VBN"),
        W("by", 3, "agent", "ADP"),
        W("gunfire", 4, "pobj", "NOUN"),
        W("and", 3, "cc", "CCONJ"),
        W("three", 10, "nsubj", "NUM"),
        W("of", 7, "prep", "ADP"),
        W("them", 8, "pobj", "PRON", "they"),
        W("died", 3, "conj", "VERB", "die", "VBD"),
    )
    assert quantity_of(doc[0]) == "shot"
    assert quantity_of(doc[7]) == "killed"
    car = parse(
        W("The", 1, "det", "DET"),
        W("driver", 2, "nsubj", "NOUN"),
        W("hit", 2, "ROOT", "VERB", "hit", "VBD"),
        W("two", 4, "nummod", "NUM"),
        W("vehicles", 2, "dobj", "NOUN", "vehicle"),
    )
    assert quantity_of(car[3]) is None


def test_struck_by_what_a_firing_sent_is_shot() -> None:
    """ "fired several shots, striking three people" and "Gunfire struck two men" count
    the shot; "Three bullets struck the car" counts no one (the bullets strike)."""
    firing = parse(
        W("He", 1, "nsubj", "PRON", "he"),
        W("fired", 1, "ROOT", "VERB", "fire", "VBD"),
        W("shots", 1, "dobj", "NOUN", "shot"),
        W(",", 1, "punct", "PUNCT"),
        W("striking", 1, "advcl", "VERB", "strike", "VBG"),
        W("three", 6, "nummod", "NUM"),
        W("people", 4, "dobj", "NOUN", "person"),
    )
    assert quantity_of(firing[5]) == "shot"
    gunfire = parse(
        W("Gunfire", 1, "nsubj", "NOUN", "gunfire"),
        W("struck", 1, "ROOT", "VERB", "strike", "VBD"),
        W("two", 3, "nummod", "NUM"),
        W("men", 1, "dobj", "NOUN", "man"),
    )
    assert quantity_of(gunfire[2]) == "shot"
    bullets = parse(
        W("Three", 1, "nummod", "NUM"),
        W("bullets", 2, "nsubj", "NOUN", "bullet"),
        W("struck", 2, "ROOT", "VERB", "strike", "VBD"),
        W("the", 4, "det", "DET"),
        W("car", 2, "dobj", "NOUN"),
    )
    assert quantity_of(bullets[0]) is None


def test_a_clause_of_its_own_counts_nothing_of_the_clause_it_is_joined_to() -> None:
    """ "Two people were killed and four others were in the hospital": the four were
    not killed."""
    doc = parse(
        W("Two", 1, "nummod", "NUM"),
        W("people", 3, "nsubjpass", "NOUN", "person"),
        W("were", 3, "auxpass", "AUX", "be"),
        W("killed", 3, "ROOT", "VERB", "kill", "VBN"),
        W("and", 3, "cc", "CCONJ"),
        W("four", 6, "nummod", "NUM"),
        W("others", 7, "nsubj", "NOUN", "other"),
        W("were", 3, "conj", "AUX", "be"),
        W("in", 7, "prep", "ADP"),
        W("the", 10, "det", "DET"),
        W("hospital", 8, "pobj", "NOUN"),
    )
    assert quantity_of(doc[0]) == "killed"
    assert quantity_of(doc[5]) is None


def test_the_set_a_part_is_taken_from_is_not_what_the_part_did() -> None:
    """ "One of five people … has died": one killed, not five."""
    doc = parse(
        W("One", 5, "nsubj", "NUM"),
        W("of", 0, "prep", "ADP"),
        W("five", 3, "nummod", "NUM"),
        W("people", 1, "pobj", "NOUN", "person"),
        W("has", 5, "aux", "AUX", "have"),
        W("died", 5, "ROOT", "VERB", "die", "VBN"),
    )
    assert quantity_of(doc[2]) is None
    assert quantity_of(doc[0]) == "killed"


@pytest.mark.parametrize(
    ("since", "counted"), [("October", False), ("2013", False), ("Friday", True)]
)
def test_a_count_since_a_month_or_a_year_is_a_tally(since: str, counted: bool) -> None:
    """ "Since early October, eight people have died": a span's tally; "… since Friday"
    may be the story's own deaths."""
    doc = parse(
        W("Since", 5, "prep", "ADP"),
        W(since, 0, "pobj", "PROPN"),
        W("eight", 3, "nummod", "NUM"),
        W("people", 5, "nsubj", "NOUN", "person"),
        W("have", 5, "aux", "AUX", "have"),
        W("died", 5, "ROOT", "VERB", "die", "VBN"),
    )
    assert (quantity_of(doc[2]) == "killed") is counted


@pytest.mark.parametrize(
    ("adverb", "lemma", "quantity"),
    [("seriously", "seriously", None), ("fatally", "fatally", "killed")],
)
def test_how_badly_some_fared_is_a_part_not_a_count(
    adverb: str, lemma: str, quantity: str | None
) -> None:
    """ "Four people were wounded, two seriously": two of the four, no count of its own;
    "…, one fatally" counts the dead."""
    doc = parse(
        W("Four", 1, "nummod", "NUM"),
        W("people", 3, "nsubjpass", "NOUN", "person"),
        W("were", 3, "auxpass", "AUX", "be"),
        W("wounded", 3, "ROOT", "VERB", "wound", "VBN"),
        W(",", 3, "punct", "PUNCT"),
        W("two", 3, "npadvmod", "NUM"),
        W(adverb, 5, "advmod", "ADV", lemma),
    )
    assert quantity_of(doc[0]) == "injured"
    assert quantity_of(doc[5]) == quantity


@pytest.mark.parametrize(("first", "counted"), [("Originally", False), ("Later", True)])
def test_a_count_first_told_and_since_revised_is_not_the_storys(first: str, counted: bool) -> None:
    """ "Originally, reports said that eight teens were injured": an earlier count."""
    doc = parse(
        W(first, 3, "advmod", "ADV"),
        W(",", 3, "punct", "PUNCT"),
        W("reports", 3, "nsubj", "NOUN", "report"),
        W("said", 3, "ROOT", "VERB", "say", "VBD"),
        W("that", 8, "mark", "SCONJ"),
        W("eight", 6, "nummod", "NUM"),
        W("teens", 8, "nsubjpass", "NOUN", "teen"),
        W("were", 8, "auxpass", "AUX", "be"),
        W("injured", 3, "ccomp", "VERB", "injure", "VBN"),
    )
    assert (quantity_of(doc[5]) == "injured") is counted


@pytest.mark.parametrize(("acts", "counted"), [("12", False), ("two", True)])
def test_a_count_summed_over_many_acts_is_a_tally(acts: str, counted: bool) -> None:
    """ "Ten people were injured in 12 shootings": a tally of many acts; "in two attacks"
    may be the story's own count."""
    doc = parse(
        W("Ten", 1, "nummod", "NUM"),
        W("people", 3, "nsubjpass", "NOUN", "person"),
        W("were", 3, "auxpass", "AUX", "be"),
        W("injured", 3, "ROOT", "VERB", "injure", "VBN"),
        W("in", 3, "prep", "ADP"),
        W(acts, 6, "nummod", "NUM"),
        W("shootings", 4, "pobj", "NOUN", "shooting", "NNS"),
    )
    assert (quantity_of(doc[0]) == "injured") is counted


@pytest.mark.parametrize(("noun", "counted"), [("shootings", False), ("victims", True)])
def test_fatal_acts_are_no_count_of_the_dead(noun: str, counted: bool) -> None:
    """ "after two fatal shootings in the past few weeks": two acts, not two dead."""
    doc = parse(
        W("after", 0, "ROOT", "ADP"),
        W("two", 3, "nummod", "NUM", ent="B-CARDINAL"),
        W("fatal", 3, "amod", "ADJ"),
        W(noun, 0, "pobj", "NOUN", noun[:-1], "NNS"),
    )
    assert (quantity_of(doc[1]) == "killed") is counted


def test_the_one_an_outcome_befell_is_counted_with_the_others() -> None:
    """ "The death of a woman and her two sons": three dead, not the two sons alone."""
    doc = parse(
        W("The", 1, "det", "DET"),
        W("death", 1, "ROOT", "NOUN", "death", "NN"),
        W("of", 1, "prep", "ADP"),
        W("a", 4, "det", "DET"),
        W("woman", 2, "pobj", "NOUN", "woman", "NN"),
        W("and", 4, "cc", "CCONJ"),
        W("her", 8, "poss", "PRON"),
        W("two", 8, "nummod", "NUM", ent="B-CARDINAL"),
        W("sons", 4, "conj", "NOUN", "son", "NNS"),
    )
    found = [Figure(value=2, text="two", counts="sons")]
    assert [(f.value, f.quantity) for f in with_quantities(doc[:], found)] == [(3, "killed")]


@pytest.mark.parametrize(("whole", "counted"), [("Father", False), ("Group", True)])
def test_the_number_of_kin_of_someone_is_no_count_of_the_act(whole: str, counted: bool) -> None:
    """ "Father of 5 killed": his five children, not five killed; "Group of 5 killed"
    counts the five."""
    doc = parse(
        W(whole, 3, "nsubj", "PROPN", whole.lower(), "NNP"),
        W("of", 0, "prep", "ADP"),
        W("5", 1, "pobj", "NUM"),
        W("killed", 3, "ROOT", "VERB", "kill", "VBN"),
    )
    assert (quantity_of(doc[2]) == "killed") is counted


@pytest.mark.parametrize(("many", "counted"), [("several", False), ("the", True)])
def test_a_headlines_count_over_an_unsaid_many_acts_is_a_tally(many: str, counted: bool) -> None:
    """ "20 people wounded in several shootings" (no verb: the participle describes the
    people) is a tally; "in the shootings" may be the story's own acts."""
    doc = parse(
        W("20", 1, "nummod", "NUM"),
        W("people", 1, "ROOT", "NOUN", "person", "NNS"),
        W("wounded", 1, "acl", "VERB", "wound", "VBN"),
        W("in", 2, "prep", "ADP"),
        W(many, 5, "amod" if many == "several" else "det", "ADJ" if many == "several" else "DET"),
        W("shootings", 3, "pobj", "NOUN", "shooting", "NNS"),
    )
    assert (quantity_of(doc[0]) == "injured") is counted


def test_people_shooting_are_the_shooters_not_the_shot() -> None:
    """ "At least five people were shooting during the gunfight": five shooters, no one
    shot; "five people were shot" counts the shot."""
    shooting = parse(
        W("five", 1, "nummod", "NUM"),
        W("people", 3, "nsubj", "NOUN", "person"),
        W("were", 3, "aux", "AUX", "be"),
        W("shooting", 3, "ROOT", "VERB", "shoot", "VBG"),
        W("during", 3, "prep", "ADP"),
        W("the", 6, "det", "DET"),
        W("gunfight", 4, "pobj", "NOUN"),
    )
    assert quantity_of(shooting[0]) is None
    shot = parse(
        W("five", 1, "nummod", "NUM"),
        W("people", 3, "nsubjpass", "NOUN", "person"),
        W("were", 3, "auxpass", "AUX", "be"),
        W("shot", 3, "ROOT", "VERB", "shoot", "VBN"),
    )
    assert quantity_of(shot[0]) == "shot"


def test_a_verb_joined_with_its_own_object_counts_that_object() -> None:
    """ "Officers returned three rounds and killed her": no three killed; "he shot two
    people and killed a third": two shot, one killed."""
    rounds = parse(
        W("Officers", 1, "nsubj", "NOUN", "officer"),
        W("returned", 1, "ROOT", "VERB", "return"),
        W("three", 3, "nummod", "NUM"),
        W("rounds", 1, "dobj", "NOUN", "round"),
        W("and", 1, "cc", "CCONJ"),
        W("killed", 1, "conj", "VERB", "kill"),
        W("her", 5, "dobj", "PRON", "she"),
    )
    assert quantity_of(rounds[2]) is None
    third = parse(
        W("He", 1, "nsubj", "PRON", "he"),
        W("shot", 1, "ROOT", "VERB", "shoot"),
        W("two", 3, "nummod", "NUM"),
        W("people", 1, "dobj", "NOUN", "people"),
        W("and", 1, "cc", "CCONJ"),
        W("killed", 1, "conj", "VERB", "kill"),
        W("a", 7, "det", "DET"),
        W("third", 5, "dobj", "NOUN", "third"),
    )
    assert quantity_of(third[2]) == "shot"


def test_a_noun_after_a_clause_of_the_first_is_no_second_count() -> None:
    """ "Officers killed a woman who barricaded herself and a child": the child may be
    the clause's object (barricaded with her), so one killed, not two."""
    doc = parse(
        W("Officers", 1, "nsubj", "NOUN", "officer"),
        W("killed", 1, "ROOT", "VERB", "kill"),
        W("a", 3, "det", "DET"),
        W("woman", 1, "dobj", "NOUN"),
        W("who", 5, "nsubj", "PRON"),
        W("barricaded", 3, "relcl", "VERB", "barricade"),
        W("herself", 5, "dobj", "PRON"),
        W("and", 3, "cc", "CCONJ"),
        W("a", 9, "det", "DET"),
        W("child", 3, "conj", "NOUN"),
    )
    assert [(f.value, f.counts, f.quantity) for f in with_quantities(doc[:], [])] == [
        (1, "woman", "killed")
    ]


def test_a_thing_is_no_casualty() -> None:
    """ "The man took out a gun and shot at them": no one shot; "a bystander was
    shot": one."""

    def shot(noun: str) -> list[tuple[float, str | None]]:
        doc = parse(
            W("the", 1, "det", "DET"),
            W("man", 2, "nsubj", "NOUN"),
            W("took", 2, "ROOT", "VERB", "take"),
            W("out", 2, "prt", "ADP"),
            W("a", 5, "det", "DET"),
            W(noun, 2, "dobj", "NOUN"),
            W("and", 2, "cc", "CCONJ"),
            W("shot", 2, "conj", "VERB", "shoot"),
        )
        return [(f.value, f.quantity) for f in with_quantities(doc[:], [])]

    assert shot("gun") == []
    assert shot("bystander") == [(1, "shot")]


def test_an_act_only_attempted_counts_no_one() -> None:
    """ "agents were injured while trying to arrest a robbery suspect": no one arrested;
    "police arrested a robbery suspect": one."""
    tried = parse(
        W("agents", 1, "nsubj", "NOUN", "agent"),
        W("tried", 1, "ROOT", "VERB", "try"),
        W("to", 3, "aux", "PART"),
        W("arrest", 1, "xcomp", "VERB", "arrest"),
        W("a", 5, "det", "DET"),
        W("suspect", 3, "dobj", "NOUN"),
    )
    assert with_quantities(tried[:], []) == []
    done = parse(
        W("agents", 1, "nsubj", "NOUN", "agent"),
        W("arrested", 1, "ROOT", "VERB", "arrest"),
        W("a", 3, "det", "DET"),
        W("suspect", 1, "dobj", "NOUN"),
    )
    assert [(f.value, f.quantity) for f in with_quantities(done[:], [])] == [(1, "arrested")]


def test_shot_dead_counts_the_dead_and_a_short_time_counts_no_one() -> None:
    """ "A relative was shot dead": one killed; "he died a short time later": "a" says
    when, not who."""
    dead = parse(
        *was_done("relative", "shot", "shoot"),
        W("dead", 3, "oprd", "ADJ"),
    )
    assert [(f.value, f.quantity) for f in with_quantities(dead[:], [])] == [(1, "killed")]
    later = parse(
        W("he", 1, "nsubj", "PRON"),
        W("died", 1, "ROOT", "VERB", "die"),
        W("a", 4, "det", "DET"),
        W("short", 4, "amod", "ADJ"),
        W("time", 1, "dobj", "NOUN"),
        W("later", 1, "advmod", "ADV"),
    )
    assert with_quantities(later[:], []) == []


def test_a_definite_person_hurt_is_a_count_of_one_and_nobody_hurt_is_none() -> None:
    """ "an officer shot and wounded the driver": one wounded, the driver (the officer
    does the act); "the officer was not injured", "no one was injured": no count."""
    wounded = parse(
        W("An", 1, "det", "DET"),
        W("officer", 2, "nsubj", "NOUN"),
        W("shot", 2, "ROOT", "VERB", "shoot"),
        W("and", 2, "cc", "CCONJ"),
        W("wounded", 2, "conj", "VERB", "wound"),
        W("the", 6, "det", "DET"),
        W("driver", 4, "dobj", "NOUN"),
    )
    [figure] = with_quantities(wounded[:], [])
    assert (figure.value, figure.text, figure.quantity) == (1, "the driver", "injured")
    assert introduces_one(figure), "one person told of, no total to dispute"
    not_hurt = parse(
        W("The", 1, "det", "DET"),
        W("officer", 4, "nsubjpass", "NOUN"),
        W("was", 4, "auxpass", "AUX", "be"),
        W("not", 4, "neg", "PART"),
        W("injured", 4, "ROOT", "VERB", "injure"),
    )
    assert with_quantities(not_hurt[:], []) == []
    nobody = parse(
        W("No", 1, "det", "DET"),
        W("one", 3, "nsubjpass", "NOUN"),
        W("was", 3, "auxpass", "AUX", "be"),
        W("injured", 3, "ROOT", "VERB", "injure"),
    )
    assert with_quantities(nobody[:], []) == []
    plural = parse(
        W("The", 1, "det", "DET"),
        W("victims", 3, "nsubjpass", "NOUN", "victim"),
        W("were", 3, "auxpass", "AUX", "be"),
        W("wounded", 3, "ROOT", "VERB", "wound"),
    )
    assert with_quantities(plural[:], []) == [], "the victims: how many is not said"


def test_a_count_over_a_whole_area_or_a_span_of_time_counts_no_quantity() -> None:
    """ "20 people wounded across the city", "shot in the past 17 months": a tally of
    many events, not the story's count; "two people were wounded in the park" is."""

    def wounded(prep: str, *place: W) -> Figure:
        doc = parse(
            *were_done("Twenty", "people", "wounded", "wound", "person"),
            W(prep, 3, "prep", "ADP"),
            *place,
        )
        [figure] = with_quantities(doc[:], [Figure(value=20, text="Twenty")])
        return figure

    the_city = (W("the", 6, "det", "DET"), W("city", 4, "pobj", "NOUN"))
    assert wounded("across", *the_city).quantity is None
    months = (
        W("the", 7, "det", "DET"),
        W("past", 7, "amod", "ADJ"),
        W("months", 4, "pobj", "NOUN", "month"),
    )
    assert wounded("in", *months).quantity is None
    park = (W("the", 6, "det", "DET"), W("park", 4, "pobj", "NOUN"))
    assert wounded("in", *park).quantity == "injured"


@pytest.mark.parametrize(
    ("determiner", "period", "counted"),
    [
        ("every", "week", False),
        ("this", "summer", False),
        ("last", "year", False),
        ("this", "weekend", True),
    ],
)
def test_a_count_dated_by_a_rate_or_a_season_is_a_tally(
    determiner: str, period: str, counted: bool
) -> None:
    """ "one child has been shot every week", "four girls shot this summer", "… last
    year": tallies; "two people were shot this weekend" may be the story's count."""
    doc = parse(
        W("Two", 1, "nummod", "NUM"),
        W("people", 3, "nsubjpass", "NOUN", "person"),
        W("were", 3, "auxpass", "AUX", "be"),
        W("shot", 3, "ROOT", "VERB", "shoot", "VBN"),
        W(determiner, 5, "det", "DET"),
        W(period, 3, "npadvmod", "NOUN"),
    )
    [figure] = with_quantities(doc[:], [Figure(value=2, text="Two")])
    assert (figure.quantity == "shot") is counted


@pytest.mark.parametrize(
    ("span", "lemma", "counted"), [("weekend", "weekend", False), ("shooting", "shooting", True)]
)
def test_a_count_told_of_a_span_of_time_is_its_tally(span: str, lemma: str, counted: bool) -> None:
    """ "a bloody weekend that left seven people dead" (the parser hangs the clause on a
    word before the span): the weekend's tally; "a shooting that left seven people
    dead" counts the story's dead."""
    doc = parse(
        W("one", 0, "ROOT", "NUM"),
        W("of", 0, "prep", "ADP"),
        W("a", 4, "det", "DET"),
        W("bloody", 4, "amod", "ADJ"),
        W(span, 1, "pobj", "NOUN", lemma),
        W("that", 6, "nsubj", "PRON"),
        W("left", 0, "relcl", "VERB", "leave"),
        W("seven", 8, "nummod", "NUM"),
        W("people", 6, "dobj", "NOUN", "person"),
        W("dead", 6, "oprd", "ADJ"),
    )
    [figure] = with_quantities(doc[:], [Figure(value=7, text="seven", counts="people")])
    assert (figure.quantity == "killed") is counted


def test_two_more_since_is_an_increment() -> None:
    doc = parse(
        W("two", 2, "nummod", "NUM"),
        W("more", 2, "amod", "ADJ"),
        W("people", 5, "nsubj", "NOUN", "person"),
        W("have", 5, "aux", "AUX"),
        W("since", 5, "advmod", "ADV"),
        W("died", 5, "ROOT", "VERB", "die"),
    )
    assert quantity_of(doc[0]) == "killed"
    assert is_increment(doc[0], "killed")


def test_since_a_date_is_a_span_not_an_increment() -> None:
    """ "Two people have since died": more dead; "two people have died since Sunday":
    the dead since then, a total."""
    doc = parse(
        W("two", 1, "nummod", "NUM"),
        W("people", 3, "nsubj", "NOUN", "person"),
        W("have", 3, "aux", "AUX"),
        W("died", 3, "ROOT", "VERB", "die"),
        W("since", 3, "prep", "ADP"),
        W("Sunday", 4, "pobj", "PROPN", ent="B-DATE"),
    )
    assert quantity_of(doc[0]) == "killed"
    assert not is_increment(doc[0], "killed")


def test_more_than_another_quantity_is_a_total() -> None:
    """ "A man was killed and five more people were wounded": five wounded in all."""
    doc = parse(
        *was_done("man", "killed", "kill"),
        W("and", 3, "cc", "CCONJ"),
        W("five", 7, "nummod", "NUM"),
        W("more", 7, "amod", "ADJ"),
        W("people", 9, "nsubjpass", "NOUN", "person"),
        W("were", 9, "auxpass", "AUX", "be"),
        W("wounded", 3, "conj", "VERB", "wound"),
    )
    assert quantity_of(doc[5]) == "injured"
    assert not is_increment(doc[5], "injured")
    counted = with_quantities(doc[:], [])
    assert [(f.value, f.quantity) for f in counted] == [(1, "killed")], "a man: one killed"


def test_other_people_joined_to_the_verb_of_the_dead_are_all_the_injured() -> None:
    """ "A student was killed and five other people injured", parsed with "people" as a
    conjunct of "killed": the five are other than the dead, all the injured."""
    doc = parse(
        *was_done("student", "killed", "kill"),
        W("and", 3, "cc", "CCONJ"),
        W("five", 7, "nummod", "NUM"),
        W("other", 7, "amod", "ADJ"),
        W("people", 3, "conj", "NOUN", "person"),
        W("injured", 7, "acl", "VERB", "injure"),
    )
    assert quantity_of(doc[5]) == "injured"
    assert not is_increment(doc[5], "injured")


def test_a_noun_holding_a_number_or_a_plural_is_no_count_of_one() -> None:
    """ "A total of 50 people were killed": not one killed ("a total"); "A man was
    killed" still is."""
    doc = parse(
        W("A", 1, "det", "DET", tag="DT"),
        W("total", 6, "nsubjpass", "NOUN", tag="NN"),
        W("of", 1, "prep", "ADP", tag="IN"),
        W("50", 4, "nummod", "NUM", tag="CD"),
        W("people", 2, "pobj", "NOUN", "person", tag="NNS"),
        W("were", 6, "auxpass", "AUX", "be"),
        W("killed", 6, "ROOT", "VERB", "kill"),
    )
    assert all(f.value != 1 for f in with_quantities(doc[:], []))
    family = parse(
        W("A", 1, "det", "DET", tag="DT"),
        W("family", 5, "nsubjpass", "NOUN", tag="NN"),
        W("of", 1, "prep", "ADP", tag="IN"),
        W("four", 2, "pobj", "NUM", tag="CD"),
        W("was", 5, "auxpass", "AUX", "be"),
        W("killed", 5, "ROOT", "VERB", "kill"),
    )
    assert all(f.value != 1 for f in with_quantities(family[:], []))
    man = parse(
        W("A", 1, "det", "DET", tag="DT"),
        W("man", 3, "nsubjpass", "NOUN", tag="NN"),
        W("was", 3, "auxpass", "AUX", "be"),
        W("killed", 3, "ROOT", "VERB", "kill"),
    )
    assert [(f.value, f.quantity) for f in with_quantities(man[:], [])] == [(1, "killed")]


def test_another_count_after_a_sentence_of_other_quantities_is_a_total() -> None:
    """ "49 people were killed. Another 53 were wounded.": 53 wounded in all; after
    "Two people died." "two more died" are more of the dead."""
    doc = parse(
        *were_done("49", "people", "killed", "kill", "person"),
        W(".", 3, "punct", "PUNCT"),
        W("Another", 6, "det", "DET"),
        W("53", 8, "nsubjpass", "NUM"),
        W("were", 8, "auxpass", "AUX", "be"),
        W("wounded", 8, "ROOT", "VERB", "wound"),
        W(".", 8, "punct", "PUNCT"),
    )
    assert quantity_of(doc[6]) == "injured"
    assert not is_increment(doc[6], "injured")
    more = parse(
        W("Two", 1, "nummod", "NUM"),
        W("people", 2, "nsubj", "NOUN", "person"),
        W("died", 2, "ROOT", "VERB", "die"),
        W(".", 2, "punct", "PUNCT"),
        W("Two", 6, "nsubj", "NUM"),
        W("more", 4, "amod", "ADJ"),
        W("died", 6, "ROOT", "VERB", "die"),
        W(".", 6, "punct", "PUNCT"),
    )
    assert quantity_of(more[4]) == "killed"
    assert is_increment(more[4], "killed")


def test_a_person_counted_with_an_ordinal_is_one_more() -> None:
    """ "A seventh person was injured": one more than the six counted before, not a
    total of one; "a young person was injured" is a count of one."""

    def person(modifier: str, tag: str) -> list[Figure]:
        doc = parse(
            W("A", 2, "det", "DET"),
            W(modifier, 2, "amod", "ADJ", tag=tag),
            W("person", 4, "nsubjpass", "NOUN"),
            W("was", 4, "auxpass", "AUX", "be"),
            W("injured", 4, "ROOT", "VERB", "injure"),
        )
        return with_quantities(doc[:], [])

    [seventh] = person("seventh", "JJ")
    assert (seventh.quantity, seventh.value, seventh.increment) == ("injured", 1, True)
    [seventh] = person("7th", "JJ")
    assert seventh.increment
    [young] = person("young", "JJ")
    assert (young.quantity, young.value, young.increment) == ("injured", 1, False)


def test_the_counts_own_verb_tells_no_count_before_it() -> None:
    """ "Two teens were killed. The gunfire injured another four teenagers.": four more
    people than the dead, so four injured in all; "injured" is the count's own verb,
    not an injured count told before it."""
    doc = parse(
        *were_done("Two", "teens", "killed", "kill", "teen"),
        W(".", 3, "punct", "PUNCT"),
        W("The", 6, "det", "DET"),
        W("gunfire", 7, "nsubj", "NOUN"),
        W("injured", 7, "ROOT", "VERB", "injure"),
        W("another", 10, "det", "DET"),
        W("four", 10, "nummod", "NUM"),
        W("teenagers", 7, "dobj", "NOUN", "teenager"),
        W(".", 7, "punct", "PUNCT"),
        starts=(0, 5),
    )
    assert quantity_of(doc[9]) == "injured"
    assert not is_increment(doc[9], "injured")


def test_counts_of_joined_clauses_of_one_outcome_are_summed() -> None:
    """ "Three boys were wounded and a girl was critically injured": four injured; "three
    were wounded and one of them critically" keeps the three (one is among them)."""

    def sentence(*second: W) -> list[tuple[float, str | None]]:
        doc = parse(
            *were_done("Three", "boys", "wounded", "wound", "boy"),
            W("and", 3, "cc", "CCONJ"),
            *second,
        )
        three = Figure(value=3, text="Three", counts="boys")
        return [(f.value, f.quantity) for f in with_quantities(doc[:], [three])]

    joined = sentence(
        W("a", 6, "det", "DET"),
        W("girl", 8, "nsubjpass", "NOUN"),
        W("was", 8, "auxpass", "AUX", "be"),
        W("injured", 3, "conj", "VERB", "injure"),
    )
    assert joined == [(4, "injured")]
    part = sentence(
        W("one", 8, "nsubjpass", "NUM"),
        W("of", 5, "prep", "ADP"),
        W("them", 6, "pobj", "PRON"),
        W("was", 8, "auxpass", "AUX", "be"),
        W("injured", 3, "conj", "VERB", "injure"),
    )
    assert (3, "injured") in part and (4, "injured") not in part


def test_more_adds_to_a_count_told_two_sentences_before() -> None:
    """ "He killed two men. Two others were hurt. He killed two more men.": two more
    dead, told two sentences after the first dead."""
    doc = parse(
        W("He", 1, "nsubj", "PRON"),
        W("killed", 1, "ROOT", "VERB", "kill"),
        W("two", 3, "nummod", "NUM"),
        W("men", 1, "dobj", "NOUN", "man"),
        W(".", 1, "punct", "PUNCT"),
        W("Two", 6, "nummod", "NUM"),
        W("others", 8, "nsubjpass", "NOUN", "other"),
        W("were", 8, "auxpass", "AUX", "be"),
        W("hurt", 8, "ROOT", "VERB", "hurt"),
        W(".", 8, "punct", "PUNCT"),
        W("He", 11, "nsubj", "PRON"),
        W("killed", 11, "ROOT", "VERB", "kill"),
        W("two", 14, "nummod", "NUM"),
        W("more", 14, "amod", "ADJ"),
        W("men", 11, "dobj", "NOUN", "man"),
        W(".", 11, "punct", "PUNCT"),
        starts=(0, 5, 10),
    )
    assert quantity_of(doc[12]) == "killed"
    assert is_increment(doc[12], "killed")


def test_the_others_are_the_rest_of_a_set_not_an_increment() -> None:
    """ "Johnson was among the 53 others wounded": all the wounded; "four others were
    wounded" is beyond a count told before."""
    the_others = parse(
        W("Johnson", 1, "nsubj", "PROPN"),
        W("was", 1, "ROOT", "AUX", "be"),
        W("among", 1, "prep", "ADP"),
        W("the", 5, "det", "DET"),
        W("53", 5, "nummod", "NUM"),
        W("others", 2, "pobj", "NOUN", "other"),
        W("wounded", 5, "acl", "VERB", "wound"),
    )
    assert not is_increment(the_others[4], "injured")
    others = parse(
        *were_done("four", "others", "wounded", "wound", "other"),
    )
    assert is_increment(others[0], "injured")


def test_how_often_is_no_count_of_people() -> None:
    """ "He was shot five times": no one counted; "five people were shot" counts."""
    doc = parse(
        W("He", 2, "nsubjpass", "PRON"),
        W("was", 2, "auxpass", "AUX", "be"),
        W("shot", 2, "ROOT", "VERB", "shoot"),
        W("five", 4, "nummod", "NUM"),
        W("times", 2, "npadvmod", "NOUN", "time"),
    )
    assert quantity_of(doc[3]) is None
    people = parse(
        *were_done("five", "people", "shot", "shoot", "person"),
    )
    assert quantity_of(people[0]) == "shot"


def test_a_breakdown_of_a_count_counts_nothing() -> None:
    doc = parse(
        W("four", 1, "nummod", "NUM"),
        W("victims", 7, "nsubjpass", "NOUN", "victim"),
        W("--", 1, "punct", "PUNCT"),
        W("two", 4, "nummod", "NUM"),
        W("men", 1, "appos", "NOUN", "man"),
        W("and", 4, "cc", "CCONJ"),
        W("were", 7, "auxpass", "AUX", "be"),
        W("wounded", 7, "ROOT", "VERB", "wound"),
    )
    assert quantity_of(doc[0]) == "injured"
    assert quantity_of(doc[3]) is None


def test_one_fatally() -> None:
    doc = parse(
        *were_done("Six", "people", "shot", "shoot", "person"),
        W(",", 3, "punct", "PUNCT"),
        W("one", 1, "appos", "NUM"),
        W("fatally", 5, "advmod", "ADV"),
    )
    assert quantity_of(doc[0]) == "shot"
    counted = with_quantities(doc[:], [])
    assert [(f.value, f.quantity) for f in counted] == [(1, "killed")]


@pytest.mark.parametrize(
    ("first", "second", "total"),
    [
        (("two", "juveniles", "juvenile"), ("eight", "adults", "adult"), 10),
        # one number written twice is read in both places, each "two" its own count
        (("two", "men", "man"), ("two", "women", "woman"), 4),
    ],
)
def test_coordinated_counts_of_one_quantity_are_their_sum(
    first: tuple[str, str, str], second: tuple[str, str, str], total: int
) -> None:
    """ "two juveniles and eight adults were wounded": ten wounded; "two men and two
    women were wounded": four."""
    from sitegen.extract.numbers import parse_number
    from sitegen.factbase.model import Figure

    (n1, noun1, lemma1), (n2, noun2, lemma2) = first, second
    doc = parse(
        W(n1, 1, "nummod", "NUM"),
        W(noun1, 6, "nsubjpass", "NOUN", lemma1),
        W("and", 1, "cc", "CCONJ"),
        W(n2, 4, "nummod", "NUM"),
        W(noun2, 1, "conj", "NOUN", lemma2),
        W("were", 6, "auxpass", "AUX", "be"),
        W("wounded", 6, "ROOT", "VERB", "wound"),
    )
    found = [
        Figure(parse_number(n1) or 0, n1, counts=noun1),
        Figure(parse_number(n2) or 0, n2, counts=noun2),
    ]
    assert [(f.value, f.text, f.quantity) for f in with_quantities(doc[:], found)] == [
        (total, f"{n1} {noun1} and {n2} {noun2}", "injured")
    ]


@pytest.mark.parametrize(
    ("second", "total"),
    [(("mother",), 2), (("his", "son"), 2), (("his", "dog"), 1)],
)
def test_a_count_of_one_joined_to_people_of_no_count_of_their_own_counts_them(
    second: tuple[str, ...], total: int
) -> None:
    """ "A father and mother have been arrested": two arrested, as "a man and his son
    were killed" is two killed; "a man and his dog": one."""
    from sitegen.factbase.model import Figure

    words = [
        W("A", 1, "det", "DET"),
        W("father", len(second) + 4, "nsubjpass", "NOUN"),
        W("and", 1, "cc", "CCONJ"),
    ]
    if len(second) == 2:
        words.append(W(second[0], 4, "poss", "PRON"))
    words += [
        W(second[-1], 1, "conj", "NOUN"),
        W("were", len(second) + 4, "auxpass", "AUX", "be"),
        W("arrested", len(second) + 4, "ROOT", "VERB", "arrest"),
    ]
    doc = parse(*words)
    found = with_quantities(doc[:], [Figure(1, "A", counts="father")])
    assert [(f.value, f.quantity) for f in found] == [(total, "arrested")]


def test_a_participle_after_an_object_hung_on_a_higher_verb_is_its_state() -> None:
    """ "Two people were killed in a shooting that left three men wounded", with
    "wounded" hung on "killed": the three men were wounded."""
    from sitegen.factbase.model import Figure

    doc = parse(
        W("Two", 1, "nummod", "NUM"),
        W("people", 3, "nsubjpass", "NOUN", "person"),
        W("were", 3, "auxpass", "AUX", "be"),
        W("killed", 3, "ROOT", "VERB", "kill", "VBN"),
        W("in", 3, "prep", "ADP"),
        W("a", 6, "det", "DET"),
        W("shooting", 4, "pobj", "NOUN"),
        W("that", 8, "nsubj", "PRON"),
        W("left", 6, "relcl", "VERB", "leave", "VBD"),
        W("three", 10, "nummod", "NUM"),
        W("men", 8, "dobj", "NOUN", "man"),
        W("wounded", 3, "advcl", "VERB", "wound", "VBN"),
    )
    found = [Figure(2, "Two", counts="people"), Figure(3, "three", counts="men")]
    assert [f.quantity for f in with_quantities(doc[:], found)] == ["killed", "injured"]


def test_coordinated_amounts_of_money_are_not_summed() -> None:
    """ "$30,000 in fines and $20,000 in fines" (two charges' maximums): two amounts."""
    from sitegen.factbase.model import Figure

    doc = parse(
        W("he", 1, "nsubj", "PRON"),
        W("faces", 1, "ROOT", "VERB", "face"),
        W("$", 3, "nmod", "SYM", space=False),
        W("30,000", 1, "dobj", "NUM"),
        W("and", 3, "cc", "CCONJ"),
        W("$", 6, "nmod", "SYM", space=False),
        W("20,000", 3, "conj", "NUM"),
    )
    found = [Figure(30000, "$30,000", unit="USD"), Figure(20000, "$20,000", unit="USD")]
    assert [f.value for f in with_quantities(doc[:], found)] == [30000, 20000]


def test_a_joined_clause_with_its_own_subject_counts_its_own() -> None:
    """ "identified two suspects in a shooting … and 16 injured", the small model
    joining "injured" to "identified": the 16 were injured, not the suspects."""
    doc = parse(
        W("police", 1, "nsubj", "NOUN"),
        W("identified", 1, "ROOT", "VERB", "identify", "VBD"),
        W("two", 3, "nummod", "NUM"),
        W("suspects", 1, "dobj", "NOUN", "suspect", "NNS"),
        W("in", 1, "prep", "ADP"),
        W("a", 6, "det", "DET"),
        W("shooting", 4, "pobj", "NOUN"),
        W("and", 1, "cc", "CCONJ"),
        W("16", 9, "nsubj", "NUM"),
        W("injured", 1, "conj", "VERB", "injure", "VBN"),
    )
    assert (quantity_of(doc[2]), quantity_of(doc[8])) == (None, "injured")


def test_counts_joined_by_and_are_summed_where_the_parse_splits_them() -> None:
    """ "left a girl and two men wounded", parsed as two clauses: one count of three."""
    from sitegen.factbase.model import Figure

    doc = parse(
        W("gunfire", 1, "nsubj", "NOUN"),
        W("left", 1, "ROOT", "VERB", "leave", "VBD"),
        W("a", 3, "det", "DET"),
        W("girl", 1, "dobj", "NOUN"),
        W("and", 1, "cc", "CCONJ"),
        W("two", 6, "nummod", "NUM"),
        W("men", 7, "nsubj", "NOUN", "man", "NNS"),
        W("wounded", 1, "conj", "VERB", "wound", "VBD"),  # as the small model parses it
    )
    found = [Figure(2, "two", counts="men")]
    summed = [(f.value, f.text, f.quantity) for f in with_quantities(doc[:], found)]
    assert summed == [(3, "a girl and two men", "injured")]


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from sitegen.extract import extract_articles
    from sitegen.nlp import load_model

    nlp = load_model()

    def run(texts: dict[str, str]) -> FactBase:
        root: Path = tmp_path_factory.mktemp("story")
        (root / "seeds").mkdir()
        for name, text in texts.items():
            (root / "seeds" / name).write_text(text, encoding="utf-8")
        articles = read_articles(root / "seeds", root)
        return merge(articles, list(extract_articles(articles, nlp)))

    return run


def test_an_increment_is_never_joined_to_the_total(build) -> None:  # type: ignore[no-untyped-def]
    base = build(
        {
            "a.txt": "Shooting\n\nTwo people died at the scene of the Elm Street shooting.\n",
            "b.txt": "Update\n\nTwo more people have since died after the Elm Street shooting.\n",
        }
    )
    at_scene = [
        c for c in base.claims.values() if any("at the scene" in x.quote for x in c.citations)
    ]
    since = [c for c in base.claims.values() if any("since died" in x.quote for x in c.citations)]
    assert at_scene and since
    assert at_scene[0].id != since[0].id
    assert not at_scene[0].conflicts, "an increment disputes no total"
    assert any(f.increment for f in since[0].figures)


def test_rival_counts_of_one_quantity_are_a_dispute_of_figures(build) -> None:  # type: ignore[no-untyped-def]
    base = build(
        {
            "a.txt": "Shooting\n\nTen people were wounded in the Elm Street shooting on Friday night, police said.\n",
            "b.txt": "Shooting\n\nNine people were wounded in the Elm Street shooting on Friday night, police said.\n",
        }
    )
    ten = [c for c in base.claims.values() if any("Ten" in x.quote for x in c.citations)]
    nine = [c for c in base.claims.values() if any("Nine" in x.quote for x in c.citations)]
    assert ten and nine and ten[0].id != nine[0].id
    assert ten[0].status == nine[0].status == "disputed"
    assert ten[0].differs == {nine[0].id: "figure"}


def test_the_home_page_shows_the_figures_table(tmp_path: Path) -> None:
    """Rendered from the fact base alone: each value with the outlets that state it,
    and the disagreement said in words."""
    from sitegen.cli import main

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shooting = "{} people were wounded in the Elm Street shooting on Friday night, police said."
    (seeds / "a.md").write_text(
        f"---\ntitle: A\npublisher: Daily A\n---\n{shooting.format('Ten')}\n", encoding="utf-8"
    )
    (seeds / "b.md").write_text(
        f"---\ntitle: B\npublisher: Daily B\n---\n{shooting.format('Nine')}\n", encoding="utf-8"
    )
    assert main(["build", "--project", str(tmp_path), "-q"]) == 0
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    table = home[home.index('class="figures-table"') : home.index("</table>")]
    assert "Injured" in table and "Ten people" in table and "Nine people" in table
    assert "Daily A" in table and "Daily B" in table
    assert "sources disagree" in table


def test_a_count_only_a_headline_states_is_cited_there(tmp_path: Path) -> None:
    """A web story's headline is often its only full count: the table shows it, citing
    the headline's words in the file, and the source page highlights them."""
    from sitegen.cli import main
    from sitegen.factbase.store import read_factbase

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    headline = "One dead, four hurt in Elm Street shooting"
    text = (
        f'---\ntitle: "{headline}"\npublisher: Daily A\n---\n\n'
        "A man died and several people were hurt in a shooting on Elm Street on Friday "
        "night, police said.\n"
    )
    (seeds / "a.md").write_text(text, encoding="utf-8")
    assert main(["build", "--project", str(tmp_path), "-q"]) == 0
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    table = home[home.index('class="figures-table"') : home.index("</table>")]
    assert "Injured" in table and "four hurt" in table
    factbase = read_factbase(tmp_path / "content")
    claims = factbase.claims.values()
    cited = [c for claim in claims for c in claim.citations if c.quote == headline]
    assert [(c.start, c.end) for c in cited] == [
        (text.index(headline), text.index(headline) + len(headline))
    ]
    page = (tmp_path / "site" / "sources" / "a" / "index.html").read_text(encoding="utf-8")
    assert f'id="p-{cited[0].start}-{cited[0].end}"' in page
    [claim] = [c for c in claims if any(x.quote == headline for x in c.citations)]
    claim_page = tmp_path / "site" / "claims" / claim.id / "index.html"
    assert "the article's headline" in claim_page.read_text(encoding="utf-8")


def test_a_later_dated_count_is_an_update_not_a_dispute(tmp_path: Path) -> None:
    from sitegen.cli import main
    from sitegen.factbase.store import read_factbase

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shooting = "{} people were killed in the Elm Street shooting on Friday night, police said."
    for name, date, count in (("a", "2020-05-01", "One"), ("b", "2020-05-03", "Two")):
        (seeds / f"{name}.md").write_text(
            f"---\ntitle: {name}\ndate: {date}\n---\n{shooting.format(count)}\n", encoding="utf-8"
        )
    assert main(["build", "--project", str(tmp_path), "-q"]) == 0
    base = read_factbase(tmp_path / "content")
    one = next(c for c in base.claims.values() if c.citations[0].source == "a")
    two = next(c for c in base.claims.values() if c.citations[0].source == "b")
    assert one.updates == [two.id] and two.updates == [one.id]
    assert not one.conflicts and one.status != "disputed"
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    table = home[home.index('class="figures-table"') : home.index("</table>")]
    assert "updated by a later report" in table
    assert table.index("(latest)") > table.index("Two")


def test_among_counts_of_different_things_the_most_reported_is_the_storys(
    tmp_path: Path,
) -> None:
    """Two killed on Elm Street (every outlet) and the seven of an older shooting (one
    outlet) count different things: both are listed, the two as the story's count."""
    from sitegen.cli import main

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    lead = "Two people were killed in the Elm Street shooting on Friday night, police said."
    texts = {
        "a": lead,
        "b": lead,
        "c": "Two people died on Elm Street on Friday.\n\n"
        "The city's worst shooting, at a bar in 1998, killed seven people.",
    }
    for name, text in texts.items():
        (seeds / f"{name}.md").write_text(
            f"---\ntitle: {name}\npublisher: Daily {name}\n---\n{text}\n", encoding="utf-8"
        )
    assert main(["build", "--project", str(tmp_path), "-q"]) == 0
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    table = home[home.index('class="figures-table"') : home.index("</table>")]
    assert "differing counts, not compared" in table
    assert table.index("Two") < table.index("(most reported)") < table.index("seven")


def test_a_participle_of_result_tells_the_outcome_of_the_shooting() -> None:
    """ "shot his brother …, killing him": the brother is counted killed."""
    doc = parse(
        W("A", 1, "det", "DET"),
        W("boy", 2, "nsubj", "NOUN"),
        W("shot", 2, "ROOT", "VERB", "shoot"),
        W("his", 4, "poss", "PRON"),
        W("brother", 2, "dobj", "NOUN"),
        W(",", 2, "punct", "PUNCT"),
        W("killing", 2, "advcl", "VERB", "kill"),
        W("him", 6, "dobj", "PRON", "he"),
    )
    [figure] = with_quantities(doc[:], [])
    assert (figure.text, figure.quantity) == ("his brother", "killed")


def _table_row(
    tmp_path: Path, quantity: str, claims: dict[str, tuple[int, str, dict[str, str]]]
) -> QuantityRow:
    """The figures table's one row for claims named by their (value, figure words,
    passages by source): each a claim of its own with one figure of `quantity`."""
    from sitegen.config import Config
    from sitegen.factbase.model import Citation, Claim, Source
    from sitegen.render.views import build_views
    from sitegen.reporter import Reporter

    def claim(name: str, value: int, text: str, quotes: dict[str, str]) -> Claim:
        figure = Figure(value=value, text=text, quantity=quantity)
        cited = [Citation(source=s, quote=q, start=0, end=len(q)) for s, q in quotes.items()]
        return Claim(
            id=name, statement=name, status="corroborated", figures=[figure], citations=cited
        )

    quoted = {source for _, _, quotes in claims.values() for source in quotes}
    base = FactBase(
        sources={
            name: Source(id=name, file=f"seeds/{name}.md", sha256="0" * 64, title=name)
            for name in quoted
        },
        claims={name: claim(name, *values) for name, values in claims.items()},
    )
    views = build_views(Config(root=tmp_path), base, Reporter(quiet=True), lambda _: ("", ""))
    [row] = figures_table(views)
    return row


def test_a_figure_written_in_another_case_is_stated_by_its_passage(tmp_path: Path) -> None:
    """ "Two other boys were wounded" / "The two wounded victims were taken to a
    hospital": both passages give the claim's two, so two origins state it, against
    one stating one."""
    two = {"a": "Two other boys were wounded.", "b": "The two wounded victims were taken away."}
    row = _table_row(
        tmp_path,
        "injured",
        {
            "two": (2, "Two", two),
            "one": (1, "one", {"c": "Police found one person shot and injured."}),
        },
    )
    assert row.current is not None and row.current.figure.value == 2
    assert len(row.totals[0].origins) == 2


def test_a_passage_writing_the_value_in_its_own_words_states_it(tmp_path: Path) -> None:
    """ "left a 10-year-old girl and two men wounded" / "A 10-year-old child was among
    three people wounded" (one claim): both state three injured, so two origins agree;
    a passage writing another number does not."""
    row = _table_row(
        tmp_path,
        "injured",
        {
            "three": (
                3,
                "a 10-year-old girl and two men",
                {
                    "a": "A shooting left a 10-year-old girl and two men wounded.",
                    "b": "A 10-year-old child was among three people wounded.",
                    "c": "A 10-year-old girl was among 13 people shot this month.",
                },
            )
        },
    )
    assert sorted(c.source.id for o in row.totals[0].origins for c in o.citations) == ["a", "b"]


def test_a_count_written_as_a_total_is_the_storys_count(tmp_path: Path) -> None:
    """ "a 16-year-old and a 20-year-old woman were slain" (by a gunman later shot dead)
    told by two outlets, "Paramedics pronounced all three dead" by one: counts of
    different things, and the one written as a total sums them."""
    slain = "Police say a 16-year-old male and 20-year-old woman were slain."
    row = _table_row(
        tmp_path,
        "killed",
        {
            "two": (2, "a 16-year-old male and 20-year-old woman", {"a": slain, "b": slain}),
            "all": (3, "three", {"c": "Paramedics pronounced all three dead at the scene."}),
        },
    )
    assert row.status == "several"
    assert row.current is not None and row.current.figure.value == 3


def test_victims_each_introduced_as_one_do_not_outvote_the_storys_count(tmp_path: Path) -> None:
    """Three outlets each name one victim ("his father", "a woman"), joined under "One
    shooting victim died" of a fourth; two outlets say "Five people were killed": the
    count of one has more origins, but only one writes it as a number."""
    row = _table_row(
        tmp_path,
        "killed",
        {
            "one": (1, "One", {"a": "One shooting victim died two days later."}),
            "father": (1, "his father", {"b": "He killed his father.", "c": "His father died."}),
            "woman": (1, "a woman", {"d": "A woman was fatally shot outside the library."}),
            "five": (5, "Five", {"e": "Five people were killed.", "f": "Five are dead."}),
        },
    )
    assert row.status == "several"
    assert len(row.totals[0].origins) > 2 and row.totals[0].figure.value == 1
    assert row.current is not None and row.current.figure.value == 5


def test_a_death_supposed_in_a_condition_is_no_count_and_a_graded_word_adds_no_one() -> None:
    """ "if a more liberal justice dies": nobody died, and "a more liberal justice" is
    not one more of anything; "two more people were killed" is."""
    supposed = parse(
        W("if", 5, "mark", "SCONJ"),
        W("a", 4, "det", "DET"),
        W("more", 3, "advmod", "ADV", "more", "RBR"),
        W("liberal", 4, "amod", "ADJ"),
        W("justice", 5, "nsubj", "NOUN"),
        W("dies", 5, "ROOT", "VERB", "die", "VBZ"),
    )
    assert quantity_of(supposed[1]) is None
    assert not is_increment(supposed[1], None)
    more = parse(
        W("two", 2, "nummod", "NUM"),
        W("more", 2, "amod", "ADJ", "more", "JJR"),
        W("people", 4, "nsubjpass", "NOUN", "person"),
        W("were", 4, "auxpass", "AUX", "be"),
        W("killed", 4, "ROOT", "VERB", "kill", "VBN"),
    )
    assert quantity_of(more[0]) == "killed"
    assert is_increment(more[0], "killed")


def test_a_participle_after_of_tells_the_set_not_the_part() -> None:
    """ "One of five people hurt … has died", with "hurt" hung on "One": the one died."""
    doc = parse(
        W("One", 6, "nsubj", "NUM", "one"),
        W("of", 0, "prep", "ADP"),
        W("five", 3, "nummod", "NUM"),
        W("people", 1, "pobj", "NOUN", "person"),
        W("hurt", 0, "acl", "VERB", "hurt", "VBN"),
        W("has", 6, "aux", "AUX", "have"),
        W("died", 6, "ROOT", "VERB", "die", "VBN"),
    )
    assert quantity_of(doc[0]) == "killed"


def test_people_who_remain_hospitalized_are_counted_as_hospitalized() -> None:
    """ "Four people remain hospitalized": a count of the hospitalized, some of the
    injured ("eight people were shot … six hospitalized"), not the injured total."""
    doc = parse(
        W("Four", 1, "nummod", "NUM"),
        W("people", 2, "nsubj", "NOUN", "person"),
        W("remain", 2, "ROOT", "VERB", "remain", "VBP"),
        W("hospitalized", 2, "acomp", "ADJ", "hospitalized", "JJ"),
    )
    assert quantity_of(doc[0]) == "hospitalized"


def test_shot_to_death_and_shot_who_were_killed_count_the_dead() -> None:
    """ "Two people were shot to death"; "The two men shot who were killed …", parsed
    with the relative clause hung on "shot": both count two killed."""
    to_death = parse(
        *were_done("Two", "people", "shot", "shoot", "person"),
        W("to", 3, "prep", "ADP"),
        W("death", 4, "pobj", "NOUN"),
    )
    assert quantity_of(to_death[0]) == "killed"
    relative = parse(
        W("The", 2, "det", "DET"),
        W("two", 2, "nummod", "NUM"),
        W("men", 3, "nsubj", "NOUN", "man"),
        W("shot", 8, "nsubjpass", "VERB", "shoot"),
        W("who", 6, "nsubjpass", "PRON"),
        W("were", 6, "auxpass", "AUX", "be"),
        W("killed", 3, "ccomp", "VERB", "kill"),
        W("were", 8, "auxpass", "AUX", "be"),
        W("identified", 8, "ROOT", "VERB", "identify"),
    )
    assert quantity_of(relative[1]) == "killed"
    sentenced = parse(
        *were_done("Two", "men", "sentenced", "sentence", "man"),
        W("to", 3, "prep", "ADP"),
        W("death", 4, "pobj", "NOUN"),
    )
    assert quantity_of(sentenced[0]) is None


def test_others_after_a_homicide_are_not_more_of_the_wounded() -> None:
    """ "Police are working a double homicide. Two other people were wounded.": the two
    are all the wounded, other than the dead; after "Two people were wounded." they
    would be two more."""

    def other_two(first: list[W]) -> bool:
        n = len(first)
        doc = parse(
            *first,
            W("Two", n + 2, "nummod", "NUM"),
            W("other", n + 2, "amod", "ADJ"),
            W("people", n + 4, "nsubjpass", "NOUN", "person"),
            W("were", n + 4, "auxpass", "AUX", "be"),
            W("wounded", n + 4, "ROOT", "VERB", "wound"),
            starts=(0, n),
        )
        assert quantity_of(doc[n]) == "injured"
        return is_increment(doc[n], "injured")

    homicide = [
        W("Police", 2, "nsubj", "NOUN"),
        W("are", 2, "aux", "AUX", "be"),
        W("working", 2, "ROOT", "VERB", "work"),
        W("a", 5, "det", "DET"),
        W("double", 5, "amod", "ADJ"),
        W("homicide", 2, "dobj", "NOUN"),
        W(".", 2, "punct", "PUNCT"),
    ]
    wounded = [
        *were_done("Two", "people", "wounded", "wound", "person"),
        W(".", 3, "punct", "PUNCT"),
    ]
    assert not other_two(homicide)
    assert other_two(wounded)


def test_the_many_wounds_one_died_of_are_no_tally_and_shot_and_killed_are_dead() -> None:
    """ "All three died of multiple gunshot wounds": three killed (wounds are no acts);
    "one of the three men shot and killed": three killed, not three shot."""
    wounds = parse(
        W("All", 1, "det", "DET"),
        W("three", 2, "nsubj", "NUM"),
        W("died", 2, "ROOT", "VERB", "die"),
        W("of", 2, "prep", "ADP"),
        W("multiple", 6, "amod", "ADJ"),
        W("gunshot", 6, "compound", "NOUN"),
        W("wounds", 3, "pobj", "NOUN", "wound"),
    )
    assert quantity_of(wounds[1]) == "killed"
    men = parse(
        W("one", 8, "nsubj", "NUM"),
        W("of", 0, "prep", "ADP"),
        W("the", 4, "det", "DET"),
        W("three", 4, "nummod", "NUM"),
        W("men", 1, "pobj", "NOUN", "man"),
        W("shot", 4, "acl", "VERB", "shoot"),
        W("and", 5, "cc", "CCONJ"),
        W("killed", 5, "conj", "VERB", "kill"),
        W("was", 8, "ROOT", "AUX", "be"),
    )
    assert quantity_of(men[3]) == "killed"


def test_one_beside_people_in_an_unsaid_number_is_no_count() -> None:
    """ "The suspect and both victims were found dead": the suspect is one of a total
    the sentence does not give; beside "two victims" the suspect's one is summed with
    the two the figure reader finds."""

    def dead(det: str, pos: str, dep: str) -> list[tuple[float, str | None]]:
        doc = parse(
            W("The", 1, "det", "DET"),
            W("suspect", 6, "nsubjpass", "NOUN"),
            W("and", 1, "cc", "CCONJ"),
            W(det, 4, dep, pos),
            W("victims", 1, "conj", "NOUN", "victim", "NNS"),
            W("were", 6, "auxpass", "AUX", "be"),
            W("found", 6, "ROOT", "VERB", "find"),
            W("dead", 6, "oprd", "ADJ"),
        )
        return [(f.value, f.quantity) for f in with_quantities(doc[:], []) if f.quantity]

    assert dead("both", "DET", "det") == []
    assert dead("two", "NUM", "nummod") == [(1, "killed")]  # "two" is the figure reader's


def test_a_total_told_in_parts_by_the_other_side_is_no_dispute() -> None:
    """ "Four people were killed" / "killed his girlfriend and then fatally shot three
    men": 1 + 3 is the four; "two men were killed" against them would be a rival."""
    four = [Figure(value=4, text="Four", counts="people", quantity="killed")]
    parts = [
        Figure(value=1, text="his girlfriend", counts="girlfriend", quantity="killed"),
        Figure(value=3, text="three", counts="men", quantity="killed"),
    ]
    two = [Figure(value=2, text="two", counts="men", quantity="killed")]
    assert not figures_disagree(four, parts)
    assert not figures_disagree(parts, four)
    assert figures_disagree(four, two)
    assert figures_disagree(two, parts)


@pytest.mark.parametrize(
    ("number", "ent", "adjective", "counted"),
    [("four", "O", "separate", None), ("2014", "B-DATE", "random", "killed")],
)
def test_a_count_in_a_clause_describing_many_acts_is_a_tally(
    number: str, ent: str, adjective: str, counted: str | None
) -> None:
    """ "in four separate shootings that left two men dead": a tally of many acts; "in
    2014 random shootings that left two men dead": dated acts, not how many."""
    doc = parse(
        W("in", 0, "ROOT", "ADP"),
        W(number, 3, "nummod", "NUM", ent=ent),
        W(adjective, 3, "amod", "ADJ"),
        W("shootings", 0, "pobj", "NOUN", "shooting", "NNS"),
        W("that", 5, "nsubj", "PRON"),
        W("left", 3, "relcl", "VERB", "leave"),
        W("two", 7, "nummod", "NUM"),
        W("men", 8, "nsubj", "NOUN", "man"),
        W("dead", 5, "ccomp", "ADJ"),
    )
    assert quantity_of(doc[6]) == counted


@pytest.mark.parametrize(
    ("words", "counted"),
    [
        (("nationwide", "advmod", "ADV"), None),
        (("2016", "pobj", "NUM"), None),
        (("July", "pobj", "PROPN"), "killed"),
    ],
)
def test_a_count_over_a_nation_or_a_whole_year_is_a_tally(
    words: tuple[str, str, str], counted: str | None
) -> None:
    """ "19 officers had been slain nationwide", "… slain in 2016": tallies; "slain in
    July" may be the story's own."""
    word, dep, pos = words
    area = dep == "advmod"
    doc = parse(
        W("19", 1, "nummod", "NUM"),
        W("officers", 3, "nsubjpass", "NOUN", "officer"),
        W("were", 3, "auxpass", "AUX", "be"),
        W("slain", 3, "ROOT", "VERB", "slay"),
        *([W(word, 3, dep, pos)] if area else [W("in", 3, "prep", "ADP"), W(word, 4, dep, pos)]),
    )
    assert quantity_of(doc[0]) == counted


@pytest.mark.parametrize(("before", "counted"), [(False, None), (True, "killed")])
def test_words_after_a_year_leave_it_a_whole_year(before: bool, counted: str | None) -> None:
    """ "… slain in 2016, a 79% increase": still the year's tally (the parser hangs the
    appositive on the year); "slain in July 2016": a month of it, maybe the story's."""
    year = [W("July", 6, "compound", "PROPN")] if before else []
    doc = parse(
        W("19", 1, "nummod", "NUM"),
        W("officers", 3, "nsubjpass", "NOUN", "officer"),
        W("were", 3, "auxpass", "AUX", "be"),
        W("slain", 3, "ROOT", "VERB", "slay"),
        W("in", 3, "prep", "ADP"),
        *year,
        W("2016", 4, "pobj", "NUM", space=False),
        W(",", 5 + len(year), "punct", "PUNCT"),
        W("an", 8 + len(year), "det", "DET"),
        W("increase", 5 + len(year), "appos", "NOUN"),
    )
    assert quantity_of(doc[0]) == counted


def test_people_recovering_are_hurt_and_things_recovered_are_not() -> None:
    """ "Two others are recovering": two injured; "police recovered two guns": none."""
    recovering = parse(
        W("Two", 1, "nummod", "NUM"),
        W("others", 3, "nsubj", "NOUN", "other"),
        W("are", 3, "aux", "AUX", "be"),
        W("recovering", 3, "ROOT", "VERB", "recover", "VBG"),
    )
    assert quantity_of(recovering[0]) == "injured"
    guns = parse(
        W("Police", 1, "nsubj", "NOUN"),
        W("recovered", 1, "ROOT", "VERB", "recover"),
        W("two", 3, "nummod", "NUM"),
        W("guns", 1, "dobj", "NOUN", "gun"),
    )
    assert quantity_of(guns[2]) is None
    casings = parse(*were_done("21", "shells", "recovered", "recover", "shell"))
    assert quantity_of(casings[0]) is None


def test_people_found_shot_to_death_are_killed() -> None:
    """ "Four people were found shot to death": the participle the people were found in
    tells the outcome; "were found shot in the head" leaves them shot."""
    found = parse(
        *were_done("Four", "people", "found", "find", "person"),
        W("shot", 3, "xcomp", "VERB", "shoot", "VBN"),
        W("to", 4, "prep", "ADP"),
        W("death", 5, "pobj", "NOUN"),
    )
    assert quantity_of(found[0]) == "killed"
    head = parse(
        *were_done("Four", "people", "found", "find", "person"),
        W("shot", 3, "ccomp", "VERB", "shoot", "VBN"),
        W("in", 4, "prep", "ADP"),
        W("the", 7, "det", "DET"),
        W("head", 5, "pobj", "NOUN"),
    )
    assert quantity_of(head[0]) == "shot"


def test_a_noun_joined_to_shot_tells_no_outcome() -> None:
    """ "Three … were shot in the head and the fourth suffered multiple gunshot wounds",
    with "wounds" parsed as a conjunct of "shot": the three were shot, not wounded."""
    doc = parse(
        *were_done("Three", "victims", "shot", "shoot", "victim"),
        W("and", 3, "cc", "CCONJ"),
        W("multiple", 7, "amod", "ADJ"),
        W("gunshot", 7, "compound", "NOUN"),
        W("wounds", 3, "conj", "NOUN", "wound"),
    )
    assert quantity_of(doc[0]) == "shot"


def test_one_person_in_a_state_an_adjective_gives() -> None:
    """ "an attack that left a woman critically injured": one injured, where no verb
    above names a count; "the mother of the woman killed" is no one killed, nor is "a
    fatal shot"."""
    left = parse(
        W("It", 1, "nsubj", "PRON"),
        W("left", 1, "ROOT", "VERB", "leave"),
        W("a", 3, "det", "DET"),
        W("woman", 1, "dobj", "NOUN", tag="NN"),
        W("critically", 5, "advmod", "ADV"),
        W("injured", 3, "acl", "VERB", "injure", "VBN"),
    )
    assert [(f.value, f.quantity) for f in with_quantities(left[:], [])] == [(1, "injured")]
    mother = parse(
        W("The", 1, "det", "DET"),
        W("mother", 6, "nsubj", "NOUN", tag="NN"),
        W("of", 1, "prep", "ADP"),
        W("the", 4, "det", "DET"),
        W("woman", 2, "pobj", "NOUN", tag="NN"),
        W("killed", 1, "acl", "VERB", "kill", "VBN"),
        W("spoke", 6, "ROOT", "VERB", "speak"),
    )
    assert with_quantities(mother[:], []) == []
    shot = parse(
        W("He", 1, "nsubj", "PRON"),
        W("fired", 1, "ROOT", "VERB", "fire"),
        W("a", 4, "det", "DET"),
        W("fatal", 4, "amod", "ADJ", tag="JJ"),
        W("shot", 1, "dobj", "NOUN", tag="NN"),
    )
    assert with_quantities(shot[:], []) == []


def test_a_part_of_acts_is_no_count_of_people() -> None:
    """ "Six of those incidents were fatal": acts, not the dead; "Three of the victims
    died": three dead."""

    def part(noun: str, lemma: str, verb: list[W]) -> str | None:
        doc = parse(
            W("Six", len(verb) and 4, "nsubj", "NUM"),
            W("of", 0, "prep", "ADP"),
            W("the", 3, "det", "DET"),
            W(noun, 1, "pobj", "NOUN", lemma),
            *verb,
        )
        return quantity_of(doc[0])

    fatal = [W("were", 4, "ROOT", "AUX", "be"), W("fatal", 4, "acomp", "ADJ", tag="JJ")]
    assert part("incidents", "incident", fatal) is None
    assert part("victims", "victim", [W("died", 4, "ROOT", "VERB", "die")]) == "killed"


def test_a_count_of_the_possessor_of_one_is_no_count_of_its_state() -> None:
    """ "found the 911 caller's father dead": one father, not 911 dead; "three sheriff's
    deputies were shot" (the number hung on "sheriff"): three shot."""
    caller = parse(
        W("Police", 1, "nsubj", "NOUN"),
        W("found", 1, "ROOT", "VERB", "find", "VBD"),
        W("the", 4, "det", "DET"),
        W("911", 4, "nummod", "NUM"),
        W("caller", 6, "poss", "NOUN", tag="NN", space=False),
        W("'s", 4, "case", "PART"),
        W("father", 1, "dobj", "NOUN", tag="NN"),
        W("dead", 1, "oprd", "ADJ", tag="JJ"),
    )
    assert quantity_of(caller[3]) is None
    deputies = parse(
        W("three", 1, "nummod", "NUM"),
        W("sheriff", 3, "poss", "NOUN", tag="NN", space=False),
        W("'s", 1, "case", "PART"),
        W("deputies", 5, "nsubjpass", "NOUN", "deputy", "NNS"),
        W("were", 5, "auxpass", "AUX", "be"),
        W("shot", 5, "ROOT", "VERB", "shoot", "VBN"),
    )
    assert quantity_of(deputies[0]) == "shot"


@pytest.mark.parametrize(("person", "total"), [("she", 8), ("they", 7)])
def test_a_person_told_by_a_pronoun_joined_to_a_count_is_one_more(person: str, total: int) -> None:
    """ "she and 7 family members were killed": eight dead; "they and 7 …" names no
    one number."""
    doc = parse(
        W(person, 5, "nsubjpass", "PRON", tag="PRP"),
        W("and", 0, "cc", "CCONJ"),
        W("7", 3, "nummod", "NUM"),
        W("members", 0, "conj", "NOUN", "member", "NNS"),
        W("were", 5, "auxpass", "AUX", "be"),
        W("killed", 5, "ROOT", "VERB", "kill", "VBN"),
    )
    found = [f for f in with_quantities(doc[:], [Figure(value=7, text="7")]) if f.quantity]
    assert [(f.value, f.quantity) for f in found] == [(total, "killed")]


def test_a_count_before_an_aside_is_counted_by_the_main_verb() -> None:
    """ "Five people, believed to be related, were killed", parsed with "people" as the
    subject of "believed": five killed."""
    doc = parse(
        W("Five", 1, "nummod", "NUM"),
        W("people", 3, "nsubj", "NOUN", "person", space=False),
        W(",", 3, "punct", "PUNCT"),
        W("believed", 9, "advcl", "VERB", "believe", "VBD"),
        W("to", 6, "aux", "PART"),
        W("be", 6, "auxpass", "AUX"),
        W("related", 3, "xcomp", "VERB", "relate", "VBN", space=False),
        W(",", 9, "punct", "PUNCT"),
        W("were", 9, "auxpass", "AUX", "be"),
        W("killed", 9, "ROOT", "VERB", "kill", "VBN"),
    )
    assert quantity_of(doc[0]) == "killed"
