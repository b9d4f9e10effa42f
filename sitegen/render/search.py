"""The search index: one small JSON file that the search page's script filters.

A static host serves it like any other file, so search needs no server and no outside
service. Its URLs are site paths, which the script resolves against the site root, so
the same index works at `/` and under `/project-name/`.
"""

from __future__ import annotations

import json
from typing import Any

from sitegen.render import links
from sitegen.render.markdown import plain_text
from sitegen.render.views import SiteViews

STATUS_LABELS = {"corroborated": "Corroborated", "single-source": "Single source",
                 "disputed": "Disputed"}


def status_label(status: str) -> str:
    return STATUS_LABELS.get(status, status)


def search_entries(views: SiteViews) -> list[dict[str, Any]]:
    """People, claims (strongest first), then sources: the order that breaks ties, so
    a name finds its person before the claims that mention it."""
    entries: list[dict[str, Any]] = []
    for person in views.people:
        description = plain_text(person.person.description)
        entries.append(_entry("person", person.person.name, links.person_path(person.person.id),
                              description, [*person.person.aliases, description]))
    for claim in views.claims:
        count = claim.source_count
        meta = f"{status_label(claim.claim.status)} · {count} source{'s' * (count != 1)}"
        names = [claim.speaker_name or "", *(person.name for person in claim.people)]
        entries.append(_entry("claim", plain_text(claim.claim.statement),
                              links.claim_path(claim.claim.id), meta, names))
    for source in views.sources:
        s = source.source
        meta = " · ".join(part for part in (s.publisher, s.author, s.date) if part)
        entries.append(_entry("source", s.title, links.source_path(s.id), meta,
                              [s.publisher or "", s.author or ""]))
    return entries


def _entry(kind: str, title: str, url: str, meta: str, words: list[str]) -> dict[str, Any]:
    return {"type": kind, "title": title, "url": url, "meta": meta,
            "text": " ".join(word for word in dict.fromkeys(words) if word)}


def search_index_json(views: SiteViews) -> str:
    return json.dumps({"version": 1, "entries": search_entries(views)},
                      ensure_ascii=False, separators=(",", ":")) + "\n"
