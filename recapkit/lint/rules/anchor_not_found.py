"""RK208 anchor-not-found: a link to a heading of the same post that the post does not have."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING
from urllib.parse import unquote

from recapkit._text import lazy_pattern
from recapkit.lint.diagnostics import Diagnostic, Severity
from recapkit.lint.rules.base import LintContext, NoOptions, Rule, shorten
from recapkit.ssg.anchors import Slugger, numbered

if TYPE_CHECKING:
    from recapkit.post.token import Token
    from recapkit.post.types import Post


# `## Title {#custom-id}` (goldmark's attribute syntax, on in Hugo; kramdown's header IDs).
_explicit_id = lazy_pattern(r"\s*\{[^{}]*#([^\s{}.#]+)[^{}]*\}\s*$")


# Any id or name an HTML tag of the post gives (`<a id="x">`, `<h2 id="x">`, `<a name="x">`).
_html_id = lazy_pattern(r"""\b(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""", re.I)


_PAGE_IDS = frozenset({"", "top", "more", "comments", "content", "main"})
"""Fragments a page has whatever the post says: the top (`#`, `#top`), Hexo's `<!-- more -->`
anchor, and what themes put around a post (comments, the content)."""


_footnote = lazy_pattern(r"^(?:fn|fnref)[:\-_]?\w*$")


class AnchorNotFound(Rule[NoOptions]):
    """A link to a `#fragment` of the same post names no heading or anchor the post has.

    The post's headings are turned into ids the way the site's renderer does it, and a link
    `[text](#id)` must name one of them (or an `id`/`name` an HTML tag of the post sets, or an
    explicit `{#id}` after a heading where the renderer reads it: goldmark and kramdown do,
    Hexo's marked does not and slugs it with the heading, `## 问答 {#qa}` -> `问答-qa`). The renderers differ, on Chinese headings above all:

    | Heading | Hugo (goldmark) | Jekyll (kramdown GFM) | Hexo (marked) |
    |---|---|---|---|
    | `## 安装 Go` | `安装-go` | `安装-go` | `安装-Go` |
    | `## Hello, World! 你好，世界` | `hello-world-你好世界` | `hello-world-你好世界` | `Hello-World-你好，世界` |
    | `## API_Key & C++ (v2.0)` | `api_key--c-v20` | `api_key--c-v20` | `API-Key-C-v2-0` |

    A repeated heading gets `-1`, `-2`, ... Zola transliterates Chinese (`an-zhuang-go`) with
    tables recapkit does not have, so on Zola sites, and on sites with another renderer, links
    to headings are not checked. Footnote links (`#fn:1`) and the page's own anchors (`#top`,
    Hexo's `#more`, `#comments`) are left alone.

    ## Why

    A table of contents written by hand, or a "see above" link, breaks silently when a heading
    is reworded, and Chinese headings make it easy to guess the id wrong: the link then just
    stays at the top of the page.

    ## Example

    Bad (on Hugo):

    ```markdown
    见 [安装](#安装Go)。

    ## 安装 Go
    ```

    Good:

    ```markdown
    见 [安装](#安装-go)。
    ```

    ## Fix

    Use the id the message suggests when one is close, or give the heading an explicit id
    (`## 安装 Go {#install}` on Hugo and Jekyll) and link to that.
    """

    code = "RK208"
    name = "anchor-not-found"
    summary = "A `#fragment` link names no heading or anchor of the same post."
    default_severity = Severity.WARNING

    def check(self, post: Post, context: LintContext) -> Iterator[Diagnostic]:
        links = [link for link in post.links if link.url.startswith("#")]
        slugger = context.generator.heading_anchor(context.site) if links else None
        if slugger is None:
            return
        attributes = context.generator.renderer(context.site).heading_attributes
        anchors = post_anchors(post, slugger, attributes=attributes)
        for link in links:
            wanted = unquote(link.url[1:])
            if has_fragment(anchors, wanted):
                continue
            yield self.diagnostic(
                post,
                link.line,
                link.column,
                f"no heading or anchor #{shorten(wanted, 60)} in this post{hint(wanted, anchors)}",
                end_line=link.end_line,
                end_column=link.end_column,
            )


def has_fragment(anchors: set[str], wanted: str) -> bool:
    """Whether a page with *anchors* has the fragment *wanted* (a heading's id, a footnote, the
    page's own anchors)."""
    return wanted in anchors or wanted.lower() in _PAGE_IDS or bool(_footnote().match(wanted))


def post_anchors(post: Post, slugger: Slugger, *, attributes: bool) -> set[str]:
    """Every id the rendered post has: its headings' (as the renderer makes them, repeats
    numbered), explicit `{#id}`s when the renderer reads heading *attributes* (else they are
    text of the heading), and the ids and names of its HTML tags."""
    slugs: list[str] = []
    explicit: set[str] = set()
    for text in _heading_texts(post.tokens):
        match = _explicit_id().search(text) if attributes else None
        if match:
            explicit.add(match[1])
        else:
            slugs.append(slugger(text))
    html = (t.content for t in _all_tokens(post.tokens) if t.type in ("html_block", "html_inline"))
    tagged = {
        next(g for g in m.groups() if g is not None) for h in html for m in _html_id().finditer(h)
    }
    return set(numbered(slugs)) | explicit | tagged


def _heading_texts(tokens: list[Token]) -> Iterator[str]:
    for index, token in enumerate(tokens[:-1]):
        if token.type == "heading_open" and tokens[index + 1].type == "inline":
            yield _plain(tokens[index + 1])


def _plain(inline: Token) -> str:
    """The text of a heading as renderers slug it: text and code, without the markup."""
    parts = []
    for child in inline.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)


def _all_tokens(tokens: list[Token]) -> Iterator[Token]:
    for token in tokens:
        yield token
        yield from token.children or ()


def hint(wanted: str, anchors: set[str]) -> str:
    """``(did you mean #x?)`` when an id differs only in case, spaces or hyphens."""

    def key(text: str) -> str:
        return re.sub(r"[\s\-_]+", "", text).lower()

    close = sorted(a for a in anchors if key(a) == key(wanted))
    return f" (did you mean #{close[0]}?)" if close else ""
