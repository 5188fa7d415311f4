"""Zola: everything recapkit knows about it, from its documentation and source.

- Config: ``zola.toml`` (0.19+) or ``config.toml`` with ``base_url``, which Zola requires
  (getzola.org/documentation/getting-started/configuration/); ``base_url``'s path prefixes every
  URL.
- Content: ``content/``; a folder is a section only when it holds ``_index.md``, and a page in a
  folder without one is an orphan that no section lists (getzola.org/documentation/content/section/).
  Assets next to a page are published with it; ``static/`` is served at the root.
- Front matter: TOML between ``+++`` lines; unknown top-level keys are dropped (custom data goes
  under ``[extra]``); taxonomies under ``[taxonomies]``, each a list of terms, else the build stops
  (getzola.org/documentation/content/page/#front-matter). The date may come from a
  ``YYYY-MM-DD-`` or ``YYYY-MM-DD_`` file name. A section whose ``_index.md`` says
  ``sort_by = "date"`` leaves pages without a date out of its list ("pages missing the data
  they are sorted by are ignored", getzola.org/documentation/content/section/#sorting); the
  default, ``none``, needs no date. ``template`` names a page's template.
- Shortcodes ``{{ name(...) }}`` and ``{% name(...) %}`` run in content; ``{\\{`` shows them.
- The summary ends at ``<!-- more -->``.
- Dates: a TOML date or date-time, or a string that ``toml_datetime`` or Zola's own YAML-style
  pattern reads (``from_unknown_datetime`` in ``components/content/src/front_matter``: one- or
  two-digit month, day and hour, seconds required, an offset only with a colon); anything else
  stops the build ("`date` could not be parsed", ``front_matter/page.rs``). Zola has no time zone setting: a date without
  one is UTC. (Read from Zola's source at 0.19-0.23; Zola cannot be installed here.)
"""

from __future__ import annotations

import fnmatch
import functools
import re
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from recapkit._text import lazy_pattern
from recapkit.post.types import FrontMatterFormat
from recapkit.ssg.anchors import Slugger
from recapkit.ssg.base import Claim, Generator, KeyVocabulary, PostTarget, Site, content_of
from recapkit.ssg.config_file import Folder, has_key, url_path
from recapkit.ssg.dates import DateReading, DateText, Fate, fields, is_iso
from recapkit.ssg.kinds import below_content, top_level_page
from recapkit.ssg.links import LinkedHeading
from recapkit.ssg.renderers import PULLDOWN_CMARK, Renderer

if TYPE_CHECKING:
    from recapkit.data.model import Recap
    from recapkit.post.types import Post

CONFIG_NAMES = ("zola.toml", "config.toml")
# fmt: off
KEYS = frozenset(
    {
        # getzola.org/documentation/content/page
        "title", "description", "date", "updated", "weight", "draft", "slug", "path", "aliases",
        "authors", "in_search_index", "template", "taxonomies", "extra",
        # section front matter (_index.md)
        "sort_by", "page_template", "paginate_by", "paginate_path", "paginate_reversed",
        "insert_anchor_links", "render", "redirect_to", "transparent", "generate_feeds",
        "generate_feed",
    }
)
# fmt: on
_name_date = lazy_pattern(
    r"^(\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))(?:T[^_\s]*)?\s?[_-]."
)


PAGE_KEYS = frozenset(
    {"title", "description", "date", "updated", "weight", "draft", "slug", "path", "aliases"}
    | {"in_search_index", "template", "taxonomies", "extra"}
)
"""The top-level keys of a page that Zola keeps; anything else belongs under ``[extra]``."""


class Zola(Generator):
    name = "zola"
    label = "Zola"
    root_markers = ("zola.toml", "config.toml", "content")
    keys = KeyVocabulary(KEYS, date_from_filename=True, custom_keys_ignored=True)
    front_matter_formats = (FrontMatterFormat.TOML,)
    more_separator = "<!-- more -->"
    default_section = "blog"
    section_index_names = frozenset({"_index.md"})
    taxonomy_table = "taxonomies"
    # No front matter key of Zola's is an image (getzola.org/documentation/content/page/
    # #front-matter): images in `[extra]` belong to the theme.
    image_keys = ()
    language_keys = ("default_language",)  # getzola.org/documentation/getting-started/configuration

    def claim(self, folder: Folder) -> Claim | None:
        name = next((n for n in CONFIG_NAMES if folder.has(n)), None)
        if name is not None and has_key(folder.config(name), "base_url"):
            return Claim(folder.path / name)
        return None

    def config_files(self, root: Path) -> tuple[Path, ...]:
        return tuple(root / name for name in CONFIG_NAMES)

    def site(self, root: Path, config: Mapping[str, Any], config_file: Path | None) -> Site:
        # Zola serves static/ at the root and copies assets next to their pages from content/.
        return self.make_site(
            root,
            content_dirs=(root / "content",),
            static_dirs=(root / "static", root / "content"),
            baseurl=url_path(config.get("base_url")),
        )

    def data_folder(self, site: Site) -> Path | None:
        # Zola has no data folder: templates read any file of the site with `load_data(path=)`
        # (getzola.org/documentation/templates/overview/#load-data), so the site names one
        # in config.toml's `[extra]`: `recap_data_dir = "data"`.
        extra = site.config.get("extra")
        folder = extra.get("recap_data_dir") if isinstance(extra, Mapping) else None
        return site.root / folder if isinstance(folder, str) and folder.strip() else None

    def sidecar_fate(self, site: Site | None, sidecar: Path) -> str | None:
        # Every non-Markdown file in a page's or section's folder is copied to the output with
        # it, unless `ignored_content` globs match (getzola.org/documentation/content/overview/
        # #asset-colocation; read from the docs: Zola cannot be installed here).
        ignored = site.config.get("ignored_content") if site is not None else None
        globs = [str(g) for g in ignored] if isinstance(ignored, list) else []
        if any(fnmatch.fnmatch(sidecar.name, g) or fnmatch.fnmatch(str(sidecar), g) for g in globs):
            return None
        return "Zola publishes it with the page (set `ignored_content` to keep it back)"

    # A page with `draft = true` is loaded only with --drafts
    # (getzola.org/documentation/content/page/#front-matter). A drafted section drafts its pages
    # too; recapkit does not look at the section yet.
    draft_flags = (("draft", True),)

    def renderer(self, site: Site | None) -> Renderer:
        return PULLDOWN_CMARK  # Zola has no other (see recapkit.ssg.renderers)

    def heading_anchor(self, site: Site | None) -> Slugger | None:
        # Zola's `slugify.anchors` is "on" by default (config/src/config/slugify.rs), which is
        # the `slug` crate: deunicode transliteration (`安装 Go` -> `an-zhuang-go`). Python has
        # no copy of deunicode's tables, and a guessed transliteration would report good links
        # as broken; "safe" and "off" keep text whose exact rules are not modelled either.
        return None

    def linked_heading(self, site: Site, source: Path, url: str) -> LinkedHeading | None:
        # Zola checks every internal link with an anchor (`@/blog/post.md#id`) itself, on
        # every build (components/site/src/link_checking.rs check_internal_links_with_anchors),
        # with the ids its own slugify made; a relative `other.md` is no link to a page there.
        return None

    def is_page_by_place(self, post: Post, site: Site | None) -> bool:
        return top_level_page(
            post, content_of(site)
        )  # a `template` does not take a page out of lists

    def name_date(self, post: Post, site: Site | None) -> date | None:
        # components/content/src/page.rs `RFC3339_DATE`: two-digit month and day, then `_`/`-`;
        # a bundle's folder name counts for its index.md.
        name = post.path.parent.name if post.path.name == "index.md" else post.path.name
        match = _name_date().match(name)
        try:
            return date.fromisoformat(match.group(1)) if match else None
        except ValueError:
            return None

    def without_front_matter(self, post: Post, site: Site | None) -> str | None:
        if below_content(post.path, content_of(site)) is None:
            return None  # Zola reads content/ only: a README or a theme file is no page
        if post.text.lstrip().startswith(("+++", "---")):
            return None  # Zola's delimiters may follow blank lines (split.rs `^[[:space:]]*`)
        # `split_content` in components/content: pages and sections alike.
        return (
            'no front matter: Zola stops the build ("Couldn\'t find front matter"); even an '
            "empty `+++` block will do"
        )

    def undated(self, post: Post, site: Site | None) -> str | None:
        if self.is_unpublished(post) or self.has_any_date(post, site):
            return None
        index = next((i for i in _listing_sections(post.path) if _sorts_by_date(i)), None)
        if index is None:
            return None
        return (
            "no date: Zola leaves the page out of its section's list "
            f"(`{index.parent.name}/_index.md` sorts by date)"
        )

    def read_date(self, value: DateText, site: Site | None) -> DateReading:
        written = fields(value.text)
        readable = (
            written is not None
            and written.separator == "-"
            and written.calendar() is not None
            and (written.time is None or written.has_seconds)
            and (not written.zone_text or written.offset_colon)
            and written.zone_text not in ("UTC", "GMT")
        )
        if written is None or not readable:
            return DateReading(
                Fate.REFUSED, note="Zola stops the build (`date` could not be parsed)"
            )
        return DateReading(Fate.READ, written.calendar(), loose=not is_iso(written))

    def disarm(self, text: str) -> str:
        return re.sub(r"\{(?=[{%])", r"{\\", text) if "{" in text else text

    def post_target(
        self, site: Site, slug: str, day: date, section: Sequence[str] | None
    ) -> PostTarget:
        return PostTarget(site.content_dirs[0].joinpath(*self.sections(section), f"{slug}.md"))

    def front_matter(self, recap: Recap, site: Site | None) -> dict[str, Any]:
        return {
            "draft": recap.draft or None,
            "slug": recap.slug,
            "taxonomies": {"tags": recap.tags or None, "categories": recap.categories or None},
            "extra": {"authors": recap.authors or None, "cover": recap.cover},
        }

    def arrange_front_matter(self, data: dict[str, Any]) -> dict[str, Any]:
        # Imported here, as in section_index: writing front matter (PyYAML) is for new and
        # render; a lint run on a Zola site never needs it.
        from recapkit.post.front_matter_dump import prune

        arranged = dict(data)
        extra = dict(arranged.pop("extra", None) or {})
        for key in [k for k in arranged if k not in PAGE_KEYS]:
            extra[key] = arranged.pop(key)
        arranged["extra"] = extra
        for key in ("taxonomies", "extra"):  # an empty `[extra]` table is only noise in a new post
            if isinstance(arranged.get(key), Mapping) and not prune(arranged[key]):
                del arranged[key]
        return arranged

    def new_section_indexes(self, site: Site, post: Path) -> tuple[Path, ...]:
        """The folders between ``content/`` and *post* that do not exist yet, outermost first:
        each gets an ``_index.md`` so that Zola lists the post. Folders that already exist are
        the writer's choice and are left alone."""
        content = site.content_dirs[0]
        if not post.is_relative_to(content):
            return ()
        inside = [f for f in (post.parent, *post.parent.parents) if f.is_relative_to(content)]
        return tuple(f for f in reversed(inside) if f != content and not f.exists())

    def section_index(self, folder: Path) -> tuple[Path, str] | None:
        from recapkit.post.front_matter_dump import dump_toml

        title = folder.name[:1].upper() + folder.name[1:]
        return (
            folder / "_index.md",
            f"+++\n{dump_toml({'title': title, 'sort_by': 'date'})}+++\n",
        )


def _listing_sections(path: Path) -> Iterator[Path]:
    """The ``_index.md`` of every section that lists the page at *path*: its own section (its
    folder's, or for a bundle its parent's; none for an orphan page in a folder without one),
    then, while a section is ``transparent``, the section above it (library.rs)."""
    folder = path.parent.parent if path.name == "index.md" else path.parent
    index: Path | None = folder / "_index.md"
    while index is not None and index.is_file():
        yield index
        if _section_front_matter(index).get("transparent") is not True:
            return
        index = next(
            (f / "_index.md" for f in index.parent.parents if (f / "_index.md").is_file()), None
        )


def _sorts_by_date(index: Path) -> bool:
    """Whether the section sorts its pages by date, which drops the pages without one
    (``update_date`` sorts by ``updated``, which falls back to ``date``)."""
    return _section_front_matter(index).get("sort_by") in ("date", "update_date")


def _section_front_matter(index: Path) -> Mapping[str, Any]:
    """A section's ``_index.md`` front matter, TOML or YAML ({} when unreadable)."""
    try:
        return _front_matter_of(index, index.stat().st_mtime_ns)
    except OSError:
        return {}


@functools.lru_cache(maxsize=256)
def _front_matter_of(index: Path, _mtime: int) -> Mapping[str, Any]:
    """:func:`_section_front_matter` of the file as it is at *_mtime* (read once per version)."""
    from recapkit.post.load import load_post  # the one front matter reader, TOML and YAML

    data = load_post(index).data
    return data if isinstance(data, Mapping) else {}


GENERATOR = Zola()
