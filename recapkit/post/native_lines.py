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
    before it: its indentation beyond the list item's (markdown-it's ``getLines``; a tab
    reaches the next multiple of four columns of the whole line)."""
    index = after_quotes(text, start, nest[0])
    base = column = _column(text, start, index)
    while column - base < nest[1] and text[index : index + 1] in (" ", "\t"):
        column += 4 - column % 4 if text[index] == "\t" else 1
        index += 1
    extra = column - base - nest[1]
    return index, " " * extra if extra > 0 else ""


def _column(text: str, start: int, index: int) -> int:
    """The column of *index* in the line starting at *start*, tabs expanded."""
    return len(text[start:index].expandtabs(4))


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
    line_start = source.line_start(source.char_line(char))
    base = _column(text, line_start, after_quotes(text, line_start, quotes))
    match = _MARKER.match(text, char)
    if match is None:
        return "", "", 0
    marker = match.group(1)
    markup, info = (marker[-1], marker[:-1]) if marker[-1] in ".)" else (marker, "")
    after = _column(text, line_start, match.end(1))
    spaces = _column(text, line_start, match.end()) - after
    rest = text[match.end() : match.end() + 1]
    gap = spaces if 1 <= spaces <= 4 and rest not in ("\n", "") else 1
    return markup, info, after - base + gap


def in_item(source: ByteSource, line: int, quotes: int, column: int) -> bool:
    """Whether *line* (inside *quotes* blockquotes) still belongs to the list item whose content
    starts at *column*: blank, or indented that far."""
    text = source.text
    start = source.line_start(line)
    index = after_quotes(text, start, quotes)
    base = _column(text, start, index)
    while text[index : index + 1] in (" ", "\t"):
        index += 1
    return text[index : index + 1] in ("\n", "") or _column(text, start, index) - base >= column


def empty_quote_end(source: ByteSource, line: int) -> int:
    """markdown-it-py ends a one-line blockquote without text (`>`) that ends before *line*
    after the blank line that follows it."""
    first = source.line_text(line - 1)
    blank_next = line + 1 < source.line_count() and not source.line_text(line).strip()
    if blank_next and not first.strip(" \t>"):
        return line + 1
    return line
