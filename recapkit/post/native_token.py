"""markdown-it-py's ``Token`` made without its dataclass ``__init__``.

A post's body is a few hundred tokens, a corpus run hundreds of thousands; the generated
``__init__`` (keyword defaults, two default factories, ``__post_init__``) costs more than half
the native parse's Python time. :func:`token` sets the same thirteen fields directly, so the
result is the same ``Token`` a ``Token(...)`` call makes.
"""

from __future__ import annotations

from markdown_it.token import Token

_new = object.__new__


def token(
    kind: str,
    tag: str,
    nesting: int,
    where: list[int] | None = None,
    level: int = 0,
    content: str = "",
    children: list[Token] | None = None,
    markup: str = "",
) -> Token:
    """``Token(kind, tag, nesting, map=where, level=level, content=content, ...)``."""
    made: Token = _new(Token)
    made.type = kind
    made.tag = tag
    made.nesting = nesting  # type: ignore[assignment]  # -1, 0 or 1 by every caller
    made.attrs = {}
    made.map = where
    made.level = level
    made.children = children
    made.content = content
    made.markup = markup
    made.info = ""
    made.meta = {}
    made.block = False
    made.hidden = False
    return made
