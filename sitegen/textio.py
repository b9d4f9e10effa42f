"""How article bytes become the text that every citation offset indexes."""

from __future__ import annotations

import hashlib
from pathlib import Path

from sitegen.paths import read_regular


def decode(raw: bytes) -> str:
    """UTF-8 with bad bytes replaced, newlines untouched: the contract's `text`."""
    return raw.decode("utf-8", errors="replace")


def read_article(path: Path) -> tuple[str, str]:
    """Return (text, sha256 of the bytes) for an article file."""
    raw = read_regular(path, what="article")
    return decode(raw), hashlib.sha256(raw).hexdigest()
