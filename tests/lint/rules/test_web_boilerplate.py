"""RK306 web-boilerplate: page chrome as whole blocks is reported, the same words in prose not."""

from __future__ import annotations

import pytest

from recapkit.lint.rules.web_boilerplate import WebBoilerplate
from tests.lint.rules.helpers import codes, run

RULE = WebBoilerplate()
FRONT = "---\ntitle: T\n---\n\nThe recap itself.\n\n"


@pytest.mark.parametrize(
    "block",
    [
        "Posted in Events, Meetups",
        "**Share this:**",
        "- [Share on Twitter](https://twitter.com/intent)",
        "## Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
        "12 Comments",
        "« Previous Post",
        "发表回复",
        "上一篇：Go 1.18 泛型入门",
        "下一篇: GopherChina 报名开始",
        "[阅读原文](https://mp.weixin.qq.com/s/abc)",
        "微信扫一扫关注该公众号",
        "阅读 1024 · 在看 3",
        "分享到：",
        "预览时标签不可点",
        "继续滑动看下一个",
        "版权声明：本文为博主原创文章，遵循 CC 4.0 BY-SA 版权协议，转载请附上原文出处链接和本声明。",
        "posted @ 2019-04-01 21:03 gopher 阅读(1024) 评论(3) 编辑 收藏",
        "Like this: Like Loading...",
    ],
)
def test_page_chrome_is_reported_with_what_readers_see(block: str) -> None:
    _post, found = run(RULE, FRONT + block + "\n\nMore text.\n\nThe end.\n\nBye.\n")
    assert codes(found) == [(7, "RK306")]
    assert "is page chrome of the web page this was copied from" in found[0].message


@pytest.mark.parametrize(
    "block",
    [
        "We posted in the group chat when the doors opened.",
        "Share this post with a friend who missed the meetup, and leave a reply below.",
        "评论区的讨论很精彩，我们整理了三个问题。",
        "上一篇文章里我们讲了 Go 的调度器。",
        "```\nShare this:\n```",
        "Copyright © 2020 is in the middle, not at the end.",
    ],
)
def test_prose_with_the_same_words_and_code_are_not_reported(block: str) -> None:
    assert run(RULE, FRONT + block + "\n\nMore text.\n\nThe end.\n\nBye.\n")[1] == []


def test_a_copyright_line_is_a_footer_only_among_the_last_blocks() -> None:
    _post, found = run(RULE, FRONT + "Thanks!\n\n© 2023 Example Gophers. All rights reserved.\n")
    assert codes(found) == [(9, "RK306")]
