"""RK203 image-not-found: local images resolved the way the site's generator resolves them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from recapkit.lint.diagnostics import Diagnostic
from recapkit.lint.rules._image import ImageRule, short
from recapkit.lint.rules._local_image import unfound_images
from recapkit.lint.rules.base import LintContext, NoOptions

if TYPE_CHECKING:
    from recapkit.post.types import Post


class ImageNotFound(ImageRule[NoOptions]):
    """A local image does not exist where the SSG will look for it.

    Local image paths are resolved the way the site's SSG does (see `docs/posts.md`):
    page-relative paths, Hugo page bundles and `static/` for root-relative paths, Hexo's
    `source/` and post asset folders (`{% asset_img %}`), the theme's static folder (for
    Hexo also a theme installed from npm), Jekyll's site root and
    `{{ site.baseurl }}` prefix, Zola's `static/` and colocated assets; query strings
    and fragments are ignored, `%20` is decoded. Front matter images are checked under the
    keys the generator itself defines as images (Hugo `images`, Hexo `photos`, Jekyll
    `image`) and the keys listed in `image-keys`. The message lists the places that were
    tried. A path that climbs out of the site is reported without looking at the file system.
    Remote URLs and templated paths that cannot be evaluated (`{{ .Site.Params.cdn }}/x.png`)
    are skipped. An error: the reader gets a broken image.

    Where the place of a file depends on what recapkit cannot see, a missing file is RK206
    (information), not this error: a theme's front matter key (`cover`, `thumbnail`), a post
    with a `<base href>`, a root-relative path on a site whose generator was not detected.

    ## Why

    Images go missing when posts move between folders, when a file is renamed but not the
    reference, when a case-insensitive laptop hides `Photo.JPG` vs `photo.jpg`, or when a
    large file never got committed (Git LFS, `.gitignore`).

    ## Example

    Bad (the file is `static/img/devfest-2019/stage.jpg`):

    ```markdown
    ![The DevFest stage](/img/devfest2019/stage.jpg)
    ```

    Good:

    ```markdown
    ![The DevFest stage](/img/devfest-2019/stage.jpg)
    ```

    ## Fix

    Correct the path or add the file. If your site keeps static files elsewhere, set
    `static-dirs` in `[tool.recapkit]`.
    """

    code = "RK203"
    name = "image-not-found"
    summary = "A local image file does not exist where the SSG looks for it."
    uses_filesystem = True

    def check(self, post: Post, context: LintContext) -> Iterator[Diagnostic]:
        # Tried paths are shown from the site's root, or without a site from the post's folder
        # (never absolute: the message is the same wherever recapkit runs).
        root = context.site.root if context.site is not None else _folder(post.path)
        for unfound in unfound_images(post, context):
            if unfound.unverified:
                continue  # RK206's
            image, resolution = unfound.image, unfound.resolution
            if resolution.outside_site:
                message = f"image {short(image.src)} points outside the site"
            else:
                tried = ", ".join(_relative(path, root) for path in resolution.candidates)
                where = "" if context.site is not None else " in the post's folder"
                message = f"image {short(image.src)} not found" + (
                    f" (tried {tried}{where})" if tried else ""
                )
            yield self.at_image(post, image, message)


def _relative(path: Path, root: Path) -> str:
    for base in (root, _resolved(root)):
        try:
            return path.relative_to(base).as_posix()
        except ValueError:
            continue
    return path.as_posix()


def _folder(path: Path) -> Path:
    return _resolved(path).parent


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path
