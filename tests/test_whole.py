"""What `sitegen extract` does beyond parsing, made cheaper without changing its output:
the extraction cache's JSON, streamed writes in blocks, the exit, the furniture test
asked once per sentence."""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitegen import cli, fsutil, furniture
from sitegen.extract.cache import ExtractionCache
from sitegen.extract.mentions import has_word
from sitegen.extract.records import ArticleFacts, Credit, FactCandidate, NameMention, Speaker
from sitegen.factbase.model import Figure
from sitegen.furniture import is_furniture
from tests.builders import article


def facts_of(source: str) -> ArticleFacts:
    """Records of every kind, nested, with None, lists, numbers and non-ASCII words."""
    fact = FactCandidate(
        source=source,
        start=0,
        end=31,
        text="“We will stay,” said Ana Lòpez.",
        kind="quote",
        quote="We will stay",
        speaker=Speaker("Ana Lòpez", True),
        names=["Ana Lòpez"],
        figures=[Figure(value=2.5, text="2.5 million", unit="USD", increment=True)],
        lemmas=["stay"],
    )
    return ArticleFacts(
        source=source,
        mentions=[NameMention("Ana Lòpez", 21, 30, "PERSON", evidence=["speaker"])],
        facts=[fact],
        credits=[Credit("Daily Bugle", "report", 40, 51)],
    )


def test_the_extraction_cache_writes_the_json_of_its_records(tmp_path: Path) -> None:
    story = article("“We will stay,” said Ana Lòpez.")
    facts = facts_of(story.id)
    cache = ExtractionCache(tmp_path, "en_core_web_sm")
    cache.put(story, facts)
    written = next((tmp_path / "extract").glob("*.json")).read_text(encoding="utf-8")
    expected = json.dumps(dataclasses.asdict(facts), ensure_ascii=False, sort_keys=True)
    assert written == expected
    assert cache.get(story) == facts


def test_a_stream_of_tiny_chunks_is_written_whole(tmp_path: Path) -> None:
    chunks = [f"{n}," for n in range(3 * fsutil.BLOCK_CHARS // 4)]  # blocks and a tail
    path = tmp_path / "stream.json"
    sha = fsutil.write_stream(path, iter(chunks))
    text = "".join(chunks)
    assert path.read_text(encoding="utf-8") == text
    assert sha == hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_many_writes_make_their_folders(tmp_path: Path) -> None:
    texts = {tmp_path / kind / f"{n}.yaml": f"id: {n}\n" for kind in "ab" for n in range(3)}
    assert fsutil.write_many(texts, lambda _: True) == []
    assert all(path.read_text(encoding="utf-8") == text for path, text in texts.items())


def test_the_command_returns_the_exit_code_and_leaves_the_heap_frozen(tmp_path: Path) -> None:
    try:
        code = cli.run(["check", "--project", str(tmp_path / "none")])
        assert code == cli.main(["check", "--project", str(tmp_path / "none")]) != 0
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_furniture_is_the_same_answer_asked_again() -> None:
    for text in ("Follow Jane Roe on Twitter @janeroe.", "Two men were hurt, police said."):
        first = is_furniture(text)
        assert is_furniture(" ".join(text.split(" "))) is first
        assert furniture._furniture.__wrapped__(text) is first  # type: ignore[attr-defined]


def _kind_in_the_order_written(text: str) -> str | None:
    """`kind_of` as its tests are written out, one after another."""
    if furniture._EMBEDDED_POST.search(text):
        return "embed"
    if (
        furniture._player_parts(text)
        or furniture._credit_at_end(text)
        or furniture._MORE_MEDIA.search(text)
        or furniture._caption_track(text)
    ):
        return "caption"
    return "promo" if furniture._other_furniture(text) else None


_GUARDED = [v for v in vars(furniture).values() if isinstance(v, furniture._Guarded)]
_GUARD_TEXTS = [
    "Two men were hurt, police said.",
    "STAFF WRİTER Jane Roe",  # a dotted capital I: "i" to a pattern that ignores case
    "ſtaff wrıter Jane Roe",  # a long s and a dotless i: "s" and "i" to it
    "Copyright 2020 The Daily Bugle. All Rights Reserved.",
    "(Additional reporting by Jane Roe; editing by John Doe)",
    "UPDATED: 5:12 PM EST",
    "Call 713-222-TIPS or visit www.crimestoppers.org or https://example.com",
    "Follow @janeroe",
    "I love this city. — Jane Roe (@janeroe) June 9, 2016",
    "pic.twitter.com/abc",
    "A Flood Watch in effect until 10 PM EDT",
]


@pytest.mark.parametrize("text", _GUARD_TEXTS)
def test_a_pattern_asked_only_where_its_words_are_finds_what_it_finds_alone(text: str) -> None:
    """Each guarded pattern finds a match exactly where the pattern alone does: its
    words are in every text it matches, in any case a pattern that ignores case takes."""
    assert len(_GUARDED) >= 9
    for guarded in _GUARDED:
        for variant in (text, text.upper(), text.lower(), text.title()):
            alone = guarded.pattern.search(variant)
            assert (guarded.search(variant) is None) is (alone is None), (guarded, variant)


@given(st.text(alphabet="ſıİK" + "stafwrieocpyghdbu:@©()-./ 0123456789ESTD", max_size=40))
@settings(max_examples=300, deadline=None)
def test_a_guarded_pattern_answers_as_the_pattern_alone(text: str) -> None:
    for guarded in _GUARDED:
        assert (guarded.search(text) is None) is (guarded.pattern.search(text) is None)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Two men were hurt, police said.",
        "I love this city. — Jane Roe (@janeroe) June 9, 2016",
        "Skip x Embed x Share the video of the fire.",
        "Firefighters at the scene on Main Street. (Photo: Jane Roe, Daily Bugle)",
        "Crews cleared the road by noon. See more videos",
        "WEBVTT POLICE SAY FIVE PEOPLE WERE HURT IN THE CRASH ON THE HIGHWAY LAST NIGHT",
        "Sign up for our newsletter to get the news in your inbox.",
        "Follow Jane Roe on Twitter @janeroe. (Photo: Jane Roe, Daily Bugle)",
    ],
)
def test_a_paragraphs_kind_is_that_of_its_tests_in_order(paragraph: str) -> None:
    """`kind_of` first asks what `is_furniture` asks (a sentence that is a whole
    paragraph is then known), and gives the kind its tests in order give."""
    assert furniture.kind_of(paragraph) == _kind_in_the_order_written(paragraph)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("a witch hunt", "witch"),
        ("witchcraft and witches", "witch"),
        ("the st. louis office", "st."),
        ("st.louis", "st."),
        ("o'brien's car", "o'brien"),
        ("snake_case words", "snake"),
        ("café owner", "café"),
        ("cafés", "café"),
        ("2nd street", "2"),
        ("", "a"),
        ("no words", ""),
        ("...", ""),
    ],
)
def test_a_word_is_found_where_the_pattern_would_find_it(text: str, word: str) -> None:
    assert has_word(text, word) is (re.search(rf"\b{re.escape(word)}\b", text) is not None)


@pytest.mark.parametrize(
    ("text", "furniture"),
    [
        ("Updated: 5:30 PM, Monday", True),
        ("3 of 12 PHOTOS Crews clear the scene on Elm Street.", True),
        ("Tornado Watch in effect for Pine County", True),
        ("Rain ends by 9 PM EST across the county.", True),
        ("Email tips to news@example-news.com", True),
        ("The council voted 3 of 12 times against the plan, the mayor said.", False),
        ("She was watching for smoke when the fire began, police said.", False),
        ("He updated the copyrighted map on Monday, officials said.", False),
    ],
)
def test_furniture_patterns_searched_apart_still_find_their_shapes(
    text: str, furniture: bool
) -> None:
    assert is_furniture(text) is furniture
