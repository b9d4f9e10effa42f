"""Page furniture: what a crawled news page carries around the article, by its shape.

Contact footers and tip lines (an e-mail address, a phone number, a link, a handle),
embedded posts ("— Name (@handle) June 9, 2016"), video and photo captions (a running
time such as "1:29" that is no clock time, credits in parentheses, player controls such
as "Skip x Embed x Share", a broadcast's caption track in capitals), copyright and "may not be published" lines, prompts to the
reader ("Sign up for our newsletter", "Copy this code to your website"), staff-writer
footers, related-link labels and weather or traffic alerts. None of it is a fact, a
quotation or a person of the story. Plain text only (no spaCy): ingest uses it on whole
paragraphs, extraction on sentences of paragraphs a crawl ran together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_SPECIAL_FOLDS = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


def _folded(text: str) -> str:
    """`text` with every character a pattern that ignores case takes for an ASCII
    letter made that letter in lower case: `str.lower` does it but for the dotted and
    dotless i and the long s, which such a pattern also takes for "i" and "s"."""
    return text.lower() if text.isascii() else text.translate(_SPECIAL_FOLDS).lower()


@dataclass(frozen=True)
class _Guarded:
    """A pattern searched only in a text holding one of `needles`, words that every
    match of it holds (in the text `_folded` when the pattern ignores case). A pattern
    is tried at every character of every sentence and paragraph; `in` finds that a
    text holds none of its words at a fraction of the cost."""

    pattern: re.Pattern[str]
    needles: tuple[str, ...]

    def search(self, text: str) -> re.Match[str] | None:
        seen = _folded(text) if self.pattern.flags & re.IGNORECASE else text
        if any(needle in seen for needle in self.needles):
            return self.pattern.search(text)
        return None


# contact details, in three patterns: one alternation of all three is tried at every
# character, while an e-mail address needs an "@" and a link opens with a literal
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[a-z]{2,}\b")
_PHONE = re.compile(
    r"(?:\(\d{3}\)\s?|\b\d{3}[-.])\d{3}[-.][\dA-Z]{4}\b"  # phone (…-TIPS)
    r"|\b\d{3}-\d{3}-[A-Z]{4}\b|\b1-800-[A-Z0-9-]+"  # 713-222-TIPS, 1-800-SPEAK-UP
)
_DIGIT = re.compile(r"\d")  # every phone number has digits
_LINK = _Guarded(re.compile(r"https?://|\bwww\.\w"), ("://", "www."))
_HANDLE = _Guarded(re.compile(r"(?<![\w@])@\w{3,}"), ("@",))
_REACH = re.compile(
    r"\b(?:call|calling|contact|reach|reached|e-?mail|text|texting|tips?|follow|twitter|"
    r"facebook|share|read|information)\b",
    re.IGNORECASE,
)
_EMBEDDED_POST = _Guarded(
    re.compile(
        r"(?:—|--|-)\s*[^—\n]{1,80}\(@\w+\)\s+[A-Z][a-z]+\.? \d{1,2},? \d{4}\s*$"
        r"|pic\.twitter\.com/"
    ),
    ("(@", "pic.twitter.com/"),
)
# The word boundaries stand outside the alternations (one test at each character, not
# one per alternative): these patterns are searched in every sentence and paragraph.
_RIGHTS = _Guarded(
    re.compile(
        r"©|\b(?:copyright|all rights reserved|may not be (?:re)?published"
        r"|rewritten,? or redistributed)\b",
        re.IGNORECASE,
    ),
    ("©", "copyright", "rights reserved", "published", "redistributed"),
)
_STAFF = _Guarded(
    re.compile(
        r"\b(?:(?:staff|freelance|contributing) (?:writer|reporter|photographer)s?"
        r"|contributed (?:to )?(?:this (?:report|article|story)|reporting)"
        r"|(?:originally|first) published|editing by)\b"
        r"|^\s*by:\s|\bupdated:\s|\((?:additional )?reporting by\b",
        re.IGNORECASE,
    ),
    (
        *("writer", "reporter", "photographer", "contributed", "published"),
        *("editing by", "by:", "updated:", "reporting by"),
    ),
)
_CONTRIBUTED = _Guarded(
    re.compile(r"[A-Z][\w.'’-]+ [A-Z][\w.'’-]+ contributed\s*\.?\s*$"), (" contributed",)
)
# a staff bio: "Jane Roe works on the Real Time News Desk.", "… works for the Albany bureau"
_STAFF_BIO = re.compile(
    r"^[A-Z][\w.'’-]+ [A-Z][\w.'’-]+ (?:works|writes|reports) (?:on|for) the "
    r"(?:[A-Z][\w&'’-]* )+(?:[Dd]esk|[Bb]ureau)\b"
)
# a prompt to the reader: an interface verb opening the sentence, aimed at the reader
_PROMPT = re.compile(
    r"^\W*(?:sign up|subscribe|click|tap|download|get|follow|watch|read|share|copy|stay|"
    r"like|join|send|see|listen|view|install|tell)\b(?=.*\b(?:our|your|you|us|here|now|"
    r"this (?:story|code|video|article|report)|the (?:video|report|app)|on (?:twitter|"
    r"facebook|instagram))\b)",
    re.IGNORECASE,
)
_NEWSLETTER = _Guarded(
    re.compile(r"\b(?:newsletters?|mobile app|news alerts?)\b", re.IGNORECASE),
    ("newsletter", "mobile app", "news alert"),
)
_LABEL = re.compile(
    r"^\W*(?:related(?: \w+)?|more(?: \w+)?|read more|see also|recommended|also read|"
    r"watch|video|photos?|gallery)\s*:",
    re.IGNORECASE,
)
# player controls: capitalised words joined by a close glyph ("Skip x Embed x Share"), a
# counter ("1 of 12 PHOTOS"), a button label pointing on ("EMBED >More videos"); searched
# apart, each only in a text holding its words (`_controls`)
_CLOSE_GLYPHS = re.compile(r"\b[A-Z][a-z]+ x [A-Z][a-z]+\b")
_COUNTER = re.compile(r"\b\d{1,3} of \d{1,3} [A-Z]{3,}\b")
_BUTTON = re.compile(r"^\W*[A-Z]{3,}\s*[>»]")
_CREDIT = re.compile(
    r"\((?:[^()]*\b(?:photo|image|video|provided by|courtesy|credit|getty|file|handout|"
    r"published|updated)\b[^()]*)\)",
    re.IGNORECASE,
)
# a weather or traffic alert: a time with its zone, or a named warning (`_alert`)
_ALERT_TIME = _Guarded(
    re.compile(r"\b\d{1,2}(?::\d\d)?\s*(?:AM|PM|am|pm|a\.m\.|p\.m\.)\s+[ECMPAH][SD]T\b"),
    ("ST", "DT"),  # the zone: EST, PDT …
)
_ALERT_NAMED = re.compile(
    r"(?:\b[A-Z][a-z]+ ){1,3}(?:Warning|Watch|Advisory) (?:issued|until|in effect|for)\b"
)
# a player's closing link to more of its media: "… See more videos", "View all photos"
_MORE_MEDIA = _Guarded(
    re.compile(
        r"\b(?:see|watch|view|browse)\s+(?:more|all|other)\s+(?:\w+\s+)?"
        r"(?:videos?|photos?|clips?|galler(?:y|ies)|slideshows?)\W*$",
        re.IGNORECASE,
    ),
    ("video", "photo", "clip", "galler", "slideshow"),
)
# a photo gallery's counter opening each caption: "Image 2 of 10 People gather …"
_GALLERY = re.compile(
    r"^\W*(?i:image|photo|picture|slide)\s+\d{1,3}\s+of\s+(?:/\s*)?\d{1,3}(?:\s+[A-Z“\"(]|\s*$)"
)  # … followed by its caption, which opens with a capital ("Slide 3 of 10 in …" is prose)
_CLOCK_WORDS = {
    "at", "about", "around", "by", "until", "till", "after", "before", "from", "to",
    "since", "approximately", "near", "shortly", "and", "or", "between", "past", "til",
}  # fmt: skip


def kind_of(paragraph: str) -> str | None:
    """The furniture kind of a whole paragraph ("caption", "embed", "promo"), or None
    for article prose."""
    text = " ".join(paragraph.split())
    if not _furniture(text):  # most paragraphs; a sentence that is one is then known
        caption = _credit_at_end(text) or _MORE_MEDIA.search(text) or _caption_track(text)
        return "caption" if caption else None
    if _EMBEDDED_POST.search(text):
        return "embed"
    if _player_parts(text) or _credit_at_end(text) or _MORE_MEDIA.search(text):
        return "caption"
    if _caption_track(text):
        return "caption"
    return "promo"


def is_furniture(sentence: str) -> bool:
    """A sentence (or a paragraph) of furniture: see the module docstring."""
    return _furniture(" ".join(sentence.split()))


@lru_cache(maxsize=4096)
def _furniture(text: str) -> bool:
    """`is_furniture` of a text with its spaces normalised. Remembered: extraction asks
    about each sentence several times (mentions, statements), and a sentence that is a
    whole paragraph was asked about when ingest classified the paragraph."""
    return bool(_EMBEDDED_POST.search(text) or _player_parts(text) or _other_furniture(text))


CAPTION_TRACK_WORDS = 12  # a shorter line in capitals may be a heading or a name


def _caption_track(text: str) -> bool:
    """A broadcast's caption track the page carries with its video: a WebVTT file
    ("WEBVTT POLICE SAY FIVE PEOPLE …") or a long paragraph all in capitals. Machine
    captions of what was said on air ("PALM HILLS" for Pine Hills) are no passage to
    cite as the outlet's words."""
    if text.startswith("WEBVTT"):
        return True
    letters = [c for c in text if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    return len(text.split()) >= CAPTION_TRACK_WORDS and capitals >= 0.9 * len(letters)


def _player_parts(text: str) -> bool:
    """Player controls, a running time, a gallery's counter: parts of a media player."""
    return bool(_controls(text) or _running_time(text) or _GALLERY.match(text))


def _other_furniture(text: str) -> bool:
    """Furniture of any kind but an embedded post and a player's parts (which `kind_of`
    tells apart first)."""
    spoken = "“" in text or "”" in text or '"' in text  # "“Get out now,” he said": no prompt
    return _page_line(text, spoken) or _contact(text) or (_prompt(text) and not spoken)


def _page_line(text: str, spoken: bool) -> bool:
    """A rights line, a staff or contributor credit, a label, an alert."""
    if _RIGHTS.search(text) or _STAFF.search(text) or _CONTRIBUTED.search(text):
        return True
    if _STAFF_BIO.match(text):
        return True
    if _LABEL.match(text) and not spoken:
        return True
    return _alert(text)


def _contact(text: str) -> bool:
    """A short line of contact details, or one inviting the reader to reach or follow
    someone ("Twitter:@name", "Follow @name"; not "followers on Twitter as @name")."""
    words = len(text.split())
    if words <= 60 and _details(text) and (words <= 6 or _REACH.search(text)):
        return True
    return bool(_HANDLE.search(text) and (words <= 6 or re.search(r"\bfollow\b", text, re.I)))


def _controls(text: str) -> bool:
    """Player controls: each pattern is searched only where its words are."""
    return bool(
        (" x " in text and _CLOSE_GLYPHS.search(text))
        or (" of " in text and _COUNTER.search(text))
        or _BUTTON.match(text)
    )


def _alert(text: str) -> bool:
    """A weather or traffic alert; a named warning is looked for only where its word is."""
    if _ALERT_TIME.search(text):
        return True
    named = "Warning " in text or "Watch " in text or "Advisory " in text
    return named and _ALERT_NAMED.search(text) is not None


def _details(text: str) -> bool:
    """An e-mail address, a phone number or a link."""
    return bool(
        ("@" in text and _EMAIL.search(text))
        or (_DIGIT.search(text) and _PHONE.search(text))
        or _LINK.search(text)
    )


def _prompt(text: str) -> bool:
    """A prompt to sign up, subscribe or download."""
    return bool(_PROMPT.match(text) or (_NEWSLETTER.search(text) and _PROMPT_WORDS.search(text)))


_PROMPT_WORDS = re.compile(r"\b(?:sign up|subscribe|download|get|our|your)\b", re.IGNORECASE)


def _running_time(text: str) -> bool:
    """A video's running time ("… 1 Dead 1:29 autoplay", "| 3:20"): m:ss that is no time
    of day (not followed by a.m./p.m., not after "at", "about", "until" …)."""
    if ":" not in text:
        return False
    for match in re.finditer(r"(?<![\w:.,$])(\d{1,2}):(\d\d)(?![\w:])", text):
        after = text[match.end() : match.end() + 6].lower().replace(".", "").strip()
        if after.startswith(("am", "pm", "a m", "p m", "oclock", "o'clock", "o’clock")):
            continue
        before = text[: match.start()].split()
        if before and before[-1].lower().strip(",(") in _CLOCK_WORDS:
            continue
        if before and re.fullmatch(r"\d{1,2}", before[-1]):
            continue  # "John 3:16"-style references are rare; scores "2 1:30" rarer
        return True
    return False


_NAME = r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}"
# a caption's closing credit: "(Jane Roe)", "(Jane Roe/for the Daily Bugle)",
# "Outlet/Jane Roe", "Jane Roe | Outlet", "… Jane Roe reports. More", and after the
# caption's last sentence "… in Elm Park. Jane Roe for the Daily Bugle"
_NAME_CREDIT = re.compile(
    rf"\({_NAME}(?:\s*/[^()]{{1,40}})?\)\s*$|\b\w+/{_NAME}\s*$|{_NAME} \| [A-Z][\w .&'-]{{1,30}}$"
    rf"|{_NAME} reports(?:\.? \w+)?\s*$"
    rf"|[.!?] {_NAME} for (?:the )?[A-Z][\w&'-]*(?: [A-Z][\w&'-]*){{0,4}}\s*$"
)


def _credit_at_end(text: str) -> bool:
    """A photo credit closing a caption, maybe with a few interface words after it:
    "… (Photo: Name, Outlet)Buy Photo", "… (Jane Roe/for the Daily Bugle)"."""
    if any(len(text[match.end() :].split()) <= 3 for match in _CREDIT.finditer(text)):
        return True
    return _NAME_CREDIT.search(text) is not None
