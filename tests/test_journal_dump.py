"""The snapshot's JSON (`journal._dump`): the text `json.dumps` indents, in pieces."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from sitegen.factbase.journal import _dump

_SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
_KEYS = st.text() | st.integers() | st.floats(allow_nan=False)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=30,
)


def _standard(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


@settings(max_examples=300, deadline=None)
@given(_VALUES)
def test_any_json_value_is_written_as_the_standard_encoder_writes_it(data: Any) -> None:
    assert "".join(_dump(data)) == _standard(data)


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(_KEYS, _SCALARS, max_size=5).filter(lambda d: len({type(k) for k in d}) < 2))
def test_keys_that_are_no_strings_are_written_alike(data: dict[Any, Any]) -> None:
    assert "".join(_dump({"records": {"claims": data}})) == _standard({"records": {"claims": data}})


def test_a_snapshot_comes_in_one_piece_per_record() -> None:
    records = {
        "records": {
            "claims": {f"c{i}": {"id": f"c{i}", "citations": [{"start": i}]} for i in range(5)},
            "people": {},
        }
    }
    pieces = list(_dump(records))
    assert "".join(pieces) == _standard(records)
    assert len(pieces) > 5  # never the whole text as one string
    assert all(len(p) < 120 for p in pieces)
