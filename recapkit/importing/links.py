"""Slides and video links, told by their host and by their label (PPT, 幻灯片, slides, 视频...)."""

from __future__ import annotations

import enum
from urllib.parse import urlsplit

from recapkit.importing.vocabulary import SLIDES_LABELS, VIDEO_LABELS, words


class Media(enum.StrEnum):
    SLIDES = "slides"
    VIDEO = "video"


_SLIDE_HOSTS = ("speakerdeck.com", "slideshare.net", "slides.com", "slid.es", "talks.golang.org")
_SLIDE_PATHS = ("docs.google.com/presentation", "go.dev/talks", "talks.godoc.org")
_SLIDE_FILES = (".pdf", ".ppt", ".pptx", ".key", ".odp")
_VIDEO_HOSTS = (
    "youtube.com",
    "youtu.be",
    "bilibili.com",
    "b23.tv",
    "vimeo.com",
    "v.qq.com",
    "youku.com",
    "ixigua.com",
    "v.douyin.com",
    "infoq.cn/video",
)


def media_of(url: str, label: str = "") -> Media | None:
    """What a link points to: slides, a video, or None (any other link)."""
    name = words(label)
    if name in SLIDES_LABELS or any(w in name for w in ("幻灯", "slides", "ppt")):
        return Media.SLIDES
    if name in VIDEO_LABELS or any(w in name for w in ("视频", "video", "录像")):
        return Media.VIDEO
    parts = urlsplit(url)
    host = parts.netloc.lower().removeprefix("www.").removeprefix("m.")
    where = host + parts.path.lower()
    if _matches(host, _VIDEO_HOSTS) or any(where.startswith(h) for h in _VIDEO_HOSTS if "/" in h):
        return Media.VIDEO
    if _matches(host, _SLIDE_HOSTS) or any(where.startswith(p) for p in _SLIDE_PATHS):
        return Media.SLIDES
    return Media.SLIDES if parts.path.lower().endswith(_SLIDE_FILES) else None


def _matches(host: str, hosts: tuple[str, ...]) -> bool:
    return any(host == h or host.endswith("." + h) for h in hosts if "/" not in h)
