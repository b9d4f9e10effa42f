"""One person per human being named in the story, whatever the spelling.

Person-hood is decided story-wide: a name is a person when most of its NER labels and
contexts say so (it speaks, has a title, a role, an age), and never when the text uses
it as a platform ("on Twitter") or when its words are ordinary lower-case words of the
story ("Witch Hunt"). Spelling, transliteration and nickname variants of one full name
are joined (Zelensky / Zelenskiy, Mike / Michael, William "Mo" Cowan / Mo Cowan); two
people who share a surname stay apart (Donald Trump / Donald Trump Jr. / Melania
Trump). A surname (or given name) alone joins the one person it can mean; when it could
mean several, each article decides: the one whose office it carries ("President
Trump"), else the one named there in full.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import Generic, TypeVar

from sitegen.extract.mentions import (
    PERSON_EVIDENCE,
    NameVotes,
    could_be_person,
    count_vote,
    is_person_name,
)
from sitegen.extract.names import (
    SAME_START,
    distinct_suffixes,
    fold,
    name_parts,
    offices,
    same_given_name,
    same_word,
    spelling_allowance,
    title_word,
    typing_variant,
)
from sitegen.extract.records import ArticleFacts, NameMention
from sitegen.factbase.model import Person
from sitegen.merge.params import TUNED, MergeParams
from sitegen.slug import slugify, unique_slug

T = TypeVar("T")


@dataclass
class _NameStats:
    name: str
    votes: NameVotes = field(default_factory=NameVotes)
    evidence: set[str] = field(default_factory=set)
    roles: Counter[tuple[str, str]] = field(default_factory=Counter)  # (source, role)
    offices: set[str] = field(default_factory=set)
    nicknames: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)
    mentions: int = 0

    @cached_property
    def words(self) -> list[str]:
        return name_parts(self.name)[0]

    @cached_property
    def suffix(self) -> str:
        return name_parts(self.name)[1]

    @cached_property
    def middle(self) -> str:
        """The initials of the names between the first and the last: "H.W." and
        "Herbert Walker" both give "hw"."""
        parts = [part for word in self.words[1:-1] for part in re.split(r"[.\s]+", word) if part]
        return "".join(fold(part)[0] for part in parts)


@dataclass
class PeopleIndex:
    """The people of a story and how each surface form in each article resolves."""

    people: dict[str, Person] = field(default_factory=dict)
    by_name: dict[str, str] = field(default_factory=dict)  # surface -> id, when unambiguous
    by_source: dict[tuple[str, str], str] = field(default_factory=dict)  # (source, surface)
    roles: dict[str, Counter[tuple[str, str]]] = field(default_factory=dict)  # id -> roles
    params: MergeParams = TUNED

    def resolve(self, source: str, name: str) -> str | None:
        return self.by_source.get((source, name)) or self.by_name.get(name)

    def describe(self, rewrites: dict[str, int]) -> None:
        """Describe each person again once it is known which sources copy others
        (`rewrites`: how far each copy is from an original)."""
        for person_id, person in self.people.items():
            person.description = _description(self.roles[person_id], rewrites, self.params)


def build_people(articles: list[ArticleFacts], params: MergeParams = TUNED) -> PeopleIndex:
    """One person per human being the articles name (`params`: for descriptions)."""
    stats = _gather(articles)
    groups = _group_full_names(_full_names(stats, params))
    index = PeopleIndex(params=params)
    members: list[list[_NameStats]] = [list(g) for g in groups]
    claimed = _single_words(stats, groups, members)
    for word, matches in claimed.items():
        if len(matches) == 1:
            members[matches[0]].append(stats[word])
    ids = _assign_ids(members, index)
    by_source = {article.source: article for article in articles}
    read: dict[str, _ArticleNames] = {}
    for word, matches in claimed.items():
        if len(matches) > 1:
            using = [
                read.get(source)
                or read.setdefault(source, _ArticleNames.of(by_source[source], index))
                for source in sorted(stats[word].sources)
            ]
            _resolve_by_article(stats[word], [(ids[i], members[i]) for i in matches], using, index)
    return index


def _single_words(
    stats: dict[str, _NameStats], groups: list[list[_NameStats]], members: list[list[_NameStats]]
) -> dict[str, list[int]]:
    """Each one-word name that could be a person -> the groups whose surname (or given
    name) it is; a one-word person matching no group is added to `members` as a person
    known by one name."""
    lookup = _GroupLookup(groups)
    claimed: dict[str, list[int]] = {}
    for word_stats in (s for s in stats.values() if len(s.words) == 1):
        matches = [
            i
            for i in lookup.candidates(word_stats.words[0])
            if _word_matches(word_stats, groups[i])
        ]
        if matches and could_be_person(word_stats.votes):
            claimed[word_stats.name] = matches
        elif _one_name_person(word_stats):
            members.append([word_stats])
    return claimed


def _one_name_person(stats: _NameStats) -> bool:
    """A person the text names by one word: the vote says so, with evidence."""
    return _is_person(stats) and bool(stats.evidence & PERSON_EVIDENCE)


@dataclass
class _ArticleNames:
    """An article's mentions by name, and the people it names in full: read once,
    however many shared surnames it uses."""

    source: str
    uses: dict[str, list[NameMention]]
    named_in_full: set[str | None]

    @classmethod
    def of(cls, article: ArticleFacts, index: PeopleIndex) -> _ArticleNames:
        uses: dict[str, list[NameMention]] = defaultdict(list)
        for mention in article.mentions:
            uses[mention.name].append(mention)
        named = {index.by_name.get(name) for name in uses if len(name_parts(name)[0]) > 1}
        return cls(article.source, uses, named)


class _BySpelling(Generic[T]):
    """Items filed under a word, found again by any word `same_word` could call equal
    to it, in the order they were filed: a name is compared with its few look-alikes,
    not with every name. Look-alikes share their start; two endings at most k edits
    apart become one string after at most k deletions from each, so each word is filed
    under its start and those strings."""

    def __init__(self) -> None:
        self.buckets: dict[str, list[tuple[int, T]]] = defaultdict(list)
        self.filed = 0

    def add(self, word: str, item: T) -> None:
        for variant in _deletions(fold(word)):
            self.buckets[variant].append((self.filed, item))
        self.filed += 1

    def near(self, word: str) -> list[T]:
        found = {
            number: item
            for variant in _deletions(fold(word))
            for number, item in self.buckets.get(variant, ())
        }
        return [found[number] for number in sorted(found)]


def _deletions(word: str) -> set[str]:
    """The word's start, then its ending with up to as many letters deleted as
    `same_word` allows edits for a word of its length; a pair's allowance is its
    shorter word's, so no pair is missed. (Stripping a shared start leaves the edit
    distance as it was.)"""
    start, ending = word[:SAME_START], word[SAME_START:]
    variants = {ending}
    for _ in range(spelling_allowance(len(word))):
        variants |= {v[:i] + v[i + 1 :] for v in variants for i in range(len(v))}
    return {f"{start}|{v}" for v in variants}


class _GroupLookup:
    """Which groups a single word could belong to, without testing every group: by
    the spelling of their surnames, and by their given names and nicknames."""

    def __init__(self, groups: list[list[_NameStats]]) -> None:
        self.surnames: _BySpelling[int] = _BySpelling()
        self.given: dict[str, set[int]] = defaultdict(set)
        for number, group in enumerate(groups):
            for stats in group:
                self.surnames.add(stats.words[-1], number)
                for given in (stats.words[0], *stats.nicknames):
                    self.given[fold(given)].add(number)

    def candidates(self, word: str) -> list[int]:
        return sorted(set(self.surnames.near(word)) | self.given.get(fold(word), set()))


def _gather(articles: list[ArticleFacts]) -> dict[str, _NameStats]:
    stats: dict[str, _NameStats] = {}
    for article in articles:
        for mention in article.mentions:
            entry = stats.setdefault(mention.name, _NameStats(mention.name))
            count_vote(entry.votes, mention)
            entry.evidence.update(mention.evidence)
            if not mention.quoted:  # "Tom Brady, …, the president" in a quip is no role
                entry.roles.update((article.source, role) for role in mention.roles)
            entry.offices |= _offices(mention)
            if mention.nickname:
                entry.nicknames.add(mention.nickname)
            entry.sources.add(article.source)
            entry.mentions += 1
    return stats


def _offices(mention: NameMention) -> set[str]:
    return {o for role in mention.roles for o in offices(role.split())}


def _full_names(stats: dict[str, _NameStats], params: MergeParams) -> list[_NameStats]:
    """Full names of people: those the vote makes people, and names NER labelled
    otherwise that are a variant of one ("Volodymyr Zelenskyy" tagged ORG beside a
    person "Volodymyr Zelensky") or whose surname alone is a person's ("Zelenskyy said")."""
    families = _family_names(stats)
    full = [
        s
        for s in stats.values()
        if len(s.words) >= 2
        and not _names_a_group(s, stats)
        and not _named_for_a_thing(s, stats, params.thing_word_labels, families)
    ]
    people = [s for s in full if _is_person(s)]
    given = {fold(p.words[0]) for p in people} - {fold(p.words[-1]) for p in people}
    surnames = {
        fold(s.words[0]) for s in stats.values() if len(s.words) == 1 and _one_name_person(s)
    } - given  # "Sasha, 13," is Sasha Obama's given name: it makes "Dear Sasha" no one
    return people + _variants_of_people(full, people, surnames)


def _variants_of_people(
    full: list[_NameStats], people: list[_NameStats], surnames: set[str]
) -> list[_NameStats]:
    """The full names the vote did not make people that could be, and are the same
    person as one of `people` (or as one added before them), or end in the folded
    surname of a person known by one name (`surnames`), or open with such a name and end
    in a person's family name ("Amorian Hale" ORG beside "Amorian's grandmother, Lynne
    Hale")."""
    voted = {id(s) for s in people}
    by_surname: _BySpelling[_NameStats] = _BySpelling()
    for person in people:
        by_surname.add(person.words[-1], person)
    added = []
    for candidate in full:
        if id(candidate) in voted or not _unopposed(candidate):
            continue
        kin = by_surname.near(candidate.words[-1])
        if (
            fold(candidate.words[-1]) in surnames
            or any(_same_person(candidate, p) for p in kin)
            or (fold(candidate.words[0]) in surnames and _a_family_name(candidate, kin))
        ):
            added.append(candidate)
            by_surname.add(candidate.words[-1], candidate)
    return added


def _a_family_name(name: _NameStats, people: list[_NameStats]) -> bool:
    """The name ends in the very last name of one of `people` (not a near spelling)."""
    return any(fold(p.words[-1]) == fold(name.words[-1]) for p in people)


def _unopposed(stats: _NameStats) -> bool:
    """The name could be a person's, and nothing in the text says it is not."""
    return could_be_person(stats.votes) and not stats.votes.against


def _family_names(stats: dict[str, _NameStats]) -> set[str]:
    """Last words that end the names of two people of different given names, each
    labelled a person somewhere: "Kayla Walker", "Christina Walker"."""
    given: dict[str, set[str]] = {}
    for name in stats.values():
        if len(name.words) >= 2 and name.votes.labels["PERSON"]:
            given.setdefault(name.words[-1], set()).add(name.words[0])
    return {last for last, firsts in given.items() if len(firsts) >= 2}


def _named_for_a_thing(
    name: _NameStats, stats: dict[str, _NameStats], least: float, families: set[str]
) -> bool:
    """ "Cameo Nightlife" beside "the Cameo" an organisation a dozen times, "Safer City
    Roanoke" beside "Roanoke" an organisation: a name nothing marks as a person's (no
    title, role, age or speech) whose first or last word the story uses alone mostly as
    an organisation's or a building's (not a place's: NER gives unfamiliar given names
    place labels, "Jayden" GPE). A family's name is a person's, however NER labels it
    alone ("Walker" ORG beside "Kayla Walker" and "Christina Walker")."""
    if name.evidence & PERSON_EVIDENCE:
        return False
    for word in {name.words[0], name.words[-1]} - (families & {name.words[-1]}):
        alone = stats.get(word)
        if alone is None or alone.evidence & PERSON_EVIDENCE:
            continue
        things = alone.votes.labels["ORG"] + alone.votes.labels["FAC"]
        if things >= least and things > alone.votes.person_votes:
            return True
    return False


def _names_a_group(name: _NameStats, stats: dict[str, _NameStats]) -> bool:
    """ "Log Cabin Republicans", "Blue Dog Democrats": the name ends in a plural that the
    text uses on its own for a group (NER's NORP: nationalities, parties)."""
    last = name.words[-1]
    alone = stats.get(last)
    return (
        last.endswith("s")
        and alone is not None
        and alone.votes.labels.most_common(1)[0][0] == "NORP"
    )


def _is_person(stats: _NameStats) -> bool:
    """The story-wide vote; a title-case phrase of the story's ordinary words is not a
    name unless the text treats it as a person."""
    if "common-words" in stats.evidence and not stats.votes.cues:
        return False
    return is_person_name(stats.votes)


def _same_person(a: _NameStats, b: _NameStats) -> bool:
    if distinct_suffixes(a.suffix, b.suffix) and not _two_styles(a, b):
        return False  # Donald Trump and Donald Trump Jr. are two people
    if _unhyphenated(a.words) == _unhyphenated(b.words):
        return True  # "Julie Roberts-Cole" and "Julie Roberts Cole"
    if not same_word(a.words[-1], b.words[-1]):
        return False
    if a.middle and b.middle and a.middle != b.middle:
        return False  # George H. W. Bush and George W. Bush are two people
    nicknames = {fold(n) for n in a.nicknames | b.nicknames}
    if fold(a.words[0]) in nicknames or fold(b.words[0]) in nicknames:
        return True  # William "Mo" Cowan and Mo Cowan
    if not a.sources & b.sources and typing_variant(a.words[0], b.words[0]):
        return True  # "Eliot Isaac" in one outlet, "Elliot Isaac" in another
    return any(same_given_name(x, y) for x in _given(a.words) for y in _given(b.words))


def _unhyphenated(words: list[str]) -> list[str]:
    return [fold(part) for word in words for part in word.split("-") if part]


def _surname_keys(words: list[str]) -> list[str]:
    """Where a full name is filed by surname: its last word, and the last part of a
    hyphenated one ("Roberts-Cole" also under "Cole")."""
    last = words[-1]
    return [last, last.rsplit("-", 1)[-1]] if "-" in last.strip("-") else [last]


def _two_styles(a: _NameStats, b: _NameStats) -> bool:
    """One outlet's formal name ("Vice President Joseph R. Biden Jr.") and another's
    usual one ("Vice President Joe Biden"): no article names both, and both hold one
    office or role. A father and son both named are told apart by the articles that
    name both, or by what each is."""
    if a.sources & b.sources:
        return False
    return bool(_what_they_are(a) & _what_they_are(b))


def _what_they_are(stats: _NameStats) -> set[str]:
    return stats.offices | ({_role_head(role) for _, role in stats.roles} - {""})


def _given(words: list[str]) -> list[str]:
    """The given name, or a middle name a person goes by ("K. Michael Conaway" is
    "Michael Conaway", "Byron Todd Jones" is "Todd Jones"), or the first half of a
    double surname ("Debbie Wasserman Schultz" is "Wasserman Schultz"). A middle
    initial is no name: "Donald J. Trump" is not "John Trump"."""
    return [words[0], *(w for w in words[1:-1] if len(w.strip(".")) > 1)]


def _group_full_names(full: list[_NameStats]) -> list[list[_NameStats]]:
    """Each full name joins the first group it is the same person as; only groups of
    a surname `same_word` can match are tried."""
    groups: list[list[_NameStats]] = []
    by_surname: _BySpelling[list[_NameStats]] = _BySpelling()
    for stats in sorted(full, key=lambda s: (-s.mentions, s.name)):
        keys = _surname_keys(stats.words)
        near = {id(g): g for key in keys for g in by_surname.near(key)}
        for group in near.values():
            if all(_same_person(stats, other) or _bridged(stats, other, group) for other in group):
                group.append(stats)
                for key in keys:
                    by_surname.add(key, group)
                break
        else:
            groups.append([stats])
            for key in keys:
                by_surname.add(key, groups[-1])
    return groups


def _bridged(a: _NameStats, b: _NameStats, group: list[_NameStats]) -> bool:
    """Two short forms of one fuller name in the group: "Denise Montgomery" and
    "Aniaya Montgomery" are both "Anaiya Denise Montgomery"."""
    size = max(len(a.words), len(b.words))
    return any(len(z.words) > size and _same_person(a, z) and _same_person(b, z) for z in group)


def _word_matches(word: _NameStats, group: list[_NameStats]) -> bool:
    """A surname (with its suffix: "Trump Jr."), a given name, or a nickname alone."""
    bare = word.words[0]
    for stats in group:
        if same_word(bare, stats.words[-1]) and word.suffix in ("", stats.suffix):
            return True
        if not word.suffix and (
            fold(bare) == fold(stats.words[0]) or fold(bare) in {fold(n) for n in stats.nicknames}
        ):
            return True
    return False


def _canonical(group: list[_NameStats]) -> _NameStats:
    """The full form seen in most sources; ties go to the spelling whose surname the
    articles also use on its own, then to the most mentions. A form that is the end of
    another ("Wasserman Schultz" of "Debbie Wasserman Schultz") is a short form, unless
    only initials are left out (the name "K. Michael Conaway" goes by)."""
    full = [s for s in group if len(s.words) >= 2] or group
    endings = {
        tuple(s.words[i:])
        for s in full
        for i in range(1, len(s.words) - 1)
        if any(len(w.strip(".")) > 1 for w in s.words[:i])
    }
    full = [s for s in full if tuple(s.words) not in endings] or full
    singles = Counter({s.name: s.mentions for s in group if len(s.words) == 1})
    return max(
        full,
        key=lambda s: (
            len(s.sources),
            singles.get(s.words[-1], 0),
            s.mentions,
            len(s.name),
            s.name,
        ),
    )


def _description(
    said: Counter[tuple[str, str]], rewrites: dict[str, int], params: MergeParams
) -> str | None:
    """The role the sources agree on: the head noun most roles share ("host" in "Fox
    News host", "talk show host"), then its most common, most readable wording; an age
    only when nothing else is said. Roles come from the sources fewest rewrites away
    from an original that give one: a reworded copy's "workplace employee" is its
    original's "office worker", and a copy repeated by many outlets is not many votes."""
    ages = Counter({role: n for (_, role), n in said.items() if _AGE_ROLE.match(role)})
    given = {
        (source, role): n
        for (source, role), n in said.items()
        if role not in ages and not _says_nothing(role)
    }
    if not given:
        return max(ages, key=lambda r: (ages[r], r)) if ages else None
    least = min(rewrites.get(source, 0) for source, _ in given)
    roles: Counter[str] = Counter()
    for (source, role), n in given.items():
        if rewrites.get(source, 0) == least:
            roles[role] += n
    heads: Counter[str] = Counter()
    for role, n in roles.items():
        heads[_role_head(role)] += n

    fewest, most = params.role_words_least, params.role_words_most

    def rank(role: str) -> tuple[int, bool, int, int, str]:
        size = len(role.split())
        ideal = -abs(size - params.role_words_ideal)
        return heads[_role_head(role)], fewest <= size <= most, roles[role], ideal, role

    return max(roles, key=rank)


_AGE_ROLE = re.compile(r"^(?:aged \d+|\d+-year-old)$")
# the words of a role that says only that someone is a person: "another man", "a woman"
_NO_DESCRIPTION = frozenset(
    {"a", "an", "the", "another", "one", "other", "man", "woman", "men", "women", "person"}
)


def _says_nothing(role: str) -> bool:
    """A role that only says a person is one ("Another man, Jose Marte, 34, was
    shot"): no description of who they are."""
    return all(word in _NO_DESCRIPTION for word in role.lower().split())


_ROLE_TAIL = re.compile(r"(?:,|\s(?:of|for|in|at|from|with|who|which|that|whose|to|on|and)\s).*$")


def _role_head(role: str) -> str:
    """The noun a role is about: "the chief executive officer of Salesforce.com" ->
    "officer", "Massachusetts Governor" -> "governor"."""
    core = _ROLE_TAIL.sub("", role).split()
    return title_word(core[-1]) if core else ""


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
        roles: Counter[tuple[str, str]] = Counter()
        for stats in group:
            roles.update(stats.roles)
        index.roles[person_id] = roles
        index.people[person_id] = Person(
            id=person_id,
            name=canonical.name,
            aliases=aliases,
            description=_description(index.roles[person_id], {}, index.params),
        )
        for stats in group:
            index.by_name[stats.name] = person_id
    return ids


def _meant_in(
    article: _ArticleNames,
    uses: list[NameMention],
    word: _NameStats,
    candidates: list[tuple[str, list[_NameStats]]],
    held: dict[str, set[str]],
) -> list[str]:
    """The people a shared word may mean in one article (one when it is decided): the
    one holding the office it carries there, else those named there in full, of whom
    the one without a suffix when the word has none."""
    titles = {o for m in uses for o in _offices(m)}
    chosen = [pid for pid, _ in candidates if titles & held[pid]]
    if len(chosen) != 1:
        chosen = [pid for pid, _ in candidates if pid in article.named_in_full]
    if len(chosen) > 1 and not word.suffix:
        plain = [pid for pid, group in candidates if pid in chosen and not _canonical(group).suffix]
        chosen = plain if len(plain) == 1 else chosen
    return chosen


def _resolve_by_article(
    word: _NameStats,
    candidates: list[tuple[str, list[_NameStats]]],
    articles: list[_ArticleNames],
    index: PeopleIndex,
) -> None:
    """A surname several people share, resolved in each article: the one whose office
    the word carries there ("President Trump"), else the one named there in full (the
    one without a suffix when both are: "Trump" beside "Trump Jr.")."""
    held = {pid: {o for s in group for o in s.offices} for pid, group in candidates}
    for article in articles:
        uses = article.uses.get(word.name)
        if not uses:
            continue
        chosen = _meant_in(article, uses, word, candidates, held)
        if len(chosen) == 1:
            index.by_source[(article.source, word.name)] = chosen[0]
            person = index.people[chosen[0]]
            if word.name not in person.aliases and word.name != person.name:
                person.aliases = sorted([*person.aliases, word.name])
