"""Extraction quality against hand-made gold: people (with aliases) and who said what.

Runs the real ingest -> spaCy extraction -> people merge on the sample story and on each
annotated basil-dev cluster (benchmarks/gold/people-quotes/*.yaml), then prints:

- people: a predicted person matches a gold person when its name (else one of its
  aliases) is one of the gold person's surface forms; precision = matched predicted /
  predicted, recall = matched gold / gold ("optional" gold people count for neither); a
  second predicted person matching the same gold person is a split, counted as wrong;
  "bad" counts aliases that name another gold person (two people merged);
- quotes: each gold quotation is located by a short snippet of its words in the quote
  candidates of its article; speaker accuracy = right speaker / quotations found;
- statements: attributed statements without quotation marks, located the same way in
  any candidate; speaker accuracy as for quotes, and the outlet (`via`) when gold has one.

Then, without --story, the web-text figures of `benchmarks.web_eval` (every cluster of
both corpora, per split part).

Usage: .venv/bin/python -m benchmarks.extract_eval [--story ID] [--verbose] [--set NAME=VALUE ...]
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from benchmarks import web_eval
from benchmarks.corpus import REPO, load_clusters, write_project
from benchmarks.gold import Tally
from sitegen.extract import extract_articles
from sitegen.extract.params import DEFAULT, ExtractParams
from sitegen.extract.records import ArticleFacts, FactCandidate
from sitegen.ingest import Article, read_articles
from sitegen.merge.people import PeopleIndex, build_people
from sitegen.nlp import load_model

GOLD = Path(__file__).resolve().parent / "gold" / "people-quotes"
SAMPLE = "sample"


@dataclass
class GoldPerson:
    name: str
    forms: set[str]
    optional: bool = False


@dataclass
class GoldAttribution:
    article: int
    words: str
    speakers: list[str]  # a gold person's name, or words an unnamed speaker's phrase holds
    via: str | None = None


@dataclass
class Gold:
    story: str
    people: list[GoldPerson]
    quotes: list[GoldAttribution]
    statements: list[GoldAttribution]


@dataclass
class Score(Tally):
    """Counts for one story; added up for the overall figures."""

    predicted: int = 0
    predicted_matched: int = 0
    bad_aliases: int = 0  # aliases that are another gold person's name
    gold: int = 0
    gold_matched: int = 0
    quotes: int = 0
    quotes_found: int = 0
    quotes_right: int = 0
    statements: int = 0
    statements_found: int = 0
    statements_right: int = 0
    via: int = 0
    via_right: int = 0
    misses: list[str] = field(default_factory=list)


def _norm(text: str) -> str:
    """Words only, so that quote marks, apostrophes and spacing never decide a match."""
    text = text.lower().replace("’", "'").replace("‘", "'")
    return " ".join(re.findall(r"[a-z0-9@]+", text))


def load_gold(path: Path) -> Gold:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))

    def attributions(key: str) -> list[GoldAttribution]:
        items = []
        for item in data.get(key) or []:
            speakers = item["speaker"] if isinstance(item["speaker"], list) else [item["speaker"]]
            items.append(
                GoldAttribution(
                    item["article"], str(item["words"]), [str(s) for s in speakers], item.get("via")
                )
            )
        return items

    people = [
        GoldPerson(p["name"], {p["name"], *(p.get("aliases") or [])}, bool(p.get("optional")))
        for p in data["people"]
    ]
    return Gold(data["story"], people, attributions("quotes"), attributions("statements"))


def run_story(
    story: str, workdir: Path, params: ExtractParams = DEFAULT
) -> tuple[list[Article], list[ArticleFacts], PeopleIndex]:
    """The real pipeline up to the people index, on the sample or a corpus cluster."""
    if story == SAMPLE:
        articles = read_articles(REPO / "seeds", REPO)
    else:
        cluster = next(c for c in load_clusters() if c.cluster_id == story)
        root = write_project(cluster, workdir / story)
        articles = read_articles(root / "seeds", root)
    extracted = list(extract_articles(articles, load_model(), params))
    return articles, extracted, build_people(extracted)


def _gold_person_of(forms: list[str], gold: Gold) -> GoldPerson | None:
    """The gold person a predicted person is: by its name first, then by an alias."""
    for form in forms:
        for person in gold.people:
            if form in person.forms:
                return person
    return None


def score_people(gold: Gold, index: PeopleIndex, score: Score) -> dict[str, GoldPerson]:
    """Person precision and recall; returns which gold person each predicted id is."""
    matched: dict[str, GoldPerson] = {}
    for person in index.people.values():
        found = _gold_person_of([person.name, *person.aliases], gold)
        duplicate = found is not None and any(m is found for m in matched.values())
        if found is not None:
            matched[person.id] = found
        if found is not None and found.optional:
            continue
        score.predicted += 1
        score.predicted_matched += found is not None and not duplicate
        if found is None or duplicate:
            what = "split person" if duplicate else "extra person"
            score.misses.append(f"  {what}: {person.name} {person.aliases}")
        for alias in person.aliases if found is not None else []:
            other = _gold_person_of([alias], gold)
            if other is not None and other is not found and alias not in found.forms:
                score.bad_aliases += 1
                score.misses.append(f"  alias of another person: {alias} under {person.name}")
    for person in gold.people:
        if person.optional:
            continue
        score.gold += 1
        hit = any(m is person for m in matched.values())
        score.gold_matched += hit
        if not hit:
            score.misses.append(f"  missed person: {person.name}")
    return matched


def _speaker_right(
    fact: FactCandidate,
    item: GoldAttribution,
    gold: Gold,
    index: PeopleIndex,
    matched: dict[str, GoldPerson],
) -> bool:
    speaker = fact.speaker
    if speaker is None:
        return False
    person_id = index.resolve(fact.source, speaker.text) if speaker.is_person else None
    if person_id is not None:
        return person_id in matched and matched[person_id].name in item.speakers
    names = {p.name for p in gold.people}
    return any(s.lower() in speaker.text.lower() for s in item.speakers if s not in names)


def _describe(fact: FactCandidate | None, index: PeopleIndex) -> str:
    if fact is None:
        return "not found"
    if fact.speaker is None:
        return "no speaker"
    resolved = index.resolve(fact.source, fact.speaker.text) if fact.speaker.is_person else None
    return f"speaker {fact.speaker.text!r} -> {resolved} via {fact.via!r}"


def score_attributions(
    kind: str,
    gold: Gold,
    articles: list[Article],
    extracted: list[ArticleFacts],
    index: PeopleIndex,
    matched: dict[str, GoldPerson],
    score: Score,
) -> None:
    items = gold.quotes if kind == "quotes" else gold.statements
    for item in items:
        facts = extracted[item.article].facts
        words = _norm(item.words)
        pool = [f for f in facts if f.kind == "quote"] if kind == "quotes" else facts
        fact = next(
            (f for f in pool if words in _norm(f.quote or f.text if kind == "quotes" else f.text)),
            None,
        )
        right = fact is not None and _speaker_right(fact, item, gold, index, matched)
        setattr(score, kind, getattr(score, kind) + 1)
        setattr(score, f"{kind}_found", getattr(score, f"{kind}_found") + (fact is not None))
        setattr(score, f"{kind}_right", getattr(score, f"{kind}_right") + right)
        via_right = True
        if item.via:
            score.via += 1
            via_right = (
                fact is not None and bool(fact.via) and item.via.lower() in (fact.via or "").lower()
            )
            score.via_right += via_right
        if not right or not via_right:
            score.misses.append(
                f"  {kind[:-1]} [{item.article}] {item.words!r}: want "
                f"{'/'.join(item.speakers)}{' via ' + item.via if item.via else ''}"
                f", got {_describe(fact, index)}"
            )


def evaluate(gold: Gold, workdir: Path, params: ExtractParams = DEFAULT) -> Score:
    articles, extracted, index = run_story(gold.story, workdir, params)
    score = Score()
    matched = score_people(gold, index, score)
    score_attributions("quotes", gold, articles, extracted, index, matched, score)
    score_attributions("statements", gold, articles, extracted, index, matched, score)
    return score


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.2f}" if whole else "  - "


def _row(name: str, s: Score) -> str:
    return (
        f"{name:<22} {_ratio(s.predicted_matched, s.predicted):>5} "
        f"{_ratio(s.gold_matched, s.gold):>5} {s.predicted_matched:>3}/{s.predicted:<3}"
        f"{s.gold_matched:>3}/{s.gold:<3} {s.bad_aliases:>3}  "
        f"{s.quotes_found:>3}/{s.quotes:<3} "
        f"{_ratio(s.quotes_right, s.quotes_found):>5} {_ratio(s.quotes_right, s.quotes):>5}"
        f"   {s.statements_found:>2}/{s.statements:<2} "
        f"{_ratio(s.statements_right, s.statements_found):>5}"
        f"  {_ratio(s.via_right, s.via):>5} ({s.via})"
    )


def figures(score: Score) -> dict[str, float]:
    """A score's ratios by name (those with a denominator): what the quality gate
    (tests/test_gold.py, benchmarks/floors.py) reads. A new metric is a new key."""
    ratios = {
        "people_precision": (score.predicted_matched, score.predicted),
        "people_recall": (score.gold_matched, score.gold),
        "quotes_found": (score.quotes_found, score.quotes),
        "quote_speakers": (score.quotes_right, score.quotes),
        "statements_found": (score.statements_found, score.statements),
        "statement_speakers": (score.statements_right, score.statements),
        "via": (score.via_right, score.via),
    }
    return {name: part / whole for name, (part, whole) in ratios.items() if whole}


def evaluate_sample() -> dict[str, float]:
    """The sample story's figures."""
    return figures(_evaluate_pooled(lambda gold: gold.story == SAMPLE))


def evaluate_corpus() -> dict[str, float]:
    """The annotated corpus clusters' figures, pooled."""
    return figures(_evaluate_pooled(lambda gold: gold.story != SAMPLE))


def _evaluate_pooled(wanted: Callable[[Gold], bool]) -> Score:
    total = Score()
    with tempfile.TemporaryDirectory() as tmp:
        for path in sorted(GOLD.glob("*.yaml")):
            gold = load_gold(path)
            if wanted(gold):
                total.add(evaluate(gold, Path(tmp)))
    return total


HEADER = (
    f"{'story':<22} {'P':>5} {'R':>5} {'pred':>7}{'gold':>7} {'bad':>3}  {'quotes':>7} "
    f"{'spk':>5} {'spk/all':>5}   {'stmt':>5} {'spk':>5}  {'via':>5}"
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--story", help="only this story (sample or a cluster id)")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss")
    web_eval.add_set_option(parser)
    args = parser.parse_args(argv)
    params = web_eval.extract_params(parser, args.set)
    golds = [load_gold(p) for p in sorted(GOLD.glob("*.yaml"))]
    golds.sort(key=lambda g: (g.story != SAMPLE, g.story))
    if args.story:
        golds = [g for g in golds if g.story == args.story]
    print(
        "people: P R (matched/predicted, matched/gold), bad aliases; quotes: found/gold, "
        "speaker accuracy on found and on all; statements: found/gold, speaker accuracy; via"
    )
    print(HEADER)
    corpus = Score()
    with tempfile.TemporaryDirectory() as tmp:
        for gold in golds:
            score = evaluate(gold, Path(tmp), params)
            print(_row(gold.story, score))
            if args.verbose:
                print("\n".join(score.misses))
            if gold.story != SAMPLE:
                corpus.add(score)
    if any(g.story != SAMPLE for g in golds):
        print(_row("corpus clusters (all)", corpus))
    if not args.story:  # web text: every cluster of both corpora, per split part
        print()
        sets = [f"--set={setting}" for setting in args.set]
        web_eval.main((["--verbose"] if args.verbose else []) + sets)
    return 0


if __name__ == "__main__":
    sys.exit(main())
