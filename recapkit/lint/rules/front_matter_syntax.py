"""RK102 front-matter-syntax: the front matter does not parse."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from recapkit.lint.diagnostics import Diagnostic
from recapkit.lint.rules.base import LintContext, NoOptions, Rule

if TYPE_CHECKING:
    from recapkit.post.types import Post


class FrontMatterSyntax(Rule[NoOptions]):
    """The front matter is not valid YAML, TOML or JSON.

    Reported at the line and column where the parser gave up. An error: the SSG stops the
    build (Hugo, Zola) or publishes the page without any of its metadata (Hexo, Jekyll).

    ## Why

    The classic YAML trap is an unquoted `: ` inside a value, such as a title with a colon.
    Others: a tab for indentation, an unclosed quote, `key = value` in a YAML block,
    a `+++` block whose strings are not quoted. A key written twice in a YAML block (at any
    depth) is reported too, at the second one: PyYAML would keep the later value silently, but
    Hugo (go-yaml v3) and Hexo (js-yaml) refuse to build such a post.

    ## Example

    Bad:

    ```yaml
    ---
    title: GopherChina 2024: what we learned
    ---
    ```

    Good:

    ```yaml
    ---
    title: "GopherChina 2024: what we learned"
    ---
    ```

    ## Fix

    Quote the value (YAML: `"..."`, escaping `"` and `\\` inside), or fix what the message
    names at the reported position; for a duplicate key, keep the value you mean and delete the
    other.
    """

    code = "RK102"
    name = "front-matter-syntax"
    summary = "The front matter does not parse as YAML, TOML or JSON."

    def check(self, post: Post, context: LintContext) -> Iterator[Diagnostic]:
        front_matter = post.front_matter
        if front_matter is not None and front_matter.error is not None:
            error = front_matter.error
            kind = front_matter.format.value.upper()
            yield self.diagnostic(
                post, error.line, error.column, f"invalid {kind} front matter: {error.message}"
            )
