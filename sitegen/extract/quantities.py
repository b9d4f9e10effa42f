"""What a story's figures count: killed, injured, arrested, volunteers, votes, money.

A number counts the quantity named by the word that governs it: the verb it is the
subject or object of ("two people were killed", "wounded three others"), or a word
modifying it ("one fatally", "two dead"). A count of one written without a digit ("a
man was killed", "killed one man") is a figure too when such a word governs it, but
not when its noun holds a number or a plural ("a total of 50 people", "a family of
four"). A count marked as added to an earlier one ("two more have since died", "an
additional 69 men", "another three", "four others") is an increment, not the total,
unless the sentence or the one before counts only other quantities before it ("a man
was killed and five more were wounded": five more than the dead, the total of the
wounded) or the count is the rest of a known set ("the 53 others wounded").
Coordinated counts of one quantity are one count, their sum ("two juveniles and eight
adults were wounded": ten wounded); amounts of money are not summed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Span, Token

from sitegen.agreement import MONTHS, WEEKDAYS
from sitegen.extract.lexicon import (
    HUMAN_HEADS,
    KIN_NOUNS,
    PEOPLE_COUNTS,
    QUANTITY_OF,
    SPEECH_VERBS,
)
from sitegen.extract.numbers import LATER_ORDINALS, ORDINAL_DIGITS, parse_number
from sitegen.extract.params import current
from sitegen.extract.syntax import SUBJECTS
from sitegen.extract.view import ents_of, text_of, tokens_of
from sitegen.factbase.model import Figure
from sitegen.wordnet import noun_kinds
from sitegen.words import word_set

INCREMENT_BEFORE = {"another", "additional", "further", "extra", "other"}
INCREMENT_LOOK_BACK = 2  # sentences where the count an increment adds to may be told
_OTHERS = {"others", "other"}  # "four others were shot": beyond a count told before
_ONE = {"a", "an", "one"}
_POSSESSIVES = {"his", "her", "their", "its", "my", "our", "your"}
_COUNTED_ONE = SUBJECTS | {"dobj"}  # "a man was killed", "killed one man"
_MODIFIERS = {"amod", "advmod", "acomp", "oprd", "appos", "npadvmod", "conj", "acl"}
_OUTCOMES = ("killed", "injured")
# "across the city", "throughout the state", "slain nationwide"
OVER_AN_AREA = {"across", "throughout", "nationwide", "statewide", "countywide", "citywide"}
_PERIODS = {"weekend", "week", "month", "year", "summer", "winter", "spring", "holiday"}
_PAST_SPAN = {"past", "last"}  # "in the past 17 months", "over the last week"


def with_quantities(sentence: Span, found: list[Figure]) -> list[Figure]:
    """`found` (the sentence's figures, in order) with their quantity and increment
    flag set, and counts of one the figure reader leaves out added."""
    used: set[int] = set()
    result: list[tuple[Figure, Token | None]] = []
    for figure in found:
        token = _token_of(sentence, figure.text, used)
        if token is None:
            result.append((figure, None))
            continue
        used.add(token.i)
        result.append((_described(figure, token), token))
    for token in tokens_of(sentence):
        if token.i in used:
            continue
        counted = _one_counted(token) if token.lower_ in _ONE else _one_named(token)
        if counted is None or _negated(token):  # the rarer, cheaper test first
            continue
        quantity = quantity_of(token)
        if quantity in ("killed", "injured", "hospitalized", "shot", "arrested"):
            text = (
                token.text if token.lower_ in _ONE else sentence.doc[token.i : counted.i + 1].text
            )
            figure = Figure(value=1, text=text, counts=counted.text.lower())
            result.append((_described(figure, token), token))
    return _coordinations_summed(result)


def of_another_time(sentence: Span, published: str | None) -> bool:
    """The sentence dates what it counts to a year before the article's, or to "last
    year", and to no day of this week ("the worst mass shooting in city history was Aug.
    21, 2015, when two people were killed"; "last year's Pulse nightclub massacre that
    killed 49 people"): another event's count, not the story's."""
    dates = [ent.text.lower() for ent in ents_of(sentence) if ent.label_ == "DATE"]
    if any(word in WEEKDAYS for date in dates for word in re.findall(r"[a-z]+", date)):
        return False  # "killed Sunday, the most since 2015": this week's count too
    year = int(published[:4]) if published and published[:4].isdigit() else None
    for date in dates:
        if _EARLIER.search(date):
            return True
        if year is not None and any(int(y) < year for y in _YEAR.findall(date)):
            return True
    return False


_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_EARLIER = re.compile(r"\blast year\b|\byears? ago\b")


def _negated(token: Token) -> bool:
    """ "No one was injured", "the officer was not hurt": nobody is counted."""
    noun = token.head if token.dep_ in ("det", "poss") else token
    return any(c.lower_ == "no" for c in noun.children) or any(
        c.dep_ == "neg" for c in noun.head.children
    )


def _one_named(token: Token) -> Token | None:
    """The person a definite determiner introduces as the one hurt or killed: "the
    driver" in "shot and wounded the driver", "her son" in "her son was also wounded"
    (one person, singular and human; not "the victims", not "the car")."""
    definite = (token.dep_ == "det" and token.lower_ == "the") or (
        token.dep_ == "poss" and token.lower_ in _POSSESSIVES
    )
    if not definite:  # most words: no need to make the head's token
        return None
    noun = token.head
    singular = noun.lemma_.lower() == noun.lower_  # "drivers" has the lemma "driver"
    human = noun.lower_ in HUMAN_HEADS
    return noun if singular and human and noun.dep_ in _COUNTED_ONE else None


def _coordinations_summed(counted: list[tuple[Figure, Token | None]]) -> list[Figure]:
    """Counts of one quantity whose nouns are coordinated ("two juveniles and eight
    adults were wounded", "a baby and a man were killed") as one count: their sum."""
    result: list[Figure] = []
    done: set[int] = set()
    for i, (figure, token) in enumerate(counted):
        if i in done:
            continue
        if token is None or not figure.quantity or figure.unit:
            result.append(figure)  # amounts are not summed: "up to $30,000 in fines on
            continue  # one charge and $20,000 on another" are two maximums
        members = [i, *_coordinated_with(i, token, counted)]
        done.update(members)
        group = [counted[j] for j in members]
        if len(group) > 1:
            result.append(_summed(figure, group))
        elif figure.value != 1 or not _with_uncounted_many(token):
            result.append(_with_a_person_before(_with_bare_conjuncts(figure, token), token))
    return result


def _with_uncounted_many(token: Token) -> bool:
    """A count coordinated with people in a number it does not give ("The suspect and
    both victims were confirmed dead"): the one is part of a total the sentence leaves
    unsaid, no count of its own."""
    noun = _noun(token)
    return noun is not token and any(
        c.tag_ in ("NNS", "NNPS") and not any(g.dep_ == "nummod" for g in c.children)
        for c in noun.conjuncts
    )


def _with_bare_conjuncts(figure: Figure, token: Token) -> Figure:
    """A count of one by an article whose noun is coordinated with people of no count of
    their own ("A father and mother have been arrested", "a man and his son were
    killed"): one for each."""
    noun = _noun(token)
    if token.lower_ not in ("a", "an") or noun is token:
        return figure
    bare = [
        c
        for c in noun.conjuncts
        if c.i > noun.i
        and c.lower_ in HUMAN_HEADS
        and not any(g.dep_ in _OWN_COUNT for g in c.children)
    ]
    if not bare:
        return figure
    text = token.doc[token.i : bare[-1].i + 1].text
    return replace(figure, value=1 + len(bare), text=text, counts=None)


_OWN_COUNT = {"det", "nummod"}  # "a man and a woman": each counted, then summed


def _with_a_person_before(figure: Figure, token: Token) -> Figure:
    """A count joined to one person told by a pronoun before it ("she and 7 family
    members fatally shot", "he and two others were arrested"): one more."""
    noun = _noun(token)
    person = noun.head
    if (
        noun is token
        or noun.dep_ != "conj"
        or person.lower_ not in _ONE_PERSON
        or person.dep_ not in SUBJECTS
    ):
        return figure
    text = token.doc[person.i : noun.i + 1].text
    return replace(figure, value=figure.value + 1, text=text, counts=None)


_ONE_PERSON = {"he", "she"}  # pronouns a subject names one person by


def _coordinated_with(
    i: int, token: Token, counted: list[tuple[Figure, Token | None]]
) -> list[int]:
    """The later counts of count i's quantity (its number `token`) whose nouns are
    coordinated with its noun (by the parse, or by an "and" between the two phrases)."""
    figure, noun = counted[i][0], _noun(token)
    return [
        j
        for j, (other, t) in enumerate(counted)
        if j > i
        and t is not None
        and other.quantity == figure.quantity
        and (other.increment == figure.increment or _one_more(t) or _one_more(token))
        and (
            _noun(t) in noun.conjuncts
            or _joined_by_and(noun, _noun(t))
            or _counted_in_joined_clauses(token, t, figure.quantity)
        )
    ]


def _after_its_clause(noun: Token, other: Token) -> bool:
    """The second noun follows a clause of the first, whose object it may as well join
    ("killed a woman who barricaded herself and a child": one woman killed)."""
    return any(
        c.dep_ in ("relcl", "acl") and noun.i < c.i and c.right_edge.i < other.i
        for c in noun.children
    )


def _joined_by_and(a: Token, b: Token) -> bool:
    """Two counted nouns written as one phrase, "a girl and two men", that the parser did
    not coordinate ("left a girl and two men wounded" is often parsed as two clauses)."""
    first, second = sorted((a, b), key=lambda token: token.i)
    doc = first.doc
    return (
        first.i + 2 < len(doc)
        and doc[first.i + 1].lower_ == "and"
        and second.left_edge.i == first.i + 2
    )


def _counted_in_joined_clauses(first: Token, second: Token, quantity: str | None) -> bool:
    """Two counts, one a number, each the subject of one of two joined clauses whose
    verbs both tell the outcome: "Three boys were wounded and a girl was critically
    injured" (four injured); not "three were wounded and one of them critically" (a
    part of the three), "the man was shot to death and the girl was wounded" (people
    named before, not counted), nor "six children were home and one girl was hurt"."""
    a, b = _noun(first), _noun(second)
    return (
        (first.like_num or second.like_num)
        and all(t.like_num or t.lower_ in _ONE for t in (first, second))
        and a.dep_ in SUBJECTS
        and b.dep_ in SUBJECTS
        and b.head in a.head.conjuncts
        and QUANTITY_OF.get(a.head.lemma_.lower())
        == QUANTITY_OF.get(b.head.lemma_.lower())
        == quantity
        and not (_part_of_them(a) or _part_of_them(b))
    )


def _summed(figure: Figure, group: list[tuple[Figure, Token | None]]) -> Figure:
    """One count for a group: the sum of its values, the text from its first number to
    its last noun."""
    tokens = sorted((t for _, t in group if t is not None), key=lambda t: t.i)
    doc = tokens[0].doc
    last = max(_noun(t).i for t in tokens)
    return replace(
        figure,
        value=sum(f.value for f, _ in group),
        increment=any(f.increment for f, _ in group),  # "a second man and two women"
        text=doc[tokens[0].i : last + 1].text,
        counts=None,
    )


def _noun(number: Token) -> Token:
    return number.head if number.dep_ in ("nummod", "det") else number


def quantity_of(number: Token) -> str | None:
    """The quantity a number token counts, from the words that govern or modify it."""
    noun = number.head if number.dep_ == "nummod" else number
    if noun is not number and noun.lemma_.lower() == "time":
        return None  # "shot five times": how often, not how many people
    if _animals(_noun(number)):
        return None  # "injuring one of the family dogs", "a dog was also found dead": no
        # casualty of the story
    if _over_an_area_or_a_period(noun):
        return None  # "20 people wounded across the city": a tally, not the story's count
    named = _named_by_a_modifier(number, noun)
    if named in PEOPLE_COUNTS and noun is not number and _a_thing(noun):
        return None  # "two fatal shootings in the past few weeks": acts, not the dead
    if named is not None:
        return named
    if _first_told(number):
        return None  # "Originally, reports said that eight teens were injured"
    if _how_badly(number):
        return None  # "five other people wounded, one critically": one of the five
    if _the_set_of_a_part(noun):
        return None  # "One of five people shot … has died": the one died, not the five
    counted = _noun(number)
    if not _counted_alone(counted, noun):
        return None
    quantity = _governing_quantity(noun)
    if quantity is None and counted is not noun:
        quantity = _state_of_one(counted)
    if quantity in PEOPLE_COUNTS and _a_thing(_of_what(counted)):
        return None  # "took out a gun and shot at them", "died a short time later", "Six
        # of those incidents were fatal"
    return quantity


def _counted_alone(counted: Token, noun: Token) -> bool:
    """The counted noun's place in its phrase lets the count stand for a quantity of its
    own: not a part, a detail, a possessor or a doer of something else."""
    if counted.dep_ == "poss" and counted.pos_ == "NOUN" and counted.head.tag_ == "NN":
        return False  # "found the 911 caller's father dead": one father, not 911 (not so
        # "three sheriff's deputies", where the parser hangs the number on "sheriff")
    if counted.dep_ == "conj" and _after_its_clause(counted.head, counted):
        return False  # "killed a woman who barricaded herself and a child": whose object?
    if noun.dep_ == "appos" or (noun.dep_ == "conj" and noun.head.dep_ == "appos"):
        return False  # "four victims -- two men and two women": a breakdown, not a count
    if noun.dep_ == "pobj" and (noun.head.text.lower() != "of" or _kin_of(noun.head)):
        return False  # "from 52 countries": a detail of what is counted, not the count;
        # "father of five": his children
    return not _doer(counted)  # "two gunmen killed three people": the killers, not the dead


def _named_by_a_modifier(number: Token, noun: Token) -> str | None:
    """The quantity a word modifying the count names ("one fatally", "two dead"; "the
    three men shot and killed": the outcome)."""
    for token in (number, noun):
        for child in token.children:
            if (
                child.dep_ in _MODIFIERS
                and child.lemma_.lower() in QUANTITY_OF
                and not _of_the_set(child, token)
            ):
                return _named_by(child)
    return None


def _named_by(word: Token) -> str:
    """The quantity a word names; for "shot", what came of the shooting when the words
    say ("shot to death", "fatally shot")."""
    named = QUANTITY_OF[word.lemma_.lower()]
    return (_outcome(word) or named) if named == "shot" else named


def _state_of_one(noun: Token) -> str | None:
    """What an adjective or participle says befell the one person an article introduces,
    when no verb above says it: "left a woman critically injured", "found a girl dead",
    "the slain man" (not "a fatal shot": gunfire is no one; not "the four injured
    people": a count of its own; not "the suspect in the shooting", nor "the mother of
    the woman killed")."""
    if noun.tag_ != "NN" or noun.lemma_.lower() in _GUNFIRE:
        return None
    return next(
        (
            _named_by(c)
            for c in noun.children
            if c.dep_ in ("amod", "acl")
            and c.pos_ in ("ADJ", "VERB")
            and c.tag_ != "VBG"
            and c.lemma_.lower() in QUANTITY_OF
            and not _of_the_set(c, noun)
        ),
        None,
    )


def _of_what(noun: Token) -> Token:
    """What a number standing alone counts ("six of those incidents": incidents), else
    the noun itself."""
    if noun.pos_ != "NUM":
        return noun
    return next(
        (
            pobj
            for prep in noun.children
            if prep.dep_ == "prep" and prep.lower_ == "of"
            for pobj in prep.children
            if pobj.dep_ == "pobj"
        ),
        noun,
    )


def _kin_of(of: Token) -> bool:
    """ "Father of 5 killed", "a mother of three": "of" tells whose kin is counted."""
    return of.head.lemma_.lower() in KIN_NOUNS or of.head.lower_ in KIN_NOUNS


def _of_the_set(modifier: Token, part: Token) -> bool:
    """A participle after "of …" that the parser hung on the part: it tells the set
    ("One of five people hurt in a shooting … has died": the five were hurt, the one
    died)."""
    return modifier.dep_ == "acl" and any(
        c.dep_ == "prep" and c.lower_ == "of" and c.i < modifier.i for c in part.children
    )


# what WordNet files the senses of nouns that can name people under
_PEOPLE_KINDS = {"noun.person", "noun.group", "noun.animal"}


def _a_thing(noun: Token) -> bool:
    """A noun whose common senses name no person ("gun", "time", "round"); an age
    ("a 22-year-old"), a word for people ("person", filed by WordNet among its top
    words with "time") or a word WordNet does not know may well be one."""
    if noun.pos_ != "NOUN" or _aged(noun) or noun.lemma_.lower() in HUMAN_HEADS:
        return False
    kinds = noun_kinds(noun.lemma_.lower())
    return bool(kinds) and kinds.isdisjoint(_PEOPLE_KINDS)


def _animals(noun: Token) -> bool:
    """The counted noun, or what "one of" counts, names animals."""
    held = [
        pobj
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]
    return any(word.lemma_.lower() in ANIMAL_NOUNS for word in (noun, *held))


ANIMAL_NOUNS = word_set("animal_nouns")


def _over_an_area_or_a_period(noun: Token) -> bool:
    """The clause of the count totals a whole area or a span of time ("35 people have
    been shot across the city", "eight children have been shot in the past 17
    months"): a tally of many events, of which the story's is one."""
    verb = next((t for t in noun.ancestors if t.pos_ in ("VERB", "AUX")), None)
    described = [c for c in noun.children if c.dep_ == "acl"]  # "four girls shot in …"
    governing = [v for v in (verb, *described) if v is not None]  # a headline has no verb
    if not governing:
        return False
    if verb is not None and (_of_a_period(noun) or _told_of_many_acts(verb)):
        return True
    if any(_a_rate_or_a_season(v) for v in governing):
        return True
    if any(c.dep_ == "advmod" and c.lower_ in OVER_AN_AREA for v in governing for c in v.children):
        return True
    for prep in (c for v in governing for c in v.children if c.dep_ == "prep"):
        if (
            prep.lower_ in OVER_AN_AREA
            or _since_a_month_or_year(prep)
            or _in_a_whole_year(prep)
            or _of_many_acts(prep)
        ):
            return True
        spans = (o for o in prep.children if o.dep_ == "pobj")
        if any(m.lower_ in _PAST_SPAN for o in spans for m in o.children if m.dep_ == "amod"):
            return True
    return False


def _of_many_acts(prep: Token) -> bool:
    """ "at least 10 others were injured in 12 shootings", "in several shootings": the
    count sums many acts (three or more, or an unsaid many), a tally; "in two attacks"
    or "in the shootings" may be the story's own; "died of multiple gunshot wounds" counts
    wounds, each one person's."""
    return any(_many_acts(act) for act in prep.children if act.dep_ == "pobj")


def _told_of_many_acts(verb: Token) -> bool:
    """The count's clause describes many acts ("four separate shootings that left two
    men dead and injured seven others")."""
    while verb.dep_ == "conj" and verb.head != verb:
        verb = verb.head
    return verb.dep_ == "relcl" and _many_acts(verb.head)


def _many_acts(act: Token) -> bool:
    """A noun of acts, three or more or an unsaid many ("12 shootings", "several
    attacks"); not "in two separate shootings", where the number says how many."""
    if QUANTITY_OF.get(act.lemma_.lower()) == "injured":
        return False
    numbers = [c for c in act.children if c.dep_ == "nummod" and c.ent_type_ != "DATE"]
    if numbers:  # not "a 2014 shooting": a year
        many = any((parse_number(n.text) or 0) >= _MANY_ACTS for n in numbers)
    else:
        many = any(c.lower_ in UNSAID_MANY for c in act.children if c.dep_ in ("amod", "det"))
    return many and bool(noun_kinds(act.lemma_.lower()) & _ACTS)


_MANY_ACTS = 3
UNSAID_MANY = {"several", "multiple", "numerous", "many", "separate"}
_ACTS = {"noun.act", "noun.event"}  # WordNet's files of "shooting", "attack", "incident"


def _since_a_month_or_year(prep: Token) -> bool:
    """ "Since early October, eight people have died", "since 2013": the count of a
    span of months, not of the story's act ("have died since Friday's shooting" is)."""
    if prep.lower_ != "since":
        return False
    words = [t for o in prep.children if o.dep_ == "pobj" for t in o.subtree]
    return any(t.lower_ in MONTHS or _A_YEAR.fullmatch(t.text) for t in words)


_A_YEAR = re.compile(r"(?:1[89]|20)\d\d")


def _in_a_whole_year(prep: Token) -> bool:
    """ "34 officers had died from shootings in 2016": a year's tally; not "in July
    2016", nor "in a 2014 shooting" (what follows the year, ", a 79% increase …", is no
    part of it)."""
    return prep.lower_ == "in" and any(
        o.dep_ == "pobj" and _A_YEAR.fullmatch(o.text) and not any(c.i < o.i for c in o.children)
        for o in prep.children
    )


def _first_told(number: Token) -> bool:
    """The count is what a telling first said ("Originally, reports said that eight
    teens were injured", "Police initially said …"): a count since revised, not the
    story's."""
    return any(
        t.lemma_.lower() in SPEECH_VERBS
        and any(c.dep_ == "advmod" and c.lower_ in _AT_FIRST for c in t.children)
        for t in number.ancestors
    )


_AT_FIRST = {"originally", "initially"}


def _how_badly(number: Token) -> bool:
    """A number set after the verb with an adverb ("were wounded, one critically", "two
    seriously") tells how badly some of the counted fared: a part, no count of its own
    (unless its adverb names an outcome, "one fatally", read before)."""
    return (
        number.dep_ == "npadvmod"
        and number.head.pos_ == "VERB"
        and any(c.dep_ == "advmod" for c in number.children)
    )


def _the_set_of_a_part(noun: Token) -> bool:
    """The counted noun is the set a part is taken from ("one of five people", "two of
    the three victims"): what the sentence says happened is the part's."""
    of = noun.head
    return noun.dep_ == "pobj" and of.lower_ == "of" and of.head.pos_ == "NUM"


def _a_rate_or_a_season(verb: Token) -> bool:
    """The act is dated by a rate or a whole season ("one child has been shot every
    week", "at least four girls shot in Chicago this summer", "… last year"): a tally.
    A week or a weekend with "this" may well be the story's own ("two people were shot
    this weekend")."""
    for child in verb.children:
        if child.dep_ != "npadvmod" or child.lemma_.lower() not in _PERIODS:
            continue
        words = {c.lower_ for c in child.children if c.dep_ in ("det", "amod")}
        if words & _EVERY or (child.lemma_.lower() in _SEASONS and words & _THIS_OR_LAST):
            return True
    return False


_EVERY = {"every", "each", "per"}
_SEASONS = {"month", "year", "summer", "winter", "spring"}  # of _PERIODS: longer than a week
_THIS_OR_LAST = {"this", "last"}


def _of_a_period(noun: Token) -> bool:
    """The count is told in a relative clause of a span of time ("a bloody weekend in
    Detroit that left seven people dead", "a week that saw 12 people shot"): that
    span's tally. The parser may hang the clause on a word before the span's noun."""
    clause = next((t for t in noun.ancestors if t.dep_ == "relcl"), None)
    if clause is None:
        return False
    before = clause.doc[clause.head.i : clause.left_edge.i]
    return any(t.pos_ == "NOUN" and t.lemma_.lower() in _PERIODS for t in before)


def _doer(noun: Token) -> bool:
    """The subject of a verb that has an object, itself or a verb joined to it, does
    the act ("more than one shooter hurt 15 people", "an officer shot and wounded the
    driver"): what the verb counts is its object. So does the subject of the act in
    its "-ing" form ("at least five people were shooting during the gunfight")."""
    if noun.dep_ != "nsubj":
        return False
    if noun.head.tag_ == "VBG" and noun.head.lemma_.lower() in QUANTITY_OF:
        return True
    verbs = [noun.head, *(c for c in noun.head.children if c.dep_ == "conj")]
    return any(c.dep_ == "dobj" for verb in verbs for c in verb.children)


def _governing_quantity(noun: Token) -> str | None:
    """The quantity named by a word the counted noun hangs on, climbing up to the first
    verb: "two people were killed", "left two dead"."""
    state = _state_after(noun)
    if state is not None:
        return state
    token = noun
    for _ in range(current().governor_climb):
        if token.head == token:
            break
        below, token = token, token.head
        quantity = (
            QUANTITY_OF.get(token.lemma_.lower())
            or _struck_by_gunfire(token, below)
            or _recovering(token, below)
        )
        if quantity is not None and (_only_attempted(token) or _only_supposed(token)):
            return None  # "while trying to arrest a robbery suspect": no one arrested
        if quantity == "shot":  # "shot and killed": the outcome is counted
            return _outcome(token) or quantity
        if quantity is not None:
            return quantity
        for child in token.children:
            if (
                child.dep_ in ("oprd", "acomp", "conj")
                or _complement(child, noun)
                or _found_in_a_state(child)
            ) and child.lemma_.lower() in QUANTITY_OF:
                if child.dep_ == "conj" and (
                    any(g.dep_ == "dobj" or _part_of_them(g) for g in child.children)
                    or _a_clause_apart(below, child)
                ):
                    continue  # "returned three rounds and killed her": her, not the rounds;
                    # "Four people were hit by gunfire and three of them died": the three
                return _named_by(child)
        if _an_aside(token, below):
            continue  # "Five people, believed to be related, were killed": the aside's
            # verb took the subject of the clause it sits in
        if token.pos_ == "VERB" or _clause_of_its_own(token):
            break  # the verb that governs it counts nothing: not a higher one ("Two
            # people were killed and four others were in the hospital": not killed)
    return None


def _an_aside(verb: Token, subject: Token) -> bool:
    """A verb set off by commas right after its subject, whose head clause has no
    subject of its own: an aside the parser gave the main clause's subject."""
    doc = verb.doc
    return (
        verb.dep_ == "advcl"
        and subject.dep_ in SUBJECTS
        and subject.i + 1 < verb.i
        and doc[subject.i + 1].text == ","
        and any(t.text == "," for t in doc[verb.i + 1 : verb.head.i])
        and verb.head.i > verb.i
        and not any(c.dep_ in SUBJECTS for c in verb.head.children)
    )


def _a_clause_apart(counted: Token, joined: Token) -> bool:
    """A joined verb with a subject of its own, away from the counted object, tells
    another clause ("identified two suspects in a shooting … and 16 injured": the 16);
    right after the object's words it is the parse splitting one object ("left a girl
    and two men wounded")."""
    if counted.dep_ != "dobj":
        return False
    subject = next((g for g in joined.children if g.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.left_edge.i > counted.right_edge.i + _AND_ONLY


_AND_ONLY = 2  # the noun's last word, "and", then the next subject's first word


def _recovering(verb: Token, below: Token) -> str | None:
    """ "Two died and two others are recovering": the people recovering are hurt (not
    "police recovered two guns", "21 shells were recovered", nor "recovered the
    bodies of two people")."""
    recovers = verb.lemma_.lower() == "recover" and below.dep_ == "nsubj"
    return "injured" if recovers and not any(c.dep_ == "dobj" for c in verb.children) else None


def _struck_by_gunfire(verb: Token, below: Token) -> str | None:
    """ "Four people were hit by gunfire", "grazed by a bullet", "Gunfire struck two
    men", "fired several shots, striking three people", "opened fire and hit two
    bystanders": shot. What the verb strikes is its object, so "Three bullets struck the
    car" counts no one shot, and "The driver hit two vehicles" nothing."""
    if verb.lemma_.lower() not in _STRUCK:
        return None
    agents = (o for c in verb.children if c.dep_ == "agent" for o in c.children)
    if any(o.lemma_.lower() in _GUNFIRE for o in agents):
        return "shot"
    if below.dep_ != "dobj":
        return None
    subjects = (c for c in verb.children if c.dep_ in SUBJECTS)
    by_gunfire = any(s.lemma_.lower() in _GUNFIRE for s in subjects)
    return "shot" if by_gunfire or _what_firing_did(verb) else None


def _what_firing_did(verb: Token) -> bool:
    """The verb is the "-ing" clause or the joined verb of a firing ("fired into the
    crowd, hitting four people"; "opened fire and hit two bystanders")."""
    if verb.dep_ not in ("advcl", "conj"):
        return False
    firing = verb.head
    return firing.lemma_.lower() in _FIRING or any(
        c.dep_ == "dobj" and c.lemma_.lower() in _GUNFIRE | {"fire"} for c in firing.children
    )


_STRUCK = {"hit", "strike", "graze"}
_GUNFIRE = {"gunfire", "bullet", "gunshot", "round", "shot"}
_FIRING = {"fire", "shoot"}


def _clause_of_its_own(token: Token) -> bool:
    """A "be" with its own subject heads a clause: what a verb it is joined to counts
    is not its subject's."""
    return (
        token.pos_ == "AUX"
        and token.dep_ not in ("aux", "auxpass")
        and any(c.dep_ in SUBJECTS for c in token.children)
    )


def _part_of_them(subject: Token) -> bool:
    """A subject counting part of a set told before ("three of them", "two of those
    victims"): what it does is the part's, not the whole set's."""
    return subject.dep_ in SUBJECTS and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in subject.children
    )


def _state_after(noun: Token) -> str | None:
    """The quantity of a participle right after an object that the parser hung on a
    higher verb ("Two people were killed in a shooting that left three men wounded":
    "wounded" on "killed"): the object's state."""
    if noun.dep_ != "dobj" or noun.i + 1 >= noun.sent.end:
        return None
    word = noun.doc[noun.i + 1]
    if word.dep_ == "advcl" and word.tag_ == "VBN" and word.head != noun.head:
        return QUANTITY_OF.get(word.lemma_.lower())
    return None


def _only_attempted(verb: Token) -> bool:
    """The act is what someone tried, meant or failed to do ("trying to arrest",
    "attempted to kill"), not what happened."""
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _ATTEMPTS


# verbs whose infinitive complement did not (or not yet) happen
_ATTEMPTS = {"try", "attempt", "seek", "plan", "want", "intend", "hope", "fail", "threaten"}


def _only_supposed(verb: Token) -> bool:
    """The act is a condition or a question, not what happened ("if a more liberal
    justice dies", "unless someone is hurt")."""
    return any(c.dep_ == "mark" and c.lower_ in _SUPPOSING for c in verb.children)


_SUPPOSING = {"if", "unless"}


def _found_in_a_state(word: Token) -> bool:
    """A participle complement with no subject of its own: the state the counted people
    were found or reported in ("four people were found shot to death", "were found
    fatally shot", "were reported killed")."""
    return (
        word.dep_ in ("xcomp", "ccomp")
        and word.tag_ == "VBN"
        and not any(c.dep_ in SUBJECTS for c in word.children)
    )


def _complement(word: Token, noun: Token) -> bool:
    """A participle right after the counted noun that the parser hung on the verb as an
    adverbial clause: the noun's state ("left eight people wounded")."""
    return word.dep_ == "advcl" and word.tag_ == "VBN" and word.i == noun.i + 1


def _outcome(shot: Token) -> str | None:
    """What came of a shooting, joined to "shot": "shot and killed", "was shot dead",
    "shot his brother, killing him", "shot to death", "the two men shot who were
    killed"."""
    if any(_to_death(c) for c in shot.children):
        return "killed"
    outcomes = [
        QUANTITY_OF.get(c.lemma_.lower())
        for c in shot.children
        if (
            (c.dep_ in ("conj", "xcomp", "advmod", "oprd", "acomp") or _resulting(c))
            and not any(g.dep_ in SUBJECTS for g in c.children)
            and not (
                c.dep_ == "conj" and (c.pos_ == "NOUN" or any(g.dep_ == "dobj" for g in c.children))
            )
        )
        or _of_the_same_people(c)
    ]  # not "four men were shot and two of them died", "shot two people and killed a
    # third": the dead are counted apart; nor a noun the parser joined to "shot" ("Three
    # … were shot in the head and the fourth suffered multiple gunshot wounds")
    return next((q for q in outcomes if q in _OUTCOMES), None)


def _to_death(preposition: Token) -> bool:
    """ "shot to death": the phrase tells the shooting's end."""
    return (
        preposition.dep_ == "prep"
        and preposition.lower_ == "to"
        and any(g.dep_ == "pobj" and g.lower_ == "death" for g in preposition.children)
    )


def _of_the_same_people(clause: Token) -> bool:
    """A clause whose subject is a relative pronoun ("the two men shot who were
    killed") tells more of the people shot, whatever the parser hung it on."""
    return clause.dep_ in ("relcl", "ccomp") and any(
        g.dep_ in SUBJECTS and g.lower_ in _RELATIVES for g in clause.children
    )


_RELATIVES = {"who", "that", "which"}


def _resulting(clause: Token) -> bool:
    """A participle clause telling what came of the act: "…, killing him"."""
    return clause.dep_ == "advcl" and clause.lower_.endswith("ing")


def is_increment(number: Token, quantity: str | None) -> bool:
    """A count added to an earlier one of the same quantity ("two more", "another three",
    "an additional 69", "have since died", "a fourth victim"; not "paid $43 million
    since 2007")."""
    if _one_more(number):
        return True
    doc = number.doc
    after = doc[number.i + 1].lower_ if number.i + 1 < len(doc) else ""
    window = {t.lower_ for t in doc[max(number.i - current().increment_reach, 0) : number.i]}
    head = number.head if number.dep_ == "nummod" else number
    others = after in _OTHERS or head.lower_ in _OTHERS or "other" in window
    marked = (
        (after == "more" and not _degree(doc[number.i + 1]))
        or bool(window & (INCREMENT_BEFORE - _OTHERS))
        or any(c.lower_ == "since" and not list(c.children) for c in head.head.children)
        or (others and not (quantity and _the_others(head)))
    )
    if not marked:
        return False
    sentence = number.sent
    # the count's own verb tells no count before it: "The gunfire injured another four";
    # a conjunct's head is the verb of the clause before ("A student was killed and five
    # other people injured": five more than the dead)
    own_verb = head.head if head.dep_ != "conj" else None
    told = _quantities_told(t for t in doc[sentence.start : number.i] if t != own_verb)
    if told:  # "a man was killed and five more were wounded": five more than the dead
        return told <= {quantity}
    # "49 people were killed. Another 53 were wounded.": 53 more than the dead; "… to
    # kill two customers. Two other men were wounded. He then killed two more men."
    start = sentence.start
    for step in range(INCREMENT_LOOK_BACK):
        if start == 0:
            return step == 0
        before = doc[start - 1].sent
        told = _quantities_told(before)
        if quantity in told or (step == 0 and not told):
            return True
        start = before.start
    return False


def _one_more(article: Token) -> bool:
    """ "a fourth victim walked into the hospital": the ordinal says others were counted
    before; the passage adds one to their count, it does not total the story."""
    return (
        article.dep_ == "det"
        and article.lower_ in ("a", "an")
        and any(
            c.dep_ == "amod"
            and (c.lower_ in LATER_ORDINALS or ORDINAL_DIGITS.fullmatch(c.text) is not None)
            for c in article.head.children
        )
    )


def _degree(more: Token) -> bool:
    """ "a more liberal justice": "more" grades a word after it; it adds no one."""
    return more.dep_ == "advmod" and more.head.pos_ in ("ADJ", "ADV")


def _quantities_told(words: Iterable[Token]) -> set[str]:
    """The quantities some words tell of: "working a double homicide" tells the dead,
    so "Two other people were shot and wounded" after it are all the wounded."""
    return {
        q
        for t in words
        if (q := QUANTITY_OF.get(t.lemma_.lower()) or _KILLINGS.get(t.lower_)) is not None
    }


_KILLINGS = {"homicide": "killed", "homicides": "killed"}  # a count's act, not its noun


def _the_others(noun: Token) -> bool:
    """ "the 53 others wounded": all the rest of a known set that the quantity names, not
    a count added to an earlier one of it. "the other four victims were wounded" stays
    an increment: it splits a total told before into parts, a fact of its own."""
    return noun.lower_ == "others" and any(
        c.dep_ == "det" and c.lower_ == "the" for c in noun.children
    )


def _described(figure: Figure, token: Token) -> Figure:
    """The figure with the quantity its number counts, and whether it is an increment."""
    if figure.unit and not figure.unit.isupper():
        return figure  # an age, a share, a distance: no count of a quantity
    quantity = "money" if figure.unit else quantity_of(token)  # a currency code: money
    if quantity is None:  # a count of a noun ("an additional 69 men") can still be added
        return replace(figure, increment=not figure.unit and is_increment(token, None))
    return replace(figure, quantity=quantity, increment=is_increment(token, quantity))


def _one_counted(token: Token) -> Token | None:
    """The noun "a"/"one" counts when it stands for one counted thing: "a man was
    killed", "killed one man", "one was wounded"."""
    noun = token.head
    counted_noun = (
        noun.dep_ in _COUNTED_ONE
        or (noun.dep_ == "conj" and noun.head.dep_ in _COUNTED_ONE)  # "a baby and a man"
        or _whose_outcome(noun)
    )
    event = noun.text.lower().endswith("ing") or noun.lemma_.lower() in QUANTITY_OF
    nominal = noun.pos_ == "NOUN" or _aged(noun)
    if token.dep_ == "det" and nominal and counted_noun and not event and not _of_many(noun):
        return noun  # not "a shooting", "a death": an event is no one counted
    if token.text.lower() == "one" and token.dep_ in ("nummod",) and token.head.pos_ == "NOUN":
        return token.head
    if token.text.lower() == "one" and token.dep_ in (*_COUNTED_ONE, "appos", "npadvmod"):
        return token
    return None


def _whose_outcome(noun: Token) -> bool:
    """ "the death of a woman and her two sons", "the killing of a man": the one the
    outcome befell."""
    of = noun.head
    return noun.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_.lower() in QUANTITY_OF


def _of_many(noun: Token) -> bool:
    """ "a total of 50 people", "a family of four", "a group of men": the noun holds a
    number or a plural, so "a" is not a count of one."""
    return any(
        prep.dep_ == "prep"
        and prep.lower_ == "of"
        and any(
            held.dep_ == "pobj"
            and (
                held.like_num
                or held.tag_ in ("NNS", "NNPS")
                or any(c.dep_ == "nummod" for c in held.children)
            )
            for held in prep.children
        )
        for prep in noun.children
    )


def _aged(word: Token) -> bool:
    """ "old" of "an 11-year-old" standing alone for a person: "killed an 11-year-old"."""
    return word.lower_ == "old" and any(c.lemma_.lower() in _SPANS for c in word.children)


_SPANS = {"year", "month", "week", "day"}


def _token_of(sentence: Span, text: str, used: set[int]) -> Token | None:
    """The number token of a figure written as `text` in the sentence: the first place
    it is written that is not read already ("two other men and two women")."""
    whole = text_of(sentence)
    at = whole.find(text)
    while at >= 0:
        span = sentence.char_span(at, at + len(text), alignment_mode="expand")
        if span is not None:
            numbers = [t for t in span if t.like_num and t.i not in used] or [
                t for t in span if t.i not in used
            ]
            if numbers:
                return numbers[-1]
        at = whole.find(text, at + 1)
    return None
