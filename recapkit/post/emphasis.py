"""Emphasis that a CommonMark renderer shows as asterisks: the CJK punctuation trap.

CommonMark lets ``**`` close emphasis only when it is *right-flanking*: not after whitespace,
and, when it comes after punctuation, only before whitespace or punctuation (spec 0.30, 6.2;
commonmark-spec#650). ``**嘉宾：**刘洋`` breaks that rule: the closing ``**`` follows ``：`` and
comes before ``刘``, so the reader sees ``**嘉宾：**刘洋``. Opening delimiters mirror it
(``是**「重要」**``). Chinese and Japanese put no spaces around punctuation, so this is how
writers in those languages meet the rule; English meets it too (``**Note:**text``).

:func:`unrendered_emphasis` finds such pairs on one line of prose and the edit that makes them
render: the punctuation moved outside the delimiters (``**嘉宾**：刘洋``), which keeps the text.
Each finding is confirmed by rendering the line before and after the edit with markdown-it-py's
CommonMark parser, so a pair that some other reading already renders (or that the edit would
not repair) is never reported.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING

from attrs import frozen

from recapkit._text import lazy_pattern

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

# A run of `*` (one to three), text that neither starts nor ends with whitespace, and the same
# run again; the lookarounds keep a run whole (`***` is not `**` + `*`). Underscores are left
# alone: beside punctuation they are mostly math (`t_{before}`), file names and identifiers,
# which nobody meant as emphasis.
_PAIR = re.compile(r"(?<![*\\])(?P<run>\*{1,3})(?![*\s])(?P<inner>.+?)(?<![\s\\])(?P=run)(?!\*)")


_cjk = lazy_pattern("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")


_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
# What a list item, a quote or a heading puts before its text; not part of the inline text.
_CONTAINER_PREFIX = re.compile(
    r"^(?:[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t])|#{1,6}(?=[ \t])))*[ \t]*"
)


@frozen
class Unrendered:
    """A pair of emphasis delimiters shown as text, and the edit that renders it."""

    start: int
    """Offset of the opening run in the line."""
    end: int
    """Offset just after the closing run."""
    source: str
    """The pair as written (``**嘉宾：**``)."""
    replacement: str
    """The same characters, punctuation moved outside (``**嘉宾**：``): replaces the pair."""


def is_punctuation(char: str) -> bool:
    """CommonMark's punctuation character: ASCII punctuation or a Unicode P* category."""
    return char in _ASCII_PUNCTUATION or unicodedata.category(char).startswith("P")


def _is_space(char: str) -> bool:
    return char == "" or char.isspace()


def left_flanking(before: str, after: str) -> bool:
    """Whether a run between *before* and *after* ("" at a line's edge) can open emphasis."""
    if _is_space(after):
        return False
    return not is_punctuation(after) or _is_space(before) or is_punctuation(before)


def right_flanking(before: str, after: str) -> bool:
    """Whether a run between *before* and *after* ("" at a line's edge) can close emphasis."""
    if _is_space(before):
        return False
    return not is_punctuation(before) or _is_space(after) or is_punctuation(after)


def unrendered_emphasis(line: str) -> Iterator[Unrendered]:
    """The emphasis pairs of *line* (one line of prose, code already excluded by the caller)
    that CommonMark shows as text because of punctuation beside a delimiter, with their fix."""
    if "*" not in line:
        return
    text_start = _CONTAINER_PREFIX.match(line).end()  # type: ignore[union-attr]
    for match in _PAIR.finditer(line, text_start):
        found = _diagnose(line, text_start, match)
        if found is not None:
            yield found


def _diagnose(line: str, text_start: int, match: re.Match[str]) -> Unrendered | None:
    run, inner = match["run"], match["inner"]
    start, end = match.start(), match.end()
    before = line[start - 1] if start > text_start else ""
    after = line[end] if end < len(line) else ""
    opens = left_flanking(before, inner[0])
    closes = right_flanking(inner[-1], after)
    if opens and closes:
        return None  # flanking is not what stops it (nesting, another pairing...)
    if len(run) == 1 and not _cjk().search(before + inner + after):
        return None  # `a*(b+c)*d`, `*.go`: a single `*` outside CJK text is rarely emphasis
    lead = _punctuation_run(inner) if not opens else ""
    trail = _punctuation_run(inner[::-1])[::-1] if not closes else ""
    for before_run, after_run in (_whole_pair(inner), (lead, trail)):
        core = inner[len(before_run) : len(inner) - len(after_run)]
        if (before_run or after_run) and core.strip() and core == core.strip():
            replacement = f"{before_run}{run}{core}{run}{after_run}"
            fixed_line = line[:start] + replacement + line[end:]
            if _renders_more(line[text_start:], fixed_line[text_start:]):
                return Unrendered(start, end, match.group(), replacement)
    return None  # nothing but punctuation inside, or no move of it renders


# Brackets and quotes that open and close: `**「重要」**` becomes `「**重要**」`, not
# `**「重要**」` with one half inside the emphasis.
_PAIRS = dict(zip("「『《〈（([{“‘【〔", "」』》〉）)]}”’】〕", strict=True))


def _whole_pair(inner: str) -> tuple[str, str]:
    """The bracket or quote pair that encloses all of *inner* (("", "") when none does)."""
    if len(inner) > 2 and _PAIRS.get(inner[0]) == inner[-1]:
        return inner[0], inner[-1]
    return "", ""


def _punctuation_run(text: str) -> str:
    """The punctuation *text* starts with (not `*`, which would change the delimiters)."""
    size = 0
    while size < len(text) and is_punctuation(text[size]) and text[size] != "*":
        size += 1
    return text[:size]


_emphasis_tag = lazy_pattern(r"<(?:em|strong)>")


def _renders_more(before: str, after: str) -> bool:
    """Whether *after* renders more emphasis than *before* (CommonMark, inline only)."""
    parser = _commonmark()
    return len(_emphasis_tag().findall(parser.renderInline(after))) > len(
        _emphasis_tag().findall(parser.renderInline(before))
    )


@functools.cache
def _commonmark() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark")
