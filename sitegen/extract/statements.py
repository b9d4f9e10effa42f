"""Key facts: which sentences state something checkable, and the comparable keys of a
passage (names, entities, lemmas, subject-verb frames) that merging clusters on.

A key fact is a full sentence with checkable content: someone or something named, or a
number, doing or undergoing something. Questions, headings, the writer's own voice
("we hope that ..."), descriptions with nothing named ("the crisis has been of great
concern") and fragments are not.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sitegen.agreement import MONTHS, WEEKDAYS
from sitegen.extract.lexicon import (
    DOCUMENT_NOUNS,
    ENTITY_LABELS,
    FIRST_SECOND_PERSON,
    INDEFINITE,
    QUANTITY_OF,
    SPEECH_VERBS,
)
from sitegen.extract.names import clean_name
from sitegen.extract.params import current
from sitegen.extract.records import FactCandidate
from sitegen.extract.syntax import (
    ANY_SUBJECTS,
    REPORTED_CLAUSES,
    SUBJECTS,
    has_child,
    root_subject,
    subject_of,
)
from sitegen.extract.view import children_of, ents_of, text_of, tokens_of

if TYPE_CHECKING:  # spaCy types only: merging imports this module without spaCy
    from spacy.tokens import Span, Token

DATE_PREFIX = "date:"
TELLING = "told:"  # after DATE_PREFIX: the date a source spoke, not the fact's
DISCOURSE_OPENERS = re.compile(
    r"^(?:however|meanwhile|but|and|also|still|yet|moreover|furthermore|in addition|"
    r"additionally|earlier|later|then|now|separately|instead|nonetheless|nevertheless|"
    r"as a result|in fact|indeed|similarly|likewise)\b,?\s+",
    re.I,
)
_UNCOUNTED_LEMMAS = {"say", "tell", "be", "have", "mention"}
CONTRAST_MARKS = {"while", "whereas"}  # "A did X, whereas B did Y": two facts, two actors


def is_checkable(sentence: Span) -> bool:
    """A complete declarative sentence whose subject is not the writer or "something"."""
    words = [t for t in tokens_of(sentence) if not t.is_punct and not t.is_space]
    params = current()
    if len(words) < params.min_counted_words or len(words) > params.max_statement_words:
        return False
    text = text_of(sentence).strip()
    if text.endswith(("?", ",")) or not _starts_like_a_sentence(text):
        return False
    if text.endswith(":") and not _states_before_colon(sentence):
        return False
    root = sentence.root
    if root.pos_ not in ("VERB", "AUX"):
        return False
    subject = root_subject(sentence)
    if subject is None:
        return False
    counted = _counted(subject)
    if len(words) < params.min_statement_words and not counted:
        return False  # "Two victims died." is a whole fact; "He then left." is not
    states = [c.lemma_.lower() for c in children_of(root) if c.dep_ == "acomp"]
    if root.lemma_ == "be" and states and not counted and not QUANTITY_OF.keys() & states:
        return False  # "the message was clear", "the crowd was enthralled": a judgement;
        # "a child is dead" is a casualty
    # not the writer's own voice ("we hope that ..."), not "something changed"
    return subject.lower_ not in FIRST_SECOND_PERSON | INDEFINITE


def _states_before_colon(sentence: Span) -> bool:
    """A sentence ending in a colon announces what follows ("He said:", "The dead were
    identified as:", "For her, the violence has personal dimensions:"); it is a fact of
    its own only when its clause is complete, speaks of no words and counts something:
    "By Tuesday, there were an additional 69 men willing to go:" gives a count before
    the quotation it opens."""
    words = [t for t in tokens_of(sentence) if not t.is_punct and not t.is_space]
    if words[-1].pos_ in _OPEN_ENDS or words[-1].lemma_.lower() in _POINTING_AHEAD:
        return False
    lemmas = {t.lemma_.lower() for t in words}
    if lemmas & (SPEECH_VERBS | DOCUMENT_NOUNS):
        return False
    return any(t.like_num for t in words)


# Parts of speech a clause cannot end on: it goes on after the colon.
_OPEN_ENDS = {"ADP", "DET", "AUX", "CCONJ", "SCONJ", "PART", "PRON"}
_POINTING_AHEAD = {"follow", "following", "below"}  # "as follows:", "the following:"


def _counted(subject: Token) -> bool:
    """A subject that counts ("Two people are dead", "16 others were hurt"): how many
    are in a state is a checkable figure, not a judgement."""
    return subject.like_num or any(c.dep_ == "nummod" and c.like_num for c in children_of(subject))


def _starts_like_a_sentence(text: str) -> bool:
    """Not a fragment cut out of a longer sentence: it starts with a capital, a digit or
    an opening mark."""
    first = next((ch for ch in text if ch.isalnum() or ch in "“\"‘'(["), "")
    return bool(first) and not first.islower()


def clauses(sentence: Span) -> list[Span]:
    """The main clauses of a sentence that joins facts of two actors ("Hundreds gathered
    in Tokyo, and the embassy said it collected $17 million"; "..., whereas ..."), so
    that each can join the claim of its own fact; otherwise the sentence alone."""
    root = sentence.root
    joined = [c for c in children_of(root) if c.i > root.i and _own_clause(c)]
    if not joined:
        return [sentence]
    doc, parts, start = sentence.doc, [], sentence.start
    for clause in joined:
        end = clause.left_edge.i
        while end > start and (doc[end - 1].is_punct or doc[end - 1].dep_ in ("cc", "mark")):
            end -= 1
        parts.append(doc[start:end])
        start = clause.left_edge.i
        while start < clause.i and _joint(doc[start]):
            start += 1
    parts.append(doc[start : sentence.end])
    if all(_clause_checkable(part) for part in parts):
        return parts
    return [sentence]


def _joint(token: Token) -> bool:
    """What joins a clause to the one before ("and", ","), not an opening mark of its
    own ("and “yea” votes have dwindled")."""
    return (token.is_punct and not token.is_left_punct) or token.dep_ in ("cc", "mark")


def _own_clause(token: Token) -> bool:
    """A verb joined to the root with a subject of its own: "and Y did", "whereas Y did"."""
    if token.pos_ not in ("VERB", "AUX") or subject_of(token, ANY_SUBJECTS) is None:
        return False
    if token.dep_ == "conj":
        return True
    return token.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS for c in children_of(token)
    )


def _clause_checkable(clause: Span) -> bool:
    words = [t for t in tokens_of(clause) if not t.is_punct and not t.is_space]
    subject = root_subject(clause)
    # a pronoun subject ("..., but he said") leans on the other clause: keep them whole
    return (
        len(words) >= current().min_clause_words and subject is not None and subject.pos_ != "PRON"
    )


def _dates_the_telling(ent: Span) -> bool:
    """A date of the attribution ("…, an official told reporters Friday", "Japan said
    on Monday it would …"): when the source spoke, not when the fact happened, so two
    outlets reporting one fact on two days do not contradict each other."""
    token = ent.root
    while token.dep_ in ("pobj", "prep", "npadvmod") and token.head != token:
        token = token.head
    return token.lemma_ in SPEECH_VERBS and (
        token.dep_ in REPORTED_CLAUSES or has_child(token, "ccomp")
    )


def add_features(span: Span, fact: FactCandidate) -> None:
    """What the passage asserts, as comparable keys: names, entities, lemmas, frames."""
    _add_entities(span, fact)
    _add_words(span, fact)


def _add_entities(span: Span, fact: FactCandidate) -> None:
    """The people's names, and the other entities and dates, as keys."""
    for ent in ents_of(span):
        if ent.label_ == "PERSON":
            name = clean_name(ent.text)
            if name and name not in fact.names:
                fact.names.append(name)
        elif (dated := _names_a_day(ent)) or ent.label_ in ENTITY_LABELS:
            key = entity_key(ent.text)
            if dated:
                key = DATE_PREFIX + (TELLING if _dates_the_telling(ent) else "") + key
            if key and key not in fact.entities:
                fact.entities.append(key)


def _names_a_day(ent: Span) -> bool:
    """A date, or a time of a named day ("Saturday night", tagged TIME): when it
    happened, to set against another source's day."""
    return ent.label_ == "DATE" or (
        ent.label_ == "TIME" and any(t.lower_ in WEEKDAYS or t.lower_ in MONTHS for t in ent)
    )


def _add_words(span: Span, fact: FactCandidate) -> None:
    """The content words' lemmas, each subject with its verb ("police|arrest"), and
    each verb with what it acts on ("arrest|man")."""
    for token in tokens_of(span):  # each attribute read once: every token is walked
        dep = token.dep_
        if dep in ACTED_ON:
            for act in acts_of(token):
                if act not in fact.acts:
                    fact.acts.append(act)
        if token.is_stop or token.is_punct or token.is_space or token.like_num:
            continue
        own = token.lemma_
        if token.pos_ in _CONTENT_POS and own not in _UNCOUNTED_LEMMAS:
            lemma = own.lower()
            if lemma.isalpha() and lemma not in fact.lemmas:
                fact.lemmas.append(lemma)
        if dep in SUBJECTS and token.head.pos_ == "VERB":
            frame = f"{own.lower()}|{_what_is_done(token.head).lemma_.lower()}"
            if frame not in fact.frames:
                fact.frames.append(frame)


def _what_is_done(verb: Token) -> Token:
    """ "had to apologize": the act is the apology; "have" only says it was due."""
    if verb.lemma_.lower() != "have":
        return verb
    done = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    return done if done is not None and has_child(done, "aux") else verb


ACTED_ON = ("dobj", "nsubjpass")  # what a verb acts on: its object, a passive subject
_CONTENT_POS = ("NOUN", "VERB", "ADJ", "PROPN", "ADV")


def acts_of(token: Token) -> list[str]:
    """ "verb|word" for what a verb acts on, when `token` is its direct object or passive
    subject ("declined the offer", "the offer was declined": "decline|offer"): one key
    for the object's head and one for each word naming it ("thanked the Japanese
    people": "thank|people", "thank|japanese"), as outlets name one participant in
    several ways. A particle stays with its verb ("turned down the offer":
    "turn_down|offer"), as WordNet lists such verbs. What is acted on, not only the
    act, makes two tellings of one fact: "police arrested a man" and "a man was
    arrested" share "arrest|man". A verb that is no content word ("have", "say") or
    is negated makes no act."""
    if token.dep_ not in ACTED_ON:
        return []
    verb = token.head
    if verb.pos_ != "VERB":
        return []
    if verb.is_stop or verb.lemma_ in _UNCOUNTED_LEMMAS or has_child(verb, "neg"):
        return []  # "had experience" says no act; "did not have it" denies one
    particle = next((c.lower_ for c in children_of(verb) if c.dep_ == "prt"), None)
    name = verb.lemma_.lower() + (f"_{particle}" if particle else "")
    # a modifier holding a number tells an age or a measure ("a 6-month-old baby"), not
    # who the participant is
    naming = (c for c in children_of(token) if c.dep_ in _NAMING and not _numbered(c))
    return [
        f"{name}|{word.lemma_.lower()}"
        for word in (token, *naming)
        if word.is_alpha and not word.is_stop and word.pos_ in _PARTICIPANTS
    ]


def _numbered(word: Token) -> bool:
    return any(t.like_num for t in word.subtree)


_NAMING = frozenset({"amod", "compound"})  # words of a noun phrase that name its thing
_PARTICIPANTS = frozenset({"NOUN", "PROPN", "ADJ"})


def entity_key(text: str) -> str:
    text = " ".join(text.split()).lower()
    text = re.sub(r"^the\s+", "", text)
    return re.sub(r"(?:['’]s|['’])$", "", text).strip(" ,.")


def clean_statement(text: str) -> str:
    """A passage as a standalone sentence: one line, without a leading "However,",
    starting with a capital."""
    stripped = DISCOURSE_OPENERS.sub("", " ".join(text.split()))
    # a clause cut from its sentence starts like the sentence's middle ("the embassy
    # said"); a word with a capital inside ("eBay") is left as it is
    first = stripped.split(" ", 1)[0]
    return stripped[:1].upper() + stripped[1:] if first.islower() else stripped
