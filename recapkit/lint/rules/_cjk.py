"""What the RK6 CJK style rules share: which posts they apply to, their prose, character classes.

The conventions are those of the Chinese copywriting guidelines (sparanoid/chinese-copywriting-
guidelines) that AutoCorrect and zhlint enforce. They apply to Chinese posts only: a post whose
``lang``/``language`` key, else whose site's default language, else whose prose says Chinese
(:func:`recapkit.post.language.post_language`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from recapkit.lint.rules.base import LintContext
    from recapkit.post.prose import Piece
    from recapkit.post.types import Post

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
KANA = "\u3041-\u3096\u30a1-\u30fa"
CJK = f"[{HAN}{KANA}]"
"""A CJK character that takes part in the spacing conventions (Hangul is spaced like Latin)."""
LATIN = "[A-Za-z0-9]"
"""A half-width letter or digit."""
FULLWIDTH_PUNCTUATION = "，。、：；！？（）「」『』《》〈〉【】〔〕"
"""Full-width punctuation that takes no space on either side (curly quotes are shared with
English text and dashes and ellipses are spaced by some styles: they are left alone)."""


@functools.cache
def pattern(source: str) -> re.Pattern[str]:
    """*source* compiled on first use: the RK6 rules are opt-in, and compiling their patterns
    (wide CJK character classes) at import would cost every run milliseconds."""
    return re.compile(source)


# The answer for the last post asked about (and its site's language): the RK6 rules run one
# after another on one post, and each would otherwise find its prose again.
_last: tuple[Post, str | None, list[Piece]] | None = None


def chinese_prose(post: Post, context: LintContext) -> list[Piece]:
    """The prose pieces of *post* when it is a Chinese post, else none."""
    # Imported here: the RK6 rules are opt-in, and a run without them (or a cached run) need
    # not pay for the prose finder, its language guess and markdown-it-py.
    from recapkit.post.language import post_language
    from recapkit.post.prose import prose_pieces

    global _last
    site_default = _site_default(context)
    last = _last
    if last is not None and last[0] is post and last[1] == site_default:
        return last[2]
    pieces: list[Piece] = []
    if post.problem is None and post.text:
        pieces = prose_pieces(post)
        if post_language(post, site_default, pieces) != "zh":
            pieces = []
    _last = (post, site_default, pieces)
    return pieces


def _site_default(context: LintContext) -> str | None:
    if context.site is None:
        return None
    from recapkit.post.language import site_language

    return site_language(context.site.config, context.generator.language_keys)


def around(text: str, start: int, end: int, width: int = 6) -> str:
    """``text[start:end]`` with up to *width* characters of the same line either side, for a
    message."""
    left = max(text.rfind("\n", 0, start) + 1, start - width)
    right_limit = text.find("\n", end)
    right = min(end + width, right_limit if right_limit >= 0 else len(text))
    return text[left:right].strip()


def with_next(pieces: list[Piece]) -> Iterator[tuple[Piece, Piece | None]]:
    """Each piece of prose with the one after it (None for the last): a mark at a piece's end
    is judged by what the reader sees next."""
    for index, piece in enumerate(pieces):
        yield piece, pieces[index + 1] if index + 1 < len(pieces) else None
