"""RK307 list-item-too-long: one list item holds pages of text that lost its paragraph breaks."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from attrs import frozen

from recapkit.lint.diagnostics import Diagnostic, Severity
from recapkit.lint.rules.base import LintContext, Rule, option
from recapkit.post.inline_text import plain_text

if TYPE_CHECKING:
    from recapkit.post.token import Token
    from recapkit.post.types import Post


@frozen
class ListItemTooLongOptions:
    max_chars: int = option(
        2000, "the most characters of text one list item may hold (its nested lists not counted)"
    )


class ListItemTooLong(Rule[ListItemTooLongOptions]):
    """A single list item holds more text than a list item ever should.

    Text pasted into a list item (or a list pasted from a web page whose items and paragraphs
    ran together) ends up as one bullet holding thousands of characters: the page shows a wall
    of text after one bullet point. This rule reports a list item whose own text (code and
    nested lists not counted) is longer than `max-chars` characters. Information only: a long
    item may be meant, but it is usually prose that lost its paragraph breaks.

    ## Why

    A reader skims a list; a 6,000-character bullet is a sign that the structure of the
    pasted text was lost.

    ## Example

    Bad: `- Day one: ...` followed by 40 sentences, all in the same item; or `- 第一天：……`
    followed by a whole article pasted from a web page, its paragraph breaks lost.

    Good: a heading for the day (`## 第一天`) and its text as paragraphs, or short items.

    ## Fix

    Split the item into paragraphs (a blank line, then the text indented under the item) or
    move the text out of the list.
    """

    code = "RK307"
    name = "list-item-too-long"
    summary = "One list item holds more than max-chars characters of text."
    default_severity = Severity.INFO
    Options = ListItemTooLongOptions

    def check(self, post: Post, context: LintContext) -> Iterator[Diagnostic]:
        limit = self.options.max_chars
        if len(post.text) - post.body_start <= limit:
            return
        tokens = post.tokens
        for index, token in enumerate(tokens):
            if token.type == "list_item_open" and token.map:
                length = _own_text_length(tokens, index)
                if length > limit:
                    yield self.diagnostic(
                        post,
                        token.map[0],
                        0,
                        f"this list item holds {length:,} characters of text (more than "
                        f"{limit:,}): readers see one bullet with a wall of text",
                    )


def _own_text_length(tokens: list[Token], start: int) -> int:
    """The text length of the item opened at *start*, without its nested lists."""
    level = tokens[start].level
    length = 0
    for token in tokens[start + 1 :]:
        if token.type == "list_item_close" and token.level == level:
            break
        if token.type == "inline" and token.level == level + 2:
            length += len(plain_text(token.children or []))
    return length
