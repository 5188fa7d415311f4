"""RK205 image-hotlink-blocked: an image on a host that refuses other sites."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from recapkit.lint.diagnostics import Diagnostic, Severity
from recapkit.lint.rules._image import ImageRule, host
from recapkit.lint.rules.base import LintContext, NoOptions

if TYPE_CHECKING:
    from recapkit.post.types import Post


class ImageHotlinkBlocked(ImageRule[NoOptions]):
    """An image is hosted where hotlinking is blocked (WeChat, Weibo, ...).

    Reports images on hosts that refuse to serve other sites: by default WeChat's
    `mmbiz.qpic.cn`, `mmbiz.qlogo.cn` and `mmsns.qpic.cn`, Weibo's `sinaimg.cn`, Jianshu's
    `upload-images.jianshu.io` and Yuque's `cdn.nlark.com` (a host matches with its
    subdomains). Add your own with `hotlink-hosts = ["img.example.cn"]` in `[tool.recapkit]`.
    A warning, decided by policy because a status check cannot see the problem.

    ## Why

    These hosts check the `Referer` header. Opened directly, or by a link checker, the image
    loads; embedded in your blog, readers get a 403 or, worse, a *placeholder image* ("此图片来自
    微信公众平台，未经允许不可引用") with status 200. Recaps copied from a WeChat article
    keep all their images on `mmbiz.qpic.cn`.

    ## Example

    Bad:

    ```markdown
    ![Panel discussion](https://mmbiz.qpic.cn/mmbiz_jpg/AbC123/640?wx_fmt=jpeg)
    ```

    Good:

    ```markdown
    ![Panel discussion](/img/2024/panel.jpg)
    ```

    ## Fix

    Download the image and commit it to the site (or your own image host), then point to
    that copy.
    """

    code = "RK205"
    name = "image-hotlink-blocked"
    summary = "An image is on a host that blocks hotlinking (WeChat `mmbiz.qpic.cn`, ...)."
    default_severity = Severity.WARNING

    def check(self, post: Post, context: LintContext) -> Iterator[Diagnostic]:
        hosts = context.settings.hotlink_hosts
        if not hosts:
            return
        for image in post.images:
            name = host(image.src)
            if name and any(name == h or name.endswith("." + h) for h in hosts):
                yield self.at_image(
                    post,
                    image,
                    f"image host {name} blocks hotlinking; readers get a placeholder or 403",
                )
