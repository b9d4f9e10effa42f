"""How many independent origins a claim's citations trace to, from the fact base alone.

Corroboration means independent reporting. Several outlets repeating one origin are one
origin: a source and the sources it copies or rewrites (`derived_from`), near copies of
one original outside the folder (a shared label in `origins`, "wire-1"), an outlet a
source credits as a whole (in `origins`) or as its publisher, and the outlet a passage
credits ("told Reuters", a citation's `origin`). Everything here reads plain records, so
the build, `sitegen check` and the renderer count alike, and a hand edit of any of these
fields changes the count.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

# Nouns that end an outlet's phrase without being its name: "the Mainichi Shimbun
# newspaper" is the Mainichi Shimbun. (A name such as "The Japan Times" keeps "Times":
# only a trailing word written in lower case is dropped.)
MEDIA_NOUNS = frozenset(
    {
        "newspaper",
        "paper",
        "daily",
        "weekly",
        "agency",
        "broadcaster",
        "network",
        "channel",
        "magazine",
        "tabloid",
        "outlet",
        "wire",
        "website",
        "station",
        "journal",
        "news",
        "service",
    }
)
_ARTICLES = ("the", "a", "an")
SHARED_LABEL = "wire-"  # the build's label for an origin near copies share: "wire-1"
UNNAMED = "unnamed report"  # the origin of a passage that says it relays one ("reportedly")


def outlet_key(name: str) -> str:
    """An outlet's name folded for comparison: case, accents, a leading article, a
    possessive and a trailing lower-case media noun do not matter, and a web address
    is its site's name ("wdbj7.com", "www.wdbj7.com": "wdbj7")."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = folded.replace("'s", "").replace("'", "").strip(" .,").split()
    while words and words[0].lower() in _ARTICLES:
        words = words[1:]
    while len(words) > 1 and words[-1].islower() and words[-1] in MEDIA_NOUNS:
        words = words[:-1]
    key = " ".join(words).lower()
    return _site_name(key) if _ADDRESS.fullmatch(key) else key


_ADDRESS = re.compile(r"(?:[a-z0-9-]+\.)+[a-z]{2,}")
# the ends of a web address that name no site: "com", "co.uk", "org"
_DOMAIN_ENDS = frozenset({"com", "org", "net", "co", "uk", "us", "ca", "au", "tv", "info", "www"})


def _site_name(address: str) -> str:
    labels = [label for label in address.split(".") if label not in _DOMAIN_ENDS]
    return labels[-1] if labels else address


def same_outlet(a: str, b: str) -> bool:
    """Two folded outlet names for one outlet: equal, written as one word ("abc7
    chicago" / "abc7chicago"), or one a word-prefix of the other ("mainichi" /
    "mainichi shimbun"; not "new york times" / "new york post")."""
    if a.replace(" ", "").replace("-", "") == b.replace(" ", "").replace("-", ""):
        return True
    short, long = sorted((a.split(), b.split()), key=len)
    return bool(short) and long[: len(short)] == short


class Linked(Protocol):
    """A fact-base source, as far as its lines of reporting go."""

    id: str
    derived_from: list[str]
    origins: list[str]
    publisher: str | None


@dataclass
class SourceLinks:
    """What ties one source to others: the fields of its YAML file that matter here."""

    derived_from: list[str] = field(default_factory=list)
    origins: list[str] = field(default_factory=list)
    publisher: str | None = None


class _Node(StrEnum):
    """What a node of the union of lines stands for; nodes are written "s:<source id>",
    "o:<folded outlet name>"."""

    SOURCE = "s"
    OUTLET = "o"

    def of(self, name: str) -> str:
        return f"{self.value}:{name}"


_SOURCE, _OUTLET = _Node.SOURCE, _Node.OUTLET


class UnionFind:
    """Sets of names joined pairwise (a disjoint-set forest)."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def root(self, node: str) -> str:
        self.parent.setdefault(node, node)
        while self.parent[node] != node:
            self.parent[node] = self.parent[self.parent[node]]
            node = self.parent[node]
        return node

    def join(self, a: str, b: str) -> None:
        ra, rb = sorted((self.root(a), self.root(b)))
        if ra != rb:
            self.parent[rb] = ra


GROUPS_KEPT = 20_000  # the groups of this many citation lists kept by one `Lines`

Citations = tuple[tuple[str, str | None], ...]


@dataclass
class Lines:
    """The story's lines of reporting: each source's family (sources joined by copying
    or a shared origin) and the outlets each family relays as a whole.

    `of` hands back the last `Lines` made when the sources' links are the same, and each
    keeps the groups it worked out (a render asks twice per claim, the dev server again
    after every edit, for every claim)."""

    family: dict[str, str] = field(default_factory=dict)  # source id -> family root
    outlets: dict[str, set[str]] = field(default_factory=dict)  # family root -> outlet keys
    _groups: dict[Citations, list[list[int]]] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, sources: Mapping[str, SourceLinks]) -> Lines:
        key = tuple(
            (sid, tuple(s.derived_from), tuple(s.origins), s.publisher)
            for sid, s in sources.items()
        )
        global _last
        last_key, lines = _last
        if last_key != key:
            lines = cls._made(sources)
            _last = (key, lines)
        return lines

    @classmethod
    def of_sources(cls, sources: Iterable[Linked]) -> Lines:
        """`of` the fact base's sources, from their own fields."""
        return cls.of(
            {s.id: SourceLinks(list(s.derived_from), list(s.origins), s.publisher) for s in sources}
        )

    @classmethod
    def _made(cls, sources: Mapping[str, SourceLinks]) -> Lines:
        union = UnionFind()
        for source_id, links in sources.items():
            node = _SOURCE.of(source_id)
            union.root(node)
            for original in links.derived_from:
                union.join(node, _SOURCE.of(original))
            for label in links.origins:
                union.join(node, _OUTLET.of(outlet_key(label)))
            if links.publisher:
                union.join(node, _OUTLET.of(outlet_key(links.publisher)))
        lines = cls()
        for source_id in sources:
            lines.family[source_id] = union.root(_SOURCE.of(source_id))
        outlet = _OUTLET.of("")
        for node in list(union.parent):
            if node.startswith(outlet):
                lines.outlets.setdefault(union.root(node), set()).add(node[len(outlet) :])
        return lines

    def count(self, citations: Iterable[tuple[str, str | None]]) -> int:
        """Independent origins of (source id, credited origin or None) citations."""
        return len(self.groups(citations))

    def groups(self, citations: Iterable[tuple[str, str | None]]) -> list[list[int]]:
        """The citations (by index) grouped by the independent origin they trace to, in
        order of first citation."""
        pairs = tuple(citations)
        found = self._groups.get(pairs)
        if found is None:
            found = self._grouped(pairs)
            if len(self._groups) < GROUPS_KEPT:
                self._groups[pairs] = found
        return [list(group) for group in found]  # the caller's to change

    def _grouped(self, citations: Citations) -> list[list[int]]:
        if len({self.family.get(source, _SOURCE.of(source)) for source, _ in citations}) == 1:
            # one family: its outlets and the origins it credits all join it, so every
            # citation traces to one origin (no outlet names to compare)
            return _relayed_joined([list(range(len(citations)))], [o for _, o in citations])
        union = UnionFind()
        families, keys, origins = [], set(), []
        for source, origin in citations:
            origins.append(origin)
            family = self.family.get(source, _SOURCE.of(source))
            families.append(family)
            union.root(family)
            for key in self.outlets.get(family, ()):
                keys.add(key)
                union.join(family, _OUTLET.of(key))
            if origin and origin != UNNAMED:
                key = outlet_key(origin)
                keys.add(key)
                union.join(family, _OUTLET.of(key))
        _join_same_outlets(union, keys)
        grouped: dict[str, list[int]] = {}
        for index, family in enumerate(families):
            grouped.setdefault(union.root(family), []).append(index)
        return _relayed_joined(list(grouped.values()), origins)


_last: tuple[object, Lines] = ((), Lines())  # the sources' links, and `Lines.of` them


def _join_same_outlets(union: UnionFind, keys: set[str]) -> None:
    """Folded outlet names for one outlet ("mainichi", "mainichi shimbun") are one node.
    Names already in one set are not compared: joining them would change nothing, and a
    family's outlets all are (in a 10,000-article story, one family of 23 outlets made
    253 comparisons for every claim)."""
    ordered = sorted(keys)
    roots = [union.root(_OUTLET.of(key)) for key in ordered]
    for i, a in enumerate(ordered):
        for j in range(i + 1, len(ordered)):
            if roots[i] != roots[j] and same_outlet(a, ordered[j]):
                union.join(_OUTLET.of(a), _OUTLET.of(ordered[j]))


def _relayed_joined(groups: list[list[int]], origins: list[str | None]) -> list[list[int]]:
    """A passage relaying a report it does not name is no independent origin: it joins
    the first origin that is one (most likely the report it relays)."""
    relayed = [g for g in groups if all(origins[i] == UNNAMED for i in g)]
    named = [g for g in groups if g not in relayed]
    if not (relayed and named):
        return groups
    named[0] = sorted(named[0] + [i for g in relayed for i in g])
    return named


def links_of(record: Mapping[str, object]) -> SourceLinks:
    """A source's links from its YAML record (values of the wrong type are ignored:
    `sitegen check` reports them)."""

    def strings(name: str) -> list[str]:
        value = record.get(name)
        return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []

    publisher = record.get("publisher")
    return SourceLinks(
        strings("derived_from"),
        strings("origins"),
        publisher if isinstance(publisher, str) else None,
    )


def citation_pairs(citations: Iterable[object]) -> list[tuple[str, str | None]]:
    """(source, origin) of each well-formed citation record."""
    pairs = []
    for citation in citations:
        if isinstance(citation, Mapping) and isinstance(citation.get("source"), str):
            origin = citation.get("origin")
            pairs.append((citation["source"], origin if isinstance(origin, str) else None))
    return pairs
