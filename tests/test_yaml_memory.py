"""Reading YAML keeps the data, not the parser's nodes: a 160,000-claim content/ has
about a million numbers, flags and nulls, each a node with two marks."""

from __future__ import annotations

import gc
from pathlib import Path

import yaml

from sitegen.yamlio import parse_yaml


def test_scalars_are_read_and_their_nodes_let_go(tmp_path: Path) -> None:
    text = "count: 3\nratio: 0.5\nflag: true\nnothing: null\nname: x\nlist: [1, false]\n"
    doc = parse_yaml(text, tmp_path / "a.yaml")
    assert doc.data == {
        "count": 3,
        "ratio": 0.5,
        "flag": True,
        "nothing": None,
        "name": "x",
        "list": [1, False],
    }
    assert type(doc.data["count"]) is int and type(doc.data["flag"]) is bool
    for n in range(50):
        parse_yaml(f"count: {n}\nflag: false\n", tmp_path / f"{n}.yaml")
    gc.collect()
    kept = [o for o in gc.get_objects() if isinstance(o, yaml.ScalarNode)]
    assert kept == []
