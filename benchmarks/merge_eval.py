"""Merge quality against the gold fact groups: pairwise precision and recall, and more.

    .venv/bin/python -m benchmarks.merge_eval [--disputes] [--fresh DIR] [--set NAME=VALUE ...]
        [STORY ...]
    .venv/bin/python -m benchmarks.merge_eval --gva-figures [--part tune] [--disputes] [--set ...]
    .venv/bin/python -m benchmarks.merge_eval --corpus-disputes [--part tune] [--set NAME=VALUE ...]
    .venv/bin/python -m benchmarks.merge_eval --pairs [--set NAME=VALUE ...] [STORY ...]

For every gold story (benchmarks/gold/*.yaml, or the ones named), builds the story's
articles in a temporary project, extracts (cached per article text), merges, and prints
per story: precision and recall of citation pairs placed in one claim, how many gold
passages any citation covers, gold conflicts found, disputed claims, duplicate groups
left (gold facts split over several claims each stating only that fact), wrong merges
(claims joining passages of different gold facts), corroborated claims, and for
gva-dev stories whether the story's figures include the archive's killed and injured
counts. Totals are given per part: the sample, the corpora's `tune` clusters (rules
were tuned on them) and their `held-out` clusters, and apart from them the gold of
fresh batches (`fresh-tune`, `fresh-held-out`: stories of `benchmarks/gva_more.py`,
read from `--fresh DIR` or $SITEGEN_FRESH, DIR/gva-more-N/gva-dev.jsonl; without it
they are skipped, and named). `--disputes` prints every disputed
claim with its rivals and what differs, to be read and judged by a person.

`--gva-figures` runs every gva-dev cluster instead (no fact gold needed): per part, of
the archive's killed and injured counts (> 0), how many some article states as a count
of that outcome (digits or words next to "killed", "dead", "wounded", "hurt" …: the
test of `web_eval.states_count`), and of those how often the figures table's own value
for the quantity (the one its sources agree on, or the latest update) is the count and
how often some claim's figures give it; and how many claims are disputed. With
`--part NAME` only that part runs, and the counts the table misses are listed.

`--corpus-disputes` prints every disputed claim of every basil-dev and gva-dev cluster
(gold or not), per part; `--part` keeps one part, so that held-out disputes stay unread
while rules are tuned.

`--pairs` prints, for the sample and the `tune` gold stories (a held-out story only when
named), every missed gold pair and every wrong link with the two passages' score
(`similarity.compare`) and conflict, to find what keeps one fact apart or joins two.

`--set NAME=VALUE` (repeatable) merges with one field of `sitegen.merge.params.MergeParams`
changed ("--set threshold=0.4"), to sweep it; the parameters changed are printed first.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from pathlib import Path

from benchmarks.corpus import Cluster, load_clusters
from benchmarks.extraction import extract_cached
from benchmarks.gold import (
    GoldStory,
    Score,
    all_gold,
    anchor_spans,
    cited_facts,
    fresh,
    missing_gold,
    score,
    story_cluster,
    write_story,
)
from benchmarks.web_eval import OUTCOMES, cluster_text, states_count
from sitegen.config import Config
from sitegen.extract.quantities import QUANTITY_OF
from sitegen.factbase.model import Claim, FactBase
from sitegen.ingest import read_articles
from sitegen.merge import merge
from sitegen.merge.features import passages
from sitegen.merge.params import TUNED, MergeParams
from sitegen.merge.people import build_people
from sitegen.merge.similarity import compare
from sitegen.params import with_settings
from sitegen.render.figures import QuantityRow, figures_table
from sitegen.render.views import build_views
from sitegen.reporter import Reporter

COUNTED = {"killed": "kill", "injured": "injure"}  # gold figure -> a verb naming it


@dataclass
class Extra:
    """What the pairwise score does not say."""

    duplicates: int = 0  # gold facts split over several claims about that fact alone
    wrong_merges: int = 0  # claims joining passages of different gold facts
    corroborated: int = 0
    figures_stated: int = 0  # gold killed/injured counts (> 0) the figures include
    figures_gold: int = 0  # gold killed/injured counts (> 0)
    figures_missed: list[str] = field(default_factory=list)
    disputes: list[str] = field(default_factory=list)

    def add(self, other: Extra) -> None:
        self.duplicates += other.duplicates
        self.wrong_merges += other.wrong_merges
        self.corroborated += other.corroborated
        self.figures_stated += other.figures_stated
        self.figures_gold += other.figures_gold


def evaluate(story: GoldStory, params: MergeParams = TUNED) -> tuple[Score, Extra, float]:
    with tempfile.TemporaryDirectory() as tmp:
        root = write_story(story, Path(tmp))
        articles = read_articles(root / "seeds", root)
        extracted = extract_cached(articles)
        started = time.perf_counter()
        base = merge(articles, extracted, params)
        seconds = time.perf_counter() - started
        extra = _extra(story, base, anchor_spans(story, articles))
        return score(story, articles, base), extra, seconds


def _extra(story: GoldStory, base: FactBase, spans: dict[str, list]) -> Extra:
    extra = Extra(corroborated=sum(c.status == "corroborated" for c in base.claims.values()))
    _count_merges(extra, base, spans)
    for claim in base.claims.values():
        if claim.status == "disputed":
            rivals = _rivals(claim, base)
            extra.disputes.append(f"{story.name}: {claim.statement[:110]}  <>  {rivals}")
    _count_figures(extra, story, base)
    return extra


def _count_merges(extra: Extra, base: FactBase, spans: dict[str, list]) -> None:
    """Wrong merges (a claim joining passages of different gold facts) and duplicate
    groups (a gold fact stated alone by passages of several claims)."""
    only: dict[str, set[str]] = {}  # fact -> claims with a passage stating it alone
    for claim in base.claims.values():
        facts_of = []
        for c in claim.citations:
            found = {f for s, e, f in spans.get(c.source, []) if s < c.end and c.start < e}
            facts_of.append(found)
            if len(found) == 1:
                only.setdefault(next(iter(found)), set()).add(claim.id)
        pairs = [(a, b) for i, a in enumerate(facts_of) for b in facts_of[i + 1 :]]
        extra.wrong_merges += any(not (a & b) for a, b in pairs)  # unlisted: a fact alone
    extra.duplicates = sum(len(claims) > 1 for claims in only.values())


def _count_figures(extra: Extra, story: GoldStory, base: FactBase) -> None:
    """Gold killed/injured counts that some claim states as a total."""
    gold = _gold_figures(story)
    for outcome, lemma in COUNTED.items():
        count = gold.get(outcome)
        if not count:
            continue
        extra.figures_gold += 1
        values = {
            f.value
            for c in base.claims.values()
            for f in c.figures
            if f.quantity == QUANTITY_OF[lemma] and not f.increment
        }
        if count in values:
            extra.figures_stated += 1
        else:
            extra.figures_missed.append(f"{story.name} {outcome} {count}: {sorted(values)}")


def _gold_figures(story: GoldStory) -> dict[str, int]:
    if not story.cluster or not (story.corpus or "").startswith("gva"):
        return {}
    return dict(story_cluster(story).gold.get("figures") or {})


@dataclass
class FigureTally:
    """The figures table against the archive's killed and injured counts (> 0) of one
    part: how many the text states, and of those how many the table shows."""

    gold: int = 0  # gold killed/injured counts > 0
    stated: int = 0  # of those, stated by some article as a count of that outcome
    table: int = 0  # stated, and the figures table's value for the quantity is the count
    claimed: int = 0  # stated, and some claim's figures give the count
    misses: list[str] = field(default_factory=list)  # stated, not the table's value
    disputes: list[str] = field(default_factory=list)


def gva_figures(show_disputes: bool, part: str | None, params: MergeParams = TUNED) -> None:
    """Per part of gva-dev (or only `part`, with the table's misses listed): the killed
    and injured counts the text states, the table's value and the claims against them."""
    tallies: dict[str, FigureTally] = {}
    for cluster in load_clusters("gva-dev.jsonl"):
        if part and cluster.part != part:
            continue
        tally = tallies.setdefault(cluster.part, FigureTally())
        base, rows = _figures_of(cluster, params)
        _tally_figures(tally, cluster, base, rows)
        for claim in base.claims.values():
            if claim.status == "disputed":
                rivals = _rivals(claim, base)
                tally.disputes.append(
                    f"{cluster.cluster_id}: {claim.statement[:110]}  <>  {rivals}"
                )
    for name, t in tallies.items():
        print(
            f"{name:<8} killed/injured counts (> 0) {t.gold}, stated by the text {t.stated}: "
            f"the table's value {t.table}/{t.stated}, a claim states it {t.claimed}/{t.stated}; "
            f"disputed claims {len(t.disputes)}"
        )
        if part:
            print("\n".join(f"  {miss}" for miss in t.misses))
    if show_disputes:
        for name, t in tallies.items():
            print(f"\ndisputed claims, {name} ({len(t.disputes)}):")
            print("\n".join(f"  {line}" for line in t.disputes))


def _figures_of(cluster: Cluster, params: MergeParams) -> tuple[FactBase, dict[str, QuantityRow]]:
    """The cluster's fact base and its figures table, by quantity."""
    with tempfile.TemporaryDirectory() as tmp:
        story = GoldStory(cluster.cluster_id, [], corpus="gva-dev.jsonl")
        story.cluster = cluster.cluster_id
        root = write_story(story, Path(tmp))
        articles = read_articles(root / "seeds", root)
        base = merge(articles, extract_cached(articles), params)
        views = build_views(Config(root=root), base, Reporter(quiet=True))
        return base, {row.quantity: row for row in figures_table(views)}


def _tally_figures(
    tally: FigureTally, cluster: Cluster, base: FactBase, rows: dict[str, QuantityRow]
) -> None:
    text = cluster_text(cluster)
    for outcome, lemma in COUNTED.items():
        gold = (cluster.gold.get("figures") or {}).get(outcome)
        if not gold:
            continue
        tally.gold += 1
        if not states_count(text, gold, OUTCOMES[outcome]):
            continue
        tally.stated += 1
        quantity = QUANTITY_OF[lemma]  # the table's name for it, from the word list
        row = rows.get(quantity)
        shown = row.current.figure.value if row and row.current else None
        tally.table += shown == gold
        tally.claimed += any(
            f.quantity == quantity and f.value == gold and not f.increment
            for c in base.claims.values()
            for f in c.figures
        )
        if shown != gold:
            values = sorted({v.figure.value for v in row.totals}) if row else []
            status = row.status if row else "no row"
            tally.misses.append(f"{cluster.cluster_id} {outcome} {gold}: {status} {shown} {values}")


def corpus_disputes(part: str | None, params: MergeParams = TUNED) -> None:
    """Every disputed claim of every cluster of the corpora, per part, to be read."""
    for corpus in ("basil-dev.jsonl", "gva-dev.jsonl"):
        lines: dict[str, list[str]] = {}
        for cluster in load_clusters(corpus):
            if part and cluster.part != part:
                continue
            with tempfile.TemporaryDirectory() as tmp:
                story = GoldStory(cluster.cluster_id, [], corpus=corpus)
                story.cluster = cluster.cluster_id
                root = write_story(story, Path(tmp))
                articles = read_articles(root / "seeds", root)
                base = merge(articles, extract_cached(articles), params)
            found = lines.setdefault(cluster.part, [])
            for claim in base.claims.values():
                if claim.status == "disputed":
                    rivals = _rivals(claim, base)
                    found.append(f"{cluster.cluster_id}: {claim.statement[:110]}  <>  {rivals}")
        for name, found in lines.items():
            print(f"\n{corpus} {name}: {len(found)} disputed claims")
            print("\n".join(f"  {line}" for line in found))


def print_pairs(stories: list[GoldStory], named: bool, params: MergeParams = TUNED) -> None:
    """Every missed gold pair and wrong link of the stories, with its score; held-out
    stories only when named, so that their pairs stay unread while rules are tuned."""
    for story in stories:
        part = part_of(story)
        if part.endswith("held-out") and not named:
            continue
        print(f"\n== {story.name} ({part})")
        with tempfile.TemporaryDirectory() as tmp:
            root = write_story(story, Path(tmp))
            articles = read_articles(root / "seeds", root)
            extracted = extract_cached(articles)
            base = merge(articles, extracted, params)
            facts = [fact for result in extracted for fact in result.facts]
            items = passages(facts, build_people(extracted, params), params)
            groups, _ = cited_facts(base, anchor_spans(story, articles))
        by_span = {(p.source, p.fact.start, p.fact.end): p for p in items}
        claims: dict[tuple[str, int, int], set[str]] = {}
        for claim in base.claims.values():
            for c in claim.citations:
                claims.setdefault((c.source, c.start, c.end), set()).add(claim.id)
        spans = sorted(groups)
        for n, a in enumerate(spans):
            for b in spans[n + 1 :]:
                gold, linked = bool(groups[a] & groups[b]), bool(claims[a] & claims[b])
                if gold != linked and a in by_span and b in by_span:
                    found = compare(by_span[a], by_span[b], params)
                    print(
                        f"{'missed' if gold else 'wrong'} {found.score:.3f} {found.conflict or ''}"
                    )
                    for span in (a, b):
                        facts_of = ",".join(sorted(groups[span]))[:40]
                        print(f"    [{span[0][:12]} {facts_of}] {by_span[span].fact.text[:140]}")


def part_of(story: GoldStory) -> str:
    """`sample`, the cluster's part of its corpus, or `fresh-` and the part of a fresh
    batch's cluster: a fresh story is never pooled with the corpora's."""
    if not story.cluster:
        return "sample"
    part = story_cluster(story).part
    return f"fresh-{part}" if fresh(story) else part


def figures(result: Score) -> dict[str, float]:
    """A score's ratios by name: what the quality gate (tests/test_gold.py,
    benchmarks/floors.py) reads. A new metric is a new key."""
    ratios = {
        "cited": (result.anchors_cited, result.anchors),
        "conflicts_found": (result.conflicts_found, result.conflicts_gold),
    }
    found = {name: part / whole for name, (part, whole) in ratios.items() if whole}
    return {"precision": result.precision, "recall": result.recall, **found}


def evaluate_sample() -> dict[str, float]:
    """The sample story's figures."""
    return figures(_evaluate_pooled("sample", lambda story: story.name == "sample"))


def evaluate_corpus() -> dict[str, float]:
    """The basil-dev gold clusters' figures, pooled."""
    return figures(_evaluate_pooled("corpora", lambda story: story.corpus == "basil-dev.jsonl"))


def evaluate_gva() -> dict[str, float]:
    """The gva-dev gold clusters' figures (tune and held-out), pooled."""
    return figures(_evaluate_pooled("gva", lambda story: story.corpus == "gva-dev.jsonl"))


def _evaluate_pooled(name: str, wanted: Callable[[GoldStory], bool]) -> Score:
    total = Score(name)
    for story in all_gold():
        if wanted(story):
            total.add(evaluate(story)[0])
    return total


def _rivals(claim: Claim, base: FactBase) -> str:
    """A disputed claim's rivals, each with what differs: for reading disputes by hand."""
    return "; ".join(
        f"[{claim.differs.get(o, '?')}] {base.claims[o].statement[:90]}"
        for o in claim.conflicts
        if o in base.claims
    )


def split_settings(argv: list[str]) -> tuple[list[str], list[str]]:
    """(the values of every `--set NAME=VALUE` or `--set=NAME=VALUE`, the other arguments)."""
    settings, rest = [], []
    args = iter(argv)
    for arg in args:
        if arg == "--set":
            settings.append(next(args, ""))
        elif arg.startswith("--set="):
            settings.append(arg.removeprefix("--set="))
        else:
            rest.append(arg)
    return settings, rest


def changed(params: MergeParams) -> str:
    """The fields that differ from the tuned merge, "name=value" each."""
    return " ".join(
        f"{f.name}={getattr(params, f.name)!r}"
        for f in fields(params)
        if getattr(params, f.name) != getattr(TUNED, f.name)
    )


def main(argv: list[str]) -> int:
    settings, argv = split_settings(argv)
    try:
        params = with_settings(TUNED, settings)
    except ValueError as error:
        print(f"merge_eval: {error}", file=sys.stderr)
        return 2
    if changed(params):
        print(f"parameters changed: {changed(params)}")
    show_disputes = "--disputes" in argv
    at = argv.index("--part") + 1 if "--part" in argv else 0
    part = argv[at] if at else None
    if "--fresh" in argv:
        folder = argv[argv.index("--fresh") + 1]
        os.environ["SITEGEN_FRESH"] = folder  # where `gold.corpus_path` looks
        argv = [a for a in argv if a not in ("--fresh", folder)]
    if "--gva-figures" in argv:
        gva_figures(show_disputes, part, params)
        return 0
    if "--corpus-disputes" in argv:
        corpus_disputes(part, params)
        return 0
    names = [a for a in argv if not a.startswith("--") and a != part]
    stories = [s for s in all_gold() if not names or s.name in names]
    if "--pairs" in argv:
        print_pairs(stories, bool(names), params)
        return 0
    header = (
        f"{'story':<22} {'part':<14} {'P':>5} {'R':>5} {'links':>6} {'gold':>5} {'claims':>6} "
        f"{'cited':>7} {'confl':>5} {'disp':>4} {'dup':>3} {'wrong':>5} {'corr':>4} "
        f"{'figs':>5} {'ms':>5}"
    )
    print(header)
    totals: dict[str, tuple[Score, Extra]] = {}
    disputes: dict[str, list[str]] = {}
    missed: list[str] = []
    for story in stories:
        part = part_of(story)
        result, extra, seconds = evaluate(story, params)
        total = totals.setdefault(part, (Score(part), Extra()))
        total[0].add(result)
        total[1].add(extra)
        disputes.setdefault(part, []).extend(extra.disputes)
        missed += extra.figures_missed
        print(_row(result, extra, part, f"{seconds * 1000:5.0f}"))
    print("-" * len(header))
    for result, extra in totals.values():
        print(_row(result, extra, "", ""))
    for skipped in missing_gold():
        print(f"skipped (no fresh batch; --fresh DIR): {skipped}")
    if missed:
        print("\nfigures not found (story quantity gold: values stated):")
        print("\n".join(f"  {m}" for m in missed))
    if show_disputes:
        for part, lines in disputes.items():
            print(f"\ndisputed claims, {part} ({len(lines)}):")
            print("\n".join(f"  {line}" for line in lines))
    return 0


def _row(s: Score, e: Extra, part: str, ms: str) -> str:
    figures = f"{e.figures_stated}/{e.figures_gold}" if e.figures_gold else ""
    return (
        f"{s.story:<22} {part:<14} {s.precision:5.3f} {s.recall:5.3f} {s.pairs_linked:>6} "
        f"{s.pairs_gold:>5} {s.claims:>6} "
        f"{s.anchors_cited:>3}/{s.anchors:<3} {s.conflicts_found:>2}/{s.conflicts_gold:<2} "
        f"{s.disputed:>4} {e.duplicates:>3} {e.wrong_merges:>5} {e.corroborated:>4} "
        f"{figures:>5} {ms:>5}"
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
