"""Names of people: cleaning a name as NER tags it, and telling when two spellings agree.

Everything here is about English news naming conventions (honorifics, generational
suffixes, nicknames, transliteration variants), never about a particular story.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sitegen.spelling import fold
from sitegen.words import word_set, word_table

# Abbreviated titles as written before a name, and the word a later mention uses.
TITLE_WORDS = word_table("title_abbreviations")
# Titles and honorifics of English news prose; stripped from a name, kept as a role.
# An abbreviation is a title too: "Cong. Rob Simmons".
TITLES = word_set("titles") | frozenset(TITLE_WORDS)
# Titles that say how to address someone, not what office they hold.
HONORIFICS = word_set("honorifics")
# Words that say a person is a man, or a woman.
MALE = word_set("male_words")
FEMALE = word_set("female_words")
# Generational suffixes ("Jr.") and particles inside a surname ("van").
SUFFIXES = word_set("name_suffixes")
PARTICLES = word_set("name_particles")
# Common English given-name forms and the formal name they shorten (a general table of
# the language, like the titles above): "Mike Bloomberg" is "Michael Bloomberg".
NICKNAMES = word_table("nicknames")

_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_TIME_ZONE = re.compile(r"^(?:[A-Z]{1,2}[SD]T|GMT|UTC)$")
# the words of a page's buttons and links, which a crawl leaves in the text
INTERFACE_WORDS = word_set("interface_words")
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'’.-]*|[A-Z]\.|\w+)$", re.UNICODE)
_QUOTED_NICKNAME = re.compile(r"\s+[\"“'‘]([A-Z][\w.-]*)[\"”'’]\s+")


@lru_cache(maxsize=8192)
def clean_name(text: str) -> str | None:
    """The bare name in an entity's text, or None when it cannot be a person's name.
    Remembered: the rules ask it of one entity's text several times."""
    words = _name_words(text)
    if not words or len(words) > 5 or not all(_name_word(w) for w in words):
        return None
    if _TIME_ZONE.match(words[-1]) or all(w.lower() in INTERFACE_WORDS for w in words):
        return None  # "CDT", "Share Tweet Email": a clock or a page's buttons, no one
    if _trailing_particle(words[-1]):
        return None
    if len(words) == 1 and words[0].strip(".").lower() in SUFFIXES:
        return None
    return " ".join(words)


def _trailing_particle(word: str) -> bool:
    """A particle that cannot end a name ("Ludwig van", "St."): one written in lower case,
    or an abbreviation without a vowel. A capitalised one is a surname ("Trung Le",
    "Bernie Mac")."""
    bare = word.strip(".")
    if bare.lower() not in PARTICLES:
        return False
    return not bare[:1].isupper() or not re.search(r"[aeiou]", bare.lower())


def _name_words(text: str) -> list[str] | None:
    """The words of an entity's text without marks, nickname, titles and a final
    possessive; None when it names what a person has, not a person."""
    text = " ".join(text.split()).strip(' ,;:!?"“”‘’()[]')
    text = _QUOTED_NICKNAME.sub(" ", text)  # William "Mo" Cowan -> William Cowan
    if text.endswith(".") and text[:-1].rsplit(" ", 1)[-1].lower() not in SUFFIXES:
        text = text[:-1]
    words = text.split(" ")
    if any(re.search(r"\w['’]s$", w) for w in words[:-1]):
        return None  # "Trump’s Supreme Court": what a person has, not a person
    words = [_POSSESSIVE.sub("", w) if i == len(words) - 1 else w for i, w in enumerate(words)]
    while words and words[0].lower().strip(".") in _LEADING:
        words = words[1:]
    words = [w for w in words if w]
    for i, word in enumerate(words[1:-1], start=1):
        if word.strip(".,").lower() in _INNER_SUFFIXES:
            return words[: i + 1]  # "Douglas Shine Jr. Jurors": a name ends at its suffix
    return words


_LEADING = TITLES | {"the"}  # words a name's text may open with that are not the name
_INNER_SUFFIXES = SUFFIXES - {"v"}  # "v" inside a name is an initial, not "the fifth"


def _name_word(word: str) -> bool:
    """A word a name can hold: a capitalised word (not an all-capitals heading such as
    "JAPAN"), a particle ("van") or a suffix ("Jr."); never a digit."""
    bare = word.strip(".")
    if not _NAME_TOKEN.match(word) or any(ch.isdigit() for ch in word):
        return False
    if bare.lower() in PARTICLES or bare.lower() in SUFFIXES:
        return True
    return bare[:1].isupper() and not (len(bare) > 3 and bare.isupper())


def quoted_nickname(text: str) -> str | None:
    """The nickname written inside a full name: William "Mo" Cowan -> Mo."""
    match = _QUOTED_NICKNAME.search(" ".join(text.split()))
    return match.group(1) if match else None


def distinct_suffixes(a: str, b: str) -> bool:
    """Suffixes that tell two people apart: Donald Trump and Donald Trump Jr. are father
    and son, but "Robert S. Mueller III" is the "Robert Mueller" of a later mention."""
    if a == b:
        return False
    return bool({a, b} & {"jr", "sr"})


def name_parts(name: str) -> tuple[list[str], str]:
    """(given names and surname words, generational suffix) of a cleaned name."""
    words = name.split()
    suffix = ""
    if len(words) > 1 and words[-1].strip(".,").lower() in SUFFIXES:
        suffix = words[-1].strip(".,").lower()
        words = words[:-1]
    return [w.strip(",") for w in words], suffix


def offices(words: list[str]) -> set[str]:
    """The offices among title words: "Chief Cabinet Secretary" -> chief, cabinet,
    secretary; "Mr." -> nothing."""
    found = set()
    for word in words:
        bare = word.lower().strip(".,")
        if bare in TITLES and bare not in HONORIFICS:
            found.add(title_word(bare))
    return found


def title_word(word: str) -> str:
    """A title as a later mention would call the person: "Gov." -> "governor"."""
    bare = word.lower().strip(".")
    return TITLE_WORDS.get(bare, bare)


def _shared_start(a: str, b: str) -> int:
    return next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )


def _within_edits(a: str, b: str, limit: int) -> bool:
    """Levenshtein distance <= limit. A shared start or end leaves the distance as it
    is, so only what lies between is compared, stopping at the first row past the limit."""
    shared = _shared_start(a, b)
    a, b = a[shared:], b[shared:]
    shared = _shared_start(a[::-1], b[::-1])
    a, b = a[: len(a) - shared], b[: len(b) - shared]
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return False
        previous = current
    return previous[-1] <= limit


SAME_START = 3  # letters a spelling variant shares with the word it varies


def spelling_allowance(length: int) -> int:
    """Edits a spelling variant may make in a word of this many letters: 2 in a word of
    6+ (Zelensky / Zelenskiy / Zelenskyy), 1 in a word of 4+, none in a shorter one."""
    return 2 if length >= 6 else 1 if length >= 4 else 0


@lru_cache(maxsize=16384)
def same_word(a: str, b: str) -> bool:
    """Equal, or a spelling variant: the same start, and within the allowance of the
    shorter word."""
    a, b = fold(a), fold(b)
    if a == b:
        return True
    if a[:SAME_START] != b[:SAME_START]:
        return False
    limit = spelling_allowance(min(len(a), len(b)))
    return abs(len(a) - len(b)) <= limit and _within_edits(a, b, limit)


def same_given_name(a: str, b: str) -> bool:
    """Given names that can be one person's: variants, an initial, a nickname, or one the
    start of the other (Tim / Timothy)."""
    if same_word(a, b):
        return True
    fa, fb = fold(a), fold(b)
    if len(fa) == 1 or len(fb) == 1:
        return fa[:1] == fb[:1]
    if NICKNAMES.get(fa, fa) == NICKNAMES.get(fb, fb):
        return True
    short, long = sorted((fa, fb), key=len)
    return len(short) >= 2 and long.startswith(short) and len(long) - len(short) <= 5


def typing_variant(a: str, b: str) -> bool:
    """Two spellings a typist makes of one name: two neighbouring letters swapped
    ("Akeilah" / "Akielah", "Anaiya" / "Aniaya") or a letter doubled ("Eliot" /
    "Elliot"). Unlike other small edits ("Maria" / "Mario", "Dana" / "Dina") these
    rarely turn one real name into another."""
    a, b = fold(a), fold(b)
    if a == b:
        return True
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and diff[0] > 0
            and (a[diff[0]], a[diff[1]]) == (b[diff[1]], b[diff[0]])
        )
    short, long = sorted((a, b), key=len)
    if len(long) != len(short) + 1:
        return False
    i = _shared_start(short, long)
    return i > 0 and long[:i] + long[i + 1 :] == short and long[i] == long[i - 1]


def gender_of(words: list[str]) -> str | None:
    """ "m" or "f" when a word (an honorific, a role noun, a pronoun) says so."""
    for word in words:
        bare = word.lower().strip(".")
        if bare in MALE:
            return "m"
        if bare in FEMALE:
            return "f"
    return None
