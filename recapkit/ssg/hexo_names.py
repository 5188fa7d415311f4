"""Hexo's post file names: ``new_post_name`` as Hexo writes a new post's name and as it reads a
date or a slug back from one (hexo-util ``Permalink``), and the posts ``{% post_link %}`` names
by their slug (see :mod:`recapkit.ssg.hexo`)."""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Mapping
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from recapkit._text import lazy_pattern
from recapkit.ssg.anchors import hexo_slugize
from recapkit.ssg.config_file import names_list
from recapkit.ssg.links import LinkedHeading

if TYPE_CHECKING:
    from recapkit.post.types import Post
    from recapkit.ssg.base import Site


_placeholder = lazy_pattern(r":(title|year|month|i_month|day|i_day)\b")


def post_name(config: Mapping[str, Any], slug: str, day: date) -> str:
    """The file name Hexo's ``new_post_name`` gives a post (default ``:title.md``).

    A pattern with placeholders Hexo has but recapkit does not know falls back to the default.
    """
    pattern = config.get("new_post_name")
    if not isinstance(pattern, str) or _placeholder().sub("", pattern).count(":"):
        pattern = ":title.md"
    values = {
        "title": slug,
        "year": f"{day.year:04d}",
        "month": f"{day.month:02d}",
        "i_month": str(day.month),
        "day": f"{day.day:02d}",
        "i_day": str(day.day),
    }
    name = _placeholder().sub(lambda m: values[m[1]], pattern)
    return name if name.endswith(".md") else f"{name}.md"


def name_date(path: Path, config: Mapping[str, Any]) -> date | None:
    """The date Hexo reads from the post's path below ``_posts`` when it fits ``new_post_name``
    with a year, month and day in it (``processor/post.js``: ``parseFilename``, then ``new
    Date(year, month - 1, day)``, which rolls an impossible day over)."""
    pattern = config.get("new_post_name")
    if not isinstance(pattern, str) or "_posts" not in path.parts:
        return None
    parts = path.parts
    below = "/".join(parts[len(parts) - parts[::-1].index("_posts") :])
    match = _name_pattern(pattern).match(below.rsplit(".", 1)[0])
    if match is None:
        return None
    found = match.groupdict()
    year, month = found.get("year"), found.get("month") or found.get("i_month")
    day = found.get("day") or found.get("i_day")
    if not (year and month and day):
        return None
    years, month_index = divmod(int(month) - 1, 12)
    try:
        return date(int(year) + years, month_index + 1, 1) + timedelta(days=int(day) - 1)
    except (ValueError, OverflowError):  # year 0000 (JavaScript reads it as 1900): no verdict
        return None


# `{% post_link slug#id [title] [escape] %}` (hexo lib/plugins/tag/post_link: the slug is split
# at `#`, the rest is the link's fragment; hexojs/hexo#5356, December 2023; built with Hexo 8.1).
_post_link = lazy_pattern(r"\{%-?\s*post_link\s+([^\s#%]+)#((?:[^\s%]|%(?!\}))+)[^%\n]*?-?%\}")


def post_links(post: Post) -> tuple[tuple[str, int, int, int, int], ...]:
    """The ``post_link`` tags of *post* with a fragment, outside code (tag text, position)."""
    if "post_link" not in post.text:
        return ()
    found = []
    for match in _post_link().finditer(post.text, post.body_start):
        if not post.in_code(match.start()):
            start, end = post.location(match.start()), post.location(match.end())
            found.append((match[0], start.line, start.column, end.line, end.column))
    return tuple(found)


def post_link_target(posts: Path, config: Mapping[str, Any], tag: str) -> LinkedHeading | None:
    """The post and fragment a ``post_link`` tag names (None: *tag* is no such tag)."""
    match = _post_link().fullmatch(tag)
    if match is None:
        return None
    return LinkedHeading(slug_files(posts, config, match[1]), unquote(match[2]))


def slug_files(posts: Path, config: Mapping[str, Any], slug: str) -> tuple[Path, ...]:
    """The posts below *posts* (``source/_posts``) whose slug is *slug*: Hexo's
    ``processor/post.js`` sets ``slug`` to the ``:title`` that ``new_post_name`` reads from the
    path below ``_posts`` without its extension (the whole path under the default
    ``:title.md``), and ``{% post_link %}`` finds a post by that slug. A slug two posts share
    names none (Hexo takes whichever it read first)."""
    pattern = config.get("new_post_name")
    if not isinstance(pattern, str) or pattern.rsplit(".", 1)[0] == ":title":
        return tuple(posts / f"{slug}{ext}" for ext in (".md", ".markdown"))
    rule = _name_pattern(pattern)
    found = []
    for path in sorted(posts.rglob("*.md")):
        below = path.relative_to(posts).as_posix().rsplit(".", 1)[0]
        match = rule.match(below)
        # parseFilename: the `:title` the pattern reads, else the whole path slugized
        title = match.groupdict().get("title") if match is not None else None
        if (title if title is not None else hexo_slugize()(below)) == slug:
            found.append(path)
    return tuple(found) if len(found) == 1 else ()  # two: Hexo takes the one it read first


@lru_cache(maxsize=16)
def _name_pattern(rule: str) -> re.Pattern[str]:
    """hexo-util's ``Permalink`` regex for *rule* (without its extension), named groups."""
    rule = rule.rsplit(".", 1)[0] if "." in rule.rsplit("/", 1)[-1] else rule
    segments = {
        "year": r"\d{4}",
        "month": r"\d{2}",
        "day": r"\d{2}",
        "i_month": r"\d{1,2}",
        "i_day": r"\d{1,2}",
        "hash": r"[0-9a-f]{12}",
    }
    parts: list[str] = []
    last, seen = 0, set()
    for param in re.finditer(r":(\w*[^_\W])", rule):
        parts.append(re.escape(rule[last : param.start()]))
        name = param.group(1)
        body = segments.get(name, ".+?")
        named = name.isidentifier() and name not in seen
        parts.append(f"(?P<{name}>{body})" if named else f"(?:{body})")
        seen.add(name)
        last = param.end()
    parts.append(re.escape(rule[last:]))
    return re.compile("^" + "".join(parts) + "$")


def sidecar_fate(site: Site, sidecar: Path) -> str | None:
    """What Hexo 8.1 does with a recap data file next to a post (``lib/plugins/processor/
    post.ts`` and ``asset.ts``; built in tests/ssg/test_recap_files_real.py): under
    ``_posts``/``_drafts`` with ``post_asset_folder: true`` only ``.md`` files are posts, and a
    file beside the post (not in its asset folder) is left alone; without it, a ``.yaml``,
    ``.yml`` or ``.json`` there is rendered as a post of its own, dated when the site is built.
    Elsewhere in ``source/`` (a page's folder) YAML and JSON are rendered to JSON and published.
    An ``ignore`` glob of ``_config.yml`` that matches it keeps it out of all of that."""
    ignored = [str(pattern) for pattern in names_list(site.config.get("ignore"))]
    if any(fnmatch.fnmatch(sidecar.as_posix(), pattern) for pattern in ignored):
        return None  # `ignore` globs keep a file from every processor
    renders = sidecar.suffix in {".yaml", ".yml", ".json"}
    in_posts = any(sidecar.is_relative_to(folder) for folder in site.content_dirs)
    if in_posts and site.config.get("post_asset_folder") is True:
        return None
    if in_posts:
        return (
            "Hexo renders it as a post of its own (post_asset_folder is off)" if renders else None
        )
    return (
        "Hexo renders it to JSON and publishes it with the page"
        if renders
        else ("Hexo publishes it with the page")
    )
