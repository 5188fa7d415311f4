"""What a content file is to its generator: an entry it lists by date, or a page, a section's
list page, or a stub that shows nothing of its own.

A generator decides (:meth:`recapkit.ssg.base.Generator.page_kind`); the signs every generator
shares are here: a section index file, a redirect key, a layout that names a page or a listing,
a draft. Only entries can need a date: a page, a list page or a redirect is never sorted by one.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from recapkit.post.types import Post


class PageKind(enum.Enum):
    ENTRY = "entry"
    """Content the generator lists with its siblings: a post, a note, a book entry."""
    PAGE = "page"
    """A standalone page (about, contact) or a page that lists others (archives, tags, search)."""
    SECTION = "section"
    """A section's list page (Hugo's and Zola's ``_index.md``); the generator titles and dates it."""
    STUB = "stub"
    """A file that shows nothing of its own: a redirect, or a page the generator does not render."""


REDIRECT_KEYS = frozenset({"redirect", "redirect_to", "redirect_url", "redirecturl"})
"""Keys that turn a page into a redirect: ``redirect_to`` (jekyll-redirect-from; Zola sections)
and the spellings themes read (``redirect``, ``redirectUrl``, ``redirect_url``)."""

PAGE_LAYOUTS = frozenset(
    {"page", "about", "archive", "archives", "search", "tags", "categories", "links"}
    | {"friends", "taxonomy", "terms", "list", "home", "index", "redirect", "404", "sitemap"}
)
"""Layout names that say "not a post": a standalone page, or one that lists the posts."""


def shared_kind(post: Post, section_index_names: frozenset[str]) -> PageKind | None:
    """The kind the signs every generator shares give *post*, or None to decide by place."""
    if post.path.name in section_index_names:
        return PageKind.SECTION
    keys = {str(key).lower() for key in post.data}
    if any(_given(post.data, key) for key in REDIRECT_KEYS & keys):
        return PageKind.STUB
    return None


def layout_names_page(post: Post, keys: Iterable[str]) -> bool:
    """Whether one of *keys* (``layout``, Hugo's ``type``, Zola's ``template``) names a page or
    listing layout (``archives``, ``page.html``, ``tags``)."""
    for key in keys:
        value = post.data.get(key)
        if isinstance(value, str):
            name = value.strip().lower().removesuffix(".html").rsplit("/", 1)[-1]
            if name in PAGE_LAYOUTS:
                return True
    return False


def is_draft(post: Post, undated_folders: frozenset[str]) -> bool:
    """Whether *post* is not published yet (``draft: true``, ``published: false``, or a drafts
    folder): it gets its date when it is published."""
    if undated_folders.intersection(post.path.parts):
        return True
    return post.data.get("draft") is True or post.data.get("published") is False


def has_date(post: Post, date_keys: Iterable[str], *, case_sensitive: bool = True) -> bool:
    """Whether one of *date_keys* gives *post* a value (an empty one does not count)."""
    wanted = set(date_keys) if case_sensitive else {k.lower() for k in date_keys}
    for key, value in post.data.items():
        name = str(key) if case_sensitive else str(key).lower()
        if name in wanted and _filled(value):
            return True
    return False


def _given(data: Mapping[Any, Any], lowered: str) -> bool:
    return any(str(k).lower() == lowered and _filled(v) for k, v in data.items())


def _filled(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())
