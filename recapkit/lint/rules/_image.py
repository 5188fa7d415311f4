"""What the image rules share: a finding that spans the image, short sources, hosts."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar
from urllib.parse import urlsplit

from recapkit.lint.diagnostics import Diagnostic
from recapkit.lint.rules.base import Rule, shorten

if TYPE_CHECKING:
    from recapkit.post.types import ImageRef, Post

OptionsT = TypeVar("OptionsT")


def short(src: str, limit: int = 80) -> str:
    """An image source or alt text, shortened for a message."""
    return shorten(src, limit)


class ImageRule(Rule[OptionsT]):
    """Shared by image rules: a diagnostic spanning the image reference."""

    def at_image(self, post: Post, image: ImageRef, message: str) -> Diagnostic:
        return self.diagnostic(
            post,
            image.line,
            image.column,
            message,
            end_line=image.end_line,
            end_column=image.end_column,
        )


def host(src: str) -> str | None:
    text = src.strip()
    if text.startswith("//"):
        text = "https:" + text
    if not text[:8].lower().startswith(("http://", "https://")):
        return None
    try:
        return (urlsplit(text).hostname or "").lower() or None
    except ValueError:
        return None
