"""The story's figures: for each quantity it counts, what each origin says, with where.

Made from the fact base alone: the figures of claims that carry a `quantity` (killed,
injured, arrested, money, …), each claim's citations grouped by the independent origin
they trace to. Totals of claims in conflict (the merge found them to be rival versions
of one fact, beyond rounding and hedges) are a dispute, unless every source of one
value is dated after every source of the other: then the later value is an update of
the earlier one. Other differing totals count different things ("70 from Japan",
"20,000 from 52 countries") and are listed, not compared. Increments ("two more") are
shown apart and never compared with totals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import combinations

from sitegen.agreement import compatible, introduces_one
from sitegen.extract.numbers import written_forms
from sitegen.factbase.model import Figure
from sitegen.origins import SHARED_LABEL, Lines
from sitegen.render.views import CitationView, ClaimView, SiteViews

ORDER = (
    "killed",
    "injured",
    "hospitalized",
    "shot",
    "arrested",
    "charged",
    "missing",
    "evacuated",
    "volunteers",
    "votes",
    "money",
)
LABELS = {
    "killed": "Killed",
    "injured": "Injured",
    "hospitalized": "Hospitalized",
    "shot": "Shot",
    "arrested": "Arrested",
    "charged": "Charged",
    "missing": "Missing",
    "evacuated": "Evacuated",
    "volunteers": "Volunteers",
    "votes": "Votes",
    "money": "Money",
}


@dataclass(slots=True)
class OriginValue:
    """One independent origin's word for a value: a name when one is known, and the
    passages that carry it."""

    name: str | None
    citations: list[CitationView]


@dataclass(slots=True)
class FigureValue:
    figure: Figure
    claim: ClaimView
    origins: list[OriginValue]
    dates: list[str] = field(default_factory=list)  # of the sources stating it
    conflicts: list[str] = field(default_factory=list)  # ids of the claims it disputes
    updates: list[str] = field(default_factory=list)  # ids of claims revising it or revised
    words: str = ""  # as a passage writes it, through what it counts: "a 27-year-old man"
    in_digits: bool = False  # its number is written in digits ("70 men", not "a 27-year-old")


@dataclass(slots=True)
class QuantityRow:
    quantity: str
    label: str
    totals: list[FigureValue]
    increments: list[FigureValue]
    # "agreed" | "single" (one origin states it) | "disputed" | "updated" | "several"
    # (different things counted)
    status: str
    current: FigureValue | None  # the value agreed on, or the latest update


def figures_table(views: SiteViews) -> list[QuantityRow]:
    lines = Lines.of_sources(view.source for view in views.sources)
    by_quantity: dict[str, list[FigureValue]] = {}
    for claim in views.claims:
        seen: set[tuple[str, float, bool]] = set()
        for figure in claim.claim.figures:
            if not figure.quantity or (figure.quantity, figure.value, figure.increment) in seen:
                continue
            seen.add((figure.quantity, figure.value, figure.increment))
            by_quantity.setdefault(figure.quantity, []).append(_value(figure, claim, lines))
    rows = [_row(quantity, values) for quantity, values in by_quantity.items()]
    return sorted(
        rows, key=lambda r: (ORDER.index(r.quantity) if r.quantity in ORDER else 99, r.quantity)
    )


def _value(figure: Figure, claim: ClaimView, lines: Lines) -> FigureValue:
    """The figure with the origins of the claim's passages that state it: a claim's
    figures are those of all its passages, and a passage giving another count (or none)
    does not state this one."""
    written = writing(figure)
    # "Two other boys were wounded" / "The two wounded victims": both state two; so does
    # "three people wounded" beside "a 10-year-old girl and two men wounded"
    cites = [c for c in claim.citations if written.search(c.citation.quote)] or claim.citations
    groups = lines.groups((c.source.id, c.citation.origin) for c in cites)
    origins = []
    for group in groups:
        named = [
            o for i in group if (o := cites[i].citation.origin) and not o.startswith(SHARED_LABEL)
        ]
        publisher = cites[group[0]].source.publisher
        origins.append(OriginValue(named[0] if named else publisher, [cites[i] for i in group]))
    dates = sorted({c.source.date for c in cites if c.source.date})
    return FigureValue(
        figure,
        claim,
        origins,
        dates,
        list(claim.claim.conflicts),
        list(claim.claim.updates),
        counted_words(figure, [c.citation.quote for c in cites]),
        has_digit(figure.text) and not introduces_one(figure),
    )


def stated_by(view: ClaimView) -> list[list[str] | None]:
    """For each figure of a claim, the origins (labels) whose passages write its value:
    the passages of one claim share its fact, not always all its counts ("A man was
    killed and four other people were hurt" / "One man died at the scene"). None for
    a figure no passage writes as such (a count of one: "a man", "the driver")."""
    found: list[list[str] | None] = []
    for figure in view.claim.figures:
        if not written_forms(figure.value) and not has_digit(figure.text):
            found.append(None)
            continue
        written = writing(figure)
        labels = [
            origin.label
            for origin in view.origins
            if any(
                written.search(cite.citation.quote)
                for cite in view.citations
                if cite.source.id in origin.source_ids
            )
        ]
        found.append(labels or None)
    return found


def writing(figure: Figure) -> re.Pattern[str]:
    """What a passage writing the figure's value holds: its own words, or the value in
    digits or words ("two" for 2, "1,500" for 1500)."""
    forms = [
        _as_written(figure),
        *(rf"(?<![\w,.]){re.escape(f)}(?![\w,]|\.\d)" for f in written_forms(figure.value)),
    ]
    return re.compile("|".join(forms), re.IGNORECASE)


def _as_written(figure: Figure) -> str:
    """A pattern of the figure's own words, whole ("two", not the "two" of "twofold")."""
    return rf"(?<!\w){re.escape(figure.text)}(?!\w)"


def has_digit(text: str) -> bool:
    """A figure written with digits ("70", "$17 million") shows as written; one in
    words only ("a man", "two") shows its value beside the words."""
    return any(ch.isdigit() for ch in text)


COUNTED_REACH = 3  # words between a figure and the noun it counts ("two other young men")
# a determiner opens another noun phrase: "a car hit the man" does not count a man
DETERMINERS = "a|an|the|this|that|these|those|his|her|its|their|our|my|your|another"
CURRENCY_SIGNS = "[$£€¥₹]"  # written before an amount: "$2.70"


def counted_words(figure: Figure, quotes: list[str]) -> str:
    """The figure's words through the noun it counts, verbatim from the first passage
    writing them so: "a" alone tells a reader nothing, "a 27-year-old man" does, nor
    does "2.70" where the passage writes "$2.70". Just the figure's own words when no
    passage has them, or when a passage writes two such phrases and either could be
    this figure's."""
    written = rf"(?:{CURRENCY_SIGNS}\s?)?{_as_written(figure)}"
    shapes = [written]
    if figure.counts:
        word = rf"\W+(?!(?:{DETERMINERS})(?!\w))[\w'’-]+"
        counted = rf"(?:{word}){{0,{COUNTED_REACH}}}?\W+{re.escape(figure.counts)}(?!\w)"
        shapes.insert(0, written + counted)
    for shape in shapes:
        pattern = re.compile(shape, re.IGNORECASE)
        for quote in quotes:
            found = {match.group() for match in pattern.finditer(quote)}
            if len(found) == 1:
                return found.pop()
            if found:  # "a 2-year-old … and a 15-month-old": which is this one's?
                return figure.text
    return figure.text


def _row(quantity: str, values: list[FigureValue]) -> QuantityRow:
    values = _same_values_joined(values)
    totals = sorted(
        (v for v in values if not v.figure.increment),
        key=lambda v: (-sum(len(o.citations) for o in v.origins), v.figure.value),
    )
    increments = [v for v in values if v.figure.increment]
    status, current = _status(totals)
    return QuantityRow(
        quantity, LABELS.get(quantity, quantity.title()), totals, increments, status, current
    )


def _status(totals: list[FigureValue]) -> tuple[str, FigureValue | None]:
    """(status, current value) of a quantity's totals (most cited first): disputed
    when rivals disagree, updated when a later report revises, several when the totals
    count different things (the story's own count first), else agreed on the most
    cited, or single when one origin alone states the one value."""
    disputed, several, latest = False, False, None
    for a, b in combinations(totals, 2):
        if compatible(a.figure, b.figure):
            continue
        rivals = b.claim.claim.id in a.conflicts or a.claim.claim.id in b.conflicts
        revised = b.claim.claim.id in a.updates or a.claim.claim.id in b.updates
        later = _later(a, b) if rivals or revised else None
        if later is not None:
            latest = later if latest is None or later.dates[-1] > latest.dates[-1] else latest
        elif rivals:
            disputed = True
        else:
            several = True  # counts the merge found no rivals: often of different
            # things, sometimes outlets that differ (11 / 12 injured); not compared
    if disputed:
        status, current = "disputed", None
    elif latest is not None:
        status, current = "updated", latest
    elif several:
        status, current = "several", _main(totals)
    else:
        status, current = "agreed", totals[0] if totals else None
        if len(totals) == 1 and len(totals[0].origins) == 1:
            status = "single"  # nothing to agree with
    return status, current


def _main(totals: list[FigureValue]) -> FigureValue | None:
    """The story's own count among counts of different things: the value the most
    independent origins state (a story's count is repeated by every outlet, a count
    of another event or of a whole city or year by few), then the one reported first
    (later reports add other events to the story), the most cited, and the one told
    earliest in its article (the lead tells the story's count). A count of one
    written with a determiner comes last: it introduces one person ("a man was
    wounded", "the driver was wounded"), it does not total the story; a count written
    as a total ("all three", "a total of five", "six in all") comes first: it sums the
    people the other counts name ("a 16-year-old and a woman were slain" by a gunman
    later shot, "Paramedics pronounced all three dead")."""
    return min(
        totals,
        key=lambda v: (
            introduces_one(v.figure),
            not _written_as_total(v),
            -_speaking_for(v),
            v.dates[0] if v.dates else "9999",
            -sum(len(o.citations) for o in v.origins),
            min(c.citation.start for o in v.origins for c in o.citations),
        ),
        default=None,
    )


def _speaking_for(value: FigureValue) -> int:
    """How many origins state the value as a count. A count of one gathers every
    passage introducing one person ("his father", "a woman": each victim of the story
    named apart); only those writing the number ("One shooting victim died") speak for
    one as the story's count."""
    if value.figure.value != 1:
        return len(value.origins)
    return sum(
        any(_ONE.search(c.citation.quote) for c in origin.citations) for origin in value.origins
    )


_ONE = re.compile(r"(?<![\w.,-])(?:one|1)(?![\w.,-])", re.IGNORECASE)


def _written_as_total(value: FigureValue) -> bool:
    """Some passage writes the value as a total: "all three", "a total of five", "six
    (people) in all"."""
    figure = _as_written(value.figure)
    total = re.compile(
        rf"(?<!\w)(?:all|a total of)\s+{figure}|{figure}\s+(?:\w+\s+)?in (?:all|total)(?!\w)",
        re.IGNORECASE,
    )
    return any(total.search(c.citation.quote) for o in value.origins for c in o.citations)


def _same_values_joined(values: list[FigureValue]) -> list[FigureValue]:
    """One entry per value: claims stating the same value (several facts may repeat a
    count) show it once, with every origin that states it."""
    joined: dict[tuple[float, str | None, bool], FigureValue] = {}
    for value in values:
        key = (value.figure.value, value.figure.unit, value.figure.increment)
        if key not in joined:
            joined[key] = value
            continue
        if introduces_one(joined[key].figure) and not introduces_one(value.figure):
            joined[key], value = value, joined[key]  # "one fatal" stands for "a child died"
        _join(joined[key], value)
    return list(joined.values())


def _join(kept: FigureValue, value: FigureValue) -> None:
    """`value`'s origins, dates, rivals and updates added to `kept`'s, of one value."""
    named = {o.name for o in kept.origins if o.name}
    for origin in value.origins:
        same = next((o for o in kept.origins if o.name and o.name == origin.name), None)
        if same is not None:
            same.citations.extend(origin.citations)
        elif origin.name not in named or origin.name is None:
            kept.origins.append(origin)
    kept.dates = sorted({*kept.dates, *value.dates})
    for other in value.claim.claim.conflicts:  # its rivals are the joined value's too
        if other not in kept.conflicts:
            kept.conflicts.append(other)
    for other in value.claim.claim.updates:
        if other not in kept.updates:
            kept.updates.append(other)


def _later(a: FigureValue, b: FigureValue) -> FigureValue | None:
    """The value every source of which is dated after every source of the other."""
    if not (a.dates and b.dates):
        return None
    if a.dates[0] > b.dates[-1]:
        return a
    if b.dates[0] > a.dates[-1]:
        return b
    return None
