"""What the front matter says: the post's title, date, tags, categories, cover and authors, and
the event facts some sites keep there (``start``/``end``/``address``/``links``)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

import attrs

from recapkit.data.dates import parse_date_text
from recapkit.data.model import Recap, check_order
from recapkit.data.text_checks import is_http_url, is_site_path

_FILE_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})-")
_COVER_KEYS = ("cover", "image", "featured_image", "images", "banner", "thumbnail")
_EVENT_URL_KEYS = ("官网", "主页", "website", "home", "homepage", "event")


def flattened(data: Mapping[str, Any]) -> dict[str, Any]:
    """The front matter with the keys some generators nest (``[taxonomies]`` tags, ``[extra]``
    custom keys) lifted to the top; a top-level key wins."""
    lifted: dict[str, Any] = {}
    for nest in ("extra", "taxonomies"):
        inner = data.get(nest)
        if isinstance(inner, Mapping):
            lifted.update({str(k): v for k, v in inner.items()})
    return {**lifted, **data}


def as_date(value: Any) -> date | datetime | None:
    """A front matter date (native, or text in a writer's spelling); None if it is neither."""
    if isinstance(value, datetime | date):
        return value
    if isinstance(value, str):
        try:
            return parse_date_text(value.strip())
        except ValueError:
            return None
    return None


def post_date(data: Mapping[str, Any], path: Path) -> date | datetime | None:
    """``date`` from the front matter, else the ``YYYY-MM-DD-`` of a Jekyll file name."""
    found = as_date(data.get("date"))
    if found is not None:
        return found
    match = _FILE_DATE.match(path.name)
    return as_date(match.group(1)) if match else None


def names(value: Any) -> tuple[str, ...]:
    """A list of names (tags, categories, authors): a list, or one string as one name."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list | tuple):
        return ()
    return tuple(dict.fromkeys(str(v).strip() for v in value if str(v).strip()))


def slug(data: Mapping[str, Any]) -> str | None:
    """The ``slug`` key when it is one a recap may carry (one path segment)."""
    value = data.get("slug")
    return value if isinstance(value, str) and valid_for_recap("slug", value) else None


def valid_for_recap(name: str, value: Any) -> bool:
    """Whether *value* passes the validator of the Recap field *name*."""
    attribute = getattr(attrs.fields(Recap), name)
    try:
        attribute.validator(None, attribute, value)
    except ValueError:
        return False
    return True


def cover(data: Mapping[str, Any]) -> str | None:
    for key in _COVER_KEYS:
        value = data.get(key)
        if isinstance(value, list | tuple):
            value = value[0] if value else None
        if isinstance(value, str) and (is_http_url(value) or is_site_path(value)):
            return value
    return None


def event_facts(data: Mapping[str, Any]) -> dict[str, Any]:
    """The Event fields that ``start``, ``end``, ``address`` and ``links`` give."""
    facts: dict[str, Any] = {}
    for key in ("start", "end"):
        value = as_date(data.get(key))
        if value is not None:
            facts[key] = value
    if "start" in facts and "end" in facts and _order_broken(facts["start"], facts["end"]):
        del facts["end"]
    address = data.get("address") or data.get("location") or data.get("venue")
    if isinstance(address, str) and address.strip():
        facts["venue"] = address.strip()
    links = data.get("links")
    if isinstance(links, Mapping):
        for key, url in links.items():
            if str(key).casefold() in _EVENT_URL_KEYS and isinstance(url, str) and is_http_url(url):
                facts["url"] = url
                break
    return facts


def _order_broken(start: date | datetime, end: date | datetime) -> bool:
    return check_order(start, end) is not None


def extra_links(data: Mapping[str, Any]) -> dict[str, str]:
    """A front matter ``links:`` map (``议程:``, ``报名:``), kept as written."""
    links = data.get("links")
    if not isinstance(links, Mapping):
        return {}
    return {str(k): v for k, v in links.items() if isinstance(v, str) and is_http_url(v)}
