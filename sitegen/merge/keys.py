"""The kinds of key a passage is compared by, and how a key is written.

A key is one string, its kind's letter, a colon and its value ("p:joe-biden",
"l:embassy"): passages hold tens of thousands of them, so they stay plain strings, and
the kind is read back from the first letter.
"""

from __future__ import annotations

from enum import StrEnum


class KeyKind(StrEnum):
    """What a key's value is; the value is the letter keys start with."""

    PERSON = "p"  # a person id
    ENTITY = "e"  # a named thing of several words
    DATE = "d"  # a date phrase
    FRAME = "r"  # a subject-verb frame ("embassy|close")
    ACT = "a"  # a verb and what it acts on ("decline|offer")
    LEMMA = "l"  # a content word (a one-word name too)
    FIGURE = "f"  # a figure's unit and rounded value (blocking only)
    QUOTED = "q"  # a run of quoted words (blocking only)

    prefix: str  # what keys of this kind start with ("l:")

    def __init__(self, letter: str) -> None:
        # made once: the merge reads it some 100,000 times per story, and an enum
        # member's `value` is a property lookup each time
        self.prefix = f"{letter}:"

    def key(self, value: str) -> str:
        return self.prefix + value


def kind_of(key: str) -> KeyKind | None:
    """The kind of a key, None for a string that is no key."""
    return _BY_LETTER.get(key[:1]) if key[1:2] == ":" else None


_BY_LETTER = {kind.value: kind for kind in KeyKind}
