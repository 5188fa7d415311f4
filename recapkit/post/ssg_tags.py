"""Template tags inside a post's Markdown: the shortcodes and tags that show an image, and the
tag pairs whose content a generator renders as code.

To Markdown both are ordinary text: ``{{< figure src="x.png" >}}`` is a paragraph, and so are
the lines between ``{% highlight go %}`` and ``{% endhighlight %}``. Which tags a generator has,
and how it reads their arguments, is that generator's business (``recapkit/ssg/<name>.py``
states it as a :class:`TagSyntax`); this module only finds them in a post, skipping code, and
pairs the code-block tags. Patterns must be bounded, so that an unclosed tag cannot cost
quadratic time.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from attrs import frozen

from recapkit._text import LineIndex, lazy_pattern
from recapkit.post.types import ImageRef

Position = tuple[int, int]
ReadImage = Callable[[re.Match[str], Position, Position], ImageRef | None]
"""The image a tag match shows, given the match and its 0-based start and end; None: no source."""


@frozen
class ImageTags:
    """Shortcodes or tags that show an image (Hugo's ``figure``, Hexo's ``asset_img``, ...)."""

    opener: str
    """Text every such tag starts with (``{{``): a post without it is not scanned."""
    pattern: re.Pattern[str]
    read: ReadImage


@frozen
class CodeTags:
    """Tag pairs whose content is code. The pattern's ``name`` group names the tag; its
    ``close`` group matches only in the closing tag (``end`` of ``endhighlight``, ``/``)."""

    opener: str
    """Text every such tag starts with (``{%``): a post without it is not scanned."""
    pattern: re.Pattern[str]


@frozen
class TagSyntax:
    """The template tags of one generator (or of several, joined with ``|``)."""

    images: tuple[ImageTags, ...] = ()
    code: tuple[CodeTags, ...] = ()

    def __or__(self, other: TagSyntax) -> TagSyntax:
        images = self.images + tuple(t for t in other.images if t not in self.images)
        code = self.code + tuple(t for t in other.code if t not in self.code)
        return TagSyntax(images, code)


def code_tag_lines(text: str, body_start: int, syntax: TagSyntax, lines: LineIndex) -> set[int]:
    """The 0-based lines inside (and of) every code-block tag pair after *body_start*.

    Tags of all kinds are taken in the order they appear; code blocks don't nest, so while one
    is open only its own closing tag ends it.
    """
    found: set[int] = set()
    matches = sorted(
        ((m.start(), index, m) for index, tags in enumerate(syntax.code) if tags.opener in text
         for m in tags.pattern.finditer(text, body_start)),
        key=lambda item: item[0],
    )  # fmt: skip
    open_at: tuple[tuple[int, str], int] | None = None  # ((syntax, tag name), offset)
    for start, index, match in matches:
        kind = (index, match["name"])
        closing = bool(match["close"])
        if open_at is None and not closing:
            open_at = (kind, start)
        elif open_at is not None and closing and open_at[0] == kind:
            first = lines.position(open_at[1])[0]
            found.update(range(first, lines.position(match.end())[0] + 1))
            open_at = None
    return found


def tag_images(
    text: str, body_start: int, syntax: TagSyntax, lines: LineIndex
) -> Iterator[tuple[re.Match[str], ImageRef | None]]:
    """Every image tag after *body_start* with the image it shows (None: no source given)."""
    for tags in syntax.images:
        if tags.opener not in text:
            continue
        for match in tags.pattern.finditer(text, body_start):
            start = lines.position(match.start())
            yield match, tags.read(match, start, lines.position(match.end()))


_markup = lazy_pattern(r"<[^>]*>")


def unquote(value: str) -> str:
    """A tag argument without its quotes (``"a b"``, ``'a'``, `` `a` ``); ``\\"`` unescaped."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'`":
        inner = value[1:-1]
        return inner.replace('\\"', '"') if value[0] == '"' else inner
    return value


def plain(value: str) -> str:
    """Text without HTML tags and emphasis marks (what ``markdownify | plainify`` leaves)."""
    return _markup().sub("", value).replace("*", "").replace("`", "").strip()
