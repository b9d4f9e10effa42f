"""What extraction finds in one article, as plain data.

No spaCy objects: these records can be cached, sent between processes and merged
across articles without the model.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sitegen.factbase.model import Figure


@dataclass(slots=True)
class NameMention:
    """A name as it appears in the text, with the evidence that it names a person."""

    name: str  # cleaned: no honorific, no possessive
    start: int
    end: int
    label: str  # the NER label of this occurrence
    evidence: list[str] = field(default_factory=list)  # "speaker", "title", "appos", "age", "who"
    roles: list[str] = field(default_factory=list)  # "Chief Cabinet Secretary", appositives
    quoted: bool = False  # inside quotation marks: someone else's words, weaker evidence
    nickname: str | None = None  # written inside the name: William "Mo" Cowan


@dataclass(slots=True)
class Speaker:
    """Who a quotation or statement is attributed to."""

    text: str  # the name or noun phrase as resolved ("Hirokazu Matsuno", "the embassy")
    is_person: bool  # a named person (resolvable to a person id)


@dataclass(slots=True)
class FactCandidate:
    """One checkable statement found in one article: the unit that merging clusters."""

    source: str
    start: int
    end: int
    text: str  # text[start:end] of the article, verbatim
    kind: str  # "quote" | "figure" | "event"
    quote: str | None = None  # the quoted words, for kind == "quote"
    speaker: Speaker | None = None
    via: str | None = None  # the outlet the words reached us through ("told Reuters")
    names: list[str] = field(default_factory=list)  # person names involved (surface forms)
    figures: list[Figure] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)  # normalised non-person entities
    lemmas: list[str] = field(default_factory=list)  # content-word lemmas
    frames: list[str] = field(default_factory=list)  # "subject|verb" keys
    acts: list[str] = field(default_factory=list)  # "verb|object" keys ("decline|offer")
    # the passage with an opening pronoun replaced by its referent in editor's brackets
    # ("[Ted Lieu] was one of …"), for the claim's statement; the citation stays `text`
    standalone: str | None = None
    headline: bool = False  # told by the article's headline: its count, in few words


@dataclass(slots=True)
class Credit:
    """An outlet the article credits for some of its words ("told Reuters")."""

    outlet: str  # the name as written, without "the" or a trailing "newspaper"
    kind: str  # "interview" (someone spoke to it), "report" (it reported), "dateline"
    start: int  # the crediting words in the article text
    end: int


@dataclass(slots=True)
class ArticleFacts:
    source: str
    mentions: list[NameMention] = field(default_factory=list)
    facts: list[FactCandidate] = field(default_factory=list)
    failure: str | None = None  # why extraction stopped: the article's facts are left out
    failure_line: int | None = None  # the line of the paragraph being read then
    credits: list[Credit] = field(default_factory=list)
