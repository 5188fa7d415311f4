"""Byte offsets of a native parser's events turned into lines and character offsets.

pulldown-cmark (through pyromark) reports every event's range in UTF-8 bytes of the source; the
rest of recapkit counts characters. Most posts are plain ASCII, where the two are the same; for
the others only the line holding an offset is decoded, when that offset is asked for.
"""

from __future__ import annotations

import bisect
import re

from recapkit._text import line_starts


class ByteSource:
    """One Markdown source, indexed by the byte offsets pyromark reports."""

    __slots__ = ("_char_starts", "_starts", "ascii", "data", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.ascii = text.isascii()
        self.data = text.encode("utf-8")
        self._char_starts = line_starts(text)
        # In UTF-8 a newline is one byte in any text: the same lines, counted in bytes.
        self._starts = (
            self._char_starts
            if self.ascii
            else [0, *(m.end() for m in re.finditer(b"\n", self.data))]
        )

    def line(self, offset: int) -> int:
        """The 0-based line of byte *offset*."""
        return bisect.bisect_right(self._starts, offset) - 1

    def end_line(self, end: int) -> int:
        """The line after a block that ends at byte *end* (markdown-it's ``map[1]``).

        A block's range stops at the start of the next line, or after the indentation of the
        next line (pulldown-cmark gives a list its last blank lines that way), or just after
        its last character.
        """
        line = self.line(end)
        if self.data[self._starts[line] : end].strip(b" \t"):
            return line + 1
        return line

    def char(self, offset: int) -> int:
        """The character offset of byte *offset*."""
        if self.ascii:
            return offset
        line = bisect.bisect_right(self._starts, offset) - 1
        start = self._starts[line]
        return self._char_starts[line] + len(self.data[start:offset].decode("utf-8", "replace"))

    def char_line(self, char: int) -> int:
        """The 0-based line of character offset *char*."""
        return bisect.bisect_right(self._char_starts, char) - 1

    def line_start(self, line: int) -> int:
        """The character offset where *line* starts."""
        return self._char_starts[line]

    def line_count(self) -> int:
        return len(self._char_starts)

    def line_text(self, line: int) -> str:
        """*line*'s text, without its ``\\n``."""
        return self.text[self._char_starts[line] : self.line_end(line)]

    def line_end(self, line: int) -> int:
        """The character offset just past *line*'s text (before its ``\\n``)."""
        if line + 1 < len(self._char_starts):
            return self._char_starts[line + 1] - 1
        return len(self.text)
