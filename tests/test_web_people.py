"""Who is a person on web text, rule by rule on hand-built parses (the shapes crawled
local news writes: "Jane Roe, 30, of Rockport", "near 40th and Elm Place", "Melina's
mother"), and the story-wide vote those rules feed."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from sitegen.extract.mentions import (
    NameVotes,
    cut_common_plurals,
    is_person_name,
    join_given_titles,
    sentence_mentions,
    titles_used_as_names,
)
from sitegen.extract.names import clean_name, typing_variant
from sitegen.extract.records import ArticleFacts, NameMention
from sitegen.merge.people import build_people
from sitegen.namecheck import close_pairs
from tests.builders import W, parse


def mentions(doc: Doc) -> dict[str, NameMention]:
    return {m.name: m for _, m in sentence_mentions(doc[:], 0, [])}


def test_a_person_and_the_place_they_are_from_taken_as_one_name_is_cut_at_of() -> None:
    doc = parse(
        W("Police", 1, "nsubj", "NOUN", "police"),
        W("arrested", 1, "ROOT", "VERB", "arrest", "VBD"),
        W("the", 5, "det", "DET"),
        W("Jane", 5, "compound", "PROPN", ent="B-ORG"),
        W("Ann", 5, "compound", "PROPN", ent="I-ORG"),
        W("Roe", 1, "dobj", "PROPN", ent="I-ORG"),
        W("of", 5, "prep", "ADP", ent="I-ORG"),
        W("Dorchester", 6, "pobj", "PROPN", ent="I-ORG"),
        W(".", 1, "punct", "PUNCT"),
    )
    assert list(mentions(doc)) == ["Jane Ann Roe"]


def test_an_organisation_named_with_of_is_not_cut() -> None:
    doc = parse(
        W("She", 1, "nsubj", "PRON"),
        W("joined", 1, "ROOT", "VERB", "join", "VBD"),
        W("Midland", 3, "compound", "PROPN", ent="B-ORG"),
        W("Institute", 1, "dobj", "PROPN", ent="I-ORG"),
        W("of", 3, "prep", "ADP", ent="I-ORG"),
        W("Technology", 4, "pobj", "PROPN", ent="I-ORG"),
        W(".", 1, "punct", "PUNCT"),
    )
    assert "Midland Institute" not in mentions(doc)


def test_whoever_has_a_mother_is_a_person() -> None:
    doc = parse(
        W("Melina", 2, "poss", "PROPN", ent="B-GPE"),
        W("'s", 0, "case", "PART", tag="POS"),
        W("mother", 3, "nsubj", "NOUN"),
        W("spoke", 3, "ROOT", "VERB", "speak", "VBD"),
        W(".", 3, "punct", "PUNCT"),
    )
    assert "kin" in mentions(doc)["Melina"].evidence


def test_the_place_after_an_age_is_where_a_person_is_from() -> None:
    doc = parse(
        W("Jane", 1, "compound", "PROPN", ent="B-PERSON"),
        W("Roe", 13, "nsubj", "PROPN", ent="I-PERSON"),
        W(",", 1, "punct", "PUNCT"),
        W("30", 1, "appos", "NUM", tag="CD", ent="B-DATE"),
        W(",", 1, "punct", "PUNCT"),
        W("of", 1, "prep", "ADP"),
        W("Rockport", 5, "pobj", "PROPN", ent="B-GPE"),
        W(",", 6, "punct", "PUNCT"),
        W("a", 10, "det", "DET"),
        W("family", 10, "compound", "NOUN"),
        W("friend", 6, "appos", "NOUN"),
        W(",", 6, "punct", "PUNCT"),
        W("will", 13, "aux", "AUX"),
        W("appear", 13, "ROOT", "VERB"),
        W(".", 13, "punct", "PUNCT"),
    )
    found = mentions(doc)
    assert "thing" in found["Rockport"].evidence
    assert "thing" not in found["Jane Roe"].evidence


def test_one_side_of_an_intersection_is_a_street() -> None:
    doc = parse(
        W("A", 1, "det", "DET"),
        W("woman", 2, "nsubjpass", "NOUN"),
        W("was", 3, "auxpass", "AUX"),
        W("shot", 3, "ROOT", "VERB", "shoot", "VBN"),
        W("near", 3, "prep", "ADP"),
        W("40th", 4, "pobj", "NOUN", tag="JJ"),
        W("and", 5, "cc", "CCONJ"),
        W("Boulevard", 8, "compound", "PROPN", ent="B-PERSON"),
        W("Place", 5, "conj", "PROPN", ent="I-PERSON"),
        W(".", 3, "punct", "PUNCT"),
    )
    assert "thing" in mentions(doc)["Boulevard Place"].evidence


def test_a_name_ending_in_a_street_word_after_a_preposition_of_place_is_a_street() -> None:
    words = [
        W("She", 1, "nsubj", "PRON"),
        W("lives", 1, "ROOT", "VERB", "live", "VBZ"),
        W("on", 1, "prep", "ADP"),
        W("Castro", 4, "compound", "PROPN", ent="B-PERSON"),
        W("Lane", 2, "pobj", "PROPN", ent="I-PERSON"),
        W(".", 1, "punct", "PUNCT"),
    ]
    assert "thing" in mentions(parse(*words))["Castro Lane"].evidence
    words[2] = W("with", 1, "prep", "ADP")  # "lives with Castro Lane": a person
    assert "thing" not in mentions(parse(*words))["Castro Lane"].evidence


def test_a_role_only_a_person_has_outweighs_labels_ner_guessed() -> None:
    """An unfamiliar name NER calls an organisation three times, with an age and a
    relative in two of them, is a person; the same labels with no role are not."""
    votes = NameVotes(labels=Counter({"ORG": 3.0}), cues=2, roles=2)
    assert is_person_name(votes)
    assert not is_person_name(NameVotes(labels=Counter({"ORG": 3.0}), cues=2, roles=0))


def test_a_given_name_alone_makes_no_full_name_of_a_phrase_ending_in_it() -> None:
    """ "Sasha, 13," is Sasha Obama; "Dear Sasha" (a salutation NER took for an
    organisation) is not a second person, and "Sasha" stays Sasha Obama's alias."""

    def said(name: str, label: str, *evidence: str) -> NameMention:
        return NameMention(name, 0, len(name), label, list(evidence))

    articles = [
        ArticleFacts("a", [said("Sasha Obama", "PERSON"), said("Dear Sasha", "ORG")]),
        ArticleFacts("b", [said("Sasha", "PERSON"), said("Sasha", "GPE", "age")]),
    ]
    people = build_people(articles).people
    assert [(p.name, p.aliases) for p in people.values()] == [("Sasha Obama", ["Sasha"])]


def test_a_one_word_name_after_an_article_is_a_noun() -> None:
    doc = parse(
        W("The", 1, "det", "DET"),
        W("governor", 6, "nsubj", "NOUN"),
        W(",", 1, "punct", "PUNCT"),
        W("a", 4, "det", "DET"),
        W("Republican", 1, "appos", "PROPN", ent="B-NORP"),
        W(",", 1, "punct", "PUNCT"),
        W("said", 6, "ROOT", "VERB", "say", "VBD"),
        W("Pence", 6, "dobj", "PROPN", ent="B-PERSON"),
    )
    found = mentions(doc)
    assert "thing" in found["Republican"].evidence
    assert "thing" not in found["Pence"].evidence


def _people(*articles: list[str]) -> list[tuple[str, list[str]]]:
    """The people of articles that each name the given people (PERSON labels)."""
    facts = [
        ArticleFacts(f"s{i}", [NameMention(n, 0, len(n), "PERSON") for n in names])
        for i, names in enumerate(articles)
    ]
    return sorted((p.name, p.aliases) for p in build_people(facts).people.values())


def test_a_typists_variant_of_a_given_name_in_another_outlet_is_one_person() -> None:
    assert typing_variant("Akeilah", "Akielah") and typing_variant("Eliot", "Elliot")
    assert not typing_variant("Maria", "Mario") and not typing_variant("Dana", "Dina")
    assert _people(["Eliot Isaac", "Eliot Isaac"], ["Elliot Isaac"]) == [
        ("Eliot Isaac", ["Elliot Isaac"])
    ]
    # one article naming both spellings may mean two people: kept apart (check warns)
    assert len(_people(["Eliot Isaac", "Elliot Isaac"])) == 2
    assert len(_people(["Dana Lopez"], ["Dina Lopez"])) == 2


def test_a_double_surname_with_or_without_its_hyphen_is_one_name() -> None:
    assert _people(["Julie Roberts-Cole", "Julie Roberts-Cole"], ["Julie Roberts Cole"]) == [
        ("Julie Roberts-Cole", ["Julie Roberts Cole"])
    ]
    assert close_pairs([("a", "Julie Roberts"), ("b", "Julie Roberts-Cole")]) == [("a", "b")]


def test_two_short_forms_of_one_full_name_join_it() -> None:
    [(name, aliases)] = _people(
        ["Anaiya Denise Montgomery"], ["Aniaya Montgomery"], ["Denise Montgomery"]
    )
    assert name == "Anaiya Denise Montgomery"
    assert aliases == ["Aniaya Montgomery", "Denise Montgomery"]


def test_a_name_ends_before_a_plural_noun_the_article_writes_in_lower_case() -> None:
    text = "Two witnesses spoke. Police said Kevin Brown Witnesses told them. Sarah Lee Sanders"
    names = [
        NameMention(n, text.find(n), text.find(n) + len(n), "PERSON")
        for n in ("Kevin Brown Witnesses", "Sarah Lee Sanders")
    ]
    cut_common_plurals(names, text)
    assert [(m.name, text[m.start : m.end]) for m in names] == [
        ("Kevin Brown", "Kevin Brown"),
        ("Sarah Lee Sanders", "Sarah Lee Sanders"),
    ]


def test_a_name_run_into_a_plural_noun_is_cut_on_a_real_parse() -> None:
    from sitegen.extract import extract_articles
    from sitegen.nlp import load_model
    from tests.builders import article

    text = "The jury heard three witnesses. Police said Kevin Brown Witnesses told officers.\n"
    [facts] = extract_articles([article(text)], load_model())
    assert "Kevin Brown" in {m.name for m in facts.mentions}
    assert not [m for m in facts.mentions if "Witnesses" in m.name]


def test_a_name_in_a_list_of_appositives_has_no_role() -> None:
    doc = parse(
        W("the", 1, "det", "DET"),
        W("department", 1, "ROOT", "NOUN"),
        W(",", 1, "punct", "PUNCT"),
        W("the", 4, "det", "DET"),
        W("mayor", 1, "conj", "NOUN"),
        W(",", 4, "punct", "PUNCT"),
        W("the", 7, "det", "DET"),
        W("Bureau", 4, "appos", "PROPN", ent="B-ORG"),
        W(",", 4, "punct", "PUNCT"),
        W("everyone", 4, "appos", "PRON"),
    )
    bureau = mentions(doc)["Bureau"]
    assert bureau.roles == [] and "human-role" not in bureau.evidence


def test_a_name_in_apposition_to_a_place_noun_is_a_place() -> None:
    doc = parse(
        W("Police", 1, "nsubj", "NOUN"),
        W("respond", 1, "ROOT", "VERB"),
        W("to", 1, "prep", "ADP"),
        W("the", 4, "det", "DET"),
        W("scene", 2, "pobj", "NOUN"),
        W("Randallstown", 4, "appos", "PROPN", ent="B-PERSON"),
    )
    town = mentions(doc)["Randallstown"]
    assert "thing" in town.evidence and town.roles == []


def test_how_many_are_dead_is_a_fact_and_a_judgement_is_not() -> None:
    from sitegen.extract.statements import is_checkable

    dead = parse(
        W("Two", 1, "nummod", "NUM", tag="CD"),
        W("people", 2, "nsubj", "NOUN", "people"),
        W("are", 2, "ROOT", "AUX", "be"),
        W("dead", 2, "acomp", "ADJ"),
        W(".", 2, "punct", "PUNCT"),
    )
    died = parse(
        W("Two", 2, "nummod", "NUM", tag="CD"),
        W("male", 2, "amod", "ADJ"),
        W("victims", 3, "nsubj", "NOUN", "victim"),
        W("died", 3, "ROOT", "VERB", "die", "VBD"),
        W(".", 3, "punct", "PUNCT"),
    )
    clear = parse(
        W("The", 1, "det", "DET"),
        W("message", 2, "nsubj", "NOUN"),
        W("was", 2, "ROOT", "AUX", "be"),
        W("clear", 2, "acomp", "ADJ"),
        W("to", 3, "prep", "ADP"),
        W("everyone", 4, "pobj", "PRON"),
        W(".", 2, "punct", "PUNCT"),
    )
    assert is_checkable(dead[:]) and is_checkable(died[:])
    assert not is_checkable(clear[:])


def test_a_surname_ner_calls_a_nationality_is_still_the_person_named_before() -> None:
    from sitegen.extract.mentions import could_be_person

    assert could_be_person(NameVotes(labels=Counter({"NORP": 1.0})))  # "before Sasinoski"
    assert not could_be_person(NameVotes(labels=Counter({"GPE": 1.0})))  # "in Washington"


def test_partners_and_step_relatives_say_a_gender() -> None:
    from sitegen.extract.names import gender_of

    assert gender_of(["her", "boyfriend"]) == "f"  # the first gendered word decides
    assert gender_of(["boyfriend"]) == "m" and gender_of(["stepdaughter"]) == "f"


def test_a_possessive_in_a_role_is_someone_elses_gender() -> None:
    from sitegen.extract.discourse import Entity, _add_role

    boyfriend = Entity("Kareem Courtney", "person")
    _add_role(boyfriend, "her boyfriend")
    assert boyfriend.gender == "m"


def test_they_names_the_people_just_described_not_a_place_or_earlier_people() -> None:
    from sitegen.extract import extract_articles
    from sitegen.nlp import load_model
    from tests.builders import article

    text = (
        "Four people were killed in a shooting in Belmont Heights on Saturday.\n\n"
        "When Tom Baxter drove away, the two other people followed him in a white car. "
        "They pulled alongside him on the highway and opened fire.\n"
    )
    [facts] = extract_articles([article(text)], load_model())
    [fact] = [f for f in facts.facts if "pulled alongside" in f.text]
    assert fact.standalone is not None
    assert fact.standalone.startswith("[the two other people] pulled alongside")


def test_a_name_modifying_a_word_for_anyone_is_a_hometown() -> None:
    doc = parse(
        W("A", 2, "det", "DET"),
        W("Gary", 2, "compound", "PROPN", ent="B-PERSON"),
        W("woman", 3, "nsubj", "NOUN"),
        W("died", 3, "ROOT", "VERB", "die"),
        W("with", 3, "prep", "ADP"),
        W("the", 7, "det", "DET"),
        W("Davis", 7, "compound", "PROPN", ent="B-PERSON"),
        W("brothers", 4, "pobj", "NOUN", "brother"),
    )
    found = mentions(doc)
    assert "thing" in found["Gary"].evidence
    assert "thing" not in found["Davis"].evidence


def test_a_title_loses_a_bullet_and_an_opening_said_but_keeps_an_age() -> None:
    from sitegen.extract.mentions import title_before

    said = parse(
        W("Said", 3, "compound", "PROPN"),
        W("District", 2, "compound", "PROPN"),
        W("Attorney", 3, "compound", "PROPN"),
        W("Conley", 3, "ROOT", "PROPN", ent="B-PERSON"),
    )
    assert title_before(said.ents[0]) == "District Attorney"
    bullet = parse(
        W("º", 3, "compound", "NUM", tag="CD"),
        W("27", 2, "nummod", "NUM", tag="CD"),
        W("year", 3, "compound", "NOUN"),
        W("Roe", 3, "ROOT", "PROPN", ent="B-PERSON"),
    )
    assert title_before(bullet.ents[0]) == "27 year"


def test_a_name_in_apposition_to_an_item_of_a_list_takes_no_role_from_it() -> None:
    doc = parse(
        W("thanks", 0, "ROOT", "NOUN"),
        W("to", 0, "prep", "ADP"),
        W("you", 1, "pobj", "PRON"),
        W(",", 2, "punct", "PUNCT"),
        W("the", 5, "det", "DET"),
        W("mayor", 2, "appos", "NOUN"),
        W(",", 5, "punct", "PUNCT"),
        W("Jane", 8, "compound", "PROPN", ent="B-PERSON"),
        W("Roe", 5, "appos", "PROPN", ent="I-PERSON"),
    )
    assert mentions(doc)["Jane Roe"].roles == []


def test_an_age_after_a_name_is_a_role_only_a_person_has() -> None:
    from sitegen.extract.mentions import count_vote

    votes = NameVotes()
    count_vote(votes, NameMention("Cornell Beckley", 0, 15, "GPE", ["age"], ["aged 27"]))
    assert votes.roles == 1 and is_person_name(votes)


def test_a_name_whose_word_alone_is_mostly_an_organisation_is_no_one() -> None:
    """ "Cameo Nightlife" beside "the Cameo" (NER: an organisation) is the club; "Jayden
    Redden" beside "Jayden" (NER: a place, as for many unfamiliar given names) is a boy;
    "Kayla Walker" and "Christina Walker" beside "Walker" (NER: an organisation) are two
    people of one family."""

    def named(name: str, label: str, n: int = 1) -> list[NameMention]:
        return [NameMention(name, 0, len(name), label) for _ in range(n)]

    club = ArticleFacts("a", named("Cameo Nightlife", "PERSON") + named("Cameo", "ORG", 3))
    boy = ArticleFacts("b", named("Jayden Redden", "PERSON") + named("Jayden", "GPE", 3))
    assert [p.name for p in build_people([club]).people.values()] == []
    assert [p.name for p in build_people([boy]).people.values()] == ["Jayden Redden"]
    sisters = ArticleFacts(
        "c",
        named("Kayla Walker", "PERSON")
        + named("Christina Walker", "PERSON")
        + named("Walker", "ORG", 3),
    )
    found = sorted(p.name for p in build_people([sisters]).people.values())
    assert found == ["Christina Walker", "Kayla Walker"], "a family's name, NER's ORG alone"


def test_a_capitalised_particle_ending_a_name_is_a_surname() -> None:
    assert clean_name("Trung Le") == "Trung Le"
    assert clean_name("Bernie Mac") == "Bernie Mac"
    assert clean_name("Ludwig van") is None  # a particle in lower case begins a surname
    assert clean_name("Main St") is None  # an abbreviation, no surname


def test_an_age_before_a_name_is_a_role_only_a_person_has() -> None:
    doc = parse(
        W("A", 1, "det", "DET"),
        W("jury", 2, "nsubj", "NOUN"),
        W("found", 2, "ROOT", "VERB", "find", "VBD"),
        W("22-year-old", 5, "amod", "ADJ"),
        W("Trung", 5, "compound", "PROPN", ent="B-GPE"),
        W("Le", 6, "compound", "PROPN", ent="I-GPE"),
        W("guilty", 2, "dobj", "ADJ"),
        W(".", 2, "punct", "PUNCT"),
    )
    assert "age" in mentions(doc)["Trung Le"].evidence
    votes = NameVotes(labels=Counter({"GPE": 2.0, "PERSON": 1.0}), cues=1, roles=1)
    assert is_person_name(votes)  # two GPE labels against one PERSON and the age


def test_an_age_before_a_possessor_is_the_possessed_ones() -> None:
    doc = parse(
        W("a", 4, "det", "DET"),
        W("21-year-old", 4, "amod", "ADJ"),
        W("Alameda", 3, "compound", "PROPN", ent="B-ORG"),
        W("Sheriff", 4, "poss", "PROPN", ent="I-ORG"),
        W("volunteer", 4, "ROOT", "NOUN"),
    )
    assert "age" not in mentions(doc)["Alameda Sheriff"].evidence


def test_proper_nouns_without_a_label_before_an_age_are_a_name() -> None:
    doc = parse(
        W("Police", 1, "nsubj", "NOUN", "police"),
        W("arrested", 1, "ROOT", "VERB", "arrest", "VBD"),
        W("Murjan", 3, "compound", "PROPN"),
        W("Issack", 4, "compound", "PROPN"),
        W("Abdi", 1, "dobj", "PROPN", space=False),
        W(",", 4, "punct", "PUNCT"),
        W("19", 4, "appos", "NUM", ent="B-DATE", space=False),
        W(",", 4, "punct", "PUNCT"),
        W("on", 1, "prep", "ADP"),
        W("Wednesday", 8, "pobj", "PROPN", ent="B-DATE"),
        W(".", 1, "punct", "PUNCT"),
    )
    found = mentions(doc)
    assert list(found) == ["Murjan Issack Abdi"]
    assert found["Murjan Issack Abdi"].label == "" and "age" in found["Murjan Issack Abdi"].evidence


def test_a_surname_ner_tagged_alone_takes_its_given_name_but_not_a_title() -> None:
    doc = parse(
        W("Detective", 1, "compound", "PROPN"),
        W("Nixon", 2, "nsubj", "PROPN", ent="B-PERSON"),
        W("said", 2, "ROOT", "VERB", "say", "VBD"),
        W("Tajze", 4, "compound", "PROPN"),
        W("Battle", 5, "nsubjpass", "PROPN", ent="B-PERSON"),
        W("was", 6, "auxpass", "AUX"),
        W("arrested", 2, "ccomp", "VERB", "arrest", "VBN"),
        W(".", 2, "punct", "PUNCT"),
    )
    assert list(mentions(doc)) == ["Nixon", "Tajze Battle"]


def test_proper_nouns_without_a_label_after_an_age_are_a_name() -> None:
    """ "the shooting of 8-year-old De'Maree Adkins", no entity from NER: a name."""
    doc = parse(
        W("the", 1, "det", "DET"),
        W("shooting", 1, "ROOT", "NOUN"),
        W("of", 1, "prep", "ADP"),
        W("8", 5, "nummod", "NUM", space=False),
        W("-", 5, "punct", "PUNCT", space=False),
        W("year", 7, "npadvmod", "NOUN", space=False),
        W("-", 7, "punct", "PUNCT", space=False),
        W("old", 9, "amod", "ADJ"),
        W("De'Maree", 9, "compound", "PROPN"),
        W("Adkins", 2, "pobj", "PROPN", space=False),
        W(".", 1, "punct", "PUNCT"),
    )
    found = mentions(doc)
    assert list(found) == ["De'Maree Adkins"]
    assert "age" in found["De'Maree Adkins"].evidence


def test_a_two_word_name_takes_a_given_name_before_it_but_not_an_office() -> None:
    """ "as Anaiya Denise Montgomery" with NER's PERSON on the last two words: the
    whole name; "Alderman Emma Mitts": an office the title list lacks stays out."""

    def named(before: str) -> list[str]:
        return list(
            mentions(
                parse(
                    W("identified", 0, "ROOT", "VERB", "identify", "VBD"),
                    W("as", 0, "prep", "ADP"),
                    W(before, 4, "compound", "PROPN"),
                    W("Denise", 4, "compound", "PROPN", ent="B-PERSON"),
                    W("Montgomery", 1, "pobj", "PROPN", ent="I-PERSON"),
                )
            )
        )

    assert named("Anaiya") == ["Anaiya Denise Montgomery"]
    assert named("Alderman") == ["Denise Montgomery"]


def test_a_given_name_and_a_family_name_make_a_person_though_ner_says_org() -> None:
    """ "Amorian Hale" (NER: an organisation) beside "Amorian's grandmother, Lynne Hale":
    Amorian, a person by the kin word, and the family's name."""
    article = ArticleFacts(
        "a",
        [
            NameMention("Amorian Hale", 0, 12, "ORG"),
            NameMention("Amorian Hale", 20, 32, "ORG"),
            NameMention("Amorian", 40, 47, "ORG", ["kin"]),
            NameMention("Lynne Hale", 60, 70, "PERSON", ["kin"]),
        ],
    )
    found = {p.name: p.aliases for p in build_people([article]).people.values()}
    assert "Amorian Hale" in found


def test_a_house_number_is_no_title() -> None:
    doc = parse(
        W("He", 1, "nsubj", "PRON"),
        W("lived", 1, "ROOT", "VERB", "live", "VBD"),
        W("at", 1, "prep", "ADP"),
        W("11700", 4, "nummod", "NUM"),
        W("Robertson", 2, "pobj", "PROPN", ent="B-PERSON"),
        W(".", 1, "punct", "PUNCT"),
    )
    evidence = mentions(doc)["Robertson"].evidence
    assert "thing" in evidence and "title" not in evidence


def test_a_street_and_its_side_is_a_place() -> None:
    doc = parse(
        W("in", 0, "ROOT", "ADP"),
        W("the", 2, "det", "DET"),
        W("block", 0, "pobj", "NOUN"),
        W("of", 2, "prep", "ADP"),
        W("Auburn", 6, "compound", "PROPN", ent="B-PERSON"),
        W("Way", 6, "compound", "PROPN", ent="I-PERSON"),
        W("North", 3, "pobj", "PROPN", ent="I-PERSON"),
    )
    assert mentions(doc) == {}


def test_the_other_side_of_an_intersection_with_a_street_is_a_street() -> None:
    doc = parse(
        W("at", 0, "ROOT", "ADP"),
        W("Schreiner", 2, "compound", "PROPN", ent="B-ORG"),
        W("St.", 0, "pobj", "PROPN", ent="I-ORG"),
        W("and", 2, "cc", "CCONJ"),
        W("Sidney", 5, "compound", "PROPN", ent="B-PERSON"),
        W("Baker", 2, "conj", "PROPN", ent="I-PERSON"),
    )
    assert "thing" in mentions(doc)["Sidney Baker"].evidence


def test_a_name_after_a_place_noun_and_a_preposition_of_place_is_a_street() -> None:
    doc = parse(
        W("the", 1, "det", "DET"),
        W("apartments", 1, "ROOT", "NOUN", "apartment"),
        W("on", 1, "prep", "ADP"),
        W("Aldine", 4, "compound", "PROPN", ent="B-PERSON"),
        W("Bender", 2, "pobj", "PROPN", ent="I-PERSON"),
    )
    assert "thing" in mentions(doc)["Aldine Bender"].evidence


def test_a_possessive_before_a_place_word_begins_the_places_name() -> None:
    doc = parse(
        W("to", 0, "ROOT", "ADP"),
        W("Arnold", 3, "compound", "PROPN", ent="B-PERSON"),
        W("Palmer", 3, "compound", "PROPN", ent="I-PERSON"),
        W("Children", 5, "poss", "PROPN", ent="I-PERSON"),
        W("'s", 3, "case", "PART", tag="POS", ent="I-PERSON"),
        W("Hospital", 0, "pobj", "PROPN"),
    )
    assert "thing" in mentions(doc)["Arnold Palmer Children"].evidence


def test_a_title_word_the_text_uses_alone_as_a_subject_is_a_given_name() -> None:
    alone = parse(
        W("Major", 2, "nsubjpass", "PROPN"),
        W("was", 2, "auxpass", "AUX"),
        W("shot", 2, "ROOT", "VERB", "shoot", "VBN"),
        W(".", 2, "punct", "PUNCT"),
    )
    ranked = parse(
        W("The", 1, "det", "DET"),
        W("Major", 2, "nsubj", "PROPN"),
        W("said", 2, "ROOT", "VERB", "say", "VBD"),
    )
    assert titles_used_as_names([alone[:]]) == {"Major"}
    assert titles_used_as_names([ranked[:]]) == set()  # "The Major said": a rank
    text = "Police said 3-year-old Major Howard died."
    start = text.index("Howard")
    mention = NameMention("Howard", start, start + 6, "PERSON", ["title"], ["Major"])
    join_given_titles([mention], text, {"Major"})
    assert (mention.name, text[mention.start : mention.end], mention.roles) == (
        "Major Howard",
        "Major Howard",
        [],
    )


def test_a_name_opening_or_ending_in_a_venue_word_is_a_place() -> None:
    doc = parse(
        W("Club", 1, "compound", "PROPN", ent="B-PERSON"),
        W("Rehab", 2, "nsubj", "PROPN", ent="I-PERSON"),
        W("hired", 2, "ROOT", "VERB", "hire", "VBD"),
        W("Lee", 4, "compound", "PROPN", ent="B-PERSON"),
        W("Memorial", 2, "dobj", "PROPN", ent="I-PERSON"),
    )
    assert mentions(doc) == {}


def test_names_beside_a_noun_for_people_are_people_though_ner_calls_one_an_org() -> None:
    """ "Two survivors, Odalis Lugo and Gelissa Watson, spoke": the small model labels
    the unfamiliar name ORG; coordinated with it, Watson is still a person, not a
    name among organisations ("Harvard and Harvard Law")."""

    def spoke(before: list[W]) -> dict[str, NameMention]:
        n = len(before)
        return mentions(
            parse(
                *before,
                W("Odalis", n + 1, "compound", "PROPN", ent="B-ORG"),
                W("Lugo", n - 1, "appos", "PROPN", ent="I-ORG"),
                W("and", n + 1, "cc", "CCONJ"),
                W("Gelissa", n + 4, "compound", "PROPN", ent="B-PERSON"),
                W("Watson", n + 1, "conj", "PROPN", ent="I-PERSON"),
                W("spoke", n + 5, "ROOT", "VERB", "speak"),
            )
        )

    survivors = spoke(
        [W("Two", 1, "nummod", "NUM"), W("survivors", 7, "nsubj", "NOUN", "survivor")]
    )
    assert "thing" not in survivors["Gelissa Watson"].evidence
    firms = spoke([W("Two", 1, "nummod", "NUM"), W("firms", 7, "nsubj", "NOUN", "firm")])
    assert "thing" in firms["Gelissa Watson"].evidence


def test_a_name_with_an_age_is_no_thing_beside_organisations() -> None:
    """ "Dejuan Jones and 24-year-old Deashaun Turrentine were charged", NER labelling
    both names organisations: the age makes the second a person, not a thing named
    beside an organisation."""
    doc = parse(
        W("Dejuan", 1, "compound", "PROPN", ent="B-ORG"),
        W("Jones", 8, "nsubjpass", "PROPN", ent="I-ORG"),
        W("and", 1, "cc", "CCONJ"),
        W("24-year-old", 5, "amod", "ADJ", space=True),
        W("Deashaun", 5, "compound", "PROPN", ent="B-ORG"),
        W("Turrentine", 1, "conj", "PROPN", ent="I-ORG"),
        W("were", 8, "auxpass", "AUX", "be"),
        W("really", 8, "advmod", "ADV"),
        W("charged", 8, "ROOT", "VERB", "charge"),
    )
    found = mentions(doc)
    assert "age" in found["Deashaun Turrentine"].evidence
    assert "thing" not in found["Deashaun Turrentine"].evidence
    assert "thing" in found["Dejuan Jones"].evidence  # nothing marks Jones a person


def test_a_surname_that_is_also_a_title_is_a_name_not_a_place_before_a_title() -> None:
    """ "Miracle King was treated": "King" ends the name (a title only abbreviated, as
    in "Vallejo Lt. Kenny Park", makes the words before it a place)."""
    doc = parse(
        W("Miracle", 1, "compound", "PROPN", ent="B-PERSON"),
        W("King", 3, "nsubjpass", "PROPN", ent="I-PERSON"),
        W("was", 3, "auxpass", "AUX", "be"),
        W("treated", 3, "ROOT", "VERB", "treat"),
    )
    assert list(mentions(doc)) == ["Miracle King"]


def test_an_occasion_named_for_a_person_is_no_one() -> None:
    """ "Martin Luther King Day": a name of three words or more ending in a word for an
    occasion is the occasion; "Doris Day", two words, may be a person."""
    doc = parse(
        W("Martin", 3, "compound", "PROPN", ent="B-PERSON"),
        W("Luther", 3, "compound", "PROPN", ent="I-PERSON"),
        W("King", 3, "compound", "PROPN", ent="I-PERSON"),
        W("Day", 4, "nsubj", "PROPN", ent="I-PERSON"),
        W("passed", 4, "ROOT", "VERB", "pass"),
        W("and", 4, "cc", "CCONJ"),
        W("Doris", 7, "compound", "PROPN", ent="B-PERSON"),
        W("Day", 8, "nsubj", "PROPN", ent="I-PERSON"),
        W("sang", 4, "conj", "VERB", "sing"),
    )
    assert list(mentions(doc)) == ["Doris Day"]
