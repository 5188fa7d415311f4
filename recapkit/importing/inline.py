"""One line of Markdown read as a writer means it: its plain text, its links and images, and a
leading ``label:`` (``**嘉宾**：``, ``**嘉宾：**``, ``Speaker:``) split from the rest."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from attrs import frozen

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


@functools.cache
def _parser() -> MarkdownIt:
    # Imported on the first line that needs parsing: markdown-it-py costs a one-file lint run
    # a fifth of its start-up, and the recap rules ask this module about most posts.
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark")


# No inline rule of the CommonMark preset can start at any other character (and markdown-it
# first turns `\r` into `\n` and NUL into U+FFFD): a line without them is one text token, its
# source as it is, and needs no parsing. Two lines in three the importer reads are such lines.
_SPECIAL = re.compile(r"[\n\r\0\\`*_\[!<&]")
# A line can hold a link or an image only with `](` (a line is parsed without the post's link
# definitions, so `[text][ref]` is no link here) or an autolink (`<https://...>`, `<a@b.c>`;
# linkify is off): two lines in five the importer would parse for links have neither.
_ANCHOR_START = re.compile(r"\]\(|<[A-Za-z][A-Za-z0-9.+-]{1,31}:|<[^<>\s@]+@")


# The importer asks about the same line several times (its plain text, its links, whether it
# is only links; a section's blocks again for each heading level it weighs): parse each once.
# The asking again happens within one post, so a small cache does (the corpus's 1,920 hits need
# 128 lines; a line's tokens take about 3.5 kB). Callers only read the tokens.
@functools.lru_cache(maxsize=256)
def _children(source: str) -> tuple[Token, ...]:
    tokens = _parser().parseInline(source)
    return tuple(tokens[0].children or []) if tokens else ()


def plain(source: str) -> str:
    """What *source* reads as: escapes resolved, emphasis and link syntax gone."""
    if _SPECIAL.search(source) is None:
        return source.strip()  # one text token
    return _plain(_children(source))


def _plain(tokens: Sequence[Token]) -> str:
    parts: list[str] = []
    for token in tokens:
        if token.type in ("text", "code_inline", "html_inline"):
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif token.type == "image":
            parts.append(token.content)
    return "".join(parts).strip()


@frozen
class Anchor:
    """A link (or image) of a line: its text (alt) and destination."""

    text: str
    url: str
    image: bool = False


def anchors(source: str) -> list[Anchor]:
    """The links and images of *source*, in order (autolinks included)."""
    if _ANCHOR_START.search(source) is None:
        return []
    return _anchors(_children(source))


def _anchors(tokens: Sequence[Token]) -> list[Anchor]:
    found: list[Anchor] = []
    url: str | None = None
    text: list[str] = []
    for token in tokens:
        if token.type == "link_open":
            url, text = str(token.attrGet("href") or ""), []
        elif token.type == "link_close" and url is not None:
            found.append(Anchor("".join(text).strip(), url))
            url = None
        elif token.type == "image":
            found.append(Anchor(token.content, str(token.attrGet("src") or ""), image=True))
        elif url is not None and token.type in ("text", "code_inline"):
            text.append(token.content)
    return found


def only_anchors(source: str) -> bool:
    """Whether *source* holds nothing but links/images and separators (`·`, `|`, `/`, `、`)."""
    if _ANCHOR_START.search(source) is None:
        return False  # no link at all
    return _only_anchors(_children(source))


def _only_anchors(tokens: Sequence[Token]) -> bool:
    depth = 0
    for token in tokens:
        depth += {"link_open": 1, "link_close": -1}.get(token.type, 0)
        if depth or token.type in _ANCHOR_PARTS or token.type in ("softbreak", "hardbreak"):
            continue
        if _SEPARATORS.sub("", token.content):
            return False
    return bool(_anchors(tokens))


_ANCHOR_PARTS = {"link_open", "link_close", "image"}
_SEPARATORS = re.compile(r"[\s·|/、,，;；:：()（）\[\]-]+")

# **Label**: rest / **Label：**rest / Label: rest (a short label, then a colon).
_BOLD_LABEL = re.compile(
    r"^(?:\*\*|__)(?P<label>[^*_\n]{1,24}?)\s*(?P<c1>[:：]?)(?:\*\*|__)\s*(?P<c2>[:：]?)\s*"
)
_PLAIN_LABEL = re.compile(
    r"^(?P<label>[^\s:：*\[\]()（）]{1,10}|[A-Za-z][A-Za-z ]{0,24}?)\s*[:：]\s*"
)


def split_label(source: str) -> tuple[str, str] | None:
    """``(label, rest)`` for a line that starts with a short label and a colon, else None.

    The label comes back casefolded and trimmed; *rest* is Markdown.
    """
    match = _BOLD_LABEL.match(source)
    if match and (match.group("c1") or match.group("c2")):
        return match.group("label").strip().casefold(), source[match.end() :]
    match = _PLAIN_LABEL.match(source)
    if match and not source[match.end() :].startswith("//"):  # "https://" is no label
        return match.group("label").strip().casefold(), source[match.end() :]
    return None
