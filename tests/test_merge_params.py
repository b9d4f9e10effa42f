"""The merge's rules and parameters on extraction records built by hand (no spaCy model):
a parameter swept to its extreme changes the merge, the kinds written to content/ stay
plain strings, and a parameter change makes the build merge again."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.merge_eval import changed, split_settings
from sitegen.extract.records import ArticleFacts, FactCandidate, Speaker
from sitegen.factbase.model import Figure
from sitegen.merge import merge
from sitegen.merge.claims import ClaimKind, cluster
from sitegen.merge.features import Passage, passages
from sitegen.merge.keys import KeyKind, kind_of
from sitegen.merge.params import TUNED, MergeParams
from sitegen.merge.people import PeopleIndex
from sitegen.merge.similarity import Conflict, compare
from sitegen.params import with_settings
from tests.builders import article


def fact(source: str, text: str, lemmas: list[str], **fields: object) -> FactCandidate:
    """A fact of `source` whose words are `text` (0..len), with its content lemmas."""
    fields.setdefault("kind", "event")
    return FactCandidate(source, 0, len(text), text, lemmas=lemmas, **fields)  # type: ignore[arg-type]


def pair(params: MergeParams, *facts: FactCandidate) -> list[Passage]:
    return passages(list(facts), PeopleIndex(params=params), params)


# Two outlets' sentences sharing two of their content words: alike, not the same.
BRIDGE = fact("a", "The bridge closes on Monday for repairs.", ["bridge", "close", "repair"])
ROAD = fact(
    "b",
    "The bridge closes to trucks as the road is widened.",
    ["bridge", "close", "truck", "road", "widen"],
)


def claims_of(params: MergeParams, *facts: FactCandidate) -> int:
    sources = sorted({f.source for f in facts})
    texts = [article(next(f.text for f in facts if f.source == s), s) for s in sources]
    extracted = [ArticleFacts(s, facts=[f for f in facts if f.source == s]) for s in sources]
    return len(merge(texts, extracted, params).claims)


def test_the_clustering_threshold_at_its_extremes_joins_or_parts_two_passages() -> None:
    score = compare(*pair(TUNED, BRIDGE, ROAD), TUNED).score
    assert 0 < score < 1
    assert claims_of(replace_threshold(score), BRIDGE, ROAD) == 1  # reaches it: one claim
    assert claims_of(replace_threshold(min(1.0, score + 0.01)), BRIDGE, ROAD) == 2


def replace_threshold(value: float) -> MergeParams:
    return with_settings(TUNED, [f"threshold={value!r}"])


def test_kind_weights_and_size_mix_change_the_score() -> None:
    base = compare(*pair(TUNED, BRIDGE, ROAD), TUNED).score
    heavier = MergeParams(lemma_weight=3.0, frame_weight=3.0)
    # every key here is a lemma: weighing all of them alike leaves the ratio as it was
    assert compare(*pair(heavier, BRIDGE, ROAD), heavier).score == pytest.approx(base)
    by_larger = MergeParams(size_mix=1.0)  # divided by the longer passage's weight
    assert compare(*pair(by_larger, BRIDGE, ROAD), by_larger).score < base


def test_spelling_variants_fold_from_a_length_on() -> None:
    a = fact("a", "Defence spending rose.", ["defence", "spending", "rise"])
    b = fact("b", "Defense spending rose.", ["defense", "spending", "rise"])
    folded = pair(TUNED, a, b)
    assert folded[0].keys == folded[1].keys  # one letter apart in a 7-letter word: one word
    strict = MergeParams(variant_letters=8)
    kept = pair(strict, a, b)
    assert kept[0].keys != kept[1].keys


def test_figures_that_cannot_both_be_true_are_a_dispute_only_between_two_sources() -> None:
    def killed(source: str, value: float) -> FactCandidate:
        text = f"{int(value)} people were killed in the flood."
        figure = Figure(value, str(int(value)), counts="people", quantity="killed")
        return fact(source, text, ["people", "kill", "flood"], figures=[figure])

    a, b = pair(TUNED, killed("a", 12), killed("b", 30))
    assert compare(a, b, TUNED).conflict == Conflict.FIGURE
    same_source = pair(TUNED, killed("a", 12), killed("a", 30))
    assert compare(*same_source, TUNED).conflict != Conflict.FIGURE
    agree = pair(TUNED, killed("a", 30), killed("b", 30))
    assert compare(*agree, TUNED).conflict is None


def test_the_approximate_spread_decides_whether_about_figures_agree() -> None:
    def about(source: str, value: int, qualifier: str | None) -> FactCandidate:
        figure = Figure(value, str(value), counts="volunteers", qualifier=qualifier)
        return fact(
            source, f"About {value} volunteers came.", ["volunteer", "come"], figures=[figure]
        )

    items = pair(TUNED, about("a", 70, "about"), about("b", 66, None))
    assert compare(*items, TUNED).conflict is None  # "about 70" allows 66
    narrow = MergeParams(approximate_spread=0.01)
    items = pair(narrow, about("a", 70, "about"), about("b", 66, None))
    assert compare(*items, narrow).conflict == Conflict.FIGURE


def test_kinds_written_to_content_are_plain_strings() -> None:
    quote = fact(
        "a",
        "“We will rebuild the bridge,” the mayor said.",
        ["rebuild", "bridge", "mayor"],
        kind="quote",
        quote="We will rebuild the bridge",
        speaker=Speaker("the mayor", False),
    )
    base = merge([article(quote.text, "a")], [ArticleFacts("a", facts=[quote])])
    (claim,) = base.claims.values()
    assert claim.kind == ClaimKind.QUOTE and type(claim.kind) is str


def test_conflicting_claims_name_what_differs_in_plain_words() -> None:
    def killed(source: str, value: int) -> FactCandidate:
        figure = Figure(value, str(value), counts="people", quantity="killed")
        text = f"{value} people were killed in the flood."
        return fact(source, text, ["people", "kill", "flood"], figures=[figure])

    texts = {"a": "12 people were killed in the flood.", "b": "30 people were killed in the flood."}
    facts = [killed("a", 12), killed("b", 30)]
    base = merge(
        [article(texts[s], s) for s in "ab"], [ArticleFacts(f.source, facts=[f]) for f in facts]
    )
    differs = [value for claim in base.claims.values() for value in claim.differs.values()]
    assert differs == ["figure", "figure"]
    assert all(type(value) is str for value in differs)


def test_keys_carry_their_kind() -> None:
    assert KeyKind.LEMMA.key("bridge") == "l:bridge"
    assert kind_of("p:ann-cole") is KeyKind.PERSON
    assert kind_of("x:what") is None and kind_of("lemma") is None
    keys = pair(TUNED, BRIDGE, ROAD)[0].keys
    assert {kind_of(k) for k in keys} == {KeyKind.LEMMA}


def test_settings_name_a_field_and_read_as_its_type() -> None:
    params = with_settings(TUNED, ["threshold=0.5", "probe_keys=3"])
    assert params.threshold == 0.5 and params.probe_keys == 3
    assert set(changed(params).split()) == {"threshold=0.5", "probe_keys=3"}
    assert changed(TUNED) == ""
    with pytest.raises(ValueError, match="thresold"):
        with_settings(TUNED, ["thresold=0.5"])
    with pytest.raises(ValueError, match="probe_keys"):
        with_settings(TUNED, ["probe_keys=many"])
    assert split_settings(["--set", "a=1", "story", "--set=b=2", "--disputes"]) == (
        ["a=1", "b=2"],
        ["story", "--disputes"],
    )


def test_a_parameter_change_makes_the_build_merge_again(tmp_path: Path) -> None:
    from sitegen.config import Config
    from sitegen.freshness import digest

    config = Config(root=tmp_path)
    files = {str(tmp_path / "seeds" / "a.txt"): "0" * 64}
    assert digest(config, files, TUNED) == digest(config, files, MergeParams())
    assert digest(config, files, TUNED) != digest(config, files, MergeParams(threshold=0.4))


def test_clustering_reads_only_the_parameters_it_is_given() -> None:
    items = pair(TUNED, BRIDGE, ROAD)
    assert len(cluster(items, MergeParams(threshold=0.0)).clusters) == 1
    assert len(cluster(items, MergeParams(threshold=1.0)).clusters) == 2


def test_the_name_check_reads_its_own_numbers() -> None:
    from sitegen.namecheck import Misspellings, close_pairs

    people = [("a", "Eliot Isaac"), ("b", "Elliot Isaac")]
    assert close_pairs(people) == [("a", "b")]
    assert close_pairs(people, Misspellings(max_edits=0)) == []
    assert close_pairs(people, Misspellings(min_letters=6)) == []


def test_a_claim_is_a_quotation_by_the_share_of_its_passages_that_quote() -> None:
    said = fact(
        "a",
        "“The bridge closes on Monday,” the mayor said.",
        ["bridge", "close", "mayor"],
        kind="quote",
        quote="The bridge closes on Monday",
    )
    told = fact("b", "The bridge closes on Monday, the city said.", ["bridge", "close", "city"])
    texts = [article(said.text, "a"), article(told.text, "b")]
    extracted = [ArticleFacts("a", facts=[said]), ArticleFacts("b", facts=[told])]
    joined = MergeParams(threshold=0.0)
    kinds = {c.kind for c in merge(texts, extracted, joined).claims.values()}
    assert kinds == {"quote"}  # one of two passages quotes: half is enough
    stricter = MergeParams(threshold=0.0, quote_claim_share=0.75)
    assert {c.kind for c in merge(texts, extracted, stricter).claims.values()} == {"event"}


def test_a_copy_joins_the_far_half_of_a_sentence_it_split() -> None:
    """A copy tells the original's one sentence as two, with sentences of its own
    between: the half left alone joins the claim of the other half, within
    `split_reach`, taking the original it cited as a second fact along."""
    from dataclasses import replace

    from sitegen.merge.claims import Clustering, join_split_sentences

    original = FactCandidate(
        "o", 0, 60, "Ann phoned the embassy after seeing its plea on Twitter.", kind="event"
    )
    copy = [
        FactCandidate("c", at * 100, at * 100 + 40, text, kind="event")
        for at, text in enumerate(
            [
                "The 39-year-old saw a plea on Twitter.",  # the far half
                "She worked in an office.",
                "Nothing had changed since the war.",
                "Something happened this week.",
                "Ann phoned the embassy on Monday.",  # the half that joined
            ]
        )
    ]

    def joined(reach: int) -> list[list[int]]:
        params = replace(TUNED, split_reach=reach)
        result = Clustering(pair(params, original, *copy), params)
        result.scores = {0: {1: 0.4, 5: 0.5}, 1: {0: 0.4}, 5: {0: 0.5}}
        result.clusters = [[0, 5], [1], [2], [3], [4]]
        result.extra = {1: [0]}  # the far half's claim cites the original's second fact
        join_split_sentences(result, {"c": ["o"]})
        return result.clusters

    assert joined(4)[0] == [0, 1, 5] and [1] not in joined(4)
    assert [1] in joined(3)  # four passages away: out of reach


def test_a_shared_act_is_evidence_and_an_unshared_one_no_dilution() -> None:
    declined = fact(
        "a",
        "The embassy declined the offer.",
        ["embassy", "decline", "offer"],
        acts=["decline|offer"],
    )
    turned = fact(
        "b",
        "The embassy turned down the offer.",
        ["embassy", "turn", "offer"],
        acts=["turn_down|offer"],
    )
    without = MergeParams(act_weight=0.0)
    plain = compare(*pair(without, declined, turned), without).score
    # "turn down" is a WordNet synonym of "decline": one act on one object
    assert compare(*pair(TUNED, declined, turned), TUNED).score > plain
    other = fact("b", "The embassy declined the offer.", ["embassy", "decline", "offer"])
    # an act only one passage has weighs nothing against it
    assert compare(*pair(TUNED, declined, other), TUNED).score == pytest.approx(
        compare(*pair(without, declined, other), without).score
    )


def test_a_figure_of_one_named_quantity_counts_more_than_a_number_in_common() -> None:
    def volunteered(source: str, quantity: str | None) -> FactCandidate:
        figure = Figure(70, "70", counts="men", quantity=quantity)
        return fact(source, "70 men volunteered.", ["man", "volunteer"], figures=[figure])

    same = pair(TUNED, volunteered("a", "volunteers"), volunteered("b", "volunteers"))
    unnamed = pair(TUNED, volunteered("a", "volunteers"), volunteered("b", None))
    assert compare(*same, TUNED).score > compare(*unnamed, TUNED).score
    flat = MergeParams(same_count=1.0)
    same = pair(flat, volunteered("a", "volunteers"), volunteered("b", "volunteers"))
    unnamed = pair(flat, volunteered("a", "volunteers"), volunteered("b", None))
    assert compare(*same, flat).score == pytest.approx(compare(*unnamed, flat).score)


def test_a_passage_giving_a_claims_count_of_one_act_cites_it_as_a_second_fact() -> None:
    """A wire sentence tells who volunteered and how many; another outlet's sentence
    tells the count with words of its own around it. The count of one named quantity,
    told by one subject and verb, is the fact: the wire sentence cites that claim too,
    though most of the other sentence's words are not in it."""
    from sitegen.merge.claims import Clustering, _second_facts

    def seventy(quantity: str | None) -> Figure:
        return Figure(70, "70", counts="men", quantity=quantity)

    wire = [
        fact(
            source,
            "Seventy men, including 50 former soldiers, have volunteered, a paper said.",
            ["man", "former", "soldier", "volunteer", "paper"],
            frames=["man|volunteer"],
            figures=[seventy("volunteers"), Figure(50, "50", counts="soldiers")],
        )
        for source in ("a", "b")
    ]

    def other(frame: str, quantity: str | None) -> FactCandidate:
        return fact(
            "c",
            "Reuters reported that around 70 men have volunteered through a company.",
            ["reuters", "report", "man", "volunteer", "company", "conscription", "handle"],
            frames=["reuters|report", frame],
            figures=[seventy(quantity)],
        )

    def second_facts(told: FactCandidate) -> dict[int, list[int]]:
        result = Clustering(pair(TUNED, *wire, told), TUNED)
        result.scores = {0: {1: 0.9, 2: 0.4}, 1: {0: 0.9}, 2: {0: 0.4}}
        result.clusters = [[0, 1], [2]]
        return _second_facts(result)

    assert second_facts(other("man|volunteer", "volunteers")) == {1: [0]}
    assert second_facts(other("man|include", "volunteers")) == {}  # another act
    assert second_facts(other("man|volunteer", None)) == {}  # a number, not one quantity


def test_a_near_copy_joins_the_half_of_a_sentence_its_sibling_keeps_whole() -> None:
    """Two near copies of one outside report (neither came first): the plainer one
    splits a sentence the more rewritten one keeps whole. The half left alone joins
    the other half's claim, as it would in a copy of the whole sentence's source; not
    when it says more than the whole sentence (then it is no half of it)."""
    from sitegen.merge.claims import Clustering, join_split_sentences
    from sitegen.merge.provenance import Lineage

    spun = fact(
        "o",
        "Japan has a pacifist charter, reinterpreted to allow self-defense.",
        ["japan", "pacifist", "charter", "reinterpret", "allow", "defense"],
    )

    def told(at: int, text: str, lemmas: list[str]) -> FactCandidate:
        return FactCandidate("c", at, at + len(text), text, kind="event", lemmas=lemmas)

    lone = told(0, "Japan gave its pacifist constitution another look.", ["japan", "pacifist"])
    joined_half = told(100, "Now Japan lets its citizens do self-defense.", ["japan", "defense"])
    lineage = Lineage(reworded={"o": ["c"]})  # "o" is the more rewritten text
    assert lineage.reworded_from == {"c": ["o"], "o": ["c"]}
    assert lineage.one_line == {"o": ["c"]}

    def joined(reworded_from: dict[str, list[str]], half: FactCandidate) -> list[list[int]]:
        result = Clustering(pair(TUNED, spun, half, joined_half), TUNED)
        result.scores = {0: {1: 0.16, 2: 0.34}, 1: {0: 0.16}, 2: {0: 0.34}}
        result.clusters = [[0, 2], [1]]
        join_split_sentences(result, reworded_from)
        return result.clusters

    assert joined(lineage.reworded_from, lone) == [[0, 1, 2]]
    assert joined(lineage.one_line, lone) == [[0, 2], [1]]  # one way only: it stays alone
    longer = told(
        0,
        "Japan, an archipelago nation of many islands, took another look at its pacifism.",
        ["japan", "pacifist", "look", "island", "nation", "archipelago", "many"],
    )
    assert joined(lineage.reworded_from, longer) == [[0, 2], [1]]
    dated = Lineage(derived={"o": ["c"]})  # "o" copies "c", known by their dates
    assert dated.reworded_from == {"o": ["c"]}


def test_the_half_beside_a_quotation_cites_the_original_sentence_holding_both() -> None:
    """A copy splits the original's "“…,” he said, adding that it was his first
    donation" into the quotation and a sentence of its own. The quotation is reproduced
    whole, so the sentence beside it is another fact: it keeps its own claim, and that
    claim cites the original sentence (which says both) as a second fact."""
    from sitegen.merge.claims import Clustering, join_split_sentences

    quote = "Many people here want to help"
    original = FactCandidate(
        "o",
        0,
        90,
        f"“{quote},” he said, adding that it was his first donation.",
        kind="quote",
        quote=quote,
    )
    half = FactCandidate("c", 0, 40, "He said this was his first donation.", kind="event")
    said = FactCandidate("c", 100, 140, f"“{quote}.”", kind="quote", quote=quote)

    def split(score: float) -> Clustering:
        result = Clustering(pair(TUNED, original, half, said), TUNED)
        result.scores = {0: {1: score, 2: 1.0}, 1: {0: score}, 2: {0: 1.0}}
        result.clusters = [[0, 2], [1]]
        join_split_sentences(result, {"c": ["o"]})
        return result

    result = split(0.3)
    assert result.clusters == [[0, 2], [1]]  # the halves stay apart
    assert result.extra == {1: [0]}  # the original states the half's fact too
    assert split(0.1).extra == {}  # under `split_score`: not the same sentence
