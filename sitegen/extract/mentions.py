"""Name mentions: every name-like entity, with the evidence that it names a person and
the roles the text gives it.

Whether a name is a person is not decided here but voted on, per article (below) and
story-wide (sitegen/merge/people.py), from all its occurrences and their contexts.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from sitegen.agreement import MONTHS, WEEKDAYS
from sitegen.extract.lexicon import (
    DOCUMENT_NOUNS,
    ENTITY_LABELS,
    EVENT_TAILS,
    HUMAN_HEADS,
    KIN_NOUNS,
    ORG_NOUNS,
    OUTLET_VERBS,
    PLACE_HEADS,
    PLACE_NOUNS,
    PLACE_PREPOSITIONS,
    PLACE_TAILS,
    PLATFORM_PREPOSITIONS,
    PUBLISHING_VERBS,
    SPEECH_VERBS,
    STREET_TAILS,
    STREET_WORDS,
)
from sitegen.extract.names import (
    HONORIFICS,
    TITLE_WORDS,
    TITLES,
    clean_name,
    fold,
    name_parts,
    quoted_nickname,
)
from sitegen.extract.numbers import ORDINAL_DIGITS
from sitegen.extract.params import current
from sitegen.extract.records import NameMention
from sitegen.extract.syntax import children, is_subject
from sitegen.extract.view import children_of, ents_of, text_of, tokens_of
from sitegen.wordnet import noun_kinds

if TYPE_CHECKING:  # spaCy types only: merging imports this module without spaCy
    from spacy.tokens import Doc, Span, Token

# NER labels that compete with PERSON for a name; the rarer ones weigh half, since NER
# often gives an unfamiliar person's name a product or facility label.
COMPETING_LABELS = {
    "ORG": 1.0,
    "GPE": 1.0,
    "NORP": 1.0,
    "LOC": 1.0,
    "FAC": 0.5,
    "PRODUCT": 0.5,
    "WORK_OF_ART": 0.5,
    "EVENT": 0.5,
    "LAW": 0.5,
}
PERSON_EVIDENCE = {"speaker", "title", "appos", "age", "who", "kin"}
THING_NOUNS = ORG_NOUNS | PLACE_NOUNS
# Evidence strong enough to make a name a person without a PERSON label: a relative
# ("Mr. Trump's daughter Ivanka", "Melina's mother"), a human role ("Keiko Sato, a
# 31-year-old nurse") or an age ("Cornell Beckley, 27,"); titles and appositives in
# general attach to places and organisations too.
ROLE_EVIDENCE = {"kin", "human-role", "age"}
NOT_PERSON_EVIDENCE = {"platform", "common-words", "thing"}
_AGE_AFTER = re.compile(r",\s(\d{1,3})(?:[,;]|\.(?:\s|$))")  # "Kem Delaney, 23;"
_AGE_BEFORE = re.compile(r"\b(?:\d{1,3}|[A-Za-z]+)[- ](?:year|month|week)s?[- ]old\s*$")
_NICKNAMED = re.compile(r"\b([A-Z][a-z]+)\s+[\"“]([A-Z][\w.-]*)[\"”]\s+([A-Z][\w'’-]+)")
_NICKNAMING = {"nicknamed", "dubbed", "nickname", "moniker", "called"}
_PARTY_TAG = re.compile(r"^\(?[DRI]-[A-Z][\w.]*\)?(?:,\s*|$)")  # "D-Ill., the No. 2 …"
_LIST_ROLE = re.compile(r"^(?:and|or)\b|,\s*(?:and|or)\b")


def sentence_mentions(
    sentence: Span, offset: int, quoted: list[tuple[int, int]]
) -> list[tuple[Span, NameMention]]:
    """The name mentions of one sentence, each with its entity span; `quoted` holds the
    doc-relative character ranges inside quotation marks."""
    found: list[tuple[Span, NameMention]] = []
    for ent in ents_of(sentence):
        if ent.label_ != "PERSON" and ent.label_ not in ENTITY_LABELS:
            continue
        if _is_title_fragment(ent):
            continue
        label = ent.label_
        ent = _before_of_place(_without_opening_word(ent))
        if label == "PERSON":
            ent = _with_given_names(ent)
        name = clean_name(ent.text)
        if name is None or _names_a_place(name) or _names_a_place(ent.text.strip(" .,")):
            continue
        local = ent.text.find(name.split()[0])
        start = offset + ent.start_char + max(local, 0)
        mention = NameMention(
            name=name,
            start=start,
            end=start + len(name),
            label=label,
            quoted=any(a <= ent.start_char < b for a, b in quoted),
        )
        if _after_nicknaming(ent) and len(name.split()) > 1:
            surname = name.split()[-1]  # nicknamed “Iron Horse Baxter”: Baxter, so named
            mention.start = mention.end - len(surname)
            mention.name = surname
        _add_evidence(ent, mention)
        if _after_street_number(ent):
            mention.evidence.append("thing")  # "the 5000 block of Aldine Bender", "11700 Robertson"
        found.append((ent, mention))
    found += _unlabelled_with_age(sentence, offset)
    return _with_nicknames(sentence, offset, found)


def _with_given_names(ent: Span) -> Span:
    """ "Demetrius O'Neal, 19, and Tajze Battle, 22,": NER often tags only the surname of
    an unfamiliar name, or its last two words ("as Anaiya [Denise Montgomery]"); the
    capitalised proper nouns right before it that the parser joins to it, and NER gives
    no label of their own, are its given names (not a title or a role, "Detective
    Nixon", a day, "said Friday Santiago", nor a sentence's first word, "“Hi Don.”")."""
    root = ent.root
    if len(ent) > _GIVEN_BEFORE or (root.dep_ == "compound" and root.head.pos_ == "NOUN"):
        return ent  # "a Go Lo vestibule": a name modifying a thing is no one's
    first = next((t.i for t in tokens_of(ent.sent) if not (t.is_punct or t.is_space)), ent.start)
    start = ent.start
    while start - 1 > first:
        word = ent.doc[start - 1]
        if not (
            word.pos_ == "PROPN"
            and word.is_title
            and not word.ent_type_
            and word.dep_ == "compound"
            and start <= word.head.i < ent.end
            and word.lower_.strip(".") not in _ROLE_WORDS
            and (len(ent) == 1 or _opens_a_name(word))
        ):
            break
        start -= 1
    return ent.doc[start : ent.end]


def _opens_a_name(word: Token) -> bool:
    """Before a two-word name NER found, a given name ("as Anaiya Denise Montgomery"):
    a word that names nothing in WordNet, ends in no title and follows no proper noun,
    rather than an office the title list does not hold ("Alderman Emma Mitts",
    "Investigator Timothy Blaise", "Undersheriff", "Antioch Baptist Church
    Undershepherd Willie Spencer")."""
    lower = word.lower_.strip(".")
    return (
        not noun_kinds(lower)
        and not lower.endswith(_OFFICE_TAILS)
        and not (word.i > 0 and word.doc[word.i - 1].pos_ == "PROPN")
    )


# titles long enough to end a compound office ("undersheriff"), filtered once
_OFFICE_TAILS = tuple(title for title in TITLES if len(title) >= 5)


_ROLE_WORDS = TITLES | HUMAN_HEADS | KIN_NOUNS | THING_NOUNS | set(WEEKDAYS) | set(MONTHS)
_GIVEN_BEFORE = 2  # words of a name NER tagged that may still miss a given name


def _unlabelled_with_age(sentence: Span, offset: int) -> list[tuple[Span, NameMention]]:
    """ "Murjan Issack Abdi, 20, was booked", "the shooting of 8-year-old De'Maree
    Adkins": a run of two to four capitalised proper nouns NER gave no label, followed
    by an age in commas or right after an age, is a person's name."""
    found = []
    for head in tokens_of(sentence):
        if head.pos_ != "PROPN" or head.ent_type_ or not head.is_title:
            continue
        start = head.i
        after = sentence.doc[head.i + 1 : head.i + 4].text_with_ws
        if not (_AGE_AFTER.match(after) or _after_an_age(head)):
            continue
        while start > sentence.start and (word := sentence.doc[start - 1]).pos_ == "PROPN":
            if (
                not word.is_title
                or word.ent_type_
                or word.dep_ != "compound"
                or word.head.i > head.i
            ):
                break
            start -= 1
        span = sentence.doc[start : head.i + 1]
        name = clean_name(span.text)
        if name is None or not 2 <= len(name.split()) <= 4:
            continue
        begin = offset + span.start_char + max(span.text.find(name.split()[0]), 0)
        mention = NameMention(name=name, start=begin, end=begin + len(name), label="")
        _add_evidence(span, mention)
        found.append((span, mention))
    return found


def _after_an_age(head: Token) -> bool:
    """The last of a run of unlabelled proper nouns the parser joins to it, right after
    "8-year-old"."""
    following = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    if following is not None and following.pos_ == "PROPN" and following.is_title:
        return False  # not the run's last word
    start = head.i
    while start > head.sent.start and (word := head.doc[start - 1]).pos_ == "PROPN":
        if not word.is_title or word.ent_type_ or word.head != head:
            return False
        start -= 1
    before = head.doc[max(start - _AGE_WORDS, head.sent.start) : start].text
    return start < head.i and _AGE_BEFORE.search(before) is not None


_AGE_WORDS = 6  # tokens of "8-year-old", "2 years old"


def _names_a_place(name: str) -> bool:
    """A street, building, district or notice ("Civic Center Drive", "Pine County", "Club
    Rehab"), or a place before an abbreviated title ("Vallejo Lt." of "Vallejo Lt. Kenny
    Park")."""
    words = name.split()
    last = words[-1].strip(".").lower()
    if len(words) > 2 and last in _COMPASS:
        last = words[-2].strip(".").lower()  # "Auburn Way North": a street and its side
        return last in PLACE_TAILS or last in STREET_WORDS
    if len(words) > 1 and words[0].lower() in PLACE_HEADS:
        return True  # "Club Rehab", "Fort Myers"
    if len(words) > 2 and last in EVENT_TAILS:
        return True  # "Martin Luther King Day": an occasion named for a person
    return len(words) > 1 and (last in PLACE_TAILS or last in TITLE_WORDS)  # not "Miracle King"


_COMPASS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}
_COMPASS |= {"n", "s", "e", "w", "ne", "nw", "se", "sw"}


def _after_street_number(ent: Span) -> bool:
    """A name right after a house number or "block of": an address."""
    before = ent.doc[max(ent.start - current().context_words, 0) : ent.start]
    number = before[-1].text if len(before) else ""
    if number.isdigit() and not re.fullmatch(r"(?:19|20)\d\d", number):  # not "In 2013 Strong"
        return True
    return len(before) >= 2 and before[-1].lower_ == "of" and before[-2].lower_ == "block"


# tags of a sentence's capitalised first word that NER takes into a name: "Following
# Romney's remarks", "Plus Obama said", "Also Warren"
_OPENING_TAGS = {"VBG", "IN", "CC", "RB"}


def _without_opening_word(ent: Span) -> Span:
    """The entity without the sentence's opening word, when that word is a connective
    or a participle and not part of the name."""
    first = ent[0]
    if len(ent) > 1 and first.is_sent_start and first.tag_ in _OPENING_TAGS:
        return ent.doc[ent.start + 1 : ent.end]
    return ent


def _before_of_place(ent: Span) -> Span:
    """ "Dominique Jerard Finch of Dorchester": NER often takes a person and the place
    they are from as one organisation's name; the name is the words before "of" (two
    or more, the last no organisation or place noun: not "Massachusetts Institute of
    Technology", "Bank of America")."""
    for token in ent[2:]:
        if token.lower_ != "of":
            continue
        before = ent.doc[ent.start : token.i]
        capitalised = all(t.text[:1].isupper() for t in before)
        if capitalised and before[-1].lower_ not in THING_NOUNS | PLACE_TAILS:
            return before
        break
    return ent


def _after_nicknaming(ent: Span) -> bool:
    """A name in quotation marks right after "nicknamed", "dubbed", "known as": a
    nickname of someone the text names otherwise, not a person of its own."""
    doc = ent.doc
    i = ent.start - 1
    quoted = ent[0].is_quote
    while i >= 0 and (doc[i].is_quote or doc[i].is_title) and not quoted:
        quoted = doc[i].is_quote  # back over “Smiling Sam Baxter” to its opening mark
        i -= 1
    if i < 0 or not quoted:
        return False  # not in quotation marks
    words = doc[max(i - 1, 0) : i + 1].text.lower()
    return doc[i].lower_ in _NICKNAMING or words.endswith("known as")


def _is_title_fragment(ent: Span) -> bool:
    """ "Pro Tem" in "Senate President Pro Tem David Long": a title-case phrase tagged as a
    name but modifying the name that follows it."""
    root = ent.root
    return root.dep_ == "compound" and root.head.ent_type_ == "PERSON" and root.head.i >= ent.end


def _with_nicknames(
    sentence: Span, offset: int, found: list[tuple[Span, NameMention]]
) -> list[tuple[Span, NameMention]]:
    """William "Mo" Cowan: NER splits such a name at the quote marks; read it whole."""
    for match in _NICKNAMED.finditer(text_of(sentence)):
        span = sentence.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None:
            continue
        name = f"{match.group(1)} {match.group(3)}"
        start = offset + sentence.start_char + match.start()
        found = [(e, m) for e, m in found if not (span.start <= e.root.i < span.end)]
        mention = NameMention(
            name=name,
            start=start,
            end=start + len(match.group(0)),
            label="PERSON",
            nickname=quoted_nickname(match.group(0)),
        )
        _add_evidence(span, mention)
        found.append((span, mention))
    return sorted(found, key=lambda pair: pair[1].start)


def _add_evidence(ent: Span, mention: NameMention) -> None:
    """Roles (titles, appositives, ages) and signs for or against a person's name."""
    head = ent.root
    if is_subject(head) and head.head.lemma_ in SPEECH_VERBS - OUTLET_VERBS:
        mention.evidence.append("speaker")
    _add_title(ent, mention)
    _add_roles(ent, mention)
    if any(
        c.dep_ == "relcl" and any(t.lower_ == "who" for t in children_of(c))
        for c in children_of(head)
    ):
        mention.evidence.append("who")
    age = _AGE_AFTER.match(
        ent.doc[ent.end : ent.end + current().context_words].text_with_ws
        if ent.end < len(ent.doc)
        else ""
    )
    if age:
        mention.evidence.append("age")
        mention.roles.append(f"aged {age.group(1)}")
    elif _age_before(ent) and "age" not in mention.evidence:
        mention.evidence.append("age")  # "20-year-old Kyanedre Benson": only a person has one
    if head.dep_ == "poss" and head.head.lemma_.lower() in KIN_NOUNS:
        mention.evidence.append("kin")  # "Melina's mother": only a person has one
    if _on_a_platform(head):
        mention.evidence.append("platform")  # "posted on Twitter", "via Gawker"
    if not {"age", "kin"} & set(mention.evidence) and any(rule(ent) for rule in _THING_RULES):
        mention.evidence.append("thing")  # not "24-year-old Deashaun Turrentine" beside an
        # organisation NER saw in "Dejuan Jones": only a person has an age or kin


def _age_before(ent: Span) -> bool:
    """An age written right before the name ("22-year-old Trung Le", "her 3-month-old
    Ava"), which the parser often hangs on the name as an adjective, not a title; not
    when the name modifies a noun ("the 3-year-old Cleveland boy")."""
    doc = ent.doc
    root = ent.root
    if root.dep_ == "poss" or (root.dep_ == "compound" and root.head.pos_ == "NOUN"):
        return False  # "a 21-year-old Alameda County Sheriff's volunteer": the volunteer's
    # the words before, as `doc.text` holds them (which would join every token to build)
    before = doc[max(ent.start - 6, 0) : ent.start].text_with_ws
    return _AGE_BEFORE.search(before) is not None


def _add_title(ent: Span, mention: NameMention) -> None:
    """A title before the name ("Chief Cabinet Secretary", "his daughter") or inside it
    ("Mr. Smith" tagged whole)."""
    title = title_before(ent) or _office_of_before(ent)
    if title:
        mention.evidence.append("kin" if title.split()[-1].lower() in KIN_NOUNS else "title")
        if _human_role(title):
            mention.evidence.append("human-role")  # "Strzok attorney Aitan Goelman"
        if not all(w.lower().strip(".") in HONORIFICS for w in title.split()):
            mention.roles.append(title)  # "Mr." says how to address, not who
    if ent.text.split()[0].lower().strip(".") in TITLES and len(ent) > 1:
        mention.evidence.append("title")


def _add_roles(ent: Span, mention: NameMention) -> None:
    """The roles in apposition: after the name (", a nurse in Kobe,") and before it
    ("the first lady, Melania Trump")."""
    for role in _roles_after(ent):
        mention.evidence.append("appos")
        mention.roles.append(role)
        if _human_role(role):
            mention.evidence.append("human-role")  # ", a 31-year-old nurse in Kobe,"
    named = _role_it_names(ent)
    if named:
        mention.evidence.append("kin" if named.split()[-1].lower() in KIN_NOUNS else "appos")
        mention.roles.append(named)
        if _human_role(named):
            mention.evidence.append("human-role")  # "the first lady, Melania Trump"


def _on_a_platform(head: Token) -> bool:
    """ "via Gawker", "posted on Twitter", "a message on Facebook" (not "calling on X")."""
    preposition = head.head
    if head.dep_ != "pobj" or preposition.lower_ not in PLATFORM_PREPOSITIONS:
        return False
    if preposition.lower_ == "via":
        return True
    governor = preposition.head
    return (
        governor.lemma_ in SPEECH_VERBS | PUBLISHING_VERBS
        or governor.lemma_.lower() in DOCUMENT_NOUNS
    )


def _names_a_thing(ent: Span) -> bool:
    """Contexts that make a name an organisation or a place: "his hometown, Frog Jump",
    "The Root, a news site", "the law firm of Mintz Levin", "Harvard and Harvard Law"."""
    head = ent.root
    governor = head.head
    if head.dep_ == "appos" and governor.i < ent.start and governor.pos_ == "NOUN":
        return governor.lemma_.lower() in THING_NOUNS
    if (
        head.dep_ == "pobj"
        and governor.lower_ == "of"
        and governor.head.lemma_.lower() in ORG_NOUNS
    ):
        return True
    for child in children_of(head):
        if child.dep_ == "appos" and child.i > head.i and child.lemma_.lower() in ORG_NOUNS:
            return True
    return _joined_with_organisations(head)


def _joined_with_organisations(head: Token) -> bool:
    """A name coordinated only with organisations or buildings ("Harvard and Harvard
    Law"); not places: NER gives unfamiliar given names place labels ("Malia and Sasha
    Obama")."""
    governor = head.head
    linked = [
        t
        for t in (governor, *children_of(head))
        if t.i != head.i and (t.dep_ == "conj" or (head.dep_ == "conj" and t is governor))
    ]
    if any(_names_people(t) for t in (head, *linked)):
        return False  # "two survivors, Odalis Lugo and Gelissa Watson": NER's ORG, people
    return bool(linked) and all(t.ent_type_ in ("ORG", "FAC") for t in linked)


def _names_people(name: Token) -> bool:
    """The name stands beside a noun for people: "the survivors, A and B"."""
    return name.dep_ == "appos" and name.head.lemma_.lower() in HUMAN_HEADS


def _names_a_residence(ent: Span) -> bool:
    """ "Shannon Combes, 30, of Rockport", "Jane Roe of Quincy": the place a person is
    from, after their age or their name (an appositive after it is the person's)."""
    head = ent.root
    of = head.head
    if head.dep_ != "pobj" or of.lower_ != "of" or of.i != ent.start - 1 or of.i < 2:
        return False
    doc = ent.doc
    before = doc[of.i - 1]
    if before.text == ",":
        return doc[of.i - 2].like_num  # "Combes, 30, of Rockport"
    return before.ent_type_ == "PERSON" and before.pos_ == "PROPN"


def _names_a_street(ent: Span) -> bool:
    """A street: one side of an intersection ("40th and Boulevard Place", "51st and
    Indiana"), or a name ending in a word that also names a street, after a
    preposition of place ("on Castro Lane", "near Hazel Way")."""
    head = ent.root
    linked = [head.head] if head.dep_ == "conj" else []
    linked += [t for t in children_of(head) if t.dep_ == "conj"]
    if any(ORDINAL_DIGITS.fullmatch(t.text) for t in linked) or _beside_a_street(ent):
        return True
    after_place = head.dep_ == "pobj" and head.head.lower_ in PLACE_PREPOSITIONS
    if after_place and head.head.head.lemma_.lower() in PLACE_NOUNS | PLACE_TAILS:
        return True  # "the apartments on Aldine Bender", "a house near Elm": an address
    return len(ent) > 1 and ent[-1].lower_ in STREET_WORDS and after_place


def _beside_a_street(ent: Span) -> bool:
    """The other side of an intersection with a named street ("Schreiner St. and Sidney
    Baker", "Sidney Baker and Schreiner Street"): a street too."""
    doc = ent.doc
    before = doc[max(ent.start - 2, 0) : ent.start]
    if len(before) == 2 and before[1].lower_ in ("and", "&") and _street_word(before[0]):
        return True
    after = doc[ent.end : ent.end + 5]
    if len(after) < 2 or after[0].lower_ not in ("and", "&"):
        return False
    words = list(itertools.takewhile(lambda t: t.is_title, after[1:]))
    return len(words) > 1 and _street_word(words[-1])


def _street_word(token: Token) -> bool:
    """A capitalised word that ends a street's name ("St.", "Avenue", "Road")."""
    bare = token.lower_.strip(".")
    return token.text[:1].isupper() and (bare in STREET_WORDS or bare in STREET_TAILS)


def _common_noun(ent: Span) -> bool:
    """ "a Republican", "the Californian": one capitalised word after an article is a
    noun, not someone's name."""
    head = ent.root
    return len(ent) == 1 and any(
        c.dep_ == "det" and c.lower_ in _ARTICLES for c in children_of(head)
    )


def _names_a_place_it_owns(ent: Span) -> bool:
    """ "Arnold Palmer Children's Hospital", "St. Jude's Medical Center": a possessive
    before a capitalised place word is the first part of that place's name."""
    head = ent.root
    owned = head.head
    return (
        head.dep_ == "poss"
        and owned.i > head.i
        and owned.is_title
        and owned.lower_ in PLACE_TAILS - STREET_TAILS
    )


def _names_a_hometown(ent: Span) -> bool:
    """ "a Gary woman", "the Quincy girl", "an Albuquerque teen": a name modifying a word
    for just anyone says where they are from (a family's name modifies a family word:
    "the Davis brothers")."""
    head = ent.root
    return head.dep_ == "compound" and head.head.lemma_.lower() in _ANYONE


_ANYONE = {"man", "woman", "boy", "girl", "teen", "teenager", "resident", "native", "youth"}
_ARTICLES = {"a", "an", "the", "another"}
# contexts that make a name an organisation, a place or a common noun
_THING_RULES = (
    _names_a_thing,
    _names_a_residence,
    _names_a_street,
    _common_noun,
    _names_a_hometown,
    _names_a_place_it_owns,
)


def title_before(ent: Span) -> str | None:
    """Words right before a name and attached to it that say what the person is: "Chief
    Cabinet Secretary", "music publicist", "23-year-old"."""
    doc = ent.doc
    words, i = _words_before(ent)
    if words and words[0].text == "-" and _joined_to_previous(doc, i):
        return None  # "a latter-day Dan Quayle": the part of a compound is no title
    while words and (
        words[0].tag_ == "POS"
        or not re.search(r"[A-Za-z0-9]", words[0].text)
        or words[0].lower_ in _SAID
    ):
        words.pop(0)  # "-", a list's bullet "º", "Said" opening "Said District Attorney X:"
    if not words or not any(_role_word(w) for w in words):
        return None
    if all(w.is_digit or w.is_punct for w in words):
        return None  # "11700 Robertson": a house number, not what someone is
    if all(w.ent_type_ in ("ORG", "GPE", "NORP") or w.tag_ == "POS" for w in words):
        return None  # "Japan's Ryoga Seki": where from, not what
    return "".join(_expanded(t) + t.whitespace_ for t in doc[words[0].i : words[-1].i + 1]).strip()


def _words_before(ent: Span) -> tuple[list[Token], int]:
    """The words before a name that hang on it (or on each other), and the index of the
    word before them."""
    doc = ent.doc
    i = ent.start - 1
    words: list[Token] = []
    while i >= 0:
        token = doc[i]
        if token.tag_ == "POS" and i > 0:
            words.insert(0, token)  # "Strzok's attorney": the possessive joins the title
        elif _title_word(token, ent, words):
            words.insert(0, token)
        else:
            break
        i -= 1
    return words, i


def _title_word(token: Token, ent: Span, words: list[Token]) -> bool:
    """A word that can be part of a title: attached to the name or to the title's words
    so far, not a function word or a punctuation mark, capitalised or a role noun."""
    attached = ent.start <= token.head.i < ent.end or token.head.i in {w.i for w in words}
    if not attached or token.pos_ in ("DET", "ADP", "PRON", "VERB", "CCONJ", "AUX"):
        return False
    if token.text == "-":
        return True
    lowercase_role = token.pos_ in ("NOUN", "NUM") or token.lower_ in TITLES
    return not token.is_punct and (token.text[:1].isupper() or lowercase_role)


def _joined_to_previous(doc: Doc, i: int) -> bool:
    """The word at `i` runs on, without a space, into the words after it."""
    return i >= 0 and doc[i].whitespace_ == "" and not doc[i].is_punct


def _role_word(word: Token) -> bool:
    """A title ("Gov.") or a common noun or number ("publicist", "23-year-old")."""
    return word.lower_.strip(".") in TITLES or word.pos_ in ("NOUN", "NUM")


_SAID = {"said", "says", "added", "adds", "told", "asked"}


def _office_of_before(ent: Span) -> str | None:
    """An office named with "of" right before a name: "Director of National Intelligence
    James Clapper", "the President of France Emmanuel Macron" (the parser hangs its
    words on other heads, so `title_before` cannot walk them)."""
    doc = ent.doc
    i = ent.start - 1
    while i >= 0 and (doc[i].is_title or doc[i].lower_ in ("of", "the")):
        i -= 1
    words = list(doc[i + 1 : ent.start])
    while words and words[0].lower_ in ("of", "the"):
        words.pop(0)
    if not words or not words[-1].is_title or "of" not in {w.lower_ for w in words}:
        return None
    first = words[0].lower_.strip(".")
    if first not in TITLES or first in HONORIFICS:
        return None
    if i >= 0 and doc[i].lower_ in _TENURE:
        words.insert(0, doc[i])  # "former Chief of Staff William Cowan"
    return doc[words[0].i : words[-1].i + 1].text


_TENURE = {"former", "acting", "interim", "then", "outgoing", "incoming"}


def _expanded(token: Token) -> str:
    """An abbreviated title written out, so that a description reads: "Gov." -> "Governor"."""
    bare = token.lower_.strip(".")
    if token.text.endswith(".") and bare in TITLE_WORDS:
        return TITLE_WORDS[bare].capitalize()
    return token.text


def _roles_after(ent: Span) -> Iterable[str]:
    """The appositive after a name (", a 23-year-old student in Osaka,") and a "who is a
    ..." clause."""
    head = ent.root
    for child in children_of(head):
        if child.i <= head.i:
            continue
        if (
            child.dep_ == "appos"
            and _closed(child)
            and not _hyphenated_start(child)
            and (not _plural(child) or _in_a_list(head))
        ):  # "Carmen Feldman, of Orlando, right, cries while …": a verb misparsed
            role = _phrase(child)
            if role:
                yield role
        elif (
            child.dep_ == "relcl"
            and child.lemma_ == "be"
            and any(t.lower_ == "who" for t in children_of(child))
        ):
            for attr in children(child, "attr"):
                role = _phrase(attr)
                if role:
                    yield role


def _plural(noun: Token) -> bool:
    return noun.tag_ in ("NNS", "NNPS")


def _in_a_list(name: Token) -> bool:
    """A name coordinated with others ("Malia and Sasha"), which a plural role fits."""
    return name.dep_ == "conj" or any(c.dep_ == "conj" for c in children_of(name))


def _hyphenated_start(token: Token) -> bool:
    """A piece of a hyphenated word ("co", "-" of "co-chair") the parser took for an
    appositive of its own: the role is the whole word's phrase, read from its last piece."""
    return (
        not token.whitespace_
        and token.i + 1 < len(token.doc)
        and (token.text in _HYPHENS or token.nbor().text in _HYPHENS)
    )


_HYPHENS = {"-", "–", "‐"}


def _closed(appositive: Token) -> bool:
    """An appositive is not followed by a verb: one that is, is the next clause's
    subject misparsed. In "As with the firing of Jeff Sessions, the split with Mr.
    Mattis was a full turn", "the split" is no role."""
    last = max(t.i for t in appositive.subtree)
    doc = appositive.doc
    if doc[last].is_punct or last + 1 >= appositive.sent.end:
        return True
    return doc[last + 1].pos_ not in ("VERB", "AUX")


def _human_role(role: str) -> bool:
    """A role only a person has: its head is a human noun, or it gives an age."""
    core = re.split(r"\s(?:of|for|in|at|from|with|who|which|that|on|to)\s|,", role)[0]
    words = core.lower().split()
    return bool(words) and (words[-1] in HUMAN_HEADS or "-year-old" in core)


def _role_it_names(ent: Span) -> str | None:
    """The role a name stands in apposition to: "the first lady, Melania Trump" and "Mr.
    Bloomberg's daughter Georgina" give "the first lady", "Mr. Bloomberg's daughter"."""
    head = ent.root
    role = head.head
    if head.dep_ != "appos" or role.i >= ent.start or role.pos_ != "NOUN":
        return None
    if role.lemma_.lower() in THING_NOUNS:
        return None  # "his whimsically named hometown, Frog Jump": a place
    if role.dep_ == "appos" and role.head.pos_ in ("NOUN", "PRON"):
        return None  # "you, the police department, the mayor, the FBI": a list
    if sum(c.dep_ == "appos" for c in children_of(role)) > 1:
        return None  # "the mayor, the FBI, everyone": a list too, parsed another way
    between = ent.doc[role.i + 1 : ent.start]
    inside = {t.i for t in role.subtree}
    if any(t.i not in inside and not t.is_punct for t in between):
        return None  # "“yea” votes have dwindled since: Stephen Breyer, 87": no apposition
    if any(t.text == ":" for t in between):
        return None  # "learned the names of the two men: Christopher Hansen and …": a list
    if _plural(role) and not _in_a_list(ent.root):
        return None  # one person is not "the bombers"
    words = [t for t in role.subtree if t.i <= role.i]
    span = ent.doc[words[0].i : role.i + 1]
    return span.text.strip(" ,") or None


def _phrase(token: Token) -> str | None:
    """A role's words, up to a comma starting another clause (", who donated …") or the
    next item of a list ("Mike Pompeo, the secretary of state, and John Bolton, …")."""
    span = token.doc[_role_start(token) : _role_end(token)]
    text = _PARTY_TAG.sub("", span.text.strip(" ,;—–-"))
    return text if _reads_as_role(span, text) else None


def _role_end(token: Token) -> int:
    """Where the role headed by `token` ends: its subtree, cut before ", who …" or the
    next item of a list."""
    subtree = list(token.subtree)
    end = subtree[-1].i + 1
    for t in subtree:
        if t.i > token.i and t.text == "," and t.i + 1 < end and _opens_clause(t.nbor()):
            end = t.i
            break
    for conj in (c for c in token.rights if c.dep_ == "conj" and c.i < end):
        if token.doc[conj.left_edge.i - 1].text == "," and not any(
            t.dep_ == "cc" for t in token.subtree
        ):
            end = conj.left_edge.i - 1  # "X, the acting secretary, broad latitude to …":
            break  # a list without "and" is the verb's next object misparsed
    return end


def _opens_clause(word: Token) -> bool:
    """The first word after a comma that starts another clause or list item."""
    return word.lower_ in ("who", "which", "whose", "where") or word.pos_ == "CCONJ"


def _role_start(token: Token) -> int:
    """Where the role headed by `token` starts, with the first pieces of a hyphenated
    word the parser hung elsewhere ("co-chair")."""
    doc = token.doc
    start = next(token.subtree).i
    while (
        start >= 2
        and doc[start - 1].text in _HYPHENS
        and not (doc[start - 1].whitespace_ or doc[start - 2].whitespace_)
    ):
        start -= 2
    return start


def _reads_as_role(span: Span, text: str) -> bool:
    """Words that describe a person, not a misparse, a party tag or a list of names."""
    words = text.split()
    if not words or len(words) > current().max_role_words or not any(ch.isalpha() for ch in text):
        return False
    if span[0].pos_ == "PRON" or span[0].tag_ == "PRP$":
        return False  # "his entire month's wages": a misparse, not a role
    if not any(w[:1].islower() for w in words):
        return False  # "(D-Calif.)", ", R-N.C.,", "D-Ill.": party and state, not a role
    if span.root.ent_type_ in ("PERSON", "GPE", "ORG", "NORP", "DATE", "LOC"):
        return False  # "Donald Trump, Mike Pence" or "Ohio, Dayton": a list, not a role
    # "Calvin Coolidge, the Statue of Liberty and …": a list
    return not (_LIST_ROLE.search(text) and span.root.lower_ not in HUMAN_HEADS)


def surname_mentions(
    sentence: Span, offset: int, quoted: list[tuple[int, int]], surnames: set[str]
) -> list[NameMention]:
    """A person's surname NER left untagged ("Sato said she …"), as a mention of its own,
    without a label of its own."""
    found = []
    for token in tokens_of(sentence):
        if token.ent_type_ or not token.is_title or fold(token.text) not in surnames:
            continue
        if quoted and any(a <= token.idx < b for a, b in quoted):
            continue
        mention = NameMention(
            name=token.text, start=offset + token.idx, end=offset + token.idx + len(token), label=""
        )
        _add_evidence(sentence.doc[token.i : token.i + 1], mention)
        found.append(mention)
    return found


def cut_common_plurals(mentions: list[NameMention], text: str) -> None:
    """A name NER ran into the plural noun after it ("Douglas Shine Jurors", "Kevin
    Brown Witnesses" where a crawl lost the full stop) ends before that noun: a last
    word in the plural that the article's prose `text` also writes in lower case, when
    two words of a name are left ("Sarah Huckabee Sanders" stays whole: no story
    writes "sanders")."""
    for mention in mentions:
        words = mention.name.split()
        last = words[-1]
        if len(words) < 3 or not re.fullmatch(r"[A-Z][a-z]+s", last):
            continue
        if re.search(rf"\b{last.lower()}\b", text):
            mention.name = " ".join(words[:-1])
            mention.end = mention.start + len(mention.name)


def titles_used_as_names(sentences: Iterable[Span]) -> set[str]:
    """Title words the text also uses alone, without a determiner, as a clause's subject
    ("Major was shot in the chest"): there the word is someone's given name, not a rank
    ("3-year-old Major Howard")."""
    found = set()
    for sentence in sentences:
        for token in tokens_of(sentence):
            if (
                token.pos_ == "PROPN"
                and token.is_title
                and token.lower_ in TITLES
                and is_subject(token)
                and not any(
                    c.dep_ in ("det", "compound", "amod", "poss") for c in children_of(token)
                )
                and (token.i + 1 >= len(token.doc) or token.nbor().pos_ != "PROPN")
            ):
                found.add(token.text)
    return found


def join_given_titles(mentions: list[NameMention], text: str, given: set[str]) -> None:
    """A name after a title word the text uses as a given name (`titles_used_as_names`)
    begins with that word: "Major Howard", not "Howard" with the rank "Major"."""
    for mention in mentions:
        for word in given & set(mention.roles):
            if text[max(mention.start - len(word) - 1, 0) : mention.start] == f"{word} ":
                mention.roles.remove(word)
                mention.name = f"{word} {mention.name}"
                mention.start -= len(word) + 1


def has_word(text: str, word: str) -> bool:
    r"""`re.search(rf"\b{re.escape(word)}\b", text)`, without compiling a pattern for
    each distinct word of every article: the compilations cost more than the scans)."""
    at = text.find(word)
    while at >= 0:
        if _boundary(text, at) and _boundary(text, at + len(word)):
            return True
        at = text.find(word, at + 1)
    return False


def _boundary(text: str, at: int) -> bool:
    r"""`\b` at `at`: a word character (`\w`: alphanumeric or "_") on one side only."""
    before = at > 0 and (text[at - 1].isalnum() or text[at - 1] == "_")
    after = at < len(text) and (text[at].isalnum() or text[at] == "_")
    return before != after


def mark_common_words(mentions: list[NameMention], text: str) -> None:
    """A title-case phrase whose words the article's prose `text` also writes in lower
    case ("Witch Hunt" beside "a witch hunt") is a heading fragment or a thing, not a
    name. (Not the front matter: a URL is in lower case.)"""

    @cache
    def written(word: str) -> bool:  # one scan of `text` per word, not per mention
        return has_word(text, word)

    for mention in mentions:
        words = name_parts(mention.name)[0]
        if len(words) > 1 and all(written(w.lower()) for w in words):
            mention.evidence.append("common-words")


@dataclass
class NameVotes:
    """How one name is labelled and used across a text."""

    labels: Counter[str] = field(default_factory=Counter)
    cues: int = 0  # occurrences in a person's context (speaks, has a title or a role)
    against: int = 0  # occurrences in a non-person context ("on Twitter")
    roles: int = 0  # occurrences with a role only a person has ("his daughter", "a nurse")

    @property
    def person_votes(self) -> float:
        """A role only a person has is what the text says of the name, where NER's label
        of an unfamiliar name is a guess from its shape: it counts as a context and as
        the PERSON label NER did not give."""
        return self.labels["PERSON"] + self.cues + current().role_vote * self.roles

    @property
    def other_votes(self) -> float:
        return self.against + sum(
            n * COMPETING_LABELS.get(label, 0.0) for label, n in self.labels.items()
        )


def count_vote(votes: NameVotes, mention: NameMention) -> None:
    """One occurrence's vote; inside quotation marks it counts half (someone else's
    words, often a nickname or a title-case slogan)."""
    votes.labels[mention.label] += current().quoted_vote if mention.quoted else 1.0  # type: ignore[assignment]  # float votes
    votes.cues += bool(set(mention.evidence) & PERSON_EVIDENCE)
    votes.against += len(set(mention.evidence) & NOT_PERSON_EVIDENCE)
    votes.roles += bool(set(mention.evidence) & ROLE_EVIDENCE)


def tally(mentions: Iterable[NameMention]) -> dict[str, NameVotes]:
    votes: dict[str, NameVotes] = defaultdict(NameVotes)
    for mention in mentions:
        count_vote(votes[mention.name], mention)
    return votes


def is_person_name(votes: NameVotes) -> bool:
    """Most of its labels and contexts say person (a tie, unless a context says thing);
    a role only a person has stands in for a PERSON label NER did not give."""
    if not (votes.labels["PERSON"] or votes.roles):
        return False
    return votes.person_votes > votes.other_votes or (
        votes.person_votes == votes.other_votes and not votes.against
    )


def could_be_person(votes: NameVotes) -> bool:
    """A lone word matching a person's name is that person unless the text treats it as
    a place or nationality ("Washington" beside "George Washington")."""
    if votes.labels["PERSON"] or votes.cues:
        return True
    label, _ = votes.labels.most_common(1)[0]
    return label not in ("GPE", "LOC") and not votes.against


def article_people(mentions: list[NameMention]) -> set[str]:
    """The names that are people in one article: full names by the vote, single words
    when they are a person's surname or given name, or vote as a person themselves."""
    votes = tally(mentions)
    people = {
        name for name, v in votes.items() if len(name_parts(name)[0]) >= 2 and is_person_name(v)
    }
    people |= _single_word_people(votes, people)
    people |= _full_names_of_single_words(votes, people)
    return people


def _single_word_people(votes: dict[str, NameVotes], people: set[str]) -> set[str]:
    """One-word names that are the first or last word of a person's full name, or vote
    as a person themselves."""
    parts = {fold(w) for name in people for w in (name_parts(name)[0][0], name_parts(name)[0][-1])}
    return {
        name
        for name, v in votes.items()
        if len(name_parts(name)[0]) == 1
        and ((fold(name_parts(name)[0][0]) in parts and could_be_person(v)) or is_person_name(v))
    }


def _full_names_of_single_words(votes: dict[str, NameVotes], people: set[str]) -> set[str]:
    """Full names ending in a one-word person's name: "Volodymyr Zelenskyy" (tagged ORG)
    beside "Zelenskyy said"."""
    singles = {fold(name) for name in people if len(name_parts(name)[0]) == 1}
    return {
        name
        for name, v in votes.items()
        if len(words := name_parts(name)[0]) >= 2
        and fold(words[-1]) in singles
        and could_be_person(v)
    }
