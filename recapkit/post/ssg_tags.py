"""Hugo shortcodes and Hexo tags that show an image, read the way each generator reads them.

``{{< figure src= alt= caption= >}}`` (also ``{{% %}}``, ``img``, ``image``; named or positional
parameters) and Hexo's ``{% asset_img name [title] %}`` / ``{% img [class] /path [w [h]]
[title [alt]] %}``. The patterns are bounded so that unclosed tags cannot cost quadratic time.
"""

from __future__ import annotations

import re

from recapkit.post.types import ImageKind, ImageRef

Position = tuple[int, int]

_TAGS = re.compile(r"<[^>]*>")
# Groups: 1 `<`/`%`, 2 Hugo name, 3 Hugo params | 4 Hexo tag name, 5 Hexo arguments.
SHORTCODE = re.compile(
    r"\{\{([<%])\s*(figure|img|image)\s((?:(?!\{\{).){0,2000}?)[>%]\}\}"
    r"|\{%-?\s*(asset_img|asset_image|img|image)\s+([^\n%]{0,1000}?)\s*-?%\}",
    re.DOTALL,
)
_SHORTCODE_PARAM = re.compile(r"""(?:([\w-]+)\s*=\s*)?("(?:[^"\\]|\\.)*"|`[^`]*`|[^\s"`]+)""")
_TAG_ARG = re.compile(r"""("[^"]*"|'[^']*'|\S+)""")
_HEXO_URL = re.compile(r"^(?:[A-Za-z]{3,9}:(?://)?|www\.|//)")
_HEXO_META = re.compile(r"""["']?([^"']+)?["']?\s*["']?([^"']+)?["']?""")
_FILE_LIKE = re.compile(r"\.[A-Za-z0-9]{2,5}$")


def with_title(ref: ImageRef, title: str | None) -> ImageRef:
    """*ref* with its title text set (ImageRef is frozen)."""
    if not title:
        return ref
    return ImageRef(
        ref.src, ref.alt, ref.kind, ref.line, ref.column, ref.end_line, ref.end_column, title=title
    )


def shortcode_image(match: re.Match[str], start: Position, end: Position) -> ImageRef | None:
    """The image a :data:`SHORTCODE` match shows, or None (no source given)."""
    if match.group(2):
        return _hugo_image(match.group(2), match.group(3), start, end)
    return _hexo_image(match.group(4), match.group(5), start, end)


def _hugo_image(name: str, params_text: str, start: Position, end: Position) -> ImageRef | None:
    named: dict[str, str] = {}
    positional: list[str] = []
    for match in _SHORTCODE_PARAM.finditer(params_text.rstrip().removesuffix("/")):
        value = _unquote(match.group(2))
        if match.group(1):
            named.setdefault(match.group(1).lower(), value)
        else:
            positional.append(value)
    src = named.get("src") or (positional[0] if positional else None)
    if src is None:
        return None
    # Hugo's figure renders its caption as the alt text when `alt` is absent.
    alt = named.get("alt")
    if alt is None and name == "figure":
        alt = _strip_markup(named["caption"]) if "caption" in named else None
    elif alt is None and len(positional) > 1:
        alt = positional[1]
    ref = ImageRef(src, alt, ImageKind.HUGO_SHORTCODE, *start, *end)
    return with_title(ref, named.get("title") or named.get("caption"))


def _hexo_image(name: str, args_text: str, start: Position, end: Position) -> ImageRef | None:
    args = list(_TAG_ARG.finditer(args_text))
    if not args:
        return None
    if name.startswith("asset"):
        # Hexo looks each argument up among the post's assets; a file name is the asset.
        pick = next((a for a in args if _FILE_LIKE.search(_unquote(a.group()))), args[0])
    else:
        # `{% img [class names] /path [w [h]] [title [alt]] %}`: the first URL or /path.
        pick = next(
            (a for a in args if a.group().startswith("/") or _HEXO_URL.match(a.group())),
            next((a for a in args if _FILE_LIKE.search(a.group())), args[0]),
        )
    rest = [a for a in args if a.start() > pick.start()]
    while rest and rest[0].group().isdigit():  # width, height
        rest = rest[1:]
    title = alt = None
    if rest:
        meta = _HEXO_META.match(args_text[rest[0].start() :])
        if meta:
            title = (meta.group(1) or "").strip() or None
            alt = (meta.group(2) or "").strip() or None
    ref = ImageRef(_unquote(pick.group()), alt, ImageKind.HEXO_TAG, *start, *end)
    return with_title(ref, title)


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'`":
        inner = value[1:-1]
        return inner.replace('\\"', '"') if value[0] == '"' else inner
    return value


def _strip_markup(value: str) -> str:
    """Hugo runs the caption through markdownify | plainify: drop tags and emphasis marks."""
    return _TAGS.sub("", value).replace("*", "").replace("`", "").strip()
