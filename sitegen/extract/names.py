"""Names of people: cleaning a name as NER tags it, and telling when two spellings agree.

Everything here is about English news naming conventions (honorifics, generational
suffixes, nicknames, transliteration variants), never about a particular story.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Titles and honorifics of English news prose; stripped from a name, kept as a role.
TITLES = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "sir",
    "dame",
    "lord",
    "lady",
    "prof",
    "professor",
    "rev",
    "reverend",
    "fr",
    "father",
    "gen",
    "general",
    "col",
    "colonel",
    "maj",
    "major",
    "capt",
    "captain",
    "lt",
    "sgt",
    "sen",
    "senator",
    "rep",
    "representative",
    "gov",
    "governor",
    "pres",
    "president",
    "judge",
    "justice",
    "minister",
    "secretary",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "saint",
    "chief",
    "mayor",
    "ambassador",
    "commander",
    "coach",
    "speaker",
    "premier",
    "sheikh",
    "imam",
    "rabbi",
    "cardinal",
    "bishop",
    "deputy",
    "vice",
    "leader",
    "chairman",
    "chairwoman",
    "chair",
    "director",
    "attorney",
    "sheriff",
    "officer",
    "sergeant",
    "lieutenant",
    "admiral",
    "emperor",
    "prime",
    "foreign",
    "defense",
    "defence",
    "finance",
    "interior",
    "cabinet",
    "first",
    "former",
    "late",
    "host",
    "anchor",
    "candidate",
    "nominee",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "correspondent",
    "columnist",
    "commentator",
    "activist",
    "author",
    "actor",
    "actress",
    "comedian",
    "singer",
    "photographer",
    "publicist",
    "aide",
    "adviser",
    "advisor",
    "counsel",
    "lawyer",
    "assemblyman",
    "assemblywoman",
    "congressman",
    "congresswoman",
    "councilman",
    "councilwoman",
    "councillor",
    "dean",
    "superintendent",
    "commissioner",
    "treasurer",
    "chef",
    "pastor",
    "ag",
}
# Titles that say how to address someone, not what office they hold.
HONORIFICS = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "sir",
    "dame",
    "lord",
    "lady",
    "the",
    "former",
    "late",
}
# Abbreviated titles as written before a name, and the word a later mention uses.
TITLE_WORDS = {
    "gov": "governor",
    "sen": "senator",
    "rep": "representative",
    "reps": "representative",
    "pres": "president",
    "gen": "general",
    "col": "colonel",
    "maj": "major",
    "capt": "captain",
    "lt": "lieutenant",
    "sgt": "sergeant",
    "adm": "admiral",
    "atty": "attorney",
    "supt": "superintendent",
    "prof": "professor",
    "rev": "reverend",
    "dr": "doctor",
    "sec": "secretary",
    "amb": "ambassador",
    "cmdr": "commander",
    "insp": "inspector",
    "det": "detective",
    "ag": "attorney general",
    "cong": "congressman",
}
TITLES |= TITLE_WORDS.keys()  # "Cong. Rob Simmons": an abbreviation is a title too
MALE = {
    "mr",
    "sir",
    "lord",
    "king",
    "prince",
    "father",
    "fr",
    "man",
    "men",
    "boy",
    "husband",
    "son",
    "brother",
    "uncle",
    "nephew",
    "grandfather",
    "spokesman",
    "chairman",
    "congressman",
    "assemblyman",
    "councilman",
    "businessman",
    "actor",
    "widower",
    "dad",
    "he",
    "him",
    "his",
    "himself",
    "gentleman",
    "emperor",
    "duke",
    "sheikh",
    "boyfriend",
    "fiance",
    "stepfather",
    "stepson",
    "grandson",
    "godfather",
    "policeman",
    "fireman",
    "father-in-law",
    "son-in-law",
    "brother-in-law",
}
FEMALE = {
    "mrs",
    "ms",
    "miss",
    "dame",
    "lady",
    "queen",
    "princess",
    "woman",
    "women",
    "girl",
    "wife",
    "daughter",
    "sister",
    "aunt",
    "niece",
    "mother",
    "grandmother",
    "spokeswoman",
    "chairwoman",
    "congresswoman",
    "assemblywoman",
    "councilwoman",
    "businesswoman",
    "actress",
    "widow",
    "mom",
    "she",
    "her",
    "hers",
    "herself",
    "duchess",
    "empress",
    "girlfriend",
    "fiancee",
    "stepmother",
    "stepdaughter",
    "granddaughter",
    "godmother",
    "policewoman",
    "waitress",
    "mother-in-law",
    "daughter-in-law",
    "sister-in-law",
}
SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "v"}
PARTICLES = {
    "de",
    "da",
    "del",
    "della",
    "di",
    "du",
    "dos",
    "das",
    "van",
    "von",
    "der",
    "den",
    "bin",
    "bint",
    "ibn",
    "al",
    "el",
    "la",
    "le",
    "ter",
    "ten",
    "st",
    "y",
    "mac",
}
# Common English given-name forms and the formal name they shorten (a general table of
# the language, like the titles above): "Mike Bloomberg" is "Michael Bloomberg".
NICKNAMES = {
    "alex": "alexander",
    "andy": "andrew",
    "bill": "william",
    "billy": "william",
    "will": "william",
    "liam": "william",
    "bob": "robert",
    "bobby": "robert",
    "rob": "robert",
    "robbie": "robert",
    "chuck": "charles",
    "charlie": "charles",
    "chris": "christopher",
    "dan": "daniel",
    "danny": "daniel",
    "dave": "david",
    "dick": "richard",
    "rick": "richard",
    "rich": "richard",
    "ed": "edward",
    "eddie": "edward",
    "ted": "edward",
    "ned": "edward",
    "frank": "francis",
    "fred": "frederick",
    "greg": "gregory",
    "hank": "henry",
    "harry": "henry",
    "jack": "john",
    "johnny": "john",
    "jim": "james",
    "jimmy": "james",
    "jamie": "james",
    "joe": "joseph",
    "joey": "joseph",
    "ken": "kenneth",
    "larry": "lawrence",
    "matt": "matthew",
    "mike": "michael",
    "mickey": "michael",
    "mick": "michael",
    "nick": "nicholas",
    "pat": "patrick",
    "pete": "peter",
    "ron": "ronald",
    "ronnie": "ronald",
    "sam": "samuel",
    "steve": "stephen",
    "tom": "thomas",
    "tommy": "thomas",
    "tim": "timothy",
    "tony": "anthony",
    "abe": "abraham",
    "ben": "benjamin",
    "jeff": "jeffrey",
    "jerry": "gerald",
    "josh": "joshua",
    "mitch": "mitchell",
    "nate": "nathaniel",
    "phil": "philip",
    "ray": "raymond",
    "russ": "russell",
    "stan": "stanley",
    "teddy": "theodore",
    "vince": "vincent",
    "walt": "walter",
    "wally": "walter",
    "beth": "elizabeth",
    "betty": "elizabeth",
    "liz": "elizabeth",
    "lizzie": "elizabeth",
    "cathy": "catherine",
    "kathy": "katherine",
    "kate": "katherine",
    "katie": "katherine",
    "debbie": "deborah",
    "deb": "deborah",
    "jenny": "jennifer",
    "jen": "jennifer",
    "maggie": "margaret",
    "meg": "margaret",
    "peggy": "margaret",
    "patty": "patricia",
    "patti": "patricia",
    "sue": "susan",
    "susie": "susan",
    "becky": "rebecca",
    "vicky": "victoria",
    "sally": "sarah",
    "mandy": "amanda",
    "pam": "pamela",
    "barb": "barbara",
}

_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_TIME_ZONE = re.compile(r"^(?:[A-Z]{1,2}[SD]T|GMT|UTC)$")
# the words of a page's buttons and links, which a crawl leaves in the text
INTERFACE_WORDS = {
    "share", "tweet", "email", "e-mail", "print", "comment", "comments", "reply",
    "subscribe", "login", "menu", "search", "skip", "embed", "autoplay", "replay",
    "copy", "download", "sms", "whatsapp", "pinterest", "linkedin", "reddit", "more",
    "next", "previous", "prev", "save", "like", "follow", "play", "pause", "mute",
}  # fmt: skip
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'’.-]*|[A-Z]\.|\w+)$", re.UNICODE)
_QUOTED_NICKNAME = re.compile(r"\s+[\"“'‘]([A-Z][\w.-]*)[\"”'’]\s+")


def clean_name(text: str) -> str | None:
    """The bare name in an entity's text, or None when it cannot be a person's name."""
    text = " ".join(text.split()).strip(' ,;:!?"“”‘’()[]')
    text = _QUOTED_NICKNAME.sub(" ", text)  # William "Mo" Cowan -> William Cowan
    if text.endswith(".") and text[:-1].rsplit(" ", 1)[-1].lower() not in SUFFIXES:
        text = text[:-1]
    words = text.split(" ")
    if any(re.search(r"\w['’]s$", w) for w in words[:-1]):
        return None  # "Trump’s Supreme Court": what a person has, not a person
    words = [_POSSESSIVE.sub("", w) if i == len(words) - 1 else w for i, w in enumerate(words)]
    while words and words[0].lower().strip(".") in TITLES | {"the"}:
        words = words[1:]
    words = [w for w in words if w]
    for i, word in enumerate(words[1:-1], start=1):
        if word.strip(".,").lower() in SUFFIXES - {"v"}:
            words = words[: i + 1]  # "Douglas Shine Jr. Jurors": a name ends at its suffix
            break
    if not words or len(words) > 5:
        return None
    if _TIME_ZONE.match(words[-1]) or all(w.lower() in INTERFACE_WORDS for w in words):
        return None  # "CDT", "Share Tweet Email": a clock or a page's buttons, no one
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
    if len(words) == 1 and words[0].strip(".").lower() in SUFFIXES:
        return None
    return " ".join(words)


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


@lru_cache(maxsize=4096)
def fold(word: str) -> str:
    """A name word without accents, case, dots or apostrophes."""
    folded = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()
    return folded.replace(".", "").replace("'", "").replace("’", "") or word.lower()


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
