"""What a content file is to its generator, and where it lies: an entry it lists (and may date),
a standalone page, a section's list page, or a stub that shows nothing of its own.

A generator decides (:meth:`recapkit.ssg.base.Generator.page_kind`); the signs and places every
generator shares are here: a section index file, a redirect key, a drafts folder or flag, the
top of the content folder, a ``_posts`` folder, a date at the start of a file name.
"""

from __future__ import annotations

import enum
import functools
import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from recapkit._text import lazy_pattern

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from recapkit.post.types import Post


class PageKind(enum.Enum):
    ENTRY = "entry"
    """Content the generator lists with its siblings: a post, a note, a book entry."""
    PAGE = "page"
    """A standalone page (about, contact) where the generator keeps such pages."""
    SECTION = "section"
    """A section's list page (Hugo's and Zola's ``_index.md``); the generator titles and dates it."""
    STUB = "stub"
    """A file that shows nothing of its own: a redirect, or a page the generator does not list."""


REDIRECT_KEYS = frozenset({"redirect", "redirect_to", "redirect_url", "redirecturl"})
"""Keys that turn a page into a redirect: ``redirect_to`` (jekyll-redirect-from; Zola sections)
and the spellings themes read (``redirect``, ``redirectUrl``, ``redirect_url``)."""


def shared_kind(post: Post, section_index_names: frozenset[str]) -> PageKind | None:
    """The kind the signs every generator shares give *post*, or None to decide by place."""
    if post.path.name in section_index_names:
        return PageKind.SECTION
    keys = {str(key).lower() for key in post.data}
    if any(_given(post.data, key) for key in REDIRECT_KEYS & keys):
        return PageKind.STUB
    return None


def is_draft(
    post: Post, flags: Iterable[tuple[str, bool]], folders: frozenset[str] = frozenset()
) -> bool:
    """Whether *post* is not published yet: in a drafts *folder*, or with one of the
    generator's draft *flags* set (``("draft", True)`` on Hugo and Zola, ``("published",
    False)`` on Jekyll and Hexo, which have no ``draft`` key). It gets its date when published."""
    if folders.intersection(post.path.parts):
        return True
    return any(post.data.get(key) is value for key, value in flags)


def has_date(post: Post, date_keys: Iterable[str], *, case_sensitive: bool = True) -> bool:
    """Whether one of *date_keys* gives *post* a value (an empty one does not count)."""
    wanted = set(date_keys) if case_sensitive else {k.lower() for k in date_keys}
    for key, value in post.data.items():
        name = str(key) if case_sensitive else str(key).lower()
        if name in wanted and _filled(value):
            return True
    return False


# --- where a file lies ------------------------------------------------------------------------


_date_prefix = lazy_pattern(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?=$|[-_.])")


def filename_date(path: Path | str) -> date | None:
    """The date a file name starts with: Jekyll ``2019-08-20-slug.md``, Hugo ``2018-02-13-x.md``.

    For a bundle (``2019-08-20-slug/index.md``) the folder name counts. None when there is no
    such prefix or it is not a real date. (Each generator reads names its own way; this is the
    loose reading for messages and the generic reading.)
    """
    file = Path(path)
    name = file.parent.name if file.stem in ("index", "_index") else file.name
    match = _date_prefix().match(name)
    if match is None:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def outside_posts_folder(post: Post) -> bool:
    """Whether *post* lies outside a ``_posts`` folder, where Jekyll and Hexo make pages."""
    return "_posts" not in post.path.parts


def below_content(path: Path, content_dirs: Iterable[Path]) -> tuple[str, ...] | None:
    """The parts of *path* below the content folder (of *content_dirs*, a site's) it lies in
    (None: in none).

    Compared as given, made absolute, then with links resolved, so a relative path
    (``content/posts/x.md`` when linting from the site's folder) or a linked site root gives
    the same answer; links are resolved only when the cheaper comparisons fail (each
    resolution is a system call per path component, and this runs for every post).
    """
    directories = tuple(content_dirs)
    absolute = path if path.is_absolute() else Path.cwd() / path
    for candidate in (path, absolute):
        for directory in directories:
            parts = _parts_below(candidate, directory)
            if parts is not None:
                return parts
    real = _resolved(path)
    for directory in directories:
        parts = _parts_below(real, _resolved_folder(directory))
        if parts is not None:
            return parts
    return None


def _parts_below(path: Path, directory: Path) -> tuple[str, ...] | None:
    # Path.is_relative_to raises and catches an exception for every miss: too slow per post.
    size = len(directory.parts)
    return path.parts[size:] if path.parts[:size] == directory.parts else None


def top_level_page(post: Post, content_dirs: Iterable[Path]) -> bool:
    """A file at the top of the content folder (``content/about.md``, ``content/about/index.md``):
    a page of the home section, where generators without a posts folder keep standalone pages
    (dated posts live in sections, ``content/posts/...``)."""
    if not outside_posts_folder(post):
        return False
    parts = below_content(post.path, content_dirs)
    if parts is None:  # not in a known content folder: by the conventional name
        all_parts = post.path.parts
        if "content" not in all_parts:
            return False
        parts = all_parts[len(all_parts) - all_parts[::-1].index("content") :]
    return len(parts) == 1 or (len(parts) == 2 and post.path.name == "index.md")


@functools.lru_cache(maxsize=256)
def _resolved_folder(path: Path) -> Path:
    return _resolved(path)  # a site's content folders: a few, asked for every post


def _resolved(path: Path) -> Path:
    try:
        return Path(os.path.realpath(path))
    except (OSError, RuntimeError):
        return path


def _given(data: Mapping[Any, Any], lowered: str) -> bool:
    return any(str(k).lower() == lowered and _filled(v) for k, v in data.items())


def _filled(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())
