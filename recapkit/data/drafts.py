"""The recap a new post starts from: a draft skeleton from a title, the event's name and the
language a title suggests, and the changes a writer asks for on the command line (title, dates,
event name, tags). Pure data: where the post goes and how it is written is
:mod:`recapkit.scaffolding`'s."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, tzinfo
from typing import Any

import attrs

from recapkit.data.model import LINE_BREAK, Event, Recap
from recapkit.errors import UsageError

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def guess_lang(title: str) -> str:
    """``zh`` for a title written in Chinese (or Japanese kana), else ``en``."""
    return "zh" if _CJK.search(title) else "en"


# What a recap's title adds to the event's name: "GopherChina 2024 recap", "杭州站回顾".
_RECAP_WORDS = re.compile(
    r"[\s:：\-–—·|]*(?:回顾|总结|小结|纪要|复盘|recap|review|notes|summary|write-?up)[\s!！。.]*$",
    re.IGNORECASE,
)


def event_name(title: str) -> str:
    """The event a recap titled *title* is about: the title without a trailing "recap"/"回顾"."""
    return _RECAP_WORDS.sub("", title).strip() or title


def skeleton(
    title: str,
    post_date: date | None = None,
    event_date: date | None = None,
    zone: tzinfo | None = None,
) -> Recap:
    """A draft recap with only a title and dates: what ``recapkit new TITLE`` fills in. Its
    date is now, in *zone* (the site's) when given, else in the machine's."""
    title = title.strip()
    if not title:
        raise UsageError("give the recap a TITLE (or --from DATA_FILE)")
    now = datetime.now(zone).astimezone(zone).replace(microsecond=0)
    return Recap(
        title=title,
        date=post_date or now,
        event=Event(name=event_name(title), start=event_date),
        lang=guess_lang(title),
        draft=True,
    )


def overridden(
    recap: Recap, title: str | None, post_date: date | None, event_date: date | None
) -> Recap:
    """*recap* with the title and dates the writer gave on the command line."""
    changes: dict[str, Any] = {}
    if title and title.strip():
        changes["title"] = title.strip()
    if post_date is not None:
        changes["date"] = post_date
    if event_date is not None:
        changes["event"] = attrs.evolve(recap.event, start=event_date, end=None)
    return attrs.evolve(recap, **changes)


def named(recap: Recap, event: str | None, tags: Sequence[str]) -> Recap:
    """*recap* with the event's own name and the post's tags, when given."""
    changes: dict[str, Any] = {}
    if event is not None:
        if not event.strip() or LINE_BREAK.search(event):
            raise UsageError("the event name must be one line of text")
        changes["event"] = attrs.evolve(recap.event, name=event.strip())
    if tags:
        changes["tags"] = tuple(tags)
    try:
        return attrs.evolve(recap, **changes) if changes else recap
    except ValueError as exc:  # a blank tag: the model says which rule it broke
        raise UsageError(f"tags: {exc}") from None
