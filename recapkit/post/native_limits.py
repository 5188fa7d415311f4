"""Where pulldown-cmark's grammar and markdown-it-py's part: the posts the native parse leaves to
markdown-it-py.

Both implement CommonMark, but GFM tables are an extension each places differently among the
other blocks (markdown-it-py lets a table interrupt a paragraph or a list item's first line,
ends it at an indented line, and tries it before a list; pulldown-cmark does neither): a table
is left to markdown-it-py unless it stands alone (:func:`_standalone_table`). And
corners of link definitions, empty list items, tabs among container markers, lazy lines after a
blockquote, escapes in link destinations, Unicode spaces, form feeds and deep nesting differ too
(found by ``tests/post/test_native_parser.py`` and by fuzzing). A body holding any of these is
parsed by markdown-it-py, so the tokens, and the findings, stay markdown-it-py's. On the corpus
that is 28 posts of 758 (62 when every table was left to markdown-it-py).

Every pattern matches in time linear in the line (possessive runs of blanks): it runs on every
body, hostile ones included.
"""

from __future__ import annotations

import re

_UNICODE_SPACE = "\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_MARKER = r"(?:[-+*]|[0-9]{1,9}[.)])"

_PATTERNS = {
    # dashes under a line with a pipe: a one-column delimiter row under a header of more
    "dashes under a pipe": r"^[^\n|]*+\|[^\n]*+\n[ \t>]*+:?-+:?[ \t]*+$",
    # a link definition right before a line that is neither blank nor a definition (an HTML
    # block, indented code, a title), or inside a blockquote or a list item
    "definition then text": r"^ {0,3}\[[^\]\n]++\]:[^\n]*+\n(?![ \t]*+$| {0,3}\[)",
    "definition in a container": rf"^[ \t]*+(?:>[ \t]*+|{_MARKER}[ \t]++)++\[[^\]\n]++\]:",
    "indented definition": r"^(?= {2}|\t)[ \t]*+\[[^\]\n]++\]:",
    # a tab among a line's container markers (the two count its columns differently)
    "tab after a marker": rf"^[ \t]*+(?:>|{_MARKER})[ >]*+\t",
    "tab before a marker": rf"^ *+\t[ \t]*+(?:>|{_MARKER}[ \t])",
    # a blockquote line followed by an indented one (a lazy line to one, code to the other)
    "indented line after a quote": r"^[ \t]*+>[^\n]*+\n(?: {4}|\t)",
    # a line of Unicode spaces only inside a container; an HTML tag followed by them (an HTML
    # block to markdown-it-py, whose `\s` takes them, a paragraph to pulldown-cmark)
    "unicode spaces in a container": rf"^[ \t]*+(?:>|{_MARKER}[ \t])[ \t>]*+[{_UNICODE_SPACE}]++$",
    "tag then unicode spaces": r"^ {0,3}<[^\n]*>[ \t]*+[^\S \t\n][^\S\n]*+$",
    # a backslash at a line's end next to a line of Unicode spaces (a hard break before a blank
    # line to one, text to the other)
    "backslash before unicode spaces": rf"\\\n[ \t]*+[{_UNICODE_SPACE}][ \t{_UNICODE_SPACE}]*+$",
    "unicode spaces then a backslash": rf"^[ \t]*+[{_UNICODE_SPACE}][ \t{_UNICODE_SPACE}]*+\\$",
    # an empty list item (a marker alone on its line)
    "empty list item": rf"^[ \t>]*+{_MARKER}[ \t]*+$",
    # a backslash in a link destination, or before a bracket
    "escape in a destination": r"\]\([^)\n\\]*+\\",
    "escaped bracket": r"\\[\[\]]",
    # nesting near markdown-it-py's limit (20 levels), past which it stops parsing blocks
    "deep quotes": r"^(?:[ \t]*+>){10}",
    "deep list": rf"^[ \t]{{20,}}+{_MARKER}[ \t]",
}

# A GFM table's delimiter row (`|---|:-:|`, `-|-`): a difference unless its table stands alone
# (:func:`_standalone_table`).
_TABLES = {
    "delimiter row": r"^[ \t>]*+\|?[ \t]*+:?-+:?[ \t]*+\|[ \t|:-]*+$",
    "delimiter row in pipes": r"^[ \t>]*+\|[ \t]*+:?-+:?[ \t]*+\|?[ \t]*+$",
}
_DELIMITER_ROW = re.compile("|".join(f"(?:{p})" for p in _TABLES.values()), re.MULTILINE)
# A row that starts no other block to either parser: no indentation, quote, heading, HTML, fence
# or list marker at its start (each of which the two parsers let end a table differently).
_BLOCK_START = re.compile(r"[ \t>#<]|```|~~~|(?:[-+*]|[0-9]{1,9}[.)])(?:[ \t]|$)")
_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")

# a vertical tab or form feed (whitespace to one, text to the other): `in` finds them fastest
_CHARACTERS = {"form feed": ("\x0b", "\x0c")}

# The patterns that start at a line's start share one `^`: the engine tests it once at each
# position and tries the alternatives only where a line starts (three times faster than each
# alternative with its own `^`: 0.8 s to 0.25 s on the corpus's bodies).
_LINE_START = re.compile(
    "^(?:" + "|".join(f"(?:{p[1:]})" for p in _PATTERNS.values() if p[0] == "^") + ")",
    re.MULTILINE,
)
_ANYWHERE = re.compile(
    "|".join(f"(?:{p})" for p in _PATTERNS.values() if p[0] != "^"), re.MULTILINE
)


def grammars_differ(source: str) -> bool:
    """Whether *source* holds a construct pulldown-cmark may read otherwise than
    markdown-it-py (a table that does not stand alone, and the corners above)."""
    return (
        any(c in source for chars in _CHARACTERS.values() for c in chars)
        or _ANYWHERE.search(source) is not None
        or _LINE_START.search(source) is not None
        or _tables_differ(source)
    )


def _tables_differ(source: str) -> bool:
    return any(not _standalone_table(source, m.start()) for m in _DELIMITER_ROW.finditer(source))


def _standalone_table(source: str, delimiter: int) -> bool:
    """Whether the table whose delimiter row starts at *delimiter* stands alone, where the two
    parsers read it alike (``tests/post/test_native_parser.py``): after a blank line, header
    and delimiter with as many cells, every row with a pipe (not a lone one) and starting no
    other block, and a blank line (or the end) after it. Tables inside lists and quotes,
    interrupting a paragraph or ended by another block are left to markdown-it-py."""
    if delimiter == 0:
        return False
    header_start = source.rfind("\n", 0, delimiter - 1) + 1
    if header_start > 0 and source[
        source.rfind("\n", 0, header_start - 1) + 1 : header_start
    ].strip(" \t\n"):
        return False
    header = source[header_start : delimiter - 1]
    end = source.find("\n\n", delimiter)  # only the table is sliced: linear in the body
    rows = source[delimiter : len(source) if end < 0 else end].rstrip("\n").split("\n")
    if "`" in header or _cells(header) != _cells(rows[0]):
        return False
    return all(_plain_row(row) for row in (header, *rows))


def _plain_row(row: str) -> bool:
    """A row with a pipe that starts no other block (a lone ``|`` is a row of empty cells to
    markdown-it-py, a paragraph to pulldown-cmark)."""
    return "|" in row and row.strip(" \t") != "|" and _BLOCK_START.match(row) is None


def _cells(row: str) -> int:
    """How many cells a header or delimiter row has (its outer pipes are no separators)."""
    inner = row.strip(" \t")
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return len(_UNESCAPED_PIPE.findall(inner)) + 1


def differences(source: str) -> list[str]:
    """The names of the constructs of *source* the two grammars may read otherwise (for tests
    and for explaining which parser a body got)."""
    found = [name for name, p in _PATTERNS.items() if re.search(p, source, re.MULTILINE)]
    if _tables_differ(source):
        found.append("table not standing alone")
    return found + [n for n, chars in _CHARACTERS.items() if any(c in source for c in chars)]
