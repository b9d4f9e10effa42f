"""Inputs built by hand for unit tests: an article from a string, and a parse from
words with their heads and labels (so a rule's test says exactly which shape it reads
and runs without the spaCy model)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from spacy.lang.en import English
from spacy.tokens import Doc

from sitegen.ingest import Article, split_blocks


def article(text: str, article_id: str = "a") -> Article:
    """An article as ingest would make it from a file holding `text`."""
    return Article(
        id=article_id,
        path=Path(f"{article_id}.txt"),
        file=f"{article_id}.txt",
        sha256="",
        text=text,
        title="",
        blocks=split_blocks(text),
    )


@dataclass
class W:
    """One word of a hand-built parse: `head` is the index of its head word."""

    text: str
    head: int
    dep: str
    pos: str
    lemma: str = ""
    tag: str = ""
    ent: str = "O"
    space: bool = True  # a space after the word (False: "Abdi" of "Abdi, 19,")


# English's lexical attributes (lower case, title case, like_num), without a model
_VOCAB = English().vocab


def parse(*words: W, starts: tuple[int, ...] = (0,)) -> Doc:
    """One sentence parsed as the words say (tag defaults to the part of speech, lemma
    to the lower-cased word); more when `starts` gives where each begins."""
    return Doc(
        _VOCAB,
        words=[w.text for w in words],
        spaces=[w.space for w in words],
        heads=[w.head for w in words],
        deps=[w.dep for w in words],
        pos=[w.pos for w in words],
        tags=[w.tag or w.pos for w in words],
        lemmas=[w.lemma or w.text.lower() for w in words],
        ents=[w.ent for w in words],
        sent_starts=[i in starts for i in range(len(words))],
    )


def said_that() -> list[W]:
    """ "The mayor said the storm passed ." """
    return [
        W("The", 1, "det", "DET"),
        W("mayor", 2, "nsubj", "NOUN"),
        W("said", 2, "ROOT", "VERB", "say", "VBD"),
        W("the", 4, "det", "DET"),
        W("storm", 5, "nsubj", "NOUN"),
        W("passed", 2, "ccomp", "VERB", "pass", "VBD"),
        W(".", 2, "punct", "PUNCT"),
    ]


def were_done(count: str, noun: str, verb: str, verb_lemma: str, noun_lemma: str = "") -> list[W]:
    """ "Two teens were killed" as the sentence's first four words: a count, its noun,
    "were" and the verb, the root."""
    return [
        W(count, 1, "nummod", "NUM"),
        W(noun, 3, "nsubjpass", "NOUN", noun_lemma),
        W("were", 3, "auxpass", "AUX", "be"),
        W(verb, 3, "ROOT", "VERB", verb_lemma),
    ]


def was_done(noun: str, verb: str, verb_lemma: str, tag: str = "") -> list[W]:
    """ "A man was killed" as the sentence's first four words: "A", its noun, "was" and
    the verb, the root."""
    return [
        W("A", 1, "det", "DET"),
        W(noun, 3, "nsubjpass", "NOUN"),
        W("was", 3, "auxpass", "AUX", "be"),
        W(verb, 3, "ROOT", "VERB", verb_lemma, tag),
    ]
