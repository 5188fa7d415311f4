"""Where in a post a front matter finding belongs: a key, a value, the block's first line."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from recapkit.data.positions import locate
from recapkit.errors import RecapkitError
from recapkit.post.types import Location

if TYPE_CHECKING:
    from recapkit.post.types import Post


def front_matter_start(post: Post) -> Location:
    """The first line of the front matter (the opening delimiter), else the top of the file."""
    if post.front_matter is None:
        return Location(0, 0)
    return post.location(post.front_matter.span.start)


def key_location(post: Post, key: str) -> Location:
    """Where top-level *key* is written, else the front matter's first line."""
    if post.front_matter is not None:
        found = post.front_matter.key_locations.get(key)
        if found is not None:
            return found
    return front_matter_start(post)


def lookup_key(data: Mapping[str, Any], key: str, *, case_sensitive: bool) -> str | None:
    """The key of *data* that means *key* (Hugo ignores case), or None."""
    if key in data:
        return key
    if case_sensitive:
        return None
    folded = key.casefold()
    return next((k for k in data if isinstance(k, str) and k.casefold() == folded), None)


def locate_in_front_matter(post: Post, path: Sequence[str | int]) -> Location:
    """The 0-based file position of a field path inside the front matter (best effort).

    Falls back to the top-level key when the data layer cannot place the path (a missing
    field is reported where its parent is).
    """
    fallback = key_location(post, str(path[0]))
    front_matter = post.front_matter
    if front_matter is None:
        return fallback
    try:
        content = post.text[front_matter.content_span.start : front_matter.content_span.end]
        line, column = locate(content, str(front_matter.format), tuple(path))
    except (LookupError, ValueError, TypeError, RecapkitError):  # never let placing a finding crash
        return fallback
    first = post.location(front_matter.content_span.start)
    return Location(first.line + line, column + (first.column if line == 0 else 0))
