"""Who an article is talking about: resolving "he said", "the governor", "it" to the
person or organisation meant.

A salience model in the manner of Lappin & Leass (1994): at each sentence every
entity's salience halves, and every mention adds weight (more as a subject, more when
it is not buried in another noun phrase). A pronoun goes to the most salient entity of a
compatible kind and gender; a definite description ("the governor", "the 23-year-old")
to the most salient person it describes. Names inside quotation marks are someone
else's words and never enter the model. Work per sentence is linear in its tokens and
in the (small) number of entities the article has introduced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from sitegen.extract.lexicon import (
    DEFINITE,
    DOCUMENT_NOUNS,
    FIRST_SECOND_PERSON,
    GROUP_LABELS,
    GROUP_PRONOUNS,
    HUMAN_HEADS,
    KIN_NOUNS,
    ORG_NOUNS,
    PERSON_PRONOUNS,
    SPEECH_VERBS,
    STRONG_LABELS,
)
from sitegen.extract.mentions import title_before
from sitegen.extract.names import (
    TITLES,
    clean_name,
    distinct_suffixes,
    fold,
    gender_of,
    name_parts,
    offices,
    same_given_name,
    same_word,
    title_word,
)
from sitegen.extract.params import current
from sitegen.extract.records import NameMention
from sitegen.extract.syntax import (
    OWNERS,
    has_child,
    is_main_clause,
    is_subject,
    main_subject,
    subject_of,
)
from sitegen.extract.view import children_of, ents_of, tokens_of

_AGE = re.compile(r"(\d{1,3})-year-old")
_ROLE_END = re.compile(r"\s(?:in|at|of|for|from|with|who|which|that|whose|on|to)\s.*$")


@dataclass
class Entity:
    """A person, an unnamed person ("the volunteer"), or a group (an organisation)."""

    name: str  # a person's fullest name; the phrase that introduced anything else
    kind: str  # "person" | "human" | "group"
    head: str = ""  # the head noun of an unnamed entity's phrase
    words: set[str] = field(default_factory=set)  # role words: "governor", "host"
    ages: set[int] = field(default_factory=set)
    gender: str | None = None
    offices: set[str] = field(default_factory=set)  # titles held: "president", "governor"
    plural: bool = False  # "people", "the Democrats": they, never he or she
    salience: float = 0.0

    @property
    def personal(self) -> bool:
        """Something "he" or "she" can refer to."""
        return self.kind in ("person", "human")


class Discourse:
    """The entities of one article and their salience, sentence by sentence."""

    def __init__(self, people: set[str]) -> None:
        self.people = people  # names this article treats as people
        self.entities: list[Entity] = []
        self.last_subject: Entity | None = None  # main subject of the previous sentence
        # the subject of what the previous sentence reports: "Police said [four men]
        # exited the vehicles."
        self.last_reported: Entity | None = None

    # --- reading ------------------------------------------------------------------------

    def read(
        self,
        sentence: Span,
        mentions: list[tuple[Span, NameMention]],
        quoted: list[tuple[int, int]],
    ) -> dict[int, Entity]:
        """Take in one sentence: returns the entity each referring token stands for
        (names, pronouns, subjects), by token index."""
        entity: Entity | None
        if not _all_quoted(sentence, quoted):  # quoted words are not the narrative
            for entity in self.entities:
                entity.salience *= current().decay
        found: dict[int, Entity] = {}
        given: dict[int, float] = {}
        names = {
            ent.root.i: (ent, mention)
            for ent, mention in mentions
            if not mention.quoted and mention.name in self.people
        }
        groups = {ent.root.i: ent for ent in ents_of(sentence) if ent.label_ in GROUP_LABELS}
        reported = _reported_subject(sentence)
        for token in tokens_of(sentence):
            if quoted and any(a <= token.idx < b for a, b in quoted):
                continue
            entity = self._referent(
                token, names, groups, found, reported is not None and token.i == reported.i
            )
            if entity is None:
                continue
            found[token.i] = entity
            self._attend(entity, token, given)
            if _names_its_head(token, names):
                found[token.head.i] = entity  # "the first lady, Melania Trump"
        subject = main_subject(sentence)
        self.last_subject = found.get(subject.i) if subject is not None else None
        self.last_reported = found.get(reported.i) if reported is not None else None
        return found

    def _referent(
        self,
        token: Token,
        names: dict[int, tuple[Span, NameMention]],
        groups: dict[int, Span],
        found: dict[int, Entity],
        reported: bool = False,
    ) -> Entity | None:
        if token.i in names:
            ent, mention = names[token.i]
            return self._named(ent, mention)
        if _stands_for(token, names) and any(
            c.dep_ == "appos" and c.i in names for c in children_of(token)
        ):
            return None  # "the first lady, Melania Trump": the name stands for both
        if token.pos_ == "PRON":
            return self._pronoun_referent(token, found)
        if token.i in groups:
            ent = groups[token.i]
            name = _group_name(ent)
            entity = self._group(name) if name else None
            if entity is not None:
                entity.plural = ent.label_ == "NORP" or token.tag_ in ("NNS", "NNPS")
            return entity
        subject = is_subject(token) or reported
        if not subject or not (token.pos_ in ("NOUN", "PROPN") or is_human(token)):
            return None
        return self.subject(token)

    def _pronoun_referent(self, token: Token, found: dict[int, Entity]) -> Entity | None:
        """Who "he", "she" or a subject "they" stands for."""
        lower = token.lower_
        if lower in PERSON_PRONOUNS:
            return self.pronoun(lower, _coargument(token, found), subject=is_subject(token))
        if lower in GROUP_PRONOUNS and is_subject(token):
            return self.group_pronoun(lower, telling=token.head.lemma_ in SPEECH_VERBS)
        return None

    def subject(self, token: Token) -> Entity | None:
        """The entity a subject noun phrase that is not a tagged name refers to."""
        if token.text[:1].isupper() and token.tag_ != "NNPS":  # not "the Trumps"
            known = self.known_person(token.text)
            if known is not None:
                return known  # "Lauten later apologized", however it is tagged
        if token.pos_ == "PROPN":
            name = untagged_name(token)
            if name:
                return self.person(name)
            if token.ent_type_ in STRONG_LABELS or not token.ent_type_:
                return None  # an organisation, or a capitalised word: too little to go on
        if _another(token) and is_human(token):
            return self._unnamed(token, "human")  # not the people described before
        described = self.description(token)
        if described is not None:
            return described
        if token.lower_ in FIRST_SECOND_PERSON:
            return None
        if is_human(token):
            return self._unnamed_human(token)
        if token.pos_ != "NOUN":
            return None
        if token.lemma_.lower() in ORG_NOUNS | DOCUMENT_NOUNS:
            return self._unnamed(token, "group")
        return None

    def _unnamed_human(self, token: Token) -> Entity:
        """An unnamed person: the one just talked about when described again ("The
        volunteer … . The interviewee showed …": one unnamed man), else a new one (and
        always a relative of someone: "The boy … . Her boyfriend is charged")."""
        last = self.last_subject
        if (
            last is not None
            and last.kind == "human"
            and _definite(token)
            and last.plural == _plural(token)
            and not _relative(token)
        ):
            last.words |= _describing_words(token)
            return last
        return self._unnamed(token, "human")

    def _attend(self, entity: Entity, token: Token, given: dict[int, float]) -> None:
        """Add the weight of this mention; an entity mentioned twice in a sentence gets
        the weight of its most prominent mention (`given`: weight so far, by entity)."""
        params = current()
        weight = params.recency
        role = token.head if token.dep_ in ("appos", "conj") else token
        if _is_topic(role) or (is_subject(role) and is_main_clause(role.head)):
            weight += params.subject_weight
        elif is_subject(role):
            weight += params.embedded_subject_weight
        if role.dep_ not in OWNERS and role.head.pos_ != "NOUN":
            weight += params.head_weight
        already = given.get(id(entity), 0.0)
        if weight > already:
            entity.salience += weight - already
            given[id(entity)] = weight

    # --- entities -----------------------------------------------------------------------

    def _named(self, ent: Span, mention: NameMention) -> Entity:
        before = ent.doc[ent.start - 1].text if ent.start > 0 else ""
        gender = gender_of(
            [before, ent.text.split()[0], *(w for role in mention.roles for w in _own(role))]
        )
        title = title_before(ent) or ""
        held = offices([*title.split(), *ent.text.split()[:-1]])
        entity = self.person(mention.name, gender, held)
        for role in mention.roles:
            _add_role(entity, role)
        entity.gender = entity.gender or gender
        entity.offices |= held
        return entity

    def person(
        self, name: str, gender: str | None = None, held: frozenset[str] | set[str] = frozenset()
    ) -> Entity:
        """The article's person of this name: the same full name, a variant of it, or the
        person a surname alone points to; a new person otherwise."""
        entity = self.known_person(name, gender, held)
        if entity is None:
            entity = Entity(name, "person", gender=gender)
            self.entities.append(entity)
        elif (
            len(name.split()) > len(entity.name.split())
            and name_parts(name)[1] == name_parts(entity.name)[1]
        ):
            entity.name = name  # "Kurogi" first, "Keiichi Kurogi" later
        return entity

    def known_person(
        self, name: str, gender: str | None = None, held: frozenset[str] | set[str] = frozenset()
    ) -> Entity | None:
        """The person `name` refers to, if already introduced. An office held apart keeps
        relatives apart: "President Obama" is not the "Sasha Obama" named before, and
        "Melania Trump" not the "President Trump" (nor a "she" the "he")."""
        words, suffix = name_parts(name)
        if not words:
            return None
        candidates = []
        for entity in self.entities:
            if entity.kind != "person" or (gender and entity.gender not in (None, gender)):
                continue
            if entity.name == name:
                return entity
            preferred = _may_be(entity, words, suffix, held)
            if preferred is not None:
                candidates.append((preferred, entity))
        if not candidates:
            return None
        # a gender both the name ("Mr. Conway") and one person are known by outranks a
        # preferred spelling: the husband "George T. Conway III", not "Kellyanne Conway"
        return max(
            candidates, key=lambda c: (bool(gender) and c[1].gender == gender, c[0], c[1].salience)
        )[1]

    def namesake(self, name: str) -> Entity | None:
        """The most salient other person of the article with the surname of `name`."""
        words, _ = name_parts(name)
        others = [
            entity
            for entity in self.entities
            if entity.kind == "person"
            and entity.name != name
            and words
            and same_word(name_parts(entity.name)[0][-1], words[-1])
        ]
        return max(others, key=lambda entity: entity.salience, default=None)

    def _group(self, name: str) -> Entity:
        """The organisation or place of this name (or of an earlier phrase headed by it)."""
        key = fold(name)
        for entity in self.entities:
            if entity.kind == "group" and key in (entity.head, fold(entity.name)):
                return entity
        entity = Entity(name, "group", head=key)
        self.entities.append(entity)
        return entity

    def _unnamed(self, token: Token, kind: str) -> Entity:
        """ "the embassy", "a spokesperson for the embassy": one entity per head noun, a
        new one when the phrase is indefinite ("another volunteer")."""
        head = token.lemma_.lower()
        plural = _plural(token)
        if _definite(token) and not _another(token):
            for entity in reversed(self.entities):
                if (
                    entity.kind == kind
                    and entity.plural == plural
                    and (
                        head in (entity.head, fold(entity.name.split()[-1])) or head in entity.words
                    )
                ):
                    return entity  # "the embassy" after "the Ukrainian Embassy"
        entity = Entity(noun_phrase(token), kind, head=head, words=_describing_words(token))
        owners = {t.i for c in children_of(token) if c.dep_ == "poss" for t in c.subtree}
        # "her boyfriend" is a man: an owner's word is the owner's gender
        entity.gender = gender_of([t.text for t in token.subtree if t.i not in owners])
        entity.plural = plural
        age = _AGE.search(entity.name)
        if age:
            entity.ages.add(int(age.group(1)))
        self.entities.append(entity)
        return entity

    # --- resolution ---------------------------------------------------------------------

    def new_paragraph(self) -> None:
        """A paragraph break often moves the story on: older entities fade faster."""
        for entity in self.entities:
            entity.salience *= current().paragraph_decay

    def pronoun(
        self, word: str, exclude: Entity | None = None, subject: bool = False
    ) -> Entity | None:
        """He/she: the most salient person of a compatible gender (not `exclude`, the
        subject of the pronoun's own clause: in "Patrick offered him", him is not
        Patrick). A subject pronoun leans to the previous sentence's subject
        (parallelism: "Mr. Horowitz could not rule out … . “…,” he wrote.")."""
        gender = gender_of([word])

        def score(entity: Entity) -> float:
            parallel = subject and entity is self.last_subject
            return entity.salience + (current().parallel_weight if parallel else 0.0)

        ranked = sorted(
            (
                e
                for e in self.entities
                if e.personal
                and not e.plural
                and e is not exclude
                and e.salience >= current().min_salience
                and e.gender in (None, gender)
            ),
            key=lambda e: -score(e),
        )
        if not ranked:
            return None
        best = ranked[0]
        if best.gender is None and (
            len(ranked) == 1 or score(best) >= current().gender_lead * score(ranked[1])
        ):
            best.gender = gender  # learnt: later "she" cannot mean him
        return best

    def group_pronoun(self, word: str, telling: bool = False) -> Entity | None:
        """It/they as a speaker: the most salient organisation or other group ("it" not
        a plural one such as "the Democrats"); "they" also people spoken of in the
        plural ("the two other people followed him. They pulled alongside …"). A
        pronoun doing something (not `telling`) right after a sentence reporting what
        people did is those people, not the teller: "Police said four men exited the
        vehicles. They fired multiple shots" (the men fired)."""

        def fits(e: Entity) -> bool:
            return e.salience >= current().min_salience and (
                (e.kind == "group" and (word != "it" or not e.plural))
                or (e.kind == "human" and e.plural and word != "it")
            )

        reported = self.last_reported
        if not telling and reported is not None and reported.kind == "human" and fits(reported):
            return reported
        return max(filter(fits, self.entities), key=lambda e: e.salience, default=None)

    def description(self, token: Token) -> Entity | None:
        """A definite description of someone already in the text: "the governor" (a role
        word of theirs), "the 23-year-old" (their age, or the person just talked about)."""
        if not _definite(token):
            return None
        head = title_word(token.lemma_)
        age = _AGE.search(noun_phrase(token))
        people = [e for e in self.entities if e.personal and e.salience >= current().min_salience]
        if age is not None:
            return self._of_age(int(age.group(1)), people)
        if head not in HUMAN_HEADS and head not in TITLES:
            return None
        # a role word is evidence enough, however long ago the person was introduced
        matching = [e for e in self.entities if e.personal and head in e.words]
        return max(matching, key=lambda e: e.salience, default=None)

    def _of_age(self, years: int, people: list[Entity]) -> Entity | None:
        """ "The 23-year-old": the person in mind of that age, or the person just talked
        about when no age of theirs is known."""
        matching = [e for e in people if years in e.ages]
        if matching:
            return max(matching, key=lambda e: e.salience)
        last = self.last_subject
        if last is not None and last.kind == "person" and not last.ages:
            last.ages.add(years)
            return last
        return None

    def quoted_speaker(self, entity: Entity) -> None:
        """`entity` was just quoted."""
        entity.salience += current().speaker_weight

    def most_salient_person(self) -> Entity | None:
        people = [e for e in self.entities if e.personal and e.salience >= current().min_salience]
        return max(people, key=lambda e: e.salience, default=None)


def _reported_subject(sentence: Span) -> Token | None:
    """The subject of the clause a telling root reports: "Police said [the men] fled"."""
    root = sentence.root
    if root.lemma_ not in SPEECH_VERBS:
        return None
    reported = next((c for c in children_of(root) if c.dep_ == "ccomp"), None)
    if reported is None:
        return None
    # "Police said four men … exited the vehicles": the parser often takes the subject
    # of what is told for the telling verb's object
    subject = subject_of(reported) or next(
        (c for c in children_of(root) if c.dep_ == "dobj" and c.i < reported.i), None
    )
    return subject if subject is not None and subject.pos_ != "PRON" else None


def _names_its_head(token: Token, names: dict[int, tuple[Span, NameMention]]) -> bool:
    """An appositive after the phrase it names: "the first lady, Melania Trump"."""
    return (
        token.dep_ == "appos"
        and token.head.i < token.i
        and (token.head.pos_ == "NOUN" or (token.i in names and _stands_for(token.head, names)))
    )


def _add_role(entity: Entity, role: str) -> None:
    """The words a later description may use for this person ("the governor")."""
    age = _AGE.search(role) or re.match(r"aged (\d+)", role)
    if age:
        entity.ages.add(int(age.group(1)))
    core = _ROLE_END.sub("", f" {role} ").strip()
    entity.words.update(title_word(w) for w in re.findall(r"[A-Za-z][\w.-]*", core))
    entity.gender = entity.gender or gender_of(_own(core))


def _own(role: str) -> list[str]:
    """A role's words that can say the person's gender: not a possessive, which is
    someone else's ("her boyfriend" is a man)."""
    return [w for w in role.split() if w.lower() not in _POSSESSIVES]


_POSSESSIVES = {"his", "her", "their", "its"}


def _stands_for(head: Token, names: dict[int, tuple[Span, NameMention]]) -> bool:
    """A phrase a person's name in apposition stands for: a noun ("the first lady,
    Melania Trump"), a number ("one of the women, Mary Hale"), or a proper noun that is
    not a name itself ("Another Democrat, Senator Bob Casey"; a dateline "WASHINGTON --
    President Obama" the parser reads as one)."""
    return head.pos_ in ("NOUN", "NUM") or (head.pos_ == "PROPN" and head.i not in names)


def _another(token: Token) -> bool:
    """ "the two other people", "the second man": a phrase that sets itself apart from
    those mentioned before, so it is a new entity however definite."""
    return any(
        c.lower_ in ("other", "second", "third", "fourth", "remaining") for c in children_of(token)
    )


def _relative(token: Token) -> bool:
    """Someone's relative: "her boyfriend", "the victim's mother"."""
    return token.lemma_.lower() in KIN_NOUNS and any(c.dep_ == "poss" for c in children_of(token))


def _plural(token: Token) -> bool:
    return token.tag_ in ("NNS", "NNPS")


def _describing_words(token: Token) -> set[str]:
    """The nouns and adjectives of a description up to its head: "volunteer", "soldier"."""
    return {
        fold(t.text) for t in token.subtree if t.pos_ in ("NOUN", "ADJ", "PROPN") and t.i <= token.i
    }


def _definite(token: Token) -> bool:
    """ "the lawyer", "Strzok's lawyer": someone the reader is meant to know."""
    return any(
        (c.dep_ == "det" and c.lower_ in DEFINITE) or c.dep_ == "poss" for c in children_of(token)
    )


def _coargument(pronoun: Token, found: dict[int, Entity]) -> Entity | None:
    """The subject of the clause an object pronoun belongs to."""
    if is_subject(pronoun):
        return None
    verb = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
    subject = subject_of(verb)
    return found.get(subject.i) if subject is not None else None


def _is_topic(token: Token) -> bool:
    """ "As for Kurogi, he ...": a name set up as what the sentence is about."""
    head = token.head
    return (
        token.dep_ == "pobj"
        and head.lower_ in ("for", "to")
        and head.i > 0
        and token.doc[head.i - 1].lower_ == "as"
    )


def _all_quoted(sentence: Span, quoted: list[tuple[int, int]]) -> bool:
    return any(a <= sentence.start_char and sentence.end_char <= b + 1 for a, b in quoted)


def _group_name(ent: Span) -> str | None:
    text = " ".join(ent.text.split()).strip(" ,.")
    text = re.sub(r"^[Tt]he\s+", "", text)
    return re.sub(r"(?:['’]s|['’])$", "", text) or None


def untagged_name(token: Token) -> str | None:
    """A subject that NER missed but that reads as a full name ("Another volunteer Ryoga
    Seki"): two or more title-case proper nouns with no label, or only a weak one (an
    unfamiliar name is often tagged as a product or facility)."""
    if token.pos_ != "PROPN" or token.ent_type_ in STRONG_LABELS or token.tag_ == "NNPS":
        return None
    if has_child(token, "det"):
        return None  # "the First Daughters": a title, not a name
    words = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
    words.append(token)
    if len(words) < 2 or any(t.ent_type_ in STRONG_LABELS for t in words):
        return None
    return clean_name(" ".join(t.text for t in words))


def is_human(token: Token) -> bool:
    """An unnamed person: "the man", "a spokesperson", "the 23-year-old", "a student who"."""
    if token.pos_ == "PROPN" or token.ent_type_ in GROUP_LABELS:
        return False  # countries and organisations speak too, but are not "he" or "she"
    if token.lemma_.lower() in HUMAN_HEADS or token.lower_ in HUMAN_HEADS:
        return True
    if token.lower_ == "old" and token.i >= 2 and token.doc[token.i - 2].lower_ == "year":
        return True  # "the 23-year-old" (tokenised as 23 - year - old)
    return any(
        child.dep_ == "relcl" and any(t.lower_ == "who" for t in children_of(child))
        for child in children_of(token)
    )


def noun_phrase(token: Token) -> str:
    """A subject's words: its modifiers and an "of"/"for" phrase, not a relative clause."""
    end = token.i
    for child in token.rights:
        attached = child.dep_ in ("compound", "amod", "nummod")
        if attached or (child.dep_ == "prep" and child.lower_ in ("of", "for", "at", "from", "in")):
            end = max(end, child.right_edge.i)
        else:
            break
    return token.doc[token.left_edge.i : end + 1].text.strip(" ,")


def entity_span(token: Token) -> Span | None:
    """The named entity a token is part of (from its IOB tags: no scan of `doc.ents`)."""
    if not token.ent_type_:
        return None
    doc, start, end = token.doc, token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def _may_be(
    entity: Entity, words: list[str], suffix: str, held: frozenset[str] | set[str]
) -> bool | None:
    """Whether the person `entity` may be the one a name (`words`, `suffix`) refers to:
    None when not, else whether the match is preferred over others."""
    theirs, their_suffix = name_parts(entity.name)
    if not same_word(theirs[-1], words[-1]):
        if len(words) == 1 and len(theirs) >= 2 and fold(theirs[0]) == fold(words[0]):
            return their_suffix == suffix  # "Glenn"
        return None
    if len(words) >= 2:
        return True if _full_name_may_be(entity, theirs, words, held, suffix) else None
    if not held or held & entity.offices or (len(theirs) == 1 and not entity.offices):
        return their_suffix == suffix  # a surname alone: an office held apart keeps apart
    return None


def _full_name_may_be(
    entity: Entity,
    theirs: list[str],
    words: list[str],
    held: frozenset[str] | set[str],
    suffix: str,
) -> bool:
    """A full name sharing the surname of `entity` (whose name's words are `theirs`):
    the same given name, or `entity` known by its surname alone and holding no other
    office; never another generation ("Jr.")."""
    if distinct_suffixes(name_parts(entity.name)[1], suffix):
        return False
    if len(theirs) >= 2:
        return same_given_name(theirs[0], words[0])
    return not entity.offices or bool(held & entity.offices)
