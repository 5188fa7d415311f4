"""One way to turn a character offset into a line and column and back: :class:`LineIndex`.

Positions are 0-based everywhere inside recapkit (reporters show them 1-based). A line ends at
``\\n``; ``\\r\\n`` counts once, and a ``\\r`` before the ``\\n`` belongs to the line's text only
in the offsets, not in :meth:`LineIndex.line_text`.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Sequence


def lazy_pattern(pattern: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A getter of ``re.compile(pattern, flags)`` that compiles on its first call: a module's
    patterns then cost nothing at import, and a one-file lint run never uses most of them."""

    @functools.cache
    def compiled() -> re.Pattern[str]:
        return re.compile(pattern, flags)

    return compiled


def line_starts(text: str) -> list[int]:
    """The offset where each line of *text* starts (the first is always 0)."""
    starts = [0]
    index = text.find("\n")
    while index != -1:
        starts.append(index + 1)
        index = text.find("\n", index + 1)
    return starts


class LineIndex:
    """Offsets <-> (line, column) of one text; built once, asked many times."""

    __slots__ = ("starts", "text")

    def __init__(self, text: str, starts: Sequence[int] | None = None) -> None:
        self.text = text
        self.starts: Sequence[int] = starts if starts is not None else line_starts(text)

    def position(self, offset: int) -> tuple[int, int]:
        """The 0-based (line, column) of a character offset."""
        line = bisect.bisect_right(self.starts, offset) - 1
        return line, offset - self.starts[line]

    def offset(self, line: int, column: int = 0) -> int:
        """The character offset of a 0-based line and column."""
        return self.starts[line] + column

    def line_end(self, line: int) -> int:
        """The offset just past *line*'s last character, before its line ending."""
        end = self.starts[line + 1] - 1 if line + 1 < len(self.starts) else len(self.text)
        return end - 1 if end > self.starts[line] and self.text[end - 1] == "\r" else end

    def line_text(self, line: int) -> str:
        """*line* without its line ending."""
        return self.text[self.starts[line] : self.line_end(line)]

    def line_count(self) -> int:
        return len(self.starts)


# A lone surrogate (U+D800-U+DFFF) is what JSON's "\ud800" escape and YAML's "\ud800" give: a
# str that UTF-8 cannot encode, so the first print or write of it raises UnicodeEncodeError.
_SURROGATE = re.compile("[\ud800-\udfff]")


def lone_surrogate(text: str) -> int | None:
    """The offset of the first character of *text* that UTF-8 cannot encode, or None."""
    match = _SURROGATE.search(text)
    return match.start() if match else None


# Control characters (C0 but tab, DEL, C1) and lone surrogates from a post, a data file or a file
# name reach the reader's terminal through messages and paths: ESC could recolour or retitle it,
# BEL ring, a newline fake a finding. They are shown escaped, as ruff does.
_UNPRINTABLE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\ud800-\udfff]")
_UNPRINTABLE_IN_LINES = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r"}


def printable(text: str, *, lines: bool = False) -> str:
    """*text* with control characters and lone surrogates written as ``\\x1b``-style escapes
    (newlines too, unless *lines*: a format that escapes them its own way)."""
    pattern = _UNPRINTABLE_IN_LINES if lines else _UNPRINTABLE
    return pattern.sub(_escape_one, text) if pattern.search(text) else text


def _escape_one(match: re.Match[str]) -> str:
    if match.group() in _NAMED:
        return _NAMED[match.group()]
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8 (surrogateescape)
        code -= 0xDC00
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
