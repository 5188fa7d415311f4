"""RK101 missing-front-matter: a post without a front matter block."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from recapkit.lint.diagnostics import Diagnostic
from recapkit.lint.rules.base import LintContext, NoOptions, Rule

if TYPE_CHECKING:
    from recapkit.post.types import Post


class MissingFrontMatter(Rule[NoOptions]):
    """A post has no front matter block, and its generator publishes it wrongly for that.

    Generators read a post's title, date and tags from the front matter block at the very top
    of the file: YAML between `---` lines, TOML between `+++` lines, or a JSON object. What a
    missing block does depends on the generator (see `recapkit/ssg/<name>.py`):

    - **Zola** stops the build ("Couldn't find front matter"), for pages and sections alike.
    - **Hugo** publishes the page untitled and dated 0001-01-01: reported where that date
      shows, in the main sections (see RK103); a page elsewhere renders as it is.
    - **Hexo** publishes a post in `_posts` untitled and dated by the file's creation time
      (unless `new_post_name` dates its name).
    - **Jekyll** publishes a post without one (titled and dated from its file name), so
      nothing is reported.
    - With **no generator detected**, a Markdown file without front matter is just Markdown:
      nothing is reported.

    An error: the build stops, or the page shows no title and the wrong date.

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
    summary = "The post has no front matter block, and its generator needs one."
    uses_filesystem = True  # the site's sections decide (Hugo's main sections)

    def check(self, post: Post, context: LintContext) -> Iterator[Diagnostic]:
        if post.problem is not None or post.front_matter is not None:
            return
        message = context.generator.without_front_matter(post, context.site)
        if message is not None:
            yield self.diagnostic(post, 0, 0, message)
