"""Where pulldown-cmark's grammar and markdown-it-py's part: the posts the native parse leaves to
markdown-it-py.

Both implement CommonMark, but GFM tables are an extension each places differently among the
other blocks (markdown-it-py lets a table interrupt a paragraph or a list item's first line,
ends it at an indented line, and tries it before a list; pulldown-cmark does neither), and a few
corners of link definitions, empty list items, tabs among container markers and Unicode-space
lines differ too (found by ``tests/post/test_native_parser.py``). A body holding any of these is
parsed by markdown-it-py, so the tokens, and the findings, stay markdown-it-py's. On the corpus
that is 56 posts of 758 (one in fourteen), nearly all for a table.
"""

from __future__ import annotations

import re

_UNICODE_SPACE = "\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_MARKER = r"(?:[-+*]|[0-9]{1,9}[.)])"

_DIFFERENT = re.compile(
    "|".join(
        (
            # a GFM table's delimiter row: `|---|:-:|`, `-|-`, or dashes under a line with a pipe
            r"^[ \t>]*\|?[ \t]*:?-+:?[ \t]*\|[ \t|:-]*$",
            r"^[ \t>]*\|[ \t]*:?-+:?[ \t]*\|?[ \t]*$",
            r"^[^\n]*\|[^\n]*\n[ \t>]*:?-+:?[ \t]*$",
            # a link definition right before a line that is neither blank nor a definition (an
            # HTML block, indented code, a title)
            r"^ {0,3}\[[^\]\n]+\]:[^\n]*\n(?![ \t]*$| {0,3}\[)",
            # a link definition inside a blockquote or a list item
            rf"^[ \t]*(?:>[ \t]*|{_MARKER}[ \t]+)+\[[^\]\n]+\]:",
            r"^(?: {2,}|\t)[ \t]*\[[^\]\n]+\]:",
            # a tab among a line's container markers (pulldown-cmark and markdown-it-py count its
            # columns differently inside blockquotes and list items)
            rf"^[ \t]*(?:>|{_MARKER})[ \t>]*\t",
            rf"^ *\t[ \t]*(?:>|{_MARKER}[ \t])",
            # a line of Unicode spaces only, inside a blockquote or a list item
            rf"^[ \t]*(?:>|{_MARKER}[ \t])[ \t>]*[{_UNICODE_SPACE}]+$",
            # an empty list item (a marker alone on its line)
            rf"^[ \t>]*{_MARKER}[ \t]*$",
        )
    ),
    re.MULTILINE,
)


def grammars_differ(source: str) -> bool:
    """Whether *source* holds a construct pulldown-cmark may read otherwise than
    markdown-it-py (a table, and the corners above)."""
    return _DIFFERENT.search(source) is not None
