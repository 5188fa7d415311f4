"""RK100 unreadable-post: a file that cannot be read as a post says why."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from recapkit.lint.diagnostics import Diagnostic
from recapkit.lint.rules.base import LintContext, NoOptions, Rule

if TYPE_CHECKING:
    from recapkit.post.types import Post


class UnreadablePost(Rule[NoOptions]):
    """A file could not be read as a post: empty, binary, not UTF-8, too large or unreadable.

    The linter reads every Markdown file it is given. When one cannot be read as text,
    no other rule can check it, so this rule says why instead of silently skipping it.
    It is an error because the SSG will fail on such a file or publish an empty page.

    ## Why

    An empty `post.md` left by an editor, an image saved with a `.md` extension, a post
    saved as GBK or UTF-16 by an old editor, or a huge generated file: each one builds
    a broken page (or breaks the build) without anyone noticing.

    ## Example

    A post saved in GBK rather than UTF-8:

    ```text
    content/posts/meetup.md:1:1: RK100 not UTF-8 text: byte 0xc4 at offset 12 ...
    ```

    ## Fix

    Re-save the file as UTF-8 (every SSG expects UTF-8), delete an empty file, or move a
    file that is not a post out of the content directory (or `exclude` it in the config).
    """

    code = "RK100"
    name = "unreadable-post"
    summary = "The file is empty, binary, not UTF-8, too large or unreadable."

    def check(self, post: Post, context: LintContext) -> Iterator[Diagnostic]:
        if post.problem is not None:
            problem = post.problem
            yield self.diagnostic(post, problem.line, problem.column, problem.message)
