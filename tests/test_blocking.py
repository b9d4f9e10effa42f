"""The merge's index of passages (`merge.blocking`): which pairs it offers to compare.

Quoted runs of words are held as ranks (`features.rank_shingles`), not as text; the
index must still probe a passage's keys rarest first, ties in the order of their text,
as it did when every run was a "q:" key string."""

from __future__ import annotations

from sitegen.extract.records import FactCandidate
from sitegen.merge.blocking import candidate_pairs
from sitegen.merge.features import Passage, rank_shingles
from sitegen.merge.params import MergeParams


def _passage(index: int, keys: tuple[str, ...] = ()) -> Passage:
    fact = FactCandidate(source=f"s{index}", start=0, end=1, text="x", kind="quote")
    return Passage(index, fact, [], None, keys=keys)


def _ranked(passages: list[tuple[Passage, list[str]]]) -> None:
    runs = {text: text for _, texts in passages for text in texts}
    rank_shingles(list(passages), runs)


def test_quoted_runs_are_ranked_in_text_order() -> None:
    a, b = _passage(0), _passage(1)
    _ranked([(a, ["war is over", "all the way"]), (b, ["war is over", "zero at all"])])
    # "all the way" < "war is over" < "zero at all"
    assert a.shingles == (0, 1) and b.shingles == (1, 2)
    assert set(a.shingles) & set(b.shingles) == {1}  # one run in common


def test_ties_are_probed_in_the_order_of_the_keys_text() -> None:
    """With one probe each, a passage whose two runs are equally rare probes the one
    whose text sorts first; each partner probes a key of its own that sorts before
    "q:" (a named thing, "e:"), so only the quoting passage's probe can pair them."""
    quoting = _passage(0)
    first = _passage(1, ("e:one place",))  # shares "able to go", which sorts first
    second = _passage(2, ("e:other place",))  # shares "zebra runs far"
    elsewhere = [_passage(3, ("e:one place",)), _passage(4, ("e:other place",))]
    _ranked(
        [
            (quoting, ["zebra runs far", "able to go"]),
            (first, ["able to go"]),
            (second, ["zebra runs far"]),
        ]
    )
    pairs = list(candidate_pairs([quoting, first, second, *elsewhere], MergeParams(probe_keys=1)))
    assert pairs == [(0, 1), (1, 3), (2, 4)]
