"""The in-memory fact base: what content/ holds, as typed objects, and its schema.

Every phase works on these: extraction produces them, the store reads and writes them as
YAML, and the renderer turns them into pages. Each field of a content/ file is declared
here once, with `fact(...)` (see `schema.py`): its type, whether it is required, its
place in the file (the order below), how a hand edit of it merges and how `sitegen
check` validates it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sitegen.factbase.schema import IsoDate, Merge, OneOf, Refers, extras, fact

STATUSES = ("corroborated", "single-source", "disputed")
SOURCE_KINDS = ("report", "opinion", "interview", "aggregator")  # a source's `kind`, by hand
TITLE_FROM = ("headline", "first-sentence")  # where a source's title comes from
DIFFERENCES = ("figure", "date", "actor", "place")  # what a disputed claim's rival differs in
CLAIM_KINDS = ("quote", "figure", "event")

MACHINE, SCALAR, SET, HAND = Merge.MACHINE, Merge.SCALAR, Merge.SET, Merge.HAND
SOURCE_ID, PERSON_ID, CLAIM_ID = (
    Refers("sources", "source"),
    Refers("people", "person"),
    Refers("claims", "claim"),
)

# Fields are written to a file in the order they are declared below; a class's fields
# without `merge` are parts of the record holding them (a citation merges as a whole).


@dataclass(slots=True)  # slots: the fact base has hundreds of thousands of these
class Citation:
    source: str = fact(required=True, checks=(SOURCE_ID,), shared=True)
    quote: str = fact(required=True)
    start: int = fact(required=True)
    end: int = fact(required=True)
    origin: str | None = fact(default=None)  # the outlet it credits, or its source's origin


@dataclass(slots=True)
class Figure:
    """A number stated in a claim, normalised so claims can be compared."""

    value: float = fact(required=True)
    text: str = fact(required=True)  # the words as written: "some 60,000 people"
    unit: str | None = fact(default=None)  # "USD", "JPY", "percent", "years"; None: a count
    counts: str | None = fact(default=None)  # what is counted: "men", "people", "donations"
    qualifier: str | None = fact(default=None)  # "about", "more than", "up to", ...
    quantity: str | None = fact(default=None)  # what the story counts: "killed", "money"...
    increment: bool = fact(default=False)  # added to an earlier count ("two more")


@dataclass(slots=True)
class Source:
    id: str = fact(required=True, merge=MACHINE)
    file: str = fact(required=True, merge=MACHINE)  # project-relative, "/" separators
    sha256: str = fact(required=True, merge=MACHINE)
    title: str = fact(required=True, merge=SCALAR)
    publisher: str | None = fact(default=None, merge=SCALAR)
    url: str | None = fact(default=None, merge=SCALAR)
    date: str | None = fact(default=None, merge=SCALAR, checks=(IsoDate(),))
    author: str | None = fact(default=None, merge=SCALAR)
    # sources this one copies or rewrites
    derived_from: list[str] = fact(default_factory=list, merge=SET, checks=(SOURCE_ID,))
    # shared origins: outlets credited whole
    origins: list[str] = fact(default_factory=list, merge=SET)
    # set by hand; None: not said
    kind: str | None = fact(default=None, merge=HAND, checks=(OneOf(SOURCE_KINDS),))
    # "first-sentence": no headline known, the title is cut
    title_from: str | None = fact(default=None, merge=SCALAR, checks=(OneOf(TITLE_FROM),))
    extra: dict[str, Any] = extras()


@dataclass(slots=True)
class Person:
    id: str = fact(required=True, merge=MACHINE)
    name: str = fact(required=True, merge=SCALAR)
    aliases: list[str] = fact(required=True, default_factory=list, merge=SET)
    description: str | None = fact(default=None, merge=SCALAR)
    extra: dict[str, Any] = extras()


@dataclass(slots=True)
class Review:
    """A fact-checker's verdict on a claim, added by hand (schema.org ClaimReview)."""

    rating: str = fact(required=True)  # "Mostly true", "False", ...
    by: str = fact(required=True)  # who reviewed it: a person or an organisation
    date: str = fact(required=True, checks=(IsoDate(blocking=True),))  # YYYY-MM-DD
    note: str | None = fact(default=None)


@dataclass(kw_only=True, slots=True)  # declared in file order, which puts optional fields first
class Claim:
    id: str = fact(required=True, merge=MACHINE)
    statement: str = fact(required=True, merge=SCALAR)
    kind: str = fact(default="event", merge=SCALAR, checks=(OneOf(CLAIM_KINDS),), shared=True)
    status: str = fact(required=True, merge=SCALAR, checks=(OneOf(STATUSES),), shared=True)
    speaker: str | None = fact(default=None, merge=SCALAR, shared=True)  # a person id or a name
    people: list[str] = fact(
        required=True, default_factory=list, merge=SET, checks=(PERSON_ID,), shared=True
    )
    figures: list[Figure] = fact(default_factory=list, merge=SCALAR)
    conflicts: list[str] = fact(default_factory=list, merge=SET, checks=(CLAIM_ID,))
    # conflicting claim -> what differs
    differs: dict[str, str] = fact(default_factory=dict, merge=SCALAR)
    # claims a later or earlier report revises
    updates: list[str] = fact(default_factory=list, merge=SET, checks=(CLAIM_ID,))
    # independent origins (see sitegen/origins.py)
    independent_sources: int | None = fact(default=None, merge=SCALAR)
    # a person's verdict, never the machine's
    review: Review | None = fact(default=None, merge=HAND)
    citations: list[Citation] = fact(required=True, merge=SET)
    extra: dict[str, Any] = extras()

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
