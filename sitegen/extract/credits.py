"""The outlets an article credits for what it reports: "told Reuters", "according to the
Mainichi Shimbun", "the AP reported", "as quoted by the BBC", a "(Reuters) -" dateline.

A credited outlet is where those words come from: two articles repeating what one
outlet reported are one origin, not two. "Reportedly" credits a report it does not name:
such a passage adds no origin of its own, and so does "told a newspaper"; "according
to the newspaper" points back to the outlet credited before it. Only the shapes of a credit are read (a speech
made *to* a named party, a named party or a newspaper-like noun as the subject of a
reporting verb, "according to" a name), never a list of outlet names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from sitegen.extract.lexicon import SPEECH_VERBS
from sitegen.extract.names import TITLES
from sitegen.extract.params import current
from sitegen.extract.records import Credit
from sitegen.extract.syntax import agents_of, children, objects_of
from sitegen.extract.view import tokens_of
from sitegen.origins import MEDIA_NOUNS, UNNAMED

# Someone spoke *to* the outlet: the outlet did the interview ("interview" credits).
_TOLD_VERBS = {"tell", "inform"}
_SPOKE_VERBS = {"say", "speak", "talk", "confirm", "explain", "reveal", "describe", "admit"}
_TO_PREPOSITIONS = {"to", "with"}
_INTERVIEW_NOUNS = {"interview", "conversation"}
# The outlet itself reported it ("report" credits).
_REPORT_VERBS = {"report", "publish", "reveal", "break"}
_SAY_VERBS = SPEECH_VERBS | {"cite", "quote"}
_PASSIVE_CREDIT_VERBS = {"report", "quote", "cite", "publish"}
# An outlet's piece as the subject: "a Washington Post report detailed", "the Times'
# investigation found": the outlet reported it.
_PIECE_NOUNS = {"report", "story", "article", "investigation", "analysis", "editorial"}
_PIECE_VERBS = _REPORT_VERBS | _SAY_VERBS | {"detail", "disclose", "describe", "show", "find"}
# unions asked about for every verb, made once
_SPOKE_OR_TOLD = _SPOKE_VERBS | _TOLD_VERBS
_REPORT_OR_SAY = _REPORT_VERBS | _SAY_VERBS
_RELATIVE_PRONOUNS = {"that", "which"}
# "has reportedly thanked": the writer relays a report it does not name.
_HEARSAY = {"reportedly"}
_NOT_OUTLETS = {"PERSON", "NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "QUANTITY"}
# A press noun with "the" points back to the outlet credited before it ("Beals said,
# according to the newspaper" after "… told The Gazette"); with "a" it names none.
_PRESS_NOUNS = frozenset(
    {"newspaper", "paper", "daily", "broadcaster", "network", "channel", "magazine"}
    | {"tabloid", "outlet", "website", "station"}
)
_POINTING_BACK = {"the", "that", "this"}
_CREDITED_BEFORE = "the outlet credited before"  # a placeholder `resolved` replaces
_PLACES = {"GPE", "LOC"}  # "told Japan" is no credit; "according to The Mainichi" (GPE) is
# "TOKYO (Reuters) -": a wire dateline credits the whole article.
_DATELINE = re.compile(
    r"\A\s*(?:[A-Z][A-Za-z.'’]*(?:,?\s[A-Z][A-Za-z.'’]*){0,3}\s)?"
    r"\((?P<outlet>[A-Z][A-Za-z.&' ]{1,30})\)\s*[-–—:]"
)


def sentence_credits(sentence: Span, offset: int) -> Iterator[Credit]:
    """The outlets `sentence` credits, with the character span (article-relative:
    `offset` is where the sentence's doc starts) of the crediting words."""
    seen: set[int] = set()
    for token in tokens_of(sentence):
        lower = token.text.lower()
        if lower in _HEARSAY and token.dep_ == "advmod":
            start = offset + token.idx
            yield Credit(UNNAMED, "unnamed", start, start + len(token.text))
        if lower != "according" and token.pos_ not in _CREDITING_POS:
            continue  # `_credited` finds nothing: most tokens of a sentence
        for outlet, kind in _credited(token):
            if outlet.root.i in seen:
                continue
            seen.add(outlet.root.i)
            name = outlet_name(outlet) if _is_named(outlet) else _press_reference(outlet)
            if name:
                first = min(token.i, outlet.start)
                last = max(token.i + 1, outlet.end)
                doc = sentence.doc
                yield Credit(
                    outlet=name,
                    kind="unnamed" if name == UNNAMED else kind,
                    start=offset + doc[first].idx,
                    end=offset + doc[last - 1].idx + len(doc[last - 1].text),
                )


def resolved(credits: list[Credit]) -> list[Credit]:
    """`credits` (in text order) with each "the newspaper" given the outlet credited
    last before it; with none before, it credits an unnamed report."""
    last = None
    found = []
    for credit in credits:
        if credit.outlet == _CREDITED_BEFORE:
            outlet, kind = (last, credit.kind) if last else (UNNAMED, "unnamed")
            credit = Credit(outlet, kind, credit.start, credit.end)
        elif credit.outlet != UNNAMED:
            last = credit.outlet
        found.append(credit)
    return found


def dateline_credit(text: str) -> Credit | None:
    """The outlet of a wire dateline opening the article ("TOKYO (Reuters) -")."""
    match = _DATELINE.match(text[: current().dateline_chars])
    if match is None:
        return None
    return Credit(match["outlet"].strip(), "dateline", match.start("outlet"), match.end("outlet"))


_CREDITING_POS = ("VERB", "AUX")  # a credit's head is "according" or a verb


def _credited(token: Token) -> Iterator[tuple[Span, str]]:
    """(outlet phrase, kind) for every credit `token` heads."""
    if token.text.lower() == "according":
        yield from ((o, "report") for o in _according_to(token))
    elif token.pos_ in _CREDITING_POS:
        yield from ((o, "interview") for o in _spoken_to(token))
        yield from ((o, "report") for o in _reported_by(token))


def _according_to(token: Token) -> Iterator[Span]:
    """ "according to the Mainichi Shimbun", "according to a report by Kyodo"."""
    if token.i + 1 >= len(token.doc) or token.nbor().text.lower() != "to":
        return
    for pobj in children(token.nbor(), "pobj"):
        outlet = _outlet(_report_owner(pobj), places=True)
        if outlet is not None:
            yield outlet


def _spoken_to(verb: Token) -> Iterator[Span]:
    """ "told Reuters", "said to HuffPost", "confirmed with Reuters", "said in an
    interview with The Asahi Shimbun"."""
    lemma = verb.lemma_.lower()
    if lemma in _TOLD_VERBS:
        objects = objects_of(verb)
        yield from (o for child in objects or _next_name(verb) if (o := _outlet(child)))
    for prep in children(verb, "prep"):
        for pobj in children(prep, "pobj"):
            if lemma in _SPOKE_OR_TOLD and prep.text.lower() in _TO_PREPOSITIONS:
                outlet = _outlet(pobj)
                if outlet is not None:
                    yield outlet
            if pobj.lemma_.lower() in _INTERVIEW_NOUNS:
                yield from _interviewers(pobj)


def _reported_by(verb: Token) -> Iterator[Span]:
    """ "as quoted by Reuters", "the AP reported", "the Mainichi Shimbun newspaper said"."""
    lemma = verb.lemma_.lower()
    if lemma in _PASSIVE_CREDIT_VERBS and verb.tag_ == "VBN":
        yield from (o for g in agents_of(verb) if (o := _outlet(g)))
    if lemma in _REPORT_OR_SAY:
        media_only = lemma not in _REPORT_VERBS
        for subject in children(verb, "nsubj"):
            outlet = _outlet(subject, media_only=media_only)
            if outlet is not None:
                yield outlet
    if lemma in _PIECE_VERBS:
        for subject in children(verb, "nsubj"):
            if subject.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                subject = verb.head  # "a Guardian report that revealed …"
            if subject.lemma_.lower() in _PIECE_NOUNS:
                yield from _piece_owner(subject)


def _piece_owner(piece: Token) -> Iterator[Span]:
    """The outlet whose report, story or article `piece` is: its name before it ("a
    Washington Post report", "a Guardian newspaper report"), its possessor ("the Post's
    report") or "a report by/in X"."""
    names = [t for t in _compounds(piece) if t.pos_ == "PROPN"]
    owner = names[-1] if names else _report_owner(piece)
    if owner is not piece:
        outlet = _outlet(owner)
        if outlet is not None:
            yield outlet


def _next_name(verb: Token) -> list[Token]:
    """The name right after "told" when the parse gave the verb no object ("X, who …,
    told Reuters he …" misparsed): the last word of that name."""
    doc, at = verb.doc, verb.i + 1
    if at < len(doc) and doc[at].text.lower() == "the":
        at += 1
    end = at
    while end < len(doc) and doc[end].pos_ == "PROPN":
        end += 1
    return [doc[end - 1]] if end > at else []


def _interviewers(noun: Token) -> Iterator[Span]:
    """The outlet of "an interview with X", "in an interview with X's program"."""
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.text.lower() in ("with", "to")):
        for pobj in children(prep, "pobj"):
            outlet = _outlet(pobj)
            if outlet is not None:
                yield outlet


def _report_owner(noun: Token) -> Token:
    """ "according to a report by/in X" credits X, not the report."""
    if noun.pos_ == "PROPN":
        return noun
    for prep in (
        c for c in noun.children if c.dep_ == "prep" and c.text.lower() in ("by", "in", "from")
    ):
        for pobj in children(prep, "pobj"):
            return pobj
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    return noun


def _outlet(token: Token, media_only: bool = False, places: bool = False) -> Span | None:
    """The phrase `token` heads when it names an outlet or a named organisation: a proper
    name that is not a person (nor titled as one: "Lt. Cooper"), place or date, or a phrase headed by a media noun with a
    name in it ("the Mainichi Shimbun newspaper"). With `media_only`, the media noun is
    required: "the embassy said" is a speaker, not a credit. A place's name is one
    only with `places` (the tagger takes some outlets for places)."""
    words = [*_compounds(token), token]
    names = [t for t in words if t.pos_ == "PROPN"]
    if not words[:-1] and token.pos_ == "NOUN" and token.lemma_.lower() in _PRESS_NOUNS:
        determiners = [c for c in token.lefts if c.dep_ == "det"]
        return token.doc[determiners[0].i if determiners else token.i : token.i + 1]
    excluded = _NOT_OUTLETS if places else _NOT_OUTLETS | _PLACES
    if not names or any(t.ent_type_ in excluded for t in names):
        return None
    if token.ent_type_ != "ORG" and any(t.lower_.rstrip(".") in TITLES for t in words):
        return None  # "according to Lt. Cooper": a person the tagger did not mark (not
        # "the Justice Department", a body)
    media = token.lemma_.lower() in MEDIA_NOUNS or token.text.lower() in MEDIA_NOUNS
    if media_only and not media:
        return None
    if not media and token.pos_ != "PROPN":
        return None
    start = min(t.i for t in words)
    return token.doc[start : token.i + 1]


def _is_named(outlet: Span) -> bool:
    return any(t.pos_ == "PROPN" for t in outlet)


def _press_reference(outlet: Span) -> str:
    """What an outlet phrase without a name credits: the outlet credited before it
    ("the newspaper"), else a report it does not name ("a newspaper")."""
    return _CREDITED_BEFORE if outlet[0].lower_ in _POINTING_BACK else UNNAMED


def _compounds(token: Token) -> list[Token]:
    """The compound words before `token`, outermost first ("Mainichi Shimbun" of
    "newspaper")."""
    found = []
    for child in token.lefts:
        if child.dep_ == "compound":
            found += [*_compounds(child), child]
    return found


def outlet_name(span: Span) -> str:
    """The outlet's name as written, without a leading article, a possessive or a
    trailing media noun that is not part of the name ("the Mainichi Shimbun newspaper"
    -> "Mainichi Shimbun"; "The Japan Times" stays whole)."""
    tokens = [t for t in span if t.dep_ != "case" and t.text not in ("'s", "’s")]
    while tokens and tokens[0].text.lower() in ("the", "a", "an"):
        tokens = tokens[1:]
    while len(tokens) > 1 and tokens[-1].pos_ != "PROPN" and tokens[-1].text.lower() in MEDIA_NOUNS:
        tokens = tokens[:-1]
    return " ".join(t.text for t in tokens).strip(" ,.")
