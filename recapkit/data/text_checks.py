"""Small text predicates shared by the model's validators and the lint rules."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

IMAGE_EXTENSIONS = (
    "png",
    "jpg",
    "jpeg",
    "gif",
    "webp",
    "svg",
    "bmp",
    "avif",
    "heic",
    "tif",
    "tiff",
)

# `IMG_0273.JPG`, `photo.png`, `1-2013-7-27 13-57-36.JPG` (a file name may hold spaces, not a
# path separator), and browser tab titles pasted as alt text: `x.png(PNG 图像,981x326 像素)` or
# `x.png (PNG Image, 981 × 326 pixels)`.
_FILE_NAME = re.compile(
    r"^[^/\\\s][^/\\]{0,80}?\.(?:" + "|".join(IMAGE_EXTENSIONS) + r")(?:\s*[（(].*[)）])?$",
    re.IGNORECASE,
)
# A tab title without the file's extension: `1(JPEG 图像,180x180 像素)`.
_TAB_TITLE = re.compile(
    r"[（(]\s*(?:PNG|JPE?G|GIF|WEBP|SVG|BMP|AVIF)\s*(?:图像|图片|Image)\b", re.IGNORECASE
)
# Camera, phone and screenshot names without an extension: IMG_0273, IMGP6685, DSC01234,
# PXL_20230101, Screenshot_2023..., WechatIMG12, Typora's image-20210315103209386, and bare
# timestamps (20140203230747).
_CAMERA_NAME = re.compile(
    r"^(?:(?:IMG|IMGP|DSC|DSCF|DSCN|DCIM|PXL|MVIMG|Screenshot|WechatIMG)[_-]?\d[\w.-]*"
    r"|Screen ?Shot \d{4}-\d{2}-\d{2}\b.*|image-\d{8,}|\d{8,})$",
    re.IGNORECASE,
)
# Words that say "there is an image here" and nothing about what it shows.
_PLACEHOLDER_WORDS = frozenset(
    {
        "image",
        "img",
        "picture",
        "pic",
        "photo",
        "screenshot",
        "alt",
        "图片",
        "图",
        "截图",
        "照片",
        "图像",
    }
)


def alt_problem(alt: str) -> str | None:
    """What is wrong with *alt* as a description, in a writer's words, or None when nothing is.

    ``"a browser tab title"``, ``"a file name"``, ``"a camera or screenshot file name"`` or
    ``"a placeholder word"``.
    """
    text = alt.strip()
    if not text:
        return None
    if _TAB_TITLE.search(text):
        return "a browser tab title"
    if _FILE_NAME.match(text):
        return "a file name"
    if _CAMERA_NAME.match(text):
        return "a camera or screenshot file name"
    if text.lower() in _PLACEHOLDER_WORDS:
        return "a placeholder word"
    return None


def alt_looks_like_filename(alt: str) -> bool:
    """True when *alt* is a file name, a camera name, a tab title or a placeholder word."""
    return alt_problem(alt) is not None


def is_http_url(value: str) -> bool:
    """An absolute ``http://`` or ``https://`` URL with a host."""
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def is_site_path(value: str) -> bool:
    """A path inside the site: ``/images/x.png``, ``images/x.png``, ``./x.png`` (no scheme, no ``//``)."""
    if not value or value != value.strip() or any(c.isspace() for c in value):
        return False
    if value.startswith("//"):
        return False
    return not urlsplit(value).scheme
