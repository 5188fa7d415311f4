"""RK209 cross-post-anchor-not-found: a link to a heading of another post of the site that the
other post does not have."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from recapkit.lint.diagnostics import Diagnostic, Severity
from recapkit.lint.rules.anchor_not_found import has_fragment, hint
from recapkit.lint.rules.base import LintContext, NoOptions, Rule, shorten

if TYPE_CHECKING:
    from recapkit.lint.cache import FragmentLinkData
    from recapkit.post.types import Post


class CrossPostAnchorNotFound(Rule[NoOptions]):
    """A link to a `#fragment` of another post of the site names no heading or anchor that post has.

    The other post's headings are turned into ids the way the site's renderer does it, as for
    links within a post (RK208, whose table shows how Hugo, Jekyll and Hexo differ on Chinese
    headings), and the fragment must name one of them, an explicit `{#id}` (where the renderer
    reads it), or an `id`/`name` of an HTML tag of that post. The links followed are the ones that name the other post's
    file exactly:

    - a relative link to a Markdown file, on every generator: `[x](other.md#id)`,
      `[x](../2021/other.md#安装-go)` (from the linking post's folder; GitHub, editors and
      Jekyll's `jekyll-relative-links` follow it, Hugo and Hexo leave it as written);
    - Hugo's `{{< ref "other.md#id" >}}` and `relref` (a fragment after the shortcode too):
      the path from the post's folder, then from the content folder, a leading `/` from the
      content folder only; `x` is `x.md` or the bundle `x/index.md`;
    - Jekyll's `{% post_url 2021-06-28-slug %}#id` (also after `{{ site.baseurl }}`);
    - Hexo's `{% post_link slug#id %}` (added by hexojs/hexo#5356, December 2023), the
      slug read from each post's path below `_posts` as `new_post_name` says.

    Not followed: links by URL (`/2021/06/28/slug/#id`, which would need each generator's
    permalink rules), a `ref` by bare name that Hugo finds by searching the site, a
    `post_link` by title. Zola sites are left alone: Zola checks every internal link
    with an anchor (`@/blog/post.md#id`) itself when it builds, with the ids it makes. A link
    whose file does not exist, or lies outside the site, is not this rule's business.

    The check runs after every post is linted, so it sees the other post as it is now, even
    when only the linking post is linted (`recapkit lint one.md`, an editor) or comes from the
    cache. Suppression comments, `per-file-ignores` and severities apply to it as to any rule;
    they are read from the linking post.

    ## Why

    A link to a section of an earlier recap ("see the Q&A of last year's meetup") breaks
    silently when that post's heading is reworded, and Chinese headings make it easy to write
    the id wrong: the reader lands at the top of the other post.

    ## Example

    Bad (on Hugo, `2021-recap.md` has the heading `## 问答环节`):

    ```markdown
    见[去年的问答]({{< ref "2021-recap.md#问答" >}})。
    ```

    Good:

    ```markdown
    见[去年的问答]({{< ref "2021-recap.md#问答环节" >}})。
    ```

    ## Fix

    Use the id the message suggests when one is close, or give the other post's heading an
    explicit id (`## 问答环节 {#qa}` on Hugo and Jekyll) and link to that.
    """

    code = "RK209"
    name = "cross-post-anchor-not-found"
    summary = "A link names a `#fragment` another post of the site does not have."
    default_severity = Severity.WARNING

    def check(self, post: Post, context: LintContext) -> Iterator[Diagnostic]:
        """Nothing per post: :mod:`recapkit.lint.cross_posts` checks once every post is linted."""
        return iter(())

    def missing(
        self, path: str, link: FragmentLinkData, target: str, wanted: str, anchors: set[str]
    ) -> Diagnostic | None:
        """The finding for the link *link* of the post *path* to *wanted* in the post *target*
        (as shown) whose ids are *anchors*; None when that post has it."""
        if has_fragment(anchors, wanted):
            return None
        _url, line, column, end_line, end_column = link
        message = f"no heading or anchor #{shorten(wanted, 60)} in {target}{hint(wanted, anchors)}"
        return Diagnostic(
            path=path,
            line=line,
            column=column,
            code=self.code,
            name=self.name,
            message=message,
            severity=self.default_severity,
            end_line=end_line,
            end_column=end_column,
        )
