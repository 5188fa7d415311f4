"""RK602 fullwidth-punctuation: half-width `,` `:` `;` `?` `!` `(` `)` in a Chinese sentence."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from recapkit.lint.diagnostics import Applicability, Diagnostic, Edit, Fix, Severity
from recapkit.lint.rules._cjk import CJK, around, chinese_prose, pattern, with_next
from recapkit.lint.rules.base import LintContext, NoOptions, Rule

if TYPE_CHECKING:
    from recapkit.post.prose import Piece
    from recapkit.post.types import Post

FULLWIDTH = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}

# A mark between two CJK characters (spaces around it go too); `:` `?` `!` also after a CJK
# character at the end of the line (`如下:`, `为什么?`). A `,` or `;` there could join a list
# of code or English words to come: left alone. A mark with spaces on both sides is a mention
# of the character, not punctuation (`后跟一个 : 冒号`, `和 ! 运算符`).
_BETWEEN = f"(?<={CJK})(?: ([,:;?!])|([,:;?!]) ?)(?={CJK})"
_LINE_END = f"(?<={CJK}) ?([:?!])$"
# A mark closing emphasis, Chinese text after it: `**作者:** 项目的创始人`.
_BEFORE_MARKUP = f"(?<={CJK})([,:;?!])$"
_AFTER_MARKUP = f" ?{CJK}"
# Parentheses around text with a CJK character, touching a CJK character outside:
# `函数(参数)`, `(注)参见`. `f(x)` and `中文(English)` are left alone (code, or a writer's
# choice some styles allow). Each `(` scans at most to the next parenthesis: linear.
_PARENS = r"\(([^()\n]{1,160})\)"
_CJK_CHAR = CJK
_LATIN_WORD = "[A-Za-z0-9]"


class FullwidthPunctuation(Rule[NoOptions]):
    """A Chinese sentence uses half-width punctuation (`你好,世界`, `如下:`, `函数(参数)`).

    Chinese text takes full-width punctuation: `，` `：` `；` `？` `！` `（` `）`. The rule
    reports a half-width `,` `:` `;` `?` `!` between two Chinese characters (a space on one
    side of it too), a `:` `?` `!` right after a Chinese character at the end of a line, and a
    pair of `(` `)` around Chinese text next to a Chinese character. English text inside a
    Chinese post keeps its punctuation (`Hello, world`), and so do times and ratios (`10:30`),
    function calls (`f(x)`), a parenthesis around English only (`中文(English)`) and a mark
    between two spaces, which names the character itself (`后跟一个 : 冒号`, `和 ! 运算符`). The period `.` is
    not checked: decimals, versions, file names and abbreviations make it ambiguous. Only prose
    is read (see RK601); the `title` and `description` values and image alt text are checked.
    A warning and **opt-in**: it runs only when selected (`select = ["RK6"]`, `"RK602"` or
    `"fullwidth-punctuation"`), and only on Chinese posts. **Fixable.**

    ## Why

    Half-width marks in Chinese text sit cramped against the characters and break the even
    rhythm of full-width text; readers see them as a typo (中文文案排版指北: 使用全角中文标点).

    ## Example

    Bad:

    ```markdown
    本次活动的主题是:云原生,欢迎参加!
    ```

    Good:

    ```markdown
    本次活动的主题是：云原生，欢迎参加！
    ```

    Not reported: `Hello, world!` and `f(x)` in a Chinese post, `会议时间10:30`, and
    `和 ! 运算符` (the character itself).

    In English: a comma, colon, semicolon, question or exclamation mark, or a pair of
    parentheses in a Chinese sentence is written full-width.

    ## Fix

    `recapkit lint --fix` replaces the mark with its full-width form and drops the space
    beside it (`你好, 世界` → `你好，世界`). Parentheses with English or digits inside as well
    (`参见(第3章)`) are an unsafe fix (`--unsafe-fixes`): a writer may have meant them
    half-width.
    """

    code = "RK602"
    name = "fullwidth-punctuation"
    summary = "Half-width punctuation in a Chinese sentence (`你好,世界`)."
    default_severity = Severity.WARNING
    fixable = True
    opt_in = True

    def check(self, post: Post, context: LintContext) -> Iterator[Diagnostic]:
        for piece, following in with_next(chinese_prose(post, context)):
            yield from self._marks(post, piece, following)
            yield from self._parentheses(post, piece)

    def _marks(self, post: Post, piece: Piece, following: Piece | None) -> Iterator[Diagnostic]:
        text = post.text[piece.start : piece.end]
        found = list(pattern(_BETWEEN).finditer(text))
        if _ends_line(post, piece):
            found += pattern(_LINE_END).finditer(text)
        elif (
            following is not None
            and following.joined
            and pattern(_AFTER_MARKUP).match(post.text, following.start)
        ):
            found += pattern(_BEFORE_MARKUP).finditer(text)
        for match in found:
            start, end = piece.start + match.start(), piece.start + match.end()
            group = 1 if match.group(1) else 2
            mark = match.group(group)
            fix = Fix((Edit(start, end, FULLWIDTH[mark]),), f"use `{FULLWIDTH[mark]}`")
            yield self._finding(post, piece.start + match.start(group), mark, fix)

    def _parentheses(self, post: Post, piece: Piece) -> Iterator[Diagnostic]:
        text = post.text[piece.start : piece.end]
        for match in pattern(_PARENS).finditer(text):
            inside = match.group(1)
            if not (
                pattern(_CJK_CHAR).search(inside) and _touches_cjk(text, match.start(), match.end())
            ):
                continue
            opening, closing = piece.start + match.start(), piece.start + match.end() - 1
            safe = pattern(_LATIN_WORD).search(inside) is None
            fix = Fix(
                (Edit(opening, opening + 1, "（"), Edit(closing, closing + 1, "）")),
                "use `（` `）`",
                Applicability.SAFE if safe else Applicability.UNSAFE,
            )
            yield self._finding(post, opening, "(", fix, closing + 1)

    def _finding(
        self, post: Post, at: int, mark: str, fix: Fix, end: int | None = None
    ) -> Diagnostic:
        where, stop = post.location(at), post.location(end if end is not None else at + 1)
        shown = around(post.text, at, end if end is not None else at + 1, 4)
        what = "`(` `)`" if mark == "(" else f"`{mark}`"
        return self.diagnostic(
            post,
            where.line,
            where.column,
            f"half-width {what} in a Chinese sentence, use {fix.description[4:]}: `{shown}`",
            end_line=stop.line,
            end_column=stop.column,
            fix=fix,
        )


def _touches_cjk(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` has a CJK character right before or right after it."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return bool(pattern(_CJK_CHAR).fullmatch(before) or pattern(_CJK_CHAR).fullmatch(after))


_LINE_END_AFTER = r"[*_~]{0,3}\r?(?:\n|\Z)"


def _ends_line(post: Post, piece: Piece) -> bool:
    """Whether *piece* reaches the end of its line (or of the file), emphasis closing there
    (`**注意:**`) included."""
    return pattern(_LINE_END_AFTER).match(post.text, piece.end) is not None
