"""Synonyms from WordNet: what they join and what they leave apart (no spaCy needed)."""

from __future__ import annotations

from pathlib import Path

from sitegen.extract.records import FactCandidate
from sitegen.merge.features import passages
from sitegen.merge.params import MergeParams
from sitegen.merge.people import PeopleIndex
from sitegen.merge.similarity import compare
from sitegen.merge.synonyms import senses
from sitegen.wordnet import PARTS_OF_SPEECH, index_of, noun_kinds, wordnet_folder


def test_the_wordnet_files_are_installed_with_the_package() -> None:
    folder = wordnet_folder()
    assert folder is not None and (folder / "index.verb").is_file()


def test_synonyms_share_a_sense_and_other_words_do_not() -> None:
    known = senses(["phone", "telephone", "ring", "bake", "zzzqx"])
    assert known["phone"] & known["telephone"]
    assert known["phone"] & known["ring"], "a rarer sense of a word counts too"
    assert not known["phone"] & known["bake"]
    assert "zzzqx" not in known


def test_without_wordnet_no_word_has_a_synonym(tmp_path: Path) -> None:
    assert senses(["phone"], folder=tmp_path) == {}


def fact(source: str, lemmas: list[str]) -> FactCandidate:
    text = " ".join(lemmas)
    return FactCandidate(
        source=source, start=0, end=len(text), text=text, kind="event", lemmas=lemmas
    )


def test_a_synonym_counts_towards_the_same_fact() -> None:
    story = [
        fact("a", ["phone", "embassy", "plea", "volunteer", "twitter"]),
        fact("b", ["telephone", "embassy", "plea", "volunteer", "twitter"]),
        fact("c", ["bake", "embassy", "plea", "volunteer", "twitter"]),
        # filler, so that the words above are rare in the story
        *(fact(f"x{i}", ["weather", f"topic{i}"]) for i in range(8)),
    ]
    params = MergeParams()
    a, synonym, other, *_ = passages(story, PeopleIndex(), params)
    assert compare(a, synonym, params).score > compare(a, other, params).score
    assert compare(a, a, params).score >= compare(a, synonym, params).score


def test_each_index_file_is_sorted_by_lemma_as_the_lookup_expects() -> None:
    folder = wordnet_folder()
    assert folder is not None
    for pos in PARTS_OF_SPEECH:
        index = index_of(folder / f"index.{pos}")
        lines = index.data[index.starts[0] :].decode("utf-8").splitlines()
        lemmas = [line[: line.index(" ")] for line in lines]
        assert len(lines) > 1000 and list(lines) == sorted(lines)
        assert lemmas == sorted(lemmas) and len(set(lemmas)) == len(lemmas)
        found = senses(lemmas[::97])  # every lemma looked up is found
        assert set(found) == set(lemmas[::97])


def test_a_nouns_common_senses_say_what_kind_of_thing_it_names() -> None:
    """ "victim" names a person, "gun" only things (its rare "gunman" sense aside),
    "fan" both; a word WordNet lacks names nothing it knows."""
    assert noun_kinds("victim") == {"noun.person"}
    assert "noun.person" not in noun_kinds("gun")
    assert {"noun.person", "noun.artifact"} <= noun_kinds("fan")
    assert noun_kinds("zzzqx") == frozenset()
