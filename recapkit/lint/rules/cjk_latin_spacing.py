"""RK601 cjk-latin-spacing: a space between Chinese and English words or digits."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from attrs import frozen

from recapkit.lint.diagnostics import Diagnostic, Edit, Fix, Severity
from recapkit.lint.rules._cjk import CJK, LATIN, around, chinese_prose, pattern
from recapkit.lint.rules.base import LintContext, Rule, option

if TYPE_CHECKING:
    from recapkit.post.prose import Piece
    from recapkit.post.types import Post

# The place between a CJK character and a letter or digit, either way round (zero width).
_BOUNDARY = f"(?<={CJK})(?={LATIN})|(?<={LATIN})(?={CJK})"
_CJK_CHAR = CJK
_LATIN_CHAR = LATIN


@frozen
class CjkLatinSpacingOptions:
    link_spacing: bool = option(
        False,
        "whether a link whose text starts or ends with a Latin letter or digit needs a space "
        "from Chinese text outside it (`中文 [Go](https://go.dev)`), as between words",
    )


class CjkLatinSpacing(Rule[CjkLatinSpacingOptions]):
    """Chinese text runs into English words or digits without a space (`使用Go语言`).

    In a Chinese post, a space separates Chinese characters from English words and from
    digits, both ways: `使用 Go 语言开发`, `共 3 场分享`. This is the first convention of the
    widely used Chinese copywriting guidelines (中文文案排版指北), which AutoCorrect and zhlint
    enforce and most Chinese tech blogs follow. Only prose is read: never code spans and
    blocks, link and image destinations, HTML tags, shortcodes and template tags, URLs, or
    front matter keys; the `title` and `description` values and image alt text are prose and
    are checked. Text on either side of emphasis (`中文**Go**`) counts as touching; text on
    either side of a link's edge only with the `link-spacing` option. A warning and
    **opt-in**: it runs only when selected (`select = ["RK6"]`, `"RK601"` or
    `"cjk-latin-spacing"`), and only on Chinese posts (the post's `lang`/`language` key, else
    the site's default language, else mostly Chinese prose). **Fixable.**

    ## Why

    Without the space, Latin words crowd the characters around them and are harder to pick
    out; with it, mixed text reads evenly (使用 Go 语言 rather than 使用Go语言).
    Spacing is the writer's, not the browser's: no CSS adds it reliably.

    ## Example

    Bad:

    ```markdown
    本次Meetup共有3场分享，主题是Go语言。
    ```

    Good:

    ```markdown
    本次 Meetup 共有 3 场分享，主题是 Go 语言。
    ```

    Not reported: code and URLs (`` `fmt.Println中文` ``, `https://go.dev/中文`), an English
    post (`We met at 北京GDG.`), and, unless `link-spacing` is on, a link's edge
    (`中文[Go](https://go.dev)`).

    In English: a space is needed where Chinese text meets an English word or a number, as
    between two English words.

    ## Fix

    `recapkit lint --fix` inserts one space at each place; where emphasis or a link edge lies
    between the two, the space goes outside it (`中文 **Go**`), and where one emphasis closes and
    another opens, between the two (`**3** *中*` for `**3***中*`: a space inside either would
    end it). Where a link closes and another opens (`[中](a)[Go](b)`, with `link-spacing`) the
    finding has no fix: choose the side yourself.
    """

    code = "RK601"
    name = "cjk-latin-spacing"
    summary = "No space between Chinese and English words or digits (`使用Go语言`)."
    default_severity = Severity.WARNING
    fixable = True
    opt_in = True
    Options = CjkLatinSpacingOptions

    def check(self, post: Post, context: LintContext) -> Iterator[Diagnostic]:
        pieces = chinese_prose(post, context)
        previous: Piece | None = None
        for piece in pieces:
            if previous is not None and self._touches(previous, piece):
                yield from self._across(post, previous, piece)
            for match in pattern(_BOUNDARY).finditer(post.text[piece.start : piece.end]):
                at = piece.start + match.start()
                yield self._finding(post, at - 1, at, at)
            previous = piece

    def _touches(self, previous: Piece, piece: Piece) -> bool:
        return piece.joined and (self.options.link_spacing or not piece.across_link)

    def _across(self, post: Post, previous: Piece, piece: Piece) -> Iterator[Diagnostic]:
        """A finding where *previous* ends and *piece* begins with markup between them; the
        space goes outside the markup (before what opens, after what closes)."""
        left, right = post.text[previous.end - 1], post.text[piece.start]
        if not _pair(left, right):
            return
        if piece.floor == previous.depth:  # `中文**Go**`, `中文[Go](…)`: before what opens
            yield self._finding(post, previous.end - 1, piece.start, previous.end)
        elif piece.floor == piece.depth:  # `**中文**Go`: after what closes
            yield self._finding(post, previous.end - 1, piece.start, piece.start)
        else:  # `**中**_Go_`: the space belongs between the closing and the opening marks
            yield self._finding(
                post, previous.end - 1, piece.start, _between(post, previous, piece)
            )

    def _finding(self, post: Post, left: int, right: int, insert_at: int | None) -> Diagnostic:
        where, end = post.location(left), post.location(right + 1)
        shown = around(post.text, left, right + 1)
        return self.diagnostic(
            post,
            where.line,
            where.column,
            f"no space between Chinese and English or digits: `{shown}`",
            end_line=end.line,
            end_column=end.column,
            fix=None
            if insert_at is None
            else Fix((Edit(insert_at, insert_at, " "),), "insert a space"),
        )


def _between(post: Post, previous: Piece, piece: Piece) -> int | None:
    """Where the closing emphasis marks after *previous* end and the opening marks before *piece*
    begin (`**中**|_Go_`, `**3**|*中*` in `**3***中*`, `**中**|[Go](x)`); None when a link
    closes there."""
    if piece.closing is None:
        return None
    at = previous.end + piece.closing
    closing = post.text[previous.end : at]
    return at if closing and not closing.strip("*_~") and at < piece.start else None


def _pair(left: str, right: str) -> bool:
    """Whether *left* then *right* is a CJK character and a letter or digit, either way."""
    return bool(
        (pattern(_CJK_CHAR).fullmatch(left) and pattern(_LATIN_CHAR).fullmatch(right))
        or (pattern(_LATIN_CHAR).fullmatch(left) and pattern(_CJK_CHAR).fullmatch(right))
    )
