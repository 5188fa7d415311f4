"""Hugo: everything recapkit knows about it, from its documentation and source.

- Config: ``hugo.toml|yaml|yml|json`` (Hugo 0.110+), the older ``config.*``, or the folder
  ``config/_default/`` (gohugo.io/getting-started/configuration/#configuration-file); keys are
  case-insensitive (``baseURL`` is ``baseurl``). ``contentDir`` (default ``content``),
  ``staticDir`` and ``staticDir0``..``staticDir10`` (default ``static``), ``theme`` (one or a
  list: ``themes/<name>/static`` is served too), ``baseURL`` (its path prefixes every URL).
- Page bundles: ``content/x/y/index.md`` publishes its images beside it, so ``/posts/x/y.png``
  may live under ``content/`` (gohugo.io/content-management/page-bundles/); a
  ``content/x/y.md`` may keep its images in ``content/x/y/``.
- Front matter: YAML ``---``, TOML ``+++`` or JSON; keys are case-insensitive (Hugo lower-cases
  them); the date comes from the first of ``date``, ``publishDate``, ``pubdate``, ``published``,
  ``lastmod``, ``modified`` (the default ``[frontmatter] date``), or from what the site's own
  ``[frontmatter] date`` lists, where ``:filename``, ``:fileModTime`` and ``:git`` (with
  ``enableGitInfo``) date a page without a key (gohugo.io/getting-started/configuration/#configure-dates).
- Kinds: ``_index.md`` is a section's list page; a file at the top of ``content/`` is a page of
  the home section; build options with ``list: never`` (``_build`` in 0.111, ``build`` from 0.123)
  and ``headless: true`` on a leaf bundle keep a page out of lists (gohugo.io/content-management/build-options/);
  a layout, ``type`` or ``render: never`` does not (checked with Hugo 0.111.3). Without a date a
  page's date is the zero time, 0001-01-01, which lists sort last and themes print; that matters
  in the main sections, the ones the site lists as posts: ``mainSections`` (0.111 reads it under
  ``params``), by default the top-level section with the most published pages
  (gohugo.io/methods/site/mainsections/). Drafts are ``draft: true``.
- Shortcodes ``{{< name >}}`` and ``{{% name %}}`` run in content; ``figure`` (and the ``img``,
  ``image`` of common themes) show images, ``highlight`` (and themes' ``code``) hold code
  (gohugo.io/content-management/shortcodes/). Other ``{{ }}`` is plain text in content.
- The summary ends at ``<!--more-->`` (gohugo.io/content-management/summaries/).
- Dates: YAML is decoded with go-yaml v2, which keeps timestamps as text (quoted or not), so
  every front matter date goes through ``htime.ToTimeInDefaultLocationE`` -> ``cast``'s list of
  layouts (spf13/cast ``caste.go``): ``2006-01-02``, RFC 3339, ``2006-01-02T15:04:05``,
  ``...T15:04:05-0700``, ``2006-01-02 15:04:05`` with ``Z0700``, ``Z07:00``, `` -07:00`` or
  `` -0700``, and the RFC 1123/822 spellings. Two-digit month and day, seconds always; a date
  without a zone is read in the site's ``timeZone`` (UTC by default). What no layout reads,
  Hugo 0.111 to 0.134 dates 0001-01-01 without a word (``page_frontmatter.go``: on a parse error
  ``return false, nil``) and Hugo 0.135+ refuses (gohugo/hugo#10717). Checked with Hugo 0.111.3.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from recapkit._text import lazy_pattern
from recapkit.post.ssg_tags import CodeTags, ImageTags, Position, TagSyntax, plain, unquote
from recapkit.post.types import FrontMatterFormat, ImageKind, ImageRef
from recapkit.ssg import hugo_pages
from recapkit.ssg.anchors import Slugger, goldmark_github, goldmark_github_ascii
from recapkit.ssg.base import Claim, Generator, KeyVocabulary, PostTarget, Site, content_of
from recapkit.ssg.config_file import Folder, has_key, lookup, names_list, text_setting, url_path
from recapkit.ssg.dates import DateReading, DateText, Fate, Fields, fields, is_iso, site_zone
from recapkit.ssg.hugo_pages import (
    DEFAULT_DATE_KEYS,
    date_sources,
    main_sections,
    not_listed,
    ref_target,
)
from recapkit.ssg.kinds import PageKind, below_content, has_date, top_level_page
from recapkit.ssg.links import LinkedHeading
from recapkit.ssg.renderers import GOLDMARK, OTHER, Renderer
from recapkit.ssg.themes import THEME_KEYS

if TYPE_CHECKING:
    from recapkit.data.model import Recap
    from recapkit.post.types import Post

CONFIG_NAMES = tuple(
    f"{stem}.{ext}" for stem in ("hugo", "config") for ext in ("toml", "yaml", "yml", "json")
)
# fmt: off
KEYS = frozenset(
    {
        # predefined fields (gohugo.io/content-management/front-matter)
        "aliases", "build", "_build", "cascade", "date", "description", "draft", "expirydate",
        "expiryDate", "headless", "isCJKLanguage", "keywords", "lastmod", "layout", "linktitle",
        "linkTitle", "markup", "menu", "menus", "outputs", "params", "publishdate",
        "publishDate", "resources", "sitemap", "slug", "summary", "title", "translationKey",
        "type", "url", "weight",
        # date aliases of the default [frontmatter] configuration
        "pubdate", "published", "modified", "unpublishdate",
        # read by Hugo's embedded templates (opengraph, twitter cards, schema)
        "images", "videos", "audio", "series",
        # the default taxonomies
        "tags", "categories",
    }
)
# fmt: on


_iso_day = lazy_pattern(r"\d{4}-\d{2}-\d{2}")


# `{{< figure src= alt= >}}`, also `{{% %}}`; named or positional parameters.
_IMAGE_SHORTCODE = re.compile(
    r"\{\{([<%])\s*(figure|img|image)\s((?:(?!\{\{).){0,2000}?)[>%]\}\}", re.DOTALL
)


_parameter = lazy_pattern(r"""(?:([\w-]+)\s*=\s*)?("(?:[^"\\]|\\.)*"|`[^`]*`|[^\s"`]+)""")


_CODE_SHORTCODE = re.compile(
    r"\{\{[<%]\s*(?P<close>/)?\s*(?P<name>highlight|code)\b[^\n]*?[>%]\}\}"
)


def _shortcode_image(match: re.Match[str], start: Position, end: Position) -> ImageRef | None:
    named: dict[str, str] = {}
    positional: list[str] = []
    for parameter in _parameter().finditer(match.group(3).rstrip().removesuffix("/")):
        value = unquote(parameter.group(2))
        if parameter.group(1):
            named.setdefault(parameter.group(1).lower(), value)
        else:
            positional.append(value)
    src = named.get("src") or (positional[0] if positional else None)
    if src is None:
        return None
    # Hugo's figure renders its caption (through markdownify | plainify) as the alt when `alt`
    # is absent.
    alt = named.get("alt")
    if alt is None and match.group(2) == "figure":
        alt = plain(named["caption"]) if "caption" in named else None
    elif alt is None and len(positional) > 1:
        alt = positional[1]
    title = named.get("title") or named.get("caption") or None
    return ImageRef(src, alt, ImageKind.HUGO_SHORTCODE, *start, *end, title=title)


class Hugo(Generator):
    name = "hugo"
    label = "Hugo"
    root_markers = ("hugo.*", "config.*", "config", "content", "static")
    keys = KeyVocabulary(
        KEYS | THEME_KEYS,
        case_sensitive=False,
        date_keys=DEFAULT_DATE_KEYS,
    )
    front_matter_formats = (FrontMatterFormat.YAML, FrontMatterFormat.TOML)
    more_separator = "<!--more-->"
    default_section = "posts"
    # `images`: the embedded Open Graph, Twitter card and schema templates read it
    # (gohugo.io/templates/embedded/#open-graph; `_funcs/get-page-images.html`: a page
    # resource, else a global resource, else a path under the site's URL).
    image_keys = ("images",)
    language_keys = ("languageCode", "defaultContentLanguage")  # the tag; the key defaults to "en"
    tags = TagSyntax(
        images=(ImageTags("{{", _IMAGE_SHORTCODE, _shortcode_image),),
        code=(CodeTags("{{", _CODE_SHORTCODE),),
    )
    tag_image_kinds = frozenset({ImageKind.HUGO_SHORTCODE})
    section_index_names = frozenset({"_index.md"})

    def claim(self, folder: Folder) -> Claim | None:
        for name in CONFIG_NAMES:
            if not folder.has(name):
                continue
            if name.startswith("hugo."):
                return Claim(folder.path / name)
            # `config.*` is generic; only a `content/` folder or a `contentDir` makes it Hugo's.
            if folder.has("content") or has_key(folder.config(name), "contentdir"):
                return Claim(folder.path / name, strong=False)
        default = folder.path / "config" / "_default"
        if folder.has("config") and folder.has("content") and default.is_dir():
            found = next((default / n for n in CONFIG_NAMES if (default / n).is_file()), None)
            return Claim(found) if found is not None else None
        return None

    def config_files(self, root: Path) -> tuple[Path, ...]:
        default = root / "config" / "_default"
        return tuple(root / n for n in CONFIG_NAMES) + tuple(default / n for n in CONFIG_NAMES)

    def site(self, root: Path, config: Mapping[str, Any], config_file: Path | None) -> Site:
        content = root / text_setting(config, "contentDir", "content")
        static = [text_setting(config, "staticDir", "static")]
        static += [str(config[k]) for k in sorted(config) if re.fullmatch(r"(?i)staticdir\d+", k)]
        themes = [root / "themes" / t / "static" for t in names_list(lookup(config, "theme"))]
        # Page bundles are published at their content path, so `/posts/x/y.png` may live there.
        return self.make_site(
            root,
            content_dirs=(content,),
            static_dirs=(*(root / s for s in static), *themes, content),
            baseurl=url_path(lookup(config, "baseURL")),
        )

    def data_folder(self, site: Site) -> Path | None:
        # `data/` (`dataDir`): read as `site.Data`, never published
        # (gohugo.io/getting-started/directory-structure/; built in test_recap_files_real.py).
        return site.root / text_setting(site.config, "dataDir", "data")

    def sidecar_fate(self, site: Site | None, sidecar: Path) -> str | None:
        return hugo_pages.sidecar_fate(site.config if site is not None else {}, sidecar)

    # Not published without --buildDrafts (gohugo.io/methods/page/draft/).
    draft_flags = (("draft", True),)

    def page_kind(self, post: Post, site: Site | None) -> PageKind:
        # A layout changes how a page looks, not whether lists show it: only build options do.
        kind = super().page_kind(post, site)
        return PageKind.STUB if kind is PageKind.ENTRY and not_listed(post) else kind

    def renderer(self, site: Site | None) -> Renderer:
        # https://gohugo.io/configuration/markup/#default-handler: goldmark unless
        # markup.defaultMarkdownHandler names another (pandoc, rst, asciidocext).
        markup = lookup(site.config, "markup") if site is not None else None
        handler = lookup(markup, "defaultMarkdownHandler") if isinstance(markup, dict) else None
        return GOLDMARK if handler in (None, "", "goldmark") else OTHER

    def heading_anchor(self, site: Site | None) -> Slugger | None:
        # https://gohugo.io/configuration/markup/#goldmark: parser.autoHeadingID (true) and
        # parser.autoHeadingIDType: github (default), github-ascii, blackfriday (not modelled).
        if self.renderer(site) is not GOLDMARK:
            return None
        parser = _goldmark_parser(site.config if site is not None else {})
        if parser.get("autoheadingid") is False:
            return None
        kind = str(parser.get("autoheadingidtype") or "github").lower()
        return {"github": goldmark_github, "github-ascii": goldmark_github_ascii}.get(kind)

    def linked_heading(self, site: Site, source: Path, url: str) -> LinkedHeading | None:
        # A Markdown link to `other.md` stays `other.md` in Hugo 0.111's HTML (no link render
        # hook by default), but its fragment still names the other file's heading.
        return ref_target(source, content_of(site), url) or super().linked_heading(
            site, source, url
        )

    def is_page_by_place(self, post: Post, site: Site | None) -> bool:
        return top_level_page(post, content_of(site))

    def name_date(self, post: Post, site: Site | None) -> date | None:
        if ":filename" not in date_sources(site.config if site is not None else {}):
            return None
        # page_frontmatter.go `dateAndSlugFromBaseFilename`: the first 10 characters of the
        # name (a bundle's folder name), read like any date.
        name = post.path.parent.name if post.path.stem == "index" else post.path.stem
        try:
            return date.fromisoformat(name[:10]) if _iso_day().match(name) else None
        except ValueError:
            return None

    def has_any_date(self, post: Post, site: Site | None) -> bool:
        sources = date_sources(site.config if site is not None else {})
        if has_date(post, [s for s in sources if not s.startswith(":")], case_sensitive=False):
            return True
        if self.name_date(post, site) is not None:
            return True
        git = site is not None and lookup(site.config, "enableGitInfo") is True
        return ":filemodtime" in sources or (":git" in sources and git)

    def without_front_matter(self, post: Post, site: Site | None) -> str | None:
        if self.page_kind(post, site) is not PageKind.ENTRY or self.undated(post, site) is None:
            return None  # a page, or no main section: Hugo renders it as it is
        return "no front matter: Hugo publishes the page untitled and dated 0001-01-01"

    def undated(self, post: Post, site: Site | None) -> str | None:
        if site is None or self.is_unpublished(post) or self.has_any_date(post, site):
            return None
        parts = below_content(post.path, content_of(site))
        section = parts[0] if parts is not None and len(parts) > 1 else None
        if section is None or section not in main_sections(site):
            return None  # only the main sections are listed by date
        return (
            f"no date: Hugo dates the page 0001-01-01 (the zero time), so lists of `{section}`, "
            "a main section, sort it last and show that date"
        )

    def time_zone(self, site: Site | None) -> tzinfo | None:
        return site_zone(lookup(site.config, "timeZone")) if site is not None else None

    def read_date(self, value: DateText, site: Site | None) -> DateReading:
        written = fields(value.text)
        if written is not None and _cast_reads(written):
            return DateReading(Fate.READ, written.calendar(), loose=not is_iso(written))
        if written is None and _rfc_date(value.text):
            return DateReading(Fate.READ, None, loose=True)
        return DateReading(
            Fate.ZERO,
            note="Hugo 0.111 to 0.134 read no date from it and date the post 0001-01-01 "
            "without a warning (0.135 and later stop the build)",
        )

    def relative_image_bases(self, site: Site | None, post: Path, ref: ImageRef) -> list[Path]:
        bundle = post.stem in ("index", "_index")
        if ref.kind is ImageKind.FRONT_MATTER and site is not None:
            # `images` goes through `absURL` (0.111's opengraph template): the site root; newer
            # Hugo looks at a bundle's own resources first (_funcs/get-page-images.html).
            return [post.parent] * bundle + list(site.static_dirs)
        if bundle:
            return [post.parent]
        return [post.parent, post.with_suffix("")]  # content/x/y.md with images in content/x/y/

    def disarm(self, text: str) -> str:
        # Shortcodes {{< >}} and {{% %}}: `{{\<` and `{{\%` render as the characters typed.
        return re.sub(r"\{\{(?=[<%])", r"{{\\", text) if "{" in text else text

    def post_target(
        self, site: Site, slug: str, day: date, section: Sequence[str] | None
    ) -> PostTarget:
        folder = site.content_dirs[0].joinpath(*self.sections(section), slug)
        return PostTarget(folder / "index.md", folder / "images", (folder.with_suffix(".md"),))

    def front_matter(self, recap: Recap, site: Site | None) -> dict[str, Any]:
        keys: dict[str, Any] = {"draft": recap.draft, "slug": recap.slug}
        keys.update(authors=recap.authors, tags=recap.tags, categories=recap.categories)
        keys["images"] = [recap.cover] if recap.cover else None
        return {k: v for k, v in keys.items() if v is not None and v != ()}


def _cast_reads(written: Fields) -> bool:
    """Whether one of cast's numeric layouts reads *written* (Go: ``01``/``02`` take two
    digits, ``15`` one or two, seconds in every layout with a time, offset hours two digits)."""
    if not written.two_digit_date() or written.calendar() is None:
        return False
    if written.time is None:
        return True
    if not written.has_seconds:
        return False
    zone = written.zone_text
    if not zone:
        return True
    if zone in ("UTC", "GMT") or len(zone.lstrip("+-").replace(":", "")) != 4:
        return zone in ("Z", "z") and not written.zone_gap
    # `2006-01-02T15:04:05Z07:00`/`-0700` are glued to the time; the space forms take both.
    return not (written.t and written.zone_gap)


def _rfc_date(text: str) -> bool:
    """RFC 1123/822 spellings (``Mon, 02 Jan 2006 15:04:05 -0700``), which cast also reads."""
    from email.utils import parsedate_tz  # imported late: it drags in email and calendar

    return parsedate_tz(text) is not None and any(c.isalpha() for c in text)


GENERATOR = Hugo()


def _goldmark_parser(config: Mapping[str, Any]) -> dict[str, Any]:
    """``markup.goldmark.parser`` with its keys lower-cased (Hugo's keys ignore case)."""
    found: Any = config
    for key in ("markup", "goldmark", "parser"):
        found = lookup(found, key) if isinstance(found, Mapping) else None
    return {str(k).lower(): v for k, v in found.items()} if isinstance(found, Mapping) else {}
