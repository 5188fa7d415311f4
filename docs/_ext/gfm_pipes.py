"""MkDocs hook: read ``\\|`` inside code spans of table rows the way GitHub does.

The pages are written for both GitHub and MkDocs. GitHub (GFM) needs ``\\|`` for a pipe in a
table cell even inside backticks, and shows it as ``|``; Python-Markdown already ignores pipes
inside backticks and would show the backslash (``--lang en\\|zh``). This hook unescapes those
pipes before Python-Markdown sees the page, so one source reads right in both places.
"""

from __future__ import annotations

import re
from typing import Any

_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")


def unescape_table_pipes(markdown: str) -> str:
    """``\\|`` -> ``|`` inside code spans of table rows, outside fenced code blocks."""
    lines = markdown.split("\n")
    fence: str | None = None
    for index, line in enumerate(lines):
        opener = _FENCE.match(line)
        if opener:
            if fence is None:
                fence = opener.group(1)
            elif opener.group(1) == fence:
                fence = None
            continue
        if fence is None and line.lstrip().startswith("|"):
            lines[index] = _CODE_SPAN.sub(_unescape, line)
    return "\n".join(lines)


def _unescape(match: re.Match[str]) -> str:
    ticks, code = match.groups()
    return f"{ticks}{code.replace(chr(92) + '|', '|')}{ticks}"


def on_page_markdown(markdown: str, **kwargs: Any) -> str:
    return unescape_table_pipes(markdown)
