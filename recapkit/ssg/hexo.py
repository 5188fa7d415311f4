"""Hexo: everything recapkit knows about it, from its documentation and source.

- Config: ``_config.yml`` (hexo.io/docs/configuration). A folder is a Hexo site when its
  ``source_dir`` (default ``source``) holds ``_posts``; ``root`` is the URL path the site is served
  under; ``post_asset_folder: true`` gives each post a folder of its own name for its images;
  ``new_post_name`` (default ``:title.md``) names new posts; ``theme`` (``themes/<name>/source``
  is served too, or, when ``themes/<name>`` does not exist, the npm package's
  ``node_modules/hexo-theme-<name>/source``).
- Posts live in ``source/_posts`` (drafts in ``source/_drafts``); every other page is a page
  (hexo.io/docs/writing). A file name has no date meaning (``2020-04-13.md`` may be a meeting's
  day).
- Front matter: YAML, also without an opening ``---`` (hexo-front-matter's split); ``categories``
  as a list is one hierarchy (``[a, b]`` is a > b), siblings are ``[[a], [b]]``
  (hexo.io/docs/front-matter#Categories-amp-Tags). Dates go through moment, which also reads
  ``2016/2/14`` and other loose forms the way the writer meant.
- Tags: ``{% asset_img slug [title] %}`` names a file in the post asset folder; ``{% img [class]
  /path [width [height]] [title [alt]] %}``; ``{% codeblock %}`` (alias ``{% code %}``) holds
  code (hexo.io/docs/tag-plugins). Nunjucks runs on every post unless ``disableNunjucks``.
- The summary ends at ``<!-- more -->``.
- Dates (``lib/plugins/processor/post.ts``): ``toDate`` is ``new Date(value)``; what it cannot
  read leaves the post dated by the file's creation time (``stats.birthtime``), silently, and
  an impossible day rolls over (2016-02-30 becomes 2016-03-01). With ``timezone`` in
  ``_config.yml``, ``adjustDateForTimezone`` takes the date's UTC clock as the site's wall clock
  (an offset written in the date is lost), and the permalink (``/:year/:month/:day/``) is cut in
  the zone of the machine that builds: a date-only post of an ``Asia/Shanghai`` site built on a
  UTC machine lands on the day before. Checked with Hexo 8.1.2 (hexo-front-matter 4.2).
"""

from __future__ import annotations

import functools
import json
import os
import re
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from recapkit._read import read_limited
from recapkit._text import lazy_pattern
from recapkit.post.ssg_tags import CodeTags, ImageTags, Position, TagSyntax, unquote
from recapkit.post.types import FrontMatterFormat, ImageKind, ImageRef, PlainScalar
from recapkit.ssg import hexo_names
from recapkit.ssg.anchors import Slugger, hexo_slugize
from recapkit.ssg.base import Claim, Generator, KeyVocabulary, PostTarget, Site, raw_wrapped
from recapkit.ssg.config_file import MAX_CONFIG_BYTES, Folder, names_list
from recapkit.ssg.dates import (
    DateReading,
    DateText,
    Fate,
    Fields,
    fields,
    is_iso,
    site_zone,
    utc_instant,
)
from recapkit.ssg.hexo_names import name_date as date_from_name
from recapkit.ssg.hexo_names import post_link_target, post_links, post_name
from recapkit.ssg.kinds import PageKind, has_date, outside_posts_folder
from recapkit.ssg.links import LinkedHeading
from recapkit.ssg.renderers import MARKDOWN_IT, MARKED, OTHER, Renderer
from recapkit.ssg.themes import THEME_KEYS

if TYPE_CHECKING:
    from recapkit.data.model import Recap
    from recapkit.post.types import Post

CONFIG_NAMES = ("_config.yml", "_config.yaml")
# fmt: off
KEYS = frozenset(
    {
        # hexo.io/docs/front-matter
        "layout", "title", "date", "updated", "comments", "tags", "categories", "permalink",
        "excerpt", "disableNunjucks", "lang", "published",
        # post properties of gallery and link posts
        "photos", "link",
    }
)
# fmt: on

_IMAGE_TAG = re.compile(r"\{%-?\s*(asset_img|asset_image|img|image)\s+([^\n%]{0,1000}?)\s*-?%\}")
_CODE_TAG = re.compile(r"\{%-?\s*(?P<close>end)?(?P<name>codeblock|code)\b[^\n]*?-?%\}")


_argument = lazy_pattern(r"""("[^"]*"|'[^']*'|\S+)""")


_URL = re.compile(r"^(?:[A-Za-z]{3,9}:(?://)?|www\.|//)")


_meta = lazy_pattern(r"""["']?([^"']+)?["']?\s*["']?([^"']+)?["']?""")


_file_like = lazy_pattern(r"\.[A-Za-z0-9]{2,5}$")


def _tag_image(match: re.Match[str], start: Position, end: Position) -> ImageRef | None:
    text = match.group(2)
    args = list(_argument().finditer(text))
    if not args:
        return None
    if match.group(1).startswith("asset"):
        # Hexo looks each argument up among the post's assets; a file name is the asset.
        pick = next((a for a in args if _file_like().search(unquote(a.group()))), args[0])
    else:
        # `{% img [class names] /path [w [h]] [title [alt]] %}`: the first URL or /path.
        pick = next(
            (a for a in args if a.group().startswith("/") or _URL.match(a.group())),
            next((a for a in args if _file_like().search(a.group())), args[0]),
        )
    rest = [a for a in args if a.start() > pick.start()]
    while rest and rest[0].group().isdigit():  # width, height
        rest = rest[1:]
    title = alt = None
    if rest:
        meta = _meta().match(text[rest[0].start() :])
        if meta:
            title = (meta.group(1) or "").strip() or None
            alt = (meta.group(2) or "").strip() or None
    return ImageRef(unquote(pick.group()), alt, ImageKind.HEXO_TAG, *start, *end, title=title)


class Hexo(Generator):
    name = "hexo"
    label = "Hexo"
    root_markers = ("_config.*", "source")
    keys = KeyVocabulary(KEYS | THEME_KEYS)
    more_separator = "<!-- more -->"
    # `photos`: "the photos of the article (used in gallery posts)", a post variable of Hexo's
    # own (hexo.io/docs/variables#Page-Variables); `cover`, `thumbnail`... are themes' keys.
    image_keys = ("photos",)
    language_keys = ("language",)  # hexo.io/docs/configuration: a list's first is the default
    tags = TagSyntax(
        images=(ImageTags("{%", _IMAGE_TAG, _tag_image),), code=(CodeTags("{%", _CODE_TAG),)
    )
    tag_image_kinds = frozenset({ImageKind.HEXO_TAG})
    reads_loose_dates = True
    undated_folders = frozenset({"_drafts"})
    hierarchy_list_keys = frozenset({"categories"})

    def claim(self, folder: Folder) -> Claim | None:
        name = next((n for n in CONFIG_NAMES if folder.has(n)), None)
        if name is None:
            return None
        source = _source_dir(folder.config(name))
        return Claim(folder.path / name) if (folder.path / source / "_posts").is_dir() else None

    def config_files(self, root: Path) -> tuple[Path, ...]:
        return tuple(root / name for name in CONFIG_NAMES)

    def site(self, root: Path, config: Mapping[str, Any], config_file: Path | None) -> Site:
        source = root / _source_dir(config)
        themes = [theme_source(root, t) for t in names_list(config.get("theme"))]
        # A theme linked in from outside the site (`npm link`) is served, but never looked into.
        outside = tuple(theme for theme in themes if not _within(root, theme))
        return self.make_site(
            root,
            content_dirs=(source / "_posts", source / "_drafts"),
            static_dirs=(source, *(theme for theme in themes if theme not in outside)),
            unseen_static_dirs=outside,
            baseurl=str(config.get("root") or "").rstrip("/"),
        )

    data_formats = ("yaml", "json")  # hexo.io/docs/data-files: YAML or JSON

    def data_folder(self, site: Site) -> Path | None:
        # `source/_data` (hexo.io/docs/data-files): read as `site.data`, never published.
        return site.root / _source_dir(site.config) / "_data"

    def sidecar_fate(self, site: Site | None, sidecar: Path) -> str | None:
        return hexo_names.sidecar_fate(site, sidecar) if site is not None else None

    # Hexo has no `draft` key: `published` is "whether the post should be published", false
    # under `source/_drafts` (hexo.io/docs/front-matter; the folder is undated_folders).
    draft_flags = (("published", False),)

    def renderer(self, site: Site | None) -> Renderer:
        # Hexo renders Markdown with the renderer plugin the site installs (package.json);
        # `hexo init` installs hexo-renderer-marked. Which of several wins depends on load
        # order, so several count only when they agree.
        plugins = _renderer_plugins(site.root) if site is not None else ()
        found = list(dict.fromkeys(_PLUGIN_RENDERERS.get(name, OTHER) for name in plugins))
        if not found:
            return MARKED
        return found[0] if len(found) == 1 else OTHER

    def heading_anchor(self, site: Site | None) -> Slugger | None:
        # hexo-renderer-marked's README: `marked.headerIds` (true) and `marked.modifyAnchors`
        # (0: keep case, 1: lower, 2: upper) in _config.yml.
        if self.renderer(site) is not MARKED:
            return None
        options = site.config.get("marked") if site is not None else None
        options = options if isinstance(options, Mapping) else {}
        if options.get("headerIds") is False:
            return None
        transform = options.get("modifyAnchors")
        return hexo_slugize(transform if transform in (1, 2) else 0)

    def tag_links(self, post: Post) -> tuple[tuple[str, int, int, int, int], ...]:
        return post_links(post)

    def linked_heading(self, site: Site, source: Path, url: str) -> LinkedHeading | None:
        found = post_link_target(site.content_dirs[0], site.config, url)
        return found or super().linked_heading(site, source, url)

    def is_page_by_place(self, post: Post, site: Site | None) -> bool:
        return outside_posts_folder(post)  # a layout does not make a post in `_posts` a page

    def name_date(self, post: Post, site: Site | None) -> date | None:
        return date_from_name(post.path, site.config if site is not None else {})

    def has_any_date(self, post: Post, site: Site | None) -> bool:
        return has_date(post, self.keys.date_keys) or self.name_date(post, site) is not None

    def without_front_matter(self, post: Post, site: Site | None) -> str | None:
        if self.page_kind(post, site) is not PageKind.ENTRY or self.undated(post, site) is None:
            return None  # a page, a draft, or a name that dates it: Hexo reads it as it is
        return (
            "no front matter: Hexo publishes the post untitled and dated by the file's "
            "creation time, which changes with every clone"
        )

    def undated(self, post: Post, site: Site | None) -> str | None:
        if self.is_unpublished(post) or self.has_any_date(post, site):
            return None
        return (
            "no date: Hexo dates the post by the file's creation time on the machine that "
            "builds, which changes with every clone"
        )

    def relative_image_bases(self, site: Site | None, post: Path, ref: ImageRef) -> list[Path]:
        if ref.kind is ImageKind.HEXO_TAG:
            return [post.with_suffix(""), post.parent]  # {% asset_img %}: the post asset folder
        if ref.kind is ImageKind.FRONT_MATTER and site is not None:
            # Themes show `photos` through `url_for`: a path from the site root (the source
            # folder), else beside the post.
            return [*site.static_dirs, post.with_suffix(""), post.parent]
        if site is not None and asset_folders(site):
            return [post.with_suffix(""), post.parent]
        return [post.parent]

    def writes_site_absolute(self, site: Site | None, ref: ImageRef) -> bool:
        # `{% img %}` writes `url_for(src)`, `{% asset_img %}` the asset's published path through
        # it (lib/plugins/tag/img.ts, asset_img.ts): `root` + path, unless `relative_link`.
        relative_links = site is not None and site.config.get("relative_link") is True
        return ref.kind is ImageKind.HEXO_TAG and not relative_links

    def time_zone(self, site: Site | None) -> tzinfo | None:
        return site_zone(site.config.get("timezone")) if site is not None else None

    def read_date(self, value: DateText, site: Site | None) -> DateReading:
        written = fields(value.text)
        if written is None or _javascript_refuses(written, value.quoted):
            return DateReading(
                Fate.FILE_TIME,
                note="Hexo cannot read it and dates the post by the file's creation time, "
                "which changes with every clone",
            )
        zone = self.time_zone(site)
        instant = utc_instant(written)  # the machine that builds: UTC on CI runners
        if zone is not None:  # the UTC clock taken as the site's wall clock
            instant = instant.replace(tzinfo=None).replace(tzinfo=zone).astimezone(UTC)
        day = written.calendar()
        if day is None:  # rolled over first (Feb 30 is Mar 1), then moved like any date
            return DateReading(
                Fate.ROLLED, instant.date(), f"Hexo publishes it under {instant:%Y/%m/%d}"
            )
        if instant.date() == day:
            return DateReading(Fate.READ, day, loose=not is_iso(written))
        why = f"timezone {zone}, built in UTC" if zone else "built on a machine in UTC"
        note = f"Hexo publishes it under {instant:%Y/%m/%d} ({why})"
        # Noon in the site's zone is the same day in UTC, and in any machine's zone within ±11 h.
        fix = f"write {day} 12:00:00" if zone else "set `timezone` in _config.yml"
        return DateReading(
            Fate.SHIFTED, instant.date(), note, suggestion=fix, machine_dependent=zone is None
        )

    def format_date(
        self, value: date, fmt: FrontMatterFormat, site: Site | None = None
    ) -> date | PlainScalar:
        if fmt is not FrontMatterFormat.YAML:
            return super().format_date(value, fmt, site)
        zone = self.time_zone(site)
        day = value.date() if isinstance(value, datetime) else value
        written = PlainScalar(value.isoformat())
        if isinstance(value, datetime):
            # The wall-clock time in the site's zone, without one: Hexo reads it in that zone.
            wall = value.astimezone(zone) if zone and value.utcoffset() is not None else value
            day, written = wall.date(), PlainScalar(wall.strftime("%Y-%m-%d %H:%M:%S"))
        if self.read_date(DateText(written), site).published != day:
            return PlainScalar(f"{day.isoformat()} 12:00:00")  # noon: the same day everywhere
        return written

    def disarm(self, text: str) -> str:
        return raw_wrapped(text)  # Nunjucks runs on the post: {% raw %} prints it literally

    def post_target(
        self, site: Site, slug: str, day: date, section: Sequence[str] | None
    ) -> PostTarget:
        name = post_name(site.config, slug, day)
        path = site.content_dirs[0].joinpath(*self.sections(section), name)
        return PostTarget(path, path.with_suffix("") if asset_folders(site) else None)

    def front_matter(self, recap: Recap, site: Site | None) -> dict[str, Any]:
        keys: dict[str, Any] = {"authors": recap.authors, "tags": recap.tags}
        keys["categories"] = recap.categories
        if len(recap.categories) > 1:
            # Hexo reads a flat list as one hierarchy (a > b); the recap's categories are siblings.
            keys["categories"] = [[category] for category in recap.categories]
        keys["cover"] = recap.cover
        keys["published"] = False if recap.draft else None  # no `draft:`: drafts don't publish
        return {k: v for k, v in keys.items() if v is not None and v != ()}


def _javascript_refuses(written: Fields, quoted: bool) -> bool:
    """``new Date()`` rejects an ISO-looking date-time with a one-digit hour after ``T``
    (``"2016-12-17T0:00:00-08:00"``); unquoted, js-yaml reads it as a timestamp first."""
    yaml_timestamp = not quoted and written.separator == "-" and written.has_seconds
    return written.t and written.hour_digits == 1 and not yaml_timestamp


def asset_folders(site: Site) -> bool:
    """Whether the site gives each post a folder of its own name (``post_asset_folder``)."""
    return site.config.get("post_asset_folder") is True


def theme_source(root: Path, theme: str) -> Path:
    """The ``source/`` folder of the theme called *theme*, which Hexo serves at the site root
    (hexo.io/docs/themes).

    Hexo 5+ takes ``themes/<theme>/`` and, only when that folder does not exist, the npm package
    ``node_modules/hexo-theme-<theme>/`` (``lib/hexo/load_config.ts``: ``themeDirFromThemes``
    "has higher priority than" ``themeDirFromNodeModules``; an empty ``themes/<theme>/`` hides
    the package, checked with Hexo 8.1.2).
    """
    local = root / "themes" / theme
    package = root / "node_modules" / f"hexo-theme-{theme}"
    return (package if not local.exists() and package.exists() else local) / "source"


def _within(root: Path, path: Path) -> bool:
    """Whether *path*, links followed, stays inside the folder *root*."""
    resolved, site = os.path.realpath(path), os.path.realpath(root)
    return resolved.startswith(site.rstrip(os.sep) + os.sep)


def _source_dir(config: Mapping[str, Any]) -> str:
    value = config.get("source_dir")
    return value if isinstance(value, str) and value else "source"


def _renderer_plugins(root: Path) -> tuple[str, ...]:
    """The Markdown renderer plugins in the site's package.json dependencies, in order.

    Rules ask for every post; the file is read again only when its size or time changes.
    """
    try:
        info = (root / "package.json").stat()
    except OSError:
        return ()
    return _plugins_in(root / "package.json", info.st_size, info.st_mtime_ns)


@functools.lru_cache(maxsize=64)
def _plugins_in(manifest_path: Path, _size: int, _mtime_ns: int) -> tuple[str, ...]:
    try:
        manifest = json.loads(read_limited(manifest_path, MAX_CONFIG_BYTES))
    except (OSError, ValueError, RecursionError):
        return ()
    names: list[str] = []
    for key in ("dependencies", "devDependencies"):
        table = manifest.get(key) if isinstance(manifest, dict) else None
        if isinstance(table, dict):
            names += [str(name) for name in table if _markdown_renderer().fullmatch(str(name))]
    return tuple(names)


# Plugins that render Markdown (not hexo-renderer-ejs, -stylus, -pug ...).
_markdown_renderer = lazy_pattern(
    r"hexo-renderer-(?:marked|markdown-it.*|kramed|pandoc|showdown|mdx.*)"
)


# The renderers recapkit knows among them; any other is OTHER.
_PLUGIN_RENDERERS = {
    "hexo-renderer-marked": MARKED,
    "hexo-renderer-markdown-it": MARKDOWN_IT,
    "hexo-renderer-markdown-it-plus": MARKDOWN_IT,
}


GENERATOR = Hexo()
