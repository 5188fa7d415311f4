"""The local images recapkit did not find, and whether that is a verdict.

RK203 reports an image the generator would look up where recapkit looked, and not find. RK206
reports one whose place depends on something recapkit cannot see: a front matter key that only
a theme reads, a ``<base href>`` in the post, or a site whose generator was not detected. One
function decides for both rules, so an image is reported by exactly one of them.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from attrs import frozen

from recapkit._text import lazy_pattern
from recapkit.lint.rules._image import short
from recapkit.post.types import ImageKind, ImageRef
from recapkit.ssg import registry
from recapkit.ssg.images import ImageResolution, PathForm

if TYPE_CHECKING:
    from recapkit.lint.rules.base import LintContext
    from recapkit.post.token import Token
    from recapkit.post.types import Post

_BASE_HINT = re.compile(r"<base\s", re.IGNORECASE)


_base = lazy_pattern(
    r"""<base\s(?:[^>"']|"[^"]*"|'[^']*')*?(?<=\s)href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""",
    re.IGNORECASE,
)


_comment = lazy_pattern(r"<!--.*?(?:-->|\Z)", re.DOTALL)


_host = lazy_pattern(r"^(?:[A-Za-z][A-Za-z0-9+.-]*:|//)")


@frozen
class Unfound:
    """A local image that is not where recapkit looked for it."""

    image: ImageRef
    resolution: ImageResolution
    unverified: str = ""
    """Why recapkit cannot tell whether the generator would find it; "" when it can (the image
    is missing, or leaves the site)."""


def unfound_images(post: Post, context: LintContext) -> Iterator[Unfound]:
    """Every local image of *post* that is neither found nor beyond checking (remote, a
    template, a ``data:`` URI), with why it is unverified when it is."""
    base = base_href(post) if post.images else None
    for image in post.images:
        resolution = context.resolve_image(post, image)
        if resolution.remote or resolution.unresolvable or resolution.found is not None:
            continue
        if resolution.unverified:
            yield Unfound(image, resolution, resolution.reason)
        else:
            yield Unfound(image, resolution, _unverifiable(image, resolution, context, base))


def _unverifiable(
    image: ImageRef, resolution: ImageResolution, context: LintContext, base: str | None
) -> str:
    if image.kind is ImageKind.FRONT_MATTER:
        # Templates turn a front matter image into a URL of their own: a <base> does not move it.
        return _theme_key(image.key or "", context)
    if base is not None and _base_moves(base, resolution):
        return f'the post sets <base href="{short(base, 60)}">, which changes where the browser looks for it'
    return ""


def _theme_key(key: str, context: LintContext) -> str:
    """Why an image under front matter *key* cannot be verified ("" when it can): the generator
    does not define the key, so the theme that shows it decides where the file is."""
    name = key.rpartition(".")[2]  # `extra.cover` (Zola) is listed in image-keys as `cover`
    configured = context.settings.image_keys
    generator = context.generator
    if (configured is not None and name in configured) or key in generator.image_keys:
        return ""
    whose = "any generator" if generator is registry.generic() else generator.label
    return (
        f"`{key}` is no image key of {whose}: the theme that shows it decides where the file "
        f"is (list `{name}` in image-keys to check it as a site path)"
    )


def _base_moves(href: str, resolution: ImageResolution) -> bool:
    """Whether a ``<base href>`` changes the URL the browser asks for: it does for every
    page-relative URL, and for a site-absolute one when it names another host."""
    if resolution.form is PathForm.PAGE_RELATIVE:
        return True
    return resolution.form is PathForm.SITE_ABSOLUTE and _host().match(href.strip()) is not None


def base_href(post: Post) -> str | None:
    """The ``href`` of the post's first ``<base href>`` outside code and HTML comments (None:
    there is none). The browser resolves every relative URL of the page against it, wherever
    in the document it stands."""
    if _BASE_HINT.search(post.body) is None:
        return None
    for source, line in _html(post.tokens):
        if post.code.line_is_code(line):
            continue
        match = _base().search(_comment().sub("", source))
        if match is not None:
            return html.unescape(next(g for g in match.groups() if g is not None))
    return None


def _html(tokens: list[Token]) -> Iterator[tuple[str, int]]:
    """The raw HTML of *tokens* (blocks and inline tags), with the line each starts on."""
    for token in tokens:
        if token.map is None:
            continue
        if token.type == "html_block":
            yield token.content, token.map[0]
        elif token.type == "inline":
            for child in token.children or ():
                if child.type == "html_inline":
                    yield child.content, token.map[0]
