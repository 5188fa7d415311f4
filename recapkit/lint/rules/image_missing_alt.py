"""RK201 image-missing-alt: an image in the text has no alt text."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from recapkit.lint.diagnostics import Diagnostic, Severity
from recapkit.lint.rules._image import ImageRule, short
from recapkit.lint.rules.base import LintContext, NoOptions
from recapkit.post.types import ImageKind

if TYPE_CHECKING:
    from recapkit.post.types import ImageRef, Post


class ImageMissingAlt(ImageRule[NoOptions]):
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
