"""RK204 image-insecure-url: an image loaded over plain ``http://``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from recapkit.lint.diagnostics import Diagnostic, Severity
from recapkit.lint.rules._image import ImageRule, host, short
from recapkit.lint.rules.base import LintContext, NoOptions

if TYPE_CHECKING:
    from recapkit.post.types import Post


_LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "0.0.0.0"})


class ImageInsecureUrl(ImageRule[NoOptions]):
    """An image is loaded over plain `http://`.

    Every image URL (text and front matter) that starts with `http://` is reported, except
    `localhost` addresses. A warning: the image still shows on many browsers today, but not
    reliably.

    ## Why

    A site served over HTTPS that embeds `http://` images is *mixed content*: browsers
    upgrade such requests to HTTPS and show a broken image when the host does not support it,
    or block them; the address bar loses its padlock. Old recaps are full of such URLs.

    ## Example

    Bad:

    ```markdown
    ![Group photo](http://img.example.com/2013/group.jpg)
    ```

    Good:

    ```markdown
    ![Group photo](https://img.example.com/2013/group.jpg)
    ```

    ## Fix

    Switch to `https://` after checking that the host serves the image over HTTPS
    (`recapkit lint --remote` checks it), or copy the image into the site.
    """

    code = "RK204"
    name = "image-insecure-url"
    summary = "An image is loaded over plain `http://`."
    default_severity = Severity.WARNING

    def check(self, post: Post, context: LintContext) -> Iterator[Diagnostic]:
        for image in post.images:
            src = image.src.strip()
            if src[:7].lower() != "http://":
                continue
            name = host(src)
            if name and name not in _LOCAL_HOSTS:
                yield self.at_image(post, image, f"image {short(src)} uses http://; use https://")
