"""RK302 empty-link: a link without a target."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from recapkit.lint.diagnostics import Diagnostic
from recapkit.lint.rules.base import LintContext, NoOptions, Rule, shorten

if TYPE_CHECKING:
    from recapkit.post.types import Post


class EmptyLink(Rule[NoOptions]):
    """A link has no target: `[text]()`, `[]()` or `<a href="">`.

    Markdown inline and reference links and HTML `<a>` links whose URL is empty are reported
    (markdownlint MD042's main case). A link to `#` is left alone: it is the usual way to
    link to the top of the page. An error: the reader clicks and nothing happens (or the
    page reloads).

    ## Why

    Empty links are placeholders: a writer meant to add the slides or video URL after the
    event and forgot. A recap whose "Slides" link goes nowhere loses its most useful part.

    ## Example

    Bad:

    ```markdown
    Slides: [Generics in practice]()
    ```

    Good:

    ```markdown
    Slides: [Generics in practice](https://speakerdeck.com/alice/generics-in-practice)
    ```

    ## Fix

    Add the URL, or remove the link markup and keep the text.
    """

    code = "RK302"
    name = "empty-link"
    summary = "A link has an empty target (`[text]()`)."

    def check(self, post: Post, context: LintContext) -> Iterator[Diagnostic]:
        for link in post.links:  # a link in a code sample is code, never one of these
            if link.url.strip():
                continue
            label = (
                f"link `{shorten(link.text, 40)}`" if link.text.strip() else "a link with no text"
            )
            yield self.diagnostic(
                post,
                link.line,
                link.column,
                f"{label} has no URL",
                end_line=link.end_line,
                end_column=link.end_column,
            )
