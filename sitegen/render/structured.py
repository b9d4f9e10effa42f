"""schema.org JSON-LD for the home, claim, person and source pages, safe inside a
<script> element. A claim carries `ClaimReview` only when a person added a verdict
(`review` in its YAML); the machine never rates a claim.

Statements, names and titles come from articles and YAML. Inside <script> HTML
escaping does not apply, so the JSON itself must never contain `<`, `>` or `&`:
they are written as \\u escapes, which JSON parsers read back unchanged.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from markupsafe import Markup

from sitegen.factbase.model import Person, Source
from sitegen.render.links import Linker, is_web_url
from sitegen.render.markdown import plain_text
from sitegen.render.story import iso_date
from sitegen.render.views import ClaimView, PersonView, SiteInfo, SourceView

_SCRIPT_SAFE = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)
_SCRIPT_UNSAFE = "<>&\u2028\u2029"  # the characters `_SCRIPT_SAFE` escapes
CONTEXT = "https://schema.org"


class Deferred(Mapping[str, Any]):
    """A page's JSON-LD, made when a template first looks at it: a theme that does not
    show it (a minimal one) does not pay for it on every claim and person page."""

    __slots__ = ("_data", "_make")

    def __init__(self, make: Callable[[], dict[str, Any]]) -> None:
        self._make = make
        self._data: dict[str, Any] | None = None

    def _made(self) -> dict[str, Any]:
        if self._data is None:
            self._data = self._make()
        return self._data

    def __getitem__(self, key: str) -> Any:
        return self._made()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._made())

    def __len__(self) -> int:
        return len(self._made())


def json_script(data: object) -> Markup:
    """JSON that cannot end its <script> element early, whatever the strings hold. On
    one line: with `indent` the json module encodes in Python, 4x slower than in C."""
    text = json.dumps(data, ensure_ascii=False, default=_as_dict)
    # most pages' JSON holds none of them: a search per character is quicker than
    # `translate`, which looks every character up in the table
    if any(ch in text for ch in _SCRIPT_UNSAFE):
        text = text.translate(_SCRIPT_SAFE)
    return Markup(text)


def _as_dict(value: object) -> dict[str, Any]:
    if isinstance(value, Mapping):  # Deferred
        return dict(value)
    raise TypeError(f"{type(value).__name__} is not JSON data")


def claim_data(view: ClaimView, link: Linker) -> dict[str, Any]:
    """A schema.org Claim with one `appearance` per source that states it."""
    sources = list({cite.source.id: cite.source for cite in view.citations}.values())
    appearances = [_creative_work(source, link) for source in sources]
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "Claim",
        "url": link.absolute(view.claim),
        "text": plain_text(view.claim.statement),
    }
    if view.speaker:
        data["author"] = _person(view.speaker, link)
    if view.people:
        data["about"] = [_person(person, link) for person in view.people]
    data["appearance"] = appearances
    dated = [work for work in appearances if "datePublished" in work]
    if dated:
        data["firstAppearance"] = min(dated, key=lambda work: work["datePublished"])
    return data


def claim_review_data(view: ClaimView, link: Linker) -> dict[str, Any]:
    """The claim as schema.org ClaimReview when reviewed by hand, else as a Claim."""
    claim = claim_data(view, link)
    review = view.claim.review
    if review is None:
        return claim
    del claim["@context"]
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "url": claim["url"],
        "claimReviewed": claim["text"],
        "itemReviewed": claim,
        "author": {"@type": "Organization", "name": review.by},
        "datePublished": review.date,
        "reviewRating": {"@type": "Rating", "alternateName": review.rating},
    }
    if review.note:
        data["reviewBody"] = plain_text(review.note)
    return data


def source_data(view: SourceView, link: Linker) -> dict[str, Any]:
    """A source as schema.org NewsArticle: its page here, and the original's address."""
    source = view.source
    data = {"@context": CONTEXT, **_creative_work(source, link), "@type": "NewsArticle"}
    data["headline"] = source.title
    data["mainEntityOfPage"] = link.absolute(source)
    if view.derived_from:
        data["isBasedOn"] = [_creative_work(original, link) for original in view.derived_from]
    return data


def website_data(site: SiteInfo, link: Linker) -> dict[str, Any]:
    """The site as schema.org WebSite, with its search when URLs can be absolute."""
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "WebSite",
        "name": site.title,
        "url": link.absolute(""),
        "inLanguage": site.language,
    }
    if site.description:
        data["description"] = site.description
    if site.base_url:
        data["potentialAction"] = {
            "@type": "SearchAction",
            "target": link.absolute("search/") + "?q={query}",
            "query-input": "required name=query",
        }
    return data


def person_data(view: PersonView, link: Linker) -> dict[str, Any]:
    return {"@context": CONTEXT, **_person(view.person, link)}


def _person(person: Person, link: Linker) -> dict[str, Any]:
    data: dict[str, Any] = {"@type": "Person", "name": person.name, "url": link.absolute(person)}
    if person.aliases:
        data["alternateName"] = person.aliases
    if person.description:
        data["description"] = plain_text(person.description)
    return data


def _creative_work(source: Source, link: Linker) -> dict[str, Any]:
    """An article: its original address when known, else its page on this site."""
    work: dict[str, Any] = {
        "@type": "CreativeWork",
        "name": source.title,
        "url": source.url if is_web_url(source.url) else link.absolute(source),
    }
    if source.publisher:
        work["publisher"] = {"@type": "Organization", "name": source.publisher}
    if source.author:
        work["author"] = {"@type": "Person", "name": source.author}
    published = iso_date(source.date)
    if published:
        work["datePublished"] = published.isoformat()
    return work
