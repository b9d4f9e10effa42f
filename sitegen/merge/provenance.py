"""Which sources copy or rewrite another, and which share an origin outside the folder.

Two sources are one line of reporting when most of the facts of the shorter one are
also in the other, told in the same order, with the same quotations in the same order.
Independent outlets covering one event share some facts too, but tell them in their own
order and pick their own quotations.

Which of two near copies came first is known only from what the articles say about
time: their dates, or an "Updated" line. Without that, both may come from one original
that is not in the folder (a wire report printed by several outlets), so they share an
origin and neither is said to copy the other. Wording still tells which text departs
more from how the story's other sources word the same facts (a synonym-spun rewrite
uses words nobody else uses): that ranks wordings for statements and descriptions, and
says nothing about who copied whom.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations

from sitegen.factbase.model import Source
from sitegen.merge.claims import Clustering
from sitegen.merge.keys import KeyKind
from sitegen.merge.params import MergeParams
from sitegen.origins import SHARED_LABEL


@dataclass
class Lineage:
    """Copies with a known direction, near copies of one outside origin, and how far
    each text is rewritten (for choosing wordings only)."""

    derived: dict[str, list[str]] = field(default_factory=dict)  # copy -> originals
    shared: dict[str, str] = field(default_factory=dict)  # source -> shared origin label
    reworded: dict[str, list[str]] = field(default_factory=dict)  # text -> plainer texts

    @property
    def one_line(self) -> dict[str, list[str]]:
        """Every one-line pair, oriented from the more to the less rewritten text."""
        merged: dict[str, set[str]] = defaultdict(set)
        for mapping in (self.derived, self.reworded):
            for source, others in mapping.items():
                merged[source].update(others)
        return {source: sorted(others) for source, others in sorted(merged.items())}

    @property
    def reworded_from(self) -> dict[str, list[str]]:
        """Each copy with the texts it may reword sentences of: the originals it copies,
        and both ways between two near copies of one outside origin (a rewrite of the
        wire report may keep whole a sentence the other splits, or split one the other
        keeps whole; neither came first)."""
        merged: dict[str, set[str]] = defaultdict(set)
        for source, originals in self.derived.items():
            merged[source].update(originals)
        for source, plainer in self.reworded.items():
            for other in plainer:
                merged[source].add(other)
                merged[other].add(source)
        return {source: sorted(others) for source, others in sorted(merged.items())}


@dataclass
class _Pair:
    shared: list[int]  # clusters both sources cite
    quotes: int  # of which quotations


def derived_sources(
    result: Clustering, sources: dict[str, Source], texts: dict[str, str]
) -> Lineage:
    """Which sources copy which (`texts`: source id -> article text, for its
    "Updated" line)."""
    params = result.params
    order = _cluster_order(result)
    used_by = _used_by(result)
    derived: dict[str, set[str]] = defaultdict(set)
    reworded: dict[str, set[str]] = defaultdict(set)
    near: list[tuple[str, str]] = []
    when = {s: _when(source, texts.get(s, ""), params) for s, source in sources.items()}
    for (a, b), pair in sorted(_pairs(result).items()):
        if not _one_line(pair, order[a], order[b], params):
            continue
        if when.get(a) and when.get(b) and when[a] != when[b]:
            copy, original = (a, b) if when[a] > when[b] else (b, a)  # type: ignore[operator]
            derived[copy].add(original)
            continue
        near.append((a, b))
        copy, original = _copy_of(a, b, pair, result, order, used_by)
        reworded[copy].add(original)
    return Lineage(
        {s: sorted(o) for s, o in sorted(derived.items())},
        _shared_labels(near),
        {s: sorted(o) for s, o in sorted(reworded.items())},
    )


def _pairs(result: Clustering) -> dict[tuple[str, str], _Pair]:
    """The claims each pair of sources both cite (but claims cited by too many)."""
    pairs: dict[tuple[str, str], _Pair] = defaultdict(lambda: _Pair([], 0))
    for number, members in enumerate(result.clusters):
        cited = sorted({result.items[i].source for i in members})
        if len(cited) > result.params.max_sources:
            continue
        is_quote = all(result.items[i].fact.kind == "quote" for i in members)
        for a, b in combinations(cited, 2):
            pairs[(a, b)].shared.append(number)
            pairs[(a, b)].quotes += is_quote
    return pairs


def _used_by(result: Clustering) -> dict[str, set[str]]:
    """Lemma key -> the sources using it."""
    lemma = KeyKind.LEMMA.prefix
    used_by: dict[str, set[str]] = defaultdict(set)
    for item in result.items:
        for key in item.keys:
            if key.startswith(lemma):
                used_by[key].add(item.source)
    return used_by


def _shared_labels(near: list[tuple[str, str]]) -> dict[str, str]:
    """One label per group of near copies ("wire-1", "wire-2", … by their first source)."""
    group: dict[str, str] = {}

    def root(source: str) -> str:
        while group.get(source, source) != source:
            source = group[source]
        return source

    for a, b in near:
        ra, rb = sorted((root(a), root(b)))
        if ra != rb:
            group[rb] = ra
    members = sorted({s for pair in near for s in pair})
    roots = sorted({root(s) for s in members})
    label = {r: f"{SHARED_LABEL}{n}" for n, r in enumerate(roots, 1)}
    return {s: label[root(s)] for s in members}


_MONTHS = {
    m: n
    for n, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        1,
    )
    for m in names
}
_UPDATED = re.compile(
    r"^\W*(?:last\s+)?updated\b[:\s]*(?:on\s+)?(?:[A-Za-z]+,?\s+)?"
    r"(?:(?P<iso>\d{4}-\d{2}-\d{2})"
    r"|(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})"
    r"|(?P<day2>\d{1,2})\s+(?P<month2>[A-Za-z]{3,9})\.?,?\s+(?P<year2>\d{4}))",
    re.IGNORECASE | re.MULTILINE,
)


def _when(source: Source, text: str, params: MergeParams) -> str | None:
    """When the text was last written: its "Updated" line's date, else its date."""
    match = _UPDATED.search(text[: params.updated_within])
    if match is not None:
        if match["iso"]:
            return match["iso"]
        month = _MONTHS.get((match["month"] or match["month2"]).lower())
        day, year = match["day"] or match["day2"], match["year"] or match["year2"]
        if month is not None:
            return f"{int(year):04d}-{month:02d}-{int(day):02d}"
    return source.date


def _cluster_order(result: Clustering) -> dict[str, dict[int, int]]:
    """Per source, each cluster's position in the source (by first citation)."""
    first: dict[str, dict[int, int]] = defaultdict(dict)
    for number, members in enumerate(result.clusters):
        for i in members:
            fact = result.items[i].fact
            known = first[fact.source].get(number)
            first[fact.source][number] = fact.start if known is None else min(known, fact.start)
    return first


def _one_line(
    pair: _Pair, left: dict[int, int], right: dict[int, int], params: MergeParams
) -> bool:
    """Two sources are one line of reporting: they share enough claims and quotations,
    most of the shorter one's, told in the same order."""
    if len(pair.shared) < params.min_shared or pair.quotes < params.min_shared_quotes:
        return False
    if len(pair.shared) < params.shared_facts * min(len(left), len(right)):
        return False
    in_left = sorted(pair.shared, key=lambda c: left[c])
    in_right = [right[c] for c in in_left]
    return _longest_increasing(in_right) >= params.same_order * len(in_right)


def _longest_increasing(values: list[int]) -> int:
    tails: list[int] = []
    for value in values:
        at = bisect.bisect_left(tails, value)
        tails[at : at + 1] = [value]
    return len(tails)


def _copy_of(
    a: str,
    b: str,
    pair: _Pair,
    result: Clustering,
    order: dict[str, dict[int, int]],
    used_by: dict[str, set[str]],
) -> tuple[str, str]:
    """(more, less rewritten) of two near copies: where their passages of one claim
    word it differently, the rewrite's words are the ones the story's other sources
    use less; failing that, the shorter text."""
    lemma = KeyKind.LEMMA.prefix
    words: dict[str, set[str]] = {a: set(), b: set()}
    for number in pair.shared:
        for i in result.clusters[number]:
            item = result.items[i]
            if item.source in words:
                words[item.source].update(k for k in item.keys if k.startswith(lemma))
    only = {a: words[a] - words[b], b: words[b] - words[a]}

    def typical(source: str) -> float:
        """Share of its own wording that other sources use too (smoothed: a source
        with no wording of its own is as typical as can be told)."""
        own = only[source]
        return (sum(bool(used_by[w] - {a, b}) for w in own) + 1) / (len(own) + 2)

    if typical(a) != typical(b):
        copy = a if typical(a) < typical(b) else b
    else:
        copy = a if (len(order[a]), b) < (len(order[b]), a) else b
    return copy, b if copy == a else a


def rewrites(derived: dict[str, list[str]]) -> dict[str, int]:
    """Per copying source, how many rewrites it is away from an original: 1 for a copy
    of an original, 2 for a copy of that copy (the longest chain counts)."""
    depth: dict[str, int] = {}

    def walk(source: str, seen: frozenset[str]) -> int:
        if source not in derived or source in seen:
            return 0
        if source not in depth:
            depth[source] = 1 + max(walk(o, seen | {source}) for o in derived[source])
        return depth[source]

    for source in derived:
        walk(source, frozenset())
    return depth
