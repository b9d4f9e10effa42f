"""What a crawled news page carries around its article: furniture recognised by shape,
paragraphs broken by single line breaks, datelines, and statements that open with a
pronoun (made-up text in the shapes of real pages)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.extract import extract_articles
from sitegen.extract.article import _opening_reference
from sitegen.extract.quotes import find_quotes
from sitegen.furniture import is_furniture, kind_of
from sitegen.ingest import PROSE, classify, read_one, split_blocks
from sitegen.merge import merge
from sitegen.nlp import load_model
from tests.builders import W, article, parse


@pytest.mark.parametrize(
    "paragraph",
    [
        "Contact Jane Roe: jroe@example-news.com or 555-123-4567.",
        "Anyone with information is asked to call Crime Line at (555) 222-TIPS.",
        "Read or Share this story: http://exm.pl/1AbC",
        "Crews clear the scene on Elm Street. — Jane Roe (@janeroe) March 3, 2016",
        "Three shot outside a bar on Elm Street 1:29 autoplay",
        "Skip in Skip x Embed x Share A crash closes the bridge.",
        "PLAY >More Local Videos Crews cleared the crash on Elm Street by noon.",
        "A memorial grows outside the school. (Photo: Jane Roe, Daily Bugle)Buy Photo",
        "Copyright 2016 Example Broadcasting. All rights reserved.",
        "This material may not be published, broadcast, rewritten or redistributed.",
        "Sign up for one of our email newsletters.",
        "Copy this code to your website",
        "Get breaking news on the go with our mobile app",
        "Jane Roe is a staff writer for the Daily Bugle.",
        "(Reporting by Jane Roe; Editing by John Doe)",
        "Daily Bugle reporters Jane Roe and John Doe contributed.",
        "Crews clear the crash on Elm Street. (John Doe/for the Daily Bugle)",
        "Related: Council votes to close the bridge",
        "Flood Warning issued for Pine County until 9:45 PM CDT",
        "Video by Jane Roe from the crash on Elm Street A crash closed the bridge. See more videos",
        "Mourners hold hands at a vigil in Elm Park. Jane Roe for Daily Bugle News",
        "Officials discuss the crash on Elm Street. Jane Roe reports. More",
        "Jane Roe works on the Real Time News Desk. She writes about crime and transit.",
        "Image 2 of 10 Crews gather behind the tape on Elm Street where two men were shot.",
        "WEBVTT >> GOOD MORNING. LET ME BEGIN.",
        "POLICE SAY FIVE PEOPLE WERE SHOT. JANE: OUR REPORTER HAS BEEN SPEAKING WITH THEM.",
    ],
)
def test_page_furniture_is_not_prose(paragraph: str) -> None:
    assert classify(paragraph) != PROSE
    assert kind_of(paragraph) is not None or is_furniture(paragraph)


@pytest.mark.parametrize(
    "paragraph",
    [
        "The shooting happened at about 2:45 a.m. on Elm Street, police said.",
        "Officers arrived at 10:30 and found two men wounded, police said.",
        "“Get out of here now,” the officer shouted, witnesses said.",
        "Anyone with information is asked to call police, the sheriff said.",
        "Many residents contributed.",
        "He said the fee rose 3 percent (John Smith).",
        "Jane Roe, 34, was taken to Mercy Hospital, where she died on Sunday.",
        "Jane Roe works for the county parks department as a nurse, her family said.",
        "He moved to Elm Park in 2010. Jane Roe voted for the Green Party that year.",
        "Slide 3 of 10 in the council's report showed the cracked beam, the engineer said.",
    ],
)
def test_article_prose_is_read(paragraph: str) -> None:
    assert classify(paragraph) == PROSE
    assert not is_furniture(paragraph)


def test_single_line_breaks_part_paragraphs_when_lines_end_sentences() -> None:
    text = (
        "Two hurt in crash\n"
        "RIVERTON — Two people were hurt when a truck hit a bus shelter, police said.\n"
        "The driver was taken to Mercy Hospital.\n"
        "Contact Jane Roe at jroe@example-news.com.\n"
    )
    kinds = [b.kind for b in split_blocks(text)]
    assert len(kinds) == 4 and kinds[-1] != PROSE
    wrapped = (
        "The council voted on Tuesday to close the bridge for\n"
        "repairs that will take until May, the mayor said after\n"
        "the meeting, which ran late.\n"
    )
    assert len(split_blocks(wrapped)) == 1, "hard-wrapped prose stays one paragraph"


def test_a_dateline_after_the_title_is_stripped(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        "Three dead in shooting\n\nRIVERTON — Three people are dead after a shooting "
        "early Sunday, police said.\n",
        encoding="utf-8",
    )
    article = read_one(path, tmp_path, "a")
    [first] = article.prose
    assert article.text[first.start : first.end].startswith("Three people are dead")


def test_a_dateline_opening_a_later_paragraph_is_stripped_too(tmp_path: Path) -> None:
    """A web page's lead is not always its first prose: the dateline of "PINE HILLS,
    Fla. — One of five people hurt … has died" would be parsed as the sentence's root.
    Past the first paragraph only a dash marks a dateline ("UPDATE: …" stays)."""
    path = tmp_path / "a.txt"
    path.write_text(
        "Three dead in shooting\n\n"
        "Neighbors gathered near the store on Elm Street on Sunday night.\n\n"
        "PINE HILLS, Fla. — One of five people hurt in a shooting on Sunday has died.\n\n"
        "RIVERTON (KDKA/AP)- Police say a man was arrested on Monday.\n\n"
        "UPDATE: Police said on Tuesday that the man was charged.\n",
        encoding="utf-8",
    )
    article = read_one(path, tmp_path, "a")
    starts = [article.text[b.start : b.end][:12] for b in article.prose]
    assert starts[1:] == ["One of five ", "Police say a", "UPDATE: Poli"]


def test_a_statement_opening_with_a_pronoun_names_its_referent_in_brackets() -> None:
    text = (
        "Mayor Tom Berg visited the flooded district on Monday with two aides.\n\n"
        "He was one of 12 mayors who signed a letter asking for federal aid in March.\n\n"
        "They were arrested by state troopers on Tuesday night.\n\n"
        "The flood reached the school at noon. Then he was hit by a falling beam on Elm "
        "Street, police said.\n"
    )
    story = article(text, "a")
    [facts] = extract_articles([story], load_model())
    [fact] = [f for f in facts.facts if f.text.startswith("He was one")]
    assert fact.standalone is not None and fact.standalone.startswith("[Tom Berg] was one")
    assert not [f for f in facts.facts if f.text.startswith("They")], "no referent: no fact"
    [then] = [f for f in facts.facts if f.text.startswith("Then he")]
    assert then.standalone and then.standalone.startswith("Then [Tom Berg] was hit")
    base = merge([story], [facts])
    [claim] = [c for c in base.claims.values() if "12 mayors" in c.statement]
    assert claim.statement.startswith("[Tom Berg] was one of 12 mayors")
    [citation] = claim.citations
    assert citation.quote == text[citation.start : citation.end]
    assert citation.quote.startswith("He was one")


def test_a_person_asked_about_is_not_the_speaker() -> None:
    text = (
        "Representative Ann Cole, asked if Mr. Tom Berg should demand the return of the "
        "funds, said, “I’ll leave that to the governor and his advisers.”\n"
    )
    [facts] = extract_articles([article(text, "a")], load_model())
    [quote] = [f for f in facts.facts if f.kind == "quote"]
    assert quote.speaker is not None and quote.speaker.text == "Ann Cole"
    assert quote.quote and quote.quote.startswith("I’ll leave that")


def test_places_and_a_plural_after_a_suffix_are_not_people() -> None:
    text = (
        "Officers found the car on Civic Center Drive near 11700 Robertson on Tuesday, "
        "and Lt. Kenny Park said the driver fled toward Pine County.\n\n"
        "The trial of Douglas Shine Jr. Jurors heard from three witnesses on Monday.\n\n"
        "The boy was taken to John H. Stroger Jr. Hospital, where he died.\n"
    )
    [facts] = extract_articles([article(text, "a")], load_model())
    names = {m.name for m in facts.mentions}
    assert not names & {"Civic Center Drive", "Pine County", "Douglas Shine Jr. Jurors"}
    assert not [n for n in names if "Stroger" in n], "a hospital named after someone"
    assert "Douglas Shine Jr." in names
    assert all("thing" in m.evidence for m in facts.mentions if m.name == "Robertson")


def test_check_warns_about_two_people_whose_names_may_be_one_spelled_two_ways(
    tmp_path: Path,
) -> None:
    from sitegen.config import load_config
    from sitegen.factbase.check import check_project
    from sitegen.namecheck import close_pairs

    people = tmp_path / "content" / "people"
    people.mkdir(parents=True)
    for person_id, name in [
        ("ana-garza", "Ana Garza"),
        ("anna-garza", "Anna Garza"),
        ("bambi-dickerson", "Bambi Dickerson"),
        ("jerry-dickerson", "Jerry Dickerson"),
    ]:
        (people / f"{person_id}.yaml").write_text(f"id: {person_id}\nname: {name}\n")
    warnings = [p for p in check_project(load_config(tmp_path)) if p.level == "warning"]
    [warning] = [w for w in warnings if "spelled two ways" in w.message]
    assert "'Ana Garza' and 'Anna Garza'" in warning.message
    assert str(warning.location).startswith("content/people/ana-garza.yaml:2")
    assert close_pairs([("a", "Eliot Isaac"), ("b", "Elliot Isaac"), ("c", "Ed Isaac")]) == [
        ("a", "b")
    ]


def test_a_paragraph_opening_with_a_pronoun_after_a_colon_is_narrative() -> None:
    text = (
        "Jane Roe, 34, was shot outside a bakery on Main Street on Sunday, police said:\n\n"
        "She was hit in the back by two bullets and taken to Mercy Hospital.\n"
    )
    [facts] = extract_articles([article(text, "a")], load_model())
    [fact] = [f for f in facts.facts if f.text.startswith("She was hit")]
    assert fact.kind != "quote"
    assert fact.standalone is not None and fact.standalone.startswith("[Jane Roe] was hit")


def test_no_bracketed_name_when_the_sentence_before_names_someone_else() -> None:
    """ "Major was shot … He later died": when the subject just before is a name the
    pronoun's resolved person does not carry, naming him would be a guess."""
    text = (
        "Police said Aaron Dunnings, 23, was arrested Tuesday in Cleveland.\n\n"
        "Major was shot in the chest in a drive-by shooting in September. "
        "He later died at the hospital.\n\n"
        "Tom Berg was arrested on Monday. He was charged with murder.\n"
    )
    [facts] = extract_articles([article(text)], load_model())
    named = {f.text: f.standalone for f in facts.facts if f.standalone}
    assert not any("Dunnings] later died" in s for s in named.values())
    assert named.get("He was charged with murder.") == "[Tom Berg] was charged with murder."


def test_a_mark_glued_to_the_sentence_before_opens_a_quotation() -> None:
    text = 'He has lived there for 50 years."We live here," said Ann Roe.'
    [mark] = find_quotes(text)
    assert mark.closed and mark.words(text) == "We live here,"


def test_a_mark_glued_after_a_quotation_still_closes_it() -> None:
    text = 'She said, "We are done."Then she left.'
    [mark] = find_quotes(text)
    assert mark.words(text) == "We are done."


def test_the_pronoun_inside_a_subject_clause_opens_the_statement() -> None:
    doc = parse(
        W("That", 4, "mark", "SCONJ", tag="IN"),
        W("he", 4, "nsubj", "PRON", tag="PRP"),
        W("is", 4, "aux", "AUX"),
        W("still", 4, "advmod", "ADV"),
        W("breathing", 5, "csubj", "VERB", "breathe", "VBG"),
        W("is", 5, "ROOT", "AUX", "be"),
        W("a", 7, "det", "DET"),
        W("miracle", 5, "attr", "NOUN"),
        W(".", 5, "punct", "PUNCT"),
    )
    opening = _opening_reference(doc[:])
    assert opening is not None and opening.text == "he"


def test_a_contributing_footer_is_no_prose() -> None:
    text = (
        "Three people were hurt in a crash on Elm Street on Friday.\n\n"
        "Jon Roe works for the Daily Bugle Albany bureau. Contributing: Ann Poe of the "
        "Daily Bugle Albany Bureau; the Associated Press"
    )
    assert [b.kind for b in split_blocks(text)] == [PROSE, "promo"]
