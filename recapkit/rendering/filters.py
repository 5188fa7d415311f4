"""Jinja2 filters of the built-in templates: the table the environment installs, and the
filters of names, dates, durations and slugs. The Markdown-safe text filters (``md_*``) are
:mod:`recapkit.rendering.markdown_text`'s.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from datetime import date
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context
from slugify import slugify as _slugify

from recapkit.data.model import MAX_SLUG_BYTES
from recapkit.post.types import FrontMatterFormat
from recapkit.rendering.dates import clock, day_with_weekday, duration, human_date, when
from recapkit.rendering.days import talk_day, talks_by_day
from recapkit.rendering.markdown_text import (
    Safe,
    alt_text,
    block_markdown,
    heading_text,
    inline_text,
    item_markdown,
    markdown_url,
    quote_markdown,
)
from recapkit.ssg import registry


def join_names(items: tuple[str, ...] | list[str], lang: str) -> str:
    return ("、" if lang == "zh" else ", ").join(items)


_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def slug(text: str, allow_unicode: bool = False) -> str:
    """A URL slug: lower case ASCII (Chinese transliterated), or kept with *allow_unicode*.

    Chinese becomes pinyin, one syllable per word of the slug, as Chinese bloggers' slug
    plugins write it (``杭州站回顾`` → ``hang-zhou-zhan-hui-gu``).
    """
    if not allow_unicode:
        text = _HAN.sub(lambda m: f" {pinyin(m.group())} ", text)
    made = str(_slugify(text, allow_unicode=allow_unicode, max_length=80, word_boundary=True))
    # File systems cap names at 255 bytes, not characters: 80 Chinese characters are 240
    # bytes, and Jekyll's date, Hexo's new_post_name and ``.md`` must still fit beside them.
    return cap_bytes(made, MAX_SLUG_BYTES)


def cap_bytes(slug: str, limit: int) -> str:
    """*slug* cut to at most *limit* UTF-8 bytes at a character boundary, at a hyphen if one
    falls in the second half (so a word is not cut in two)."""
    data = slug.encode("utf-8")
    if len(data) <= limit:
        return slug
    head = data[:limit].decode("utf-8", "ignore")
    hyphen = head.rfind("-")
    return (head[:hyphen] if hyphen > len(head) // 2 else head).strip("-")


def pinyin(han: str) -> str:
    """The syllables of *han* (Chinese characters), space separated, without tones.

    With pypinyin, words are read as words, so polyphonic characters come out right
    (重庆 → chong qing, 银行 → yin hang). Without it, slugify's transliteration reads each
    character on its own (zhong qing, yin xing).
    """
    try:
        # Imported by name: an install without the optional pypinyin must still type-check.
        lazy_pinyin = importlib.import_module("pypinyin").lazy_pinyin
    except ImportError:
        return han
    return " ".join(lazy_pinyin(han))


# --- the filter table the environment installs ----------------------------------------------


def _ctx(name: str) -> Any:
    """A filter that passes the context's ``ssg`` (or ``lang``) to a function of (text, that)."""
    functions: dict[str, tuple[Callable[..., Any], str]] = {
        "md_inline": (inline_text, "ssg"),
        "md_heading": (heading_text, "ssg"),
        "md_alt": (alt_text, "ssg"),
        "md_block": (block_markdown, "ssg"),
        "md_item": (item_markdown, "ssg"),
        "md_quote": (quote_markdown, "ssg"),
        "human_date": (human_date, "lang"),
        "day_with_weekday": (day_with_weekday, "lang"),
        "duration": (duration, "lang"),
        "join_names": (join_names, "lang"),
    }
    function, key = functions[name]

    @pass_context
    def apply(context: Context, value: Any, *args: Any, **options: Any) -> str:
        text = str(function(value, context[key], *args, **options))
        return Safe(text) if name.startswith("md_") and name != "md_url" else text

    return apply


@pass_context
def event_when(context: Context, event: Any) -> str:
    """An :class:`~recapkit.data.model.Event`'s ``start``–``end`` in the context's language."""
    return when(event.start, event.end, event.timezone, context["lang"])


def ssg_date(value: date, ssg: str) -> str:
    """*value* as the generator writes a front matter date."""
    return str(registry.get(ssg).format_date(value, FrontMatterFormat.YAML))


FILTERS: dict[str, Any] = {
    name: _ctx(name)
    for name in (
        "md_inline",
        "md_heading",
        "md_alt",
        "md_block",
        "md_item",
        "md_quote",
        "human_date",
        "day_with_weekday",
        "duration",
    )
}
FILTERS.update(
    {
        "join_names": _ctx("join_names"),
        "md_url": markdown_url,
        "clock": clock,
        "slugify": slug,
        "ssg_date": ssg_date,
        "talk_day": talk_day,
        "talks_by_day": talks_by_day,
        "when": event_when,
    }
)
