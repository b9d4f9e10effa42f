"""Extraction survives whatever marks a web page leaves: quotation marks never closed,
nested or crossing paragraphs, stray brackets and dashes. The spans built from quote
positions stay valid (no spaCy E035), and an unexpected error in one article is a
warning naming its file and line, not the end of the build."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sitegen.extract.article as article_module
from sitegen.cli import main
from sitegen.extract import extract_articles
from sitegen.extract.quotes import continued_quote, disjoint, find_quotes
from sitegen.ingest import Article, split_blocks
from sitegen.nlp import load_model
from tests.builders import article

# A made-up local story in the shape of web copy: dateline, quotations split around
# their attribution, a quotation running over two paragraphs, a quoted single word.
STORY = (
    "RIVERTON — Two people were hurt when a truck hit a bus shelter on Main Street on "
    "Tuesday, police said.\n\n"
    "“The driver lost control on the ice,” said Sgt. Maria Lopez of the Riverton police. "
    "“We are still talking to witnesses.\n\n"
    "“Anyone who saw the crash should call us,” she said.\n\n"
    "Lopez said the driver, a 34-year-old man from Fairview, was taken to Mercy Hospital "
    "(the nearest trauma center) and later released.\n\n"
    '"It happened so fast," said Tom Reed, who runs a bakery across the street. "I heard '
    'a bang and then people were screaming."\n\n'
    'City council member Ana Ruiz called the crossing "dangerous" and said she would ask '
    "for a new light — the third such request in two years.\n\n"
    "The shelter, built in 1998, will be replaced, the city’s transit agency said in a "
    "statement. «We regret the disruption», it added.\n"
)
DOUBLE = ['"', "“", "”", "«", "»", "„"]  # drawn more often: they carry the most rules
MARKS = ['"', "“", "”", "'", "‘", "’", "«", "»", "„", "(", ")", "[", "]", "—", "–", "-"]


@st.composite
def mangled(draw: st.DrawFn) -> str:
    """STORY with marks inserted and characters deleted at random places."""
    text = STORY
    for _ in range(draw(st.integers(1, 8))):
        # at a word's edge, where a mark opens or closes a quotation, or anywhere
        edges = [m.start() for m in re.finditer(r"\b|\s|$", text)]
        at = draw(st.sampled_from(edges) | st.integers(0, len(text)))
        if draw(st.integers(0, 3)):
            mark = draw(st.sampled_from(DOUBLE) | st.sampled_from(MARKS))
            text = text[:at] + mark + text[at:]
        else:
            text = text[:at] + text[at + 1 :]
    if draw(st.booleans()):  # single line breaks between paragraphs, as some pages have
        text = text.replace("\n\n", "\n")
    return text


@pytest.fixture(scope="module", autouse=True)
def _model() -> None:
    load_model()


def test_an_unclosed_quotation_then_a_quoted_word_is_read() -> None:
    """The shape that made spaCy raise E035: a paragraph opening a quotation it never
    closes, then a paragraph putting one word in quotation marks."""
    text = (
        'The mayor said "we will rebuild the school and the road before the winter.\n\n'
        'She called the plan "historic" and said the work starts on Monday in Riverton.\n'
    )
    [facts] = extract_articles([article(text)], load_model())
    assert facts.failure is None
    assert facts.facts, "both paragraphs hold checkable facts"


@given(mangled())
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_quote_spans_are_ordered_and_disjoint_in_their_paragraph(text: str) -> None:
    blocks = split_blocks(text)
    previous = None
    for block in blocks:
        marks = find_quotes(text, block.start, block.end)
        if previous and not previous[-1].closed:
            marks = continued_quote(text, block.start, block.end) + marks
        marks = disjoint(marks, block.start, block.end)
        for one, two in itertools.pairwise(marks):
            assert one.end <= two.start
        for mark in marks:
            assert block.start <= mark.start < mark.end <= block.end
            assert mark.start <= mark.inner_start <= mark.inner_end <= mark.end
        previous = marks


@given(mangled())
@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_mangled_quotation_marks_never_break_extraction(text: str) -> None:
    [facts] = extract_articles([article(text)], load_model())
    assert facts.failure is None, facts.failure
    for fact in facts.facts:
        assert text[fact.start : fact.end] == fact.text
        assert fact.start < fact.end


def test_an_error_in_one_article_is_a_warning_and_the_build_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "good.txt").write_text(STORY, encoding="utf-8")
    (seeds / "bad.txt").write_text(
        "Flood closes bridge\n\nThe Elm Street bridge closed on Monday, officials said.\n\n"
        "BOOM: the council met on Tuesday and voted 7-2 to repair it by May.\n",
        encoding="utf-8",
    )
    read_block = article_module._read_block

    def failing(article: Article, parsed: article_module._Block, *args: object) -> object:
        if parsed.doc.text.startswith("BOOM"):
            raise RuntimeError("unexpected")
        return read_block(article, parsed, *args)

    monkeypatch.setattr(article_module, "_read_block", failing)
    assert main(["extract", "--project", str(tmp_path), "-q"]) == 0
    err = capsys.readouterr().err
    assert "seeds/bad.txt:5: warning: extraction failed (RuntimeError: unexpected)" in err
    sources = {p.read_text(encoding="utf-8") for p in (tmp_path / "content/claims").glob("*")}
    assert any("source: good" in s for s in sources), "the other article's facts are kept"
    assert not any("source: bad" in s for s in sources), "the failed article's are left out"
    assert main(["extract", "--project", str(tmp_path), "-q", "--strict"]) == 1
    assert "--strict" in capsys.readouterr().err


@pytest.mark.slow
@pytest.mark.corpus
def test_every_corpus_article_is_extracted(tmp_path: Path) -> None:
    """Every article of ../shared/corpora, as a user's seeds, through the real extractor
    in one model load (extraction only: merging is not what can crash here)."""
    from benchmarks.corpus import CORPORA, load_clusters, write_project
    from sitegen.ingest import read_articles

    names = ["basil-dev.jsonl", "gva-dev.jsonl"]
    if not all((CORPORA / name).is_file() for name in names):
        pytest.skip(f"corpora not found in {CORPORA} (set SITEGEN_CORPORA)")
    articles = []
    for name in names:
        for cluster in load_clusters(name):
            root = write_project(cluster, tmp_path / cluster.cluster_id)
            articles += read_articles(root / "seeds", root)
    failed = [
        f"{a.file}:{facts.failure_line}: {facts.failure}"
        for a, facts in zip(articles, extract_articles(articles, load_model()), strict=True)
        if facts.failure is not None
    ]
    assert not failed, "\n".join(failed)
