"""RK303 emphasis-not-rendered: ``**嘉宾：**刘洋`` shows its asterisks on the site."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from recapkit.lint.diagnostics import Diagnostic, Edit, Fix
from recapkit.lint.rules.base import LintContext, NoOptions, Rule, shorten
from recapkit.post.emphasis import unrendered_emphasis

if TYPE_CHECKING:
    from recapkit.post.types import Post


class EmphasisNotRendered(Rule[NoOptions]):
    """Bold or italic text that the site's renderer shows with its asterisks (`**嘉宾：**刘洋`).

    CommonMark closes `**` (or `*`, `***`) after punctuation only when whitespace or more
    punctuation follows, and opens it before punctuation only after whitespace or punctuation
    ([commonmark-spec#650](https://github.com/commonmark/commonmark-spec/issues/650)). Whether a
    post breaks depends on the site's renderer, and this rule asks it:

    | site | renderer | `**嘉宾：**刘洋` |
    |---|---|---|
    | Hugo | goldmark | asterisks shown: reported |
    | Hexo | hexo-renderer-marked (the default) or -markdown-it | asterisks shown: reported |
    | Zola | pulldown-cmark (Zola does not enable its CJK option) | asterisks shown: reported |
    | Jekyll | kramdown (the default) | bold: not reported |
    | Jekyll | `markdown: CommonMark` / `CommonMarkGhPages` | asterisks shown: reported |
    | no generator detected | GitHub and most renderers follow CommonMark | reported |
    | another renderer (pandoc, kramed ...) | unknown | not reported |

    Each row was checked by rendering the same 110 variants with the real program
    (`tests/ssg/test_renderers_real.py`): the rule reports exactly the ones each renderer shows
    as text. Code, HTML, link reference definitions and front matter are not checked; nor are
    `_` and `__` (beside punctuation they are mostly math such as `t_{before}`, file names and
    identifiers), nor a single `*` outside CJK text (`a*(b+c)*d`). An error: the reader sees `**`.

    ## Why

    Chinese and Japanese put no space around punctuation, so a writer's `**嘉宾：**刘洋`,
    `这是**「重要」**内容` or `*注意，*这里` looks right in an editor that renders it leniently and
    reaches the reader with its asterisks. English meets the same rule (`**Note:**text`).

    ## Example

    Bad:

    ```markdown
    **嘉宾：**刘洋（腾讯）
    这是**「重要」**内容
    ```

    Good:

    ```markdown
    **嘉宾**：刘洋（腾讯）
    这是「**重要**」内容
    ```

    ## Fix

    `recapkit lint --fix` moves the punctuation outside the delimiters and keeps every
    character. Adding spaces instead would change the text and, beside full-width
    punctuation, still not render. Only what the fix repairs is reported: each finding is
    confirmed by rendering the line before and after the edit.
    """

    code = "RK303"
    name = "emphasis-not-rendered"
    summary = "Bold or italic text the site's renderer shows with its asterisks (`**嘉宾：**刘洋`)."
    fixable = True

    def check(self, post: Post, context: LintContext) -> Iterator[Diagnostic]:
        if "*" not in post.text and "_" not in post.text:
            return
        renderer = context.generator.renderer(context.site)
        if not renderer.punctuation_blocks_emphasis:
            return
        for line in _inline_lines(post):
            start = post.offset(line)
            end = post.text.find("\n", start)
            text = post.text[start : end if end != -1 else len(post.text)]
            for found in unrendered_emphasis(text.rstrip("\r")):
                if post.in_code(start + found.start) or post.in_code(start + found.end - 1):
                    continue
                fix = Fix(
                    (Edit(start + found.start, start + found.end, found.replacement),),
                    "move the punctuation outside the delimiters",
                )
                yield self.diagnostic(
                    post,
                    line,
                    found.start,
                    f"`{shorten(found.source, 40)}` is shown with its asterisks by {renderer.name}: "
                    f"write `{shorten(found.replacement, 40)}`",
                    end_line=line,
                    end_column=found.end,
                    fix=fix,
                )


def _inline_lines(post: Post) -> Iterator[int]:
    """The lines of paragraphs, headings and table rows (what holds inline Markdown), once each;
    not a link reference definition (`[label]: url "title"`), which the page never shows."""
    seen: set[int] = set()
    for token in post.tokens:
        if token.type != "inline" or not token.map:
            continue
        for line in range(*token.map):
            if line in seen or post.code.line_is_code(line):
                continue
            seen.add(line)
            if not _DEFINITION.match(post.text, post.offset(line)):
                yield line


_DEFINITION = re.compile(r" {0,3}\[(?:[^\]\\\n]|\\.)+\]:")
