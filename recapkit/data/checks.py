"""The model's field validators: each raises ValueError with a message a writer can act on.

A message starts with the field's name (``tags[2] must not be empty``): :mod:`recapkit.data.convert`
places it at that path inside the data file. Types are checked before these run
(:mod:`recapkit.data.strict`), so each validator may trust the type of its value.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

import attrs

from recapkit._text import lazy_pattern
from recapkit.data.dates import zone_named
from recapkit.data.text_checks import alt_looks_like_filename, is_http_url, is_site_path

DateOrDateTime = date | datetime
"""An event day (``date``) or an instant (``datetime``, normally with a timezone)."""


# --- validators (each raises ValueError with a message a writer can act on) ----------------


def non_empty(_inst: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not value.strip():
        raise ValueError(f"{attribute.name} must not be empty")


def optional_non_empty(_inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not value.strip():
        raise ValueError(f"{attribute.name} must not be empty (leave it out instead)")


# Line breaks as str.splitlines() sees them; each would also end a Markdown heading or line.
LINE_BREAK = re.compile(r"[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")


def one_line(_inst: object, attribute: attrs.Attribute[Any], value: str) -> None:
    """Names and titles: non-empty and one line (they become headings, list items, titles)."""
    non_empty(_inst, attribute, value)
    if LINE_BREAK.search(value):
        raise ValueError(
            f"{attribute.name} must be one line, without line breaks "
            "(multi-line text belongs in a summary, abstract or lead)"
        )


# A site path never starts with a host name; `github.com/x` or `www.x.org` lost its https://.
_host_like = lazy_pattern(
    r"^(?:www\.[^/\s]+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|dev|cn|edu|gov|info|me|co)/)",
    re.IGNORECASE,
)


def url(_inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is None:
        return
    if _host_like().match(value):
        raise ValueError(
            f"{attribute.name} looks like a web address without its scheme: write https://{value}"
        )
    if not (is_http_url(value) or is_site_path(value)):
        raise ValueError(
            f"{attribute.name} must be an http(s) URL or a path inside the site, got {value!r}"
        )


def http_url(_inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not is_http_url(value):
        raise ValueError(f"{attribute.name} must be an http(s) URL, got {value!r}")


def timezone_name(_inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is None:
        return
    if zone_named(value) is None:
        raise ValueError(
            f"{attribute.name} must be an IANA time zone such as 'Asia/Shanghai', got {value!r}"
        )


def each(
    check: Callable[[str], bool], what: str
) -> Callable[[object, attrs.Attribute[Any], tuple[str, ...]], None]:
    def validate(_inst: object, attribute: attrs.Attribute[Any], values: tuple[str, ...]) -> None:
        for index, value in enumerate(values):
            if not check(value):
                raise ValueError(f"{attribute.name}[{index}] {what}, got {value!r}")

    return validate


nonblank_items = each(lambda s: bool(s.strip()), "must not be empty")

# BCP 47 in the shape blogs use: language, optional script, optional region (zh, zh-CN, zh-Hans-CN, en-US).
BCP47 = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|\d{3}))?$")


def lang(_inst: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not BCP47.match(value):
        raise ValueError(
            f"{attribute.name} must be a BCP 47 language tag such as 'zh-CN' or 'en', got {value!r}"
        )


SLUG = re.compile(r"^[^\s/\\?#%]+$")


MAX_SLUG_BYTES = 200
"""A slug becomes a file or folder name, and file systems cap those at 255 bytes."""


def slug(_inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is None:
        return
    if not SLUG.match(value) or value in (".", ".."):
        raise ValueError(
            f"{attribute.name} must be one path segment without spaces, '/', '?', '#' or '%', got {value!r}"
        )
    # A leading dot makes a hidden file or folder: SSGs and `recapkit lint` skip those.
    if value.startswith("."):
        raise ValueError(
            f"{attribute.name} must not start with '.' (that hides the post), got {value!r}"
        )
    if len(value.encode("utf-8", "surrogatepass")) > MAX_SLUG_BYTES:
        raise ValueError(
            f"{attribute.name} must be at most {MAX_SLUG_BYTES} bytes in UTF-8 (file names are limited)"
        )


def _comparable(value: DateOrDateTime) -> DateOrDateTime:
    return value.date() if isinstance(value, datetime) else value


def check_order(start: DateOrDateTime | None, end: DateOrDateTime | None) -> str | None:
    """Why *end* cannot follow *start*, or None when the order is fine."""
    if start is None or end is None:
        return None
    if isinstance(start, datetime) and isinstance(end, datetime):
        if (start.tzinfo is None) != (end.tzinfo is None):
            return "start and end must both have a timezone or both have none"
        return "end must not be before start" if end < start else None
    return "end must not be before start" if _comparable(end) < _comparable(start) else None


def repeated_titles(titles: Sequence[str | None]) -> list[str]:
    """One message per talk title that repeats an earlier one (case and outer spaces ignored).

    ``None`` stands for a talk whose title is missing or not text: it repeats nothing.
    """
    seen: dict[str, int] = {}
    messages = []
    for index, title in enumerate(titles):
        if title is None:
            continue
        key = title.strip().casefold()
        if key in seen:
            messages.append(f"talks[{index}].title {title!r} repeats talks[{seen[key]}].title")
        else:
            seen[key] = index
    return messages


def optional_one_line(_inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None:
        one_line(_inst, attribute, value)


def alt_text(_inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    """Alt text describes the picture for readers who cannot see it; a file name does not."""
    if value is None:
        return
    non_empty(_inst, attribute, value)
    if alt_looks_like_filename(value):
        raise ValueError(f"{attribute.name} must describe the photo, not name its file: {value!r}")
