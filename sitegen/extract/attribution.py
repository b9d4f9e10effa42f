"""Who said it: the speaker of a quotation or a reported statement, and the outlet the
words reached the writer through ("told Reuters", "according to the Mainichi Shimbun").

The speaker is the subject of the speech verb nearest the quotation and outside its
marks (a participle such as "saying" takes the subject of the clause it hangs on), then
resolved through the article's discourse model.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from sitegen.extract.discourse import Discourse, Entity, entity_span
from sitegen.extract.lexicon import (
    AUDIENCE_NOUNS,
    DOCUMENT_NOUNS,
    FIRST_SECOND_PERSON,
    GROUP_LABELS,
    RELATIVE_PRONOUNS,
    REPORTING_VERBS,
    SPEECH_VERBS,
)
from sitegen.extract.params import current
from sitegen.extract.records import Speaker
from sitegen.extract.syntax import (
    OWNERS,
    REPORTED_CLAUSES,
    SUBJECTS,
    agents_of,
    children,
    has_child,
    is_root,
    is_subject,
    subject_of,
)
from sitegen.extract.view import children_of, tokens_of

_SOURCE_PREPOSITIONS = {"to", "with", "by", "on", "via"}  # "said to HuffPost", "via Gawker"
_VIA_VERBS = {"quote", "report", "cite"}  # "as quoted by Reuters": the outlet, not the speaker
_EMBEDDING = {"acl", "relcl", "amod", "pobj", "dobj", "nsubj", "compound"}
_OUTLET_LABELS = {"ORG", "WORK_OF_ART", "PRODUCT", "FAC", "PERSON", ""}


@dataclass
class Attribution:
    speaker: Speaker
    via: str | None = None


Ranges = list[tuple[int, int]]
Outside = Callable[[Token], bool]  # is a token outside the quotation marks


def attribute(
    sentences: Iterable[Span],
    quoted: Ranges,
    refs: dict[int, Entity],
    discourse: Discourse,
    reporting: bool = False,
) -> Attribution | None:
    """The speaker of quoted words in `sentences` (doc-relative `quoted` ranges), or with
    `reporting`, of an indirect statement ("X told Reuters he ...")."""
    sentences = list(sentences)

    def outside(token: Token) -> bool:
        return not any(a <= token.idx < b for a, b in quoted)

    via = _via_phrase(sentences, refs, outside)
    for verb in _speech_verbs(sentences, quoted, outside, reporting):
        if verb.lemma_ in _VIA_VERBS and verb.tag_ == "VBN":
            continue  # "as quoted by Reuters" names the outlet (read by _via_phrase)
        subject = _subject_of(verb, outside)
        entity = _speaker(verb, subject, refs, discourse, outside, reporting)
        if entity is not None:
            if not reporting:
                discourse.quoted_speaker(entity)
            return Attribution(speaker_of(entity), _via_of(verb, refs) or via)
        if subject is not None and subject.lower_ in FIRST_SECOND_PERSON:
            return None  # the writer's own voice
    source = _according_to(sentences, outside)
    if source is not None:
        return Attribution(Speaker(_outlet_text(source), False))
    return None


def _speech_verbs(
    sentences: list[Span], quoted: Ranges, outside: Outside, reporting: bool
) -> list[Token]:
    """The speech verbs outside the quotation (with `reporting`, those reporting a
    clause), main clauses first, then the nearest to the quoted words."""
    lemmas = REPORTING_VERBS if reporting else SPEECH_VERBS
    verbs = [
        t
        for s in sentences
        for t in tokens_of(s)
        if t.lemma_ in lemmas and _verbal(t) and outside(t) and not _asked_about(t)
    ]
    if reporting:
        verbs = [v for v in verbs if _reports(v)]
    verbs.sort(key=lambda v: (v.dep_ in _EMBEDDING, _distance(v, quoted)))
    return verbs


def _speaker(
    verb: Token,
    subject: Token | None,
    refs: dict[int, Entity],
    discourse: Discourse,
    outside: Outside,
    reporting: bool,
) -> Entity | None:
    """Who speaks through `verb`: its subject's entity; for quoted words without a
    subject, a name standing before the verb, a subject the parser hung on another verb,
    or the person the passage is about."""
    if subject is not None:
        return _entity_of(subject, refs, discourse)
    if reporting:
        return None
    inverted = _inverted_speaker(verb, outside)
    if inverted is not None:
        return _entity_of(inverted, refs, discourse)
    entity = _named_before(verb, refs, outside)
    if entity is not None or verb.tag_ in ("VBG", "VBN"):
        return entity
    if verb.dep_ in ("ROOT", "conj"):
        return _stray_subject(verb, refs) or _topic(discourse)
    if verb.dep_ == "parataxis":
        return _last_named(verb, refs, outside)
    return None


def _inverted_speaker(verb: Token, outside: Outside) -> Token | None:
    """The speaker after the verb that follows a quotation, which the parser may take
    for its object ("“It was scary,” recalled one woman")."""
    before = next((t for t in reversed(verb.doc[: verb.i]) if not t.is_punct), None)
    if before is None or outside(before):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)


def _asked_about(verb: Token) -> bool:
    """A verb of an "if"/"whether" clause is what someone was asked about, not who
    speaks: in "X, asked if Mr. Trump should demand …, said, “…”", X speaks."""
    return any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in children_of(verb))


def _verbal(token: Token) -> bool:
    """A verb, or a word the tagger took for a noun but the parser made a clause's head
    with a subject ("…,” the tweets read.)."""
    return token.pos_ in ("VERB", "AUX") or (token.dep_ == "ROOT" and has_child(token, "nsubj"))


def _named_before(verb: Token, refs: dict[int, Entity], outside: Outside) -> Entity | None:
    """The person named between a quotation and its verb when the parse lost the link
    ("…,” House Freedom Caucus Chairman Mark Meadows, R-N.C., said")."""
    found = None
    for token in reversed(verb.sent[: verb.i - verb.sent.start]):
        if not outside(token):
            return found  # reached the quotation: the name stood between it and the verb
        if verb.i - token.i > current().named_before_reach:
            return None
        entity = refs.get(token.i)
        if found is None and entity is not None and entity.kind == "person":
            found = entity
    return None


def _last_named(verb: Token, refs: dict[int, Entity], outside: Outside) -> Entity | None:
    """The person named last before a main verb the parser set beside the sentence
    ("At that event, …, Blumenthal, advocating for troops, clearly says, “…”": "says"
    made parataxis, "Blumenthal" an apposition of the word before)."""
    for token in reversed(verb.sent[: verb.i - verb.sent.start]):
        entity = refs.get(token.i) if outside(token) else None
        if entity is not None and entity.kind == "person":
            return entity
    return None


def _stray_subject(verb: Token, refs: dict[int, Entity]) -> Entity | None:
    """A subject the parser attached to another verb: in "the aide, X, who …, wrote", a
    misparse can leave "wrote" without one; the first person subject before it is it."""
    for token in verb.sent:
        if token.i >= verb.i:
            break
        entity = refs.get(token.i)
        if entity is not None and entity.personal and is_subject(token):
            return entity
    return None


def _topic(discourse: Discourse) -> Entity | None:
    """Who a subjectless "..., told The Japan Times:" is about."""
    last = discourse.last_subject
    return last if last is not None and last.personal else discourse.most_salient_person()


def speaker_of(entity: Entity) -> Speaker:
    return Speaker(entity.name, entity.kind == "person")


def _reports(verb: Token) -> bool:
    """A main-clause speech verb reporting a clause: "X said (that) ...", "..., X said"
    (not a passive: "was confirmed dead")."""
    if has_child(verb, "nsubjpass"):
        return False
    main = verb.dep_ == "ROOT" or (verb.dep_ in ("conj", "advcl") and verb.head.dep_ == "ROOT")
    if main and has_child(verb, REPORTED_CLAUSES):
        return True
    return (
        verb.dep_ in REPORTED_CLAUSES
        and verb.head.i < verb.i
        and verb.head.dep_ == "ROOT"
        and not has_child(verb, "dobj")
    )


def _distance(verb: Token, quoted: Ranges) -> int:
    if not quoted:
        return 0
    return min(min(abs(verb.idx - a), abs(verb.idx - b)) for a, b in quoted)


def _subject_of(verb: Token, outside: Outside) -> Token | None:
    """The subject of a speech verb; a participle or a conjoined verb without one takes
    the subject of the clause it hangs on ("..., saying", "was quoted as saying")."""
    at = verb
    for _ in range(current().subject_climb):
        for child in children_of(at):
            if child.dep_ in SUBJECTS and outside(child) and not _dateline(child, at):
                if at is not verb and verb.tag_ == "VBG":
                    return _main_subject(at, outside) or child
                return child
            if child.dep_ == "agent":
                objects = children(child, "pobj")
                if objects:
                    return objects[0]
        if at.dep_ == "acl" and at.head.pos_ in ("NOUN", "PROPN"):
            return at.head  # "a segment reporting that ..."
        if at.dep_ in ("advcl", "xcomp", "conj", "pcomp", "prep", "dep") and not is_root(at):
            at = at.head
            continue
        break
    return None


def _dateline(subject: Token, verb: Token) -> bool:
    """ "WASHINGTON -- President Obama defended …": the place a story was filed from,
    which the parser can take for a second subject of the verb."""
    doc = subject.doc
    return (
        subject.i == subject.sent.start
        and subject.i + 1 < len(doc)
        and doc[subject.i + 1].text in ("--", "—", "–", "-", "(")
        and any(is_subject(c) and c.i > subject.i for c in children_of(verb))
    )


def _main_subject(clause: Token, outside: Outside) -> Token | None:
    """The subject of the clause a subordinate clause hangs on. A participle after a
    "when"/"that" clause modifies the sentence, though the parser attaches it low: in "X
    disputed that Democrats feel betrayed, saying …" or "X explained it when Republicans
    held Congress by saying …", X is the one saying."""
    if clause.dep_ not in ("ccomp", "advcl", "relcl") or is_root(clause):
        return None
    if not any(
        c.dep_ in ("mark", "advmod") and c.tag_ in ("IN", "WRB") for c in children_of(clause)
    ):
        return None
    at = clause.head
    for _ in range(current().main_subject_climb):  # "his failure to secure …" to "explained"
        subject = subject_of(at, where=outside)
        if subject is not None or is_root(at):
            return subject
        at = at.head
    return None


def _entity_of(subject: Token, refs: dict[int, Entity], discourse: Discourse) -> Entity | None:
    """Who a speech verb's subject is: as the discourse model read it, the noun a "who"
    stands for, an organisation's name, or a description read now (an agent, a
    subject outside the narrative's usual places)."""
    if subject.i in refs:
        return refs[subject.i]
    if subject.lower_ in RELATIVE_PRONOUNS:
        clause = subject.head
        noun = clause.head if clause.dep_ == "relcl" else None
        return refs.get(noun.i) if noun is not None else None
    if subject.lower_ in FIRST_SECOND_PERSON or subject.pos_ == "PRON":
        return None
    if subject.ent_type_ in GROUP_LABELS:
        ent = entity_span(subject)
        if ent is not None:
            return Entity(_outlet_text(ent), "group")
    return discourse.subject(subject)


def _via_of(verb: Token, refs: dict[int, Entity]) -> str | None:
    """The outlet attached to the speech verb: "told Reuters", "said in an interview
    with The Asahi Shimbun", "confirmed to HuffPost", "said on ABC's This Week"."""
    for child in children_of(verb):
        if child.dep_ in ("dative", "dobj") and verb.lemma_ in ("tell", "inform"):
            outlet = _outlet(child, refs)
            if outlet:
                return outlet
        outlet = _outlet_after(child, refs) if child.dep_ == "prep" else None
        if outlet:
            return outlet
    return None


def _outlet_after(prep: Token, refs: dict[int, Entity]) -> str | None:
    """The outlet a speech verb's preposition names: "to HuffPost", "in USA Today", "in
    an interview with The Asahi Shimbun"."""
    for pobj in children(prep, "pobj"):
        if prep.lower_ in _SOURCE_PREPOSITIONS:
            outlet = _outlet(pobj, refs)
            if outlet:
                return outlet
        if prep.lower_ == "in" and pobj.ent_type_ in ("ORG", "WORK_OF_ART"):
            outlet = _outlet(pobj, refs)  # "wrote in USA Today"
            if outlet:
                return outlet
        if pobj.lemma_.lower() in DOCUMENT_NOUNS | {"program", "show", "interview"}:
            outlet = _outlet_in(pobj, refs)
            if outlet:
                return outlet
    return None


def _outlet_in(noun: Token, refs: dict[int, Entity]) -> str | None:
    """The outlet inside "an interview with X", "a statement to X", "X's program"."""
    for child in children_of(noun):
        if child.dep_ in OWNERS:
            outlet = _outlet(child, refs)
            if outlet:
                return outlet
        if child.dep_ == "prep" and child.lower_ in ("with", "to", "for", "on"):
            for pobj in children(child, "pobj"):
                outlet = _outlet(pobj, refs)
                if outlet:
                    return outlet
    return None


def _outlet(token: Token, refs: dict[int, Entity]) -> str | None:
    """A proper name that is not one of the article's people: an outlet, an organisation."""
    if token.pos_ != "PROPN" or token.ent_type_ not in _OUTLET_LABELS:
        return None  # not "on Wednesday", not "told Japan"
    entity = refs.get(token.i)
    if entity is not None and entity.kind == "person":
        return None
    if token.lower_ in AUDIENCE_NOUNS:
        return None  # "told the Conservative Political Action Conference": an audience
    ent = entity_span(token)
    if ent is not None:
        return _outlet_text(ent)
    words = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
    return " ".join(t.text for t in [*words, token])


def _via_phrase(sentences: list[Span], refs: dict[int, Entity], outside: Outside) -> str | None:
    """An outlet named anywhere in the sentence: "according to Reuters", "as quoted by
    Reuters"."""
    source = _according_to(sentences, outside)
    if source is not None:
        return _outlet_text(source)
    for sentence in sentences:
        for token in tokens_of(sentence):
            if token.lemma_ in _VIA_VERBS and token.tag_ == "VBN":
                for pobj in agents_of(token):
                    outlet = _outlet(pobj, refs)
                    if outlet:
                        return outlet
    return None


def _according_to(sentences: list[Span], outside: Outside) -> Span | None:
    for sentence in sentences:
        for token in tokens_of(sentence):
            if token.lower_ != "according" or token.i + 1 >= len(token.doc):
                continue
            if not outside(token) or token.nbor().lower_ != "to":
                continue
            for pobj in children(token.nbor(), "pobj"):
                if pobj.lower_ in FIRST_SECOND_PERSON:
                    continue
                ent = entity_span(pobj)
                if ent is not None:
                    return ent
                return token.doc[pobj.left_edge.i : pobj.i + 1]
    return None


def _outlet_text(span: Span) -> str:
    text = " ".join(span.text.split()).strip(" ,.")
    for end in ("'s", "’s"):
        if text.endswith(end):
            text = text[: -len(end)]
    return text
