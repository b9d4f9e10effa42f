"""How a word of a name is compared across spellings: without accents, case, dots or
apostrophes ("Zelenskyy" / "ZELENSKYY", "O'Brien" / "OBrien", "José" / "Jose").

Extraction, the merge and `sitegen check` (which names two people spelled alike) all
compare names this way; it lives outside `sitegen/extract/` so that checking content/
needs no extraction code.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=4096)
def fold(word: str) -> str:
    """A name word without accents, case, dots or apostrophes."""
    folded = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()
    return folded.replace(".", "").replace("'", "").replace("’", "") or word.lower()
