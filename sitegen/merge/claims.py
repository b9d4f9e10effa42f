"""Clustering fact candidates from all sources into claims.

Two passages state the same fact when they assert the same things: the same people,
named things, figures, subject-verb frames and content words, or the same quoted
words. Candidate pairs come from an inverted index over those keys (no all-pairs
comparison); clusters are joined by average linkage, so one loose pair cannot chain
two different facts together.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations

from sitegen.extract.article import DATE_PREFIX, clean_statement
from sitegen.extract.records import FactCandidate
from sitegen.merge.people import PeopleIndex
from sitegen.model import Citation, Claim, Figure, status_for
from sitegen.slug import slugify, unique_slug

THRESHOLD = 0.34  # average-linkage similarity needed to join two clusters
SAME_SOURCE_THRESHOLD = 0.75  # a source repeating itself must be near-verbatim
QUOTE_OVERLAP = 0.5  # share of quoted 3-word shingles that makes two quotations one
MAX_POSTING = 200  # keys shared by more facts than this are too common to block on
WEIGHTS = {"person": 2.0, "entity": 1.5, "figure": 3.0, "frame": 2.0, "lemma": 1.0,
           "date": 1.0}


@dataclass
class _Item:
    fact: FactCandidate
    people: list[str]
    speaker: str | None
    keys: dict[str, set[str]] = field(default_factory=dict)
    shingles: set[tuple[str, ...]] = field(default_factory=set)


def merge_claims(facts: list[FactCandidate], people: PeopleIndex) -> list[Claim]:
    items = [_item(fact, people) for fact in facts]
    similarities = _pair_similarities(items)
    clusters = _average_linkage(len(items), similarities)
    names = {pid: person.name for pid, person in people.people.items()}
    claims = [_claim(items, cluster, similarities, names) for cluster in clusters]
    return _with_ids(claims)


def _item(fact: FactCandidate, index: PeopleIndex) -> _Item:
    ids = [pid for name in fact.names if (pid := index.resolve(fact.source, name))]
    speaker: str | None = None
    if fact.speaker is not None:
        resolved = index.resolve(fact.source, fact.speaker.text) if fact.speaker.is_person else None
        speaker = resolved or (None if fact.speaker.is_person and " " not in fact.speaker.text
                               else _speaker_phrase(fact.speaker.text))
        if resolved and resolved not in ids:
            ids.insert(0, resolved)
    people = list(dict.fromkeys(ids))
    item = _Item(fact, people, speaker)
    item.keys = {
        "person": set(people),
        "entity": {e for e in fact.entities if not e.startswith(DATE_PREFIX)},
        "date": {e for e in fact.entities if e.startswith(DATE_PREFIX)},
        "figure": {_figure_key(f) for f in fact.figures},
        "frame": set(fact.frames),
        "lemma": set(fact.lemmas),
    }
    if fact.quote:
        item.shingles = _shingles(fact.quote)
    return item


def _speaker_phrase(text: str) -> str:
    """An unnamed speaker as a phrase that reads in a sentence ("The embassy")."""
    text = " ".join(text.split())
    return text[:1].upper() + text[1:]


def _figure_key(figure: Figure) -> str:
    return f"{figure.value:g}{':' + figure.unit if figure.unit else ''}"


def _shingles(text: str, size: int = 3) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9]+", text.lower().replace("’", "'"))
    if len(words) < size:
        return {tuple(words)} if words else set()
    return {tuple(words[i:i + size]) for i in range(len(words) - size + 1)}


def _pair_similarities(items: list[_Item]) -> dict[tuple[int, int], float]:
    postings: dict[str, list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        for kind, keys in item.keys.items():
            if kind in ("lemma", "date"):
                continue  # too common to block on; they still count in the score
            for key in keys:
                postings[f"{kind}:{key}"].append(i)
        for shingle in item.shingles:
            postings["q:" + " ".join(shingle)].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in postings.values():
        if len(members) <= MAX_POSTING:
            pairs.update(combinations(sorted(set(members)), 2))
    scores = {}
    for i, j in pairs:
        score = _similarity(items[i], items[j])
        if items[i].fact.source == items[j].fact.source and score < SAME_SOURCE_THRESHOLD:
            continue
        if score > 0:
            scores[(i, j)] = score
    return scores


def _similarity(a: _Item, b: _Item) -> float:
    if a.shingles and b.shingles:
        overlap = len(a.shingles & b.shingles) / min(len(a.shingles), len(b.shingles))
        if overlap >= QUOTE_OVERLAP:
            return 0.6 + 0.4 * overlap
    shared = total = 0.0
    for kind, weight in WEIGHTS.items():
        left, right = a.keys[kind], b.keys[kind]
        shared += weight * len(left & right)
        total += weight * len(left | right)
    return shared / total if total else 0.0


def _average_linkage(count: int, scores: dict[tuple[int, int], float]) -> list[list[int]]:
    """Greedy agglomeration: join the two clusters with the highest mean pair score
    (missing pairs count as 0) while it reaches THRESHOLD."""
    cluster_of = list(range(count))
    members: dict[int, list[int]] = {i: [i] for i in range(count)}
    for (i, j), _ in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])):
        a, b = cluster_of[i], cluster_of[j]
        if a == b:
            continue
        links = [scores.get((min(x, y), max(x, y)), 0.0) for x in members[a] for y in members[b]]
        if sum(links) / len(links) < THRESHOLD:
            continue
        members[a].extend(members.pop(b))
        for k in members[a]:
            cluster_of[k] = a
    return sorted((sorted(m) for m in members.values()), key=lambda m: m[0])


def _claim(items: list[_Item], cluster: list[int], scores: dict[tuple[int, int], float],
           names: dict[str, str]) -> Claim:
    members = [items[i] for i in cluster]
    medoid = items[max(cluster, key=lambda i: (
        sum(scores.get((min(i, j), max(i, j)), 0.0) for j in cluster if j != i),
        -len(items[i].fact.text), -i,
    ))]
    quotes = [m for m in members if m.fact.kind == "quote"]
    kind = "quote" if len(quotes) * 2 >= len(members) else (
        "figure" if any(m.fact.figures for m in members) else "event"
    )
    speakers = Counter(m.speaker for m in members if m.speaker)
    # a named person first, then the speaker most passages agree on, then the plainest
    speaker = min(speakers, key=lambda s: (s not in names, -speakers[s], len(s), s),
                  default=None)
    statement = clean_statement(medoid.fact.text)
    best_quote = max(quotes, key=lambda m: (m is medoid, len(m.fact.quote or "")), default=None)
    if kind == "quote" and speaker and best_quote and _full_quotation(best_quote.fact.quote):
        name = names.get(speaker, speaker)
        statement = f"{name} said: “{(best_quote.fact.quote or '').strip(' ,')}”"
    citations = sorted(
        {(m.fact.source, m.fact.start, m.fact.end): m for m in members}.items()
    )
    people = list(dict.fromkeys(pid for m in members for pid in m.people))
    figures = medoid.fact.figures or next((m.fact.figures for m in members if m.fact.figures), [])
    sources = {m.fact.source for m in members}
    return Claim(
        id="",
        statement=statement,
        citations=[Citation(source, m.fact.text, start, end)
                   for (source, start, end), m in citations],
        status=status_for(len(sources)),
        people=people,
        kind=kind,
        speaker=speaker,
        figures=list(figures),
    )


def _full_quotation(quote: str | None) -> bool:
    """A quotation that reads on its own (a sentence), not a fragment woven into one."""
    return bool(quote) and quote[0].isupper() and len(quote.split()) >= 6


def _with_ids(claims: list[Claim]) -> list[Claim]:
    """Ids from the statement; the order of assignment is by statement, so ids do not
    depend on the order the articles were read in."""
    taken: set[str] = set()
    for claim in sorted(claims, key=lambda c: (c.statement, c.citations[0].source,
                                               c.citations[0].start)):
        claim.id = unique_slug(slugify(claim.statement, 60), taken)
    return sorted(claims, key=lambda c: c.id)
