"""Where pulldown-cmark's grammar and markdown-it-py's part: the posts the native parse leaves to
markdown-it-py.

Both implement CommonMark, but GFM tables are an extension each places differently among the
other blocks (markdown-it-py lets a table interrupt a paragraph or a list item's first line,
ends it at an indented line, and tries it before a list; pulldown-cmark does neither), and
corners of link definitions, empty list items, tabs among container markers, lazy lines after a
blockquote, escapes in link destinations, Unicode spaces, form feeds and deep nesting differ too
(found by ``tests/post/test_native_parser.py`` and by fuzzing). A body holding any of these is
parsed by markdown-it-py, so the tokens, and the findings, stay markdown-it-py's. On the corpus
that is 62 posts of 758 (one in twelve), most for a table.

Every pattern matches in time linear in the line (possessive runs of blanks): it runs on every
body, hostile ones included.
"""

from __future__ import annotations

import re

_UNICODE_SPACE = "\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_MARKER = r"(?:[-+*]|[0-9]{1,9}[.)])"

_PATTERNS = {
    # a GFM table's delimiter row: `|---|:-:|`, `-|-`, or dashes under a line with a pipe
    "delimiter row": r"^[ \t>]*+\|?[ \t]*+:?-+:?[ \t]*+\|[ \t|:-]*+$",
    "delimiter row in pipes": r"^[ \t>]*+\|[ \t]*+:?-+:?[ \t]*+\|?[ \t]*+$",
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
    # an empty list item (a marker alone on its line)
    "empty list item": rf"^[ \t>]*+{_MARKER}[ \t]*+$",
    # a backslash in a link destination, or before a bracket
    "escape in a destination": r"\]\([^)\n\\]*+\\",
    "escaped bracket": r"\\[\[\]]",
    # a vertical tab or form feed (whitespace to one, text to the other)
    "form feed": r"[\x0b\x0c]",
    # nesting near markdown-it-py's limit (20 levels), past which it stops parsing blocks
    "deep quotes": r"^(?:[ \t]*+>){10}",
    "deep list": rf"^[ \t]{{20,}}+{_MARKER}[ \t]",
}

_DIFFERENT = re.compile("|".join(f"(?:{p})" for p in _PATTERNS.values()), re.MULTILINE)


def grammars_differ(source: str) -> bool:
    """Whether *source* holds a construct pulldown-cmark may read otherwise than
    markdown-it-py (a table, and the corners above)."""
    return _DIFFERENT.search(source) is not None


def differences(source: str) -> list[str]:
    """The names of the constructs of *source* the two grammars may read otherwise (for tests
    and for explaining which parser a body got)."""
    return [name for name, p in _PATTERNS.items() if re.search(p, source, re.MULTILINE)]
