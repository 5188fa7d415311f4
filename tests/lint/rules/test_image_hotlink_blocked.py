"""RK205 image-hotlink-blocked: hosts match subdomains and are configurable."""

from __future__ import annotations

from recapkit.lint.rules import ImageHotlinkBlocked
from tests.lint.rules.helpers import codes, run

FRONT = "---\ntitle: T\ndate: 2024-05-18\ncover: http://img.example.com/c.jpg\n---\n\n"


def test_hotlink_hosts_match_subdomains_and_are_configurable() -> None:
    body = (
        "![a](https://mmbiz.qpic.cn/mmbiz_jpg/x/640?wx_fmt=jpeg)\n\n"
        "![b](//wx1.sinaimg.cn/large/b.jpg)\n\n"
        "![c](https://notsinaimg.cn/c.jpg)\n\n"
        "![d](https://img.example.com/d.jpg)\n"
    )
    _post, found = run(ImageHotlinkBlocked(), FRONT + body)
    assert codes(found) == [(7, "RK205"), (9, "RK205")]
    _post, found = run(ImageHotlinkBlocked(), FRONT + body, hotlink_hosts=("Example.COM",))
    assert codes(found) == [(4, "RK205"), (13, "RK205")]  # the cover too
    assert run(ImageHotlinkBlocked(), FRONT + body, hotlink_hosts=())[1] == []
