"""Ingest: decoding, front matter, titles, and which paragraphs may be cited."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.errors import InputError
from sitegen.ingest import PROSE, classify, read_articles, read_one, split_blocks


@pytest.mark.parametrize(
    ("paragraph", "kind"),
    [
        ("Photo/Illustration A volunteer at the front (Provided by the volunteer)", "caption"),
        ("A harbour at dawn. (AP Photo/Jane Roe)", "caption"),
        ("Screen-Shot-2022-03-02-at-9.18.21-AM Volunteers Line Up For The Front", "filename"),
        ("IMG_2041.jpg", "filename"),
        ("TRENDING: Searches For Umbrellas Skyrocket", "teaser"),
        ("READ MORE: The Mayor's Plan For Bridges", "teaser"),
        ("Source", "heading"),
        ("Heartening to see people offer support", "heading"),
        ("JAPAN GIVES", "heading"),
        ("By Jane Roe and Max Mustermann", "byline"),
        ("The council voted 7-2 on Tuesday to reopen the bridge.", PROSE),
        ("Chief Engineer Ann Lee told reporters:", PROSE),
        ("In his appeal, the mayor wrote,", PROSE),
        ("“We will rebuild it,” she said.", PROSE),
    ],
)
def test_paragraph_kinds(paragraph: str, kind: str) -> None:
    assert classify(paragraph) == kind


def test_author_promo_at_the_end_is_not_prose() -> None:
    text = ("The bridge reopened on Monday.\n\nJane Roe writes for the Daily Planet. "
            "Her new book is available on Amazon; find her on Facebook.")
    kinds = [b.kind for b in split_blocks(text)]
    assert kinds == [PROSE, "promo"]


def test_offsets_index_the_decoded_text(tmp_path: Path) -> None:
    raw = "\ufeffFirst line\r\n\r\nBad byte \xff here.\r\n\r\nLast.".encode("utf-8")
    raw = raw.replace(b"\xc3\xbf", b"\xff")  # an invalid UTF-8 byte, as scraped text has
    path = tmp_path / "a.txt"
    path.write_bytes(raw)
    article = read_one(path, tmp_path, "a")
    text = raw.decode("utf-8", errors="replace")
    assert article.text == text
    spans = [text[b.start:b.end] for b in article.blocks]
    assert spans[1] == "Bad byte \ufffd here."
    assert all(s == s.strip() for s in spans)


def test_front_matter_gives_metadata(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text("---\ntitle: Bridge Reopens\npublisher: Daily Planet\n"
                    "date: March 2, 2022\nurl: https://example.org/b\n---\n"
                    "The bridge reopened on Monday.\n", encoding="utf-8")
    article = read_one(path, tmp_path, "story")
    assert (article.title, article.publisher, article.date) == (
        "Bridge Reopens", "Daily Planet", "2022-03-02")
    assert article.text[article.prose[0].start:].startswith("The bridge")


def test_header_line_gives_date_and_title(tmp_path: Path) -> None:
    path = tmp_path / "b.txt"
    path.write_text(" date 2022-03-02 Bridge Reopens After Storm\n\nThe bridge reopened.\n",
                    encoding="utf-8")
    article = read_one(path, tmp_path, "b")
    assert (article.date, article.title) == ("2022-03-02", "Bridge Reopens After Storm")
    assert [b.kind for b in article.blocks] == ["title", PROSE]


def test_dateline_is_not_part_of_the_first_fact(tmp_path: Path) -> None:
    path = tmp_path / "c.txt"
    path.write_text("OSLO, Norway: Forty workers repaired the bridge.\n", encoding="utf-8")
    article = read_one(path, tmp_path, "c")
    assert article.text[article.prose[0].start:article.prose[0].end].startswith("Forty")
    assert article.title.startswith("Forty workers")


def test_bad_front_matter_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "d.md"
    path.write_text("---\ntitle: ok\ndate: [unclosed\n---\nBody.\n", encoding="utf-8")
    with pytest.raises(InputError) as error:
        read_one(path, tmp_path, "d")
    assert error.value.location.path == path
    assert error.value.location.line in (3, 4)


def test_ids_are_stable_slugs_of_file_names(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    (seeds / "sub").mkdir(parents=True)
    for name in ("B_Story.txt", "a.md", "sub/c.txt", ".hidden.txt", "notes.pdf"):
        (seeds / name).write_text("Text.", encoding="utf-8")
    assert [a.id for a in read_articles(seeds, tmp_path)] == ["a", "b-story", "sub-c"]
