"""What every static site generator must state: the :class:`Generator` base class and the records
it states things with (:class:`Site`, :class:`KeyVocabulary`, :class:`Claim`, :class:`PostTarget`).

A generator is one module (``recapkit/ssg/hugo.py`` ...) whose subclass of :class:`Generator`
says, as data and small methods, everything recapkit needs to know about it: how to recognise a
site and read its config; where content, static files and themes are; how an image path resolves;
where a new post goes and what it is called; which front matter keys it defines and requires;
how it reads and writes dates; its template syntax and how to disarm it; the tags that show
images or hold code. Rules, rendering and scaffolding ask the site's generator and never branch
on its name. To add a generator, write one such module and add it to
:mod:`recapkit.ssg.registry` (see CONTRIBUTING.md).
"""

from __future__ import annotations

import abc
import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import field, frozen

from recapkit._text import lazy_pattern
from recapkit.errors import RecapkitError
from recapkit.post.ssg_tags import TagSyntax
from recapkit.post.types import FrontMatterFormat, ImageKind, ImageRef, PlainScalar
from recapkit.ssg.anchors import Slugger
from recapkit.ssg.config_file import Folder
from recapkit.ssg.dates import DateReading, DateText, Fate, fields, is_iso
from recapkit.ssg.kinds import PageKind, filename_date, has_date, is_draft, shared_kind
from recapkit.ssg.links import LinkedHeading, relative_markdown
from recapkit.ssg.renderers import COMMONMARK, Renderer
from recapkit.ssg.themes import THEME_IMAGE_KEYS

if TYPE_CHECKING:
    from recapkit.data.model import Recap
    from recapkit.post.types import Post


@frozen
class Site:
    """A static site: its root, its generator and the folders that matter for posts."""

    root: Path
    generator: Generator
    content_dirs: tuple[Path, ...]
    """Where posts live (Hugo ``content/``, Hexo ``source/_posts``, Jekyll ``_posts``...)."""
    static_dirs: tuple[Path, ...]
    """Where a root-relative ``/x.png`` is looked up, in order."""
    unseen_static_dirs: tuple[Path, ...] = ()
    """Folders the generator serves at the root that lie outside the site (a theme linked in
    with ``npm link``): never looked into, so a root-relative image found in no other static
    folder may be there (unverified, not missing)."""
    baseurl: str = ""
    """The URL path the site is served under (``/blog``), or ``""``."""
    config_file: Path | None = None
    config: Mapping[str, Any] = field(factory=dict, eq=False, repr=False)
    """The config file's top-level mapping, read once ({} when absent or unreadable)."""
    config_digest: str = ""
    """A digest of the config's content: sites that read different configs differ."""
    config_problem: str | None = field(default=None, eq=False)
    """Why the config file could not be read (its settings are then the generator's defaults)."""

    @property
    def name(self) -> str:
        """The generator's name (``hugo``, ``hexo``, ...)."""
        return self.generator.name


@frozen
class KeyVocabulary:
    """What a generator makes of front matter keys."""

    known: frozenset[str]
    """Keys it (or its official plugins, or the themes most sites use) reads."""
    case_sensitive: bool = True
    """Hugo lower-cases front matter keys, so ``Author`` and ``author`` are one key there."""
    date_keys: tuple[str, ...] = ("date",)
    """Keys any of which gives the post its date."""
    date_from_filename: bool = False
    """A ``YYYY-MM-DD-`` file name may give the post its date instead (Jekyll, Zola)."""
    custom_keys_ignored: bool = False
    """Custom keys belong in a sub-table (Zola's ``[extra]``): top-level ones are dropped."""


@frozen
class Claim:
    """A generator's claim on a folder as its site root."""

    config_file: Path | None
    strong: bool = True
    """False for a claim another generator's claim on the same config file outranks (a
    ``config.toml`` is Hugo's only when it is not Zola's; a ``_config.yml`` Jekyll's only when
    it is not Hexo's)."""


@frozen
class PostTarget:
    """Where a new post is written, and the folder for its images (None when the SSG has none)."""

    path: Path
    asset_dir: Path | None = None
    also_blocking: tuple[Path, ...] = ()
    """Other files that would publish at the same URL (Hugo: ``<slug>.md`` beside the bundle)."""


class Generator(abc.ABC):
    """Everything recapkit knows about one static site generator. Subclasses state it."""

    name: ClassVar[str]
    """Lower-case identifier: the ``ssg`` config value and ``--ssg`` choice (``hugo``)."""
    label: ClassVar[str]
    """How messages name it (``Hugo``)."""
    keys: ClassVar[KeyVocabulary]
    is_generic: ClassVar[bool] = False
    """True only for the reading of a site whose generator is unknown (see the registry)."""
    root_markers: ClassVar[tuple[str, ...]] = ()
    """Names (or ``fnmatch`` patterns) of the entries whose presence may make a folder this
    generator's site root: its config files and the folders :meth:`claim` looks at."""
    front_matter_formats: ClassVar[tuple[FrontMatterFormat, ...]] = (FrontMatterFormat.YAML,)
    """The formats it reads; a new post gets the first unless the writer asks for another."""
    more_separator: ClassVar[str] = ""
    """Where it cuts the summary shown on list pages ("": the first paragraph)."""
    default_section: ClassVar[str] = ""
    """The folder below the content folder a new post goes to (``posts``)."""
    image_keys: ClassVar[tuple[str, ...]] = ()
    """Front matter keys that the generator itself (or an official plugin its sites use) defines
    as images: an image named there is served the way the generator serves files, so a missing
    one is an error (RK203). Cite the documentation that defines each."""
    language_keys: ClassVar[tuple[str, ...]] = ()
    """Config keys that state the site's default content language, the first present wins
    (:func:`recapkit.post.language.site_language` reads them)."""
    theme_image_keys: ClassVar[tuple[str, ...]] = THEME_IMAGE_KEYS
    """Keys its usual themes show as images: read like :attr:`image_keys`, but where the file is
    is the theme's business, so recapkit cannot tell that one is missing (RK206)."""
    tags: ClassVar[TagSyntax] = TagSyntax()
    """Its shortcodes or tags that show images or hold code."""
    tag_image_kinds: ClassVar[frozenset[ImageKind]] = frozenset()
    """The :class:`~recapkit.post.types.ImageKind` of the images its tags show: such an image
    resolves as this generator says, whatever the site (the tag's meaning is its author's)."""
    section_index_names: ClassVar[frozenset[str]] = frozenset()
    """File names of section list pages, which are no posts (``_index.md``)."""
    undated_folders: ClassVar[frozenset[str]] = frozenset()
    """Folders whose posts need no date of their own (drafts, dated when published)."""
    reads_loose_dates: ClassVar[bool] = False
    """Whether it reads dates like ``2016/2/14`` as the writer meant them (a lenient parser)."""
    splits_list_strings: ClassVar[frozenset[str]] = frozenset()
    """List keys whose one-string value it splits on spaces into several terms."""
    hierarchy_list_keys: ClassVar[frozenset[str]] = frozenset()
    """List keys whose list value it reads as one hierarchy (``[a, b]`` is a > b)."""
    taxonomy_table: ClassVar[str | None] = None
    gfm_tables: ClassVar[bool] = True
    """Whether its Markdown renderer reads pipe tables as GitHub Flavored Markdown does (goldmark,
    marked, pulldown-cmark): no table without a ``|---|`` row under the header, and a line after
    a row (no blank line between) is one more row. False: kramdown's tables, which need no
    delimiter row and turn to text when a line without a ``|`` follows them."""
    """A front matter table whose every value must be a list of terms (Zola ``taxonomies``)."""

    def __repr__(self) -> str:
        return f"<generator {self.name}>"

    # --- recognising a site and reading its config ------------------------------------------

    @abc.abstractmethod
    def claim(self, folder: Folder) -> Claim | None:
        """A claim on *folder* as this generator's site root, from its config files."""

    @abc.abstractmethod
    def config_files(self, root: Path) -> tuple[Path, ...]:
        """The config files this generator would read at *root*, in its order of precedence."""

    @abc.abstractmethod
    def site(self, root: Path, config: Mapping[str, Any], config_file: Path | None) -> Site:
        """The site at *root* with *config*: its content, static and theme folders."""

    def make_site(self, root: Path, **values: Any) -> Site:
        """A :class:`Site` of this generator (for :meth:`site` implementations)."""
        return Site(root, self, **values)

    # --- what a file is, and its date ----------------------------------------------------------

    draft_flags: ClassVar[tuple[tuple[str, bool], ...]] = ()
    """Front matter keys and values that keep a post unpublished (``("draft", True)``)."""

    def page_kind(self, post: Post, site: Site | None) -> PageKind:
        """What *post* is to this generator (only an entry can need a date)."""
        kind = shared_kind(post, self.section_index_names)
        if kind is not None:
            return kind
        return PageKind.PAGE if self.is_page_by_place(post, site) else PageKind.ENTRY

    def renderer(self, site: Site | None) -> Renderer:
        """The Markdown renderer *site*'s posts go through (its default, or what it configures)."""
        return COMMONMARK

    def heading_anchor(self, site: Site | None) -> Slugger | None:
        """How *site*'s renderer turns a heading's text into its id (:mod:`recapkit.ssg.anchors`);
        None when recapkit cannot tell, and links to headings are then not checked."""
        return None

    def tag_links(self, post: Post) -> tuple[tuple[str, int, int, int, int], ...]:
        """Links to another post that its template tags make outside Markdown link syntax
        (Hexo's ``{% post_link slug#id %}``), as ``(tag text, line, column, end line, end
        column)``; :meth:`linked_heading` reads the tag text."""
        return ()

    def linked_heading(self, site: Site, source: Path, url: str) -> LinkedHeading | None:
        """The post of *site* and the heading that a link *url* in the post *source* names
        (``other.md#id``); None when *url* names no heading of another post that recapkit can
        find exactly. Every generator reads a relative link to a Markdown file; generators
        with their own way to name a post add it."""
        return relative_markdown(source, url)

    def is_page_by_place(self, post: Post, site: Site | None) -> bool:
        """Whether *post* is a standalone page by where it lies (``about.md`` at the top)."""
        return False

    def is_unpublished(self, post: Post) -> bool:
        """Whether *post* is a draft to this generator (a drafts folder or a draft flag)."""
        return is_draft(post, self.draft_flags, self.undated_folders)

    def undated(self, post: Post, site: Site | None) -> str | None:
        """What is wrong with the date of the entry *post*, as this generator dates it (the
        message of a finding: what is missing and what the generator does without it), or None
        when it has a date or needs none."""
        return None

    def without_front_matter(self, post: Post, site: Site | None) -> str | None:
        """What this generator does with *post*, a file without a front matter block (the
        message of a finding), or None when that is harmless."""
        return None

    def name_date(self, post: Post, site: Site | None) -> date | None:
        """The date *post*'s file name gives it on *site*, read as this generator reads names
        (None: the name gives none, or the generator reads no dates from names)."""
        return filename_date(post.path) if self.keys.date_from_filename else None

    def has_any_date(self, post: Post, site: Site | None) -> bool:
        """Whether *post* has a date the generator reads: a date key, else its file name."""
        keys = self.keys
        if has_date(post, keys.date_keys, case_sensitive=keys.case_sensitive):
            return True
        return self.name_date(post, site) is not None

    # --- images ---------------------------------------------------------------------------------

    def relative_image_bases(self, site: Site | None, post: Path, ref: ImageRef) -> list[Path]:
        """The folders a page-relative image path of *post* (resolved) is looked up in, in order."""
        return [post.parent]

    def strip_url_templates(self, src: str) -> str:
        """*src* without template code that the generator replaces by the site's own URL."""
        return src

    def writes_site_absolute(self, site: Site | None, ref: ImageRef) -> bool:
        """Whether the page shows *ref*, written page-relative, at a site-absolute URL (a tag
        that writes the file's published path), so that only a ``<base href>`` naming another
        host moves it."""
        return False

    # --- dates -------------------------------------------------------------------------------------

    def accepts_date_text(self, text: str) -> bool:
        """Whether a front matter date written as *text* (not ISO 8601) is one of its own forms."""
        return False

    def read_date(self, value: DateText, site: Site | None) -> DateReading:
        """What this generator makes of a front matter date *value* (TOML native dates are the
        TOML parser's business). By default: what every generator reads alike."""
        written = fields(value.text)
        if written is None:
            return DateReading(Fate.REFUSED, note="no static site generator reads it as a date")
        day = written.calendar()
        if day is None:
            return DateReading(Fate.ROLLED, written.rolled(), note="there is no such day")
        return DateReading(Fate.READ, day, loose=not is_iso(written))

    def time_zone(self, site: Site | None) -> tzinfo | None:
        """The zone the site's config names for dates without one (None: none set)."""
        return None

    def format_date(
        self, value: date, fmt: FrontMatterFormat, site: Site | None = None
    ) -> date | PlainScalar:
        """*value* as this generator's front matter ``date`` (seconds precision): native in TOML,
        ISO 8601 text in YAML unless the generator has a form of its own. With *site*, written
        so that the generator publishes it on the intended day in the site's zone."""
        if isinstance(value, datetime):
            value = value.replace(microsecond=0)
        if fmt is FrontMatterFormat.TOML:
            return value
        return PlainScalar(value.isoformat())

    # --- writing posts ------------------------------------------------------------------------------

    @abc.abstractmethod
    def disarm(self, text: str) -> str:
        """*text* with this generator's template syntax made inert but shown as typed (data that
        reaches a post must never run as the generator's code). Idempotent."""

    @abc.abstractmethod
    def post_target(
        self, site: Site, slug: str, day: date, section: Sequence[str] | None
    ) -> PostTarget:
        """Where a new post called *slug* goes (*section*: folders below the content folder, or
        None for :attr:`default_section`)."""

    @abc.abstractmethod
    def front_matter(self, recap: Recap, site: Site | None) -> dict[str, Any]:
        """The front matter keys after ``title`` and ``date`` that a rendered post gets."""

    def arrange_front_matter(self, data: dict[str, Any]) -> dict[str, Any]:
        """The whole front matter as this generator wants it laid out (Zola: under ``[extra]``)."""
        return data

    def new_section_indexes(self, site: Site, post: Path) -> tuple[Path, ...]:
        """Folders between the content folder and a new *post* that need a section index file."""
        return ()

    def section_index(self, folder: Path) -> tuple[Path, str] | None:
        """The section index file a new *folder* gets, and its text (None: none needed)."""
        return None

    # --- recap data files (docs/posts.md, "Where recap data lives") -------------------------

    data_formats: ClassVar[tuple[str, ...]] = ("yaml", "toml", "json")
    """The recap data formats its templates can read from :meth:`data_folder`."""

    def data_folder(self, site: Site) -> Path | None:
        """The folder *site*'s generator reads site data from, which it never publishes (a
        post's recap data may live in its ``recaps/``); None when the generator has none."""
        return None

    def sidecar_fate(self, site: Site | None, sidecar: Path) -> str | None:
        """What the generator does with a recap data file at *sidecar* next to a post, when it
        publishes or renders it (a clause for a warning: ``Hugo publishes it with the page``);
        None when it leaves the file alone. Checked against the real program."""
        return None

    # --- helpers for subclasses ------------------------------------------------------------------

    def sections(self, section: Sequence[str] | None) -> tuple[str, ...]:
        """*section*, or this generator's default, as path parts."""
        if section is not None:
            return tuple(section)
        return tuple(part for part in self.default_section.split("/") if part)


class SiteDetectionError(RecapkitError):
    """The layout matches more than one SSG; the user has to name one (``--ssg``)."""


def content_of(site: Site | None) -> tuple[Path, ...]:
    """The content folders of *site* (none without a site)."""
    return site.content_dirs if site is not None else ()


# Liquid/Nunjucks openers, and the inert form raw_wrapped() writes for one (kept as it is, so
# that a second pass over already inert text changes nothing).
_liquid_opener = lazy_pattern(r"\{% raw %\}\{[{%#]\{% endraw %\}|\{[{%#]")


def raw_wrapped(text: str) -> str:
    """*text* with every Liquid or Nunjucks opener (``{{``, ``{%``, ``{#``) wrapped in
    ``{% raw %}...{% endraw %}``, so the template engine prints it literally. Idempotent."""
    if "{" not in text:
        return text
    return _liquid_opener().sub(_wrap_raw, text)


def _wrap_raw(match: re.Match[str]) -> str:
    opener = match.group()
    return opener if len(opener) > 2 else "{% raw %}" + opener + "{% endraw %}"
