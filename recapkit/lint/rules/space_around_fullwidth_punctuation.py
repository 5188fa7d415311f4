"""RK603 space-around-fullwidth-punctuation: a space beside `，` `。` `：` `（` and the like."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from recapkit._text import lazy_pattern
from recapkit.lint.diagnostics import Diagnostic, Edit, Fix, Severity
from recapkit.lint.rules._cjk import FULLWIDTH_PUNCTUATION, around, chinese_prose, with_next
from recapkit.lint.rules.base import LintContext, NoOptions, Rule

if TYPE_CHECKING:
    from recapkit.post.prose import Piece
    from recapkit.post.types import Post

_MARK = f"[{FULLWIDTH_PUNCTUATION}]"


# Spaces (ASCII or ideographic) right after or right before a full-width mark. A run is only
# tried from its first space, so a long run without a mark costs one scan, not one per space.
_spaces = lazy_pattern(f"(?<={_MARK})[ \u3000]+|(?<![ \u3000])[ \u3000]+(?={_MARK})")


# Full-width marks that are no punctuation: a smiley (`：）`, `：-（`) or an arrow (`=》`, `《-`).
_NOT_PUNCTUATION = "[：:]-?[）（)(]|[=-]》|《[=-]"


_starts_not_punctuation = lazy_pattern(_NOT_PUNCTUATION)


_ends_not_punctuation = lazy_pattern(f"(?:{_NOT_PUNCTUATION})$")


class SpaceAroundFullwidthPunctuation(Rule[NoOptions]):
    """A space stands beside full-width punctuation (`你好， 世界`, `Go （语言）`).

    Full-width punctuation (`，` `。` `、` `：` `；` `！` `？` `（` `）` `「` `」` `《` `》` `【`
    `】` ...) carries its own spacing: no space goes before or after it, whatever is on the
    other side (Chinese, English, a digit, a link). Spaces that start or end a line
    (indentation, a Markdown hard break) are not reported, nor are curly quotes, dashes and
    ellipses, whose spacing styles differ. Only prose is read (see RK601); the `title` and
    `description` values and image alt text are checked. A warning and **opt-in**: it runs only
    when selected (`select = ["RK6"]`, `"RK603"` or `"space-around-fullwidth-punctuation"`),
    and only on Chinese posts. **Fixable.**

    ## Why

    A full-width mark is as wide as a character and already leaves room on its sides; a space
    beside it opens a visible gap (中文文案排版指北: 全角标点与其他字符之间不加空格).

    ## Example

    Bad:

    ```markdown
    下午的主题是 Kubernetes ， 讲者来自 PingCAP 。
    ```

    Good:

    ```markdown
    下午的主题是 Kubernetes，讲者来自 PingCAP。
    ```

    Not reported: a space between a URL and a mark (`见 https://go.dev/ 。`, which keeps the
    autolink from taking the `。` in), a smiley (`谢谢 ：）`), curly quotes (`他说 “你好”`),
    and English text.

    In English: full-width punctuation takes no space before or after it.

    ## Fix

    `recapkit lint --fix` removes the spaces and changes nothing else.
    """

    code = "RK603"
    name = "space-around-fullwidth-punctuation"
    summary = "A space beside full-width punctuation (`你好， 世界`)."
    default_severity = Severity.WARNING
    fixable = True
    opt_in = True

    def check(self, post: Post, context: LintContext) -> Iterator[Diagnostic]:
        for piece, following in with_next(chinese_prose(post, context)):
            text = post.text[piece.start : piece.end]
            for match in _spaces().finditer(text):
                start, end = piece.start + match.start(), piece.start + match.end()
                if _between_prose(post, piece, following, start, end):
                    yield self._finding(post, start, end)

    def _finding(self, post: Post, start: int, end: int) -> Diagnostic:
        where, stop = post.location(start), post.location(end)
        shown = around(post.text, start, end, 3)
        return self.diagnostic(
            post,
            where.line,
            where.column,
            f"space beside full-width punctuation: `{shown}`",
            end_line=stop.line,
            end_column=stop.column,
            fix=Fix((Edit(start, end, ""),), "remove the space"),
        )


def _between_prose(post: Post, piece: Piece, following: Piece | None, start: int, end: int) -> bool:
    """Whether the spaces ``[start, end)`` stand between a punctuation mark and more prose.

    Not when they start or end a line (indentation, a hard break) or the piece, unless only
    emphasis or a link's edge lies beyond: a space between a mark and a URL is what keeps an
    autolink from swallowing the mark (`见 https://x.org/ 。`), and code spans, HTML, tags and a
    front matter value's quotes are no prose. Not beside a smiley or an arrow either."""
    if start == piece.start and not piece.joined:
        return False
    if end == piece.end and not (following is not None and following.joined):
        return False
    before = post.text[start - 1] if start > 0 else "\n"
    after = post.text[end] if end < len(post.text) else "\n"
    if before in "\r\n" or after in "\r\n":
        return False
    return not (
        _starts_not_punctuation().match(post.text, end)
        or _ends_not_punctuation().search(post.text[max(0, start - 3) : start])
    )
