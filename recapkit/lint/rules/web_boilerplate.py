"""RK306 web-boilerplate: page chrome of the web page a post was copied from is still in it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from recapkit.lint.diagnostics import Diagnostic, Severity
from recapkit.lint.rules.base import LintContext, NoOptions, Rule, shorten
from recapkit.post.inline_text import plain_text

if TYPE_CHECKING:
    from recapkit.post.token import Token
    from recapkit.post.types import Post

# Whole blocks (a paragraph, heading or list item, read as plain text) that only a blog engine
# or a WeChat article page writes: sharing, comment forms, navigation, reading counters.
_CHROME = re.compile(
    r"""^(?:
    posted\ (?:in|on|by)\ .{1,60}
    | filed\ under:?\ .{1,60}
    | share\ this(?:\ (?:post|article|story))?:?
    | share\ (?:on|via)\ (?:twitter|facebook|linkedin|weibo|wechat).{0,40}
    | click\ to\ (?:share|email|print)\ .{1,60}
    | like\ this:?
    | like\ loading\.*
    | related(?:\ posts|\ articles)?:?
    | leave\ a\ (?:reply|comment)
    | \d+\ (?:comments?|responses?|replies)
    | (?:no\ comments|comments\ are\ closed)\.?
    | your\ email\ address\ will\ not\ be\ published\..{0,80}
    | required\ fields\ are\ marked\ \*?\.?
    | (?:post\ comment|submit\ comment|cancel\ reply)
    | (?:previous|next)\ (?:post|article|entry):.{0,80}
    | \W*(?:previous|older|newer)\ posts?\W*
    | 发表(?:回复|评论)
    | 评论(?:\s*[（(]?\d+[)）]?)?
    | 留言(?:\s*\d+)?
    | (?:上一篇|下一篇)\s*[:：].{0,60}
    | 阅读原文
    | (?:微信)?扫一扫.{0,30}
    | 分享到\s*[:：]?.{0,30}
    | 您的(?:电子)?邮箱地址不会被公开.{0,60}
    | 必填项已用\s*\*?\s*标注
    | 阅读\s*\d+(?:\s*[·|]?\s*(?:在看|赞|点赞)\s*\d*)*
    | (?:点赞|在看|赞赏|喜欢此内容的人还喜欢)
    | 长按(?:二维码|识别).{0,30}
    | 预览时标签不可点
    | (?:继续|向上)滑动看下一个
    | 轻触阅读原文
    | 关注该公众号
    | 轻点两下取消(?:赞|在看)
    | 取消回复
    | 相关(?:文章|推荐|阅读)\s*[:：]?
    | 文章标签\s*[:：].{0,60}
    | 版权声明\s*[:：]\s*本文为.{0,20}博主原创文章.{0,120}
    | posted\ @\ \d{4}-\d{1,2}-\d{1,2}.{0,80}
    | open\ in\ app
    | like\ this:?\ like\ loading\.*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# A site footer copied with the article: only in the last blocks of the post.
_FOOTER = re.compile(
    r"^(?:copyright\s*)?(?:©|\(c\)|&copy;)\s*\d{4}.{0,80}$|^版权所有.{0,60}$", re.I
)
_FOOTER_BLOCKS = 3
_MAX_CHARS = 120
_BLOCKS = {"paragraph_open", "heading_open"}


class WebBoilerplate(Rule[NoOptions]):
    """Page chrome of a web page is left in the post: "Posted in", "Share this", "发表回复".

    Text copied from a rendered blog or a WeChat article often brings the page around the
    article with it: "Posted in Events", "Share this:", "Leave a reply", "Your email address
    will not be published", "上一篇：…", "发表回复", "阅读原文", "微信扫一扫", a reading
    counter, and the site footer ("Copyright © 2019 …"). This rule reports a paragraph,
    heading or list item whose whole text is such a line (English or Chinese), and a
    copyright line among the last three blocks of the post. A line that only *contains* these
    words ("we shared this on Twitter") is prose and never reported; so is text in code.
    A warning: the page works, but shows the reader a form or a button that does nothing.

    ## Why

    Your own site has its own comment form and share buttons; the copied ones are dead text
    in the middle of the post.

    ## Example

    Bad:

    ```markdown
    Thanks to everyone who came!

    Posted in Events

    Share this:

    发表回复
    ```

    Good:

    ```markdown
    Thanks to everyone who came!
    ```

    ## Fix

    Delete the lines. No automatic fix: a line of chrome may be the writer's own text.
    """

    code = "RK306"
    name = "web-boilerplate"
    summary = "Page chrome of a copied web page (Posted in, Share this, 发表回复) is left in."
    default_severity = Severity.WARNING

    def check(self, post: Post, context: LintContext) -> Iterator[Diagnostic]:
        blocks = list(_blocks(post))
        for index, (line, text) in enumerate(blocks):
            footer = index >= len(blocks) - _FOOTER_BLOCKS and _FOOTER.match(text)
            if len(text) <= _MAX_CHARS and (_CHROME.match(text) or footer):
                yield self.diagnostic(
                    post,
                    line,
                    0,
                    f"`{shorten(text, 40)}` is page chrome of the web page this was copied "
                    "from; readers see it as part of the post",
                )


def _blocks(post: Post) -> Iterator[tuple[int, str]]:
    """(first line, plain text) of each paragraph and heading outside code."""
    tokens = post.tokens
    for index, token in enumerate(tokens[:-1]):
        if token.type in _BLOCKS and token.map and not post.code.line_is_code(token.map[0]):
            text = _text(tokens[index + 1])
            if text:
                yield token.map[0], text


def _text(inline: Token) -> str:
    """The block's text as a reader sees it, trimmed of the punctuation chrome wears."""
    text = plain_text(inline.children or [])
    return " ".join(text.split()).strip(" -–—|·•»«>")
