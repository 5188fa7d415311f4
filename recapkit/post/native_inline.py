"""One block's inline events from pyromark turned into markdown-it-py's ``inline`` token.

The token carries what markdown-it-py's would: ``content`` (the block's text with the container
markers of each line removed, stripped), and ``children`` (text runs joined, emphasis, links,
images with their alt as children, code spans, raw HTML, breaks), each image, link, code span and
raw HTML child with ``meta["span"]``: its start and end in ``content``, as
:func:`recapkit.post.markdown.make_parser` records them.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Any

from recapkit.post.inline_text import plain_text
from recapkit.post.native_lines import Nesting, line_content
from recapkit.post.native_source import ByteSource
from recapkit.post.token import Token

Event = tuple[Any, dict[str, int]]
"""A pyromark event and its byte range (``{"start": ..., "end": ...}``), as pyromark yields them."""

_AUTOLINKS = frozenset({"Autolink", "Email"})
_BLANK = frozenset(b" \t")
# What markdown-it-py (4.0 on) strips off a block's content, its ``MD_TRIM_CHARS``: CommonMark's
# whitespace and the Unicode spaces, not U+0085 or the C0 separators Python's str.strip() also
# takes. Written out so a native parse need not import markdown-it-py;
# tests/post/test_native_parser.py checks it against the installed one.
TRIM = (
    "\t\n\x0b\x0c\r \xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u2028\u2029\u202f\u205f\u3000"
)


class _Content:
    """The inline content of a block and the way from source characters to content offsets."""

    def __init__(
        self, source: ByteSource, first: int, last: int, nest: Nesting, cell: bool
    ) -> None:
        text = source.text
        line, last_line = source.char_line(first), source.char_line(last)
        pieces: list[str] = []
        self.sources: list[int] = []
        self.offsets: list[int] = []
        start, offset, pad = first, 0, ""
        while True:
            end = last if line == last_line else source.line_end(line)
            self.sources.append(start)
            self.offsets.append(offset + len(pad))
            pieces.append(pad + text[start:end])
            offset += len(pad) + end - start + 1
            if line >= last_line:
                break
            line += 1
            start, pad = line_content(text, source.line_start(line), nest)
        content = "\n".join(pieces)
        if cell and "\\|" in content:
            content = self._unescape_pipes(first, content)
        self.lead = len(content) - len(content.lstrip(TRIM))
        self.trail = len(content) - len(content.rstrip(TRIM))
        self.text = content.strip(TRIM)

    def _unescape_pipes(self, start: int, piece: str) -> str:
        """A table cell's content as markdown-it-py gives it: each `\\|` a `|` (GFM)."""
        self.sources, self.offsets = [], []
        parts, source, offset = [], start, 0
        for index, part in enumerate(piece.split("\\|")):
            if index:
                source += 1  # the backslash
                part = "|" + part
            self.sources.append(source)
            self.offsets.append(offset)
            parts.append(part)
            source += len(part)
            offset += len(part)
        return "".join(parts)

    def offset(self, char: int) -> int:
        """The offset in the stripped content of source character *char*."""
        index = bisect.bisect_right(self.sources, char) - 1
        return self.offsets[index] + char - self.sources[index] - self.lead


def inline_token(
    source: ByteSource,
    events: Sequence[Event],
    nest: Nesting,
    where: list[int],
    level: int,
    cell: bool = False,
) -> Token:
    """The ``inline`` token of one paragraph, heading or table cell (*events* non-empty)."""
    if len(events) == 1:
        plain = _plain_text(source, events[0])
        if plain is not None:
            child = Token("text", "", 0, content=plain)
            return Token("inline", "", 0, where, level, plain, [child])
    first = source.char(events[0][1]["start"])
    if first and source.text[first - 1] == "\\":
        first -= 1  # an escape (`\_x`) opens the block: its text event starts after it
    last = source.char(_content_end(source, events))
    content = _Content(source, first, last, nest, cell)
    children = _Children(source, content).build(events)
    return Token("inline", "", 0, where, level, content.text, children)


def _content_end(source: ByteSource, events: Sequence[Event]) -> int:
    """The byte where a block's inline content ends: the last event's end (an end event's range
    holds all before it), past the `[]` of a collapsed reference that ends the block."""
    end = events[-1][1]["end"]
    if source.data[end : end + 2] != b"[]":
        return end
    for event, where in events:
        tag = event.get("Start") if type(event) is dict else None
        link = (tag.get("Link") or tag.get("Image")) if type(tag) is dict else None
        if link is not None and where["end"] == end:
            return _link_end(source, link, end)
    return end


def _link_end(source: ByteSource, link: dict[str, Any], end: int) -> int:
    """Where the link or image pyromark ends at byte *end* really ends: pulldown-cmark ends a
    collapsed reference (`[text][]`) before its `[]`."""
    if link["link_type"] == "Collapsed" and source.data[end : end + 2] == b"[]":
        return end + 2
    return end


def _plain_text(source: ByteSource, event: Event) -> str | None:
    """The text of a block that is one text event written as it reads (no escape, no entity,
    no space for markdown-it to strip), else None: most headings, cells and list items."""
    kind, where = event
    start, end = where["start"], where["end"]
    if type(kind) is not dict or "Text" not in kind:
        return None
    value: str = kind["Text"]
    written = source.text[start:end] if source.ascii else source.data[start:end].decode()
    if written != value or value.strip(TRIM) != value:
        return None
    if start and source.data[start - 1 : start] == b"\\":
        return None
    return value


class _Children:
    def __init__(self, source: ByteSource, content: _Content) -> None:
        self.source = source
        self.content = content
        self.links: list[Token] = []

    def span(self, where: dict[str, int], end: int | None = None) -> tuple[int, int]:
        """The content offsets of an event's byte range (ending at *end* when given)."""
        char, offset = self.source.char, self.content.offset
        return offset(char(where["start"])), offset(char(where["end"] if end is None else end))

    def build(self, events: Sequence[Event]) -> list[Token]:
        stack: list[list[Token]] = [[]]
        images: list[Token] = []
        text: list[str] = []
        for event, where in events:
            if type(event) is str:
                kind = event
                value: Any = None
            else:
                ((kind, value),) = event.items()
            if kind == "Text":
                text.append(value)
                continue
            if kind == "SoftBreak" or kind == "HardBreak":
                kept = self._space_kept(where["start"])
                if kept:
                    text.append(kept)
            out = stack[-1]
            if text:
                out.append(Token("text", "", 0, content="".join(text)))
                text = []
            if kind == "SoftBreak":
                out.append(Token("softbreak", "br", 0))
            elif kind == "HardBreak":
                out.append(Token("hardbreak", "br", 0))
            elif kind == "Code":
                out.append(self._spanned("code_inline", "code", value, where, "`"))
            elif kind == "InlineHtml":
                out.append(self._spanned("html_inline", "", value, where, ""))
            elif kind == "Start":
                if value == "Strong" and (not out or out[-1].type != "text"):
                    out.append(Token("text", "", 0))  # markdown-it's spent delimiter
                self._open(value, where, stack, images)
            elif kind == "End":
                self._close(value, stack, images)
                if value == "Strong":
                    text.append("")  # the closing one, joined to the text after it
        if text:
            stack[-1].append(Token("text", "", 0, content="".join(text)))
        return _trimmed(stack[0], self.content)

    def _space_kept(self, start: int) -> str:
        """The tabs before a line break (at byte *start*) that markdown-it-py keeps in the text:
        it drops only the spaces at a line's end, pulldown-cmark every space and tab."""
        data = self.source.data
        first = end = start
        while first and data[first - 1] in _BLANK:
            first -= 1
        while end < len(data) and data[end] in _BLANK:
            end += 1
        return data[first:end].rstrip(b" ").decode() if first < end else ""

    def _spanned(
        self, kind: str, tag: str, content: str, where: dict[str, int], markup: str
    ) -> Token:
        token = Token(kind, tag, 0, content=content, markup=markup)
        token.meta["span"] = self.span(where)
        return token

    def _open(
        self, tag: Any, where: dict[str, int], stack: list[list[Token]], images: list[Token]
    ) -> None:
        out = stack[-1]
        if tag == "Emphasis":
            out.append(Token("em_open", "em", 1, markup="*"))
        elif tag == "Strong":
            out.append(Token("strong_open", "strong", 1, markup="**"))
        elif tag == "Strikethrough":
            out.append(Token("s_open", "s", 1, markup="~~"))
        elif "Link" in tag:
            link = tag["Link"]
            autolink = link["link_type"] in _AUTOLINKS
            url = link["dest_url"]
            href = "mailto:" + url if link["link_type"] == "Email" else url
            token = Token("link_open", "a", 1)
            token.attrs["href"] = href
            if link["title"]:
                token.attrs["title"] = link["title"]
            token.markup = "autolink" if autolink else ""
            token.info = "auto" if autolink else ""
            self.links.append(token)
            token.meta["span"] = self.span(where, _link_end(self.source, link, where["end"]))
            out.append(token)
        elif "Image" in tag:
            image = tag["Image"]
            token = Token("image", "img", 0)
            token.attrs.update(src=image["dest_url"], alt="")
            if image["title"]:
                token.attrs["title"] = image["title"]
            token.meta["span"] = self.span(where, _link_end(self.source, image, where["end"]))
            token.children = []
            out.append(token)
            images.append(token)
            stack.append(token.children)

    def _close(self, tag: Any, stack: list[list[Token]], images: list[Token]) -> None:
        if tag == "Emphasis":
            stack[-1].append(Token("em_close", "em", -1, markup="*"))
        elif tag == "Strong":
            stack[-1].append(Token("strong_close", "strong", -1, markup="**"))
        elif tag == "Strikethrough":
            stack[-1].append(Token("s_close", "s", -1, markup="~~"))
        elif tag == "Link":
            opened = self.links.pop()
            closed = Token("link_close", "a", -1, markup=opened.markup)
            closed.info = opened.info
            stack[-1].append(closed)
        elif tag == "Image":
            stack.pop()
            image = images.pop()
            image.content = plain_text(image.children or [])


def _trimmed(children: list[Token], content: _Content) -> list[Token]:
    """*children* as markdown-it-py parses the stripped content: Unicode spaces (an
    ideographic space, a no-break space) that CommonMark keeps as text are gone at both ends."""
    if content.lead:
        _trim_end(children, 0)
    if content.trail:
        _trim_end(children, -1)
    return children


def _trim_end(children: list[Token], index: int) -> None:
    while children and children[index].type in ("text", "softbreak", "hardbreak"):
        child = children[index]
        if child.type == "text":
            kept = child.content.lstrip(TRIM) if index == 0 else child.content.rstrip(TRIM)
            if kept:
                child.content = kept
                return
        children.pop(index)
