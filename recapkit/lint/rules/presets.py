"""What each static site generator understands in front matter: known keys, required keys, dates.

Known keys come from each SSG's documentation (Hugo "Front matter" and ``frontmatter`` config,
Hexo "Front-matter", Jekyll "Front Matter" and "Posts", Zola "Page"/"Section"), plus keys that the
SSG's own templates, its official plugins or the most used themes read (``author``, ``toc``,
``cover``, ``images``, ...). The list only decides what RK105 calls a *likely typo*: a key is
reported when it is close to one of these and not itself one of them.
"""

from __future__ import annotations

from attrs import frozen

# Keys that themes of every SSG commonly read; knowing them keeps `author` from being
# "corrected" to `authors` and `image` to `images`.
_COMMON_THEME_KEYS = frozenset(
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

_HUGO_KEYS = frozenset(
    {
        # predefined fields (gohugo.io/content-management/front-matter)
        "aliases",
        "build",
        "_build",
        "cascade",
        "date",
        "description",
        "draft",
        "expirydate",
        "expiryDate",
        "headless",
        "isCJKLanguage",
        "keywords",
        "lastmod",
        "layout",
        "linktitle",
        "linkTitle",
        "markup",
        "menu",
        "menus",
        "outputs",
        "params",
        "publishdate",
        "publishDate",
        "resources",
        "sitemap",
        "slug",
        "summary",
        "title",
        "translationKey",
        "type",
        "url",
        "weight",
        # date aliases of the default [frontmatter] configuration
        "pubdate",
        "published",
        "modified",
        "unpublishdate",
        # read by Hugo's embedded templates (opengraph, twitter cards, schema)
        "images",
        "videos",
        "audio",
        "series",
        # the default taxonomies
        "tags",
        "categories",
    }
)

_HEXO_KEYS = frozenset(
    {
        # hexo.io/docs/front-matter
        "layout",
        "title",
        "date",
        "updated",
        "comments",
        "tags",
        "categories",
        "permalink",
        "excerpt",
        "disableNunjucks",
        "lang",
        "published",
        # post properties of gallery and link posts
        "photos",
        "link",
    }
)

_JEKYLL_KEYS = frozenset(
    {
        # jekyllrb.com/docs/front-matter and /docs/posts
        "layout",
        "permalink",
        "published",
        "date",
        "category",
        "categories",
        "tags",
        "title",
        "excerpt",
        "excerpt_separator",
        "render_with_liquid",
        "slug",
        # official plugins: jekyll-seo-tag, jekyll-feed, jekyll-redirect-from, jekyll-sitemap
        "image",
        "author",
        "description",
        "lang",
        "locale",
        "redirect_from",
        "redirect_to",
        "sitemap",
        "last_modified_at",
        "modified",
        "twitter",
        "seo",
    }
)

_ZOLA_PAGE_KEYS = frozenset(
    {
        # getzola.org/documentation/content/page
        "title",
        "description",
        "date",
        "updated",
        "weight",
        "draft",
        "slug",
        "path",
        "aliases",
        "authors",
        "in_search_index",
        "template",
        "taxonomies",
        "extra",
        # section front matter (_index.md)
        "sort_by",
        "page_template",
        "paginate_by",
        "paginate_path",
        "paginate_reversed",
        "insert_anchor_links",
        "render",
        "redirect_to",
        "transparent",
        "generate_feeds",
        "generate_feed",
    }
)


@frozen
class Preset:
    """What one SSG makes of front matter."""

    name: str
    known_keys: frozenset[str]
    required_keys: tuple[str, ...] = ("title", "date")
    keys_case_sensitive: bool = True
    """Hugo lower-cases front matter keys, so ``Author`` and ``author`` are the same key there."""
    date_keys: tuple[str, ...] = ("date",)
    """Keys any of which gives the post its date (RK103)."""
    date_from_filename: bool = False
    """The post's date may come from a ``YYYY-MM-DD-`` file name instead (Jekyll, Zola)."""
    custom_keys_ignored: bool = False
    """Custom keys belong in a sub-table (Zola's ``[extra]``): top-level ones are dropped."""


PRESETS: dict[str, Preset] = {
    "hugo": Preset(
        "hugo",
        _HUGO_KEYS | _COMMON_THEME_KEYS,
        keys_case_sensitive=False,
        date_keys=("date", "publishdate", "publishDate", "pubdate", "published"),
    ),
    "hexo": Preset("hexo", _HEXO_KEYS | _COMMON_THEME_KEYS),
    "jekyll": Preset("jekyll", _JEKYLL_KEYS | _COMMON_THEME_KEYS, date_from_filename=True),
    "zola": Preset(
        "zola",
        _ZOLA_PAGE_KEYS,
        date_from_filename=True,
        custom_keys_ignored=True,
    ),
}

GENERIC = Preset(
    "generic",
    _HUGO_KEYS | _HEXO_KEYS | _JEKYLL_KEYS | _ZOLA_PAGE_KEYS | _COMMON_THEME_KEYS,
    # Without knowing the SSG, a case variant may be fine (Hugo): only report real misspellings.
    keys_case_sensitive=False,
    date_keys=("date", "publishdate", "publishDate", "pubdate", "published"),
    date_from_filename=True,
)
"""For a site whose SSG is unknown: accept what any of the four accepts."""


def preset_for(ssg: str | None) -> Preset:
    """The preset of *ssg* (``hugo``/``hexo``/``jekyll``/``zola``), or the generic one."""
    if ssg is None:
        return GENERIC
    return PRESETS.get(str(ssg).lower(), GENERIC)
