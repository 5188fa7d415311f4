"""RK101 missing-front-matter: a post without a front matter block."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from recapkit.lint.diagnostics import Diagnostic
from recapkit.lint.rules.base import LintContext, NoOptions, Rule
from recapkit.ssg import registry

if TYPE_CHECKING:
    from recapkit.post.types import Post


class MissingFrontMatter(Rule[NoOptions]):
    """A post has no front matter.

    Hugo, Hexo, Jekyll and Zola read a post's title, date and tags from the front matter
    block at the very top of the file: YAML between `---` lines, TOML between `+++`
    lines, or a JSON object. Without it, Jekyll copies the file unprocessed, Zola refuses it
    and Hugo and Hexo publish a page without title or date. An error.

    Hugo section pages (`_index.md`) may go without front matter and are not reported.

    ## Why

    A missing block usually means it was deleted by accident, or that the file starts
    with something else (a blank line, a BOM written twice, a heading) before the `---`.

    ## Example

    Bad (a blank line before the delimiter hides the front matter):

    ```markdown

    ---
    title: Go meetup #12 recap
    ---
    ```

    Good:

    ```markdown
    ---
    title: Go meetup #12 recap
    date: 2024-05-18
    ---
    ```

    ## Fix

    Put the front matter block at the first line of the file.
    """

    code = "RK101"
    name = "missing-front-matter"
    summary = "The post has no front matter block."

    def check(self, post: Post, context: LintContext) -> Iterator[Diagnostic]:
        if post.problem is None and post.front_matter is None and not _section_index(post):
            yield self.diagnostic(post, 0, 0, "no front matter: the post has no title or date")


def _section_index(post: Post) -> bool:
    """A section's list page of any generator (``_index.md``) may go without front matter."""
    return post.path.name in registry.generic().section_index_names
