"""Where each source's and each citation's words come from: the origins written to the
fact base (`origins` on sources, `origin` on citations) and the independent count.

A passage traces to the outlet its sentence credits ("Kurogi told Reuters …"), or to
one credited just before it ("… told The Japan Times:" opening a block quote), else to
its source's origin: an outlet the source credits as a whole (a "(Reuters) -" dateline;
an outlet every one of a group of near copies says it spoke to), else the origin it
shares with its near copies. A passage with none of these is its source's own reporting.
"""

from __future__ import annotations

import re
from collections import defaultdict
from difflib import SequenceMatcher
from itertools import combinations

from sitegen.extract.records import ArticleFacts, Credit
from sitegen.factbase.model import Citation, Claim, Source
from sitegen.merge.params import MergeParams
from sitegen.merge.provenance import Lineage
from sitegen.origins import SHARED_LABEL, Lines, UnionFind, outlet_key

_INTRODUCES = re.compile(r"[^.!?]*:[\s“”\"‘’']*")


def source_origins(
    sources: dict[str, Source], extracted: list[ArticleFacts], lineage: Lineage
) -> None:
    """Fill each source's `origins`: its shared origin label, then the outlets it
    credits as a whole."""
    credits = {result.source: result.credits for result in extracted}
    groups: dict[str, list[str]] = defaultdict(list)
    for member, label in lineage.shared.items():
        groups[label].append(member)
    whole: dict[str, list[str]] = defaultdict(list)
    for members in groups.values():
        for outlet in _credited_by_all(members, credits):
            for member in members:
                whole[member].append(outlet)
    for source_id, source in sources.items():
        found = [c.outlet for c in credits.get(source_id, []) if c.kind == "dateline"]
        labels = [lineage.shared[source_id]] if source_id in lineage.shared else []
        source.origins = list(dict.fromkeys([*labels, *found, *whole[source_id]]))


def _credited_by_all(members: list[str], credits: dict[str, list[Credit]]) -> list[str]:
    """Outlets every near copy in a group says someone spoke to: the reporting they
    all reprint is that outlet's (the first spelling seen names it)."""
    spellings: dict[str, str] = {}
    per_member = []
    for source in sorted(members):
        keys = set()
        for credit in credits.get(source, []):
            if credit.kind == "interview":
                key = outlet_key(credit.outlet)
                spellings.setdefault(key, credit.outlet)
                keys.add(key)
        per_member.append(keys)
    common = set.intersection(*per_member) if per_member else set()
    return [spellings[key] for key in sorted(common)]


def citation_origins(
    claims: list[Claim],
    sources: dict[str, Source],
    extracted: list[ArticleFacts],
    texts: dict[str, str],
    via: dict[tuple[str, int, int], str],
    params: MergeParams,
) -> None:
    """Set each citation's `origin` (`via`: the outlet extraction attributed a passage
    to, by (source, start, end))."""
    credits = {result.source: sorted(result.credits, key=lambda c: c.start) for result in extracted}
    for claim in claims:
        for citation in claim.citations:
            source = sources.get(citation.source)
            citation.origin = _origin(citation, source, credits, texts, via, params.around)
    _verbatim_origins(claims, sources, params.verbatim_words)


def _origin(
    citation: Citation,
    source: Source | None,
    credits: dict[str, list[Credit]],
    texts: dict[str, str],
    via: dict[tuple[str, int, int], str],
    reach: int,
) -> str | None:
    """The outlet the passage credits, or one credited at most `reach` characters
    before it by a phrase ending in ":", or the one extraction found, else its
    source's origin."""
    text = texts.get(citation.source, "")
    around = None
    for credit in credits.get(citation.source, []):
        if credit.kind == "dateline":
            continue
        if credit.start < citation.end and credit.end > citation.start:
            return credit.outlet  # credited in the passage itself
        near = 0 <= citation.start - credit.end <= reach
        if near and _INTRODUCES.fullmatch(text[credit.end : citation.start]):
            around = credit.outlet  # "… told The Japan Times:" opening the passage
    passed = via.get((citation.source, citation.start, citation.end))
    if around or passed:
        return around or passed
    if source is not None and source.origins:
        outlets = [o for o in source.origins if not o.startswith(SHARED_LABEL)]
        return (outlets or source.origins)[0]
    return None


def independent_counts(claims: list[Claim], sources: dict[str, Source]) -> None:
    """Each claim's independent origins, counted as `sitegen check` counts them."""
    lines = Lines.of_sources(sources.values())
    for claim in claims:
        claim.independent_sources = lines.count((c.source, c.origin) for c in claim.citations)


def _verbatim_origins(claims: list[Claim], sources: dict[str, Source], least: int) -> None:
    """Passages two outlets print word for word (a run of at least `least` words of
    their own, not a quotation both reproduce) are one report: a wire story each edited
    its own way, too unlike as wholes to be near copies. Such twins trace to one origin:
    an outlet one of them credits, else an origin label of their own, one per set of
    sources that print the same text ("wire-3")."""
    lines = Lines.of_sources(sources.values())
    twins: list[tuple[Claim, list[int]]] = []
    union = UnionFind()
    for claim in claims:
        cited = claim.citations
        words = [_own_words(c.quote) for c in cited]
        pairs = [
            (i, j)
            for i, j in combinations(range(len(cited)), 2)
            if lines.family.get(cited[i].source) != lines.family.get(cited[j].source)
            and _shared_run(words[i], words[j]) >= least
        ]
        for i, j in pairs:
            union.join(cited[i].source, cited[j].source)
        twins.extend((claim, group) for group in _connected(pairs))
    taken = [o[len(SHARED_LABEL) :] for s in sources.values() for o in s.origins]
    first = 1 + max((int(n) for n in taken if n.isdigit()), default=0)
    roots = sorted({union.root(node) for node in list(union.parent)})
    labels = {root: f"{SHARED_LABEL}{first + n}" for n, root in enumerate(roots)}
    for claim, group in twins:
        cited = [claim.citations[i] for i in group]
        named = [c.origin for c in cited if c.origin and not c.origin.startswith(SHARED_LABEL)]
        label = named[0] if named else labels[union.root(cited[0].source)]
        for citation in cited:
            if not citation.origin or citation.origin.startswith(SHARED_LABEL):
                citation.origin = label


_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")


def _own_words(quote: str) -> list[str]:
    """The passage's words outside quotation marks, folded."""
    return re.findall(r"[a-z0-9]+", _QUOTED.sub(" ", quote.lower().replace("’", "'")))


def _shared_run(a: list[str], b: list[str]) -> int:
    """The longest run of words both lists hold in the same order."""
    if not a or not b:
        return 0
    return SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size


def _connected(pairs: list[tuple[int, int]]) -> list[list[int]]:
    """The citations `pairs` join, in groups, each in order."""
    groups: list[set[int]] = []
    for i, j in pairs:
        hit = [g for g in groups if i in g or j in g]
        groups = [g for g in groups if g not in hit] + [{i, j}.union(*hit)]
    return sorted(sorted(g) for g in groups)
