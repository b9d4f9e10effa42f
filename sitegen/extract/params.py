"""The numbers extraction's rules use, as one frozen parameters object.

The default instance is the behaviour of the release; `benchmarks/extract_eval.py` and
`benchmarks/web_eval.py` take `--set name=value` to sweep one (`sitegen.params`). The
extraction of an article runs under one `ExtractParams` (`using`), which its rules read
with `current()`: the object is set once where extraction starts (`extract_articles`, in
this process or in a worker process, which is sent it) instead of being threaded through
every helper of every rule. The extraction cache keys on its digest
(`sitegen.freshness.extraction_version`), so a changed value never reads a stale result.

Importing this module does not import spaCy (the cache and the merge use it).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class ExtractParams:
    """Thresholds of extraction, by the module whose rules read them."""

    # -- quotations (article.py) ---------------------------------------------------------
    min_quote_words: int = 4
    """Fewer words inside quotation marks are a term or a title, not someone's speech."""
    name_capitals: float = 0.6
    """Share of capitalised words at which a short quoted phrase is a title-case name
    ("International Legion for the Territorial Defence of Ukraine"), not speech."""
    max_attribution_gap: int = 6
    """Words between two quotations that still belong to one speaker ("…,” he said. “…")."""
    follow_tokens: int = 25
    """Longest sentence right after a quotation read as its attribution ("…?” X asked.)."""
    opening_reach: int = 3
    """Words into a sentence (after "But", "However,") an opening pronoun may stand."""
    referent_words: int = 4
    """Longest phrase put in brackets for what an opening pronoun refers to."""

    # -- who said it (attribution.py) -------------------------------------------------------
    named_before_reach: int = 12
    """Words before a speech verb searched for a name the parse did not link to it."""
    subject_climb: int = 4
    """Heads climbed from a participle or conjoined speech verb to find its subject."""
    main_subject_climb: int = 6
    """Heads climbed from a subordinate clause to the subject of the clause it hangs on
    (through "his failure to secure …" up to "explained")."""

    # -- what "he" refers to: salience (discourse.py, after Lappin & Leass) -----------------
    decay: float = 0.5
    """Salience kept from one sentence to the next."""
    paragraph_decay: float = 0.7
    """Salience kept, on top, across a paragraph break."""
    recency: float = 100.0
    """Weight of being mentioned in the current sentence."""
    subject_weight: float = 80.0
    """Weight of being the subject of a main clause."""
    embedded_subject_weight: float = 30.0
    """Weight of being the subject of a subordinate clause."""
    head_weight: float = 50.0
    """Weight of a mention that heads its noun phrase (not "Smith's" in "Smith's car")."""
    speaker_weight: float = 80.0
    """Weight of being quoted: the next "he said" likely continues the speaker."""
    parallel_weight: float = 80.0
    """A subject pronoun's lean to the previous sentence's subject."""
    min_salience: float = 1.0
    """Below this an entity is out of the reader's mind: no pronoun can refer to it."""
    gender_lead: float = 2.0
    """How many times the next candidate's score the person a "he" or "she" is resolved
    to must score for the pronoun to teach their gender (a later "she" cannot mean him)."""

    # -- names (mentions.py) ----------------------------------------------------------------
    quoted_vote: float = 0.5
    """Weight of a name's label inside quotation marks (someone else's words, often a
    nickname or a title-case slogan) against 1 outside. The merge's vote across articles
    (`merge.people`, through `mentions.count_vote`) runs outside an extraction and so
    counts with the default."""
    role_vote: float = 1.0
    """Weight of an occurrence with a role only a person has ("her daughter, X", "X,
    27,") as a PERSON label NER did not give, on top of its weight as a context: what
    the text says of a name outweighs NER's guess from the name's shape."""
    max_role_words: int = 25
    """Longest appositive read as a person's role ("X, the … of …, said")."""
    context_words: int = 3
    """Words next to a name or a number read for its context: a house number or "block
    of" before a name, an age after it (", 54,"), a hedge before a figure ("about")."""

    # -- statements (statements.py) ---------------------------------------------------------
    min_statement_words: int = 5
    """A shorter sentence is too little to state a checkable fact."""
    min_counted_words: int = 4
    """…unless its subject counts who is in a state ("Two victims died.")."""
    max_statement_words: int = 90
    """A longer sentence is a run-on the parser split badly (a list, a table)."""
    min_clause_words: int = 5
    """A clause split from a sentence shorter than this is too little to cite alone."""

    # -- figures (quantities.py) and credits (credits.py) -----------------------------------
    governor_climb: int = 3
    """Heads walked up from a number to find the word naming what it counts."""
    increment_reach: int = 2
    """Words before a number read for a sign it adds to an earlier count ("another")."""
    dateline_chars: int = 120
    """Characters at an article's start read for a "(Reuters) -" dateline."""


DEFAULT = ExtractParams()
_CURRENT: ContextVar[ExtractParams] = ContextVar("extract_params", default=DEFAULT)


def current() -> ExtractParams:
    """The parameters of the extraction under way (the default outside one)."""
    return _CURRENT.get()


@contextmanager
def using(params: ExtractParams) -> Iterator[ExtractParams]:
    """Run the block's extraction under `params`."""
    token = _CURRENT.set(params)
    try:
        yield params
    finally:
        _CURRENT.reset(token)
