"""Cleaning a name as tagged by NER: honorifics, possessives and non-name debris."""

from __future__ import annotations

import re

# Titles and honorifics of English news prose; stripped from a name, kept as a role.
TITLES = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord", "lady", "prof", "professor",
    "rev", "reverend", "fr", "father", "gen", "general", "col", "colonel", "maj", "major",
    "capt", "captain", "lt", "sgt", "sen", "senator", "rep", "representative", "gov",
    "governor", "pres", "president", "judge", "justice", "minister", "secretary", "chancellor",
    "king", "queen", "prince", "princess", "pope", "saint", "chief", "mayor", "ambassador",
    "commander", "coach", "speaker", "premier", "sheikh", "imam", "rabbi", "cardinal",
    "bishop", "deputy", "vice", "leader", "chairman", "chairwoman", "chair", "director",
    "attorney", "sheriff", "officer", "sergeant", "lieutenant", "admiral", "emperor",
    "prime", "foreign", "defense", "defence", "finance", "interior", "cabinet", "first",
    "former", "late", "host", "anchor", "candidate", "nominee", "spokesman", "spokeswoman",
    "spokesperson", "correspondent", "columnist", "commentator", "activist", "author",
}
SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "v"}
PARTICLES = {"de", "da", "del", "della", "di", "du", "dos", "das", "van", "von", "der", "den",
             "bin", "bint", "ibn", "al", "el", "la", "le", "ter", "ten", "st", "y", "mac"}

_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'’.-]*|[A-Z]\.|\w+)$", re.UNICODE)


def clean_name(text: str) -> str | None:
    """The bare name in an entity's text, or None when it cannot be a person's name."""
    text = " ".join(text.split()).strip(" ,;:!?\"“”‘’()[]")
    if text.endswith(".") and text[:-1].rsplit(" ", 1)[-1].lower() not in SUFFIXES:
        text = text[:-1]
    words = text.split(" ")
    words = [_POSSESSIVE.sub("", w) if i == len(words) - 1 else w for i, w in enumerate(words)]
    while words and words[0].lower().strip(".") in TITLES | {"the"}:
        words = words[1:]
    words = [w for w in words if w]
    if not words or len(words) > 5:
        return None
    for word in words:
        bare = word.strip(".")
        if not _NAME_TOKEN.match(word) or any(ch.isdigit() for ch in word):
            return None
        if bare.lower() in PARTICLES or bare.lower() in SUFFIXES:
            continue
        if not bare[:1].isupper():
            return None
        if len(bare) > 3 and bare.isupper():
            return None  # "JAPAN": a heading or acronym, not a name
    if words[-1].strip(".").lower() in PARTICLES:
        return None
    return " ".join(words)


def name_parts(name: str) -> tuple[list[str], str]:
    """(given names and surname words, generational suffix) of a cleaned name."""
    words = name.split()
    suffix = ""
    if len(words) > 1 and words[-1].strip(".,").lower() in SUFFIXES:
        suffix = words[-1].strip(".,").lower()
        words = words[:-1]
    return [w.strip(",") for w in words], suffix
