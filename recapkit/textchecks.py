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

# `IMG_0273.JPG`, `photo.png`, and browser tab titles pasted as alt text:
# `x.png(PNG 图像,981x326 像素)` or `x.png (PNG Image, 981 × 326 pixels)`.
_FILE_NAME = re.compile(
    r"^\S*\.(?:" + "|".join(IMAGE_EXTENSIONS) + r")(?:\s*[（(].*[)）])?$",
    re.IGNORECASE,
)
# Camera and screenshot names without an extension: IMG_0273, DSC01234, Screenshot_2023...
_CAMERA_NAME = re.compile(
    r"^(?:IMG|DSC|DSCN|DCIM|PXL|MVIMG|Screenshot|WechatIMG)[_-]?\d[\w-]*$", re.I
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


def alt_looks_like_filename(alt: str) -> bool:
    """True when *alt* is a file name, a camera name, a tab title or a placeholder word."""
    text = alt.strip()
    if not text:
        return False
    return bool(
        _FILE_NAME.match(text) or _CAMERA_NAME.match(text) or text.lower() in _PLACEHOLDER_WORDS
    )


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
