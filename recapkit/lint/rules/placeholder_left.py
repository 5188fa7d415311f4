"""RK401 placeholder-left: a ``TODO(recapkit)`` marker from the scaffold is still there."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from attrs import frozen

from recapkit.lint.diagnostics import Diagnostic, Severity
from recapkit.lint.rules.base import LintContext, Rule, option

if TYPE_CHECKING:
    from recapkit.post.types import Post


@frozen
class PlaceholderOptions:
    pattern: str = option(
        r"TODO\(recapkit\)",
        "the markers a writer must replace before publishing, as a regular expression "
        "(e.g. `'TODO\\(recapkit\\)|FIXME'`)",
    )


class PlaceholderLeft(Rule[PlaceholderOptions]):
    """A `TODO(recapkit)` placeholder from `recapkit new` is still in the post.

    `recapkit new` scaffolds a recap with `TODO(recapkit)` markers wherever the writer still
    has to write something: the summary, a talk's takeaways, a photo's alt text. This rule
    finds every marker left, in the front matter and in the text (not inside code blocks or
    inline code, where a post may talk *about* the marker). An error in a published post: a
    placeholder must not be published. In a draft (a post its generator does not publish yet:
    Hugo and Zola `draft: true`, Jekyll and Hexo `published: false` or a `_drafts/` folder)
    it is `info`, which does not fail CI: a freshly scaffolded draft passes `recapkit lint`
    and its pre-commit hook, and the same markers become errors once the post is published.
    `[tool.recapkit.draft-severity]` changes that (see Configuration).

    ## Why

    Scaffolds are meant to be filled in; CI is where a forgotten one is caught before readers
    see "TODO" on the page.

    ## Example

    Bad:

    ```markdown
    ## Takeaways

    TODO(recapkit): what did you learn from this talk?
    ```

    Good:

    ```markdown
    ## Takeaways

    Profile before you optimise: most of the latency was in JSON encoding.
    ```

    ## Fix

    Write the missing text, or delete the section.
    """

    code = "RK401"
    name = "placeholder-left"
    summary = "A `TODO(recapkit)` placeholder from the scaffold is still in the post."
    draft_severity = Severity.INFO  # a draft is where placeholders belong
    Options = PlaceholderOptions

    def check(self, post: Post, context: LintContext) -> Iterator[Diagnostic]:
        if post.problem is not None or not post.text:
            return
        pattern = _compiled(self.options.pattern)
        for match in pattern.finditer(post.text):
            if post.in_code(match.start()):
                continue  # the post talks *about* the marker
            where = post.location(match.start())
            end = post.location(match.end())
            yield self.diagnostic(
                post,
                where.line,
                where.column,
                f"placeholder left: `{placeholder_text(post.text, match, pattern)}`",
                end_line=end.line,
                end_column=end.column,
            )


_QUOTE_LENGTH = 60


def placeholder_text(text: str, match: re.Match[str], pattern: re.Pattern[str]) -> str:
    """The marker with what follows it on its line (the part still to write), shortened.

    Stops at the line's end, at the next marker, and drops what closes the surrounding
    syntax (an HTML comment's ``-->``, a front matter value's closing quote).
    """
    line_end = text.find("\n", match.end())
    stop = len(text) if line_end == -1 else line_end
    following = pattern.search(text, match.end(), stop) if match.end() > match.start() else None
    if following is not None:
        stop = following.start()
    quoted = text[match.start() : stop].rstrip()
    quoted = quoted.removesuffix("-->").rstrip().rstrip("\"'`").rstrip()
    if len(quoted) > _QUOTE_LENGTH:
        quoted = quoted[: _QUOTE_LENGTH - 1].rstrip() + "…"
    return quoted or match.group(0)


@lru_cache(maxsize=8)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)
