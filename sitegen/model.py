"""The in-memory fact base: what content/ holds, as typed objects.

Every phase works on these: extraction produces them, the fact-base module reads and
writes them as YAML, and the renderer turns them into pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

STATUSES = ("corroborated", "single-source", "disputed")
SOURCE_KINDS = ("report", "opinion", "interview", "aggregator")  # a source's `kind`, by hand
TITLE_FROM = ("headline", "first-sentence")  # where a source's title comes from
DIFFERENCES = ("figure", "date", "actor", "place")  # what a disputed claim's rival differs in
CLAIM_KINDS = ("quote", "figure", "event")


@dataclass
class Citation:
    source: str
    quote: str
    start: int
    end: int
    origin: str | None = None  # the outlet it credits, or its source's shared origin


@dataclass
class Figure:
    """A number stated in a claim, normalised so claims can be compared."""

    value: float
    text: str  # the words as written: "some 60,000 people"
    unit: str | None = None  # "USD", "JPY", "percent", "years", ... ; None for a count
    counts: str | None = None  # what is counted: "men", "people", "donations"
    qualifier: str | None = None  # "about", "more than", "up to", ...
    quantity: str | None = None  # what the story counts: "killed", "injured", "money", ...
    increment: bool = False  # added to an earlier count ("two more"), not the total


@dataclass
class Source:
    id: str
    file: str  # project-relative, "/" separators
    sha256: str
    title: str
    publisher: str | None = None
    url: str | None = None
    date: str | None = None
    author: str | None = None
    derived_from: list[str] = field(default_factory=list)  # sources this one copies/rewrites
    origins: list[str] = field(default_factory=list)  # shared origins, outlets credited whole
    kind: str | None = None  # one of SOURCE_KINDS, set by hand; None: not said
    title_from: str | None = None  # "first-sentence": no headline known, the title is cut
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Person:
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    description: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Review:
    """A fact-checker's verdict on a claim, added by hand (schema.org ClaimReview)."""

    rating: str  # "Mostly true", "False", ...
    by: str  # who reviewed it: a person or an organisation
    date: str  # YYYY-MM-DD
    note: str | None = None


@dataclass
class Claim:
    id: str
    statement: str
    citations: list[Citation]
    status: str
    people: list[str] = field(default_factory=list)
    kind: str = "event"
    speaker: str | None = None  # a person id, or an organisation's name
    figures: list[Figure] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    differs: dict[str, str] = field(default_factory=dict)  # conflicting claim -> what differs
    updates: list[str] = field(default_factory=list)  # claims a later/earlier report revises
    independent_sources: int | None = None  # independent origins (see sitegen/origins.py)
    review: Review | None = None  # a person's verdict, never the machine's
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def source_ids(self) -> list[str]:
        """Distinct cited sources, in citation order."""
        return list(dict.fromkeys(c.source for c in self.citations))


@dataclass
class Page:
    """A hand-written Markdown page from content/pages/."""

    slug: str
    title: str
    body: str
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class FactBase:
    sources: dict[str, Source] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)
    pages: dict[str, Page] = field(default_factory=dict)


def status_for(independent: int, disputed: bool = False) -> str:
    """The status the contract requires for a claim whose citations trace to
    `independent` independent origins."""
    if disputed:
        return "disputed"
    return "corroborated" if independent >= 2 else "single-source"
