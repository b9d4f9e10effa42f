"""The token lists the rules share (`sitegen.extract.view`): inside `sharing()` they are
what spaCy gives, made once; outside it, spaCy's own."""

from __future__ import annotations

from spacy.tokens import Doc

from sitegen.extract.view import children_of, ents_of, sharing, text_of, tokens_of
from tests.builders import W, parse, said_that


def _two_sentences() -> list[W]:
    """ "The mayor said the storm passed . Police left ." (two sentences by hand)"""
    return [
        *said_that(),
        W("Police", 8, "nsubj", "NOUN"),
        W("left", 8, "ROOT", "VERB", "leave", "VBD"),
        W(".", 8, "punct", "PUNCT"),
    ]


def _as_spacy_gives(doc: Doc) -> list[tuple[list[int], list[int], str]]:
    spans = [doc[:], doc[2:6], doc[7:], doc[3:3]]
    return [
        (
            [t.i for t in tokens_of(s)],
            [c.i for t in tokens_of(s) for c in children_of(t)],
            text_of(s),
        )
        for s in spans
    ]


def test_shared_lists_are_what_spacy_gives() -> None:
    doc = parse(*_two_sentences())
    expected = [
        ([t.i for t in s], [c.i for t in s for c in t.children], s.text)
        for s in (doc[:], doc[2:6], doc[7:], doc[3:3])
    ]
    assert _as_spacy_gives(doc) == expected  # outside `sharing`: spaCy's own
    with sharing():
        assert _as_spacy_gives(doc) == expected
        assert _as_spacy_gives(doc) == expected  # and again, from what was kept
        assert text_of(doc) == doc.text
        assert children_of(doc[2]) is children_of(doc[2])  # made once per token


def test_each_call_gets_a_list_of_its_own_and_nothing_outlives_the_block() -> None:
    doc = parse(*_two_sentences())
    with sharing():
        first = tokens_of(doc[:])
        first.clear()
        assert len(tokens_of(doc[:])) == len(doc)
        kept = children_of(doc[2])
    assert children_of(doc[2]) is not kept  # outside: asked of spaCy again
    assert [c.i for c in children_of(doc[2])] == [c.i for c in kept]


def test_entities_are_those_spacy_picks_for_the_span() -> None:
    words = [
        W("Mayor", 1, "compound", "PROPN", ent="B-PERSON"),
        W("Ann", 2, "compound", "PROPN", ent="I-PERSON"),
        W("Lee", 3, "nsubj", "PROPN", ent="I-PERSON"),
        W("met", 3, "ROOT", "VERB", "meet", "VBD"),
        W("Bo", 5, "compound", "PROPN", ent="B-PERSON"),
        W("Ng", 3, "dobj", "PROPN", ent="I-PERSON"),
        W("in", 3, "prep", "ADP"),
        W("Paris", 6, "pobj", "PROPN", ent="B-GPE"),
        W(".", 3, "punct", "PUNCT"),
    ]
    doc = parse(*words)
    # whole, inside, cutting the first entity, cutting the second, after the last, empty
    spans = [doc[:], doc[3:8], doc[1:9], doc[0:5], doc[8:], doc[4:4]]
    expected = [[(e.start, e.end, e.label_) for e in s.ents] for s in spans]
    assert expected[3] == [(0, 3, "PERSON")]  # the entity running past the end stops
    assert [[(e.start, e.end, e.label_) for e in ents_of(s)] for s in spans] == expected
    with sharing():
        for _ in range(2):  # made from the Doc's entities, then from what was kept
            found = [[(e.start, e.end, e.label_) for e in ents_of(s)] for s in spans]
            assert found == expected
