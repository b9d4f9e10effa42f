"""Reading the dependency tree: the label sets extraction tests, and the questions every
rule asks of a parse (a verb's subject, its objects, whether a clause is the main one).

Labels are those of spaCy's English pipelines (the ClearNLP scheme). Each set is named
once here, so a rule says what it looks for ("a subject") rather than spelling the
labels out, and a change of scheme is one edit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from sitegen.extract.view import children_of

if TYPE_CHECKING:  # spaCy types only: merging imports `statements` (and so this) without spaCy
    from spacy.tokens import Span, Token

# Nominal subjects, active and passive: "X said", "X was shot".
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Any subject, including "there" and a clause ("There were …", "What he said was …").
ANY_SUBJECTS = SUBJECTS | {"expl", "csubj"}
# Objects a verb's words can be addressed to: "told Reuters", "gave him".
OBJECTS = frozenset({"dobj", "dative", "iobj"})
# A clause a verb reports or runs on to: "said (that) …", "…, he said".
REPORTED_CLAUSES = frozenset({"ccomp", "parataxis"})
# Words inside a noun phrase that name who it belongs to: "Reuters' report", "a CNN show".
OWNERS = frozenset({"poss", "compound", "nmod"})

Test = Callable[["Token"], bool]


def is_subject(token: Token) -> bool:
    """A nominal subject, active or passive."""
    return token.dep_ in SUBJECTS


def subject_of(
    verb: Token, labels: frozenset[str] = SUBJECTS, where: Test | None = None
) -> Token | None:
    """The first child of `verb` with one of `labels` (and passing `where`)."""
    return next(
        (c for c in children_of(verb) if c.dep_ in labels and (where is None or where(c))), None
    )


def has_child(token: Token, labels: frozenset[str] | str) -> bool:
    """Whether `token` has a child with one of `labels` (a set, or one label)."""
    if isinstance(labels, str):
        return any(c.dep_ == labels for c in children_of(token))
    return any(c.dep_ in labels for c in children_of(token))


def children(token: Token, label: str) -> list[Token]:
    """The children of `token` with `label`, in order."""
    return [c for c in children_of(token) if c.dep_ == label]


def objects_of(verb: Token, labels: frozenset[str] = OBJECTS) -> list[Token]:
    """The objects of `verb`, in order."""
    return [c for c in children_of(verb) if c.dep_ in labels]


def agents_of(verb: Token) -> Iterator[Token]:
    """Who a passive verb is "by": "as quoted by Reuters" gives "Reuters"."""
    for agent in children(verb, "agent"):
        yield from children(agent, "pobj")


def is_root(token: Token) -> bool:
    """The head of its sentence (spaCy makes a root its own head)."""
    return token.head.i == token.i


def is_main_clause(verb: Token) -> bool:
    """The root, or a verb coordinated with it: "X arrived and said …"."""
    return verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")


def main_subject(sentence: Span) -> Token | None:
    """The nominal subject of the sentence's root."""
    return subject_of(sentence.root)


def root_subject(sentence: Span) -> Token | None:
    """Any subject of the sentence's root, "there" and clauses included."""
    return subject_of(sentence.root, ANY_SUBJECTS)
