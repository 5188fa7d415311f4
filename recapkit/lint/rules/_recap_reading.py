"""How the recap rules read a post's body: with the importer, from its text (its recap data
ignored), at most once per post; and a cheap test that lets most posts skip the importer."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from recapkit.importing.vocabulary import EVENT_WORDS, OVERVIEW_INTRO, SPEAKER_LABELS

if TYPE_CHECKING:
    from recapkit.importing.assemble import Imported
    from recapkit.lint.rules.base import LintContext
    from recapkit.post.types import Post

_LABELS = "|".join(sorted(map(re.escape, SPEAKER_LABELS), key=len, reverse=True))
# "**嘉宾**：", "- 讲师: ", "Speaker:" or "by Name" at a line's start: how the importer finds a
# talk's speaker (one pattern: one pass over the body).
_SPEAKER_LINE = re.compile(
    rf"^[ \t>*_+-]*(?:(?:{_LABELS})\W{{0,3}}[ \t]*[:：]|by[ \t]+\S)", re.I | re.M
)


def worth_reading(post: Post) -> bool:
    """Whether the importer could read *post* as a recap (:func:`is_recap`), by what it needs
    and a regex finds in the text: an event word in the title, a line announcing a talk list,
    a speaker line, or two headings ending with a name.

    The importer costs about as much as every other rule together; this lets four posts in
    five of a real blog skip it, and it misses none of the recaps the importer finds there."""
    from recapkit.importing.speakers import heading_speakers

    title = post.data.get("title")
    if isinstance(title, str) and EVENT_WORDS.search(title):
        return True
    body = post.body
    ending = (":", "：")
    if any(OVERVIEW_INTRO.search(s) for s in body.splitlines() if s.rstrip().endswith(ending)):
        return True
    if _SPEAKER_LINE.search(body):
        return True
    tokens = post.tokens
    named = (
        i
        for i, token in enumerate(tokens[:-1])
        if token.type == "heading_open" and heading_speakers(tokens[i + 1].content)
    )
    return next(named, None) is not None and next(named, None) is not None


def read_body(post: Post, context: LintContext) -> Imported | None:
    """*post*'s text read by the importer as ``recapkit import --from-text`` reads it; None
    when it cannot be (no title, no date, an unreadable post). Read once per post and context."""
    memo: dict[str, Any] | None = context.recap_memo
    key = str(post.path)
    if memo is not None and key in memo:
        found: Imported | None = memo[key]
        return found
    from recapkit.importing.assemble import PostImportError, read_recap

    try:
        found = read_recap(post)
    except PostImportError:
        found = None
    if memo is not None:
        memo[key] = found
    return found


def recap_reading(post: Post, context: LintContext) -> str:
    """``"data"`` for a post with recap data, ``"text"`` for one the recap rules read as a recap
    from its text (never reading it here: only what a rule already read), else ``""``."""
    from recapkit.lint.rules._recap import has_recap_data

    if post.problem is None and has_recap_data(post):
        return "data"
    memo = context.recap_memo or {}
    found = memo.get(str(post.path))
    if found is None:
        return ""
    from recapkit.importing.assemble import is_recap

    return "text" if is_recap(found) else ""


def read_as_recap(post: Post, context: LintContext) -> Imported | None:
    """What the importer finds in *post* when it reads as a recap with confidence, else None
    (see :func:`recapkit.importing.assemble.is_recap`)."""
    if not worth_reading(post):
        return None  # before importing the importer: most posts never need it
    from recapkit.importing.assemble import is_recap

    found = read_body(post, context)
    return found if found is not None and is_recap(found) else None
