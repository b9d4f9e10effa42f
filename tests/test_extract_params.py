"""Extraction parameters (`sitegen.extract.params`): the default is today's behaviour, a
changed value reaches the rules in this process, in a worker process and in a Dask
task, and keys the extraction cache apart."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from sitegen.extract import extract_articles
from sitegen.extract.cache import ExtractionCache
from sitegen.extract.params import DEFAULT, current, using
from sitegen.nlp import load_model
from tests.builders import article

STORY = (
    "Officials said the storm had passed.\n\n"
    '"We are still counting the damage to every home on the coast," the mayor said.\n'
)
NO_QUOTES = replace(DEFAULT, min_quote_words=100)  # no quotation is that long


def _quotes(facts: list) -> int:
    return sum(fact.kind == "quote" for f in facts for fact in f.facts)


def test_using_sets_the_parameters_for_a_block_only() -> None:
    assert current() is DEFAULT
    with using(NO_QUOTES):
        assert current().min_quote_words == 100
    assert current() is DEFAULT


def test_a_changed_parameter_changes_what_is_extracted() -> None:
    articles = [article(STORY)]
    assert _quotes(list(extract_articles(articles, load_model()))) == 1
    assert _quotes(list(extract_articles(articles, load_model(), NO_QUOTES))) == 0
    assert current() is DEFAULT  # nothing leaks out of the extraction


@pytest.mark.slow
def test_worker_processes_extract_under_the_parameters_they_are_sent() -> None:
    from sitegen.extract.parallel import _in_workers

    articles = [article(STORY, f"a{i}") for i in range(5)]
    facts = list(_in_workers(articles, "en_core_web_sm", 2, NO_QUOTES))
    assert len(facts) == 5 and _quotes(facts) == 0


def test_a_dask_task_extracts_under_the_parameters_it_is_given() -> None:
    pytest.importorskip("distributed")
    from sitegen.extract.on_dask import extract_batch

    assert _quotes(extract_batch([article(STORY)], "en_core_web_sm", NO_QUOTES)) == 0


def test_the_cache_key_changes_with_a_parameter(tmp_path: Path) -> None:
    story = article(STORY)
    default = ExtractionCache(tmp_path, "en_core_web_sm")._path(story)
    assert ExtractionCache(tmp_path, "en_core_web_sm", DEFAULT)._path(story) == default
    assert ExtractionCache(tmp_path, "en_core_web_sm", NO_QUOTES)._path(story) != default
