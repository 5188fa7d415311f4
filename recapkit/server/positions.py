"""recapkit's positions as a language client counts them.

recapkit counts a column in characters (code points) of ``Post.text``: the file's text without
its BOM. A client counts in the code units of the position encoding agreed at ``initialize``:
UTF-16 unless both sides support another (LSP 3.17 ``positionEncoding``). Chinese text is in
the Basic Multilingual Plane, one unit in UTF-16 as in code points, so a converter that skipped
this would look right on most posts; an emoji is two UTF-16 units (four UTF-8 bytes), and every
column after it on that line would be off.
"""

from __future__ import annotations

from recapkit._text import LineIndex

BOM = "\ufeff"

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


def units(text: str, encoding: str) -> int:
    """How many code units of *encoding* *text* takes."""
    if encoding == UTF32:
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


class Positions:
    """Positions in one snapshot of a document's text, for one encoding.

    A BOM the editor kept in the text is a character the client counts on the first line but
    recapkit's positions and edit offsets leave out.
    """

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self.shift = 1 if text.startswith(BOM) else 0
        self.lines = LineIndex(text)
        self.encoding = encoding

    def at(self, line: int, column: int) -> tuple[int, int]:
        """The client's (line, character) of recapkit's 0-based *line* and *column*."""
        if line >= self.lines.line_count():  # past the end (a finding at the end of the file)
            last = self.lines.line_count() - 1
            return last, units(self.lines.line_text(last), self.encoding)
        if line == 0:
            column += self.shift
        text = self.lines.line_text(line)
        return line, units(text[: min(column, len(text))], self.encoding)

    def at_offset(self, offset: int) -> tuple[int, int]:
        """The client's (line, character) of a character offset into ``Post.text``."""
        line, column = self.lines.position(offset + self.shift)
        return line, units(self.lines.line_text(line)[:column], self.encoding)

    def line_end(self, line: int) -> int:
        """Recapkit's column of the end of *line* (before its line ending)."""
        if line >= self.lines.line_count():
            return 0
        return len(self.lines.line_text(line)) - (self.shift if line == 0 else 0)
