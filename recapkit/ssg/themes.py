"""What the usual themes of every generator read in front matter: their keys and image keys."""

from __future__ import annotations

THEME_KEYS = frozenset(
    {
        "author",
        "authors",
        "cover",
        "image",
        "images",
        "featured_image",
        "thumbnail",
        "banner",
        "photos",
        "toc",
        "comments",
        "description",
        "summary",
        "keywords",
        "lang",
        "language",
        "subtitle",
        "series",
        "math",
        "mathjax",
        "katex",
        "hidden",
        "sticky",
        "top",
        "pinned",
        "share",
        "canonical",
        "canonical_url",
        "recap",
        "recap_data",
        "copyright",
        "license",
        "original",
        "source",
        "tags",
        "categories",
        "title",
        "date",
        "draft",
        "slug",
        "layout",
    }
)
"""Keys that themes of every generator commonly read; knowing them keeps ``author`` from being
"corrected" to ``authors`` and ``image`` to ``images``."""
THEME_IMAGE_KEYS: tuple[str, ...] = ("cover", "image", "featured_image")
"""Front matter keys the usual themes of every generator show as images. recapkit reads them
(alt text, hosts), but each theme decides where it looks such a file up."""
