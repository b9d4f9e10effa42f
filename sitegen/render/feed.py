"""The Atom feed of claims and the sitemap's dates: stable ids and honest dates.

A claim's `published` is the earliest publication date among the sources citing it
(when it was first reported), its `updated` the latest, or the date of the build that
kept a hand correction of it when that is later; the feed's `updated` is the latest
of all. These come from the content (sources, and builds recorded in
`content/.sitegen/corrections.json`), never from the clock of the render, so the same
content always gives the same feed. With no date at all the Unix epoch stands for
"unknown". Like a
blog's feed (Hugo's `rssLimit`), it carries the `feed_limit` most recently reported
claims, newest first, strongest first among equals: a reader polls it for what is new,
and a story of 150,000 claims would otherwise make a feed of hundreds of megabytes.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from sitegen.render import links
from sitegen.render.story import iso_date
from sitegen.render.views import ClaimView, SiteViews

UNKNOWN_TIME = "1970-01-01T00:00:00Z"


@dataclass
class FeedEntry:
    claim: ClaimView
    id: str  # the claim page's absolute URL, else a URN that does not change
    updated: str  # RFC 3339
    published: str | None  # RFC 3339, when a citing source is dated


@dataclass
class Feed:
    id: str
    updated: str
    entries: Iterator[FeedEntry]  # made as they are written


def _stamp(day: str) -> str:
    return f"{day}T00:00:00Z"


def _source_days(views: SiteViews) -> dict[str, str]:
    return {
        view.source.id: d.isoformat() for view in views.sources if (d := iso_date(view.source.date))
    }


def _corrected_days(views: SiteViews) -> dict[str, str]:
    """ "claims/x" -> the latest date a build kept a hand correction of it."""
    days: dict[str, str] = {}
    for correction in views.corrections:
        kept = [edit.kept for edit in correction.fields if iso_date(edit.kept)]
        if kept:
            days[f"{correction.kind}/{correction.object_id}"] = max(kept)
    return days


def build_feed(views: SiteViews) -> Feed:
    sources = _source_days(views)
    corrected = _corrected_days(views)
    first: list[str | None] = []
    reported: list[str] = []
    for claim in views.claims:
        days = [sources[c.source.id] for c in claim.citations if c.source.id in sources]
        edited = corrected.get(f"claims/{claim.claim.id}")
        first.append(_stamp(min(days)) if days else None)
        latest = max([*days, *([edited] if edited else [])], default=None)
        reported.append(_stamp(latest) if latest else "")
    everything = [*sources.values(), *corrected.values()]
    updated = _stamp(max(everything)) if everything else UNKNOWN_TIME
    reported = [stamp or updated for stamp in reported]
    # claims come strongest first (as on the home page); a stable sort keeps that order
    # among claims reported at the same time
    newest = sorted(range(len(reported)), key=reported.__getitem__, reverse=True)
    limit = views.site.feed_limit or len(newest)
    entries = (
        FeedEntry(
            views.claims[i],
            _id(views, links.claim_path(views.claims[i].claim.id)),
            reported[i],
            first[i],
        )
        for i in newest[:limit]
    )
    return Feed(_id(views, links.HOME), updated, entries)


def page_dates(views: SiteViews) -> dict[str, str]:
    """Site path -> the date its content last changed (YYYY-MM-DD), for the sitemap's
    `lastmod`: a claim's latest report or correction, a source's date or correction,
    a person's latest claim or correction, the lists and home page the latest of all.
    Pages with no date get none."""
    sources = _source_days(views)
    corrected = _corrected_days(views)
    by_claim = _claim_days(views, sources, corrected)
    dates = {links.claim_path(claim_id): day for claim_id, day in by_claim.items()}
    for source_view in views.sources:
        sid = source_view.source.id
        days = [d for d in (sources.get(sid), corrected.get(f"sources/{sid}")) if d]
        if days:
            dates[links.source_path(sid)] = max(days)
    for person_view in views.people:
        pid = person_view.person.id
        shown = person_view.quotes + person_view.claims
        days = [by_claim[c.claim.id] for c in shown if c.claim.id in by_claim]
        days += [corrected[k] for k in [f"people/{pid}"] if k in corrected]
        if days:
            dates[links.person_path(pid)] = max(days)
    latest = max([*sources.values(), *corrected.values()], default=None)
    if latest:
        for path in (links.HOME, links.CLAIMS, links.PEOPLE, links.SOURCES, links.CORRECTIONS):
            dates[path] = latest
    return dates


def _claim_days(
    views: SiteViews, sources: dict[str, str], corrected: dict[str, str]
) -> dict[str, str]:
    """Claim id -> its latest source's date or its correction's, for claims with one."""
    by_claim: dict[str, str] = {}
    for view in views.claims:
        days = [sources[s] for s in view.claim.source_ids if s in sources]
        days += [corrected[k] for k in [f"claims/{view.claim.id}"] if k in corrected]
        if days:
            by_claim[view.claim.id] = max(days)
    return by_claim


def _id(views: SiteViews, path: str) -> str:
    """Atom ids must be absolute IRIs: the page's URL, or a name-based UUID without one."""
    if views.site.base_url:
        return links.absolute_url(views.site.base_url, path)
    return _urn(f"sitegen:{views.site.title}:{path}")


@lru_cache(maxsize=65_536)  # the dev server builds the feed after every edit
def _urn(name: str) -> str:
    return uuid.uuid5(uuid.NAMESPACE_URL, name).urn


def forget() -> None:
    """Let go of the feed ids kept for the dev server's next feed."""
    _urn.cache_clear()
