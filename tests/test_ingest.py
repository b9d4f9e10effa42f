"""Ingest: decoding, front matter, titles, and which paragraphs may be cited."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitegen.config import load_config
from sitegen.errors import ConfigError, InputError
from sitegen.ingest import (
    MAX_BLOCK,
    PROSE,
    SKIPPED,
    Block,
    classify,
    read_articles,
    read_one,
    split_blocks,
    split_long,
)


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
    text = (
        "The bridge reopened on Monday.\n\nJane Roe writes for the Daily Planet. "
        "Her new book is available on Amazon; find her on Facebook."
    )
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
    spans = [text[b.start : b.end] for b in article.blocks]
    assert spans[1] == "Bad byte \ufffd here."
    assert all(s == s.strip() for s in spans)


def test_front_matter_gives_metadata(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(
        "---\ntitle: Bridge Reopens\npublisher: Daily Planet\n"
        "date: March 2, 2022\nurl: https://example.org/b\n---\n"
        "The bridge reopened on Monday.\n",
        encoding="utf-8",
    )
    article = read_one(path, tmp_path, "story")
    assert (article.title, article.publisher, article.date) == (
        "Bridge Reopens",
        "Daily Planet",
        "2022-03-02",
    )
    assert article.text[article.prose[0].start :].startswith("The bridge")


@pytest.mark.parametrize(
    ("line", "cited"),
    [
        ('title: "Two dead, three hurt in crash"', True),
        ("title: Two dead, three hurt in crash", True),
        ('title: "Two dead, \\"three\\" hurt in crash"', False),  # escaped: not verbatim
    ],
)
def test_the_headline_is_found_verbatim_in_the_front_matter(
    tmp_path: Path, line: str, cited: bool
) -> None:
    path = tmp_path / "story.md"
    path.write_text(f"---\n{line}\n---\n\nThe road reopened.\n", encoding="utf-8")
    article = read_one(path, tmp_path, "story")
    headline = article.headline
    if not cited:
        assert headline is None
        return
    assert headline is not None
    assert article.text[headline.start : headline.end] == article.title


def test_a_header_lines_headline_is_its_title_part(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(
        " date 2022-03-02 Two Hurt As Bridge Fails\n\nThe bridge fell.\n", encoding="utf-8"
    )
    article = read_one(path, tmp_path, "story")
    assert article.headline is not None
    assert article.text[article.headline.start : article.headline.end] == "Two Hurt As Bridge Fails"


def test_an_ad_slot_run_in_between_sentences_is_set_apart(tmp_path: Path) -> None:
    """ "… has died. Advertisement Orlando police said …": the label is the page's, and
    would open the next sentence; "An advertisement ran." is prose."""
    path = tmp_path / "story.md"
    path.write_text(
        "---\ntitle: x\n---\n\nA man has died. Advertisement Police said shots rang out.  "
        "ADVERTISEMENT  An advertisement ran.\n",
        encoding="utf-8",
    )
    article = read_one(path, tmp_path, "story")
    assert [(b.kind, article.text[b.start : b.end]) for b in article.blocks] == [
        (PROSE, "A man has died."),
        ("promo", "Advertisement"),
        (PROSE, "Police said shots rang out."),
        ("promo", "ADVERTISEMENT"),
        (PROSE, "An advertisement ran."),
    ]


def test_header_line_gives_date_and_title(tmp_path: Path) -> None:
    path = tmp_path / "b.txt"
    path.write_text(
        " date 2022-03-02 Bridge Reopens After Storm\n\nThe bridge reopened.\n", encoding="utf-8"
    )
    article = read_one(path, tmp_path, "b")
    assert (article.date, article.title) == ("2022-03-02", "Bridge Reopens After Storm")
    assert [b.kind for b in article.blocks] == ["title", PROSE]


def test_dateline_is_not_part_of_the_first_fact(tmp_path: Path) -> None:
    path = tmp_path / "c.txt"
    path.write_text("OSLO, Norway: Forty workers repaired the bridge.\n", encoding="utf-8")
    article = read_one(path, tmp_path, "c")
    assert article.text[article.prose[0].start : article.prose[0].end].startswith("Forty")
    assert article.title.startswith("Forty workers")


def test_a_title_run_into_a_paragraph_is_cut_out_of_its_prose(tmp_path: Path) -> None:
    """A web page printing its headline inside a paragraph ("News Baby, man killed in
    park shooting An infant and a man were shot …"): the headline is set apart as a
    title block, and a lead that goes on after the title's words keeps them."""
    path = tmp_path / "e.md"
    title = "Baby, man killed in park shooting"
    path.write_text(
        f'---\ntitle: "{title}"\n---\n\nLast week there was rain. News {title} An infant '
        f"and a man were shot near the park Sunday.\n\n{title}, police said on Monday.\n",
        encoding="utf-8",
    )
    article = read_one(path, tmp_path, "e")
    prose = [article.text[b.start : b.end] for b in article.prose]
    assert prose == [
        "Last week there was rain. News",
        "An infant and a man were shot near the park Sunday.",
        f"{title}, police said on Monday.",
    ]
    assert [b.kind for b in article.blocks].count("title") == 1


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


def pieces_of(text: str, size: int = MAX_BLOCK) -> list[Block]:
    """`split_long` of the whole (trimmed) text, checked: each piece a trimmed slice of
    at most `size` characters, in order, with only whitespace between them, so the
    pieces are the block verbatim, nothing lost, nothing moved."""
    start = len(text) - len(text.lstrip())
    block = Block(start, len(text.rstrip()), PROSE)
    pieces = split_long(text, block, size)
    assert (pieces[0].start, pieces[-1].end) == (block.start, block.end)
    for piece in pieces:
        chunk = text[piece.start : piece.end]
        assert chunk and chunk == chunk.strip() and len(chunk) <= size
        assert piece.kind == PROSE
    for left, right in pairwise(pieces):
        assert left.end <= right.start and not text[left.end : right.start].strip()
    return pieces


def test_a_long_paragraph_is_cut_at_sentence_ends() -> None:
    text = " ".join(
        f"Witness {n} said the {'very ' * (n % 9)}old pier moved {n} metres." for n in range(600)
    )
    pieces = pieces_of(text)
    assert len(text) > 6 * MAX_BLOCK and len(pieces) >= len(text) // MAX_BLOCK
    assert all(text[p.end - 1] == "." for p in pieces)


def test_line_breaks_are_preferred_to_sentence_ends() -> None:
    text = "\n".join(f"Line {n} says one thing. And then another thing." for n in range(400))
    pieces = pieces_of(text)
    assert len(pieces) > 1
    assert all(text[p.end : p.end + 1] in ("\n", "") for p in pieces)


@pytest.mark.parametrize("unit", ["word ", "x", "日本語の文字", "\ufffd\x00"])
def test_a_block_with_no_sentence_end_is_still_cut(unit: str) -> None:
    text = unit * (3 * MAX_BLOCK // len(unit) + 7)
    pieces = pieces_of(text)
    assert len(pieces) >= 3
    if " " in unit:  # between words, never inside one
        assert all(text[p.end : p.end + 1] in (" ", "") for p in pieces)


@given(
    st.text(
        alphabet=st.sampled_from(list("ab .。!\n\r\t\u00a0\u2028“”😀")), min_size=1, max_size=300
    ).filter(str.strip),
    st.integers(min_value=1, max_value=40),
)
@settings(max_examples=300)
def test_any_block_splits_into_verbatim_pieces(text: str, size: int) -> None:
    pieces_of(text, size)


def test_prose_past_the_limit_is_skipped_with_a_warning(tmp_path: Path) -> None:
    paragraph = " ".join(
        f"The council met {n} times and agreed on {n + 1} points." for n in range(30)
    )
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join([paragraph] * 20), encoding="utf-8")
    limit = 3 * len(paragraph) + len(paragraph) // 2  # inside the fourth paragraph
    article = read_one(path, tmp_path, "long", limit)
    assert article.cut == limit
    assert article.prose and all(b.end <= limit for b in article.prose)
    assert article.prose[-1].end > limit - MAX_BLOCK  # read up to the limit, not short of it
    assert article.text[article.prose[-1].end - 1] == "."
    skipped = [b for b in article.blocks if b.kind == SKIPPED]
    assert skipped[-1].end == len(article.text.rstrip())
    unread = sum(b.end - b.start for b in skipped)
    assert [
        w
        for w in article.warnings
        if f"{unread:,}" in w and "extract_limit" in w and f"first {limit:,}" in w
    ]
    whole = read_one(path, tmp_path, "long", len(article.text))
    assert (whole.cut, whole.warnings) == (None, [])
    assert [b.kind for b in whole.blocks] == [PROSE] * len(whole.blocks)


@pytest.mark.parametrize("value", ["'lots'", "0", "-5", "true", "1.5"])
def test_extract_limit_must_be_a_positive_count(tmp_path: Path, value: str) -> None:
    (tmp_path / "sitegen.yaml").write_text(f"extract_limit: {value}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_config(tmp_path)
    assert "extract_limit" in error.value.message and error.value.location.line == 1
    (tmp_path / "sitegen.yaml").write_text("extract_limit: 250000\n", encoding="utf-8")
    assert load_config(tmp_path).extract_limit == 250_000
