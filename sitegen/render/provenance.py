"""Who stands behind each source and each claim: outlets, copies, origins.

A reader weighs a claim by where it comes from. Three outlets reprinting one wire
story are one origin, not three; an aggregator crediting Reuters is Reuters' word.
This module reads what the fact base records (`derived_from`, `origins`, a
citation's `origin`, a source's hand-set `kind`) and never guesses beyond it:

- a source's *kind*: its hand-set `kind` (opinion, interview, aggregator), else a copy
  or rewrite (`derived_from`), else text shared with other sources of the folder
  (an `origins` label they list too) or credited as a whole to an outlet, else an
  aggregator when most of its cited passages credit other outlets, else original;
- a citation's *origin*: the outlet it credits, else its source's shared origin, else
  the original its source copies when that states the claim too (followed to the
  start of the chain), else the source itself.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from sitegen.factbase.model import Citation, Source
from sitegen.origins import Lines

NAME_LENGTH = 32  # characters of a title standing in for an unknown outlet


@dataclass(frozen=True)
class Kind:
    key: str  # original | copy | shared-origin | credited | aggregator | opinion | interview
    text: str  # "Copy or rewrite of Reuters", said to a reader

    @property
    def borrowed(self) -> bool:
        """Its text comes from elsewhere: a copy, a shared origin, credited outlets."""
        return self.key in ("copy", "shared-origin", "credited", "aggregator")

    @property
    def phrase(self) -> str:
        """The text inside a sentence: "copy or rewrite of Reuters"."""
        return self.text[:1].lower() + self.text[1:]


@dataclass(slots=True)  # slots: one per origin of every claim, 600,000 at 10,000 articles
class Origin:
    """One independent origin of a claim, with the sources that carry it."""

    label: str  # the outlet or source it traces to
    source_ids: list[str] = field(default_factory=list)
    source_id: str | None = None  # when the origin is a source of the folder


def outlet(source: Source) -> str | None:
    """The publishing outlet: `publisher`, else the host of its `url`."""
    if source.publisher and source.publisher.strip():
        return source.publisher.strip()
    if source.url:
        host = urlsplit(source.url).hostname or ""
        return host.removeprefix("www.") or None
    return None


def short_names(sources: Iterable[Source]) -> dict[str, str]:
    """A short name for each source, unique in the story: its outlet (with its date
    when one outlet has several articles), else the start of its title."""
    sources = list(sources)
    base = {s.id: outlet(s) or f"“{_cut(s.title)}”" for s in sources}
    counts = Counter(base.values())
    names: dict[str, str] = {}
    seen: Counter[str] = Counter()
    for source in sources:
        name = base[source.id]
        if counts[name] > 1:
            seen[name] += 1
            name = f"{name} ({source.date or seen[name]})"
        names[source.id] = name
    return names


def _cut(title: str) -> str:
    title = " ".join(title.split()).rstrip("…").strip()
    return title if len(title) <= NAME_LENGTH else title[: NAME_LENGTH - 1].rstrip() + "…"


def is_outlet_label(label: str) -> bool:
    """An outlet's name ("Reuters", "The Japan Times") rather than a machine label for
    a shared origin outside the folder ("wire-1"): names have capitals or spaces."""
    return label != label.lower() or " " in label.strip()


def source_kind(
    source: Source,
    names: dict[str, str],
    shared_with: dict[str, list[str]],
    citations: list[Citation],
) -> Kind:
    """What kind of source it is, from what the fact base records (module doc)."""
    if source.kind in ("opinion", "interview"):
        return Kind(source.kind, "Opinion" if source.kind == "opinion" else "Interview")
    return (
        _line_kind(source, names, shared_with)
        or _aggregator_kind(source, citations)
        or Kind("original", "Original reporting")
    )


def _line_kind(
    source: Source, names: dict[str, str], shared_with: dict[str, list[str]]
) -> Kind | None:
    """A copy, a near copy sharing an origin with others, or a source republishing an
    outlet as a whole; None for none of these."""
    if source.derived_from:
        originals = ", ".join(names.get(i, i) for i in source.derived_from)
        return Kind("copy", f"Copy or rewrite of {originals}")
    for label in source.origins:
        others = [names.get(i, i) for i in shared_with.get(label, []) if i != source.id]
        if others:
            where = f" ({label})" if is_outlet_label(label) else ""
            return Kind("shared-origin", f"Shares one origin{where} with {', '.join(others)}")
    credited = [label for label in source.origins if is_outlet_label(label)]
    if credited:
        return Kind("credited", f"Republishes {', '.join(credited)}")
    return None


def _aggregator_kind(source: Source, citations: list[Citation]) -> Kind | None:
    """An aggregator, said by hand or because half its citations credit outlets."""
    credits = Counter(c.origin for c in citations if c.origin and is_outlet_label(c.origin))
    if source.kind == "aggregator" or (citations and 2 * sum(credits.values()) >= len(citations)):
        named = ", ".join(label for label, _ in credits.most_common(3))
        return Kind("aggregator", f"Aggregator crediting {named}" if named else "Aggregator")
    return None


def shared_origins(sources: Iterable[Source]) -> dict[str, list[str]]:
    """Origin label -> the ids of the sources listing it in `origins`."""
    shared: dict[str, list[str]] = {}
    for source in sources:
        for label in dict.fromkeys(source.origins):
            shared.setdefault(label, []).append(source.id)
    return shared


def root_original(source_id: str, sources: dict[str, Source], stating: set[str]) -> str:
    """The source at the start of a chain of copies, following only originals that
    state the claim too (`stating`): a passage found only in a copy is the copy's."""
    seen = {source_id}
    current = source_id
    while True:
        originals = [
            i
            for i in sources[current].derived_from
            if i in sources and i in stating and i not in seen
        ]
        if not originals:
            return current
        current = originals[0]
        seen.add(current)


def citation_origin(
    citation: Citation, sources: dict[str, Source], names: dict[str, str], stating: set[str]
) -> tuple[str, str | None]:
    """(label, source id or None) of the origin a cited passage traces to; `stating`
    holds the ids of the sources that state the same claim."""
    if citation.origin:
        label = citation.origin
        return (label if is_outlet_label(label) else f"shared original ({label})"), None
    source = sources[citation.source]
    if source.origins:
        label = source.origins[0]
        return (label if is_outlet_label(label) else f"shared original ({label})"), None
    root = root_original(source.id, sources, stating)
    return names.get(root, root), root


def claim_origins(
    citations: Iterable[Citation], sources: dict[str, Source], names: dict[str, str], lines: Lines
) -> list[Origin]:
    """The independent origins of a claim's citations, grouped exactly as the build and
    `sitegen check` count them (`Lines.groups`), in citation order; each is named by the
    outlet a passage credits, else the shared original, else the first source of the
    chain of copies."""
    citations = [c for c in citations if c.source in sources]
    stating = {c.source for c in citations}
    found = []
    for group in lines.groups((c.source, c.origin) for c in citations):
        labels = [citation_origin(citations[i], sources, names, stating) for i in group]
        credited = [label for label in labels if label[1] is None]
        label, source_id = (credited or labels)[0]
        origin = Origin(label, source_id=source_id)
        for i in group:
            if citations[i].source not in origin.source_ids:
                origin.source_ids.append(citations[i].source)
        found.append(origin)
    return found
