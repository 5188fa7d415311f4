"""Read a post the way its site's generator reads it: which tags show images or hold code,
which front matter keys name images. This is what ``recapkit.load_post`` does."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from recapkit.post.load import DEFAULT_MAX_BYTES
from recapkit.post.load import load_post as _load_post
from recapkit.post.load import parse_post as _parse_post
from recapkit.post.ssg_tags import TagSyntax
from recapkit.ssg import registry

if TYPE_CHECKING:
    import frontmatter

    from recapkit.post.types import Post
    from recapkit.ssg.base import Site


def reading_of(site: Site | None) -> tuple[TagSyntax, tuple[str, ...]]:
    """The tags and the image keys a post of *site* is read with.

    The tags are the site's generator's own: Hugo shows a Liquid ``{% img %}`` pasted into a
    post as the text it is, so it is no image there (and ``{% highlight %}`` holds no code).
    Without a site, every generator's tags are read. The image keys are the generators' own and
    their themes' (the rules tell them apart: a theme's key is served from where recapkit
    cannot see).
    """
    generic = registry.generic()
    tags = site.generator.tags if site is not None else generic.tags
    return tags, tuple(dict.fromkeys(generic.image_keys + generic.theme_image_keys))


def load_post(
    path: str | os.PathLike[str],
    *,
    site: Site | None = None,
    image_keys: Sequence[str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Post:
    """Read and parse the post at *path* as *site*'s generator reads it (see :func:`parse_post`).

    Never raises for what the file contains: an empty, binary, non-UTF-8, oversized or
    unreadable file gives a post whose ``problem`` says why.
    """
    syntax, keys = reading_of(site)
    keys = tuple(image_keys) if image_keys is not None else keys
    return _load_post(path, syntax=syntax, image_keys=keys, max_bytes=max_bytes)


def parse_post(
    source: str | bytes | frontmatter.Post,
    path: str | os.PathLike[str] = "<string>",
    *,
    site: Site | None = None,
    image_keys: Sequence[str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Post:
    """Parse a post's content (its bytes, its text, or a python-frontmatter ``Post``) as *site*'s
    generator reads it; *image_keys* replaces the front matter keys read as images."""
    syntax, keys = reading_of(site)
    keys = tuple(image_keys) if image_keys is not None else keys
    return _parse_post(source, path, syntax=syntax, image_keys=keys, max_bytes=max_bytes)
