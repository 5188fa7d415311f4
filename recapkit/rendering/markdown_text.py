"""Text made safe for a post body: plain text with its Markdown escaped, Markdown fields as
blocks that end where the field ends, and the SSG's own template syntax made inert in both.

Two kinds of text reach a post body (see docs/templates.md):

* **plain text** (titles, names, venues, alt text...): whitespace is folded to one line and
  Markdown syntax is escaped, so ``# C# *tips*`` shows exactly those characters;
* **Markdown** (lead, summaries, abstracts, takeaways, highlight notes): written as is, but an
  unclosed code fence or raw HTML block is closed so it cannot swallow the rest of the post
  (``md_quote`` also puts it behind ``> ``: a quote).

Both have the SSG's own template syntax neutralised (Hugo shortcodes, Liquid in Jekyll,
Nunjucks in Hexo, Zola shortcodes) and come back as :class:`Safe`. The environment's
``finalize`` (see :mod:`recapkit.rendering.engine`) neutralises every other output value, so
data is never executed, by Jinja or by the SSG, whatever the template does with it.
"""

from __future__ import annotations

import re
from typing import Any

from recapkit.post.parsers import body_parser
from recapkit.ssg import registry

_WHITESPACE = re.compile(r"\s+")
# NUL and other C0 controls make a post a "binary" file to git and the SSGs: show U+FFFD instead.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<~])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_LEADING_BLOCK = re.compile(r"^(?:[#>+\-=|]|(\d+)([.)]))")
_TRAILING_HASHES = re.compile(r"(\s)(#+)$")
# What may leave a block open to the end of the post: a code fence, or an HTML block of kinds
# 1-5, which end only at their closer, not at a blank line. Text without any is not parsed.
_MAY_STAY_OPEN = re.compile(r"```|~~~|<(?:[?!]|(?i:pre|script|style|textarea)(?=[\s>]|$))")
_FENCE_CLOSE = re.compile(r"^ {0,3}(`{3,}|~{3,})[ \t]*$")
# (opener, end) of each HTML block kind that ends only at its closer, as markdown-it reads them.
_HTML_BLOCK_KINDS = (
    (
        re.compile(r"<(pre|script|style|textarea)(?=[\s>]|$)", re.I),
        r"</(?:pre|script|style|textarea)>",
    ),
    (re.compile(r"<!--"), "-->"),
    (re.compile(r"<\?"), r"\?>"),
    (re.compile(r"<!\[CDATA\["), r"\]\]>"),
    (re.compile(r"<![A-Za-z]"), ">"),
)
_URL_UNSAFE = re.compile(r"[\s<>\\\x00-\x1f\x7f]")
_URL_PARENS = re.compile(r"([()])")


class Safe(str):
    """Text a filter has already made safe for the post body (Markdown escaped, SSG syntax inert).

    The environment's ``finalize`` neutralises every other value a template outputs; this
    marker only spares the filters' results a second pass."""

    __slots__ = ()


def neutralise(text: str, ssg: str) -> str:
    """*text* with the SSG's template delimiters made inert but still shown as typed.

    Idempotent: ``neutralise(neutralise(t, s), s) == neutralise(t, s)``, and the result never
    holds an opener the SSG would execute."""
    return inert_syntax(_CONTROL.sub("\ufffd", text), ssg)


def inert_syntax(text: str, ssg: str) -> str:
    """Only the template-syntax part of :func:`neutralise` (what the environment's finalize
    applies to every output value): the generator's own :meth:`disarm`. Idempotent too."""
    return registry.get(ssg).disarm(text)


# Text without any of these needs no folding, escaping or neutralising (most names and titles).
_NEEDS_WORK = re.compile(r"[\\`*_\[\]<~&{\x00-\x1f\x7f\x85\u2028\u2029]|^[\s#>+\-=|\d]|\s$|\s\s")


def inline_text(text: str, ssg: str) -> str:
    """Plain text as one line of Markdown that renders exactly as *text* (whitespace folded)."""
    if not _NEEDS_WORK.search(text) and text.isprintable():
        return text
    folded = _WHITESPACE.sub(" ", text).strip()
    escaped = _ENTITY.sub(r"\\&", _INLINE_SPECIAL.sub(r"\\\1", folded))
    escaped = _LEADING_BLOCK.sub(_escape_leading, escaped, count=1)
    return neutralise(escaped, ssg)


def _escape_leading(match: re.Match[str]) -> str:
    if match.group(1):  # "1. " would start an ordered list
        return f"{match.group(1)}\\{match.group(2)}"
    return "\\" + match.group()


def alt_text(text: str, ssg: str) -> str:
    """Image alt text: only what would end the brackets is escaped.

    Renderers disagree on escapes inside alt (goldmark, in Hugo, keeps the backslashes), so
    emphasis characters are left alone: in alt text they are plain text anyway.
    """
    folded = _WHITESPACE.sub(" ", text).strip()
    return neutralise(re.sub(r"([\\\[\]])", r"\\\1", folded), ssg)


def heading_text(text: str, ssg: str) -> str:
    """Plain text for an ATX heading: also keeps a trailing `` #`` from being eaten as a closer."""
    return _TRAILING_HASHES.sub(
        lambda m: m.group(1) + "\\#" * len(m.group(2)), inline_text(text, ssg)
    )


def block_markdown(text: str, ssg: str, *, lead: str = "") -> str:
    """A Markdown field as a block that ends where the field ends.

    Blank lines around it are trimmed; an unclosed code fence, ``<pre>``/``<script>``/
    ``<style>``/``<textarea>`` block or ``<!--`` comment is closed, since each would otherwise
    swallow the rest of the post. Line endings become ``\n``; everything else is kept.

    *lead* (a label such as ``**Abstract**: ``) goes before the field's first line when that
    line starts a paragraph, else on a line of its own above it: after a label a fence is no
    fence, and its closing line would open a code block to the end of the post.
    """
    block = _closed_block(text, ssg)
    return _with_lead(block, lead, _paragraph_edges(block)[0]) if lead else block


def _with_lead(block: str, lead: str, starts: bool) -> str:
    return lead + block if starts else f"{lead.rstrip()}\n\n{block}"


def _closed_block(text: str, ssg: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    if _MAY_STAY_OPEN.search(text):
        text = _closed(text)
    return neutralise(text, ssg)


def _closed(text: str) -> str:
    """*text* with a closer added when its last block is a code fence or a raw HTML block
    (``<pre>``, ``<!--``, ``<?php``...) left open, as CommonMark reads it: only the last block
    can be, since such a block runs to the end. One inside a list item or a quote ends with it
    (the post's next line is not indented), and an opener in code is code: neither gets one."""
    tokens = body_parser()(text)
    last = tokens[-1] if tokens else None
    if last is None or last.level != 0 or not last.map:
        return text
    lines = text.split("\n")[last.map[0] : last.map[1]]
    if last.type == "fence":
        closing = _FENCE_CLOSE.match(lines[-1]) if len(lines) > 1 else None
        fence = closing[1] if closing else ""
        closed = fence[:1] == last.markup[:1] and len(fence) >= len(last.markup)
        return text if closed else f"{text}\n{last.markup}"
    if last.type != "html_block":
        return text
    block = "\n".join(lines)
    for opener, end in _HTML_BLOCK_KINDS:
        if opened := opener.match(block.lstrip(" ")):
            if re.search(end, block, re.I):
                return text
            closer = f"</{opened.group(1).lower()}>" if opened.groups() else end.replace("\\", "")
            return f"{text}\n{closer}"
    return text


# After the item's "- ", a first line of only hyphens makes the whole line a thematic break.
_HYPHEN_RULE = re.compile(r"^(?=(?:[ \t]*-){2})[- \t]*$")


def item_markdown(text: str, ssg: str, indent: int = 2, *, lead: str = "", tail: str = "") -> str:
    """A Markdown field inside a list item: continuation lines indented under the marker.

    *lead* is what the item shows before the field on its first line (a highlight's ``: ``
    after its term): a field that starts with another block than a paragraph (a code fence, a
    list) starts on a line of its own instead, where it is that block. *tail* (a takeaway's
    links) goes after the field's last line when that line ends a paragraph, else in a
    paragraph of its own: after a closing fence, a table row or an HTML block it would change
    what that block is.
    """
    block = _closed_block(text, ssg)
    first, newline, rest = block.partition("\n")
    if _HYPHEN_RULE.match(first):
        block = "\\" + first.lstrip() + newline + rest
    starts, ends = _paragraph_edges(block) if lead or tail else (True, True)
    if tail:
        block = block + tail if ends else f"{block}\n\n{tail.lstrip()}"
    block = _with_lead(block, lead, starts) if lead else block
    return block.replace("\n", "\n" + " " * indent).replace("\n" + " " * indent + "\n", "\n\n")


def _paragraph_edges(block: str) -> tuple[bool, bool]:
    """Whether *block* starts and whether it ends with a paragraph (nothing at all counts as
    one; a link definition does not)."""
    if not block.strip():
        return True, True
    tokens = body_parser()(block)
    if not tokens:  # only link definitions
        return False, False
    # A definition leaves no token: a paragraph after (or before) one does not start (end) the
    # block, and the label before it (the links after it) would make the definition text.
    first, last = tokens[0], tokens[-1]
    lines = block.count("\n") + 1
    return (
        first.type == "paragraph_open" and first.map is not None and first.map[0] == 0,
        last.type == "paragraph_close" and _last_line(tokens) == lines,
    )


def _last_line(tokens: list[Any]) -> int | None:
    """The line after the last paragraph of *tokens* (its opening token holds the map)."""
    opening = next(t for t in reversed(tokens) if t.type == "paragraph_open")
    return opening.map[1] if opening.map else None


def quote_markdown(text: str, ssg: str) -> str:
    """A Markdown field as a blockquote: every line of the block behind ``> ``."""
    return "\n".join(f"> {line}" if line else ">" for line in block_markdown(text, ssg).split("\n"))


def markdown_url(url: str) -> str:
    """A link destination that CommonMark reads back as *url* (spaces and brackets encoded)."""
    encoded = _URL_UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), url)
    return _URL_PARENS.sub(r"\\\1", encoded)
