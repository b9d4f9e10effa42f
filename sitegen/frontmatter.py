"""YAML front matter (`---` fenced block at the top of a Markdown file)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_FENCE = re.compile(
    r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M
)


@dataclass
class FrontMatter:
    yaml_text: str  # "" when the file has none
    yaml_line: int  # 1-based line where the YAML text starts
    body_start: int  # offset of the body in the original text


def split_front_matter(text: str) -> FrontMatter:
    match = _FENCE.match(text)
    if not match:
        return FrontMatter("", 1, 0)
    return FrontMatter(match.group(1), 2, match.end())
