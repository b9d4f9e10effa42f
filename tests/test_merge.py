"""Merging passages into claims: paraphrase, separation, conflicts, provenance, contract.

Small inputs through real spaCy (one model load per module), plus the sample story's
fact base built once per session.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest

from sitegen.agreement import compatible, dates_disagree, figures_disagree
from sitegen.extract.records import ArticleFacts
from sitegen.factbase.model import Claim, FactBase, Figure
from sitegen.factbase.store import read_factbase
from sitegen.ingest import Article, read_articles
from sitegen.merge import merge
from sitegen.merge.provenance import rewrites

Extract = Callable[[dict[str, str]], tuple[list[Article], list[ArticleFacts]]]
REPO = Path(__file__).resolve().parent.parent
WIRE = (REPO / "seeds" / "001_8f571529d89dfb51.txt").read_text(encoding="utf-8")
OTHER = (REPO / "seeds" / "004_21f92beee9e420d1.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def extract(tmp_path_factory: pytest.TempPathFactory) -> Extract:
    from sitegen.extract import extract_articles
    from sitegen.nlp import load_model

    nlp = load_model()

    def run(texts: dict[str, str]) -> tuple[list[Article], list[ArticleFacts]]:
        root = tmp_path_factory.mktemp("project")
        (root / "seeds").mkdir()
        for name, text in texts.items():
            (root / "seeds" / name).write_text(text, encoding="utf-8")
        articles = read_articles(root / "seeds", root)
        return articles, list(extract_articles(articles, nlp))

    return run


def claims_citing(base: FactBase, source_prefix: str, words: str) -> list[Claim]:
    return [
        c
        for c in base.claims.values()
        if any(x.source.startswith(source_prefix) and words in x.quote for x in c.citations)
    ]


@pytest.fixture(scope="module")
def sample(sample_project: Path) -> FactBase:
    return read_factbase(sample_project / "content")


# --- figures and dates that may or may not both be true ------------------------------


def figure(
    value: float,
    text: str,
    unit: str | None = None,
    counts: str | None = None,
    qualifier: str | None = None,
) -> Figure:
    return Figure(value=value, text=text, unit=unit, counts=counts, qualifier=qualifier)


def test_rounding_and_hedges_are_compatible() -> None:
    assert compatible(
        figure(1_500_000, "1.5 million"), figure(1_600_000, "up to 1.6 million", qualifier="up to")
    )
    assert compatible(figure(47, "47%", "percent"), figure(46.7, "46.7 percent", "percent"))
    assert compatible(figure(70, "about 70", qualifier="about"), figure(69, "69"))


def test_a_street_block_and_its_hundred_are_compatible() -> None:
    """ "the 680 block of Racine Avenue" is in "the 600 block"; "the 700 block" is not."""
    assert compatible(figure(680, "680", counts="block"), figure(600, "600", counts="block"))
    assert not compatible(figure(700, "700", counts="block"), figure(680, "680", counts="block"))
    assert not compatible(figure(680, "680", counts="men"), figure(600, "600", counts="men"))


def test_close_counts_of_the_same_thing_disagree() -> None:
    seventy = [figure(70, "70", counts="volunteers")]
    assert figures_disagree(seventy, [figure(69, "69", counts="volunteers")])
    assert not figures_disagree(seventy, [figure(70, "Seventy", counts="volunteers")])
    assert not figures_disagree(seventy, [figure(69, "69", counts="soldiers")])
    assert not compatible(figure(1_500_000, "1.5 million"), figure(1_600_000, "1.6 million"))


def test_a_count_of_an_outcome_and_a_count_of_its_noun_are_no_rivals() -> None:
    """ "Seven people were shot" / "three people pulled out guns": people shot, and
    people who did something else; two people counts of one outcome are rivals."""
    shot = [Figure(value=7, text="Seven", counts="people", quantity="shot")]
    assert not figures_disagree(shot, [figure(3, "three", counts="people")])
    assert not figures_disagree([figure(3, "three", counts="people")], shot)
    assert figures_disagree(shot, [Figure(value=6, text="six", counts="people", quantity="shot")])


def test_a_figure_matched_on_the_other_side_is_no_rival_to_the_rest() -> None:
    both = [figure(2.5e9, "$2.5 billion", "USD"), figure(6e8, "$600 million", "USD")]
    one = [figure(6e8, "about $600 million", "USD", qualifier="about")]
    assert not figures_disagree(both, one) and not figures_disagree(one, both)
    assert figures_disagree(both, [figure(7e8, "$700 million", "USD")])
    counts = [figure(70, "70", counts="men"), figure(50, "50", counts="members")]
    assert figures_disagree(
        counts, [figure(69, "69", counts="men"), figure(50, "50", counts="members")]
    )


def test_the_day_a_source_spoke_is_not_the_day_of_the_fact(extract: Extract) -> None:
    base = merge(
        *extract(
            {
                "a.txt": "The new budget pays for 120 miles of river levee, a senior city official "
                "told reporters Friday.\n",
                "b.txt": "The budget the council passed Thursday pays for 120 miles of river levee.\n",
            }
        )
    )
    assert not [c.statement for c in base.claims.values() if c.status == "disputed"]


def test_days_of_two_actions_are_not_a_dispute_but_years_are(extract: Extract) -> None:
    """Weekdays disagree only over one action: a story tells of several days. A year
    or a date is a date whatever the verb."""
    base = merge(
        *extract(
            {
                "a.txt": "On Saturday, Mayor Ed Murray of Seattle announced a ban on city employees "
                "traveling to Indiana over the new religious freedom law.\n\n"
                "Cowan will become the second black senator from Massachusetts, after "
                "Edward Brooke, who served from 1967 to 1979.\n",
                "b.txt": "The backlash to Indiana's new religious freedom law grew Monday, as Seattle "
                "city employees were banned from traveling there.\n\n"
                "Senator Mo Cowan was sworn in on Monday.\n\n"  # who "he" is: else no fact alone
                "He is the first black senator since Edward Brooke, a Republican, held the "
                "seat from 1966 to 1978.\n",
            }
        )
    )
    disputed = [c.statement for c in base.claims.values() if c.status == "disputed"]
    assert disputed and all("Brooke" in statement for statement in disputed)


def test_a_source_does_not_dispute_itself(extract: Extract) -> None:
    base = merge(
        *extract(
            {
                "a.txt": "The Clintons' effective federal tax rate for 2014 was 35.7 percent.\n\n"
                "The effective tax rate for federal, state and local taxes was 45.8 "
                "percent.\n",
            }
        )
    )
    assert not [c.statement for c in base.claims.values() if c.status == "disputed"]


def test_dates_disagree_only_on_what_both_name() -> None:
    assert dates_disagree(["monday"], ["tuesday"])
    assert not dates_disagree(["february 28"], ["a 28th february"])
    assert not dates_disagree(["tuesday"], ["march 1"])


# --- clustering -----------------------------------------------------------------------

PARAPHRASES = {
    "a.txt": "Mayor Anna Berg said on Monday that the Elm Street bridge would reopen in "
    "June after 40 workers repaired its cracked pillars.\n\n"
    "The council voted to rename the central library after the late poet Ida "
    "Marsh, a decision opposed by two members.\n",
    "b.txt": "The Elm Street bridge will reopen in June, Mayor Berg announced Monday, once "
    "40 workers finish repairing the cracked pillars.\n\n"
    "Mayor Anna Berg phoned the regional transport office to ask for more money "
    "for road repairs in the city.\n",
}


def test_paraphrases_merge_and_other_facts_stay_apart(extract: Extract) -> None:
    base = merge(*extract(PARAPHRASES))
    bridge = claims_citing(base, "a", "bridge would reopen")
    assert len(bridge) == 1 and len(bridge[0].source_ids) == 2
    assert bridge[0].status == "corroborated"
    phoned = claims_citing(base, "b", "phoned the regional transport office")
    assert phoned and phoned[0] is not bridge[0], "another fact about the same person"


def test_a_source_restating_a_fact_is_cited_twice(extract: Extract) -> None:
    """A source that says a fact twice in other words has both passages in its claim
    when each matches the other source on its own."""
    restated = {
        "a.txt": PARAPHRASES["a.txt"],
        "b.txt": "The Elm Street bridge will reopen in June, Mayor Berg announced Monday, once "
        "40 workers finish repairing the cracked pillars.\n\n"
        "The council chose a new name for the central library.\n\n"
        "Mayor Anna Berg said the bridge on Elm Street would reopen in June, when "
        "the workers have repaired its pillars.\n",
    }
    base = merge(*extract(restated))
    bridge = claims_citing(base, "b", "Elm Street would reopen")
    assert len(bridge) == 1
    assert [x.source[:1] for x in bridge[0].citations].count("b") == 2


def test_a_headline_joins_only_a_passage_giving_all_its_counts(extract: Extract) -> None:
    """ "Two dead in Elm Street shooting" is the fact of "Two men were killed …", not of
    a passage sharing its words and a bare number ("… the two Elm Street suspects");
    "Six shot, two dead …" is the fact of neither passage that gives one of its counts:
    it would join the two facts through it."""
    articles = {
        f"{name}.md": f'---\ntitle: "{title}"\n---\n\n{body}\n'
        for name, title, body in (
            (
                "a",
                "Two dead in Elm Street shooting",
                "Police released an image of the two Elm Street shooting suspects on Friday.",
            ),
            ("b", "Shooting", "Two men were killed in a shooting on Elm Street on Friday."),
            ("c", "Six shot, two dead in Elm Street shooting", "Six men were shot on Elm Street."),
        )
    }
    base = merge(*extract(articles))

    def quotes_with(headline: str) -> list[str]:
        [claim] = [c for c in base.claims.values() if headline in [x.quote for x in c.citations]]
        return sorted(x.quote for x in claim.citations if x.quote != headline)

    joined = quotes_with("Two dead in Elm Street shooting")
    assert [q for q in joined if "image" in q] == []
    assert any("were killed" in q for q in joined)
    assert [
        q for q in quotes_with("Six shot, two dead in Elm Street shooting") if "were" in q
    ] == []


@pytest.mark.parametrize(("counts", "quantity"), [("news", None), ("victims", "shot")])
def test_a_count_of_things_takes_no_count_of_people(counts: str, quantity: str | None) -> None:
    """ "2 NEWS has confirmed that two victims …" stated for a claim another passage of
    which counts two shot: the station's "2" counts no one."""
    from sitegen.extract.records import FactCandidate
    from sitegen.merge.claims import _with_quantities
    from sitegen.merge.features import Passage

    shot = Figure(value=2, text="two", counts="people", quantity="shot")
    other = Passage(0, FactCandidate("b", 0, 9, "Two people were shot.", "figure"), [], None)
    other.figures = [shot]
    statement = Figure(value=2, text="2", counts=counts)
    [first, *_] = _with_quantities([statement], [other])
    assert first.quantity == quantity


def test_a_statement_with_a_quotation_is_cited_by_both_its_claims(sample: FactBase) -> None:
    """ "He told Reuters he phoned the embassy …, stating, “…”" states the call and the
    quotation: it is cited by the quotation's claim and by the call's, whose passages it
    matches on average and one of which it wholly says (a synonym counting as the word)."""
    phoned = claims_citing(sample, "002", "he phoned the Ukrainian embassy in Japan")
    quoted = claims_citing(sample, "002", "elderly men and women")
    assert len(phoned) == 1 and len(quoted) == 1 and phoned[0] is not quoted[0]
    for claim in (phoned[0], quoted[0]):
        assert any(
            x.source.startswith("001") and "telephoned the Ukrainian embassy" in x.quote
            for x in claim.citations
        )
    assert "“" not in phoned[0].statement, "the call is not stated in the two-fact sentence"


def test_a_sentence_a_copy_splits_in_two_is_one_claim(sample: FactBase) -> None:
    """002 rewrites 001 and splits "the embassy declined Kurogi's offer to fight, as he
    lacked the necessary military experience" in two sentences: the second half, which
    shares few words with anything, joins the first half's claim."""
    declined = claims_citing(sample, "001", "declined Kurogi")
    reason = claims_citing(sample, "002", "The reason they gave to him")
    assert len(declined) == 1 and reason == declined
    assert any(
        x.source.startswith("002") and "turned down" in x.quote for x in declined[0].citations
    )


def test_rewrites_count_the_longest_chain_to_an_original() -> None:
    assert rewrites({"b": ["a"], "c": ["a", "b"], "d": ["c"]}) == {"b": 1, "c": 2, "d": 3}
    assert set(rewrites({"x": ["y"], "y": ["x"]})) == {"x", "y"}, "a cycle ends"


def test_a_claim_told_only_by_copies_is_worded_by_the_nearest_copy(sample: FactBase) -> None:
    """000 is a synonym-spun near copy of 001 and 002 (one origin, not in the folder):
    the call's claim is cited by 000 and 002 as their own passages (001's passage cites
    it as a second fact), so it is worded by 002, not by the spun text."""
    phoned = claims_citing(sample, "002", "he phoned the Ukrainian embassy in Japan")[0]
    assert sample.sources["000-dcf3f721cf619857"].origins
    worded_by = [x.source for x in phoned.citations if x.quote.strip() == phoned.statement]
    assert worded_by and all(s.startswith("002") for s in worded_by)


def test_different_facts_about_one_person_stay_apart(sample: FactBase) -> None:
    declined = claims_citing(sample, "001", "declined Kurogi")
    phoned = claims_citing(sample, "001", "telephoned the Ukrainian embassy")
    assert declined and phoned
    assert not {c.id for c in declined} & {c.id for c in phoned}


def test_a_synonym_spun_copy_joins_the_original(sample: FactBase) -> None:
    declined = claims_citing(sample, "001", "declined Kurogi")
    assert any(x.source.startswith("000") for x in declined[0].citations)
    assert not declined[0].statement.startswith("The embassy declined Kurogi’s supply"), (
        "the statement avoids the reworded copy's odd wording"
    )


def test_close_figures_become_disputed_claims(extract: Extract) -> None:
    texts = {
        "a.txt": "In all, 70 volunteers from the town of Kelso joined the river clean-up on "
        "Saturday, the organiser Maria Lund said.\n",
        "b.txt": "Some 69 volunteers from the town of Kelso joined the river clean-up on "
        "Saturday, the organiser Maria Lund said.\n",
        "c.txt": "Exactly 69 volunteers from the town of Kelso joined the river clean-up on "
        "Saturday, the organiser Maria Lund said.\n",
    }
    base = merge(*extract(texts))
    seventy = claims_citing(base, "a", "70 volunteers")[0]
    exact = claims_citing(base, "c", "Exactly 69")[0]
    assert seventy.status == exact.status == "disputed"
    assert exact.id in seventy.conflicts and seventy.id in exact.conflicts
    hedged = claims_citing(base, "b", "Some 69")[0]
    assert hedged.id in (seventy.id, exact.id) or hedged.status != "corroborated", (
        "'some 69' may stand with either side"
    )


def test_two_actors_of_one_action_are_disputed(extract: Extract) -> None:
    base = merge(
        *extract(
            {
                "a.txt": "Norway will close its embassy in Nairobi next month, the foreign "
                "ministry announced on Tuesday.\n",
                "b.txt": "Kenya closed its embassy in Nairobi, the foreign ministry announced on "
                "Tuesday.\n",
            }
        )
    )
    norway = claims_citing(base, "a", "Norway will close")[0]
    kenya = claims_citing(base, "b", "Kenya closed")[0]
    assert norway.id != kenya.id
    assert norway.status == kenya.status == "disputed" and kenya.id in norway.conflicts


def test_two_actors_of_two_actions_are_not_disputed(extract: Extract) -> None:
    """Two sources telling something else at the same place of one account, sharing a
    topic ("the governor's campaign"), do not contradict each other when each actor
    does something else."""
    base = merge(
        *extract(
            {
                "a.txt": "Voters in Essex County will elect a new governor on November 4.\n\n"
                "Senator Ruth Ashby was advising the governor's campaign.\n\n"
                "The governor's campaign raised $2 million in March, its treasurer said.\n",
                "b.txt": "On November 4, voters in Essex County will elect a new governor.\n\n"
                "Despite concerns about the governor's campaign, Senator Paul Okoro warned "
                "that an inquiry would be premature.\n\n"
                "In March the governor's campaign raised $2 million, its treasurer said.\n",
            }
        )
    )
    assert len([c for c in base.claims.values() if len(c.source_ids) == 2]) == 2
    assert not [c.statement for c in base.claims.values() if c.status == "disputed"]


def test_quotations_one_long_quotation_holds_stay_two_claims(extract: Extract) -> None:
    """Two sources quoting two sentences of one post are two claims, although the post
    quoted whole matches each of them; the whole quotation is cited by both claims,
    also by the one its own source is cited in already."""
    base = merge(
        *extract(
            {
                "a.txt": "Councillor Dana Reyes posted a message on Facebook on Sunday.\n\n"
                'She wrote: "The library closes far too early for working families. '
                "Nobody on this council reads the budget before voting on it. I will not "
                'stand for re-election next spring."\n\n'
                "Reyes accused the other council members of voting on the budget without "
                "reading it.\n",
                "b.txt": '"The library closes far too early for working families," Reyes wrote on '
                "Facebook.\n",
                "c.txt": 'Reyes also claimed that "nobody on this council reads the budget before '
                'voting on it."\n',
            }
        )
    )
    library = claims_citing(base, "b", "library closes")
    budget = claims_citing(base, "c", "nobody on this council")
    assert len(library) == len(budget) == 1 and library[0] is not budget[0]
    whole = claims_citing(base, "a", "She wrote")
    assert library[0] in whole and budget[0] in whole
    assert budget[0] in claims_citing(base, "a", "Reyes accused")


def test_independent_accounts_sharing_few_claims_are_not_aligned(extract: Extract) -> None:
    """Two outlets that share two claims among eight passages each tell other facts
    between them: a pair there that shares only a name is not one fact by its place."""
    base = merge(
        *extract(
            {
                "a.txt": "The Harbor Bridge in Calder will close for repairs on March 3, the city "
                "transport office announced on Monday.\n\n"
                "Bakery owner Mia Lund won a national award for her rye bread in Oslo.\n\n"
                "The Calder Tigers signed striker Tomas Ruiz from Valencia.\n\n"
                "Mayor Lena Voss spoke to reporters outside the council chamber on Friday "
                "about her plan for new cycle lanes downtown.\n\n"
                "Painter Ida Berg opened an exhibition at the Norland Gallery.\n\n"
                "Chef Paolo Conti opened a restaurant on Dock Street.\n\n"
                "The Westfield School board approved a longer winter break.\n\n"
                "Repairs to the Harbor Bridge will cost 4.2 million dollars, according to "
                "city engineers.\n",
                "b.txt": "Calder's transport office said on Monday that the Harbor Bridge will close "
                "for repairs on March 3.\n\n"
                "Heavy snow delayed Northline trains across the region on Sunday.\n\n"
                "St. Anne's Hospital opened a new wing for children.\n\n"
                "Mayor Lena Voss thanked volunteers from the Red Cross who cleared the "
                "streets after the winter storm.\n\n"
                "Farmer Karl Olsen expects a poor apple harvest in Eastvale.\n\n"
                "Singer Nora Falk will play at the Calder Arena in May.\n\n"
                "The Calder Museum will offer free entry in April.\n\n"
                "City engineers put the cost of the Harbor Bridge repairs at 4.2 million "
                "dollars.\n",
            }
        )
    )
    assert len(claims_citing(base, "a", "Harbor Bridge will cost")[0].source_ids) == 2
    cycle = claims_citing(base, "a", "cycle lanes")
    assert len(cycle) == 1 and cycle[0].source_ids == ["a"], "another fact about the mayor"


# --- provenance ---------------------------------------------------------------------


def _spun(
    text: str,
    synonyms: tuple[tuple[str, str], ...] = (
        ("said", "mentioned"),
        ("told", "informed"),
        ("men", "males"),
        ("offer", "supply"),
        ("fight", "battle"),
    ),
) -> str:
    """A reworded copy: synonyms for a few words, the last paragraph left out."""
    for word, synonym in synonyms:
        text = text.replace(f" {word} ", f" {synonym} ")
    return text.rsplit("\n\n", 1)[0] + "\n"


@pytest.mark.parametrize(("shared", "copies"), [(7, False), (10, True)])
def test_near_copies_share_most_of_the_shorter_texts_facts(shared: int, copies: bool) -> None:
    """Two outlets at one press conference share its quotations and about half their
    facts, told in its order: independent reporting. Copies of one report share most."""
    from sitegen.merge.params import TUNED
    from sitegen.merge.provenance import _one_line, _Pair

    order = {claim: claim for claim in range(12)}  # twelve claims each, in one order
    pair = _Pair(shared=list(range(shared)), quotes=2)
    assert _one_line(pair, order, order, TUNED) is copies


def test_undated_near_copies_share_an_origin_and_count_once(extract: Extract) -> None:
    """Nothing says which of two near copies came first: neither copies the other, both
    carry one shared origin, and what both state is one origin's word."""
    base = merge(*extract({"original.txt": WIRE, "copy.txt": _spun(WIRE), "other.txt": OTHER}))
    assert base.sources["copy"].derived_from == base.sources["original"].derived_from == []
    label = base.sources["copy"].origins[0]
    assert label in base.sources["original"].origins
    assert label not in base.sources["other"].origins
    shared = [c for c in base.claims.values() if set(c.source_ids) == {"original", "copy"}]
    assert shared
    assert all(c.independent_sources == 1 for c in shared)
    assert all(c.status == "single-source" for c in shared if not c.conflicts)


def test_a_later_dated_copy_is_derived_from_the_earlier(extract: Extract) -> None:
    dated = {
        "original.md": f"---\ntitle: Wire\ndate: 2022-03-01\n---\n{WIRE}",
        "copy.md": f"---\ntitle: Copy\ndate: 2022-03-03\n---\n{_spun(WIRE)}",
    }
    base = merge(*extract(dated))
    assert base.sources["copy"].derived_from == ["original"]
    assert base.sources["original"].derived_from == []


def test_an_updated_line_dates_the_text(extract: Extract) -> None:
    dated = {
        "original.md": f"---\ntitle: Wire\ndate: 2022-03-02\n---\n{WIRE}",
        "copy.md": f"---\ntitle: Copy\ndate: 2022-03-01\n---\nUpdated March 4, 2022\n\n{_spun(WIRE)}",
    }
    base = merge(*extract(dated))
    assert base.sources["copy"].derived_from == ["original"]


def test_outlets_credited_in_a_passage_are_its_origin(extract: Extract) -> None:
    """Two unrelated articles each crediting one outlet for a fact are one origin."""
    first = "Tokyo news\n\nThe city will close 12 schools next year, the Asahi Shimbun reported.\n"
    second = (
        "School closures\n\nAccording to the Asahi Shimbun newspaper, the city will close "
        "12 schools next year.\n"
    )
    base = merge(*extract({"a.txt": first, "b.txt": second}))
    both = [c for c in base.claims.values() if set(c.source_ids) == {"a", "b"}]
    assert len(both) == 1
    assert {c.origin for c in both[0].citations} == {"Asahi Shimbun"}
    assert both[0].independent_sources == 1
    assert both[0].status == "single-source"


def test_a_person_is_described_in_the_original_wording(extract: Extract) -> None:
    """Two copies, reworded each in its own way, call him an "employee"; the original's
    "office worker" wins, though the copies outnumber it."""
    head, tail = WIRE.split("\n\n", 1)
    added = "Kurogi, an office worker who lives in Fukuoka, said he would ask again."
    original = f"{head}\n\n{added}\n\n{tail}"
    copies = {
        "copy.txt": _spun(original.replace("office worker", "workplace employee")),
        "copy2.txt": _spun(
            original.replace("office worker", "firm employee"),
            (
                ("said", "remarked"),
                ("told", "notified"),
                ("men", "gentlemen"),
                ("fight", "combat"),
                ("embassy", "mission"),
            ),
        ),
    }
    base = merge(*extract({"original.txt": original, **copies}))
    label = base.sources["original"].origins[0]
    assert all(label in base.sources[s].origins for s in ("copy", "copy2"))
    kurogi = next(p for p in base.people.values() if p.name.endswith("Kurogi"))
    assert "office worker" in (kurogi.description or "")


def test_independent_outlets_are_not_copies(sample: FactBase) -> None:
    assert sample.sources
    for source in sample.sources.values():
        assert "004" not in " ".join(source.derived_from), "a different article copies none"
        assert set(source.derived_from) <= set(sample.sources)
        assert source.id not in source.derived_from


# --- the contract and determinism --------------------------------------------------


def test_statuses_conflicts_and_counts_are_consistent(sample: FactBase) -> None:
    for claim in sample.claims.values():
        sources = len(claim.source_ids)
        if claim.conflicts:
            assert claim.status == "disputed"
        else:
            independent = claim.independent_sources or 0
            assert claim.status == ("corroborated" if independent >= 2 else "single-source")
        for other in claim.conflicts:
            assert other in sample.claims, "conflicts name claims that exist"
            assert claim.id in sample.claims[other].conflicts, "and they point back"
        assert claim.independent_sources is not None
        assert 1 <= claim.independent_sources <= sources


def test_merge_ignores_article_order(extract: Extract) -> None:
    articles, extracted = extract({"a.txt": WIRE, "b.txt": _spun(WIRE), "c.txt": OTHER})
    first = merge(articles, extracted)
    pairs = list(zip(articles, extracted, strict=True))
    random.Random(4).shuffle(pairs)
    second = merge([a for a, _ in pairs], [e for _, e in pairs])
    assert first == second


def test_a_sentence_printed_unchanged_by_many_outlets_is_one_claim(extract: Extract) -> None:
    """So many copies make every word of the sentence too common for the candidate
    index to pair them; identical wording must still be one claim."""
    wire = "Mayor Anna Berg said on Monday that the Elm Street bridge will reopen in May."
    texts = {
        f"o{n:02d}.txt": f"{wire}\n\nThe council of district {n} meets on Tuesday.\n"
        for n in range(60)
    }
    texts["o00.txt"] = texts["o00.txt"].replace("Elm Street bridge", "Elm  street bridge")
    base = merge(*extract(texts))
    bridge = claims_citing(base, "o", "bridge will reopen")
    assert len(bridge) == 1
    assert len(bridge[0].source_ids) == 60


def test_statements_read_as_sentences(sample: FactBase) -> None:
    """A statement taken from a clause cut out of its sentence still starts with a
    capital and ends with a stop."""
    for claim in sample.claims.values():
        text = claim.statement
        assert not text[:1].islower(), text
        assert text.rstrip()[-1:] in ".!?”\"’'", text
