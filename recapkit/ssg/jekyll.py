"""Jekyll: everything recapkit knows about it, from its documentation and source.

- Config: ``_config.yml`` (jekyllrb.com/docs/configuration/). A folder is a Jekyll site when it
  holds ``_posts`` or a ``Gemfile`` that names ``jekyll`` or ``github-pages``; ``source`` (default
  the site root) is where everything is read from and served; ``baseurl`` is the URL path the
  site is served under; ``theme``/``remote_theme`` bring layouts from a gem.
- Posts: ``[<category>/]_posts/YYYY-MM-DD-slug.md``; the file name gives the date when the front
  matter has none (jekyllrb.com/docs/posts/), and the title when the front matter has none
  (``document.rb``: ``titleize_slug``). A file in ``_posts`` whose name does not start with a
  date is skipped without a word, whatever its front matter says (``post_reader.rb`` reads only
  names matching ``Document::DATE_FILENAME_MATCHER``). ``_drafts`` holds undated drafts. Every
  file outside ``_posts`` is a page; its layout does not change that. A post needs no front
  matter block at all (Jekyll 4.3.1 publishes ``_posts/2020-05-08-x.md`` without one, titled
  from its name).
- Front matter: YAML; a ``tags`` or ``categories`` string is split on spaces into several
  (jekyllrb.com/docs/posts/#tags-and-categories); dates are read by Ruby's ``Time.parse``, which
  also takes ``2016/2/14`` and Jekyll's own ``2014-10-21 10:00:00 +0800``.
- Liquid runs on every post: ``{{ site.baseurl }}`` and ``{{ "/x.png" | relative_url }}`` become
  the site's URL path; ``{% highlight %}`` holds code; ``{% raw %}`` prints text literally
  (shopify.github.io/liquid/tags/template/#raw).
- New posts get ``layout: post``, unless the site clearly has only ``default`` (``jekyll new
  --blank``).
- Dates: ``document.rb`` runs every ``date`` through ``Utils.parse_date`` ->
  ``Time.parse(input).localtime`` (in ``timezone`` from ``_config.yml``, else the machine's zone);
  what Ruby cannot parse stops the build ("Invalid date"), an impossible day rolls over
  (2016-02-30 is published on 2016-03-01). Psych reads an *unquoted* date-time with seconds and
  no zone as UTC (``scalar_scanner.rb``), so on a site east of UTC it may land on the next day;
  quoted, or without seconds, it is read in the site's zone. Checked with Jekyll 4.3.1.
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from recapkit._read import read_limited
from recapkit._text import lazy_pattern
from recapkit.post.ssg_tags import CodeTags, TagSyntax
from recapkit.post.types import FrontMatterFormat, ImageKind, ImageRef, PlainScalar
from recapkit.ssg.anchors import Slugger, kramdown_basic, kramdown_gfm
from recapkit.ssg.base import Claim, Generator, KeyVocabulary, PostTarget, Site, raw_wrapped
from recapkit.ssg.config_file import MAX_CONFIG_BYTES, Folder
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
from recapkit.ssg.kinds import outside_posts_folder
from recapkit.ssg.links import MARKDOWN_SUFFIXES, LinkedHeading
from recapkit.ssg.renderers import COMMONMARK_GEM, KRAMDOWN, OTHER, Renderer
from recapkit.ssg.themes import THEME_KEYS

if TYPE_CHECKING:
    from recapkit.data.model import Recap
    from recapkit.post.types import Post

CONFIG_NAMES = ("_config.yml", "_config.yaml")
# fmt: off
KEYS = frozenset(
    {
        # jekyllrb.com/docs/front-matter and /docs/posts
        "layout", "permalink", "published", "date", "category", "categories", "tags", "title",
        "excerpt", "excerpt_separator", "render_with_liquid", "slug",
        # official plugins: jekyll-seo-tag, jekyll-feed, jekyll-redirect-from, jekyll-sitemap
        "image", "author", "description", "lang", "locale", "redirect_from", "redirect_to",
        "sitemap", "last_modified_at", "modified", "twitter", "seo",
    }
)
# fmt: on

_GEMFILE = re.compile(rb"""^\s*gem\s+["'](?:jekyll|github-pages)["']""", re.MULTILINE)


# `{% post_url 2021-06-28-slug %}#id`, maybe after `{{ site.baseurl }}`; Jekyll 4.3
# lib/jekyll/tags/post_url.rb PostComparer: `[dir/]YYYY-MM-DD-slug`, a leading `/` dropped.
_post_url = lazy_pattern(
    r"^(?:\{\{[^{}]*\}\})*\{%-?\s*post_url\s+/?((?:[^\s/%]+/)*)(\d{2,4}-\d{1,2}-\d{1,2}-[^\s/%]+)"
    r"\s*-?%\}#(.+)$"
)


_CODE_TAG = re.compile(r"\{%-?\s*(?P<close>end)?(?P<name>highlight)\b[^\n]*?-?%\}")


# `{{ site.baseurl }}`, `{{ site.url }}{{ site.baseurl }}`, `{{site.url}}`: Jekyll's own prefix.
_url_prefix = lazy_pattern(r"^(?:\{\{-?\s*site\.(?:baseurl|url)\s*-?\}\})+")


_url_filter = lazy_pattern(
    r"""^\{\{-?\s*(["'])([^"']*)\1\s*\|\s*(?:relative_url|absolute_url)\s*-?\}\}"""
)


# Jekyll's documented date form: `2014-10-21 10:00:00 +0800`.
_own_date = lazy_pattern(r"\d{4}-\d{2}-\d{2} \d{1,2}:\d{2}(?::\d{2})? [+-]\d{4}")


# Document::DATE_FILENAME_MATCHER (jekyll 4.3 document.rb), matched against the path below `_posts`.
_publishable = lazy_pattern(r"^(?:.+/)*?(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^.]+)$")


_NOT_CONTENT = frozenset({"node_modules", "vendor", "assets", "img", "images", "css", "js"})


_post_name = lazy_pattern(r"^\d{4}-\d{2}-\d{2}-(?P<slug>.+)\.(?:md|markdown)$")


class Jekyll(Generator):
    name = "jekyll"
    label = "Jekyll"
    root_markers = ("_config.*", "_posts", "Gemfile")
    keys = KeyVocabulary(KEYS | THEME_KEYS, date_from_filename=True)
    # `image`: jekyll-seo-tag, the official SEO plugin (on by default on GitHub Pages), "URL to
    # an image associated with the post" (jekyll/jekyll-seo-tag docs/usage.md). Jekyll itself
    # defines no image key.
    image_keys = ("image",)
    language_keys = ("lang",)  # site.lang, read by jekyll-seo-tag and minima
    tags = TagSyntax(code=(CodeTags("{%", _CODE_TAG),))
    reads_loose_dates = True
    # kramdown (Jekyll's default renderer, GFM input included) parses its own table syntax:
    # https://kramdown.gettalong.org/syntax.html#tables "the separator line is optional"; a line
    # without a pipe after a table row makes the whole block a paragraph (built with Jekyll 4.3).
    gfm_tables = False
    undated_folders = frozenset({"_drafts"})
    splits_list_strings = frozenset({"tags", "categories"})

    def claim(self, folder: Folder) -> Claim | None:
        name = next((n for n in CONFIG_NAMES if folder.has(n)), None)
        if name is not None and (folder.has("_posts") or _gemfile_names_jekyll(folder)):
            return Claim(folder.path / name, strong=False)  # Hexo's, when it has source/_posts
        if name is None and folder.has("_posts") and _gemfile_names_jekyll(folder):
            return Claim(None, strong=False)
        return None

    def config_files(self, root: Path) -> tuple[Path, ...]:
        return tuple(root / name for name in CONFIG_NAMES)

    def site(self, root: Path, config: Mapping[str, Any], config_file: Path | None) -> Site:
        source = root / str(config.get("source") or ".")
        collections = source / str(config.get("collections_dir") or ".")
        return self.make_site(
            root,
            content_dirs=_post_folders(collections),
            static_dirs=(source,),
            baseurl=str(config.get("baseurl") or "").rstrip("/"),
        )

    data_formats = ("yaml", "json")  # jekyllrb.com/docs/datafiles/: YAML, JSON, CSV, TSV

    def data_folder(self, site: Site) -> Path | None:
        # `data_dir` (default `_data`) below `source` (jekyllrb.com/docs/datafiles/): read as
        # `site.data`, never published. YAML and JSON only: Jekyll reads no TOML data.
        source = site.root / str(site.config.get("source") or ".")
        return source / str(site.config.get("data_dir") or "_data")

    def sidecar_fate(self, site: Site | None, sidecar: Path) -> str | None:
        # Built with Jekyll 4.3 (tests/ssg/test_recap_files_real.py): a YAML file in `_posts`
        # is read as a data document and never written; a JSON one with the post's dated name
        # is a post of its own; outside `_posts` a data file is copied as a static file. A
        # matching `exclude` pattern keeps it out of the build.
        excluded = site.config.get("exclude") if site is not None else None
        patterns = [str(p) for p in excluded] if isinstance(excluded, list) else []
        if any(fnmatch.fnmatch(sidecar.name, pattern) for pattern in patterns):
            return None
        if _name_match(sidecar) is not None:
            yaml = sidecar.suffix in {".yaml", ".yml"}
            return None if yaml else "Jekyll publishes it as a post of its own"
        return "Jekyll copies it into _site (add `*.recap.*` to `exclude`)"

    # Jekyll has no `draft` key: `published: false` keeps a post out of the build
    # (jekyllrb.com/docs/front-matter/#predefined-global-variables); so does `_drafts/`
    # (undated_folders; jekyllrb.com/docs/posts/#drafts).
    draft_flags = (("published", False),)

    def renderer(self, site: Site | None) -> Renderer:
        # https://jekyllrb.com/docs/configuration/markdown/: `markdown: kramdown` (with GFM
        # input) by default; jekyll-commonmark adds CommonMark and CommonMarkGhPages.
        name = str(site.config.get("markdown") or "kramdown") if site is not None else "kramdown"
        if name.lower() == "kramdown":
            return KRAMDOWN
        return COMMONMARK_GEM if name.lower().startswith("commonmark") else OTHER

    def heading_anchor(self, site: Site | None) -> Slugger | None:
        # https://jekyllrb.com/docs/configuration/markdown/: kramdown with `input: GFM` and
        # `auto_ids: true` unless the site's `kramdown:` table says otherwise.
        if self.renderer(site) is not KRAMDOWN:
            return None
        options = site.config.get("kramdown") if site is not None else None
        options = options if isinstance(options, Mapping) else {}
        if options.get("auto_ids") is False:
            return None
        reader = str(options.get("input") or "GFM").lower()
        return {"gfm": kramdown_gfm, "kramdown": kramdown_basic}.get(reader)

    def linked_heading(self, site: Site, source: Path, url: str) -> LinkedHeading | None:
        match = _post_url().match(url.strip())
        if match is None:
            return super().linked_heading(site, source, url)
        # PostComparer's name_regex: `_posts/<dir>/<name>.<ext>` or `<dir>/_posts/<name>.<ext>`.
        folder, name, fragment = match.groups()
        folders = (site.root / "_posts" / folder, site.root / folder / "_posts")
        files = tuple(base / (name + ext) for base in folders for ext in MARKDOWN_SUFFIXES)
        return LinkedHeading(files, unquote(fragment))

    def is_page_by_place(self, post: Post, site: Site | None) -> bool:
        return outside_posts_folder(post)  # a layout does not make a post in `_posts` a page

    def name_date(self, post: Post, site: Site | None) -> date | None:
        match = _name_match(post.path)
        if match is None:
            return None
        try:
            return date(*(int(part) for part in match.group(1).split("-")))
        except ValueError:
            return None

    def undated(self, post: Post, site: Site | None) -> str | None:
        if self.is_unpublished(post) or _name_match(post.path) is not None:
            return None
        return (
            "no date in the file name, so Jekyll skips the post: a file in `_posts` is "
            "published only when its name starts with one (`YYYY-MM-DD-title.md`), whatever "
            "its `date` key says"
        )

    def without_front_matter(self, post: Post, site: Site | None) -> str | None:
        # A post needs no front matter block (checked: Jekyll 4.3.1 publishes one without), but
        # its name still has to carry the date.
        return self.undated(post, site) if not outside_posts_folder(post) else None

    def relative_image_bases(self, site: Site | None, post: Path, ref: ImageRef) -> list[Path]:
        if ref.kind is ImageKind.FRONT_MATTER and site is not None:
            # jekyll-seo-tag writes `image` through `absolute_url`: a path from the site root.
            return list(site.static_dirs)
        return [post.parent]

    def strip_url_templates(self, src: str) -> str:
        match = _url_filter().match(src)
        if match:
            return match.group(2) + src[match.end() :]
        return _url_prefix().sub("", src)

    def accepts_date_text(self, text: str) -> bool:
        return _own_date().fullmatch(text) is not None

    def time_zone(self, site: Site | None) -> tzinfo | None:
        return site_zone(site.config.get("timezone")) if site is not None else None

    def read_date(self, value: DateText, site: Site | None) -> DateReading:
        written = fields(value.text)
        if written is None:
            return DateReading(
                Fate.REFUSED,
                note="Jekyll stops the build (Invalid date), unless Ruby's Time.parse guesses "
                "a date from the words",
            )
        day = written.calendar()
        if day is None:
            rolled = written.rolled()
            return DateReading(Fate.ROLLED, rolled, f"Jekyll publishes it on {rolled}")
        loose = not (is_iso(written) or self.accepts_date_text(value.text))
        zone = self.time_zone(site)
        published = _published(written, value.quoted, zone)
        if published == day:
            return DateReading(Fate.READ, day, loose=loose)
        where = f"timezone {zone}" if zone else "built in UTC; no `timezone` in _config.yml"
        note = f"Jekyll publishes it on {published} ({where})"
        fix = "set `timezone` in _config.yml"
        if zone is not None:  # quote it, or give it the site's offset
            offset = written.wall().replace(tzinfo=zone).strftime("%z")
            fix = f"write {written.wall().isoformat()}{offset[:3]}:{offset[3:]}"
        return DateReading(
            Fate.SHIFTED, published, note, suggestion=fix, machine_dependent=zone is None
        )

    def format_date(
        self, value: date, fmt: FrontMatterFormat, site: Site | None = None
    ) -> date | PlainScalar:
        if isinstance(value, datetime) and fmt is FrontMatterFormat.YAML:
            zone = value.strftime(" %z") if value.utcoffset() is not None else ""
            return PlainScalar(value.strftime("%Y-%m-%d %H:%M:%S") + zone)
        return super().format_date(value, fmt, site)

    def disarm(self, text: str) -> str:
        return raw_wrapped(text)  # Liquid runs on the post: {% raw %} prints it literally

    def post_target(
        self, site: Site, slug: str, day: date, section: Sequence[str] | None
    ) -> PostTarget:
        day = day.date() if isinstance(day, datetime) else day
        # Jekyll's categories are folders holding their own `_posts`: <dir>/_posts.
        folder = site.content_dirs[0].parent.joinpath(*self.sections(section), "_posts")
        # The same recap under another date is a second post of the same name, not a new one.
        path = folder / f"{day.isoformat()}-{slug}.md"
        return PostTarget(path, None, posts_named(folder, slug))

    def front_matter(self, recap: Recap, site: Site | None) -> dict[str, Any]:
        keys: dict[str, Any] = {"layout": post_layout(site)}
        keys.update(authors=recap.authors, tags=recap.tags, categories=recap.categories)
        keys["image"] = recap.cover
        keys["published"] = False if recap.draft else None  # no `draft:`: drafts don't publish
        return {k: v for k, v in keys.items() if v is not None and v != ()}


def _published(written: Fields, quoted: bool, zone: tzinfo | None) -> date:
    """The day Jekyll shows a date on: its own offset kept, Psych's UTC for an unquoted
    date-time with seconds, else the wall clock in the site's zone."""
    psych_utc = not quoted and written.time is not None and written.has_seconds
    if written.offset is None and not psych_utc:
        return written.wall().date()
    return utc_instant(written).astimezone(zone or UTC).date()


def post_layout(site: Site | None) -> str:
    """The layout for a new post: ``post`` unless the site clearly has only ``default``.

    ``jekyll new --blank`` makes ``_layouts/default.html`` and no theme; ``post`` would then be
    a missing layout (a build warning and an unstyled page).
    """
    if site is None:
        return "post"
    layouts = site.content_dirs[0].parent / "_layouts"
    if any(layouts.glob("post.*")) or site.config.get("theme") or site.config.get("remote_theme"):
        return "post"
    return "default" if any(layouts.glob("default.*")) else "post"


def posts_named(folder: Path, slug: str) -> tuple[Path, ...]:
    """Posts in *folder* called ``<any date>-<slug>.md``."""
    if not folder.is_dir():
        return ()
    return tuple(
        sorted(
            entry
            for entry in folder.iterdir()
            if (match := _post_name().match(entry.name)) and match["slug"] == slug
        )
    )


def _name_match(path: Path) -> re.Match[str] | None:
    """Jekyll's own match of a path in a ``_posts`` folder (``Document::DATE_FILENAME_MATCHER``
    on the path below it); None outside ``_posts`` or when the name has no date."""
    parts = path.parts
    if "_posts" not in parts:
        return None
    below = parts[len(parts) - parts[::-1].index("_posts") :]
    return _publishable().match("/".join(below))


def _post_folders(source: Path) -> tuple[Path, ...]:
    """Every ``_posts`` and ``_drafts`` folder Jekyll reads: at the top of the source (or of
    ``collections_dir``) and in category folders below it (``events/_posts``), a few levels
    deep; the top ones are listed even when they do not exist yet."""
    found = [source / "_posts", source / "_drafts"]
    level = [source]
    for _depth in range(3):
        below = []
        for folder in level:
            for child in _subfolders(folder):
                if child.name in ("_posts", "_drafts"):
                    if child not in found:
                        found.append(child)
                elif not child.name.startswith((".", "_")) and child.name not in _NOT_CONTENT:
                    below.append(child)
        level = below
    return tuple(found)


def _subfolders(folder: Path) -> list[Path]:
    try:
        with os.scandir(folder) as entries:
            return sorted(Path(e.path) for e in entries if e.is_dir(follow_symlinks=False))
    except OSError:
        return []


def _gemfile_names_jekyll(folder: Folder) -> bool:
    if not folder.has("Gemfile"):
        return False
    try:
        return bool(_GEMFILE.search(read_limited(folder.path / "Gemfile", MAX_CONFIG_BYTES)))
    except OSError:
        return False


GENERATOR = Jekyll()
