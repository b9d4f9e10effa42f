"""The Atom feed of claims: stable ids and honest dates, without a build clock.

A claim's `updated` is the latest publication date among the sources citing it (when
it was last reported); the feed's is the latest of all. With no dated source the Unix
epoch stands for "unknown", so the same content always gives the same feed. Like a
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


@dataclass
class Feed:
    id: str
    updated: str
    entries: Iterator[FeedEntry]  # made as they are written


def build_feed(views: SiteViews) -> Feed:
    stamps = {
        view.source.id: f"{d.isoformat()}T00:00:00Z"
        for view in views.sources
        if (d := iso_date(view.source.date))
    }
    updated = max(stamps.values(), default=UNKNOWN_TIME)
    reported = [
        max(
            (stamps[c.source.id] for c in claim.citations if c.source.id in stamps), default=updated
        )
        for claim in views.claims
    ]
    # claims come strongest first (as on the home page); a stable sort keeps that order
    # among claims reported at the same time
    newest = sorted(range(len(reported)), key=reported.__getitem__, reverse=True)
    limit = views.site.feed_limit or len(newest)
    entries = (
        FeedEntry(
            views.claims[i], _id(views, links.claim_path(views.claims[i].claim.id)), reported[i]
        )
        for i in newest[:limit]
    )
    return Feed(_id(views, links.HOME), updated, entries)


def _id(views: SiteViews, path: str) -> str:
    """Atom ids must be absolute IRIs: the page's URL, or a name-based UUID without one."""
    if views.site.base_url:
        return links.absolute_url(views.site.base_url, path)
    return _urn(f"sitegen:{views.site.title}:{path}")


@lru_cache(maxsize=65_536)  # the dev server builds the feed after every edit
def _urn(name: str) -> str:
    return uuid.uuid5(uuid.NAMESPACE_URL, name).urn
