"""Inline Markdown: plain text skips the parser and must come out as the parser's."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup

from sitegen.render import markdown

# any character, and more often the ones Markdown or HTML give a meaning to
_TEXT = st.text(
    st.characters(max_codepoint=0x3000) | st.sampled_from(list(" \t\n*_`[]!<>&\"'\\#-.:/\x00")),
    max_size=30,
)


@settings(max_examples=2000, deadline=None)
@given(_TEXT, st.booleans())
def test_inline_markdown_is_what_the_parser_renders(text: str, links: bool) -> None:
    parser = markdown._MARKDOWN if links else markdown._LINKLESS
    assert markdown.inline_markdown.__wrapped__(text, links) == parser.renderInline(text)
    assert markdown.plain_text(text) == Markup(markdown._LINKLESS.renderInline(text)).striptags()


def test_plain_statements_skip_the_parser_and_are_escaped() -> None:
    text = 'He said "5 > 3" and left'
    assert markdown._MARKUP.search(text) is None
    assert markdown.inline_markdown(text) == "He said &quot;5 &gt; 3&quot; and left"
    assert markdown.inline_markdown("**bold** <b>") == "<strong>bold</strong> &lt;b&gt;"
