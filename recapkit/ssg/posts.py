"""Read a post the way its site's generator reads it: which tags show images or hold code,
which front matter keys name images. This is what ``recapkit.load_post`` does."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from recapkit.post.load import DEFAULT_MAX_BYTES
from recapkit.post.load import load_post as _load_post
from recapkit.post.load import parse_post as _parse_post
from recapkit.post.recap_source import data_name, folder_candidates, post_name
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
    find_data_folder: bool = True,
) -> Post:
    """Read and parse the post at *path* as *site*'s generator reads it (see :func:`parse_post`).

    Never raises for what the file contains: an empty, binary, non-UTF-8, oversized or
    unreadable file gives a post whose ``problem`` says why. Without *site*, the site the file
    lies in still gives the data folder its recap data may live in (unless not
    *find_data_folder*: callers that looked for the site already and found none).
    """
    syntax, keys = reading_of(site)
    keys = tuple(image_keys) if image_keys is not None else keys
    post = _load_post(path, syntax=syntax, image_keys=keys, max_bytes=max_bytes)
    if site is None and find_data_folder:
        site = site_of(post.path)
    return with_data_folder(post, site)


def site_of(path: Path) -> Site | None:
    """The site the file at *path* lies in (None: none, or two generators claim it)."""
    from recapkit.ssg.base import SiteDetectionError
    from recapkit.ssg.site import find_site

    try:
        return find_site(path.absolute().parent)
    except (SiteDetectionError, OSError):
        return None  # two generators claim the folder: no one data folder


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
    post = _parse_post(source, path, syntax=syntax, image_keys=keys, max_bytes=max_bytes)
    return with_data_folder(post, site)


def with_data_folder(post: Post, site: Site | None) -> Post:
    """*post* told where its file in *site*'s data folder may be: ``<data>/recaps/<name>``,
    the name its front matter gives (``recap_data:``) or its own (see
    :mod:`recapkit.post.recap_source`). The post layer cannot know the site, so it is handed
    down here, before anything reads :attr:`Post.recap`."""
    folder = site.generator.data_folder(site) if site is not None else None
    if folder is None or post.problem is not None:
        return post
    name = data_name(post.data)
    post.data_folder_files = folder_candidates(folder, name or post_name(post.path))
    post.data_folder_named = name is not None
    return post
