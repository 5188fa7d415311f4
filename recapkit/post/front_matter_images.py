"""Images named in front matter, under the keys the site's generator and themes read as images
(``cover``, ``images``, ``photos``, ...; the caller says which).

Each becomes an :class:`~recapkit.post.types.ImageRef` of kind ``front-matter`` positioned at the
value's own text when it can be found after its key (else at the key).
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from typing import Any

from recapkit._text import LineIndex
from recapkit.post.types import FrontMatter, ImageKind, ImageRef

_IMAGE_ITEM_KEYS = ("src", "image", "url")


def front_matter_images(
    front_matter: FrontMatter, image_keys: Sequence[str], lines: LineIndex
) -> list[ImageRef]:
    """Images named by front matter keys (``cover``, ``images``, ...), at the value's position.

    Values may be a string, a list of strings or of ``{src|image|url: ...}`` items, or a
    mapping (Hugo PaperMod's ``cover: {image: ..., alt: ...}``); Zola's ``[extra]`` counts too.
    """
    data, locations = front_matter.data, front_matter.key_locations
    if not data or not image_keys:
        return []
    starts = sorted(lines.offset(loc.line, loc.column) for loc in locations.values())
    images: list[ImageRef] = []
    for container, anchor_key in _image_containers(data):
        for key in image_keys:
            value = container.get(key)
            if value is None:
                continue
            where = locations.get(anchor_key or key)
            begin = (
                lines.offset(where.line, where.column) if where else front_matter.content_span.start
            )
            following = bisect.bisect_right(starts, begin)
            end = starts[following] if following < len(starts) else front_matter.content_span.end
            finder = _ValueFinder(lines, begin, end)
            # `extra.cover`, not `cover`: a generator's own keys are top-level ones.
            name = f"{anchor_key}.{key}" if anchor_key else key
            images.extend(
                finder.image(name, src, alt, title) for src, alt, title in _sources(value)
            )
    return images


def _image_containers(data: Mapping[str, Any]) -> list[tuple[Mapping[str, Any], str | None]]:
    containers: list[tuple[Mapping[str, Any], str | None]] = [(data, None)]
    extra = data.get("extra")
    if isinstance(extra, Mapping):
        containers.append((extra, "extra"))
    return containers


def _sources(value: Any) -> list[tuple[str, str | None, str | None]]:
    """(src, alt, title) for each image a front matter value names."""
    if isinstance(value, str):
        return [(value, None, None)] if value.strip() else []
    if isinstance(value, Mapping):
        src = next((value[k] for k in _IMAGE_ITEM_KEYS if isinstance(value.get(k), str)), None)
        if not src or not src.strip():
            return []
        alt, title = value.get("alt"), value.get("caption") or value.get("title")
        return [(src, _text_or_none(alt), _text_or_none(title))]
    if isinstance(value, list):
        return [item for element in value for item in _sources(element)]
    return []


def _text_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) else None


class _ValueFinder:
    """Finds each value's text after its key, in order; falls back to the key's position."""

    def __init__(self, lines: LineIndex, begin: int, end: int) -> None:
        self.text, self.cursor, self.begin, self.end = lines.text, begin, begin, end
        self.locate = lines.position

    def image(self, key: str, src: str, alt: str | None, title: str | None) -> ImageRef:
        found = self.text.find(src, self.cursor, self.end)
        if found == -1:
            start, stop = self.begin, self.begin + len(key.rpartition(".")[2])
        else:
            start, stop = found, found + len(src)
            self.cursor = stop
        line, column = self.locate(start)
        end_line, end_column = self.locate(stop)
        return ImageRef(
            src,
            alt,
            ImageKind.FRONT_MATTER,
            line,
            column,
            end_line,
            end_column,
            key=key,
            title=title,
        )
