"""URL-safe, stable, unique ids (`[a-z0-9][a-z0-9-]*`) from names and titles."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_RESERVED = {"con", "prn", "aux", "nul", "index", "static"} | {
    f"{name}{n}" for name in ("com", "lpt") for n in range(10)
}


def slugify(text: str, max_length: int = 60) -> str:
    """Lower-case ASCII words joined by hyphens, cut at a word boundary.

    Text with no ASCII letters or digits (a name in Japanese script, say) gets a short
    hash of itself, so it still has a stable, safe id.
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", folded.lower())
    if not words:
        return "x-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
    slug = words[0][:max_length]
    for word in words[1:]:
        if len(slug) + 1 + len(word) > max_length:
            break
        slug += "-" + word
    return slug + "-x" if slug in _RESERVED else slug


def unique_slug(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3`, ... whichever is not in `taken`; adds it to `taken`."""
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    taken.add(candidate)
    return candidate
