"""The story at a glance, for the home page: who reports what, and when.

The coverage matrix crosses claims with sources. The timeline places only what is
dated: a source by its publication date, a claim by the earliest dated source citing
it. Undated sources are counted, never guessed.

The overview stays one screenful of choices however large the story: the matrix shows
the strongest claims and the sources that report most of them, each timeline day its
first few sources, the people list the most cited; the full lists have their own pages.
A story of 10,000 articles would otherwise put 1.6 billion cells on one page.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from sitegen.render.markdown import plain_text
from sitegen.render.views import CitationView, ClaimView, PersonView, SiteViews, SourceView

MATRIX_CLAIMS = 100  # rows of the coverage matrix: the strongest claims
MATRIX_SOURCES = 30  # its columns: the sources reporting most of those claims
DAY_SOURCES = 5  # sources listed under one timeline day
HOME_PEOPLE = 40  # people listed on the overview: the most cited


@dataclass
class Coverage:
    sources: list[SourceView]  # the columns, numbered from 1 in this order
    rows: list[ClaimView]  # one per claim shown, strongest first
    all_claims: int  # in the story, shown or not
    all_sources: int

    @cached_property
    def columns(self) -> tuple[str, ...]:
        """The columns' source ids: with a claim, all a row depends on."""
        return tuple(view.source.id for view in self.sources)


@dataclass
class TimelineDay:
    day: date
    sources: list[SourceView]  # published that day, the first DAY_SOURCES of them
    more_sources: int  # published that day and not listed
    claims: list[ClaimView]  # first reported that day, strongest first


@dataclass
class Timeline:
    days: list[TimelineDay]  # oldest first
    undated_sources: int


def iso_date(value: str | None) -> date | None:
    """A `YYYY-MM-DD` date, or None for anything else (a hand-typed "March 2")."""
    try:
        return date.fromisoformat(value) if value and len(value) == 10 else None
    except ValueError:
        return None


def coverage(views: SiteViews) -> Coverage:
    """The strongest claims against the sources that report most of them, the columns
    in the order of the story's source list (by date)."""
    claims = views.claims[:MATRIX_CLAIMS]
    columns = views.sources
    if len(columns) > MATRIX_SOURCES:
        reports = Counter(source_id for claim in claims for source_id in claim.by_source)
        order = {view.source.id: number for number, view in enumerate(views.sources)}
        chosen = sorted(views.sources, key=lambda v: (-reports[v.source.id], order[v.source.id]))[
            :MATRIX_SOURCES
        ]
        columns = sorted(chosen, key=lambda v: order[v.source.id])
    return Coverage(columns, claims, len(views.claims), len(views.sources))


def key_people(views: SiteViews) -> list[PersonView]:
    """The people the most claims are about or quote, listed by name as everywhere."""
    ranked = sorted(
        enumerate(views.people), key=lambda pair: -(len(pair[1].claims) + len(pair[1].quotes))
    )
    return [view for _, view in sorted(ranked[:HOME_PEOPLE], key=lambda pair: pair[0])]


def timeline(views: SiteViews) -> Timeline:
    dated = {
        view.source.id: d for view in views.sources if (d := iso_date(view.source.date)) is not None
    }
    days: dict[date, TimelineDay] = {}
    for view in views.sources:
        if view.source.id in dated:
            day = dated[view.source.id]
            entry = days.setdefault(day, TimelineDay(day, [], 0, []))
            if len(entry.sources) < DAY_SOURCES:
                entry.sources.append(view)
            else:
                entry.more_sources += 1
    for claim in views.claims:
        reported = [dated[c.source.id] for c in claim.citations if c.source.id in dated]
        if reported:
            days[min(reported)].claims.append(claim)
    return Timeline([days[d] for d in sorted(days)], len(views.sources) - len(dated))


def long_date(value: date) -> str:
    """2022-03-02 -> "2 March 2022": unambiguous for readers anywhere."""
    return f"{value.day} {value:%B %Y}"


LEAD_SENTENCES = 4  # claims in the lead
LEAD_CHARACTERS = 700  # the lead stops before it grows past this
DISPUTES = 8  # disputes listed on the home page; the rest are on the claims list
DISPUTE_QUOTES = 2  # each side's passages shown
# A statement opening with a pronoun leans on a sentence the lead does not have.
_LEANS = re.compile(r"(?i)^(he|she|it|they|this|these|those|that|his|her|their|its)\b")


def lead(views: SiteViews) -> list[ClaimView]:
    """The story in a few sentences: the strongest undisputed facts, one claim per
    sentence, none that opens with a pronoun pointing outside it."""
    chosen: list[ClaimView] = []
    length = 0
    for view in views.claims:
        statement = plain_text(view.claim.statement).strip()
        if view.claim.status == "disputed" or _LEANS.match(statement):
            continue
        if chosen and length + len(statement) > LEAD_CHARACTERS:
            break
        chosen.append(view)
        length += len(statement)
        if len(chosen) == LEAD_SENTENCES:
            break
    return chosen


@dataclass
class Dispute:
    sides: list[ClaimView]  # the claims that conflict, strongest first

    @property
    def differs(self) -> list[str]:
        """What the sides differ in ("figure", "date", "actor", "place"), as any side's
        `differs` records it for another side."""
        ids = [side.claim.id for side in self.sides]
        found = (side.claim.differs.get(other) for side in self.sides for other in ids)
        return list(dict.fromkeys(what for what in found if what))


def disputes(views: SiteViews) -> tuple[list[Dispute], int]:
    """Groups of claims that conflict (each group once), strongest first, the first
    DISPUTES of them, and how many there are in all."""
    seen: set[str] = set()
    found = []
    for view in views.claims:
        if view.claim.id in seen or not view.conflicts:
            continue
        sides = [view, *(other for other in view.conflicts if other.claim.id not in seen)]
        seen.update(side.claim.id for side in sides)
        found.append(Dispute(sides))
    return found[:DISPUTES], len(found)


def first_report(view: ClaimView) -> tuple[CitationView | None, date | None]:
    """The citation of the earliest dated source stating the claim, and its date; the
    first citation (undated) when no source gives a date."""
    dated = [(d, i, c) for i, c in enumerate(view.citations) if (d := iso_date(c.source.date))]
    if dated:
        day, _, cite = min(dated, key=lambda item: (item[0], item[1]))
        return cite, day
    return (view.citations[0] if view.citations else None), None
