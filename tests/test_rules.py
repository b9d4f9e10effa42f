"""Extraction rules on parses built by hand: each test says which shape of the tree a rule
reads, and runs without the spaCy model (milliseconds)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Token

from sitegen.extract.attribution import _according_to, _reports, _subject_of, attribute
from sitegen.extract.discourse import Discourse, Entity, is_human, noun_phrase, untagged_name
from sitegen.extract.figures import figures
from sitegen.extract.mentions import (
    _office_of_before,
    _phrase,
    _role_it_names,
    _roles_after,
    article_people,
    is_person_name,
    tally,
    title_before,
)
from sitegen.extract.numbers import currency_of, parse_number, qualifier_of
from sitegen.extract.quotes import QuoteSpan, continued_quote, disjoint, find_quotes
from sitegen.extract.records import FactCandidate, NameMention, Speaker
from sitegen.extract.statements import (
    acts_of,
    add_features,
    clauses,
    is_checkable,
)
from sitegen.extract.syntax import (
    REPORTED_CLAUSES,
    agents_of,
    children,
    has_child,
    is_main_clause,
    is_root,
    is_subject,
    main_subject,
    objects_of,
    root_subject,
    subject_of,
)
from tests.builders import W, parse, said_that


def _everywhere(_: Token) -> bool:
    return True  # no quotation marks in the sentence


# -- syntax.py ---------------------------------------------------------------------------


def test_subjects_clauses_and_the_main_verb() -> None:
    doc = parse(*said_that())
    said, passed = doc[2], doc[5]
    assert subject_of(said) == doc[1] and subject_of(passed) == doc[4]
    assert main_subject(doc[:]) == doc[1] and root_subject(doc[:]) == doc[1]
    assert is_subject(doc[1]) and not is_subject(doc[0])
    assert is_root(said) and not is_root(passed)
    assert is_main_clause(said) and not is_main_clause(passed)
    assert has_child(said, REPORTED_CLAUSES) and not has_child(passed, REPORTED_CLAUSES)
    assert has_child(said, "nsubj") and not has_child(said, "dobj")
    assert subject_of(said, where=lambda t: t.i > 1) is None  # the test filters


def test_an_expletive_is_a_subject_of_the_root_but_no_nominal_subject() -> None:
    doc = parse(
        W("There", 1, "expl", "PRON"),
        W("were", 1, "ROOT", "AUX", "be"),
        W("protests", 1, "attr", "NOUN", "protest"),
    )
    assert root_subject(doc[:]) == doc[0]
    assert main_subject(doc[:]) is None


def test_objects_and_agents() -> None:
    told = parse(
        W("Kurogi", 1, "nsubj", "PROPN"),
        W("told", 1, "ROOT", "VERB", "tell", "VBD"),
        W("Reuters", 1, "dobj", "PROPN"),
    )
    assert objects_of(told[1]) == [told[2]]
    quoted = parse(
        W("as", 1, "mark", "SCONJ"),
        W("quoted", 1, "ROOT", "VERB", "quote", "VBN"),
        W("by", 1, "agent", "ADP"),
        W("Reuters", 2, "pobj", "PROPN"),
    )
    assert list(agents_of(quoted[1])) == [quoted[3]]
    assert children(quoted[1], "agent") == [quoted[2]]


# -- attribution.py ----------------------------------------------------------------------


def test_a_participle_takes_the_subject_of_the_clause_it_hangs_on() -> None:
    doc = parse(
        W("Cole", 1, "nsubj", "PROPN"),
        W("left", 1, "ROOT", "VERB", "leave", "VBD"),
        W(",", 1, "punct", "PUNCT"),
        W("saying", 1, "advcl", "VERB", "say", "VBG"),
        W("it", 5, "nsubj", "PRON"),
        W("ended", 3, "ccomp", "VERB", "end", "VBD"),
    )
    assert _subject_of(doc[3], _everywhere) == doc[0]
    assert _subject_of(doc[3], lambda t: t.i != 0) is None  # a subject inside the marks


def test_the_agent_of_a_passive_speech_verb_is_its_speaker() -> None:
    doc = parse(
        W("It", 2, "nsubjpass", "PRON"),
        W("was", 2, "auxpass", "AUX", "be"),
        W("said", 2, "ROOT", "VERB", "say", "VBN"),
        W("by", 2, "agent", "ADP"),
        W("Cole", 3, "pobj", "PROPN"),
    )
    assert _subject_of(doc[2], _everywhere) == doc[0]  # the passive subject comes first
    doc = parse(
        W("said", 0, "ROOT", "VERB", "say", "VBN"),
        W("by", 0, "agent", "ADP"),
        W("Cole", 1, "pobj", "PROPN"),
    )
    assert _subject_of(doc[0], _everywhere) == doc[2]


def test_a_main_speech_verb_with_a_clause_reports_it_but_a_passive_does_not() -> None:
    doc = parse(*said_that())
    assert _reports(doc[2])
    passive = parse(
        W("He", 2, "nsubjpass", "PRON"),
        W("was", 2, "auxpass", "AUX", "be"),
        W("confirmed", 2, "ROOT", "VERB", "confirm", "VBN"),
        W("dead", 2, "oprd", "ADJ"),
    )
    assert not _reports(passive[2])


def test_according_to_names_the_source() -> None:
    doc = parse(
        W("according", 5, "prep", "VERB", "accord", "VBG"),
        W("to", 0, "prep", "ADP"),
        W("The", 3, "det", "DET", ent="B-ORG"),
        W("Times", 1, "pobj", "PROPN", ent="I-ORG"),
        W(",", 5, "punct", "PUNCT"),
        W("rain", 5, "ROOT", "VERB"),
    )
    source = _according_to([doc[:]], _everywhere)
    assert source is not None and source.text == "The Times"
    assert _according_to([doc[:]], lambda t: t.i != 0) is None  # "according" was quoted


# -- mentions.py: the roles around a name ------------------------------------------------


def test_the_words_before_a_name_that_say_what_the_person_is() -> None:
    doc = parse(
        W("music", 1, "compound", "NOUN"),
        W("publicist", 3, "compound", "NOUN"),
        W("Ann", 3, "compound", "PROPN", ent="B-PERSON"),
        W("Cole", 4, "nsubj", "PROPN", ent="I-PERSON"),
        W("said", 4, "ROOT", "VERB", "say", "VBD"),
    )
    assert title_before(doc.ents[0]) == "music publicist"


def test_an_abbreviated_title_is_written_out() -> None:
    doc = parse(
        W("Gov.", 2, "compound", "PROPN"),
        W("Ann", 2, "compound", "PROPN", ent="B-PERSON"),
        W("Cole", 3, "nsubj", "PROPN", ent="I-PERSON"),
        W("said", 3, "ROOT", "VERB", "say", "VBD"),
    )
    assert title_before(doc.ents[0]) == "Governor"


def test_where_someone_is_from_is_no_title() -> None:
    doc = parse(
        W("Japan", 3, "poss", "PROPN", ent="B-GPE"),
        W("'s", 0, "case", "PART", tag="POS"),
        W("Ryoga", 3, "compound", "PROPN", ent="B-PERSON"),
        W("Seki", 4, "nsubj", "PROPN", ent="I-PERSON"),
        W("won", 4, "ROOT", "VERB", "win", "VBD"),
    )
    assert title_before(doc.ents[1]) is None


def test_an_office_with_of_before_a_name() -> None:
    doc = parse(
        W("former", 1, "amod", "ADJ"),
        W("Director", 6, "nsubj", "PROPN"),
        W("of", 1, "prep", "ADP"),
        W("National", 4, "compound", "PROPN"),
        W("Intelligence", 2, "pobj", "PROPN"),
        W("James", 6, "compound", "PROPN", ent="B-PERSON"),
        W("Clapper", 6, "ROOT", "PROPN", ent="I-PERSON"),
    )
    assert _office_of_before(doc.ents[0]) == "former Director of National Intelligence"


def _nurse(*tail: W) -> list[W]:
    """ "Ann Cole , a nurse in Kobe …" (the appositive heads at 4)."""
    return [
        W("Ann", 1, "compound", "PROPN", ent="B-PERSON"),
        W("Cole", 1, "ROOT", "PROPN", ent="I-PERSON"),
        W(",", 1, "punct", "PUNCT"),
        W("a", 4, "det", "DET"),
        W("nurse", 1, "appos", "NOUN"),
        W("in", 4, "prep", "ADP"),
        W("Kobe", 5, "pobj", "PROPN", ent="B-GPE"),
        *tail,
    ]


def test_an_appositive_after_a_name_is_a_role() -> None:
    doc = parse(*_nurse(W(",", 1, "punct", "PUNCT")))
    assert list(_roles_after(doc.ents[0])) == ["a nurse in Kobe"]


def test_an_appositive_followed_by_a_verb_is_the_next_clause_misparsed() -> None:
    doc = parse(*_nurse(W("won", 1, "acl", "VERB", "win", "VBD")))
    assert list(_roles_after(doc.ents[0])) == []


def test_a_role_ends_before_a_relative_clause() -> None:
    doc = parse(
        *_nurse(
            W(",", 4, "punct", "PUNCT"),
            W("who", 9, "nsubj", "PRON"),
            W("donated", 4, "relcl", "VERB", "donate", "VBD"),
        )
    )
    assert _phrase(doc[4]) == "a nurse in Kobe"


def test_party_and_state_are_no_role() -> None:
    doc = parse(
        W("Cole", 0, "ROOT", "PROPN", ent="B-PERSON"),
        W(",", 0, "punct", "PUNCT"),
        W("D-Ill.", 0, "appos", "PROPN"),
        W(",", 0, "punct", "PUNCT"),
    )
    assert _phrase(doc[2]) is None


def test_the_role_a_name_stands_in_apposition_to() -> None:
    doc = parse(
        W("the", 2, "det", "DET"),
        W("first", 2, "amod", "ADJ"),
        W("lady", 2, "ROOT", "NOUN"),
        W(",", 2, "punct", "PUNCT"),
        W("Ann", 5, "compound", "PROPN", ent="B-PERSON"),
        W("Cole", 2, "appos", "PROPN", ent="I-PERSON"),
    )
    assert _role_it_names(doc.ents[0]) == "the first lady"


def test_a_plural_role_fits_a_list_of_names_not_one_name() -> None:
    """ "the couple's daughters, Malia and Sasha" describes each; "Carmen Feldman,
    right, cries while visiting" is a verb misparsed as an appositive."""
    daughters = parse(
        W("the", 1, "det", "DET"),
        W("daughters", 1, "ROOT", "NOUN", "daughter", tag="NNS"),
        W(",", 1, "punct", "PUNCT"),
        W("Malia", 1, "appos", "PROPN", ent="B-PERSON"),
        W("and", 3, "cc", "CCONJ"),
        W("Sasha", 3, "conj", "PROPN", ent="B-PERSON"),
    )
    assert _role_it_names(daughters.ents[0]) == "the daughters"
    cries = parse(
        W("Carmen", 1, "compound", "PROPN", ent="B-PERSON"),
        W("Feldman", 7, "nsubj", "PROPN", ent="I-PERSON"),
        W(",", 1, "punct", "PUNCT"),
        W("right", 1, "amod", "INTJ"),
        W(",", 1, "punct", "PUNCT"),
        W("cries", 1, "appos", "NOUN", "cry", tag="NNS"),
        W("while", 7, "mark", "SCONJ"),
        W("visiting", 7, "ROOT", "VERB", "visit"),
    )
    assert list(_roles_after(cries.ents[0])) == []


def test_a_name_after_a_colon_is_not_in_apposition() -> None:
    """ "learned the names of the men: Chris Hansen and Carlos Rosario": a list."""
    doc = parse(
        W("learned", 0, "ROOT", "VERB", "learn"),
        W("the", 2, "det", "DET"),
        W("names", 0, "dobj", "NOUN", "name", tag="NNS"),
        W("of", 2, "prep", "ADP"),
        W("the", 5, "det", "DET"),
        W("men", 3, "pobj", "NOUN", "man", tag="NNS"),
        W(":", 2, "punct", "PUNCT"),
        W("Chris", 8, "compound", "PROPN", ent="B-PERSON"),
        W("Hansen", 2, "appos", "PROPN", ent="I-PERSON"),
        W("and", 8, "cc", "CCONJ"),
        W("Carlos", 11, "compound", "PROPN", ent="B-PERSON"),
        W("Rosario", 8, "conj", "PROPN", ent="I-PERSON"),
    )
    assert _role_it_names(doc.ents[0]) is None


def test_a_place_a_name_stands_in_apposition_to_is_no_role() -> None:
    doc = parse(
        W("his", 1, "poss", "PRON", tag="PRP$"),
        W("hometown", 1, "ROOT", "NOUN"),
        W(",", 1, "punct", "PUNCT"),
        W("Frog", 4, "compound", "PROPN", ent="B-PERSON"),
        W("Jump", 1, "appos", "PROPN", ent="I-PERSON"),
    )
    assert _role_it_names(doc.ents[0]) is None


# -- statements.py -----------------------------------------------------------------------


def test_a_declarative_sentence_with_a_subject_is_checkable() -> None:
    doc = parse(*said_that())
    assert is_checkable(doc[:])


def test_the_writers_own_voice_and_judgements_are_not_checkable() -> None:
    we = parse(
        W("We", 1, "nsubj", "PRON"),
        W("hope", 1, "ROOT", "VERB"),
        W("the", 3, "det", "DET"),
        W("storm", 4, "nsubj", "NOUN"),
        W("passes", 1, "ccomp", "VERB", "pass"),
        W(".", 1, "punct", "PUNCT"),
    )
    assert not is_checkable(we[:])
    clear = parse(
        W("The", 1, "det", "DET"),
        W("message", 4, "nsubj", "NOUN"),
        W("from", 1, "prep", "ADP"),
        W("Tokyo", 2, "pobj", "PROPN"),
        W("was", 4, "ROOT", "AUX", "be"),
        W("clear", 4, "acomp", "ADJ"),
        W(".", 4, "punct", "PUNCT"),
    )
    assert not is_checkable(clear[:])


def test_a_casualty_told_as_a_state_is_checkable() -> None:
    """ "A child is dead after a shooting": the state names a counted outcome, not a
    judgement like "the message was clear"."""
    dead = parse(
        W("A", 1, "det", "DET"),
        W("child", 2, "nsubj", "NOUN"),
        W("is", 2, "ROOT", "AUX", "be"),
        W("dead", 2, "acomp", "ADJ"),
        W("after", 2, "prep", "ADP"),
        W("a", 6, "det", "DET"),
        W("shooting", 4, "pobj", "NOUN"),
        W("on", 6, "prep", "ADP"),
        W("the", 9, "det", "DET"),
        W("Northside", 7, "pobj", "PROPN"),
        W(".", 2, "punct", "PUNCT"),
    )
    assert is_checkable(dead[:])


def _additional_men(last: str) -> list[W]:
    """ "By Tuesday , there were an additional 69 men willing to go :" (`last` ends it)."""
    return [
        W("By", 4, "prep", "ADP"),
        W("Tuesday", 0, "pobj", "PROPN", ent="B-DATE"),
        W(",", 4, "punct", "PUNCT"),
        W("there", 4, "expl", "PRON"),
        W("were", 4, "ROOT", "VERB", "be", "VBD"),
        W("an", 8, "det", "DET", ent="B-CARDINAL"),
        W("additional", 8, "amod", "ADJ", ent="I-CARDINAL"),
        W("69", 8, "nummod", "NUM", ent="I-CARDINAL"),
        W("men", 4, "attr", "NOUN", "man"),
        W("willing", 8, "amod", "ADJ"),
        W("to", 11, "aux", "PART"),
        W("go", 9, "xcomp", "VERB"),
        W(last, 4, "punct", "PUNCT"),
    ]


def test_a_whole_clause_before_a_colon_is_checkable_and_an_announcement_is_not() -> None:
    doc = parse(*_additional_men(":"))
    assert is_checkable(doc[:])  # it states a count before the quotation it opens
    said = parse(
        W("The", 1, "det", "DET"),
        W("mayor", 2, "nsubj", "NOUN"),
        W("told", 2, "ROOT", "VERB", "tell", "VBD"),
        W("reporters", 2, "dobj", "NOUN", "reporter"),
        W("on", 2, "prep", "ADP"),
        W("Friday", 4, "pobj", "PROPN"),
        W(":", 2, "punct", "PUNCT"),
    )
    assert not is_checkable(said[:])  # it only announces the words that follow
    listed = parse(
        W("The", 1, "det", "DET"),
        W("victims", 3, "nsubjpass", "NOUN", "victim"),
        W("were", 3, "auxpass", "AUX", "be"),
        W("identified", 3, "ROOT", "VERB", "identify"),
        W("by", 3, "agent", "ADP"),
        W("police", 4, "pobj", "NOUN"),
        W("as", 3, "prep", "ADP"),
        W(":", 3, "punct", "PUNCT"),
    )
    assert not is_checkable(listed[:])  # the clause goes on after the colon
    judged = parse(
        W("The", 1, "det", "DET"),
        W("violence", 2, "nsubj", "NOUN"),
        W("has", 2, "ROOT", "VERB", "have"),
        W("personal", 4, "amod", "ADJ"),
        W("dimensions", 2, "dobj", "NOUN", "dimension"),
        W("in", 2, "prep", "ADP"),
        W("Oakland", 5, "pobj", "PROPN", ent="B-GPE"),
        W(":", 2, "punct", "PUNCT"),
    )
    assert not is_checkable(judged[:])  # it counts nothing: it announces what follows


def test_an_article_before_a_count_is_no_figure_of_one() -> None:
    [figure] = figures(parse(*_additional_men("."))[:])
    assert (figure.value, figure.counts) == (69, "men")


def test_a_sentence_joining_two_actors_facts_is_two_clauses() -> None:
    doc = parse(
        W("Hundreds", 1, "nsubj", "NOUN", "hundred"),
        W("gathered", 1, "ROOT", "VERB", "gather", "VBD"),
        W("in", 1, "prep", "ADP"),
        W("central", 4, "amod", "ADJ"),
        W("Tokyo", 2, "pobj", "PROPN"),
        W(",", 1, "punct", "PUNCT"),
        W("and", 1, "cc", "CCONJ"),
        W("the", 8, "det", "DET"),
        W("embassy", 9, "nsubj", "NOUN"),
        W("said", 1, "conj", "VERB", "say", "VBD"),
        W("it", 11, "nsubj", "PRON"),
        W("collected", 9, "ccomp", "VERB", "collect", "VBD"),
        W("money", 11, "dobj", "NOUN"),
        W(".", 9, "punct", "PUNCT"),
    )
    parts = [part.text for part in clauses(doc[:])]
    assert parts == ["Hundreds gathered in central Tokyo", "the embassy said it collected money ."]


def test_a_clause_cut_from_its_sentence_keeps_its_opening_mark() -> None:
    """ "…, and “yea” votes have dwindled": the second clause starts at its quote mark,
    never with a closing mark alone."""
    doc = parse(
        W("Ginsburg", 2, "nsubjpass", "PROPN"),
        W("was", 2, "auxpass", "AUX", "be"),
        W("confirmed", 2, "ROOT", "VERB", "confirm", "VBN"),
        W("by", 2, "agent", "ADP"),
        W("the", 5, "det", "DET"),
        W("Senate", 3, "pobj", "PROPN"),
        W("and", 2, "cc", "CCONJ"),
        W("“", 10, "punct", "PUNCT", space=False),
        W("yea", 10, "amod", "ADJ", space=False),
        W("”", 10, "punct", "PUNCT"),
        W("votes", 12, "nsubj", "NOUN", "vote"),
        W("have", 12, "aux", "AUX"),
        W("dwindled", 2, "conj", "VERB", "dwindle", "VBN"),
        W("ever", 14, "advmod", "ADV"),
        W("since", 12, "advmod", "ADV"),
    )
    parts = [part.text for part in clauses(doc[:])]
    assert parts == ["Ginsburg was confirmed by the Senate", "“yea” votes have dwindled ever since"]


# -- numbers.py and figures.py -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Seventy", 70),
        ("60,000", 60000),
        ("$17 million", 17_000_000),
        ("1.5bn", 1_500_000_000),
        ("two hundred and fifty thousand", 250_000),
        ("a dozen", 12),
        ("an additional 69", 69),  # an article before a number of other words
        ("an estimated 1,000", 1000),
        ("a", 1),  # "a man was shot": one
        ("twenty-five", 25),
        ("no number here", None),
        ("9/11", None),  # a date, a name: not 20
        ("24/7", None),
    ],
)
def test_numbers_as_written_in_news_prose(text: str, value: float | None) -> None:
    assert parse_number(text) == value


def test_the_longest_hedge_and_the_currency_of_a_figure() -> None:
    assert qualifier_of("just over 70") == "just over"  # not "over"
    assert qualifier_of("some 60,000") == "some"
    assert qualifier_of("70 people") is None
    assert currency_of("$17 million") == "USD" and currency_of("100,000 yen") == "JPY"
    assert currency_of("17 million") is None


def test_a_money_figure_counts_its_in_phrase_and_takes_its_hedge() -> None:
    doc = parse(
        W("They", 1, "nsubj", "PRON"),
        W("raised", 1, "ROOT", "VERB", "raise", "VBD"),
        W("about", 3, "advmod", "ADV"),
        W("$", 5, "nmod", "SYM", ent="B-MONEY"),
        W("17", 5, "compound", "NUM", ent="I-MONEY"),
        W("million", 1, "dobj", "NUM", ent="I-MONEY"),
        W("in", 5, "prep", "ADP"),
        W("donations", 6, "pobj", "NOUN", "donation"),
    )
    [figure] = figures(doc[:])
    assert (figure.value, figure.unit, figure.qualifier) == (17_000_000, "USD", "about")
    assert figure.counts == "donations"


def test_a_sum_a_verb_links_to_its_subject_measures_the_subject() -> None:
    """ "Bail has been set at $130,000": the sum is the bail's (what the other outlet's
    "$310,000 bail" measures too); "he wrote a check for $5": the money is the thing."""
    bail = parse(
        W("Bail", 3, "nsubjpass", "NOUN", "bail"),
        W("has", 3, "aux", "AUX", "have"),
        W("been", 3, "auxpass", "AUX", "be"),
        W("set", 3, "ROOT", "VERB", "set", "VBN"),
        W("at", 3, "prep", "ADP"),
        W("$", 6, "nmod", "SYM", ent="B-MONEY"),
        W("130,000", 4, "pobj", "NUM", ent="I-MONEY"),
    )
    [figure] = figures(bail[:])
    assert (figure.value, figure.unit, figure.counts) == (130_000, "USD", "bail")
    check = parse(
        W("He", 1, "nsubj", "PRON"),
        W("wrote", 1, "ROOT", "VERB", "write", "VBD"),
        W("a", 3, "det", "DET"),
        W("check", 1, "dobj", "NOUN"),
        W("for", 3, "prep", "ADP"),
        W("$", 6, "nmod", "SYM", ent="B-MONEY"),
        W("5", 4, "pobj", "NUM", ent="I-MONEY"),
    )
    [figure] = figures(check[:])
    assert figure.counts is None
    paid = parse(
        W("He", 1, "nsubj", "PRON"),
        W("was", 1, "ROOT", "AUX", "be"),
        W("at", 1, "prep", "ADP"),
        W("$", 4, "nmod", "SYM", ent="B-MONEY"),
        W("5", 2, "pobj", "NUM", ent="I-MONEY"),
    )
    [figure] = figures(paid[:])
    assert figure.counts is None, "a person is no thing a sum measures"


def test_an_age_written_in_words_is_an_age() -> None:
    """ "A six-year-old boy" is 6 years old, like "a 5-year-old son" (NER reads it as a
    date, so no count reader takes it)."""
    doc = parse(
        W("A", 6, "det", "DET"),
        W("six", 3, "nummod", "NUM", space=False, ent="B-DATE"),
        W("-", 3, "punct", "PUNCT", space=False, ent="I-DATE"),
        W("year", 5, "npadvmod", "NOUN", space=False, ent="I-DATE"),
        W("-", 5, "punct", "PUNCT", space=False, ent="I-DATE"),
        W("old", 6, "amod", "ADJ", ent="I-DATE"),
        W("boy", 7, "nsubj", "NOUN"),
        W("laughed", 7, "ROOT", "VERB", "laugh"),
    )
    [figure] = figures(doc[:])
    assert (figure.value, figure.unit, figure.counts, figure.text) == (
        6,
        "years",
        "age",
        "six-year-old",
    )


def test_a_count_ner_left_untagged_is_a_figure_of_its_noun() -> None:
    doc = parse(
        W("Seventy", 1, "nummod", "NUM"),
        W("men", 2, "nsubj", "NOUN", "man"),
        W("volunteered", 2, "ROOT", "VERB", "volunteer", "VBD"),
    )
    [figure] = figures(doc[:])
    assert (figure.value, figure.counts, figure.unit) == (70, "men", None)


@pytest.mark.parametrize(("number", "ent"), [("2020", "B-CARDINAL"), ("2016", "")])
def test_four_figures_before_their_noun_are_a_year(number: str, ent: str) -> None:
    """ "2020 voters are demanding the full report": the year's voters, not 2,020 of
    them; "2,020 voters" is a count."""
    for written, read in ((number, False), (f"{number[0]},{number[1:]}", True)):
        doc = parse(
            W(written, 1, "nummod", "NUM", ent=ent),
            W("voters", 3, "nsubj", "NOUN", "voter"),
            W("are", 3, "aux", "AUX", "be"),
            W("demanding", 3, "ROOT", "VERB", "demand"),
            W("the", 5, "det", "DET"),
            W("report", 3, "dobj", "NOUN"),
        )
        assert bool(list(figures(doc[:]))) is read


def test_a_number_hyphened_to_a_noun_it_makes_an_adjective_of_is_no_count() -> None:
    """ "a gray four-door Chevrolet": a kind of car, not four doors."""
    doc = parse(
        W("a", 4, "det", "DET"),
        W("four", 3, "nummod", "NUM", ent="B-CARDINAL", space=False),
        W("-", 3, "punct", "PUNCT", tag="HYPH", space=False),
        W("door", 4, "compound", "NOUN", tag="NN"),
        W("Chevrolet", 5, "nsubj", "PROPN"),
        W("pulled", 5, "ROOT", "VERB", "pull"),
    )
    assert list(figures(doc[:])) == []


def test_an_age_in_years_old_is_an_age() -> None:
    """ "The youngest victim, just 15 years old, was struck": 15 years of age."""
    doc = parse(
        W("The", 1, "det", "DET"),
        W("victim", 7, "nsubjpass", "NOUN"),
        W(",", 1, "punct", "PUNCT", space=False),
        W("15", 4, "nummod", "NUM", ent="B-DATE"),
        W("years", 5, "npadvmod", "NOUN", ent="I-DATE"),
        W("old", 1, "amod", "ADJ", ent="I-DATE"),
        W("was", 7, "auxpass", "AUX"),
        W("struck", 7, "ROOT", "VERB", "strike"),
    )
    [figure] = figures(doc[:])
    assert (figure.value, figure.unit, figure.counts) == (15, "years", "age")


def test_a_number_after_its_noun_names_it() -> None:
    """ "Terminal 2 remained a crime scene": a name, not a count of terminals."""
    doc = parse(
        W("Terminal", 2, "nsubj", "NOUN", "terminal"),
        W("2", 0, "nummod", "NUM"),
        W("remained", 2, "ROOT", "VERB", "remain", "VBD"),
        W("closed", 2, "acomp", "ADJ"),
    )
    assert list(figures(doc[:])) == []
    tagged = parse(
        W("Terminal", 2, "nsubj", "NOUN", "terminal"),
        W("2", 0, "nummod", "NUM", ent="B-CARDINAL"),
        W("remained", 2, "ROOT", "VERB", "remain", "VBD"),
        W("closed", 2, "acomp", "ADJ"),
    )
    assert list(figures(tagged[:])) == []


# -- quotes.py: quotation marks on plain text --------------------------------------------


def test_mixed_marks_close_a_quotation_and_apostrophes_do_not() -> None:
    text = 'He said “we can’t stay" and left.'
    [mark] = find_quotes(text)
    assert mark.closed and mark.words(text) == "we can’t stay"


def test_an_unclosed_quotation_runs_to_the_block_end_and_continues_in_the_next() -> None:
    text = "“We will stay,\n\nfor as long as it takes,” she said."
    [mark] = find_quotes(text, 0, 14)
    assert not mark.closed and mark.end == 14
    [rest] = continued_quote(text, 16, len(text))
    assert rest.words(text) == "for as long as it takes,"


def test_overlapping_marks_are_made_disjoint() -> None:
    outer = QuoteSpan(0, 20, 1, 19, True)
    inner = QuoteSpan(5, 10, 6, 9, True)
    later = QuoteSpan(22, 30, 23, 29, True)
    assert disjoint([later, inner, outer], 0, 30) == [outer, later]
    assert disjoint([later], 0, 25) == []  # leaves the block


# -- discourse.py: who an unnamed subject is ---------------------------------------------


def test_an_untagged_full_name_and_an_unnamed_person() -> None:
    doc = parse(
        W("volunteer", 2, "compound", "NOUN"),
        W("Ryoga", 2, "compound", "PROPN"),
        W("Seki", 3, "nsubj", "PROPN"),
        W("said", 3, "ROOT", "VERB", "say", "VBD"),
    )
    assert untagged_name(doc[2]) == "Ryoga Seki"
    man = parse(
        W("the", 2, "det", "DET"),
        W("23", 2, "nummod", "NUM"),
        W("lawyer", 3, "nsubj", "NOUN"),
        W("said", 3, "ROOT", "VERB", "say", "VBD"),
    )
    assert is_human(man[2]) and not is_human(doc[2])
    assert noun_phrase(man[2]) == "the 23 lawyer"


def test_a_relative_is_a_person_a_pronoun_can_stand_for() -> None:
    """ "The boy is in good condition. Her boyfriend is charged with assault. He has
    been released": he is the boyfriend, the subject just before, not the boy."""
    story = Discourse(set())
    boy = parse(
        W("The", 1, "det", "DET"),
        W("boy", 2, "nsubj", "NOUN"),
        W("is", 2, "ROOT", "AUX", "be"),
        W("well", 2, "acomp", "ADJ"),
    )
    boyfriend = parse(
        W("Her", 1, "poss", "PRON", "her"),
        W("boyfriend", 3, "nsubjpass", "NOUN"),
        W("is", 3, "auxpass", "AUX", "be"),
        W("charged", 3, "ROOT", "VERB", "charge"),
    )
    (first,) = story.read(boy[:], [], []).values()
    found = story.read(boyfriend[:], [], [])
    assert found[1] is not first and is_human(boyfriend[1])
    assert story.pronoun("he", subject=True) is found[1]


def test_they_doing_something_after_a_report_is_who_the_report_is_of() -> None:
    """ "Police said four men exited the cars. They fired shots.": the men fired (the
    parser takes the men for the object of "said"); "They said …" is still the police."""
    story = Discourse(set())
    report = parse(
        W("Police", 1, "nsubj", "NOUN", "police", "NNS"),
        W("said", 1, "ROOT", "VERB", "say", "VBD"),
        W("four", 3, "nummod", "NUM"),
        W("men", 1, "dobj", "NOUN", "man", "NNS"),
        W("exited", 1, "ccomp", "VERB", "exit", "VBD"),
        W("the", 6, "det", "DET"),
        W("cars", 4, "dobj", "NOUN", "car", "NNS"),
    )
    found = story.read(report[:], [], [])
    police, men = found[0], found[3]
    assert police is not men
    assert story.group_pronoun("they") is men
    assert story.group_pronoun("they", telling=True) is police


def test_a_name_of_an_organisation_is_no_ones_bracketed_referent() -> None:
    from sitegen.extract.article import _referent

    assert _referent(Entity("Ann Cole", "person")) == "Ann Cole"
    assert _referent(Entity("News Channel", "person")) is None


def test_the_speaker_of_a_quotation_is_the_subject_of_the_speech_verb_after_it() -> None:
    doc = parse(
        W("“", 3, "punct", "PUNCT"),
        W("We", 2, "nsubj", "PRON"),
        W("stay", 6, "ccomp", "VERB"),
        W(",", 6, "punct", "PUNCT"),
        W("”", 6, "punct", "PUNCT"),
        W("Cole", 6, "nsubj", "PROPN", ent="B-PERSON"),
        W("said", 6, "ROOT", "VERB", "say", "VBD"),
        W("on", 6, "prep", "ADP"),
        W("CNN", 7, "pobj", "PROPN", ent="B-ORG"),
    )
    cole = Entity("Ann Cole", "person")
    quoted = [(doc[0].idx, doc[4].idx + 1)]
    found = attribute([doc[:]], quoted, {5: cole}, Discourse({"Ann Cole"}))
    assert found is not None and found.speaker == Speaker("Ann Cole", True)
    assert found.via == "CNN"


def test_a_surname_with_a_gendered_title_is_the_person_known_by_that_gender() -> None:
    """ "George T. Conway III, … the husband of Kellyanne Conway": a later "Mr. Conway"
    is the husband, though "Kellyanne Conway" spells the bare surname without a suffix."""
    story = Discourse({"George T. Conway III", "Kellyanne Conway"})
    husband = story.person("George T. Conway III", "male")
    wife = story.person("Kellyanne Conway")
    assert story.known_person("Conway", "male") is husband
    assert story.known_person("Conway") is wife  # no title: the plain spelling wins


# -- mentions.py: whether a name is a person, by the votes of its mentions ---------------


def _mention(name: str, label: str, *evidence: str, quoted: bool = False) -> NameMention:
    return NameMention(name, 0, len(name), label, list(evidence), quoted=quoted)


def test_a_name_tagged_otherwise_but_speaking_is_a_person() -> None:
    votes = tally([_mention("Ann Cole", "ORG", "speaker"), _mention("Ann Cole", "PERSON")])
    assert is_person_name(votes["Ann Cole"])
    votes = tally([_mention("Ann Cole", "ORG"), _mention("Ann Cole", "PERSON", quoted=True)])
    assert not is_person_name(votes["Ann Cole"])  # a quoted label weighs half


def test_a_surname_alone_is_the_person_of_a_full_name() -> None:
    people = article_people(
        [
            _mention("Ann Cole", "PERSON"),
            _mention("Cole", "ORG"),
            _mention("Washington", "GPE"),
            _mention("Bob Washington", "ORG"),
        ]
    )
    assert people == {"Ann Cole", "Cole"}  # not the place "Washington", nor a name ending in it


# -- statements.py: acts --------------------------------------------------------------


def _acts(doc: Doc) -> list[str]:
    return [act for token in doc for act in acts_of(token)]


def test_an_act_is_a_verb_and_what_it_acts_on_in_either_voice() -> None:
    declined = parse(
        W("The", 1, "det", "DET"),
        W("embassy", 2, "nsubj", "NOUN"),
        W("turned", 2, "ROOT", "VERB", "turn", "VBD"),
        W("down", 2, "prt", "ADP"),
        W("the", 5, "det", "DET"),
        W("Japanese", 6, "amod", "ADJ"),
        W("offer", 2, "dobj", "NOUN"),
    )
    # the particle stays with its verb, as WordNet lists it; each naming word is a key
    assert _acts(declined) == ["turn_down|offer", "turn_down|japanese"]
    passive = parse(
        W("The", 1, "det", "DET"),
        W("offer", 3, "nsubjpass", "NOUN"),
        W("was", 3, "auxpass", "AUX", "be"),
        W("declined", 3, "ROOT", "VERB", "decline", "VBN"),
    )
    assert _acts(passive) == ["decline|offer"]


def test_an_age_names_no_participant() -> None:
    struck = parse(
        W("He", 1, "nsubj", "PRON"),
        W("struck", 1, "ROOT", "VERB", "strike", "VBD"),
        W("a", 7, "det", "DET"),
        W("6", 5, "nummod", "NUM"),
        W("-", 5, "punct", "PUNCT"),
        W("month", 6, "npadvmod", "NOUN"),
        W("old", 7, "amod", "ADJ"),
        W("baby", 1, "dobj", "NOUN"),
    )
    assert _acts(struck) == ["strike|baby"]


def test_a_light_or_negated_verb_makes_no_act() -> None:
    had = parse(
        W("He", 3, "nsubj", "PRON"),
        W("did", 3, "aux", "AUX", "do"),
        W("not", 3, "neg", "PART"),
        W("lack", 3, "ROOT", "VERB", "lack", "VB"),
        W("experience", 3, "dobj", "NOUN"),
    )
    assert _acts(had) == []  # "did not lack experience" denies the act
    had[2].dep_ = "advmod"
    assert _acts(had) == ["lack|experience"]
    had[3].lemma_ = "have"  # "have experience" is no act
    assert _acts(had) == []


def test_a_gerund_after_a_preposition_acts_too() -> None:
    doc = parse(
        W("The", 1, "det", "DET"),
        W("embassy", 2, "nsubj", "NOUN"),
        W("reacted", 2, "ROOT", "VERB", "react", "VBD"),
        W("by", 2, "prep", "ADP"),
        W("thanking", 3, "pcomp", "VERB", "thank", "VBG"),
        W("volunteers", 4, "dobj", "NOUN", "volunteer"),
    )
    fact = FactCandidate("a", 0, len(doc.text), doc.text, "event")
    add_features(doc[:], fact)
    assert fact.frames == ["embassy|react"]
    assert fact.acts == ["thank|volunteer"]  # the act the embassy's reaction was


def test_what_someone_had_to_do_is_the_act_of_the_frame() -> None:
    """ "The director had to apologize": "director|apologize", as "The staffer
    apologized" says; "have" only says it was due."""
    doc = parse(
        W("The", 1, "det", "DET"),
        W("director", 2, "nsubj", "NOUN"),
        W("had", 2, "ROOT", "VERB", "have", "VBD"),
        W("to", 4, "aux", "PART"),
        W("apologize", 2, "xcomp", "VERB", "apologize", "VB"),
        W("Saturday", 4, "npadvmod", "PROPN"),
    )
    fact = FactCandidate("a", 0, len(doc.text), doc.text, "event")
    add_features(doc[:], fact)
    assert fact.frames == ["director|apologize"]


def test_a_time_of_a_named_day_dates_the_fact() -> None:
    """ "killed on Saturday night" (tagged TIME) dates the fact as "Friday" (DATE) does;
    "at 8:30 p.m." names no day."""
    doc = parse(
        W("A", 1, "det", "DET"),
        W("girl", 3, "nsubjpass", "NOUN"),
        W("was", 3, "auxpass", "AUX", "be"),
        W("killed", 3, "ROOT", "VERB", "kill", "VBN"),
        W("on", 3, "prep", "ADP"),
        W("Saturday", 6, "compound", "PROPN", ent="B-TIME"),
        W("night", 4, "pobj", "NOUN", ent="I-TIME"),
        W("at", 3, "prep", "ADP"),
        W("8:30", 9, "nummod", "NUM", ent="B-TIME"),
        W("p.m.", 7, "pobj", "NOUN", ent="I-TIME"),
    )
    fact = FactCandidate("a", 0, len(doc.text), doc.text, "event")
    add_features(doc[:], fact)
    assert [e for e in fact.entities if e.startswith("date:")] == ["date:saturday night"]


def test_a_pronoun_introduced_by_name_gets_no_bracketed_name() -> None:
    """ "He is Jahaun Jones, 18": who he is; "He is 18" is of someone named before."""
    from sitegen.extract.article import _introduces_by_name

    named = parse(
        W("He", 1, "nsubj", "PRON"),
        W("is", 1, "ROOT", "AUX", "be"),
        W("Jahaun", 3, "compound", "PROPN"),
        W("Jones", 1, "attr", "PROPN"),
    )
    aged = parse(
        W("He", 1, "nsubj", "PRON"), W("is", 1, "ROOT", "AUX", "be"), W("18", 1, "attr", "NUM")
    )
    assert _introduces_by_name(named[0])
    assert not _introduces_by_name(aged[0])
