"""Which origins of a quotation claim print the quoted words themselves.

A claim stated as "X said: “…”" may join a passage that tells the same fact in other
words ("The Journal reported that X is pushing …"): the fact is corroborated, the
words are not. A reader checking a quotation needs to know which origins print it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitegen.render.views import ClaimView
from sitegen.shingles import shingles

SAID = re.compile(r" said: “(.+)”$", re.DOTALL)
QUOTED = re.compile(r"“([^”]*)(?:”|$)|\"([^\"]*)(?:\"|$)")  # words inside quote marks
RUN = 3  # words in a run compared
WHOLE = 0.8  # share of the quotation's runs a passage holds to print it whole


@dataclass(frozen=True)
class Quoted:
    whole: list[str]  # the origins (labels) whose passages print the quoted words
    part: list[str]  # those printing some of them (a run of three words or more)
    others: int  # origins that tell the fact in their own words only

    @property
    def summary(self) -> str:
        """ "Of these 3 origins, AP prints the quoted words whole, Fox prints some of
        them and 1 other tells the fact in other words." """
        clauses = [
            f"{_names(self.whole)} the quoted words whole" if self.whole else "",
            f"{_names(self.part)} some of them" if self.part else "",
            f"{self.others} {'other tells' if self.others == 1 else 'others tell'} the fact in "
            "other words"
            if self.others
            else "",
        ]
        said = [c for c in clauses if c]
        origins = len(self.whole) + len(self.part) + self.others
        return f"Of these {origins} origins, {_listed(said)}."


def quoted_by(view: ClaimView) -> Quoted | None:
    """For a claim stated as a quotation and traced to several origins, which of them
    print its words; None otherwise."""
    said = SAID.search(view.claim.statement)
    if said is None or len(view.origins) < 2:
        return None
    wanted = shingles(said.group(1), RUN)
    if not wanted:
        return None
    quotes: dict[str, list[str]] = {}
    for cite in view.citations:
        quotes.setdefault(cite.source.id, []).append(cite.citation.quote)
    whole, part = [], []
    for origin in view.origins:
        held = max(
            (
                len(wanted & shingles(_inside_marks(quote), RUN))
                for source_id in origin.source_ids
                for quote in quotes.get(source_id, [])
            ),
            default=0,
        )
        if held >= WHOLE * len(wanted):
            whole.append(origin.label)
        elif held:
            part.append(origin.label)
    return Quoted(whole, part, len(view.origins) - len(whole) - len(part))


def _inside_marks(passage: str) -> str:
    """The words a passage prints as quoted ("…" runs kept apart)."""
    return " … ".join(m.group(1) or m.group(2) or "" for m in QUOTED.finditer(passage))


def _names(labels: list[str]) -> str:
    return f"{_listed(labels)} {'prints' if len(labels) == 1 else 'print'}"


def _listed(items: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    return ", ".join(items[:-1]) + " and " + items[-1] if len(items) > 1 else items[0]
