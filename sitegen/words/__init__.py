"""General English word lists, kept as data: `sitegen/words/<name>.txt`.

One word or phrase a line (or "key = value" for a table); a line starting with "#" is a
comment, and each file opens with one saying what the list is for. What lives here is
the open vocabulary a rule consults and one would extend (verbs of speech, nouns that
name people, titles, hedges); closed grammatical classes a rule is written against
(pronouns, determiners, prepositions, entity labels, weekdays) stay in the code next
to the rule. Every list describes the language, never the words of a story.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files


@cache
def word_list(name: str) -> tuple[str, ...]:
    """The entries of `name`.txt, in file order."""
    text = files(__name__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    stripped = (line.strip() for line in text.splitlines())
    return tuple(line for line in stripped if line and not line.startswith("#"))


def word_set(name: str) -> frozenset[str]:
    """The entries of `name`.txt, as a set."""
    return frozenset(word_list(name))


def word_table(name: str) -> dict[str, str]:
    """The "key = value" entries of `name`.txt, in file order (a later key wins)."""
    pairs = (entry.partition("=") for entry in word_list(name))
    return {key.strip(): value.strip() for key, _, value in pairs}
