"""Links from one post to a heading of another post of the same site: which file a link names,
and which ``#fragment`` of it.

What every generator shares lives here: a relative link to a Markdown file
(``[x](other.md#id)``, ``[x](../2021/other.md#id)``), resolved against the linking post's
folder, as GitHub, editors' previews and Jekyll's ``jekyll-relative-links`` (on by default on
GitHub Pages) resolve it. A generator adds its own ways to name a post
(:meth:`recapkit.ssg.base.Generator.linked_heading`): Hugo's ``ref``/``relref`` shortcodes,
Jekyll's ``post_url`` tag, Hexo's ``post_link`` tag.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

from attrs import frozen

from recapkit._text import lazy_pattern

MARKDOWN_SUFFIXES = (".md", ".markdown")


_scheme = lazy_pattern(r"^[a-zA-Z][a-zA-Z0-9+.\-]*:")


@frozen
class LinkedHeading:
    """A link to a heading of another post: the candidate files (the first that exists is the
    one the generator picks) and the fragment, percent-decoded."""

    candidates: tuple[Path, ...]
    fragment: str


def has_scheme(url: str) -> bool:
    """Whether *url* starts with a scheme (``https:``, ``mailto:``): no file of the site."""
    return _scheme().match(url) is not None


def split_fragment(url: str) -> tuple[str, str] | None:
    """``("other.md", "id")`` for ``other.md#id``; None without a path or a fragment."""
    path, hash_, fragment = url.partition("#")
    if not hash_ or not path.strip() or not fragment:
        return None
    return path.strip(), unquote(fragment)


def relative_markdown(source: Path, url: str) -> LinkedHeading | None:
    """The post a relative link to a Markdown file names (``other.md#id``), from *source*'s
    folder; None for anything else (a URL with a scheme, a site path ``/x/``, a page URL)."""
    parts = split_fragment(url)
    if parts is None or has_scheme(parts[0]) or parts[0].startswith(("/", "//")):
        return None
    path = unquote(parts[0].partition("?")[0])
    if not path.lower().endswith(MARKDOWN_SUFFIXES):
        return None
    return LinkedHeading((source.parent / PurePosixPath(path),), parts[1])


def page_files(base: Path, path: str) -> tuple[Path, ...]:
    """The files a page path without its file name can be (``x`` -> ``x.md``, ``x/index.md``,
    ``x/_index.md``), or the path itself when it names a Markdown file."""
    target = base / PurePosixPath(path.strip("/"))
    if target.suffix.lower() in MARKDOWN_SUFFIXES:
        return (target,)
    return (
        target.with_name(target.name + ".md"),
        target / "index.md",
        target / "_index.md",
    )


def first_existing(candidates: Iterable[Path]) -> Path | None:
    """The first candidate that is a file."""
    return next((path for path in candidates if path.is_file()), None)
