"""The word lists under sitegen/words/: each says what it is for, and the loader reads
entries, tables and comments as the files mean them."""

from __future__ import annotations

from importlib.resources import files

import pytest

from sitegen.words import word_list, word_set, word_table

LISTS = sorted(p.name[:-4] for p in files("sitegen.words").iterdir() if p.name.endswith(".txt"))


@pytest.mark.parametrize("name", LISTS)
def test_each_list_opens_with_what_it_is_for_and_lists_each_entry_once(name: str) -> None:
    text = files("sitegen.words").joinpath(f"{name}.txt").read_text(encoding="utf-8")
    assert text.startswith("# ")
    entries = word_list(name)
    keys = [entry.partition(" = ")[0] for entry in entries]
    assert entries and len(set(keys)) == len(keys)
    assert all(entry == entry.strip() and not entry.startswith("#") for entry in entries)


def test_tables_map_each_key_to_its_value() -> None:
    assert word_table("title_abbreviations")["ag"] == "attorney general"  # a phrase value
    assert word_table("currencies")["$"] == "USD"
    assert "" not in word_set("endings")  # no ending at all is added by the merge


def test_speech_verbs_include_every_reporting_verb_once() -> None:
    from sitegen.extract.lexicon import REPORTING_VERBS, SPEECH_VERBS

    assert REPORTING_VERBS < SPEECH_VERBS
    assert not word_set("speech_verbs") & word_set("reporting_verbs")
