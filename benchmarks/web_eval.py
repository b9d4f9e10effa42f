"""Extraction on web text, per corpus and split part: what a user building crawled news
pages gets. Each cluster of ../shared/corpora is built as a project (ingest, extraction,
people, claims: the real pipeline up to content/), and per corpus and part it prints:

- failed: clusters whose build raised or left an article's facts out;
- people found: gold `people_in_text` (gva) matched by a person's name or alias;
  for basil-dev, whose corpus has no such gold, the lists of
  benchmarks/gold/web/basil-people.yaml (our annotation of held-out clusters);
- not people: persons judged not to be people in benchmarks/gold/web/people.yaml (our
  annotation of held-out clusters), of those judged; persons never judged are counted;
- quote claims without marks: `kind: quote` claims no citation of which holds a
  quotation mark;
- speaker accuracy: quotations annotated in benchmarks/gold/web/quotes.yaml, found among
  the quote candidates of their article, with the speaker (a person, by any of the gold
  forms; or none when gold has none);
- furniture: claims citing a passage of page furniture, by the shapes in FURNITURE below
  (durations, captions, promos, copyright lines, alerts), which extraction never reads;
- pronoun openings: statements opening with a personal pronoun or a demonstrative;
- killed count: stories (gva) whose text (not a link's address) states the gold killed
  count next to a death word, and of those, how many have a claim stating it.

Usage: .venv/bin/python -m benchmarks.web_eval [--corpus gva-dev] [--part held-out] [-v]
       [--set NAME=VALUE ...]  (an extraction parameter, sitegen/extract/params.py)
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from benchmarks.corpus import Cluster, load_clusters, write_project
from benchmarks.extraction import extract_cached
from benchmarks.gold import Tally
from sitegen.extract.params import DEFAULT, ExtractParams
from sitegen.extract.records import ArticleFacts, FactCandidate
from sitegen.factbase.model import Claim, FactBase
from sitegen.ingest import Article, read_articles
from sitegen.merge import merge_claims
from sitegen.merge.people import PeopleIndex, build_people
from sitegen.params import with_settings

GOLD = Path(__file__).resolve().parent / "gold" / "web"
CORPORA = ("basil-dev", "gva-dev")
PARTS = ("tune", "held-out")

# Page furniture by shape, for measuring only (extraction has its own general rules).
FURNITURE = re.compile(
    r"\b\d{1,2}:\d\d\s*(autoplay|$)|autoplay|copy this code|embed|all rights reserved"
    r"|©|\bcopyright\b|may not be (re)?published|rewritten,? or redistributed"
    r"|\b(sign up|subscribe)\b.*\bnewsletter|download (the|our) .*\bapp\b|\bclick here\b"
    r"|\b(tips?|news) ?line\b|send (us )?(your )?tips|\b(warning|watch|advisory) (issued|in effect)"
    r"|\b(flash flood|tornado|severe thunderstorm|winter storm|heat) (warning|watch)\b"
    r"|\bstaff writers?\b|\bcontributed to this report\b|^\s*(photo|video|watch|related)\b[:|]"
    r"|\bfollow (us|him|her) on\b|\bshare this\b|\(AP Photo",
    re.IGNORECASE | re.MULTILINE,
)
PRONOUN = re.compile(
    r"^((he|she|they|his|her|their|them|him|we)\b|(this|that|these|those)\b(?!\s+((same|very)\s+)?(night|day|"
    r"morning|afternoon|evening|week|weekend|month|year|time|summer|winter|spring|fall)\b"
    r"|\s+\[))",
    re.IGNORECASE,
)  # a demonstrative of time ("That (same) night, …") names its referent, as does "That [X]"
URL = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
DOUBLE_MARKS = re.compile(r"[“”\"«»„]|(^|[\s(—–-])[‘']\w")
NUMBER_WORDS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
]
DEATH = r"(killed|dead|died|deaths?|slain|fatal\w*|lost (their|his|her) li\w+)"
HURT = r"(injured|injuries|injuring|wounded|wounding|hurt)"
OUTCOMES = {"killed": DEATH, "injured": HURT}  # a gold quantity -> the words that state it


@dataclass
class Figures(Tally):
    clusters: int = 0
    failed: int = 0
    gold_people: int = 0
    gold_found: int = 0
    persons: int = 0
    judged: int = 0
    not_people: int = 0
    quote_claims: int = 0
    unmarked: int = 0
    gold_quotes: int = 0
    quotes_found: int = 0
    speaker_right: int = 0
    claims: int = 0
    furniture: int = 0
    statements: int = 0
    pronoun: int = 0
    killed_stated: int = 0
    killed_claimed: int = 0
    notes: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        super().add(other)
        if isinstance(other, Figures):
            self.notes += other.notes


@dataclass
class Built:
    articles: list[Article]
    extracted: list[ArticleFacts]
    people: PeopleIndex
    base: FactBase


def build(cluster: Cluster, workdir: Path, params: ExtractParams = DEFAULT) -> Built:
    root = write_project(cluster, workdir / cluster.cluster_id)
    articles = read_articles(root / "seeds", root)
    extracted = extract_cached(articles, params=params)
    people = build_people(extracted)
    return Built(articles, extracted, people, merge_claims(articles, extracted, people))


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower().replace("’", "'").replace("‘", "'"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))  # "José": "jose"
    return " ".join(re.findall(r"[a-z0-9]+", text))


def _ends(name: str) -> tuple[str, str]:
    """First and last name, without a generational suffix."""
    words = [w for w in _norm(name).split() if w not in ("jr", "sr", "ii", "iii", "iv")]
    return (words[0], words[-1]) if words else ("", "")


def _number(value: int) -> str:
    word = NUMBER_WORDS[value] if value < len(NUMBER_WORDS) else None
    return rf"\b({value}{'|' + word if word else ''})\b"


def states_count(text: str, value: int, outcome: str = DEATH) -> bool:
    """`value` written next to a word of the `outcome` (a death word by default: "three
    people were killed", "left 2 dead"; `HURT`: "wounded three others")."""
    number = _number(value)
    near = rf"{number}(\W+[\w-]+){{0,4}}?\W+{outcome}|{outcome}(\W+[\w-]+){{0,3}}?\W+{number}"
    return re.search(near, text, re.IGNORECASE) is not None


def score(cluster: Cluster, built: Built | None, gold: Gold, figures: Figures) -> None:
    figures.clusters += 1
    if built is None or any(facts.failure for facts in built.extracted):
        figures.failed += 1
        figures.notes.append(f"  build failed: {cluster.cluster_id}")
        if built is None:
            return
    _score_gold_people(cluster, built.base, gold, figures)
    _score_persons(cluster, built.base, gold, figures)
    for claim in built.base.claims.values():
        _score_claim(cluster, claim, figures)
    _score_quotes(cluster, built, gold, figures)
    _score_killed(cluster, built.base, figures)


def _score_gold_people(cluster: Cluster, base: FactBase, gold: Gold, figures: Figures) -> None:
    names = {pid: {p.name, *p.aliases} for pid, p in base.people.items()}
    ends = {_ends(f) for forms in names.values() for f in forms}
    in_text = cluster.gold.get("people_in_text") or gold.people_in_text.get(cluster.cluster_id)
    for name in in_text or []:
        figures.gold_people += 1
        found = _ends(name) in ends  # the archive's reachable set: first and last name
        figures.gold_found += found
        if not found:
            figures.notes.append(f"  {cluster.cluster_id} gold person missed: {name}")


def _score_persons(cluster: Cluster, base: FactBase, gold: Gold, figures: Figures) -> None:
    judged = gold.people.get(cluster.cluster_id)
    for person in base.people.values():
        figures.persons += 1
        if judged is None:
            continue
        forms = {person.name, *person.aliases}
        if forms & judged["not"]:
            figures.judged += 1
            figures.not_people += 1
            figures.notes.append(f"  {cluster.cluster_id} not a person: {person.name}")
        elif forms & judged["yes"]:
            figures.judged += 1
        else:
            figures.notes.append(f"  {cluster.cluster_id} person not judged: {person.name}")


def _score_claim(cluster: Cluster, claim: Claim, figures: Figures) -> None:
    figures.claims += 1
    if claim.kind == "quote":
        figures.quote_claims += 1
        if not any(DOUBLE_MARKS.search(c.quote) for c in claim.citations):
            figures.unmarked += 1
            figures.notes.append(f"  {cluster.cluster_id} quote without marks: {claim.id}")
    if any(FURNITURE.search(c.quote) for c in claim.citations):
        figures.furniture += 1
        figures.notes.append(f"  {cluster.cluster_id} furniture: {claim.statement[:100]!r}")
    if claim.kind != "quote":
        figures.statements += 1
        if PRONOUN.match(claim.statement):
            figures.pronoun += 1
            figures.notes.append(f"  {cluster.cluster_id} pronoun: {claim.statement[:90]!r}")


def cluster_text(cluster: Cluster) -> str:
    """The articles' texts, without front matter or links' addresses (a link's slug,
    "…-leaves-1-dead/", states nothing)."""
    return URL.sub(" ", "\n\n".join(article["text"] for article in cluster.articles))


def _score_killed(cluster: Cluster, base: FactBase, figures: Figures) -> None:
    killed = (cluster.gold.get("figures") or {}).get("killed")
    if isinstance(killed, int) and states_count(cluster_text(cluster), killed):
        figures.killed_stated += 1
        hit = any(
            states_count(claim.statement, killed)
            or any(states_count(c.quote, killed) for c in claim.citations)
            for claim in base.claims.values()
        )
        figures.killed_claimed += hit
        if not hit:
            figures.notes.append(f"  {cluster.cluster_id} killed {killed} stated, no claim")


def _score_quotes(cluster: Cluster, built: Built, gold: Gold, figures: Figures) -> None:
    for item in gold.quotes.get(cluster.cluster_id, []):
        figures.gold_quotes += 1
        words = _norm(item["words"])
        facts = built.extracted[item["article"]].facts
        fact = next(
            (f for f in facts if f.kind == "quote" and words in _norm(f.quote or f.text)), None
        )
        if fact is None:
            figures.notes.append(f"  {cluster.cluster_id} quote not found: {item['words']!r}")
            continue
        figures.quotes_found += 1
        got = _speaker_forms(fact, built.people)
        want = item.get("speaker")
        right = not got if not want else bool({_norm(w) for w in want} & got)
        figures.speaker_right += right
        if not right:
            figures.notes.append(
                f"  {cluster.cluster_id} speaker [{item['article']}] {item['words']!r}: "
                f"want {want}, got {sorted(got) or _said_by(fact)}"
            )


def _speaker_forms(fact: FactCandidate, people: PeopleIndex) -> set[str]:
    """Normalised names of the person a quotation is given to; empty when it is given
    to no named person (nobody, an organisation, "a neighbour")."""
    speaker = fact.speaker
    if speaker is None or not speaker.is_person:
        return set()
    person_id = people.resolve(fact.source, speaker.text)
    if person_id is None:
        return {_norm(speaker.text)}
    person = people.people[person_id]
    return {_norm(f) for f in (person.name, *person.aliases)}


def _said_by(fact: FactCandidate) -> str | None:
    return fact.speaker.text if fact.speaker is not None else None


@dataclass
class Gold:
    people: dict[str, dict[str, set[str]]]  # cluster -> {"yes": names, "not": names}
    quotes: dict[str, list[dict]]  # cluster -> [{article, words, speaker: [forms] | None}]
    people_in_text: dict[str, list[str]]  # cluster -> names (basil-dev, not in its corpus)


def load_gold() -> Gold:
    people: dict[str, dict[str, set[str]]] = {}
    path = GOLD / "people.yaml"
    for item in (yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else []) or []:
        people[item["cluster"]] = {
            "yes": set(item.get("people") or []),
            "not": set(item.get("not_people") or []),
        }
    quotes: dict[str, list[dict]] = {}
    path = GOLD / "quotes.yaml"
    for item in (yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else []) or []:
        speaker = item.get("speaker")
        item["speaker"] = [speaker] if isinstance(speaker, str) else speaker
        quotes.setdefault(item["cluster"], []).append(item)
    path = GOLD / "basil-people.yaml"
    in_text = {
        item["cluster"]: item["people_in_text"]
        for item in (yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else [])
        or []
    }
    return Gold(people, quotes, in_text)


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "-"


def row(name: str, f: Figures) -> str:
    return (
        f"{name:<19} {f.failed:>3}/{f.clusters:<3} "
        f"{_ratio(f.gold_found, f.gold_people):>6} ({f.gold_found}/{f.gold_people}) "
        f"{f.not_people:>3}/{f.judged:<4}(of {f.persons}) "
        f"{f.unmarked:>3}/{f.quote_claims:<4} "
        f"{_ratio(f.speaker_right, f.quotes_found):>6} ({f.speaker_right}/{f.quotes_found}/"
        f"{f.gold_quotes}) {f.furniture:>3}/{f.claims:<5} {f.pronoun:>3}/{f.statements:<5} "
        f"{f.killed_claimed:>3}/{f.killed_stated}"
    )


HEADER = (
    "corpus part         failed people-found     not-people      "
    "unmarked quote-speaker         furniture  pronoun  killed"
)


def clusters(corpus: str, part: str | None) -> Iterator[Cluster]:
    for cluster in load_clusters(f"{corpus}.jsonl"):
        if part is None or cluster.part == part:
            yield cluster


def add_set_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="an extraction parameter (sitegen/extract/params.py) to change; repeatable",
    )


def extract_params(parser: argparse.ArgumentParser, settings: list[str]) -> ExtractParams:
    """The default extraction parameters with `settings` applied (a bad one: usage error)."""
    try:
        return with_settings(DEFAULT, settings)
    except ValueError as exc:
        parser.error(str(exc))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", choices=CORPORA, help="only this corpus")
    parser.add_argument("--part", choices=PARTS, help="only this part of the split")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss")
    add_set_option(parser)
    args = parser.parse_args(argv)
    params = extract_params(parser, args.set)
    gold = load_gold()
    print(
        "failed clusters; gold people found; persons judged not people/judged (of all); "
        "quote claims without marks/quote claims; speaker accuracy (right/found/gold); "
        "claims citing furniture/claims; statements opening with a pronoun/statements; "
        "killed count in a claim/stated"
    )
    print(HEADER)
    with tempfile.TemporaryDirectory() as tmp:
        for corpus in [args.corpus] if args.corpus else CORPORA:
            for part in [args.part] if args.part else PARTS:
                figures = Figures()
                for cluster in clusters(corpus, part):
                    try:
                        built: Built | None = build(cluster, Path(tmp), params)
                    except Exception as exc:  # a crash is a figure here, not the end
                        figures.notes.append(f"  {cluster.cluster_id}: {exc!r}")
                        built = None
                    score(cluster, built, gold, figures)
                print(row(f"{corpus} {part}", figures))
                if args.verbose:
                    print("\n".join(figures.notes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
