"""Markdown for YAML fields and hand-written pages, with raw HTML always escaped.

Text in content/ comes from articles and from people editing YAML; none of it may
inject markup, so the CommonMark parser runs with `html` off.
"""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt
from markupsafe import Markup

_MARKDOWN = MarkdownIt("commonmark", {"html": False})
# For text shown inside a link (a claim statement in a list): nested links are invalid.
_LINKLESS = MarkdownIt("commonmark", {"html": False}).disable(["link", "autolink", "image"])


def markdown(text: str | None) -> Markup:
    """Block Markdown (paragraphs, lists, headings) as safe HTML."""
    return Markup(_MARKDOWN.render(text or ""))


@lru_cache(maxsize=65_536)  # a statement shows on many pages: render it once
def inline_markdown(text: str | None, links: bool = True) -> Markup:
    """One line of Markdown (emphasis, code, links) without a wrapping paragraph.

    `links=False` leaves link syntax as text, for use inside an `<a>` element.
    """
    parser = _MARKDOWN if links else _LINKLESS
    return Markup(parser.renderInline(text or ""))


def plain_text(text: str | None) -> str:
    """One line of Markdown as plain text: for titles in feeds, search and metadata."""
    return inline_markdown(text, links=False).striptags()
