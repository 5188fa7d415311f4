"""The importer's reading of one line: its shortcuts (a line with no Markdown syntax is not
parsed; a line with no ``](`` or autolink has no link) read every line as markdown-it does."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from recapkit.importing import inline
from recapkit.importing.inline import Anchor, anchors, only_anchors, plain

# What recap lines are made of: CJK and Latin words, separators, emphasis, links and images,
# autolinks and HTML, code spans, escapes, entities, line breaks, NUL and CR.
PIECES = (
    "嘉宾",
    "：",
    "讲师",
    "《Go 泛型》",
    "Speaker",
    " ",
    "  ",
    "\t",
    ":",
    "·",
    " | ",
    "、",
    "/",
    "(",
    ")",
    "*",
    "**",
    "_",
    "__",
    "`",
    "``",
    "[",
    "]",
    "![",
    "](",
    "[slides](https://speakerdeck.com/a/b)",
    "![photo](a.png)",
    "[视频](https://www.bilibili.com/video/BV1)",
    "<https://go.dev/talks>",
    "<a@b.co>",
    "<mailto:a@b.co>",
    "<HTTP://X.Y>",
    "[a][b]",
    "[ref]",
    "] (",
    "]\n(",
    "<br>",
    "<",
    ">",
    "\\",
    "\\*",
    "\\[",
    "\\#",
    "\\:",
    "&amp;",
    "&#x5E7B;",
    "&nbsp;",
    "&",
    "!",
    "\n",
    "\r\n",
    "\r",
    "\0",
    "~",
    "#",
    "a",
    "Go",
)

# Lines without `[` too: what decides whether an autolink, an entity or an escape is read.
lines = (
    st.lists(st.sampled_from(PIECES), max_size=14).map("".join)
    | st.lists(st.sampled_from([p for p in PIECES if "[" not in p]), max_size=8).map("".join)
    | st.text(max_size=30)
)


def _slow(source: str) -> tuple[Token, ...]:
    """markdown-it's reading of *source*, with no shortcut and no cache."""
    tokens = MarkdownIt("commonmark").parseInline(source)
    return tuple(tokens[0].children or []) if tokens else ()


@given(lines)
def test_plain_is_markdown_its_text(source: str) -> None:
    assert plain(source) == inline._plain(_slow(source))


@given(lines)
def test_anchors_are_markdown_its_links(source: str) -> None:
    assert anchors(source) == inline._anchors(_slow(source))


@given(lines)
def test_only_anchors_as_markdown_it_reads_it(source: str) -> None:
    assert only_anchors(source) == inline._only_anchors(_slow(source))


def test_a_line_of_plain_text_reads_as_itself() -> None:
    assert plain("  嘉宾：王磊 ") == "嘉宾：王磊"
    assert anchors("嘉宾：王磊") == []
    assert not only_anchors("、 / ·")


def test_links_images_and_autolinks_are_read() -> None:
    source = "[PPT](https://a.com/x.pdf) · ![王磊](me.png) · <https://go.dev/talks>"
    assert anchors(source) == [
        Anchor("PPT", "https://a.com/x.pdf"),
        Anchor("王磊", "me.png", image=True),
        Anchor("https://go.dev/talks", "https://go.dev/talks"),
    ]
    assert only_anchors(source)
    assert only_anchors("<https://go.dev/talks> / <a@b.co>")
    assert plain("**嘉宾**：王磊 \\*") == "嘉宾：王磊 *"
