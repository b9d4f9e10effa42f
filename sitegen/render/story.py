"""The story at a glance, for the home page: who reports what, and when.

The coverage matrix crosses claims with sources. The timeline places only what is
dated: a source by its publication date, a claim by the earliest dated source citing
it. Undated sources are counted, never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property

from sitegen.render.views import CitationView, ClaimView, SiteViews, SourceView


@dataclass
class CoverageRow:
    claim: ClaimView
    columns: list[SourceView]

    @cached_property
    def cells(self) -> list[CitationView | None]:
        """Per column: the source's first citation of the claim."""
        return [self.claim.by_source.get(view.source.id) for view in self.columns]


@dataclass
class Coverage:
    sources: list[SourceView]  # the columns, numbered from 1 in this order
    rows: list[CoverageRow]  # one per claim, strongest first

    @cached_property
    def columns(self) -> tuple[str, ...]:
        """The columns' source ids: with a claim, all a row depends on."""
        return tuple(view.source.id for view in self.sources)


@dataclass
class TimelineDay:
    day: date
    sources: list[SourceView]  # published that day
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
    return Coverage(views.sources, [CoverageRow(claim, views.sources) for claim in views.claims])


def timeline(views: SiteViews) -> Timeline:
    dated = {view.source.id: d for view in views.sources
             if (d := iso_date(view.source.date)) is not None}
    days: dict[date, TimelineDay] = {}
    for view in views.sources:
        if view.source.id in dated:
            day = dated[view.source.id]
            days.setdefault(day, TimelineDay(day, [], [])).sources.append(view)
    for claim in views.claims:
        reported = [dated[c.source.id] for c in claim.citations if c.source.id in dated]
        if reported:
            days[min(reported)].claims.append(claim)
    return Timeline([days[d] for d in sorted(days)], len(views.sources) - len(dated))


def long_date(value: date) -> str:
    """2022-03-02 -> "2 March 2022": unambiguous for readers anywhere."""
    return f"{value.day} {value:%B %Y}"
