"""The merge's numbers, in one place: every threshold and weight a merge rule reads.

`MergeParams()` is the merge as it ships. The merge takes one instance and hands it
down to every rule (nothing deep inside reads a module constant), so an evaluation can
run it with one number changed (`benchmarks.merge_eval --set threshold=0.4`), and the
build stamp, which hashes the instance, merges again when one changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from sitegen.agreement import APPROXIMATE_SPREAD
from sitegen.merge.keys import KeyKind


@dataclass(frozen=True)
class MergeParams:
    """Each field says what it decides; the default is the tuned value."""

    # -- what a passage asserts (features.py): weight of a shared key, by kind, times
    # its rarity in the input
    person_weight: float = 2.0  # a person both passages name
    entity_weight: float = 1.5  # a named thing of several words ("white house")
    date_weight: float = 1.0
    frame_weight: float = 1.0  # a subject-verb frame ("embassy|close")
    act_weight: float = 1.5  # a verb and its object ("decline|offer"), or a synonym's;
    # counted when shared only (an act one passage tells alone dilutes nothing)
    lemma_weight: float = 1.0  # a content word
    figure_weight: float = 3.0  # a figure both passages give, compatibly
    same_count: float = 1.5  # times `figure_weight` for a figure of one named quantity
    # ("70 men volunteered" / "around 70 men have volunteered")
    age_weight: float = 0.0  # an age both give: it tells who (the same 4-year-old is in the
    # shooting, the funeral and the charges), not what
    quote_shingle: int = 3  # words per run of quoted words compared between quotations
    fold_heads: int = 20  # a word is compared with at most this many more frequent look-alikes
    variant_letters: int = 6  # words one letter apart are one word from this length on
    variant_stem: int = 5  # letters two words must share before their endings differ (and
    # the letters look-alikes are bucketed by: words differing sooner are never compared)

    # -- how surely two passages state one fact (similarity.py)
    quote_overlap: float = 0.5  # share of the shorter quotation's runs that makes one quotation
    quote_base: float = 0.6  # the score of two passages holding one quotation, at that share
    size_mix: float = 0.5  # 0: divide by the smaller passage's weight, 1: by the larger one's
    conflict_topic: float = (
        0.3  # how alike, figures aside, disagreeing passages must be to conflict
    )
    actor_topic: float = 0.4  # the same, for passages whose named subjects differ
    synonym: float = 0.7  # a synonym counts for this share of the rarer word's weight
    who_synonyms: float = 0.05  # share of the passages' weight their synonyms must make up
    # to tie passages of other people, or sharing only who tells them, into one fact (one
    # loose synonym, "house" / "home", is not enough; a reworded copy has many)
    approximate_spread: float = APPROXIMATE_SPREAD  # "about 70" allows 70 ± this share

    # -- candidate pairs (blocking.py)
    max_posting: int = 50  # a key more passages have is too common to pair by
    probe_keys: int = 12  # each passage looks up only this many of its rarest keys

    # -- clustering (claims.py)
    threshold: float = 0.34  # average-linkage score needed to join two clusters
    same_source_threshold: float = 0.75  # a source repeating itself must be near-verbatim
    restates: float = 0.3  # ... or, matching the claim's other sources, this like its own
    contained: float = 0.7  # share of a claim's passage weight a second-fact passage must hold
    aligned: float = 0.36  # the score given a pair matched by order: just above `threshold`,
    # so pairs that share more words are joined first
    gap_score: float = 0.15  # the least score of such a pair, when its gap holds other passages
    conflict_gap_score: float = 0.1  # ... of such a pair that contradicts itself
    alignment_rounds: int = 2  # pairs matched in one round anchor the next
    split_reach: int = 4  # passages of a copy, either side, searched for the other half of
    # a sentence it split (a rewrite puts sentences of its own between the halves)
    split_score: float = 0.15  # the least score of a copy's half sentence with its original
    quote_claim_share: float = 0.5  # a claim this share of whose passages quote is a quotation

    # -- order evidence (alignment.py)
    min_anchors: int = 2  # claims two sources share, in order, before their gaps are aligned
    least_score: float = 0.08  # below this, even passages placed side by side are unrelated
    density: float = 0.3  # anchors in order per passage of the shorter account
    anchor_sources: int = 50  # a claim cited by more sources anchors no pair of them

    # -- who copies whom (provenance.py)
    # share of the shorter source's claims the other also states: copies of one report
    # share most; outlets at one press conference share its quotes and half their facts
    shared_facts: float = 0.7
    same_order: float = 0.8  # share of the shared claims told in the same order
    min_shared: int = 3  # claims two sources must share to be one line of reporting
    min_shared_quotes: int = 2  # ... of which quotations
    max_sources: int = 50  # a claim cited by more sources says nothing about who copied whom
    updated_within: int = 5000  # characters at the top of a text searched for "Updated"

    # -- origins (credited.py)
    around: int = 300  # characters between a credit ending in ":" and the passage it opens
    # words of its own (outside quotation marks) two outlets' passage must share, in one
    # run, to be one wire text: the same sentence written twice is not two reports
    verbatim_words: int = 12

    # -- wording (statement.py) and descriptions (people.py)
    statement_words_least: int = 8  # a statement of this many words or more reads best,
    statement_words_most: int = 40  # ... up to this many
    full_quotation_words: int = 6  # a quotation this long that starts a sentence stands alone
    role_words_least: int = 2  # a person's description of this many words or more reads best,
    role_words_most: int = 12  # ... up to this many,
    role_words_ideal: int = 6  # ... and of this many best of all
    thing_word_labels: float = 2.0  # organisation labels of a name's first or last word used
    # alone that make the name a thing's when nothing marks it a person ("Cameo Nightlife")

    def kind_weights(self) -> dict[str, float]:
        """The weight of each kind of key that is weighed by kind (figures have theirs)."""
        return {
            KeyKind.PERSON: self.person_weight,
            KeyKind.ENTITY: self.entity_weight,
            KeyKind.DATE: self.date_weight,
            KeyKind.FRAME: self.frame_weight,
            KeyKind.ACT: self.act_weight,
            KeyKind.LEMMA: self.lemma_weight,
        }


TUNED = MergeParams()  # the merge as it ships
