"""What pulldown-cmark's events leave out and markdown-it-py's tokens hold, read from the lines.

A fence's marker and info string as written, a list item's marker and the column its content
starts at, where a blockquote's markers end on a line, and markdown-it-py's end of a blockquote
holding no text.
"""

from __future__ import annotations

import re

from recapkit.post.native_source import ByteSource

_MARKER = re.compile(r"[ \t]*([-+*]|[0-9]{1,9}[.)])([ \t]*)")

Nesting = tuple[int, int]
"""Where a block sits: how many blockquotes hold it, and the indentation (columns after the
innermost blockquote's marker) of the list item holding it (0: none)."""


def after_quotes(text: str, start: int, quotes: int) -> int:
    """Where a line's text starts after its *quotes* blockquote markers (each ``>`` and one
    space after it); a lazy continuation line has none."""
    index = start
    for _ in range(quotes):
        before = index
        while text[index : index + 1] in (" ", "\t"):
            index += 1
        if text[index : index + 1] != ">":
            return before
        index += 1
        if text[index : index + 1] == " ":
            index += 1
    return index


def line_content(text: str, start: int, nest: Nesting) -> tuple[int, str]:
    """Where a continuation line's inline content starts and the spaces markdown-it-py puts
    before it: its indentation beyond the list item's (markdown-it's ``getLines``)."""
    index = after_quotes(text, start, nest[0])
    column = 0
    while column < nest[1] and text[index : index + 1] in (" ", "\t"):
        column += 4 - column % 4 if text[index] == "\t" else 1
        index += 1
    pad = " " * (column - nest[1]) if column > nest[1] else ""
    return index, pad


def fence_line(source: ByteSource, start: int) -> tuple[str, str]:
    """The marker and the info string, unstripped (markdown-it-py's), of the fence starting at
    byte *start*."""
    char = source.char(start)
    line = source.text[char : source.line_end(source.char_line(char))]
    info = line.lstrip(line[:1])
    return line[: len(line) - len(info)], info


def item_column(source: ByteSource, start: int, quotes: int) -> tuple[str, str, int]:
    """The marker of the list item starting at byte *start* (inside *quotes* blockquotes), its
    number as written when ordered (markdown-it-py's ``info``), and the column of its content
    after the line's blockquote markers: the marker's width and the spaces after it (one when
    they are more than four)."""
    text = source.text
    char = source.char(start)
    base = after_quotes(text, source.line_start(source.char_line(char)), quotes)
    match = _MARKER.match(text, char)
    if match is None:
        return "", "", 0
    marker = match.group(1)
    markup, info = (marker[-1], marker[:-1]) if marker[-1] in ".)" else (marker, "")
    spaces = len(match.group(2).expandtabs(4))
    rest = text[match.end() : match.end() + 1]
    after = match.end(1) - base
    return markup, info, after + (spaces if 1 <= spaces <= 4 and rest not in ("\n", "") else 1)


def in_item(source: ByteSource, line: int, quotes: int, column: int) -> bool:
    """Whether *line* (inside *quotes* blockquotes) still belongs to the list item whose content
    starts at *column*: blank, or indented that far."""
    text = source.text
    start = source.line_start(line)
    index = after_quotes(text, start, quotes)
    indent = 0
    while text[index : index + 1] in (" ", "\t"):
        indent += 4 - indent % 4 if text[index] == "\t" else 1
        index += 1
    return text[index : index + 1] in ("\n", "") or indent >= column


def empty_quote_end(source: ByteSource, line: int) -> int:
    """markdown-it-py ends a one-line blockquote without text (`>`) that ends before *line*
    after the blank line that follows it."""
    first = source.line_text(line - 1)
    blank_next = line + 1 < source.line_count() and not source.line_text(line).strip()
    if blank_next and not first.strip(" \t>"):
        return line + 1
    return line
