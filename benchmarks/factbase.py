"""A synthetic fact base of any size, as a sitegen project (seeds/ + content/).

Rendering reads only content/ and the articles its citations point into, so a render
or dev-server benchmark needs no spaCy run: this writes articles made of generated
sentences and the YAML a build would have written about them, valid under
`sitegen check` (every quote is `text[start:end]` of its article). The mix follows
what real builds give: about half the claims from one source, the rest from two to
four; quotes with a speaker, figures, events; a few disputed pairs; one source that
copies another; people with a surname alias and most with a role line.

    .venv/bin/python -m benchmarks.factbase OUT_DIR [CLAIMS [PEOPLE [SOURCES]]]
"""

from __future__ import annotations

import hashlib
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

from sitegen.factbase.model import Citation, Claim, FactBase, Figure, Person, Source, status_for
from sitegen.factbase.store import write_factbase
from sitegen.origins import Lines, SourceLinks

_CONSONANTS = "bdfgklmnprstvz"
_VOWELS = "aeiou"
_ROLES = (
    "Minister of Finance",
    "mayor of {place}",
    "spokesperson for the {noun} council",
    "chief executive of {Name} Group",
    "professor at the University of {place}",
)
_NOUNS = ("budget", "bridge", "harbour", "school", "railway", "hospital", "election", "treaty")
_THINGS = ("people", "volunteers", "houses", "workers", "tonnes", "votes", "students")
_SOURCES_PER_CLAIM = (1, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 4)


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(_CONSONANTS) + rng.choice(_VOWELS) for _ in range(syllables))


@dataclass
class _Article:
    source: Source
    sentences: list[str] = field(default_factory=list)
    spans: dict[int, tuple[int, int]] = field(default_factory=dict)  # sentence -> span

    def add(self, sentence: str) -> int:
        self.sentences.append(sentence)
        return len(self.sentences) - 1

    def text(self, rng: random.Random) -> str:
        """Title line, then paragraphs of one to four sentences; records each span."""
        parts = [self.source.title, "\n\n"]
        offset = len(self.source.title) + 2
        for index, sentence in enumerate(self.sentences):
            if index and rng.random() < 0.35:
                parts.append("\n\n")
                offset += 2
            elif index:
                parts.append(" ")
                offset += 1
            self.spans[index] = (offset, offset + len(sentence))
            parts.append(sentence)
            offset += len(sentence)
        parts.append("\n")
        return "".join(parts)


def generate(
    root: Path, claims: int = 2000, people: int = 500, sources: int = 25, seed: int = 7
) -> FactBase:
    """Write `root/seeds/*.txt`, `root/content/` and `root/sitegen.yaml`; return the base."""
    rng = random.Random(seed)
    places = [_word(rng, 3).capitalize() for _ in range(40)]
    base = FactBase()
    for number in range(people):
        first, last = _word(rng, 2).capitalize(), _word(rng, 3).capitalize()
        person_id = f"{first}-{last}-{number}".lower()
        role = rng.choice(_ROLES).format(
            place=rng.choice(places), noun=rng.choice(_NOUNS), Name=last
        )
        base.people[person_id] = Person(
            person_id, f"{first} {last}", [last], role if rng.random() < 0.8 else None
        )
    person_ids = sorted(base.people)
    articles = []
    for number in range(sources):
        source_id = f"{number:03d}-{_word(rng, 2)}"
        month, day = 1 + number % 12, 1 + number % 28
        source = Source(
            source_id,
            f"seeds/{source_id}.txt",
            "",
            _word(rng, 4).capitalize() + f" and the {rng.choice(_NOUNS)} of {rng.choice(places)}",
            publisher=f"The {_word(rng, 3).capitalize()} Post",
            url=f"https://news.example/{source_id}",
            date=f"2024-{month:02d}-{day:02d}" if number % 5 else None,
            author=f"{_word(rng, 2).capitalize()} {_word(rng, 3).capitalize()}",
        )
        articles.append(_Article(source))
    if sources > 1:
        articles[1].source.derived_from = [articles[0].source.id]
    cited: list[tuple[Claim, list[tuple[_Article, int]]]] = []
    for number in range(claims):
        claim, sentence = _claim(rng, number, base, person_ids, places)
        chosen = rng.sample(articles, min(rng.choice(_SOURCES_PER_CLAIM), len(articles)))
        cited.append((claim, [(article, article.add(sentence)) for article in chosen]))
    for article in articles:
        order = list(range(len(article.sentences)))
        filler = [
            f"{rng.choice(places)} was quiet on day {n} of the {rng.choice(_NOUNS)} "
            "talks, residents said."
            for n in range(len(order) // 4)
        ]
        article.sentences.extend(filler)
        text = article.text(rng)
        path = root / article.source.file
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
        article.source.sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
        base.sources[article.source.id] = article.source
    lines = Lines.of(
        {
            s.id: SourceLinks(list(s.derived_from), list(s.origins), s.publisher)
            for s in base.sources.values()
        }
    )
    for claim, where in cited:
        claim.citations = [Citation(a.source.id, a.sentences[i], *a.spans[i]) for a, i in where]
        # counted as the build and `sitegen check` count: copies and one publisher are one
        claim.independent_sources = lines.count((c.source, c.origin) for c in claim.citations)
        claim.status = status_for(claim.independent_sources)
        base.claims[claim.id] = claim
    _dispute(base)
    (root / "content" / "pages").mkdir(parents=True, exist_ok=True)
    (root / "content" / "pages" / "about.md").write_text(
        "---\ntitle: About\n---\n\nA *generated* story for benchmarks.\n", encoding="utf-8"
    )
    (root / "sitegen.yaml").write_text(
        f"title: A generated story of {claims} claims\n", encoding="utf-8"
    )
    write_factbase(base, root / "content")
    return base


def _claim(
    rng: random.Random, number: int, base: FactBase, person_ids: list[str], places: list[str]
) -> tuple[Claim, str]:
    """A claim and the sentence its sources print (unique: it carries `number`)."""
    person = base.people[rng.choice(person_ids)]
    other = base.people[rng.choice(person_ids)]
    noun, place = rng.choice(_NOUNS), rng.choice(places)
    kind = ("quote", "figure", "event")[number % 3]
    claim_id = f"claim-{number:05d}-{noun}-{place.lower()}"
    if kind == "quote":
        words = f"the {noun} in {place} will be ready by week {number}"
        sentence = f"“We are certain that {words},” {person.name} said."
        claim = Claim(
            id=claim_id,
            statement=f"{person.name} said: “We are certain that {words}.”",
            citations=[],
            status="",
            people=[person.id],
            kind="quote",
            speaker=person.id,
        )
    elif kind == "figure":
        value = 100 + number * 7
        things = rng.choice(_THINGS)
        sentence = (
            f"{other.name} said {value:,} {things} took part in the {noun} protest in {place}."
        )
        claim = Claim(
            id=claim_id,
            statement=(
                f"{value:,} {things} took part in the {noun} protest in {place} (item {number})."
            ),
            citations=[],
            status="",
            people=[other.id],
            kind="figure",
            figures=[Figure(value, f"{value:,} {things}", counts=things)],
        )
    else:
        sentence = (
            f"{person.name} met {other.name} in {place} to discuss the {noun} on day {number}."
        )
        claim = Claim(
            id=claim_id,
            statement=(
                f"{person.name} met **{other.name}** in {place} about the {noun} (day {number})."
            ),
            citations=[],
            status="",
            people=list(dict.fromkeys([person.id, other.id])),
        )
    return claim, sentence


def _dispute(base: FactBase) -> None:
    """Mark one figure claim in forty as disputed by the next figure claim."""
    figures = [c for c in base.claims.values() if c.kind == "figure"]
    for first, second in zip(figures[::40], figures[1::40], strict=False):
        for claim, other in ((first, second), (second, first)):
            claim.status = "disputed"
            claim.conflicts = [other.id]


def main(argv: list[str]) -> int:
    if not 1 <= len(argv) <= 4:
        print(__doc__.strip().splitlines()[-1])
        return 2
    sizes = [int(x) for x in argv[1:]]
    base = generate(Path(argv[0]), *sizes)
    print(
        f"wrote {len(base.claims)} claims, {len(base.people)} people, "
        f"{len(base.sources)} sources to {argv[0]}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
