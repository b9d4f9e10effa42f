"""What a passage asserts, as weighted keys that passages from other sources can share.

Keys are the anchors a rewrite keeps even when it swaps words for synonyms: the people
(resolved to person ids), named things, figures, dates, subject-verb frames, content
lemmas and quoted words. Each key is weighted by its kind and by how rare it is in the
input (inverse document frequency), so "Ukraine" in a story about Ukraine says little
and a surname or a figure says a lot. Spelling variants of one word ("defence",
"defense"; "protest", "protester") are folded into one key across the whole input.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from sys import intern

from sitegen.agreement import refers_to_one
from sitegen.extract.lexicon import QUANTITY_OF
from sitegen.extract.names import name_parts
from sitegen.extract.records import FactCandidate
from sitegen.extract.statements import DATE_PREFIX, TELLING
from sitegen.factbase.model import Figure
from sitegen.merge.keys import KeyKind, kind_of
from sitegen.merge.params import MergeParams
from sitegen.merge.people import PeopleIndex
from sitegen.merge.synonyms import senses
from sitegen.shingles import shingles
from sitegen.words import word_set, word_table

# Endings that make a word's variants: plural, demonym, agent, gerund, adjective, noun.
ENDINGS = word_set("endings") | {""}  # and no ending at all


@dataclass(slots=True)
class Passage:
    """One fact candidate, ready to compare: its keys with their weights."""

    index: int
    fact: FactCandidate
    people: list[str]
    speaker: str | None  # a person id, or an unnamed speaker's phrase
    # Sorted tuples, not sets: a set per passage cost a gigabyte at 10,000 articles.
    keys: tuple[str, ...] = ()  # "kind:value" (`keys.KeyKind`)
    weights: dict[str, float] = field(default_factory=dict)  # of every key of the input
    figure_weights: list[float] = field(default_factory=list)  # one per fact.figures
    # its quoted words' runs (`shingles`), each as its rank among all the runs of the
    # input in text order (`rank_shingles`): an int compares, and orders, as the run's
    # text would, and costs a fraction of it (millions of runs at 10,000 articles)
    shingles: tuple[int, ...] = ()
    subject: frozenset[str] = frozenset()  # words naming the main clause's actor
    group: bool = False  # that actor is named in the plural ("Democrats"): a group
    action: str | None = None  # the lemma key of the main clause's verb
    words: tuple[str, ...] = ()  # with a subject: every word of its keys but the frames
    total: float = 0.0  # the weight of all its keys and figures
    source: str = ""
    figures: list[Figure] = field(default_factory=list)
    # lemma key -> the input's other lemma keys sharing a WordNet sense: one map for all
    synonyms: dict[str, frozenset[str]] = field(default_factory=dict)
    related: tuple[str, ...] = ()  # its keys that are in `synonyms`, in order
    # the words its speaker is described by ("acting", "chief", "staff"): who tells it
    who_words: frozenset[str] = frozenset()
    # a quotation's keys from outside its quotation marks ("said ahead of the vote")
    attribution: frozenset[str] = frozenset()
    ages: frozenset[str] = frozenset()  # its date keys that are ages ("d:20-year-old")
    ranks: frozenset[str] = frozenset()  # an ordinal with the word it ranks ("third person")
    wounds: frozenset[str] = frozenset()  # body regions it says someone was hurt in
    # the steps of a case it writes as verbs ("was arrested and charged": arrest, charge;
    # not the noun of "pleaded guilty to other charges"), as lemma keys
    steps: frozenset[str] = frozenset()
    hedged: frozenset[str] = frozenset()  # steps it tells as what may come ("could be sentenced")


def passages(facts: list[FactCandidate], people: PeopleIndex, params: MergeParams) -> list[Passage]:
    """Every fact as a Passage, with keys weighted over the whole input."""
    lemma, date = KeyKind.LEMMA.prefix, KeyKind.DATE.prefix
    # each fact's keys as a tuple of one copy per key, not a set of its own strings: held
    # for every fact at once, the sets were a third of the merge's peak
    one: dict[str, str] = {}
    raw = [
        (tuple(one.setdefault(k, k) for k in keys), ids, speaker, subject)
        for keys, ids, speaker, subject in (_raw_keys(fact, people) for fact in facts)
    ]
    del one
    fold = _spelling_folds(
        Counter(k for keys, *_ in raw for k in keys if k.startswith(lemma)), params
    )
    items = []
    runs: dict[str, str] = {}  # each quoted run once, till they are ranked
    quoted: list[tuple[Passage, list[str]]] = []
    described: dict[str, frozenset[str]] = {}
    for index, (fact, (keys, ids, speaker, subject)) in enumerate(zip(facts, raw, strict=True)):
        item = Passage(index, fact, ids, speaker, source=fact.source, figures=fact.figures)
        if speaker in people.roles:
            if speaker not in described:
                described[speaker] = _role_words(people, speaker)
            item.who_words = described[speaker]
        item.keys = tuple(sorted({intern(_folded(k, fold)) for k in keys}))
        if any(_AGE_KEY.match(k) for k in item.keys if k.startswith(date)):
            item.ages = frozenset(k for k in item.keys if _AGE_KEY.match(k))
        if _WOUND.search(fact.text):
            item.wounds = frozenset(
                BODY_PARTS[(part or before).lower()] for part, before in _WOUND.findall(fact.text)
            )
        if _ORDINAL.search(fact.text):
            item.ranks = frozenset(
                intern(f"{rank} {word}") for rank, word in _ORDINAL.findall(fact.text.lower())
            )
        if not STAGE_KEYS.isdisjoint(item.keys):
            item.steps, item.hedged = steps_told(fact.text)
        if fact.frames:
            verb = lemma + fact.frames[0].rsplit("|", 1)[-1]
            item.action = intern(fold.get(verb, verb))
        if subject:  # only a passage with a subject is asked what else it names
            item.subject = frozenset(fold.get(lemma + w, lemma + w)[2:] for w in subject.split())
            word = fact.frames[0].split("|", 1)[0]
            item.group = _plural(word, subject) and not any(word in p.split("-") for p in ids)
            item.words = _words(item.keys)
        if fact.quote:
            runs_of = shingles(fact.quote, params.quote_shingle)
            quoted.append((item, [runs.setdefault(text, text) for text in runs_of]))
            if fact.kind == "quote":
                item.attribution = _outside(item.keys, fact.quote)
        items.append(item)
    del raw
    rank_shingles(quoted, runs)
    _weigh(items, params)
    related = synonym_keys(
        {key for item in items for key in item.keys if key.startswith((lemma, KeyKind.ACT.prefix))}
    )
    for item in items:
        item.synonyms = related
        item.related = tuple(key for key in item.keys if key in related)
    return items


_AGE_KEY = re.compile(r"d:.*-(?:year|month|week|day)s?-old$")
BODY_PARTS = word_table("body_parts")
# where a wound is: "in the head", "to his left thigh", "an arm wound"
_PARTS = "|".join(sorted(BODY_PARTS, key=len, reverse=True))
_WOUND = re.compile(
    r"\b(?:in|to|into|through)\s+(?:the|his|her|their|its|a)\s+(?:(?:left|right|upper|lower)\s+)?"
    rf"({_PARTS})\b|\b({_PARTS})\s+(?:wound|injur)",
    re.I,
)
# an ordinal and the word after it: "a third person", "the 2nd shooting", "first-degree"
_ORDINAL = re.compile(
    r"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh"
    r"|twelfth|\d*(?:1st|2nd|3rd|[04-9]th|1[1-3]th))[\s-]+([a-z]+)",
    re.I,
)


# the steps a criminal case goes through, as lemma keys ("was charged", "pleaded")
STAGE_KEYS = frozenset(KeyKind.LEMMA.key(verb) for verb in word_set("legal_stages"))
_IRREGULAR = {"hold": "held", "plead": "pled"}
# a step's past form ("arrested", "sentenced", "held"): a verb, where the bare word or its
# plural may well be a noun ("an arrest", "other charges")
_STEP_FORMS = {
    form: KeyKind.LEMMA.key(verb)
    for verb in word_set("legal_stages")
    for form in (verb + ("d" if verb.endswith("e") else "ed"), _IRREGULAR.get(verb, ""))
    if form
}
# a charge told by its noun as the charge itself: "arrested on a manslaughter charge",
# "faces charges" (not "pleaded guilty to other charges")
_ON_CHARGE = re.compile(r"\b(?:on|fac(?:e|es|ed|ing))\s+(?:[\w-]+\s+){0,4}?charges?\b")
_CHARGE = KeyKind.LEMMA.key("charge")
# a step told as what may come, not what is or is set: "could be sentenced"
_HEDGED = re.compile(r"\b(?:could|might|may)\s+(?:\w+ly\s+|also\s+|still\s+)?be\s+([a-z]+)")


def steps_told(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The steps of a case a passage writes as verbs, and those it tells as only
    possible."""
    lower = text.lower()
    steps = frozenset(_STEP_FORMS[w] for w in re.findall(r"[a-z]+", lower) if w in _STEP_FORMS)
    if _ON_CHARGE.search(lower):
        steps |= {_CHARGE}
    hedged = frozenset(_STEP_FORMS[w] for w in _HEDGED.findall(lower) if w in _STEP_FORMS)
    return steps, hedged


def _outside(keys: tuple[str, ...], quote: str) -> frozenset[str]:
    """The keys none of whose words the quoted words hold (in some form: "vote",
    "voted"): who said the words, when and where, not what they say."""
    said = set(re.findall(r"[a-z0-9]+", quote.lower()))

    def inside(word: str) -> bool:
        return word in said or any(word + ending in said for ending in ENDINGS)

    return frozenset(key for key in keys if not any(map(inside, re.findall(r"[a-z0-9]+", key[2:]))))


def _role_words(people: PeopleIndex, person_id: str) -> frozenset[str]:
    """The lower-case words of every role the sources give a person."""
    roles = (role for _, role in people.roles[person_id])
    return frozenset(intern(w) for role in roles for w in re.findall(r"[a-z]+", role.lower()))


def _folded(key: str, fold: dict[str, str]) -> str:
    """A key with its words' spelling variants folded (an act's verb and object each)."""
    if not key.startswith(KeyKind.ACT.prefix):
        return fold.get(key, key)
    lemma = KeyKind.LEMMA.prefix
    words = (fold.get(lemma + word, lemma + word)[2:] for word in key[2:].split("|"))
    return KeyKind.ACT.key("|".join(words))


def _words(keys: tuple[str, ...]) -> tuple[str, ...]:
    """Every word of the keys but the subject-verb frames and acts, sorted."""
    frame = (KeyKind.FRAME.prefix, KeyKind.ACT.prefix)
    return tuple(
        sorted(
            {
                intern(word)
                for key in keys
                if not key.startswith(frame)
                for word in key[2:].replace("-", " ").split()
            }
        )
    )


def shared_keys(a: Passage, b: Passage) -> list[str]:
    """The keys both passages have, in order."""
    other = set(b.keys)
    return [key for key in a.keys if key in other]


def synonym_keys(keys: set[str]) -> dict[str, frozenset[str]]:
    """For each lemma key, the other keys of the input that share a WordNet sense with
    it, or name one counted quantity; for each act key, the input's acts on one object by a verb of one sense
    ("decline|offer", "turn_down|offer"). One map for the whole input: per passage it
    would cost more than its keys."""
    lemma, act = KeyKind.LEMMA.prefix, KeyKind.ACT.prefix
    acts = [key[2:].split("|", 1) for key in keys if key.startswith(act)]
    words = {key[2:] for key in keys if key.startswith(lemma)} | {verb for verb, _ in acts}
    found = senses(words)
    by_sense: dict[str, list[str]] = defaultdict(list)
    for word, ids in found.items():
        if (key := lemma + word) in keys:
            for sense in ids:
                by_sense[sense].append(key)
    for word in words:  # "was killed" / "died": what happened to whom, told two ways
        if word in QUANTITY_OF and lemma + word in keys:
            by_sense[QUANTITY_OF[word]].append(lemma + word)
    for verb, thing in acts:
        for sense in found.get(verb, frozenset()):
            by_sense[f"{sense}|{thing}"].append(f"{act}{verb}|{thing}")
    related: dict[str, set[str]] = defaultdict(set)
    for group in by_sense.values():
        if len(group) > 1:  # most senses hold one word of the input: it relates nothing
            for key in group:
                related[key].update(group)
    return {key: frozenset(others - {key}) for key, others in related.items() if len(others) > 1}


def _raw_keys(
    fact: FactCandidate, index: PeopleIndex
) -> tuple[set[str], list[str], str | None, str | None]:
    """(keys, person ids, speaker, subject) of a fact, before spelling variants fold."""
    ids = [pid for name in _own_names(fact.names) if (pid := index.resolve(fact.source, name))]
    resolved, speaker = _speaker(fact, index)
    if resolved and resolved not in ids:
        ids.insert(0, resolved)
    people = list(dict.fromkeys(ids))
    person_words = {
        w.lower() for name in fact.names if index.resolve(fact.source, name) for w in name.split()
    }
    keys = {KeyKind.PERSON.key(pid) for pid in people}
    keys.update(_told_keys(fact, person_words))
    return keys, people, speaker, _subject(fact, people, person_words)


def _own_names(names: list[str]) -> list[str]:
    """The names of a passage but a surname alone that a full name in it ends with: the
    passage's "George T. Conway III … Mr. Conway" is one man, whoever else the story's
    "Conway" may be."""
    surnames = {name_parts(name)[0][-1] for name in names if len(name_parts(name)[0]) > 1}
    return [name for name in names if " " in name.strip() or name not in surnames]


def _speaker(fact: FactCandidate, index: PeopleIndex) -> tuple[str | None, str | None]:
    """(the speaker's person id, the speaker: that id, or an unnamed speaker's phrase).
    A one-word person name that resolves to nobody is no speaker."""
    if fact.speaker is None:
        return None, None
    text = fact.speaker.text
    resolved = index.resolve(fact.source, text) if fact.speaker.is_person else None
    if resolved:
        return resolved, resolved
    if fact.speaker.is_person and " " not in text:
        return None, None
    return None, speaker_phrase(text)


def _told_keys(fact: FactCandidate, person_words: set[str]) -> set[str]:
    """The keys of what a fact tells but its people: dates, named things, frames and
    content words (a person's or a date's words are not counted again as words)."""
    dates = [e[len(DATE_PREFIX) :] for e in fact.entities if e.startswith(DATE_PREFIX)]
    date_words = {w for date in dates for w in date.removeprefix(TELLING).split()}
    keys = {KeyKind.DATE.key(date.removeprefix(TELLING)) for date in dates}
    for entity in fact.entities:
        if not entity.startswith(DATE_PREFIX) and not set(entity.split()) <= person_words:
            # a one-word name is a word like any other ("japan" and "japanese" fold)
            keys.add((KeyKind.ENTITY if " " in entity else KeyKind.LEMMA).key(entity))
    frame, lemma = KeyKind.FRAME.prefix, KeyKind.LEMMA.prefix
    keys.update(frame + text for text in fact.frames)
    keys.update(KeyKind.ACT.key(text) for text in fact.acts)
    keys.update(
        lemma + word for word in fact.lemmas if word not in person_words and word not in date_words
    )
    return keys


def _subject(fact: FactCandidate, people: list[str], person_words: set[str]) -> str | None:
    """The name of the actor of the passage's first subject-verb frame ("hirokazu
    matsuno", "japan"), or None when the subject is not named."""
    if not fact.frames:
        return None
    subject = fact.frames[0].split("|", 1)[0]
    if subject in person_words:
        return next((pid.replace("-", " ") for pid in people if subject in pid.split("-")), None)
    named = [e for e in fact.entities if not e.startswith(DATE_PREFIX)]
    return next((e for e in named if subject in e.split()), None)


def _plural(word: str, name: str) -> bool:
    """The actor's name is a plural: the frame's subject word ("democrats"), or its
    lemma ("democrat") written with an -s in the name."""
    if word.endswith("s") and not word.endswith("ss"):
        return True
    return any(w.startswith(word) and w[len(word) :] in ("s", "es") for w in name.split())


def speaker_phrase(text: str) -> str:
    """An unnamed speaker as a phrase that reads in a sentence ("The embassy")."""
    text = " ".join(text.split())
    return text[:1].upper() + text[1:]


def rank_shingles(quoted: list[tuple[Passage, list[str]]], runs: dict[str, str]) -> None:
    """Each passage's runs of quoted words (their texts, as `runs` holds each once) as
    their ranks in the text order of all of `runs`, sorted; `runs` is emptied. Passages
    compare runs only for equality, and the index orders its keys by text
    (`blocking.candidate_pairs`), which the ranks keep."""
    order = sorted(runs)
    runs.clear()
    rank = {text: number for number, text in enumerate(order)}
    del order
    while quoted:
        item, texts = quoted.pop()
        item.shingles = tuple(sorted(rank[text] for text in texts))


def _spelling_folds(counts: Counter[str], params: MergeParams) -> dict[str, str]:
    """Lemma keys that are spelling variants or derivations of a more frequent one:
    one letter apart in long words (defence/defense, specialised/specialized),
    or one stem with a common English
    ending (protest/protester, Japan/Japanese, Ukraine/Ukrainian)."""
    by_start: dict[str, list[str]] = defaultdict(list)
    for key in counts:
        by_start[key[2 : 2 + params.variant_stem]].append(key)
    fold: dict[str, str] = {}
    for group in by_start.values():
        group.sort(key=lambda k: (-counts[k], len(k), k))
        for i, key in enumerate(group):
            for head in group[: min(i, params.fold_heads)]:
                if head not in fold and _variant(key[2:], head[2:], params):
                    fold[key] = head
                    break
    return fold


def _variant(a: str, b: str, params: MergeParams) -> bool:
    """One word written two ways: one letter apart, or one stem with two endings."""
    if len(a) == len(b):
        return (
            len(a) >= params.variant_letters and sum(x != y for x, y in zip(a, b, strict=True)) == 1
        )
    stem = 0
    while stem < min(len(a), len(b)) and a[stem] == b[stem]:
        stem += 1
    return stem >= params.variant_stem and a[stem:] in ENDINGS and b[stem:] in ENDINGS


def _weigh(items: list[Passage], params: MergeParams) -> None:
    """Weights: the kind's weight times the key's inverse document frequency."""
    df: Counter[str] = Counter()
    for item in items:
        df.update(item.keys)
        df.update({figure_key(f) for f in item.figures})
    count = len(items)

    def idf(key: str) -> float:
        return math.log(1 + count / df[key])

    # one map for all: a key weighs the same in every passage
    by_kind = params.kind_weights()
    act = KeyKind.ACT.prefix
    weights = {k: by_kind[kind] * idf(k) for k in df if (kind := kind_of(k)) in by_kind}
    for item in items:
        item.weights = weights
        item.figure_weights = [
            (params.age_weight if f.counts == "age" or refers_to_one(f) else params.figure_weight)
            * idf(figure_key(f))
            for f in item.figures
        ]
        # an act is evidence when shared, never dilution when not: its words are counted
        item.total = sum(weights[k] for k in item.keys if not k.startswith(act)) + sum(
            item.figure_weights
        )


def figure_key(figure: Figure) -> str:
    """A coarse key (unit, value to one significant digit) that compatible figures share
    ("1.5 million" and "up to 1.6 million" both give "USD:2e+06")."""
    value = figure.value
    rounded = float(f"{value:.0e}") if value else 0.0
    return KeyKind.FIGURE.key(f"{figure.unit or ''}:{rounded:g}")


def measured_key(figure: Figure) -> str:
    """What a sum or a measure is of, whatever its value ("USD:bail"): two rival values of
    one thing must be compared to be found rival."""
    return KeyKind.FIGURE.key(f"{figure.unit}:{figure.counts}")
