"""Value parsing the schedule formats share: one-line text, ``HH:MM`` durations, ISO times, and
which links are slides or a video."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from urllib.parse import urljoin

from recapkit.data.text_checks import is_http_url
from recapkit.schedules.model import SessionLink

_DURATION = re.compile(r"^(\d{1,3}):([0-5]\d)(?::([0-5]\d))?$")


def one_line(text: str | None) -> str | None:
    """*text* with every run of white space (line breaks too) made one space; None when empty."""
    if text is None:
        return None
    joined = " ".join(text.split())
    return joined or None


def block(text: str | None) -> str | None:
    """Multi-line *text* (an abstract) without outer white space; None when empty."""
    if text is None:
        return None
    return text.strip() or None


def parse_duration(text: str) -> timedelta:
    """A frab/pretalx duration: ``HH:MM`` (``00:30``) or ``HH:MM:SS``; ValueError else."""
    match = _DURATION.match(text.strip())
    if not match:
        raise ValueError(f"duration must look like 00:30 (hours:minutes), got {text!r}")
    hours, minutes, seconds = match.groups()
    return timedelta(hours=int(hours), minutes=int(minutes), seconds=int(seconds or 0))


def parse_datetime(text: str) -> datetime:
    """An ISO 8601 date and time (``2025-05-18T10:00:00+08:00``, ``Z``, or no zone); ValueError else."""
    return datetime.fromisoformat(text.strip())


def span(start: datetime | None, end: datetime | None) -> timedelta | None:
    """The time from *start* to *end*; None when either is missing, *end* is not later, or one
    has a UTC offset and the other none (``09:30`` then ``11:00Z``: no duration can be told,
    and Python refuses to compare them)."""
    if start is None or end is None or (start.tzinfo is None) != (end.tzinfo is None):
        return None
    return end - start if end > start else None


def parse_date(text: str) -> date:
    """An ISO date ``2025-05-18`` (a date-time is cut to its date); ValueError else."""
    text = text.strip()
    return datetime.fromisoformat(text).date() if "T" in text else date.fromisoformat(text)


_SLIDES = re.compile(r"slide|deck|幻灯|演示文稿|讲稿|\bppt|\.pdf$|speakerdeck|slideshare", re.I)
_VIDEO = re.compile(
    r"video|recording|record|录像|视频|回放|youtube|youtu\.be|bilibili|vimeo|media\.ccc\.de", re.I
)


def absolute(url: str | None, base: str | None) -> str | None:
    """*url* resolved against *base* (pretalx attachments are ``/media/...``); None unless http(s)."""
    if not url or not url.strip():
        return None
    try:
        resolved = urljoin(base, url.strip()) if base else url.strip()
        return resolved if is_http_url(resolved) else None
    except ValueError:  # urlsplit refuses some malformed hosts ("http://[x")
        return None


def link(url: str | None, title: str | None, base: str | None = None) -> SessionLink | None:
    """A :class:`SessionLink` whose kind is told from its title and address; None without a URL."""
    resolved = absolute(url, base)
    if resolved is None:
        return None
    title = one_line(title)
    said = f"{title or ''} {resolved}"
    kind = "slides" if _SLIDES.search(said) else "video" if _VIDEO.search(said) else None
    return SessionLink(url=resolved, title=title, kind=kind)
