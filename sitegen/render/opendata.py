"""Open data: the fact base as JSON and CSV files in the site's `data/` folder.

A newsroom or a fact-checker downloads the claims, people and sources without
cloning the YAML. Each JSON file names its schema (`data/schema/*.schema.json`, JSON
Schema 2020-12, shipped in `sitegen/schema/`) and its format `version`, raised only
when a field changes meaning or goes away. Files are written in pieces: a
10,000-article story's claims are never one string.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict
from functools import partial
from pathlib import Path
from typing import Any

from sitegen.render import links
from sitegen.render.incremental import Fragments
from sitegen.render.markdown import plain_text
from sitegen.render.story import first_report
from sitegen.render.views import ClaimView, PersonView, SiteViews, SourceView

FOLDER = "data/"
VERSION = 1
SCHEMAS = Path(__file__).resolve().parent.parent / "schema"
CSV_COLUMNS = (
    "id",
    "url",
    "statement",
    "kind",
    "status",
    "sources",
    "independent_sources",
    "origins",
    "first_reported",
    "review_rating",
    "review_by",
    "review_date",
)


# What a claim's entry shows besides its view's keys (`ClaimView.shows`): its origins are
# named by every source's short name, so any source edit is one (`Fragments.forget`).
EVERY_SOURCE = "sources/*"


def data_files(
    views: SiteViews, fragments: Fragments | None = None
) -> Iterator[tuple[str, Iterable[str]]]:
    """(site path, text in pieces) of each data file. The dev server's `fragments` keep
    each claim's entry until something it shows is edited."""
    claims = (_kept(fragments, "claims.json", view, _claim_json) for view in views.claims)
    yield f"{FOLDER}claims.json", _document(views, "claims", claims)
    yield f"{FOLDER}claims.csv", _claims_csv(views, fragments)
    yield f"{FOLDER}people.json", _document(views, "people", map(_person, views.people))
    yield f"{FOLDER}sources.json", _document(views, "sources", map(_source, views.sources))


def copy_schemas(target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for schema in sorted(SCHEMAS.glob("*.schema.json")):
        shutil.copyfile(schema, target / schema.name)


def _kept(
    fragments: Fragments | None, file: str, view: ClaimView, make: Callable[[ClaimView], str]
) -> str:
    if fragments is None:
        return make(view)
    return fragments.keep(
        (FOLDER, file, view.claim.id), lambda: view.shows | {EVERY_SOURCE}, partial(make, view)
    )


def _document(views: SiteViews, name: str, items: Iterable[dict[str, Any] | str]) -> Iterator[str]:
    """A JSON file listing `items` (mappings, or their JSON text)."""
    head = {
        "$schema": f"schema/{name}.schema.json",
        "version": VERSION,
        "title": views.site.title,
        "base_url": views.site.base_url or None,
    }
    yield json.dumps(head, ensure_ascii=False)[:-1] + f', "{name}": [\n'
    for number, item in enumerate(items):
        text = item if isinstance(item, str) else json.dumps(item, ensure_ascii=False)
        yield (",\n" if number else "") + text
    yield "\n]}\n"


def _claim_json(view: ClaimView) -> str:
    return json.dumps(_claim(view), ensure_ascii=False)


def _claim(view: ClaimView) -> dict[str, Any]:
    claim = view.claim
    cite, day = first_report(view)
    review = claim.review
    return {
        "id": claim.id,
        "path": links.claim_path(claim.id),
        "statement": plain_text(claim.statement),
        "kind": claim.kind,
        "status": claim.status,
        "sources": view.source_count,
        "independent_sources": claim.independent_sources,
        "origins": [origin.label for origin in view.origins],
        "first_reported": {"source": cite.source.id, "date": day.isoformat() if day else None}
        if cite
        else None,
        "speaker": claim.speaker,
        "people": claim.people,
        "conflicts": claim.conflicts,
        "figures": [
            {k: v for k, v in asdict(figure).items() if v is not None} for figure in claim.figures
        ],
        "review": {k: v for k, v in asdict(review).items() if v is not None} if review else None,
        "citations": [
            {
                "source": c.citation.source,
                "quote": c.citation.quote,
                "start": c.citation.start,
                "end": c.citation.end,
                "origin": c.citation.origin,
            }
            for c in view.citations
        ],
    }


def _claims_csv(views: SiteViews, fragments: Fragments | None) -> Iterator[str]:
    yield _csv_line(CSV_COLUMNS)
    for view in views.claims:
        yield _kept(fragments, "claims.csv", view, partial(_claim_row, views))


def _claim_row(views: SiteViews, view: ClaimView) -> str:
    claim, review = view.claim, view.claim.review
    _, day = first_report(view)
    path, base_url = links.claim_path(claim.id), views.site.base_url
    row = [
        claim.id,
        links.absolute_url(base_url, path) if base_url else path,
        plain_text(claim.statement),
        claim.kind,
        claim.status,
        view.source_count,
        "" if claim.independent_sources is None else claim.independent_sources,
        "; ".join(origin.label for origin in view.origins),
        day.isoformat() if day else "",
        review.rating if review else "",
        review.by if review else "",
        review.date if review else "",
    ]
    return _csv_line([_cell(value) for value in row])


def _csv_line(row: Iterable[object]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(row)
    return buffer.getvalue()


def _cell(value: object) -> object:
    """Text a spreadsheet would run as a formula ("=HYPERLINK(…)") starts with a quote
    mark: the files come from articles anyone can write."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _person(view: PersonView) -> dict[str, Any]:
    person = view.person
    return {
        "id": person.id,
        "path": links.person_path(person.id),
        "name": person.name,
        "aliases": person.aliases,
        "description": plain_text(person.description) if person.description else None,
        "quotes": [q.claim.id for q in view.quotes],
        "claims": [c.claim.id for c in view.claims],
    }


def _source(view: SourceView) -> dict[str, Any]:
    source = view.source
    return {
        "id": source.id,
        "path": links.source_path(source.id),
        "title": source.title,
        "title_from": "first-sentence" if view.title_is_cut else "headline",
        "outlet": view.outlet,
        "publisher": source.publisher,
        "author": source.author,
        "date": source.date,
        "original_url": source.url if links.is_web_url(source.url) else None,
        "kind": view.kind.key,
        "kind_text": view.kind.text,
        "derived_from": [original.id for original in view.derived_from],
        "origins": source.origins,
        "claims": [ref.claim.id for ref in view.claims],
    }
