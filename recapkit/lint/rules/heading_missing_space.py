"""RK301 heading-missing-space: ``##Title`` is a paragraph, not a heading."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from recapkit._text import lazy_pattern
from recapkit.lint.diagnostics import Diagnostic, Edit, Fix
from recapkit.lint.rules.base import LintContext, NoOptions, Rule, shorten

if TYPE_CHECKING:
    from recapkit.post.types import Post

# 1-6 `#` at the start of a line (up to 3 spaces of indent, as CommonMark allows) followed
# directly by text (an ideographic space U+3000 is text to CommonMark, so `###　一` counts).
# 7 or more `#` are never a heading.
_CANDIDATE = re.compile(
    r"^(?P<indent> {0,3})(?P<hashes>#{1,6})(?=[^# \t\r\n])(?P<rest>[^\r\n]*)", re.M
)
# An emoji keycap (`#️⃣`) is not a heading; neither is a shebang or Ruby/Rust syntax after one `#`.
_KEYCAP = ("\ufe0f", "\u20e3")
_NOT_HEADING_START = ("!", "{", "[")
_PREPROCESSOR = frozenset(
    [
        "include",
        "define",
        "undef",
        "if",
        "ifdef",
        "ifndef",
        "elif",
        "else",
        "endif",
        "pragma",
        "error",
        "warning",
        "import",
        "line",
    ]
)


_css_colour = lazy_pattern(r"(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})\b[;,)]?")


def looks_like_heading(hashes: str, rest: str) -> bool:
    """Whether ``#...`` + *rest* is a heading whose space was forgotten (not a hashtag)."""
    if rest.startswith(_KEYCAP):
        return False
    if len(hashes) > 1:
        return True  # `##Title`, `##《Title》`, `##[Agenda]`: nobody writes a double-hash tag
    if rest.startswith(_NOT_HEADING_START):
        return False
    words = rest.split()
    # A lone `#hashtag`, `#1`, `#include <x>`, a CSS colour (`#EFEFEF;`) or a line of tags
    # (`#go #meetup`) is prose.
    return (
        len(words) > 1
        and not rest[0].isdigit()
        and not _css_colour().match(words[0])
        and words[0] not in _PREPROCESSOR
        and not all(word.startswith("#") for word in words[1:])
    )


class HeadingMissingSpace(Rule[NoOptions]):
    """A line that should be a heading has no space after its `#`s (`##Title`).

    CommonMark needs a space between the `#`s and the heading text; without it, `##Title`,
    `##《Title》` or `#Schedule announced` is an ordinary paragraph that shows the `#`s.
    Like markdownlint's MD018, lines inside code blocks, HTML blocks and the front matter are
    ignored; so are lines inside the SSGs' code-block tags (Jekyll `{% highlight %}`, Hexo
    `{% codeblock %}`/`{% code %}`, Hugo `{{< highlight >}}`), which render as code.
    (Jekyll's default Markdown input, kramdown's GFM, needs the space too; a site that sets
    `kramdown: {input: kramdown}` renders `##Title` as a heading and can ignore this rule.) Unlike MD018, a lone `#hashtag`, `#1`, a line of hashtags (`#go #meetup`),
    `#include <stdio.h>` and `#!/bin/sh` are prose, not headings: a single `#` is only
    reported when several words follow it. An error: the page structure (and its table of
    contents) is broken. **Fixable.**

    ## Why

    Many editors and some Markdown dialects accept `##Title`, so posts migrated from them
    (or typed on a phone) lose their headings on Hugo, Hexo, Jekyll and Zola.

    ## Example

    Bad:

    ```markdown
    ##《Generics in Go》
    #Schedule announced
    ```

    Good:

    ```markdown
    ## 《Generics in Go》
    # Schedule announced
    ```

    ## Fix

    `recapkit lint --fix` inserts one space after the `#`s and changes nothing else.
    markdownlint's `<!-- markdownlint-disable MD018 -->` comments are honoured too.
    """

    code = "RK301"
    name = "heading-missing-space"
    summary = "An ATX heading has no space after the `#`s (`##Title`)."
    fixable = True

    def check(self, post: Post, context: LintContext) -> Iterator[Diagnostic]:
        if "#" not in post.text:
            return
        paragraphs: list[tuple[int, int]] | None = None
        for match in _CANDIDATE.finditer(post.text, post.body_start):
            if not looks_like_heading(match["hashes"], match["rest"]):
                continue
            where = post.location(match.start())
            if paragraphs is None:
                paragraphs = _paragraph_ranges(post)
            if not _can_start_a_heading(post, paragraphs, where.line, match["hashes"]):
                continue
            insert_at = match.end("hashes")
            fix = Fix((Edit(insert_at, insert_at, " "),), "insert a space after the #s")
            text = _TRAILING_COMMENT.sub("", match["hashes"] + match["rest"]).strip()
            yield self.diagnostic(
                post,
                where.line,
                len(match["indent"]),
                f"no space after the #s: `{shorten(text, 40)}` is shown as text, not a heading",
                fix=fix,
            )


# `##Agenda <!-- markdownlint-disable-line MD018 -->`: the comment is not part of the heading.
_TRAILING_COMMENT = re.compile(r"\s*<!--.*?-->\s*$")


def _paragraph_ranges(post: Post) -> list[tuple[int, int]]:
    """Sorted ``[start, end)`` line ranges of paragraphs (not code, HTML or headings)."""
    return sorted(
        (token.map[0], token.map[1])
        for token in post.tokens
        if token.type == "paragraph_open" and token.map
    )


def _paragraph_start(ranges: list[tuple[int, int]], line: int) -> int | None:
    """The first line of the paragraph *line* is in, or None when it is in none."""
    index = bisect.bisect_right(ranges, (line, float("inf"))) - 1
    if index >= 0 and ranges[index][0] <= line < ranges[index][1]:
        return ranges[index][0]
    return None


def _can_start_a_heading(
    post: Post, paragraphs: list[tuple[int, int]], line: int, hashes: str
) -> bool:
    """Whether a heading was meant on *line*. It was where the line starts a paragraph (after a
    blank line or another block). On a line continuing a paragraph, only `##...` (nobody writes
    a double-hash tag) or a `#...` under another heading that lost its space (`#A` then `#B`):
    `...see\n#article13 tag over there` is text, and so is anything inside a multi-line HTML
    tag (`<img style="color:\n#EFEFEF; ...">`)."""
    start = _paragraph_start(paragraphs, line)
    if start is None or post.code.line_is_code(line):
        return False
    if start == line:
        return True
    if _inside_html_tag(post, start, line):
        return False
    if len(hashes) > 1:
        return True
    previous = _CANDIDATE.match(post.lines.line_text(line - 1))
    return previous is not None and looks_like_heading(previous["hashes"], previous["rest"])


# A tag whose quoted attribute value is still open at the end of the text: the only place in
# a tag where a line can start with `#` (an attribute name cannot, an unquoted value cannot
# span lines), as in `<img style="color:\n#EFEFEF; ...">`.
_in_attribute = lazy_pattern(
    r"""<[A-Za-z][\w:-]*\s(?:[^<>"']|"[^"]*"|'[^']*')*=\s*(?:"[^"]*|'[^']*)$"""
)


def _inside_html_tag(post: Post, start: int, line: int) -> bool:
    """Whether an HTML tag opened earlier in the paragraph has a quoted attribute value still
    open where *line* starts."""
    before = post.text[post.lines.offset(start) : post.lines.offset(line)]
    return _in_attribute().search(before) is not None
