"""RK202 image-alt-filename: alt text that names a file or only says "image"."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from recapkit.data.text_checks import alt_problem
from recapkit.lint.diagnostics import Diagnostic, Severity
from recapkit.lint.rules._image import ImageRule, short
from recapkit.lint.rules.base import LintContext, NoOptions
from recapkit.post.types import ImageKind

if TYPE_CHECKING:
    from recapkit.post.types import Post


class ImageAltFilename(ImageRule[NoOptions]):
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
