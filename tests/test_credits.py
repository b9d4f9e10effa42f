"""Outlet credits ("told Reuters", "according to …", "the AP reported") on hand-built
parses, so each rule is tested on the parse it reads, not on what a model happens to
produce; and the folding of outlet names that makes two spellings one origin."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from sitegen.extract.credits import dateline_credit, resolved, sentence_credits
from sitegen.origins import UNNAMED, Lines, SourceLinks, outlet_key, same_outlet
from tests.builders import W, parse


def credits(doc: Doc) -> list[tuple[str, str]]:
    return [(c.outlet, c.kind) for c in sentence_credits(doc[:], 0)]


def test_told_an_outlet_is_an_interview_credit() -> None:
    doc = parse(
        W("Kurogi", 1, "nsubj", "PROPN", ent="B-PERSON"),
        W("told", 1, "ROOT", "VERB", "tell", "VBD"),
        W("Reuters", 1, "dobj", "PROPN", ent="B-ORG"),
        W("he", 4, "nsubj", "PRON"),
        W("phoned", 1, "ccomp", "VERB", "phone", "VBD"),
        W(".", 1, "punct", "PUNCT"),
    )
    assert credits(doc) == [("Reuters", "interview")]
    (credit,) = sentence_credits(doc[:], 100)
    assert doc.text[credit.start - 100 : credit.end - 100] == "told Reuters"


def test_told_a_person_is_no_credit() -> None:
    doc = parse(
        W("Aso", 1, "nsubj", "PROPN", ent="B-PERSON"),
        W("told", 1, "ROOT", "VERB", "tell", "VBD"),
        W("Matsuno", 1, "dobj", "PROPN", ent="B-PERSON"),
        W(".", 1, "punct", "PUNCT"),
    )
    assert credits(doc) == []


def test_a_named_subject_of_report_is_a_report_credit() -> None:
    doc = parse(
        W("the", 1, "det", "DET"),
        W("AP", 2, "nsubj", "PROPN", ent="B-ORG"),
        W("reported", 2, "ROOT", "VERB", "report", "VBD"),
        W("that", 5, "mark", "SCONJ"),
        W("prices", 5, "nsubj", "NOUN", "price"),
        W("rose", 2, "ccomp", "VERB", "rise", "VBD"),
    )
    assert credits(doc) == [("AP", "report")]


def test_an_outlets_report_as_the_subject_credits_the_outlet() -> None:
    """ "a Guardian newspaper report that revealed …, a Washington Post report detailed
    …": each piece's outlet reported what it tells; "a police report said" names none."""
    doc = parse(
        W("a", 3, "det", "DET"),
        W("Guardian", 3, "compound", "PROPN", ent="B-ORG"),
        W("newspaper", 3, "compound", "NOUN"),
        W("report", 12, "npadvmod", "NOUN"),
        W("that", 5, "nsubj", "PRON"),
        W("revealed", 3, "relcl", "VERB", "reveal", "VBD"),
        W("records", 5, "dobj", "NOUN", "record"),
        W(",", 12, "punct", "PUNCT"),
        W("a", 11, "det", "DET"),
        W("Washington", 10, "compound", "PROPN", ent="B-ORG"),
        W("Post", 11, "compound", "PROPN", ent="I-ORG"),
        W("report", 12, "nsubj", "NOUN"),
        W("detailed", 12, "ROOT", "VERB", "detail", "VBD"),
        W("a", 14, "det", "DET"),
        W("program", 12, "dobj", "NOUN"),
    )
    assert credits(doc) == [("Guardian", "report"), ("Washington Post", "report")]
    police = parse(
        W("a", 2, "det", "DET"),
        W("police", 2, "compound", "NOUN"),
        W("report", 3, "nsubj", "NOUN"),
        W("said", 3, "ROOT", "VERB", "say", "VBD"),
        W("he", 5, "nsubj", "PRON"),
        W("fled", 3, "ccomp", "VERB", "flee", "VBD"),
    )
    assert credits(police) == []


def test_an_organisation_saying_is_a_speaker_but_a_newspaper_saying_is_a_credit() -> None:
    embassy = parse(
        W("the", 2, "det", "DET"),
        W("Ukrainian", 2, "amod", "ADJ", ent="B-NORP"),
        W("embassy", 3, "nsubj", "NOUN"),
        W("said", 3, "ROOT", "VERB", "say", "VBD"),
    )
    assert credits(embassy) == []
    newspaper = parse(
        W("the", 3, "det", "DET"),
        W("Mainichi", 2, "compound", "PROPN", ent="B-ORG"),
        W("Shimbun", 3, "compound", "PROPN", ent="I-ORG"),
        W("newspaper", 4, "nsubj", "NOUN"),
        W("said", 4, "ROOT", "VERB", "say", "VBD"),
    )
    assert credits(newspaper) == [("Mainichi Shimbun", "report")]


def test_according_to_a_name_and_to_a_report_by_one() -> None:
    named = parse(
        W("According", 4, "prep", "VERB", "accord", "VBG"),
        W("to", 0, "prep", "ADP"),
        W("The", 3, "det", "DET"),
        W("Mainichi", 1, "pobj", "PROPN", ent="B-GPE"),  # a tagger's guess: still a credit
        W("rose", 4, "ROOT", "VERB", "rise", "VBD"),
    )
    assert credits(named) == [("Mainichi", "report")]
    report = parse(
        W("Prices", 1, "nsubj", "NOUN", "price"),
        W("rose", 1, "ROOT", "VERB", "rise", "VBD"),
        W("according", 1, "prep", "VERB", "accord", "VBG"),
        W("to", 2, "prep", "ADP"),
        W("a", 5, "det", "DET"),
        W("report", 3, "pobj", "NOUN"),
        W("by", 5, "prep", "ADP"),
        W("Kyodo", 6, "pobj", "PROPN", ent="B-ORG"),
    )
    assert credits(report) == [("Kyodo", "report")]


def test_according_to_a_titled_name_is_a_person_not_an_outlet() -> None:
    """ "according to Lt. Cooper" (the tagger left Cooper unmarked) names a person; "the
    Justice Department revealed" (a body the tagger marks) still credits it."""
    titled = parse(
        W("Three", 1, "nummod", "NUM"),
        W("others", 2, "nsubjpass", "NOUN", "other"),
        W("injured", 2, "ROOT", "VERB", "injure", "VBN"),
        W("according", 2, "prep", "VERB", "accord", "VBG"),
        W("to", 3, "prep", "ADP"),
        W("Lt.", 6, "compound", "PROPN"),
        W("Cooper", 4, "pobj", "PROPN"),
    )
    assert credits(titled) == []
    body = parse(
        W("The", 2, "det", "DET"),
        W("Justice", 2, "compound", "PROPN", ent="B-ORG"),
        W("Department", 3, "nsubj", "PROPN", ent="I-ORG"),
        W("revealed", 3, "ROOT", "VERB", "reveal", "VBD"),
        W("the", 5, "det", "DET"),
        W("report", 3, "dobj", "NOUN"),
    )
    assert credits(body) == [("Justice Department", "report")]


def test_as_quoted_by_an_outlet() -> None:
    doc = parse(
        W("he", 1, "nsubj", "PRON"),
        W("said", 1, "ROOT", "VERB", "say", "VBD"),
        W("as", 3, "mark", "SCONJ"),
        W("quoted", 1, "advcl", "VERB", "quote", "VBN"),
        W("by", 3, "agent", "ADP"),
        W("Reuters", 4, "pobj", "PROPN", ent="B-ORG"),
    )
    assert credits(doc) == [("Reuters", "report")]


def test_told_reporters_or_said_on_monday_is_no_credit() -> None:
    doc = parse(
        W("Aso", 1, "nsubj", "PROPN", ent="B-PERSON"),
        W("told", 1, "ROOT", "VERB", "tell", "VBD"),
        W("reporters", 1, "dobj", "NOUN", "reporter"),
        W("on", 1, "prep", "ADP"),
        W("Monday", 3, "pobj", "PROPN", ent="B-DATE"),
    )
    assert credits(doc) == []


def test_the_newspaper_is_the_outlet_credited_before_and_a_newspaper_is_unnamed() -> None:
    """ "Schiff told The Washington Post … He told the paper that …": the second credit
    is the Post's. With no outlet credited before it, or as "a local newspaper", the
    words relay a report the article does not name (no origin of their own)."""
    named = parse(
        W("Schiff", 1, "nsubj", "PROPN", ent="B-PERSON"),
        W("told", 1, "ROOT", "VERB", "tell", "VBD"),
        W("The", 4, "det", "DET"),
        W("Washington", 4, "compound", "PROPN", ent="B-ORG"),
        W("Post", 1, "dobj", "PROPN", ent="I-ORG"),
    )
    back = parse(
        W("He", 1, "nsubj", "PRON"),
        W("told", 1, "ROOT", "VERB", "tell", "VBD"),
        W("the", 3, "det", "DET"),
        W("paper", 1, "dobj", "NOUN"),
        W("it", 5, "nsubj", "PRON"),
        W("ended", 1, "ccomp", "VERB", "end", "VBD"),
    )
    found = [*sentence_credits(named[:], 0), *sentence_credits(back[:], 100)]
    assert [(c.outlet, c.kind) for c in resolved(found)] == [
        ("Washington Post", "interview"),
        ("Washington Post", "interview"),
    ]
    assert resolved(found)[1].start == 100 + back.text.index("told")
    alone = resolved(list(sentence_credits(back[:], 0)))
    assert [(c.outlet, c.kind) for c in alone] == [(UNNAMED, "unnamed")]
    local = parse(
        W("A", 1, "det", "DET"),
        W("neighbor", 2, "nsubj", "NOUN"),
        W("told", 2, "ROOT", "VERB", "tell", "VBD"),
        W("a", 5, "det", "DET"),
        W("local", 5, "amod", "ADJ"),
        W("newspaper", 2, "dobj", "NOUN"),
    )
    assert resolved(found[:1] + list(sentence_credits(local[:], 100)))[1].outlet == UNNAMED
    agency = parse(
        W("the", 1, "det", "DET"),
        W("agency", 2, "nsubj", "NOUN"),
        W("said", 2, "ROOT", "VERB", "say", "VBD"),
    )
    assert credits(agency) == []  # a government agency speaks for itself


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("TOKYO (Reuters) - Japan said on Monday", "Reuters"),
        ("WASHINGTON (AP) — The Senate voted", "AP"),
        ("TOKYO - Japan said on Monday (Reuters) -", None),
        ("Japan said on Monday it would act.", None),
    ],
)
def test_a_wire_dateline_credits_the_article(text: str, outlet: str | None) -> None:
    credit = dateline_credit(text)
    assert (credit.outlet if credit else None) == outlet


def test_outlet_names_fold_to_one_origin() -> None:
    assert outlet_key("the Mainichi Shimbun newspaper") == outlet_key("Mainichi Shimbun")
    assert same_outlet(outlet_key("The Mainichi"), outlet_key("the Mainichi Shimbun"))
    assert outlet_key("The Japan Times") == "japan times"
    assert not same_outlet(outlet_key("The Japan Times"), outlet_key("The Japanese Times"))
    assert not same_outlet(outlet_key("New York Times"), outlet_key("New York Post"))


def test_independent_origins_count_copies_shared_origins_and_credits_once() -> None:
    lines = Lines.of(
        {
            "a": SourceLinks(origins=["wire-1", "Reuters"]),
            "b": SourceLinks(origins=["wire-1"]),
            "c": SourceLinks(derived_from=["a"]),
            "d": SourceLinks(),
            "e": SourceLinks(publisher="Reuters"),
            "g": SourceLinks(),
        }
    )
    assert lines.count([("a", None), ("b", None), ("c", None)]) == 1
    assert lines.count([("a", None), ("d", None)]) == 2
    assert lines.count([("d", "the Reuters news agency"), ("b", None)]) == 1
    assert lines.count([("d", None), ("e", None), ("a", None)]) == 2
    assert lines.count([("d", "Kyodo"), ("d", None)]) == 1, "one source is one origin"
    relayed = ("g", UNNAMED)  # "has reportedly thanked": a report it does not name
    assert lines.count([("a", None), relayed]) == 1
    assert lines.count([relayed]) == 1
    assert lines.count([("a", None), relayed, ("d", None)]) == 2


def test_an_outlet_credited_by_name_is_the_source_published_at_its_web_address() -> None:
    """ "…, according to WDBJ7" in one outlet's story, and the story of the outlet
    whose publisher is "wdbj7.com": one origin, not two."""
    assert outlet_key("www.wdbj7.com") == outlet_key("WDBJ7") == "wdbj7"
    assert outlet_key("bbc.co.uk") == "bbc"
    assert same_outlet(outlet_key("ABC7 Chicago"), outlet_key("abc7chicago.com"))
    lines = Lines.of(
        {
            "wtkr": SourceLinks(publisher="wtkr.com"),
            "wdbj7": SourceLinks(publisher="wdbj7.com"),
            "wsls": SourceLinks(publisher="wsls.com"),
        }
    )
    assert lines.count([("wtkr", "WDBJ7"), ("wdbj7", None)]) == 1
    assert lines.count([("wtkr", "WDBJ7"), ("wsls", None)]) == 2


def test_a_citation_traces_to_the_credit_in_or_just_before_it_else_its_sources_origin() -> None:
    from sitegen.extract.records import ArticleFacts, Credit
    from sitegen.factbase.model import Citation, Claim, Source
    from sitegen.merge.credited import citation_origins
    from sitegen.merge.params import MergeParams

    text = (
        "Kurogi told Reuters he phoned the embassy.\n\n"
        "He added, in a talk with The Japan Times:\n\n"
        "“I am ready to go.”\n\n"
        "The embassy declined his offer.\n"
    )

    def cite(words: str) -> Citation:
        start = text.index(words)
        return Citation("a", words, start, start + len(words))

    reuters = text.index("told Reuters")
    times = text.index("The Japan Times")
    credits = [
        Credit("Reuters", "interview", reuters, reuters + len("told Reuters")),
        Credit("Japan Times", "interview", times, times + len("The Japan Times")),
    ]
    phoned, ready, declined = (
        cite("Kurogi told Reuters he phoned the embassy."),
        cite("“I am ready to go.”"),
        cite("The embassy declined his offer."),
    )
    claim = Claim(
        id="x", statement="x", citations=[phoned, ready, declined], status="single-source"
    )
    source = Source("a", "seeds/a.txt", "0", "A", origins=["wire-1"])
    facts = [ArticleFacts("a", credits=credits)]
    citation_origins([claim], {"a": source}, facts, {"a": text}, {}, MergeParams())
    assert [c.origin for c in claim.citations] == ["Reuters", "Japan Times", "wire-1"]


def test_a_passage_two_outlets_print_word_for_word_is_one_origin() -> None:
    """Two outlets printing one wire sentence word for word are one origin, not
    corroboration; the same quotation in two outlets' own sentences is not, nor is a
    sentence of their own that shares a few words."""
    from sitegen.factbase.model import Citation, Claim, Source
    from sitegen.merge.credited import citation_origins
    from sitegen.merge.params import MergeParams
    from sitegen.origins import Lines, SourceLinks

    wire = "The final wording won't be released until the national board approves the resolution in October."
    texts = {
        "a": f"{wire}\n\nThe mayor said: “We will rebuild the library and the park this year, whatever it costs.”\n",
        "b": f"Officials met on Tuesday. {wire}\n\n“We will rebuild the library and the park this year, whatever it costs,” she told us.\n",
        "c": "The board must still approve the resolution, which will not be released before October.\n",
    }

    def cite(source: str, words: str) -> Citation:
        start = texts[source].index(words)
        return Citation(source, words, start, start + len(words))

    released = Claim(
        id="released",
        statement=wire,
        citations=[cite("a", wire), cite("b", wire), cite("c", texts["c"].strip())],
        status="corroborated",
    )
    quoted = Claim(
        id="quoted",
        statement="x",
        citations=[
            cite("a", texts["a"].split("\n\n")[1].strip()),
            cite("b", texts["b"].split("\n\n")[1].strip()),
        ],
        status="corroborated",
    )
    sources = {s: Source(s, f"seeds/{s}.txt", "0", s.upper()) for s in texts}
    citation_origins([released, quoted], sources, [], texts, {}, MergeParams())
    origins = [c.origin for c in released.citations]
    assert origins[0] == origins[1] and origins[0] is not None and origins[2] is None
    assert [c.origin for c in quoted.citations] == [None, None]
    lines = Lines.of({s: SourceLinks() for s in texts})
    assert lines.count((c.source, c.origin) for c in released.citations) == 2
