"""One token of a parsed body: the shape of markdown-it-py's ``Token``, without markdown-it-py.

Every rule and the extraction read tokens of this shape: the type (``paragraph_open``,
``inline``, ``image``...), the block's lines (``map``), the inline ``children`` with their
``meta["span"]``. The native parser builds them directly; markdown-it-py's tokens are copied
into them (:mod:`recapkit.post.markdown_it_parse`). A class of our own keeps markdown-it-py, a
quarter of a one-file run's start-up, out of a run that parses natively, and its plain
``__init__`` costs a third of the dataclass one's (two default factories, ``__post_init__``).
"""

from __future__ import annotations

from typing import Any


class Token:
    """A block or inline token, with markdown-it-py's fields and meanings."""

    __slots__ = (
        "attrs",
        "block",
        "children",
        "content",
        "hidden",
        "info",
        "level",
        "map",
        "markup",
        "meta",
        "nesting",
        "tag",
        "type",
    )

    def __init__(
        self,
        kind: str,
        tag: str,
        nesting: int,
        where: list[int] | None = None,
        level: int = 0,
        content: str = "",
        children: list[Token] | None = None,
        markup: str = "",
    ) -> None:
        self.type = kind
        self.tag = tag
        self.nesting = nesting
        """1 opens, -1 closes, 0 stands alone."""
        self.attrs: dict[str, str | int | float] = {}
        self.map = where
        """The block's lines ``[first, end)``, 0-based; None for inline tokens."""
        self.level = level
        self.children = children
        """An ``inline`` token's inline tokens; None for the others."""
        self.content = content
        self.markup = markup
        self.info = ""
        self.meta: dict[Any, Any] = {}
        self.block = False
        self.hidden = False

    # markdown-it-py's name, so code written for its tokens reads ours.
    def attrGet(self, name: str) -> str | int | float | None:
        return self.attrs.get(name)

    def __repr__(self) -> str:
        return f"Token({self.type!r}, {self.tag!r}, {self.nesting}, {self.map}, {self.content!r})"
