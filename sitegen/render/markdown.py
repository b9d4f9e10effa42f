"""Markdown for YAML fields and hand-written pages, with raw HTML always escaped.

Text in content/ comes from articles and from people editing YAML; none of it may
inject markup, so the CommonMark parser runs with `html` off.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markupsafe import Markup

_MARKDOWN = MarkdownIt("commonmark", {"html": False})
# For text shown inside a link (a claim statement in a list): nested links are invalid.
_LINKLESS = MarkdownIt("commonmark", {"html": False}).disable(["link", "autolink", "image"])


def markdown(text: str | None) -> Markup:
    """Block Markdown (paragraphs, lists, headings) as safe HTML."""
    return Markup(_MARKDOWN.render(text or ""))


# The characters that can start inline Markdown (or, NUL, be replaced): a text without
# any is its own rendering, escaped. Most statements and names are such plain text, and
# the parser costs ~0.1 ms per call.
_MARKUP = re.compile(r"[\\`*_\[\]!<&\n\r\x00]")
_ESCAPES = str.maketrans({">": "&gt;", '"': "&quot;"})


@lru_cache(maxsize=65_536)  # a statement shows on many pages: render it once
def inline_markdown(text: str | None, links: bool = True) -> Markup:
    """One line of Markdown (emphasis, code, links) without a wrapping paragraph.

    `links=False` leaves link syntax as text, for use inside an `<a>` element.
    """
    text = text or ""
    if _MARKUP.search(text) is None:
        return Markup(text.translate(_ESCAPES))
    parser = _MARKDOWN if links else _LINKLESS
    return Markup(parser.renderInline(text))


@lru_cache(maxsize=65_536)  # a claim page shows its statement so three times
def plain_text(text: str | None) -> str:
    """One line of Markdown as plain text: for titles in feeds, search and metadata."""
    if text and _MARKUP.search(text) is None:
        return " ".join(text.split())  # what striptags leaves of it
    return inline_markdown(text, links=False).striptags()
