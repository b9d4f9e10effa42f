"""How surely two passages state the same fact, and whether they contradict each other.

The score is the weight of what the passages share (a word, or its WordNet synonym at
a discount) over a size between the smaller and the larger passage's weight: a summary
sentence that states part of a long wire sentence still scores well, while two long
passages sharing a name score low. The same quotation (half its 3-word shingles) is the
same fact whatever surrounds it.

Passages that would be one claim but whose figures, dates or actors disagree are a
conflict: they are kept apart, and each claim will name the other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from sitegen.agreement import (
    comparable,
    dates_disagree,
    doer_ages,
    figures_agree,
    figures_disagree,
    increment_and_total,
    introduces_one,
    one_quantity,
    singular,
    victim_ages,
)
from sitegen.extract.lexicon import HUMAN_HEADS, REPORTING_VERBS, SPEECH_VERBS
from sitegen.extract.names import TITLES, gender_of
from sitegen.extract.statements import DATE_PREFIX, TELLING
from sitegen.factbase.model import Figure
from sitegen.merge.features import ENDINGS, STAGE_KEYS, Passage
from sitegen.merge.keys import KeyKind, kind_of
from sitegen.merge.params import MergeParams
from sitegen.words import word_set, word_table

TELLING_NOUNS = word_set("telling_nouns")


class Conflict(StrEnum):
    """Why two passages that read alike are kept apart; the value is what `differs`
    writes for a dispute."""

    FIGURE = "figure"  # they count one thing differently
    DATE = "date"  # they date one act differently
    ACTOR = "actor"  # each names another actor of one act
    APART = "apart"  # not one fact, yet no dispute: told on different days ("said Monday")


@dataclass(frozen=True)
class Comparison:
    score: float  # 0..1: how surely the passages state the same fact
    conflict: Conflict | None = None


def compare(a: Passage, b: Passage, params: MergeParams) -> Comparison:
    quote = _quote_score(a, b, params)
    keys_b = set(b.keys)
    common = [key for key in a.keys if key in keys_b]
    shared = sum(a.weights[k] for k in common)
    agreeing = figures_agree(a.figures, b.figures, params.approximate_spread)
    figures = sum(
        a.figure_weights[i] * _count_weight(a.figures[i], b.figures[j], params)
        for i, j in agreeing
        if not _two_kinds_of_things(a, b, a.figures[i], b.figures[j])
    )
    size = _size(a.total, b.total, params)
    alike = synonyms(a, keys_b, params)
    if not (figures or alike >= params.who_synonyms * size) and (
        _only_who(a, b, common) or _other_people(a, b)
    ):
        shared = 0.0  # "He was scheduled to meet Vice President Biden" / "He said he and
        # Vice President Biden lived up to their pledge": one person, two facts
    words = shared + alike + figures
    score = max(quote, words / size) if size else quote
    acts = _acts_shared(a, common)
    conflict = (
        _headline_apart(a, b, agreeing)
        or _stages_apart(a, b)
        or _step_and_harm(a, b)
        or _hedged_apart(a, b)
        or _two_victims(a, b)
        or _figure_conflict(a, b, shared - acts, size, params)
        or _date_conflict(a, b, quote, _topic(quote, words - acts, size), params)
        or _other_ranks(a, b)
        or _wounds_apart(a, b)
        or _he_and_she(a, b)
        or _another_of_one_source(a, b)
        or _actor_conflict(a, b, common, figures, size, params, score)
    )
    return Comparison(score, conflict)


def _other_ranks(a: Passage, b: Passage) -> Conflict | None:
    """One word ranked by two ordinals and by none in common ("A third person has been
    arrested" / "A fourth person has now been arrested"): two facts."""
    if not (a.ranks and b.ranks) or a.ranks & b.ranks:
        return None
    ranked = {rank.split()[-1] for rank in a.ranks}
    return Conflict.APART if any(rank.split()[-1] in ranked for rank in b.ranks) else None


def _wounds_apart(a: Passage, b: Passage) -> Conflict | None:
    """Wounds placed in different regions of the body ("a 22-year-old man was shot in
    the chest" / "a 22-year-old man was shot in the right leg"): two people, or two
    accounts of one that cannot both be right; never one corroborated fact."""
    if a.wounds and b.wounds and a.wounds.isdisjoint(b.wounds):
        return Conflict.APART
    return None


def _he_and_she(a: Passage, b: Passage) -> Conflict | None:
    """One passage tells of "he", the other of "she" ("He was taken to an area hospital,
    where he was pronounced dead" / "She was taken to a hospital, where she underwent
    surgery"): two people, two facts."""
    left, right = _opening_pronoun(a), _opening_pronoun(b)
    return Conflict.APART if left and right and left != right else None


def _another_of_one_source(a: Passage, b: Passage) -> Conflict | None:
    """A source's passage opening on "Another …" tells of something other than what the
    source told before it ("The 47-year-old man suffered multiple gunshot wounds" /
    "Another man, 33, suffered a gunshot wound to the chest"): never one fact restated.
    What follows may tell more of it ("Another volunteer, Ryoga Seki, …" / "The
    23-year-old donated …")."""
    if a.source != b.source:
        return None
    later = a if a.fact.start > b.fact.start else b
    return Conflict.APART if _ANOTHER.match(later.fact.text) else None


_ANOTHER = re.compile(r"\W*(?:another|a second|a third)\b", re.IGNORECASE)


def _opening_pronoun(item: Passage) -> str | None:
    first = item.fact.text[:4].lower()
    return "he" if first.startswith("he ") else "she" if first == "she " else None


def _only_who(a: Passage, b: Passage, common: list[str]) -> bool:
    """Keys that name only people with their titles and descriptions, named things, and
    the telling itself: who a passage is about, where, and who said it to whom, not
    what it says of them ("Gov. Scott held a news conference in Fort Lauderdale" / "He
    talked to a couple who flew to Fort Lauderdale"; "Senator Harry Reid of Nevada, the
    Democratic leader, is a supporter of gun rights" / "Senate Democratic Leader Harry
    Reid said all options should be on the table"; "'It creates zero precedent,' Mick
    Mulvaney, the acting White House chief of staff, told reporters" / "…, acting White
    House chief of staff Mick Mulvaney told reporters": two things he said)."""
    lemma, entity, frame = KeyKind.LEMMA.prefix, KeyKind.ENTITY.prefix, KeyKind.FRAME.prefix
    ages = a.ages | b.ages  # "d:20-year-old": who, with its words
    # a speaker's description is who tells both; in other passages it may be the fact
    # ("Ryoga Seki, a computer science student" / "Seki was in graduate school …")
    described = a.who_words if a.speaker is not None and a.speaker == b.speaker else frozenset()
    unnamed = []  # words that only a name can show to be who: asked last, if need be
    for key in common:
        if (
            kind_of(key) in (KeyKind.PERSON, KeyKind.ENTITY)
            or key in a.attribution
            or key in b.attribution
            or key in ages
            or (key.startswith(frame) and key.rsplit("|", 1)[-1] in SPEECH_VERBS)
        ):
            continue
        if not key.startswith(lemma):
            return False
        if not _says_who(key[len(lemma) :], described):
            unnamed.append(key[len(lemma) :])
    if not unnamed:
        return True
    named = {word for key in common if key.startswith(entity) for word in key[2:].split()}
    named.update(e for e in (*a.fact.entities, *b.fact.entities) if " " not in e)
    named.update(word for key in ages for word in re.split(r"[-\s]", key[2:]))
    return all(word in named for word in unnamed)


def _says_who(word: str, described: frozenset[str]) -> bool:
    """A word of a title, a person's description ("act" of "acting"), or of the
    occasion of a telling ("reporter", "conference"); the passages' names are asked
    apart (`_only_who`)."""
    if word in TITLES or word in TELLING_NOUNS or word in described:
        return True
    return bool(described) and any(word + ending in described for ending in ENDINGS)


def _other_people(a: Passage, b: Passage) -> bool:
    """Each passage names people and none the other names: "The victims were
    identified as Joseph Lamar, Janell Knight and Zach Thompson" / "The victim is
    identified as Amy Marie Hooser" tell of other people. Who tells it is not whom it
    is about: "…, Pruitt said" / "…, Vides said" may tell one fact."""
    told_of = [p for p in a.people if p != a.speaker]
    others = [p for p in b.people if p != b.speaker]
    return bool(told_of and others) and not set(a.people) & set(b.people)


def _topic(quote: float, words: float, size: float) -> float:
    """How alike two passages are without the acts they share: an act in common
    (often in a side clause: "Brooke, who served from 1967" / "hold the seat until
    June") joins two tellings of one fact, but is no sign that their dates or
    figures tell one thing."""
    return max(quote, words / size) if size else quote


def _acts_shared(a: Passage, common: list[str]) -> float:
    """The weight of the acts (verb and object) among the keys both passages have."""
    act = KeyKind.ACT.prefix
    return sum(a.weights[k] for k in common if k.startswith(act))


def _headline_apart(a: Passage, b: Passage, agreeing: list[tuple[int, int]]) -> Conflict | None:
    """A headline tells counts in few words: it states the fact of another passage only
    when that passage gives every count it gives, each of one named quantity ("One
    dead, four hurt in …" / "a man was killed and four people were wounded"); never for
    a word or a bare number in common ("mom, two sons died" / "shows the two … boys"),
    nor for one of its counts, which would join two facts through it ("6 shot; 2
    killed" / "Six people were shot" and "Two of them died")."""
    if not (a.fact.headline or b.fact.headline):
        return None
    matched = [(i, j) for i, j in agreeing if _one_count(a.figures[i], b.figures[j])]
    whole_a = not a.fact.headline or len({i for i, _ in matched}) == len(a.figures)
    whole_b = not b.fact.headline or len({j for _, j in matched}) == len(b.figures)
    return None if matched and whole_a and whole_b else Conflict.APART


def _count_weight(left: Figure, right: Figure, params: MergeParams) -> float:
    """How much one value in both passages says they tell one fact: much when it counts
    one named quantity, nothing when it counts two ("two other men were wounded" / "two
    men who are still on the run were charged")."""
    counted = {left.quantity, right.quantity}
    if None not in counted and len(counted) == 2 and counted not in _OVERLAPPING:
        return 0.0
    if _bare(left) or _bare(right):
        return 0.0  # "three of them were armed" / "three people were taken into custody"
    return params.same_count if _one_count(left, right) else 1.0


def _two_kinds_of_things(a: Passage, b: Passage, left: Figure, right: Figure) -> bool:
    """Counts of things named by two nouns that are neither one word nor of one sense,
    where one passage speaks of what the other counts yet counts something else ("the
    first two skateboards were returned" / "two groups began fighting over a
    skateboard": one value, two facts). When both speak of both things ("two additional
    subpoenas targeting Flynn's businesses" / "they had subpoenaed two of Flynn's
    businesses"), or neither does ("two separate shooting cases" / "two incidents"),
    the nouns may well name one thing. People go by many nouns ("four people", "four
    individuals"), so a count of people is never told apart so; nor is "20 gunshots"
    from "20 shots"."""
    if left.unit or right.unit or left.quantity or right.quantity:
        return False
    if not (left.counts and right.counts):
        return False
    one, other = singular(left.counts), singular(right.counts)
    if one.endswith(other) or other.endswith(one) or _of_people(one) or _of_people(other):
        return False
    lemma = KeyKind.LEMMA.prefix
    if lemma + other in a.synonyms.get(lemma + one, ()):
        return False
    return _speaks_of(a, right.counts) != _speaks_of(b, left.counts)


def _speaks_of(item: Passage, noun: str) -> bool:
    """A word of the passage is `noun` in some form ("subpoenaed" of "subpoenas")."""
    noun, lemma = noun.lower(), KeyKind.LEMMA.prefix
    return any(
        key.startswith(lemma) and noun.startswith(key[2:]) and noun[len(key) - 2 :] in ENDINGS
        for key in item.keys
    )


def _of_people(noun: str) -> bool:
    return noun in HUMAN_HEADS or noun + "s" in HUMAN_HEADS or noun.endswith(("man", "men"))


def _bare(figure: Figure) -> bool:
    """A number that says of nothing what it counts or measures."""
    return figure.unit is None and figure.counts is None and figure.quantity is None


# quantities one count can be told as: the shot are the killed and the wounded, the
# charged were arrested
_OVERLAPPING = [
    {"shot", "killed"},
    {"shot", "injured"},
    {"shot", "hospitalized"},
    {"injured", "hospitalized"},
    {"arrested", "charged"},
]


def _one_count(left: Figure, right: Figure) -> bool:
    """Two agreeing figures that count one named quantity ("70 men have volunteered" /
    "around 70 men … volunteered"): the fact itself, not only a number in common. (One
    counted noun is not enough: "two men were shot" / "two men were arrested".)"""
    return left.quantity is not None and left.quantity == right.quantity


def _figures_disagree(left: list[Figure], right: list[Figure], params: MergeParams) -> bool:
    spread = params.approximate_spread
    return figures_disagree(left, right, spread) or figures_disagree(right, left, spread)


def _figure_conflict(
    a: Passage, b: Passage, shared: float, size: float, params: MergeParams
) -> Conflict | None:
    """Figures that cannot both be true: a dispute between two sources alike enough
    in their other words, or giving one named person two ages; two facts when only
    ages or an article's count of one differ, when the passages are dated by different
    years ("from 2007 through 2014" / "for 2014"), when one counts an increment and
    the other a total, or when they give two values of one quantity. One source does
    not dispute itself: two figures it gives are of two things."""
    if not (a.figures and b.figures):
        return None
    if increment_and_total(a.figures, b.figures):
        return Conflict.APART
    if not _figures_disagree(a.figures, b.figures, params):
        return Conflict.APART if _bounds_far_apart(a.figures, b.figures) else None
    rivals = a.source != b.source
    if rivals and _one_person_two_ages(a, b):
        return Conflict.FIGURE
    if not _figures_disagree(_counts(a), _counts(b), params) or _periods_differ(a, b):
        return Conflict.APART  # ages of others, one against a count, or two periods
    if rivals and (shared + _rival_weight(a, b)) / size >= params.conflict_topic:
        return Conflict.FIGURE
    if one_quantity(a.figures, b.figures):
        return Conflict.APART  # two values of one quantity: two facts
    return None


BOUNDS_APART = 2.0  # hedged counts of one thing further apart than this are two counts


def _bounds_far_apart(left: list[Figure], right: list[Figure]) -> bool:
    """Counts of one thing both hedged as bounds, so never in conflict, yet of another
    size ("More than 4,230 people have been shot in Chicago this year" / "At least 35
    people have been shot across the city since Friday"): two tallies, two facts."""
    pairs = [(f, g) for f in left for g in right if f.counts != "age" and comparable(f, g)]
    return bool(pairs) and all(
        f.qualifier and g.qualifier and max(f.value, g.value) > BOUNDS_APART * min(f.value, g.value)
        for f, g in pairs
    )


def _rival_weight(a: Passage, b: Passage) -> float:
    """The weight of `a`'s sums that measure the thing one of `b`'s sums measures: the
    value of one named thing in both ("held on $310,000 bail" / "bail has been set at
    $130,000") is as much the passages' topic as it would be if the values agreed.
    (Not counts: "three men" and "two men" are often other men.)"""
    return sum(
        weight
        for f, weight in zip(a.figures, a.figure_weights, strict=True)
        if f.unit and f.counts and f.counts != "age" and any(comparable(f, g) for g in b.figures)
    )


def _date_conflict(
    a: Passage, b: Passage, quote: float, score: float, params: MergeParams
) -> Conflict | None:
    """Two sources dating alike passages (not one quotation) differently: a dispute
    when the dates of what they tell differ, else only told on different days. The day
    one source spoke is not set against the day another's fact happened ("…, police
    said Tuesday" / "… on Monday night")."""
    if (
        quote < params.quote_overlap
        and score >= params.conflict_topic
        and a.source != b.source
        and _dated_apart(a, b)
    ):
        return Conflict.DATE if _days_disagree(a, b) else Conflict.APART
    return None


def _actor_conflict(
    a: Passage,
    b: Passage,
    common: list[str],
    figures: float,
    size: float,
    params: MergeParams,
    score: float,
) -> Conflict | None:
    """Two named actors of one act (neither passage a person telling it), in passages
    alike enough in their other words, or alike enough to be joined: two actors of one
    act are never one claim."""
    if not (_actors_differ(a, b) and same_action(a, b)):
        return None
    if not _rival_actors(a, b):
        return Conflict.APART
    if a.group != b.group:
        return Conflict.APART  # "2020 Democrats are demanding the full report" / "O'Rourke
        # demanded Barr release the full report": a group's act and one person's
    if not (_told(a) or _told(b)):
        frame = KeyKind.FRAME.prefix
        rest = sum(a.weights[k] for k in common if not k.startswith(frame))
        if (rest + figures) / size >= params.actor_topic:
            return Conflict.ACTOR
        if score >= params.threshold:
            return Conflict.ACTOR if _main_act_shared(a, b) else Conflict.APART
    elif score >= params.threshold and _done_by_telling(a) and _done_by_telling(b):
        return Conflict.APART  # "Mayor Dyer declared a state of emergency" / "Gov. Scott
        # declared a state of emergency": two acts; maybe both true, so no dispute
    return None


def _done_by_telling(item: Passage) -> bool:
    """A telling verb with an object of its own is an act, not a telling of one:
    "declared a state of emergency", not "declared that the city was safe"."""
    if not item.action:
        return False
    verb = item.action[len(KeyKind.LEMMA.prefix) :]
    return any(key.startswith(f"{KeyKind.ACT.prefix}{verb}|") for key in item.keys)


def _main_act_shared(a: Passage, b: Passage) -> bool:
    """An act both passages state (itself or through a verb of one sense) is the main
    act of each, or what a telling passage tells of: "Japan said it could shut its
    embassy" / "Ukraine closed its embassy". An act of a side clause is not: "Strzok,
    who played a role in the probe, was fired" / "Republicans raised concerns that
    bias played a role" (nor is "fire", one sense of "raise", their one act)."""
    act = KeyKind.ACT.prefix
    for key in a.keys:
        if not key.startswith(act):
            continue
        matches = {key, *a.synonyms.get(key, ())}.intersection(b.keys)
        if matches and _is_main(a, key) and any(_is_main(b, other) for other in matches):
            return True
    return False


def _is_main(item: Passage, act_key: str) -> bool:
    verb = KeyKind.LEMMA.key(act_key[len(KeyKind.ACT.prefix) :].split("|", 1)[0])
    return item.action == verb or item.action in _TELLING_KEYS


def disagreement(a: Passage, b: Passage, params: MergeParams) -> Conflict | None:
    """How two passages known to stand for one statement (by their place in two
    accounts) contradict each other, however little else they share."""
    if a.figures and b.figures and increment_and_total(a.figures, b.figures):
        return Conflict.APART
    if a.figures and b.figures and _figures_disagree(a.figures, b.figures, params):
        if _one_person_two_ages(a, b) or _figures_disagree(_counts(a), _counts(b), params):
            return Conflict.FIGURE
        return Conflict.APART
    if dates_disagree(_dates(a) + _told_on(a), _dates(b) + _told_on(b)):
        # passages matched by their place alone: any other day keeps them apart
        return Conflict.DATE if dates_disagree(_dates(a), _dates(b)) else Conflict.APART
    if _actors_differ(a, b):  # two people telling are two tellings, not rival actors
        return Conflict.APART if _told(a) or _told(b) or not _rival_actors(a, b) else Conflict.ACTOR
    return None


def synonyms(a: Passage, keys_b: set[str], params: MergeParams) -> float:
    """The weight of the words (and acts) of `a` that the passage with `keys_b` says with
    another word (a verb) of one sense."""
    matched = 0.0
    keys_a: set[str] | None = None  # made only for a passage with a synonym to look up
    for left in a.related:
        if left in keys_b:
            continue
        keys_a = set(a.keys) if keys_a is None else keys_a
        weights = [
            a.weights[right]
            for right in a.synonyms[left]
            if right in keys_b and right not in keys_a
        ]
        if weights:
            matched += params.synonym * min(a.weights[left], max(weights))
    return matched


def _size(left: float, right: float, params: MergeParams) -> float:
    mix = params.size_mix
    return (1 - mix) * min(left, right) + mix * max(left, right)


def _quote_score(a: Passage, b: Passage, params: MergeParams) -> float:
    """`quote_base` and up when the passages hold one quotation, else 0."""
    if not (a.shingles and b.shingles):
        return 0.0
    overlap = len(set(a.shingles).intersection(b.shingles)) / min(len(a.shingles), len(b.shingles))
    base = params.quote_base
    return base + (1 - base) * overlap if overlap >= params.quote_overlap else 0.0


def _periods_differ(a: Passage, b: Passage) -> bool:
    """Both passages date what they tell by years, and not by the same years."""
    left, right = _years(a), _years(b)
    return bool(left and right) and left != right


def _years(item: Passage) -> set[str]:
    return {year for date in _dates(item) for year in _YEAR.findall(date)}


_YEAR = re.compile(r"\b(?:1[6-9]|20)\d\d\b")


def _counts(item: Passage) -> list[Figure]:
    """The figures that can dispute another source's: not ages, which belong to people
    (two ages are rival only as one person's, below), and not a count of one told by an
    article ("a 24-year-old man was shot"): it introduces one person, and a story of two
    shootings tells of "a man" and "two men" without a dispute between them."""
    return [f for f in item.figures if f.counts != "age" and not introduces_one(f)]


# A name right after an age ("80-year-old Joseph Williams"): its capitalised words.
_NAME_AFTER = re.compile(r"\s+((?:[A-Z][\w'’.-]*\s*){1,4})")


def _one_person_two_ages(a: Passage, b: Passage) -> bool:
    """Both passages give an age to one named person, and the ages differ ("victim
    20-year-old Dashwan Smith" / "killed 22-year-old Dashwan Smith"). Ages of unnamed or
    different people ("Drewery's 4-year-old son" / "80-year-old Joseph Williams") are
    never rivals: a story gives the ages of several people."""
    return age_gap(a, b) > 0


def age_gap(a: Passage, b: Passage) -> float:
    """The most the ages the two passages give to one named person differ by (0 when
    they agree, or no named person has an age on both sides)."""
    left, right = age_holders(a), age_holders(b)
    return max(
        (
            min(abs(x - y) for x in left[person] for y in right[person])
            for person in left.keys() & right.keys()
        ),
        default=0.0,
    )


def age_holders(item: Passage) -> dict[str, set[float]]:
    """The ages the passage gives to people it names, by person id: an age holds for
    the name written right after it (two of its words, when it has two); and to the
    doer of what happened to one known person (`agreement.doer_ages`)."""
    holders = doer_ages(item.figures)
    text = item.fact.text
    for figure in item.figures:
        at = text.find(figure.text) if figure.counts == "age" else -1
        match = _NAME_AFTER.match(text, at + len(figure.text)) if at >= 0 else None
        if match is None:
            continue
        words = {w.lower().strip(".,'’") for w in match.group(1).split()}
        for person in item.people:
            parts = set(person.split("-"))
            if len(words & parts) >= min(2, len(parts)):  # "Dashwan Smith", not "Dashwan Lee"
                holders.setdefault(person, set()).add(figure.value)
    return holders


def one_act(a: Passage, b: Passage) -> bool:
    """Both passages tell of one act: they share a subject-verb frame, or their first
    subjects are one word and their main verbs one action ("a visitation will be held
    Tuesday" / "funeral services will be held Wednesday" are two acts)."""
    frames = {key for key in a.keys if key.startswith(KeyKind.FRAME.prefix)}
    if frames.intersection(b.keys):
        return True
    if not (a.fact.frames and b.fact.frames):
        return False
    subject_a = a.fact.frames[0].split("|", 1)[0]
    return subject_a == b.fact.frames[0].split("|", 1)[0] and same_action(a, b)


def _days_disagree(a: Passage, b: Passage) -> bool:
    """The dates of what two passages tell disagree: in year, month or day of the month
    ("from 1967" / "from 1966"); in weekday only over one act ("it closed on Monday" /
    "…on Tuesday"), since a story's sentences tell of several days ("Murray announced a
    ban Saturday" / "the backlash grew Monday")."""
    left, right = _dates(a), _dates(b)
    return dates_disagree(left, right, weekdays=False) or (
        (one_act(a, b) or _one_victim(a, b)) and dates_disagree(left, right)
    )


def _one_victim(a: Passage, b: Passage) -> bool:
    """Both passages count one person of one age for one quantity: one act, whatever
    words tell it ("Authorities say an 11-year-old girl has died after she was shot
    Friday evening" / "An 11-year-old girl was killed on Saturday night")."""
    if not (_counts_one(a.figures) and _counts_one(b.figures)):
        return False
    left, right = victim_ages(a.figures), victim_ages(b.figures)
    return any(key in right and left[key] == right[key] for key in left)


def _dated_apart(a: Passage, b: Passage) -> bool:
    """The dates of what the passages tell differ, or the dates of their tellings do
    ("Japan said on Monday it could …" / "Japan said on Tuesday …"): two passages whose
    tellings differ in date are told apart, but only the dates of what they tell can
    dispute each other (outlets report one fact on different days), and the day one
    source spoke is not set against the day of another's fact."""
    return dates_disagree(_dates(a), _dates(b)) or dates_disagree(_told_on(a), _told_on(b))


def _told_on(item: Passage) -> list[str]:
    """The dates of the passage's telling ("…, an official said Friday")."""
    told = DATE_PREFIX + TELLING
    return [e[len(told) :] for e in item.fact.entities if e.startswith(told)]


def _dates(item: Passage) -> list[str]:
    """The dates of what the passage tells, not of its telling."""
    return [
        e[len(DATE_PREFIX) :]
        for e in item.fact.entities
        if e.startswith(DATE_PREFIX) and not e.startswith(DATE_PREFIX + TELLING)
    ]


def _stages_apart(a: Passage, b: Passage) -> Conflict | None:
    """Two steps of one case told as each passage's main act, neither passage telling
    the other's as a verb ("the father was charged Thursday" / "the father was
    sentenced Monday"; "… was charged with the aggravated murder" / "… pleaded guilty to
    murder and other charges"): two facts, neither one wrong. The steps are verbs of
    one case, not of one sense: "charge" and "plead" both tell of an accusation."""
    left, right = _stage(a), _stage(b)
    if left is None or right is None or right in {left, *a.synonyms.get(left, ())}:
        return None
    if left in b.steps or right in a.steps:
        return None  # "was arrested and charged" / "was charged": one step told with another
    return Conflict.APART


def _stage(item: Passage) -> str | None:
    """The step of a case that is the passage's main act: its verb, or an arrest told
    as "has taken a person into custody"."""
    if item.action in STAGE_KEYS:
        return item.action
    return _ARREST if item.action == _TAKE and _CUSTODY in item.keys else None


_ARREST, _TAKE, _CUSTODY = (KeyKind.LEMMA.key(w) for w in ("arrest", "take", "custody"))


def _step_and_harm(a: Passage, b: Passage) -> Conflict | None:
    """One passage tells a step of the case ("A man was charged with the aggravated
    murder in the slaying of a 15-year-old boy", "Both are charged with murder in the
    death of …", "Smith confessed to accidentally shooting the victim"), the other the
    harm done as its main act and no step ("Sunny Patel, 15, was shot and killed
    Friday", "… died in his bed"): two facts, though they share the victim and the
    words of the crime. (Harm a passage only tells of, "His brother tells us Moises was
    shot and killed", is left alone: read so, it split passages of one fact.)"""
    for step, harm in ((a, b), (b, a)):
        if _tells_step(step) and harm.action in _HARM_KEYS and not harm.steps:
            return None if _harm_clause(step) else Conflict.APART
    return None


def _harm_clause(item: Passage) -> bool:
    """A clause of the passage tells the harm with its own subject: "The parents were
    arrested when the infant was accidentally shot" states the shooting too (not so
    "accused of shooting a 15-year-old", nor "in the slaying of a boy")."""
    lemma = KeyKind.LEMMA.prefix
    return any(lemma + frame.rsplit("|", 1)[-1] in _HARM_KEYS for frame in item.fact.frames)


def _tells_step(item: Passage) -> bool:
    """A step of the case is the passage's main act, or what it tells."""
    if _stage(item) is not None:
        return True
    return bool(item.steps) and (item.action is None or item.action in _TELLING_KEYS)


def _hedged_apart(a: Passage, b: Passage) -> Conflict | None:
    """One passage tells a step as what may come, the other the same step as done or
    set ("He could be sentenced to life in prison" / "He is scheduled to be sentenced
    Friday", "… has been sentenced to life without parole"): two facts."""
    shared = a.steps & b.steps
    return Conflict.APART if (a.hedged & shared) != (b.hedged & shared) else None


def _two_victims(a: Passage, b: Passage) -> Conflict | None:
    """Each passage counts one victim of one quantity, of another age ("an Easter
    shooting that killed a 3-year-old girl" / "the 6-month-old girl killed in a
    drive-by shooting Saturday"): two people, two facts."""
    if not (_counts_one(a.figures) and _counts_one(b.figures)):
        return None  # most passages: nothing to read ages of
    left, right = victim_ages(a.figures), victim_ages(b.figures)
    if any(key in right and left[key].isdisjoint(right[key]) for key in left):
        return Conflict.APART
    for quantity in {f.quantity for f in a.figures if f.value == 1 and f.quantity}:
        left_ones = [f for f in a.figures if f.value == 1 and f.quantity == quantity]
        right_ones = [g for g in b.figures if g.value == 1 and g.quantity == quantity]
        if right_ones and all(_other_person(f, g) for f in left_ones for g in right_ones):
            return Conflict.APART  # "a child has died" / "his father was shot and killed"
    return None


def _other_person(left: Figure, right: Figure) -> bool:
    """Two counts of one person by nouns that cannot name one: a man and a woman, a
    child and an adult ("a boy" / "his father")."""
    one, other = _person_noun(left), _person_noun(right)
    if one == other:
        return False
    stages = LIFE_STAGES.get(one), LIFE_STAGES.get(other)
    genders = gender_of([one]), gender_of([other])
    return (None not in stages and stages[0] != stages[1]) or (
        None not in genders and genders[0] != genders[1]
    )


def _person_noun(figure: Figure) -> str:
    words = (figure.counts or "").split()
    return singular(words[-1]) if words else ""


def _counts_one(figures: list[Figure]) -> bool:
    return any(f.value == 1 and f.quantity for f in figures)


# what is done to a victim ("shot", "killed", "died", "fired"), as lemma keys
_HARM_KEYS = frozenset(KeyKind.LEMMA.key(verb) for verb in word_set("harm_verbs"))
LIFE_STAGES = word_table("life_stages")


def same_action(a: Passage, b: Passage) -> bool:
    """The main verb of one passage is the other's main verb, itself or a synonym, or
    what the other tells of: two actors of one action ("Japan will close" / "Ukraine
    closed") contradict each other; two actors of two actions sharing a topic ("X
    advised the campaign" / "Y warned about the campaign"), or one's act named in the
    other's side clause ("X holds his son's hand as they visit the scene" / "Y visits
    the scene"), do not."""
    for one, other in ((a, b), (b, a)):
        if one.action is None:
            continue
        said = {one.action, *one.synonyms.get(one.action, ())}
        if other.action in said:
            return True
        if other.action in _TELLING_KEYS and not said.isdisjoint(other.keys):
            return True  # "Japan said it could shut its embassy" / "Ukraine closed it"
    return False


_TELLING_KEYS = frozenset(
    KeyKind.LEMMA.key(verb) for verb in REPORTING_VERBS | SPEECH_VERBS | {"allege"}
)


def _told(item: Passage) -> bool:
    """A person telling something is the passage's main act ("Worthy said …", "Lt.
    Krause told the Free Press …"): another person telling it, or doing it, is no rival
    actor of one act. (A country or a body telling can be: "Japan said it could shut
    its embassy" / "Ukraine closed its embassy".)"""
    if item.action not in _TELLING_KEYS or not item.subject:
        return False
    return any(item.subject & set(person.split("-")) for person in item.people)


def _rival_actors(a: Passage, b: Passage) -> bool:
    """Two subjects of one act contend for it only when two sources each name one as
    its doer. One source naming two tells of two people ("Young was taken to the
    hospital" / "Miller was taken to the hospital"); two people can undergo one act
    ("Cotton was shot" / "Kinard was shot"), as two can be arrested."""
    return a.source != b.source and not (_undergoes(a) or _undergoes(b))


def _undergoes(item: Passage) -> bool:
    """The passage's subject is what its verb acts on: "Cotton was taken to …"."""
    act = KeyKind.ACT.prefix
    return any(k.startswith(act) and k.rsplit("|", 1)[1] in item.subject for k in item.keys)


def _actors_differ(a: Passage, b: Passage) -> bool:
    """Each passage has a named subject, and neither mentions the other's subject."""
    if not (a.subject and b.subject):
        return False
    return not (a.subject.intersection(b.words) or b.subject.intersection(a.words))
