"""Hexo's post file names: ``new_post_name`` as Hexo writes a new post's name and as it reads a
date back from one (hexo-util ``Permalink``; see :mod:`recapkit.ssg.hexo`)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, timedelta
from pathlib import Path
from typing import Any

_PLACEHOLDER = re.compile(r":(title|year|month|i_month|day|i_day)\b")


def post_name(config: Mapping[str, Any], slug: str, day: date) -> str:
    """The file name Hexo's ``new_post_name`` gives a post (default ``:title.md``).

    A pattern with placeholders Hexo has but recapkit does not know falls back to the default.
    """
    pattern = config.get("new_post_name")
    if not isinstance(pattern, str) or _PLACEHOLDER.sub("", pattern).count(":"):
        pattern = ":title.md"
    values = {
        "title": slug,
        "year": f"{day.year:04d}",
        "month": f"{day.month:02d}",
        "i_month": str(day.month),
        "day": f"{day.day:02d}",
        "i_day": str(day.day),
    }
    name = _PLACEHOLDER.sub(lambda m: values[m[1]], pattern)
    return name if name.endswith(".md") else f"{name}.md"


def name_date(path: Path, config: Mapping[str, Any]) -> date | None:
    """The date Hexo reads from the post's path below ``_posts`` when it fits ``new_post_name``
    with a year, month and day in it (``processor/post.js``: ``parseFilename``, then ``new
    Date(year, month - 1, day)``, which rolls an impossible day over)."""
    pattern = config.get("new_post_name")
    if not isinstance(pattern, str) or "_posts" not in path.parts:
        return None
    parts = path.parts
    below = "/".join(parts[len(parts) - parts[::-1].index("_posts") :])
    match = _name_pattern(pattern).match(below.rsplit(".", 1)[0])
    if match is None:
        return None
    found = match.groupdict()
    year, month = found.get("year"), found.get("month") or found.get("i_month")
    day = found.get("day") or found.get("i_day")
    if not (year and month and day):
        return None
    years, month_index = divmod(int(month) - 1, 12)
    try:
        return date(int(year) + years, month_index + 1, 1) + timedelta(days=int(day) - 1)
    except (ValueError, OverflowError):  # year 0000 (JavaScript reads it as 1900): no verdict
        return None


def _name_pattern(rule: str) -> re.Pattern[str]:
    """hexo-util's ``Permalink`` regex for *rule* (without its extension), named groups."""
    rule = rule.rsplit(".", 1)[0] if "." in rule.rsplit("/", 1)[-1] else rule
    segments = {
        "year": r"\d{4}",
        "month": r"\d{2}",
        "day": r"\d{2}",
        "i_month": r"\d{1,2}",
        "i_day": r"\d{1,2}",
        "hash": r"[0-9a-f]{12}",
    }
    parts: list[str] = []
    last, seen = 0, set()
    for param in re.finditer(r":(\w*[^_\W])", rule):
        parts.append(re.escape(rule[last : param.start()]))
        name = param.group(1)
        body = segments.get(name, ".+?")
        named = name.isidentifier() and name not in seen
        parts.append(f"(?P<{name}>{body})" if named else f"(?:{body})")
        seen.add(name)
        last = param.end()
    parts.append(re.escape(rule[last:]))
    return re.compile("^" + "".join(parts) + "$")
