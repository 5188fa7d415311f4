"""RK103 required-key: a key every post needs (``title``, ``date``) is missing or empty."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from recapkit.lint.diagnostics import Diagnostic
from recapkit.lint.rules.base import LintContext, NoOptions, Rule
from recapkit.lint.rules.where import front_matter_start, key_location, lookup_key
from recapkit.ssg import registry
from recapkit.ssg.base import filename_date

if TYPE_CHECKING:
    from recapkit.post.types import Post


class RequiredKey(Rule[NoOptions]):
    """A front matter key that every post needs is missing or empty.

    By default every post needs `title` and `date`, with what each SSG allows instead:

    - **Hugo**: the date may be given as `publishDate` (or `pubdate`, `published`); keys are
      case-insensitive.
    - **Jekyll**: the date may come from the file name (`_posts/2014-10-21-devfest.md`);
      drafts in `_drafts/` need none.
    - **Zola**: the date may come from the file name (`2024-05-18-meetup.md`).
    - **Hexo**: both keys for posts (Hexo would otherwise use the file's creation time, which
      changes whenever the repository is cloned).

    Section pages (Hugo's and Zola's `_index.md`, often just `sort_by` or `paginate_by`) list
    posts and need none of the keys: the SSG titles them after the section.
    Pages are not posts and need no date: on Jekyll and Hexo every file outside `_posts/`
    (`about.md`, `source/about/index.md`); on Hugo and Zola a file at the top of the content
    folder (`content/about.md`, `content/about/index.md`), since dated posts live in sections;
    anywhere, a page that says `layout: page`. Their title is still required.

    An error: a post without a title shows up as an empty link in lists and feeds,
    and a post without a date sorts wrongly or changes date on every build.

    ## Why

    Keys get lost when posts are copied between sites or templates, and a missing date is
    invisible until the archive page is in the wrong order.

    ## Example

    Bad:

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

    Add the key. Which keys are required is configurable with `required-keys` in
    `[tool.recapkit]`, e.g. `required-keys = ["title", "date", "author"]`.
    """

    code = "RK103"
    name = "required-key"
    summary = "A required front matter key (title, date, ...) is missing or empty."
    uses_filesystem = True  # the date may come from the post's file name

    def check(self, post: Post, context: LintContext) -> Iterator[Diagnostic]:
        front_matter = post.front_matter
        if front_matter is None or front_matter.error is not None:
            return
        generator = context.generator
        if post.path.name in generator.section_index_names:
            return  # a section's list page, not a post
        required = context.settings.required_keys
        for key in required if required is not None else generator.keys.required:
            problem = self._problem(post, context, key)
            if problem:
                message, written = problem
                where = key_location(post, written) if written else front_matter_start(post)
                yield self.diagnostic(post, where.line, where.column, message)

    def _problem(self, post: Post, context: LintContext, key: str) -> tuple[str, str | None] | None:
        """The message and the key as written (None when it is missing), or None when fine."""
        keys = context.generator.keys
        if key == "date":
            if _date_elsewhere(post, context, keys.date_from_filename):
                return None
            candidates: tuple[str, ...] = keys.date_keys
        else:
            candidates = (key,)
        found = [
            k
            for c in candidates
            if (k := lookup_key(post.data, c, case_sensitive=keys.case_sensitive))
        ]
        if not found:
            return f"missing required front matter key `{key}`", None
        value = post.data[found[0]]
        if value is None or (isinstance(value, str) and not value.strip()):
            return f"required front matter key `{found[0]}` is empty", found[0]
        return None


def _date_elsewhere(post: Post, context: LintContext, from_filename: bool) -> bool:
    """Whether the post needs no date of its own: the generator dates it, or it is a page."""
    any_generator = registry.generic()
    if post.path.name in any_generator.section_index_names:
        return True  # a section's list page is dated by the generator, not the writer
    if any_generator.undated_folders.intersection(post.path.parts):
        return True  # drafts (Jekyll's `_drafts`) are dated when they are published
    if context.generator.is_page(post, context.site):
        return True  # about.md, contact.md: pages, not posts, have no date to show
    return from_filename and filename_date(post.path) is not None
