"""Slides and video links, told by their host and by their label (PPT, 幻灯片, slides, 视频...)."""

from __future__ import annotations

import enum
import functools
import re
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


def may_link_media(source: str) -> bool:
    """Whether a link of the Markdown *source* may be slides or a video (:func:`media_of`): False
    when no label word, host, path or file ending it looks for is in the text, so the text need
    not be parsed for its links. Entities and escapes could spell one: such text may."""
    return "&" in source or "\\" in source or _media_hints().search(source.casefold()) is not None


@functools.cache
def _media_hints() -> re.Pattern[str]:
    # Every string media_of matches is one of these, or holds one: a label of SLIDES_LABELS or
    # VIDEO_LABELS (casefolded), one of the words it looks for inside labels, a host or path
    # (lowercased), a file ending.
    hints = {*SLIDES_LABELS, *VIDEO_LABELS, *_LABEL_WORDS, *_SLIDE_HOSTS, *_VIDEO_HOSTS}
    hints |= {*_SLIDE_PATHS, *_SLIDE_FILES}
    return re.compile("|".join(sorted(map(re.escape, hints), key=len, reverse=True)))


_SLIDE_WORDS = ("幻灯", "slides", "ppt")
_VIDEO_WORDS = ("视频", "video", "录像")
_LABEL_WORDS = (*_SLIDE_WORDS, *_VIDEO_WORDS)


def media_of(url: str, label: str = "") -> Media | None:
    """What a link points to: slides, a video, or None (any other link)."""
    name = words(label)
    if name in SLIDES_LABELS or any(w in name for w in _SLIDE_WORDS):
        return Media.SLIDES
    if name in VIDEO_LABELS or any(w in name for w in _VIDEO_WORDS):
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
