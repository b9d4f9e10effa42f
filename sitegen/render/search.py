"""The search index: one small JSON file that the search page's script filters.

A static host serves it like any other file, so search needs no server and no outside
service. Its URLs are site paths, which the script resolves against the site root, so
the same index works at `/` and under `/project-name/`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable, Iterator
from functools import partial
from typing import Any

from sitegen.render import links
from sitegen.render.markdown import plain_text
from sitegen.render.views import ClaimView, PersonView, SiteViews, SourceView

STATUS_LABELS = {
    "corroborated": "Corroborated",
    "single-source": "Single source",
    "disputed": "Disputed",
}


def status_label(status: str) -> str:
    return STATUS_LABELS.get(status, status)


Keep = Callable[[Hashable, frozenset[str], Callable[[], str]], str]


def _entries(
    views: SiteViews,
) -> Iterator[tuple[str, Callable[[], frozenset[str]], Callable[[], dict]]]:
    """Each entry as (key, how to find the keys of what it shows, how to make it):
    people, claims (strongest first), then sources, the order that breaks ties, so a
    name finds its person before the claims that mention it."""
    for person in views.people:
        key = f"people/{person.person.id}"
        yield key, partial(frozenset, [key]), partial(_person_entry, person)
    for claim in views.claims:
        yield (
            f"claims/{claim.claim.id}",
            partial(getattr, claim, "shows"),
            partial(_claim_entry, claim),
        )
    for source in views.sources:
        key = f"sources/{source.source.id}"
        yield key, partial(frozenset, [key]), partial(_source_entry, source)


def _person_entry(view: PersonView) -> dict[str, Any]:
    description = plain_text(view.person.description)
    return _entry(
        "person",
        view.person.name,
        links.person_path(view.person.id),
        description,
        [*view.person.aliases, description],
    )


def _claim_entry(view: ClaimView) -> dict[str, Any]:
    count = view.source_count
    meta = f"{status_label(view.claim.status)} · {count} source{'s' * (count != 1)}"
    names = [view.speaker_name or "", *(person.name for person in view.people)]
    return _entry(
        "claim", plain_text(view.claim.statement), links.claim_path(view.claim.id), meta, names
    )


def _source_entry(view: SourceView) -> dict[str, Any]:
    s = view.source
    meta = " · ".join(part for part in (s.publisher, s.author, s.date) if part)
    return _entry(
        "source", s.title, links.source_path(s.id), meta, [s.publisher or "", s.author or ""]
    )


def _entry(kind: str, title: str, url: str, meta: str, words: list[str]) -> dict[str, Any]:
    return {
        "type": kind,
        "title": title,
        "url": url,
        "meta": meta,
        "text": " ".join(word for word in dict.fromkeys(words) if word),
    }


def search_index_json(views: SiteViews, keep: Keep | None = None) -> str:
    """The index file. `keep(key, shows, make)` lets the dev server reuse the JSON of
    each entry whose object was not edited."""
    return "".join(search_index_pieces(views, keep))


def search_index_pieces(views: SiteViews, keep: Keep | None = None) -> Iterator[str]:
    """The index file in pieces, to be written as they come: a 10,000-article story's
    index is never one string."""
    yield '{"version":1,"entries":['
    for number, (key, shown, make) in enumerate(_entries(views)):
        yield "," if number else ""
        yield keep(("search", key), shown(), partial(_json, make)) if keep else _json(make)
    yield "]}\n"


def _json(make: Callable[[], dict[str, Any]]) -> str:
    return json.dumps(make(), ensure_ascii=False, separators=(",", ":"))
