"""Clustering passages from all sources into claims.

Candidate pairs come from an inverted index (blocking.py), are scored by what they
assert (similarity.py), and are joined by average linkage, so one loose pair cannot
chain two different facts together. Pairs that would be one claim but disagree on a
figure, a date or an actor are never joined: they become two claims in conflict.
Two quotations from two sources that share no quoted words and do not match on their
own words are two statements, even when one long quotation holds both.
A passage that states two facts (one sentence, two clauses) is also cited by the claim
of its second fact, when it matches that claim on average and wholly says one of its
passages; a passage quoting a claim's quotation cites it even when its source is
already cited there.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from enum import StrEnum

from sitegen.agreement import figures_agree, singular
from sitegen.extract.lexicon import PEOPLE_COUNTS
from sitegen.factbase.model import Citation, Claim, Figure, status_for
from sitegen.merge.alignment import gap_links
from sitegen.merge.blocking import candidate_pairs
from sitegen.merge.features import Passage, shared_keys
from sitegen.merge.keys import KeyKind
from sitegen.merge.params import MergeParams
from sitegen.merge.similarity import Conflict, compare, disagreement, same_action, synonyms
from sitegen.merge.statement import choose_statement
from sitegen.slug import slugify, unique_slug
from sitegen.wordnet import noun_kinds


class ClaimKind(StrEnum):
    """What a claim states; the value is the claim's `kind` in content/."""

    QUOTE = "quote"  # `quote_claim_share` of its passages or more quote someone
    FIGURE = "figure"  # it gives a figure
    EVENT = "event"  # anything else that happened


@dataclass
class Clustering:
    """Passages, their scored pairs and conflicts, and the clusters they form (with
    the parameters they were formed by)."""

    items: list[Passage]
    params: MergeParams
    scores: dict[int, dict[int, float]] = field(default_factory=dict)  # symmetric
    conflicts: dict[tuple[int, int], Conflict] = field(default_factory=dict)  # (i < j) -> kind
    clusters: list[list[int]] = field(default_factory=list)
    extra: dict[int, list[int]] = field(default_factory=dict)  # cluster -> second-fact items

    def score(self, i: int, j: int) -> float:
        return self.scores.get(i, {}).get(j, 0.0)

    def members(self, cluster: int) -> list[int]:
        return self.clusters[cluster] + self.extra.get(cluster, [])


def cluster(items: list[Passage], params: MergeParams) -> Clustering:
    result = Clustering(items, params)
    twins = _twins(items)
    for i, j in candidate_pairs([item for item in items if item.index not in twins], params):
        comparison = compare(items[i], items[j], params)
        if comparison.conflict is not None:
            result.conflicts[(i, j)] = comparison.conflict
            continue
        same_source = items[i].source == items[j].source
        if comparison.score > 0 and not (
            same_source and comparison.score < params.same_source_threshold
        ):
            result.scores.setdefault(i, {})[j] = comparison.score
            result.scores.setdefault(j, {})[i] = comparison.score
    result.clusters = _average_linkage(result)
    for _ in range(params.alignment_rounds):
        if not _align(result):
            break
        result.clusters = _average_linkage(result)
    result.clusters = _with_twins(result.clusters, twins)
    result.extra = _second_facts(result)
    return result


def _twins(items: list[Passage]) -> dict[int, int]:
    """Passages worded exactly like an earlier one (case, spacing and quote marks
    aside), each mapped to that first one. A wire sentence that a hundred outlets print
    unchanged is one fact, found without comparing: its words are too common in the
    input for the index to pair them."""
    first: dict[str, int] = {}
    twins: dict[int, int] = {}
    for item in items:
        wording = " ".join(item.fact.text.translate(_PLAIN_QUOTES).casefold().split())
        twins_with = first.setdefault(wording, item.index)
        if twins_with != item.index:
            twins[item.index] = twins_with
    return twins


_PLAIN_QUOTES = str.maketrans("“”‘’", "\"\"''")


def _with_twins(clusters: list[list[int]], twins: dict[int, int]) -> list[list[int]]:
    """Each twin moved from its own cluster into the cluster of the passage it repeats."""
    cluster_of = {i: number for number, members in enumerate(clusters) for i in members}
    grown = [list(members) for members in clusters]
    for twin, original in twins.items():
        grown[cluster_of[original]].append(twin)
        grown[cluster_of[twin]].remove(twin)
    return sorted((sorted(m) for m in grown if m), key=lambda m: m[0])


def _align(result: Clustering) -> bool:
    """Link (or mark as conflicting) passages that two sources tell at the same place
    between the claims they share; True when anything changed."""
    items, params = result.items, result.params
    by_source: dict[str, list[int]] = defaultdict(list)
    for item in sorted(items, key=lambda p: (p.source, p.fact.start, p.index)):
        by_source[item.source].append(item.index)
    cluster_of = {i: c for c, m in enumerate(result.clusters) for i in m}
    changed = False
    for match in gap_links(by_source, cluster_of, result.scores, params):
        i, j = match.left, match.right
        score = result.scores[i][j]
        conflict = disagreement(items[i], items[j], params)
        if conflict in (Conflict.DATE, Conflict.APART) or (
            conflict == Conflict.ACTOR and not same_action(items[i], items[j])
        ):
            continue  # two leads may date two events; two actors may do two things
        if conflict is not None and score >= params.conflict_gap_score:
            result.conflicts[(min(i, j), max(i, j))] = conflict
            del result.scores[i][j], result.scores[j][i]
            changed = True
        elif (
            conflict is None
            and (match.sole or score >= params.gap_score)
            and score < params.aligned
        ):
            result.scores[i][j] = result.scores[j][i] = params.aligned
            changed = True
    return changed


def join_split_sentences(result: Clustering, derived: dict[str, list[str]]) -> None:
    """A rewrite often splits one sentence of the original in two: the half that keeps
    the original's words joins its claim, the other half stays alone ("The embassy
    turned down Kurogi's offer to take up arms. The reason they gave to him was that
    he did not have the required military background."). In a source that copies
    another (`derived`: copy -> originals), a passage alone in its claim joins the claim
    of a nearby passage (`split_reach` either side, nearest first: a rewrite puts
    sentences of its own between the halves) when both passages match best the same
    passage of an original, and that passage is in the nearby passage's claim. A claim
    whose other citations are that claim's already (the original, cited for a second
    fact) goes with it. Quotations are reproduced whole, so the sentence beside a
    quotation anchor is another fact: it stays in its claim, which cites the original
    sentence holding both as a second fact ("“…,” he said, adding that it was his
    first-ever major donation" / "He indicated that this was his “first-ever major
    donation …”"). Passages citing a second fact keep it: the halves join claims as the
    merge formed them."""
    cluster_of = {i: c for c, m in enumerate(result.clusters) for i in m}
    alone = {m[0] for m in result.clusters if len(m) == 1} - {
        i for m in result.extra.values() for i in m
    }
    by_source: dict[str, list[Passage]] = defaultdict(list)
    for item in result.items:
        if item.source in derived:
            by_source[item.source].append(item)
    moves: dict[int, int] = {}
    cites: dict[int, int] = {}  # half -> the original sentence holding it and a quotation
    for copy, originals in derived.items():
        told = sorted(by_source[copy], key=lambda p: p.fact.start)
        for at, item in enumerate(told):
            if item.index not in alone:
                continue
            target = _other_half(result, told, at, set(originals), cluster_of)
            cited = result.extra.get(cluster_of[item.index], [])
            if target is not None and set(cited) <= set(result.members(target)):
                moves[item.index] = target
            elif target is None:
                beside = _other_half(result, told, at, set(originals), cluster_of, quoted=True)
                original = _best_in(result, item.index, set(originals))
                if beside is not None and original is not None:
                    cites[item.index] = original  # a quotation is reproduced whole
    for i, original in cites.items():
        if original not in result.extra.setdefault(cluster_of[i], []):
            result.extra[cluster_of[i]].append(original)
    for i, target in moves.items():
        result.clusters[cluster_of[i]].remove(i)
        result.extra.pop(cluster_of[i], None)  # the second facts it cited are the target's
        result.clusters[target].append(i)
    _renumber(result)


def _other_half(
    result: Clustering,
    told: list[Passage],
    at: int,
    originals: set[str],
    cluster_of: dict[int, int],
    quoted: bool = False,
) -> int | None:
    """The claim of the nearest passage within `split_reach` of `told[at]` (the one
    before first) that is the other half of its sentence, if any is; with `quoted`,
    the other half being a quotation the original sentence quotes too."""
    reach = result.params.split_reach
    around = [n for n in range(max(at - reach, 0), min(at + reach + 1, len(told))) if n != at]
    for n in sorted(around, key=lambda n: (abs(n - at), n)):
        neighbour = told[n]
        target = _split_from(result, told[at], neighbour, originals, cluster_of, quoted)
        if target is not None:
            return target
    return None


def _renumber(result: Clustering) -> None:
    """Clusters emptied by moves dropped, the rest numbered again by first passage."""
    kept = sorted(
        (c for c, m in enumerate(result.clusters) if m), key=lambda c: min(result.clusters[c])
    )
    number = {c: n for n, c in enumerate(kept)}
    result.clusters = [sorted(result.clusters[c]) for c in kept]
    result.extra = {number[c]: m for c, m in result.extra.items()}


def _split_from(
    result: Clustering,
    item: Passage,
    neighbour: Passage,
    originals: set[str],
    cluster_of: dict[int, int],
    quoted: bool = False,
) -> int | None:
    """The neighbour's cluster, when `item` and `neighbour` are two halves of one
    sentence of an original (with `quoted`, the neighbour and the original both
    quoting, else not both); else None."""
    best = _best_in(result, item.index, originals)
    if best is None or result.score(item.index, best) < result.params.split_score:
        return None
    original = result.items[best]
    if bool(neighbour.shingles and original.shingles) != quoted:
        return None
    if original.total < max(item.total, neighbour.total):
        return None  # a sentence holding two halves says more than either
    target = cluster_of[neighbour.index]
    if (
        best not in result.members(target)
        or _best_in(result, neighbour.index, {original.source}) != best
    ):
        return None
    if any(
        (min(item.index, j), max(item.index, j)) in result.conflicts for j in result.members(target)
    ):
        return None
    return target


def _best_in(result: Clustering, i: int, sources: set[str]) -> int | None:
    """The passage of `sources` that scores best with passage `i`."""
    row = [
        (score, -j, j)
        for j, score in result.scores.get(i, {}).items()
        if result.items[j].source in sources
    ]
    return max(row)[2] if row else None


def _average_linkage(result: Clustering) -> list[list[int]]:
    """Greedy agglomeration: take the pairs that reach the threshold, best first, and join
    their clusters when the mean score over their cross pairs reaches it too and
    no cross pair is in conflict. Two passages of one source share a claim only when
    they repeat each other near-verbatim; such pairs are left out of the mean unless
    only such pairs exist."""
    state = _Agglomeration.of(result)
    threshold = result.params.threshold
    pairs = sorted(
        (
            (s, i, j)
            for i, row in result.scores.items()
            for j, s in row.items()
            if i < j and s >= threshold
        ),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    # joins between sources first: a source's second passage then joins a claim as a
    # restatement, checked against the claim its fact formed without it
    for restating, (_, i, j) in ((r, pair) for r in (False, True) for pair in pairs):
        a, b = state.cluster_of[i], state.cluster_of[j]
        if a == b:
            continue
        small, large = sorted((a, b), key=lambda c: (len(state.members[c]), c))
        if not restating and state.shares_a_source(small, large):
            continue
        if state.joinable(small, large):
            state.join(small, large)
    return sorted((sorted(m) for m in state.members.values()), key=lambda m: m[0])


@dataclass
class _Agglomeration:
    """The clusters average linkage has formed so far, each numbered by its first
    passage: members, sources cited (with counts), quotation passages."""

    result: Clustering
    cluster_of: list[int]
    members: dict[int, list[int]]
    sources: dict[int, Counter[str]]
    quoted: dict[int, list[int]]
    blocked: dict[int, set[int]]  # passage -> passages it conflicts with

    @classmethod
    def of(cls, result: Clustering) -> _Agglomeration:
        items = result.items
        members = {i: [i] for i in range(len(items))}
        blocked: dict[int, set[int]] = defaultdict(set)
        for i, j in result.conflicts:
            blocked[i].add(j)
            blocked[j].add(i)
        return cls(
            result,
            list(range(len(items))),
            members,
            {i: Counter([items[i].source]) for i in members},
            {i: [i] if items[i].shingles else [] for i in members},
            blocked,
        )

    def joinable(self, small: int, large: int) -> bool:
        """No conflict, no two other quotations, no unrelated repeat of one source
        between the clusters, and their mean link reaches the threshold."""
        result, members = self.result, self.members
        if any(self.cluster_of[k] == large for x in members[small] for k in self.blocked[x]):
            return False
        if _other_quotations(result.items, self.quoted[small], self.quoted[large], result.params):
            return False
        if _unrelated_repeat(
            result, members[small], members[large], self.sources[large], self.cluster_of, large
        ):
            return False
        mean = _mean_link(
            result, members[small], members[large], self.cluster_of, large, self.sources[large]
        )
        return mean >= result.params.threshold

    def shares_a_source(self, small: int, large: int) -> bool:
        return any(self.sources[large][source] for source in self.sources[small])

    def join(self, small: int, large: int) -> None:
        self.members[large].extend(self.members.pop(small))
        self.sources[large].update(self.sources.pop(small))
        self.quoted[large].extend(self.quoted.pop(small))
        for k in self.members[large]:
            self.cluster_of[k] = large


def _other_quotations(
    items: list[Passage], small: list[int], large: list[int], params: MergeParams
) -> bool:
    """Joining would put two quotations of two sources in one claim that share no quoted
    words and do not match on their own words either: two statements. A long quotation
    holding both ("… try showing a little class. … your mother and father don't respect
    their positions …") matches each of them, and average linkage would join them
    through it. `small` and `large` are the clusters' quotation passages."""
    for x in small:
        for y in large:
            a, b = items[x], items[y]
            if (
                a.source != b.source
                and set(a.shingles).isdisjoint(b.shingles)
                and compare(a, b, params).score < params.threshold
            ):
                return True
    return False


def _unrelated_repeat(
    result: Clustering,
    small: list[int],
    large: list[int],
    large_sources: Counter[str],
    cluster_of: list[int],
    target: int,
) -> bool:
    """Joining would put two passages of one source in a claim without their being a
    near-verbatim repeat: a long passage stating several facts would otherwise glue
    their separate passages of another source together. A single passage that matches
    every other source's passage of the claim on its own is a restatement, and joins."""
    items = result.items
    for x in small:
        if large_sources[items[x].source]:
            repeats = sum(
                1
                for y in result.scores.get(x, {})
                if cluster_of[y] == target and items[y].source == items[x].source
            )
            if repeats < large_sources[items[x].source] and not (
                len(small) == 1 and _restates(result, x, large)
            ):
                return True
    return False


def _restates(result: Clustering, x: int, claim: list[int]) -> bool:
    """`x` reaches the threshold with every passage of `claim` from another source, and
    `restates` with its own source's passages there: a source telling one fact twice
    says it in like words, while two facts of one source that each match a third
    passage ("a shooting that killed one man" / "victim 20-year-old Dashwan Smith",
    both like "a 20-year-old man was shot and killed") share little."""
    items, params = result.items, result.params
    others = [y for y in claim if items[y].source != items[x].source]
    own = [y for y in claim if items[y].source == items[x].source]
    return (
        bool(others)
        and all(result.score(x, y) >= params.threshold for y in others)
        and all(compare(items[x], items[y], params).score >= params.restates for y in own)
    )


def _mean_link(
    result: Clustering,
    small: list[int],
    large: list[int],
    cluster_of: list[int],
    target: int,
    large_sources: Counter[str],
) -> float:
    items = result.items
    total = 0.0
    for x in small:
        for y, score in result.scores.get(x, {}).items():
            if cluster_of[y] == target and items[x].source != items[y].source:
                total += score
    cross = sum(len(large) - large_sources[items[x].source] for x in small)
    if cross == 0:  # both from one source: every pair counts
        total = sum(result.score(x, y) for x in small for y in large)
        cross = len(small) * len(large)
    return total / cross


def _second_facts(result: Clustering) -> dict[int, list[int]]:
    """Passages that also state another cluster's fact: they would join it by average
    linkage, and most of the weight of one of its passages is contained in them (so
    they say that fact, not only its topic words). A passage whose source is already
    cited there is left out (unless it quotes the claim, below), and so is a claim in
    conflict with the passage's own: two rival versions of one fact, of which a passage
    states one. ("X told Reuters he
    phoned the embassy, stating, “…”" is in the quotation's claim and states the call.)
    A passage quoting the quotation of one of the claim's passages says it, even when
    its source is cited there already: a long quotation (a whole post) holds several
    statements that the source and others also quote or tell one at a time."""
    cluster_of = {i: c for c, m in enumerate(result.clusters) for i in m}
    cited = [{result.items[i].source for i in m} for m in result.clusters]
    rivals = {(cluster_of[i], cluster_of[j]) for i, j in result.conflicts}
    threshold = result.params.threshold
    extra: dict[int, list[int]] = defaultdict(list)
    for item in result.items:
        row = result.scores.get(item.index, {})
        own = cluster_of[item.index]
        near = {cluster_of[j] for j, score in row.items() if score >= threshold}
        for other in sorted(near - {own}):
            members = result.clusters[other]
            if {(own, other), (other, own)} & rivals:
                continue  # a rival version of the fact the passage states
            if item.source in cited[other] and not any(
                _quoted_in(result.items[m], item, result.params) for m in members
            ):
                continue
            if _states(result, item.index, members):
                extra[other].append(item.index)
    return dict(extra)


def _states(result: Clustering, i: int, members: list[int]) -> bool:
    """Passage `i` would join the cluster of `members` by average linkage, and holds
    one of its passages or gives the count one of them gives of one named quantity
    ("Seventy Japanese men, including 50 former members …, have volunteered" /
    "around 70 men from Japan have volunteered …": the count is the fact, whatever
    else either passage tells around it)."""
    mean = sum(result.score(i, m) for m in members) / len(members)
    return mean >= result.params.threshold and any(
        _contained(result, m, i) or _same_count(result, m, i) for m in members
    )


def _same_count(result: Clustering, part: int, whole: int) -> bool:
    """The two passages, alike enough to be joined, tell one act by one subject (a
    subject-verb frame, "men|volunteer") and give one count of one named quantity: the
    count is what they tell ("Two men killed in the shooting were identified as …"
    gives the count of the dead but tells who they were)."""
    a, b = result.items[part], result.items[whole]
    if result.score(part, whole) < result.params.threshold or not _frame_shared(a, b):
        return False
    agreeing = figures_agree(a.figures, b.figures, result.params.approximate_spread)
    return any(
        a.figures[x].quantity is not None and a.figures[x].quantity == b.figures[y].quantity
        for x, y in agreeing
    )


def _contained(result: Clustering, part: int, whole: int) -> bool:
    """Most of `part`'s weight is in `whole`, a synonym counting as in the score, or
    `whole` quotes `part`'s quotation."""
    a, b = result.items[part], result.items[whole]
    params = result.params
    if result.score(part, whole) < params.threshold or not a.total:
        return False
    if _quoted_in(a, b, params):
        return True
    shared = sum(a.weights[k] for k in shared_keys(a, b))
    shared += synonyms(a, set(b.keys), params)
    return shared / a.total >= params.contained


def _frame_shared(a: Passage, b: Passage) -> bool:
    """Both passages tell one subject doing one thing ("men|volunteer")."""
    frame = KeyKind.FRAME.prefix
    return any(key.startswith(frame) for key in shared_keys(a, b))


def _quoted_in(part: Passage, whole: Passage, params: MergeParams) -> bool:
    """`whole` quotes `part`'s quotation (`quote_overlap` of its runs of quoted words,
    what makes one quotation): it says what `part` says, whatever else either tells
    around it."""
    return bool(part.shingles) and (
        len(set(part.shingles).intersection(whole.shingles))
        >= params.quote_overlap * len(part.shingles)
    )


def build_claims(result: Clustering, names: dict[str, str], derived: dict[str, int]) -> list[Claim]:
    """One claim per cluster, in cluster order, with ids."""
    claims = [_claim(result, number, names, derived) for number in range(len(result.clusters))]
    _with_ids(claims)
    return claims


def _claim(
    result: Clustering, number: int, names: dict[str, str], derived: dict[str, int]
) -> Claim:
    members = [result.items[i] for i in result.members(number)]
    kind = _kind(members, result.params)
    speaker = _speaker(members, names)
    centrality = {m.index: sum(result.score(m.index, o.index) for o in members) for m in members}
    # a passage citing this claim as its second fact states another fact too
    own = [result.items[i] for i in result.clusters[number]]
    statement, chosen = choose_statement(
        own,
        kind == ClaimKind.QUOTE,
        (speaker, names.get(speaker, speaker)) if speaker else None,
        derived,
        centrality,
        result.params,
    )
    citations = sorted({(m.source, m.fact.start, m.fact.end): m for m in members}.items())
    people = list(dict.fromkeys(pid for m in members for pid in m.people))
    figures = _with_quantities(
        chosen.figures or next((m.figures for m in members if m.figures), []), members
    )
    return Claim(
        id="",
        statement=statement,
        citations=[
            Citation(source, m.fact.text, start, end) for (source, start, end), m in citations
        ],
        status=status_for(len({m.source for m in members})),
        people=people,
        kind=kind.value,
        speaker=speaker,
        figures=list(figures),
    )


def _speaker(members: list[Passage], names: dict[str, str]) -> str | None:
    """A named person first, then the speaker most passages agree on, then the plainest."""
    speakers = Counter(m.speaker for m in members if m.speaker)
    return min(speakers, key=lambda s: (s not in names, -speakers[s], len(s), s), default=None)


def _kind(members: list[Passage], params: MergeParams) -> ClaimKind:
    quotes = [m for m in members if m.fact.kind == "quote"]
    if len(quotes) >= params.quote_claim_share * len(members):
        return ClaimKind.QUOTE
    return ClaimKind.FIGURE if any(m.figures for m in members) else ClaimKind.EVENT


def _with_quantities(figures: list[Figure], members: list[Passage]) -> list[Figure]:
    """The statement's figures, each with the quantity another passage of the claim
    reads for the same value when the statement's own wording names none ("these 70
    men include …" / "Seventy men … have volunteered"), then the counts of quantities
    only other passages give ("six were shot, one fatally" / "a man was killed and
    five more were wounded": the passages of one claim never disagree on a count). A
    count of things takes no count of people ("2 NEWS has confirmed that two victims
    …": the station's name, not two shot)."""
    found = []
    for figure in figures:
        if figure.quantity is None:
            figure = next(
                (
                    replace(figure, quantity=f.quantity, increment=f.increment)
                    for m in members
                    for f in m.figures
                    if f.quantity
                    and f.value == figure.value
                    and f.unit == figure.unit
                    and (f.quantity not in PEOPLE_COUNTS or _may_be_people(figure.counts))
                ),
                figure,
            )
        found.append(figure)
    counted = {(f.quantity, f.increment) for f in found if f.quantity}
    for member in members:
        for figure in member.figures:
            if figure.quantity and (figure.quantity, figure.increment) not in counted:
                counted.add((figure.quantity, figure.increment))
                found.append(figure)
    return found


_PEOPLE_KINDS = {"noun.person", "noun.group", "noun.animal"}  # WordNet's files


def _may_be_people(noun: str | None) -> bool:
    """Whether a counted noun may name people: unnamed, unknown to WordNet, or filed
    with people in some sense ("news" is not)."""
    if noun is None:
        return True
    kinds = noun_kinds(noun) | noun_kinds(singular(noun))
    return not kinds or not kinds.isdisjoint(_PEOPLE_KINDS)


def _with_ids(claims: list[Claim]) -> None:
    """Ids from the statement; the order of assignment is by statement, so ids do not
    depend on the order the articles were read in."""
    taken: set[str] = set()
    for claim in sorted(
        claims, key=lambda c: (c.statement, c.citations[0].source, c.citations[0].start)
    ):
        claim.id = unique_slug(slugify(claim.statement, 60), taken)
