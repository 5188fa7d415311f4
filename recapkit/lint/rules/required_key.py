"""RK103 required-key: a post lacks the date its generator needs, or a key the site requires."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from recapkit.lint.diagnostics import Diagnostic
from recapkit.lint.rules.base import LintContext, NoOptions, Rule
from recapkit.post.where import front_matter_start, key_location, lookup_key
from recapkit.ssg.kinds import PageKind

if TYPE_CHECKING:
    from recapkit.post.types import Post


class RequiredKey(Rule[NoOptions]):
    """A post lacks the date its generator needs, or a front matter key the site requires.

    By default only what the site's generator itself needs is required, and only where it
    needs it: a date on the posts it dates and lists by date. Each generator says what happens
    without one (from its documentation and source, see `recapkit/ssg/<name>.py`):

    - **Hugo**: a page without a date (from `date`, `publishDate`, `pubdate`, `published`,
      `lastmod`, `modified`, or what the site's `[frontmatter] date` lists with Hugo's aliases,
      including `:filename`, `:fileModTime` and `:git`) is dated 0001-01-01. Reported in the
      main sections only (`mainSections`, else the top-level section with the most published
      pages), where lists sort it last and themes show that date; checked with Hugo 0.111.
    - **Jekyll**: a file in `_posts` is published only when its *name* starts with a date
      (`2014-10-21-devfest.md`); Jekyll skips any other file there without a word, whatever its
      `date` key says.
    - **Hexo**: a post in `_posts` without `date` (or a file name that `new_post_name` dates)
      is dated by the file's creation time, which changes with every clone.
    - **Zola**: a page without a date (or a `YYYY-MM-DD-` file name) is left out of the list
      of a section that sorts by date (`sort_by = "date"` or `"update_date"`), or of a
      `transparent` section's parent that does.
    - **No generator detected**: nothing is required; the generic reading does not know.

    Nothing is required of a file the generator does not list as a post: a section's list page
    (`_index.md`), a standalone page (outside `_posts` on Jekyll and Hexo; at the top of
    `content/` on Hugo and Zola), a redirect (`redirect`, `redirect_to`, `redirectUrl`), a Hugo
    page kept out of lists (`_build`/`build` with `list: never`, or a headless leaf bundle), or
    a draft (`draft: true` on Hugo and Zola; `published: false` or `_drafts/` on Jekyll and
    Hexo, which have no `draft` key). A layout does not make a post a page: the generators list
    it all the same. No generator requires a `title`: Jekyll derives one from the file name,
    and untitled notes are a choice. A file without any front matter is RK101's to report.

    Keys the site's owner wants on top go in `required-keys`: a list for every post, or a table
    of path globs (relative to the config file) for any file they match (sections' list pages
    and redirects aside), with or without a front matter block:

    ```toml
    [tool.recapkit]
    required-keys = ["title", "date", "author"]

    # or, per part of the site:
    [tool.recapkit.required-keys]
    "content/posts/**" = ["title", "author"]
    "content/notes/**" = ["date"]
    ```

    A required `date` is satisfied the way the generator dates a page (its date keys, or the
    file name where it reads one). An error: the post is dated wrongly, listed in the wrong
    place, or not published at all.

    ## Why

    Keys get lost when posts are copied between sites or templates, and a missing date is
    invisible until the archive page is in the wrong order.

    ## Example

    Bad, in a Hugo site's main section `content/posts/`:

    ```yaml
    ---
    title: Rust meetup recap
    ---
    ```

    Good:

    ```yaml
    ---
    title: Rust meetup recap
    date: 2024-05-18
    ---
    ```

    ## Fix

    Add the key (on Jekyll, rename the file to start with its date).
    """

    code = "RK103"
    name = "required-key"
    summary = "A post lacks the date its generator needs, or a key the site requires."
    uses_filesystem = True  # the date may come from the file name; sections decide on Zola

    def check(self, post: Post, context: LintContext) -> Iterator[Diagnostic]:
        front_matter = post.front_matter
        if post.problem is not None or (front_matter is not None and front_matter.error):
            return  # RK100's and RK102's business
        generator, site = context.generator, context.site
        kind = generator.page_kind(post, site)
        if kind in (PageKind.SECTION, PageKind.STUB):
            return
        # Without a block at all, RK101 says what the generator makes of the post.
        entry = kind is PageKind.ENTRY and front_matter is not None
        undated = generator.undated(post, site) if entry else None
        if undated is not None:
            yield self._at(post, None, undated)
        wanted = context.settings.required_keys.of(post.path, entry=kind is PageKind.ENTRY)
        for key in wanted:
            if key == "date":
                if undated is None and not generator.has_any_date(post, site):
                    yield self._at(post, None, "missing required front matter key `date`")
                continue
            yield from self._key_problem(post, context, key)

    def _key_problem(self, post: Post, context: LintContext, key: str) -> Iterator[Diagnostic]:
        case_sensitive = context.generator.keys.case_sensitive
        written = lookup_key(post.data, key, case_sensitive=case_sensitive)
        if not written:
            yield self._at(post, None, f"missing required front matter key `{key}`")
            return
        value = post.data[written]
        if value is None or (isinstance(value, str) and not value.strip()):
            yield self._at(post, written, f"required front matter key `{written}` is empty")

    def _at(self, post: Post, written: str | None, message: str) -> Diagnostic:
        where = key_location(post, written) if written else front_matter_start(post)
        return self.diagnostic(post, where.line, where.column, message)
