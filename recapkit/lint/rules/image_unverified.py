"""RK206 image-unverified: a local image whose place depends on what recapkit cannot see."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from recapkit.lint.diagnostics import Diagnostic, Severity
from recapkit.lint.rules._image import ImageRule, short
from recapkit.lint.rules._local_image import unfound_images
from recapkit.lint.rules.base import LintContext, NoOptions

if TYPE_CHECKING:
    from recapkit.post.types import Post


class ImageUnverified(ImageRule[NoOptions]):
    """A local image was not found, and recapkit cannot tell whether the site serves it.

    RK203 reports a local image only where recapkit knows where the generator looks. These
    cases are reported here instead, as information, with the reason:

    - **A front matter key that the generator does not define as an image.** Each generator
      defines few image keys of its own: Hugo `images` (its Open Graph, Twitter card and schema
      templates), Hexo `photos` (gallery posts), Jekyll `image` (jekyll-seo-tag); Zola none.
      `cover`, `thumbnail`, `featured_image` and the like belong to the theme, which may look
      the file up next to the post, in an `images/` folder, on a CDN, or build it from a name:
      recapkit cannot tell a missing file from one the theme finds elsewhere. Keys listed in
      `image-keys` are checked as site paths (RK203).
    - **A `<base href="...">` in the post.** The browser resolves every relative URL of the
      page against it, so a page-relative image (and a site-absolute one when the base names
      another host) is not fetched from where the file would be on disk.
    - **A root-relative path (`/images/x.png`), or one that climbs out of the post's folder,
      when no site generator was detected.** No static folder is known, and recapkit does not
      guess one.
    - **A root-relative path found in no static folder of the site, when one of the folders the
      generator serves links to a place outside the site** (a Hexo theme installed with
      `npm link`). recapkit never looks outside the site root.

    Images that are found, remote URLs and template expressions are not reported. An image is
    reported by RK203 or by RK206, never by both. This is information, not a failure: it tells
    you what was left unchecked.

    ## Why

    A "not found" error for a file the theme serves from elsewhere is a false alarm that teaches
    writers to ignore RK203. Saying nothing would hide that the image was never checked.

    ## Example

    On a Hugo site whose theme shows `cover` images from its own folder:

    ```text
    content/posts/meetup.md:4:8: RK206 image cover.jpg not verified: `cover` is no image key of Hugo: the theme that shows it decides where the file is (list `cover` in image-keys to check it as a site path)
    ```

    ## Fix

    Nothing, when the image shows on the built site. To have recapkit check a theme's key as a
    site path, list it in `image-keys` in `[tool.recapkit]` (then a missing file is RK203).
    For an undetected site, name its generator with `ssg =` (or `--ssg`). To fail CI on these,
    set `severity = { RK206 = "error" }`; to hide them, `ignore = ["RK206"]`.
    """

    code = "RK206"
    name = "image-unverified"
    summary = "A local image was not found, but where the site serves it from is beyond recapkit."
    default_severity = Severity.INFO
    uses_filesystem = True

    def check(self, post: Post, context: LintContext) -> Iterator[Diagnostic]:
        for unfound in unfound_images(post, context):
            if unfound.unverified:
                message = f"image {short(unfound.image.src)} not verified: {unfound.unverified}"
                yield self.at_image(post, unfound.image, message)
