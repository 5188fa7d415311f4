"""What a run of markdown-it inline tokens reads as, without importing markdown-it-py: rules
that only read tokens already parsed need not pay for importing the parser (a cached run)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from recapkit.post.token import Token


def plain_text(tokens: Sequence[Token]) -> str:
    """What an inline run reads as: text, code, image alts; breaks become spaces."""
    parts: list[str] = []
    for token in tokens:
        if token.type in ("text", "code_inline"):
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif token.type == "image":
            parts.append(plain_text(token.children or []))
    return "".join(parts)
