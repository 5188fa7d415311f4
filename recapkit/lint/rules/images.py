"""Image rules: alt text, local files that exist, secure URLs, hosts that block hotlinking."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from recapkit.data.text_checks import alt_problem
from recapkit.lint.diagnostics import Diagnostic, Severity
from recapkit.lint.rules.base import LintContext, Rule
from recapkit.post.types import ImageKind

if TYPE_CHECKING:
    from recapkit.post.types import ImageRef, Post

_LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "0.0.0.0"})


def short(src: str, limit: int = 80) -> str:
    return src if len(src) <= limit else src[: limit - 1] + "…"


class ImageRule(Rule):
    """Shared by image rules: a diagnostic spanning the image reference."""

    def at_image(self, post: Post, image: ImageRef, message: str) -> Diagnostic:
        return self.diagnostic(
            post,
            image.line,
            image.column,
            message,
            end_line=image.end_line,
            end_column=image.end_column,
        )


class ImageMissingAlt(ImageRule):
    """An image in the text has no alt text.

    Checks Markdown images (`![](x.png)`, also reference images), HTML `<img>` without an
    `alt` attribute, Hugo `figure`/`img` shortcodes without `alt`, and Hexo
    `{% asset_img %}`/`{% img %}` tags without alt text (Hexo's syntax is
    `{% asset_img slug [title text [alt text]] %}`: a title alone gives no alt). Images named in the front matter
    (`cover:`, `images:`) are not checked: their alt text, if any, comes from the theme.
    An explicitly empty `<img alt="">` marks a decorative image and is accepted (as in HTML).
    A warning: the post works, but not for everyone.

    ## Why

    Screen readers read the alt text instead of the image; search engines and feed readers
    show it when the image does not load (a common fate of recap photos on third-party hosts).
    A recap's photos and slides carry content that readers without the image miss entirely.

    ## Example

    Bad:

    ```markdown
    ![](/img/2024/keynote.jpg)
    {% asset_img stage.webp %}
    ```

    Good:

    ```markdown
    ![Alice presenting the Go 1.22 range-over-func proposal](/img/2024/keynote.jpg)
    {% asset_img stage.webp "Main stage" "The main stage with 300 attendees" %}
    ```

    ## Fix

    Describe what the image shows, in the language of the post. For a screenshot of a slide,
    give the slide's point.
    """

    code = "RK201"
    name = "image-missing-alt"
    summary = "An image in the text has no alt text."
    default_severity = Severity.WARNING

    def check(self, post: Post, context: LintContext) -> Iterator[Diagnostic]:
        for image in post.images:
            if image.kind is ImageKind.FRONT_MATTER:
                continue
            if image.alt is None:
                yield self.at_image(post, image, f"image {short(image.src)} {_missing(image)}")
            elif not image.alt.strip() and image.kind is not ImageKind.HTML:
                yield self.at_image(post, image, f"image {short(image.src)} has empty alt text")


def _missing(image: ImageRef) -> str:
    if image.kind is ImageKind.HTML:
        return "has no alt attribute"
    if image.kind is ImageKind.HEXO_TAG and image.title:
        return "has a title but no alt text (Hexo takes alt after the title)"
    return "has no alt text"


class ImageAltFilename(ImageRule):
    """An image's alt text is a file name or a placeholder, not a description.

    Reported: a file name (`IMG_0273.JPG`, `1-2013-7-27 13-57-36.JPG`), a camera or
    screenshot name (`DSC01234`, `Screenshot_20240518`, Typora's `image-20210315103209386`),
    a browser tab title pasted with the image (`x.png(PNG 图像,981x326 像素)`,
    `x.png (PNG Image, 981 × 326 pixels)`), or a word that only says "image" (`image`,
    `photo`, `截图`, `图片`). A warning: better than nothing for nobody.

    ## Why

    Editors and upload tools fill the alt text with the file name; it reads out as noise
    ("IMG underscore zero two seven three dot JPG") and tells nothing about the photo.

    ## Example

    Bad:

    ```markdown
    ![IMG_1023.JPG](http://img.example.com/130811/IMG_1023.JPG)
    ```

    Good:

    ```markdown
    ![Attendees at the Zhuhai GDG meetup, August 2013](https://img.example.com/130811/IMG_1023.JPG)
    ```

    ## Fix

    Replace the alt text with a description of what the image shows.
    """

    code = "RK202"
    name = "image-alt-filename"
    summary = "An image's alt text is a file name or a placeholder word."
    default_severity = Severity.WARNING

    def check(self, post: Post, context: LintContext) -> Iterator[Diagnostic]:
        for image in post.images:
            if image.kind is ImageKind.FRONT_MATTER or not image.alt:
                continue
            problem = alt_problem(image.alt)
            if problem:
                yield self.at_image(
                    post,
                    image,
                    f"alt text {short(image.alt, 60)!r} is {problem}; describe what the image shows",
                )


class ImageInsecureUrl(ImageRule):
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
            host = _host(src)
            if host and host not in _LOCAL_HOSTS:
                yield self.at_image(post, image, f"image {short(src)} uses http://; use https://")


class ImageHotlinkBlocked(ImageRule):
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
            host = _host(image.src)
            if host and any(host == h or host.endswith("." + h) for h in hosts):
                yield self.at_image(
                    post,
                    image,
                    f"image host {host} blocks hotlinking; readers get a placeholder or 403",
                )


def _host(src: str) -> str | None:
    text = src.strip()
    if text.startswith("//"):
        text = "https:" + text
    if not text[:8].lower().startswith(("http://", "https://")):
        return None
    try:
        return (urlsplit(text).hostname or "").lower() or None
    except ValueError:
        return None
