"""One person per human being named in the story, whatever the spelling.

Person-hood is decided story-wide: a name is a person when most of its NER labels say
PERSON and either it is a full name or the text treats it as a person (it speaks, has a
title or a role). Spelling and transliteration variants of one full name are joined;
a surname (or given name) alone joins the one person it can mean, preferring the person
named in the same article, and stays unresolved when two people share it.
"""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from sitegen.extract.names import name_parts
from sitegen.extract.records import ArticleFacts
from sitegen.model import Person
from sitegen.slug import slugify, unique_slug

PERSON_EVIDENCE = {"speaker", "title", "appos", "age", "who"}
# Labels that compete with PERSON for a name; the rarer ones weigh half, since NER often
# gives an unfamiliar person's name a product or facility label.
COMPETING_LABELS = {"ORG": 1.0, "GPE": 1.0, "NORP": 1.0, "LOC": 1.0, "FAC": 0.5,
                    "PRODUCT": 0.5, "WORK_OF_ART": 0.5, "EVENT": 0.5, "LAW": 0.5}


@dataclass
class _NameStats:
    name: str
    votes: Counter[str] = field(default_factory=Counter)  # NER label -> count
    evidence: set[str] = field(default_factory=set)
    cues: int = 0  # occurrences in a person's context (speaks, has a title or a role)
    roles: Counter[str] = field(default_factory=Counter)
    sources: set[str] = field(default_factory=set)
    mentions: int = 0

    @property
    def words(self) -> list[str]:
        return name_parts(self.name)[0]

    @property
    def suffix(self) -> str:
        return name_parts(self.name)[1]

    @property
    def person_votes(self) -> float:
        return self.votes["PERSON"] + self.cues

    @property
    def other_votes(self) -> float:
        return sum(n * COMPETING_LABELS.get(label, 0.0) for label, n in self.votes.items())


@dataclass
class PeopleIndex:
    """The people of a story and how each surface form in each article resolves."""

    people: dict[str, Person] = field(default_factory=dict)
    by_name: dict[str, str] = field(default_factory=dict)  # surface -> id, when unambiguous
    by_source: dict[tuple[str, str], str] = field(default_factory=dict)  # (source, surface)

    def resolve(self, source: str, name: str) -> str | None:
        return self.by_source.get((source, name)) or self.by_name.get(name)


def build_people(articles: list[ArticleFacts]) -> PeopleIndex:
    stats = _gather(articles)
    full = [s for s in stats.values() if len(s.words) >= 2 and _is_person(s)]
    groups = _group_full_names(full)
    single = [s for s in stats.values() if len(s.words) == 1]
    index = PeopleIndex()
    members: list[list[_NameStats]] = [list(g) for g in groups]
    # a single word joins the one group whose surname (or given name) it is
    claimed: dict[str, list[int]] = defaultdict(list)
    for word_stats in single:
        matches = [i for i, group in enumerate(groups) if _word_matches(word_stats.name, group)]
        if matches and _could_be_person(word_stats):
            claimed[word_stats.name] = matches
        elif _is_person(word_stats) and word_stats.evidence & PERSON_EVIDENCE:
            members.append([word_stats])  # a person known by one name
    for word, matches in claimed.items():
        if len(matches) == 1:
            members[matches[0]].append(stats[word])
    ids = _assign_ids(members, index)
    for word, matches in claimed.items():
        if len(matches) > 1:
            _resolve_by_article(word, [ids[i] for i in matches], articles, index)
    return index


def _gather(articles: list[ArticleFacts]) -> dict[str, _NameStats]:
    stats: dict[str, _NameStats] = {}
    for article in articles:
        for mention in article.mentions:
            entry = stats.setdefault(mention.name, _NameStats(mention.name))
            entry.votes[mention.label] += 1
            entry.cues += bool(set(mention.evidence) & PERSON_EVIDENCE)
            entry.evidence.update(mention.evidence)
            entry.roles.update(mention.roles)
            entry.sources.add(article.source)
            entry.mentions += 1
    return stats


def _is_person(stats: _NameStats) -> bool:
    """Most of its NER labels say PERSON (the name-level vote over the whole story)."""
    return stats.votes["PERSON"] > 0 and stats.person_votes >= stats.other_votes


def _could_be_person(stats: _NameStats) -> bool:
    """A lone word that matches a person's name joins them unless the story treats it as a
    place or nationality ("Washington" beside "George Washington")."""
    if stats.votes["PERSON"] or stats.cues:
        return True
    label, _ = stats.votes.most_common(1)[0]
    return label not in ("GPE", "LOC", "NORP")


def _fold(word: str) -> str:
    folded = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()
    return folded.replace(".", "").replace("'", "").replace("’", "") or word.lower()


def _edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _same_word(a: str, b: str) -> bool:
    """Equal, or a spelling variant: same start, at most 2 edits in a word of 6+ letters
    (Zelensky / Zelenskiy / Zelenskyy), 1 edit in a word of 4+."""
    a, b = _fold(a), _fold(b)
    if a == b:
        return True
    if a[:3] != b[:3]:
        return False
    limit = 2 if min(len(a), len(b)) >= 6 else 1 if min(len(a), len(b)) >= 4 else 0
    return _edit_distance(a, b) <= limit


def _given_compatible(a: list[str], b: list[str]) -> bool:
    """Given names agree: equal or variants, or one is the other's initial; a missing
    middle name is no conflict."""
    first_a, first_b = a[0], b[0]
    if _same_word(first_a, first_b):
        return True
    initial = lambda w: len(w.strip(".")) == 1  # noqa: E731
    return (initial(first_a) or initial(first_b)) and _fold(first_a)[0] == _fold(first_b)[0]


def _same_person(a: _NameStats, b: _NameStats) -> bool:
    if a.suffix != b.suffix:
        return False  # Donald Trump and Donald Trump Jr. are two people
    if not _same_word(a.words[-1], b.words[-1]):
        return False
    return _given_compatible(a.words, b.words)


def _group_full_names(full: list[_NameStats]) -> list[list[_NameStats]]:
    groups: list[list[_NameStats]] = []
    for stats in sorted(full, key=lambda s: (-s.mentions, s.name)):
        for group in groups:
            if all(_same_person(stats, other) for other in group):
                group.append(stats)
                break
        else:
            groups.append([stats])
    return groups


def _word_matches(word: str, group: list[_NameStats]) -> bool:
    return any(_same_word(word, s.words[-1]) or _fold(word) == _fold(s.words[0])
               for s in group)


def _canonical(group: list[_NameStats]) -> _NameStats:
    """The full form seen in most sources; ties go to the spelling whose surname the
    articles also use on its own, then to the most mentions."""
    full = [s for s in group if len(s.words) >= 2] or group
    singles = Counter({s.name: s.mentions for s in group if len(s.words) == 1})
    return max(full, key=lambda s: (len(s.sources), singles.get(s.words[-1], 0), s.mentions,
                                    len(s.name), s.name))


def _description(group: list[_NameStats]) -> str | None:
    """The role most sources agree on: each role is supported by the roles whose words
    it contains ("Ukrainian President" by "President"); ages only as a last resort."""
    roles: Counter[str] = Counter()
    for stats in group:
        roles.update(stats.roles)
    if not roles:
        return None
    words = {role: set(_fold(w) for w in role.split()) for role in roles}
    ages = {role for role in roles if role.startswith("aged ")}
    candidates = [r for r in roles if r not in ages] or list(roles)

    def support(role: str) -> int:
        return sum(n for other, n in roles.items() if words[other] <= words[role])

    return max(candidates, key=lambda r: (support(r), len(r), r))


def _assign_ids(members: list[list[_NameStats]], index: PeopleIndex) -> list[str]:
    taken: set[str] = set()
    order = sorted(range(len(members)), key=lambda i: _canonical(members[i]).name)
    ids = [""] * len(members)
    for i in order:
        group = members[i]
        canonical = _canonical(group)
        person_id = unique_slug(slugify(canonical.name), taken)
        ids[i] = person_id
        aliases = sorted({s.name for s in group} - {canonical.name})
        index.people[person_id] = Person(
            id=person_id, name=canonical.name, aliases=aliases, description=_description(group),
        )
        for stats in group:
            index.by_name[stats.name] = person_id
    return ids


def _resolve_by_article(word: str, candidates: list[str], articles: list[ArticleFacts],
                        index: PeopleIndex) -> None:
    """A surname two people share: in each article, the one of them named there in full."""
    for article in articles:
        named_here = {index.by_name.get(m.name) for m in article.mentions
                      if len(m.name.split()) > 1}
        present = [c for c in candidates if c in named_here]
        if len(present) == 1:
            index.by_source[(article.source, word)] = present[0]
            person = index.people[present[0]]
            if word not in person.aliases and word != person.name:
                person.aliases = sorted([*person.aliases, word])
