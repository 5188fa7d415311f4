"""Parse a post's body with pyromark (pulldown-cmark, in Rust) into markdown-it-py's tokens.

:func:`parse_tokens` gives what :func:`recapkit.post.markdown_it_parse.parse_tokens` gives, in about half
the time (``python bench/parser_speed.py``): the same block tokens with the same ``map`` lines
and ``level``, and ``inline`` tokens whose children carry the same ``meta["span"]`` (see
:mod:`recapkit.post.native_inline`). Both
parsers implement CommonMark with GFM tables; `bench/findings_parity.py` and
``tests/post/test_native_parser.py`` hold them to the same findings and tokens.

A body where the two grammars may part (a GFM table, a few rarer corners: see
:mod:`recapkit.post.native_limits`) is parsed by markdown-it-py itself.

pulldown-cmark reports a range for every event but no tight-list paragraphs: their text sits
directly in the list item, and markdown-it-py's hidden ``paragraph_open`` is made here.
"""

from __future__ import annotations

from typing import Any

import pyromark

from recapkit.post.native_inline import Event, inline_token
from recapkit.post.native_limits import grammars_differ
from recapkit.post.native_lines import (
    Nesting,
    empty_quote_end,
    fence_line,
    in_item,
    item_column,
)
from recapkit.post.native_source import ByteSource
from recapkit.post.token import Token

_OPTIONS = pyromark.Options.ENABLE_TABLES
_INLINE_TAGS = frozenset({"Emphasis", "Strong", "Strikethrough", "Link", "Image"})
_CONTAINERS = frozenset(
    {"blockquote_open", "bullet_list_open", "ordered_list_open", "list_item_open"}
)


def parse_tokens(source: str) -> list[Token]:
    """markdown-it-py's block tokens of *source* (see :mod:`recapkit.post.markdown_it_parse`): text
    UTF-8 can encode (:func:`recapkit.post.load.load_post` refuses a lone surrogate)."""
    if grammars_differ(source):
        from recapkit.post.markdown_it_parse import parse_tokens as markdown_it_tokens

        return markdown_it_tokens(source)
    if "\0" in source:
        source = source.replace("\0", "\ufffd")  # as markdown-it-py does (CommonMark 2.3)
    return _Blocks(ByteSource(source)).build(
        pyromark.events_with_range(source, options=_OPTIONS, merge_text=True)
    )


class _Blocks:
    def __init__(self, source: ByteSource) -> None:
        self.source = source
        self.tokens: list[Token] = []
        self.level = 0
        self.last_end = 0
        """The line after the last block seen (markdown-it's end of a container, with blank
        lines after it)."""
        self.opened: list[Token] = []
        self.containers: list[int] = []
        """Open blockquotes (-1) and list items (their content column), innermost last."""
        self.quotes = 0
        """How many of :attr:`containers` are blockquotes (counted once, not on every line)."""
        self.inline: list[Event] | None = None
        self.inline_map: list[int] = []
        self.cell = False
        self.hidden = False
        self.hidden_open = Token("paragraph_open", "p", 1)
        self.code: list[str] | None = None
        self.table_end = 0
        self.in_body = False
        self.row_map: list[int] = []

    def build(self, events: Any) -> list[Token]:
        for pair in events:
            event, where = pair
            if type(event) is str:  # SoftBreak, HardBreak, Rule
                if event == "Rule":
                    self._block_event()
                    self._leaf("hr", "hr", where["start"], where["end"], markup="---")
                else:
                    self._inline_event(pair)
                continue
            kind = next(iter(event))
            value = event[kind]
            if kind == "Start" or kind == "End":
                name = value if type(value) is str else next(iter(value))
                if name in _INLINE_TAGS:
                    self._inline_event(pair)
                elif kind == "Start":
                    self._block_event()
                    self._start(name, value, where["start"], where["end"])
                else:
                    self._block_event()
                    self._end(name)
            elif self.code is not None:
                self.code.append(value)
            else:
                self._inline_event(pair)
        return self.tokens

    def _inline_event(self, pair: Event) -> None:
        if self.inline is None:
            self._open_hidden()
        assert self.inline is not None
        self.inline.append(pair)

    def _block_event(self) -> None:
        if self.hidden:
            self._close_hidden()

    def _map(self, start: int, end: int) -> list[int]:
        return [self.source.line(start), self.source.end_line(end)]

    def _open(self, kind: str, tag: str, where: list[int] | None, markup: str = "") -> Token:
        token = Token(kind, tag, 1, where, self.level, markup=markup)
        token.block = True
        self.tokens.append(token)
        self.level += 1
        if where and kind not in _CONTAINERS:
            self.last_end = max(self.last_end, where[1])
        return token

    def _open_container(self, kind: str, tag: str, where: list[int], markup: str = "") -> Token:
        token = self._open(kind, tag, where, markup)
        self.opened.append(token)
        return token

    def _close_container(self, kind: str, tag: str, markup: str = "") -> None:
        """Close the innermost container where markdown-it-py ends it: after its last block and
        the lines after that still inside it (blank or indented lines of a list item, `>` lines
        of a blockquote); pulldown-cmark also gives it the link reference definitions after it."""
        token = self.opened.pop()
        assert token.map is not None
        line, end = max(self.last_end, token.map[0] + 1), token.map[1]
        source = self.source
        if kind == "list_item_close":
            column = self.containers.pop()
            quotes = self.quotes
            while line < end and in_item(source, line, quotes, column):
                line += 1
        elif kind == "blockquote_close":
            self.containers.pop()
            self.quotes -= 1
            while line < end and source.line_text(line).lstrip(" \t").startswith(">"):
                line += 1
            if line == token.map[0] + 1:
                line = empty_quote_end(source, line)
        token.map[1] = line
        self.last_end = max(self.last_end, line)
        self._close(kind, tag, markup)

    def _close(self, kind: str, tag: str, markup: str = "") -> Token:
        self.level -= 1
        token = Token(kind, tag, -1, None, self.level, markup=markup)
        token.block = True
        self.tokens.append(token)
        return token

    def _leaf(self, kind: str, tag: str, start: int, end: int, markup: str = "") -> Token:
        where = self._map(start, end)
        token = Token(kind, tag, 0, where, self.level, markup=markup)
        token.block = True
        self.tokens.append(token)
        self.last_end = max(self.last_end, where[1])
        return token

    def _start(self, name: str, tag: Any, start: int, end: int) -> None:
        where = self._map(start, end)
        if name == "Paragraph":
            self._open("paragraph_open", "p", where)
            self._collect(where)
        elif name == "Heading":
            level = tag["Heading"]["level"][1]
            self._open("heading_open", f"h{level}", where, markup="#" * int(level))
            setext = self.source.data[start:end].lstrip(b" \t")[:1] != b"#"
            self._collect([where[0], where[1] - 1] if setext else where)
        elif name == "BlockQuote":
            self._open_container("blockquote_open", "blockquote", where, markup=">")
            self.containers.append(-1)
            self.quotes += 1
        elif name == "List":
            number = tag["List"]
            if number is None:
                self._open_container("bullet_list_open", "ul", where)
            else:
                attrs = {"start": number} if number != 1 else {}
                self._open_container("ordered_list_open", "ol", where).attrs.update(attrs)
        elif name == "Item":
            item = self._open_container("list_item_open", "li", where)
            item.markup, item.info, column = item_column(self.source, start, self.quotes)
            self.containers.append(column)
        else:
            self._start_leaf_or_table(name, tag, start, end, where)

    def _start_leaf_or_table(
        self, name: str, tag: Any, start: int, end: int, where: list[int]
    ) -> None:
        if name == "CodeBlock":
            block = tag["CodeBlock"]
            if type(block) is dict:
                fence = self._leaf("fence", "code", start, end)
                fence.markup, fence.info = fence_line(self.source, start)
            else:
                self._leaf("code_block", "code", start, end)
            self.code = []
        elif name == "HtmlBlock":
            self._leaf("html_block", "", start, end)
            self.code = []
        elif name == "Table":
            self._open("table_open", "table", where)
            self.table_end, self.in_body = end, False
        elif name == "TableHead":
            self._open("thead_open", "thead", where)
            self._open("tr_open", "tr", where)
            self.row_map = where
        elif name == "TableRow":
            if not self.in_body:
                self._open("tbody_open", "tbody", [where[0], self.source.end_line(self.table_end)])
                self.in_body = True
            self._open("tr_open", "tr", where)
            self.row_map = where
        elif name == "TableCell":
            self._open(
                "td_open" if self.in_body else "th_open", "td" if self.in_body else "th", None
            )
            self._collect(self.row_map, cell=True)

    def _end(self, name: str) -> None:
        if name == "Paragraph":
            self._flush()
            self._close("paragraph_close", "p")
        elif name == "Heading":
            opened = next(t for t in reversed(self.tokens) if t.type == "heading_open")
            self._flush()
            self._close("heading_close", opened.tag, markup=opened.markup)
        elif name == "BlockQuote":
            self._close_container("blockquote_close", "blockquote", markup=">")
        elif name == "List":
            opened = self.opened[-1]
            self._close_container(opened.type.replace("_open", "_close"), opened.tag)
        elif name == "Item":
            self._close_container("list_item_close", "li")
        elif name in ("CodeBlock", "HtmlBlock"):
            block = self.tokens[-1]
            block.content = "".join(self.code or ())
            if block.type == "code_block" and not block.content.endswith("\n"):
                block.content += "\n"  # markdown-it-py ends the last line of the file too
            self.code = None
        else:
            self._end_table(name)

    def _end_table(self, name: str) -> None:
        if name == "TableCell":
            self._flush()
            self._close("td_close" if self.in_body else "th_close", "td" if self.in_body else "th")
        elif name == "TableRow":
            self._close("tr_close", "tr")
        elif name == "TableHead":
            self._close("tr_close", "tr")
            self._close("thead_close", "thead")
        elif name == "Table":
            if self.in_body:
                self._close("tbody_close", "tbody")
            self._close("table_close", "table")

    def _collect(self, where: list[int], cell: bool = False) -> None:
        self.inline, self.inline_map, self.cell = [], where, cell

    def _flush(self) -> None:
        events = self.inline or []
        self.inline = None
        if events:
            token = inline_token(
                self.source, events, self._nesting(), self.inline_map, self.level, self.cell
            )
        else:
            token = Token("inline", "", 0, self.inline_map, self.level, children=[])
        self.tokens.append(token)

    def _open_hidden(self) -> None:
        """A tight list item's text: markdown-it-py's hidden paragraph (map made on close)."""
        self.hidden_open = self._open("paragraph_open", "p", None)
        self.hidden_open.hidden = True
        self._collect([])
        self.hidden = True

    def _close_hidden(self) -> None:
        events = self.inline or []
        first, last = events[0][1]["start"], max(span["end"] for _event, span in events)
        where = [self.source.line(first), self.source.end_line(last)]
        self.hidden_open.map = where
        self.inline_map = where
        self.last_end = max(self.last_end, where[1])
        self._flush()
        self._close("paragraph_close", "p").hidden = True
        self.hidden = False

    def _nesting(self) -> Nesting:
        quotes = self.quotes
        indent = self.containers[-1] if self.containers and self.containers[-1] >= 0 else 0
        return quotes, indent
