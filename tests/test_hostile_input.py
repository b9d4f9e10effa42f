"""Property-based tests: any bytes and any names are handled safely."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitegen.ingest import PROSE, read_one, split_blocks
from sitegen.slug import slugify, unique_slug

ID = re.compile(r"[a-z0-9][a-z0-9-]*")
RESERVED = {"con", "prn", "aux", "nul", "index", "static"}

prose_text = st.text(
    alphabet=st.sampled_from(
        list("abc XYZ.,;:!?\"'“”‘’\n\r\t\u00a0\u200f\u05d0\u0416日本😀\ufeff\x00\ufffd-—")
    ),
    max_size=400,
)


@given(prose_text)
@settings(max_examples=300)
def test_blocks_always_index_the_text(text: str) -> None:
    for block in split_blocks(text):
        assert 0 <= block.start < block.end <= len(text)
        chunk = text[block.start : block.end]
        assert chunk == chunk.strip() and chunk


@given(st.binary(max_size=2000))
@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_bytes_ingest_without_crashing(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "a.txt"
        path.write_bytes(raw)
        article = read_one(path, Path(folder), "a")
    assert article.text == raw.decode("utf-8", errors="replace")
    for block in article.blocks:
        assert article.text[block.start : block.end].strip()
    assert all(b.kind == PROSE or b.kind for b in article.blocks)


@given(st.text(max_size=200))
@settings(max_examples=500)
def test_any_name_slugifies_to_a_safe_id(name: str) -> None:
    slug = slugify(name)
    assert ID.fullmatch(slug)
    assert ".." not in slug and "/" not in slug
    assert slug not in RESERVED
    assert len(slug) <= 60


@given(st.lists(st.text(max_size=30), max_size=40))
def test_names_that_slugify_alike_get_distinct_ids(names: list[str]) -> None:
    taken: set[str] = set()
    ids = [unique_slug(slugify(n), taken) for n in names]
    assert len(set(ids)) == len(ids)
    assert all(ID.fullmatch(i) for i in ids)
