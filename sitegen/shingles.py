"""A quotation's runs of words, as the merge compares quotations and a claim page
compares its origins' printings. Its own module: the render would otherwise import the
merge's features, and with them the extraction's lexicon and rules (~30 ms of every
render's start)."""

from __future__ import annotations

import re


def shingles(text: str, size: int) -> set[str]:
    """The quotation's runs of `size` words ("fight for ukraine"), each one string."""
    words = re.findall(r"[a-z0-9]+", text.lower().replace("’", "'"))
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}
