"""Hypothesis strategies for valid :class:`~recapkit.data.model.Recap` objects with hostile text.

Other test modules import these (``from tests.strategies import recaps``) for round trips
through data files, front matter and templates. Every string a writer types may contain
quotes, colons, ``#``, ``---``/``+++`` fences, newlines, CJK, emoji, Jinja/Hugo/Hexo
delimiters and Markdown/HTML, because real recaps do and serialisers get them wrong.

Datetimes are whole seconds. When the event has a ``timezone``, every datetime is aware
(the loader would otherwise attach that zone to naive values and the round trip would differ).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import attrs
from hypothesis import strategies as st

from recapkit.data.model import (
    LINE_BREAK,
    Event,
    EventKind,
    EventLink,
    EventLinkKind,
    Highlight,
    Link,
    Photo,
    Recap,
    Speaker,
    Takeaway,
    TakeawayKind,
    Talk,
    TalkKind,
)
from recapkit.data.text_checks import alt_looks_like_filename

# Pieces that break naive serialisers: YAML/TOML syntax, fences, template delimiters,
# YAML 1.1 scalars that look like booleans/numbers/dates, Markdown, HTML, CJK, emoji.
HOSTILE_FRAGMENTS = (
    '"',
    "'",
    ": ",
    ":",
    "#",
    " # ",
    "---",
    "+++",
    ";;;",
    "\n",
    "\r\n",
    "\t",
    "{{ site.title }}",
    "{{< figure >}}",
    "{% raw %}",
    "{% endraw %}",
    "{#",
    "}}",
    "[link](https://example.org)",
    "![alt](/x.png)",
    "**bold**",
    "<b>",
    "</script>",
    "&amp;",
    "\\",
    "\\n",
    "`code`",
    "${x}",
    "%",
    "@",
    "|",
    ">",
    "- ",
    "* ",
    "&anchor",
    "*alias",
    "!tag",
    "? ",
    "[",
    "]",
    "{",
    "}",
    ",",
    "No",
    "yes",
    "off",
    "010",
    "1.10",
    "0x1F",
    "1e3",
    "null",
    "~",
    "2025-01-01",
    "14:00",
    "Go 语言",
    "《Go 泛型》",
    "会议回顾：",
    "，",
    "🎉",
    "👩‍💻",
    "\u00a0",
    "\u3000",
    "é",
)

_any_chars = st.text(st.characters(exclude_categories=["Cs"]), max_size=6)

texts: st.SearchStrategy[str] = st.lists(
    st.one_of(st.sampled_from(HOSTILE_FRAGMENTS), _any_chars), min_size=1, max_size=5
).map("".join)
"""Any text, possibly blank."""

nonblank_texts: st.SearchStrategy[str] = texts.filter(lambda s: bool(s.strip()))
"""Text the model accepts where a value is required (not empty after stripping)."""

optional_texts: st.SearchStrategy[str | None] = st.none() | nonblank_texts

one_line_texts: st.SearchStrategy[str] = nonblank_texts.map(lambda s: LINE_BREAK.sub(" ", s))
"""Names and titles: the hostile text with each line break made a space (the model's rule)."""

_segment = st.text(
    st.sampled_from("abcdefghijklmnopqrstuvwxyz0123456789-_.~会议回顾"), min_size=1, max_size=10
)
http_urls: st.SearchStrategy[str] = st.builds(
    lambda scheme, host, path, query: f"{scheme}://{host}/{path}{query}",
    st.sampled_from(["https", "http"]),
    st.sampled_from(["example.org", "www.example.org", "slides.example.org:8443"]),
    _segment,
    st.sampled_from(["", "?v=1&t=2", "?q=\"a\"&b='c'", "#frag", "?x=%E4%BC%9A"]),
)
# Built, not filtered out of `urls`: a filter that rejects three branches of four made
# Hypothesis give up on a third of the recaps it started (slow, and near its health checks).
urls: st.SearchStrategy[str] = st.one_of(
    http_urls,
    st.builds(lambda a, b: f"/images/{a}/{b}.png", _segment, _segment),
    st.builds(lambda a: f"images/{a}.jpg", _segment),
    st.builds(lambda a: f"./{a}.webp", _segment),
)
"""URLs the model accepts: http(s) with a host, or a path inside the site."""
optional_urls: st.SearchStrategy[str | None] = st.none() | urls
tag_lists = st.lists(nonblank_texts, max_size=3).map(tuple)

# Free data for templates: what YAML, TOML and JSON all represent the same way
# (no null: TOML has none; no floats: NaN and -0.0 do not compare or print stably).
_scalars = st.one_of(texts, st.booleans(), st.integers(min_value=-(2**53), max_value=2**53))
extra_values: st.SearchStrategy[Any] = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(nonblank_texts, inner, max_size=3),
    max_leaves=6,
)


alt_texts = nonblank_texts.filter(lambda s: not alt_looks_like_filename(s))
links = st.builds(Link, url=urls, title=optional_texts)
photos = st.builds(
    Photo,
    src=urls,
    alt=alt_texts,
    caption=optional_texts,
    credit=optional_texts,
    license=optional_texts,
    source=optional_urls,
)
event_links = st.builds(
    EventLink, url=urls, kind=st.sampled_from(EventLinkKind), title=optional_texts
)


@st.composite
def _speakers(draw: st.DrawFn) -> Speaker:
    """Named speakers and speakers known only by affiliation or role ("someone from Grab")."""
    name = draw(st.none() | one_line_texts)
    affiliation = draw(optional_texts)
    role = draw(optional_texts if name or affiliation else nonblank_texts)
    handles = st.dictionaries(
        st.sampled_from(["github", "x", "weibo", "mastodon", "zhihu"]) | nonblank_texts,
        nonblank_texts,
        max_size=3,
    )
    return Speaker(
        name=name,
        affiliation=affiliation,
        role=role,
        url=draw(optional_urls),
        handles=draw(handles),
    )


speakers = _speakers()
takeaways = st.builds(
    Takeaway,
    text=nonblank_texts,
    kind=st.sampled_from(TakeawayKind),
    links=st.lists(links, max_size=2).map(tuple),
)
highlights = st.builds(Highlight, term=one_line_texts, note=optional_texts)

_zones = st.sampled_from(
    [
        UTC,
        timezone(timedelta(hours=8)),
        timezone(timedelta(hours=-5, minutes=-30)),
        ZoneInfo("Asia/Shanghai"),
        ZoneInfo("Europe/Berlin"),
    ]
)
_plain_dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))
_naive_datetimes = st.datetimes(
    min_value=datetime(1990, 1, 1), max_value=datetime(2100, 12, 31)
).map(lambda d: d.replace(microsecond=0, fold=0))
_aware_datetimes = st.builds(lambda d, z: d.replace(tzinfo=z), _naive_datetimes, _zones)


def _datetimes(aware_only: bool) -> st.SearchStrategy[datetime]:
    return _aware_datetimes if aware_only else (_aware_datetimes | _naive_datetimes)


def _dates_or_datetimes(aware_only: bool) -> st.SearchStrategy[date | datetime]:
    return _plain_dates | _aware_datetimes if aware_only else _plain_dates | _datetimes(False)


durations = st.integers(min_value=1, max_value=24 * 60 * 3).map(lambda m: timedelta(minutes=m))
times = st.times().map(lambda t: t.replace(microsecond=0))


@st.composite
def _talk_days(draw: st.DrawFn, aware_only: bool) -> tuple[datetime | time | None, date | None]:
    """A talk's start and day: a date-time start's own day (or none), any day otherwise."""
    start = draw(st.none() | times | _datetimes(aware_only))
    if isinstance(start, datetime):
        return start, draw(st.sampled_from([None, start.date()]))
    return start, draw(st.none() | _plain_dates)


def talks(aware_only: bool = False) -> st.SearchStrategy[Talk]:
    return _talk_days(aware_only).flatmap(lambda when: _talks(aware_only, *when))


def _talks(
    aware_only: bool, start: datetime | time | None, day: date | None
) -> st.SearchStrategy[Talk]:
    return st.builds(
        Talk,
        title=one_line_texts,
        speakers=st.lists(speakers, max_size=2).map(tuple),
        kind=st.sampled_from(TalkKind),
        day=st.just(day),
        id=st.none() | one_line_texts,
        extra=st.dictionaries(nonblank_texts, extra_values, max_size=2),
        track=optional_texts,
        room=optional_texts,
        start=st.just(start),
        duration=st.none() | durations,
        abstract=optional_texts,
        summary=optional_texts,
        takeaways=st.lists(takeaways, max_size=2).map(tuple),
        slides=optional_urls,
        video=optional_urls,
        links=st.lists(links, max_size=2).map(tuple),
        photos=st.lists(photos, max_size=2).map(tuple),
        tags=tag_lists,
    )


@st.composite
def _event_span(
    draw: st.DrawFn, aware_only: bool
) -> tuple[date | datetime | None, date | datetime | None]:
    """A start and an end in order, both aware or both naive when both are datetimes."""
    start = draw(st.none() | _dates_or_datetimes(aware_only))
    if start is None:
        return None, None
    if isinstance(start, datetime):
        later = draw(st.integers(min_value=0, max_value=3 * 24 * 3600))
        end_dt = start + timedelta(seconds=later)
        return start, draw(st.sampled_from([None, end_dt, end_dt.date()]))
    days = draw(st.integers(min_value=0, max_value=3))
    return start, draw(st.sampled_from([None, start + timedelta(days=days)]))


@st.composite
def events(draw: st.DrawFn, zone: str | None = None) -> Event:
    start, end = draw(_event_span(zone is not None))
    return Event(
        name=draw(one_line_texts),
        kind=draw(st.sampled_from(EventKind)),
        start=start,
        end=end,
        timezone=zone,
        city=draw(optional_texts),
        venue=draw(optional_texts),
        online_url=draw(st.none() | http_urls),
        organizers=draw(tag_lists),
        sponsors=draw(tag_lists),
        url=draw(optional_urls),
        attendance=draw(st.none() | st.integers(min_value=0, max_value=100_000)),
        tags=draw(tag_lists),
        tracks=draw(tag_lists),
        overview=draw(optional_texts),
        links=draw(st.lists(event_links, max_size=2)),
        photos=draw(st.lists(photos, max_size=2)),
        extra=draw(st.dictionaries(nonblank_texts, extra_values, max_size=2)),
    )


@st.composite
def _recaps(draw: st.DrawFn) -> Recap:
    zone = draw(st.none() | st.sampled_from(["Asia/Shanghai", "UTC", "America/New_York"]))
    aware_only = zone is not None
    event = draw(events(zone))
    programme = draw(
        st.lists(talks(aware_only), max_size=3, unique_by=lambda t: t.title.strip().casefold())
    )
    # A talk's day is one of the event's days: a drawn day elsewhere is dropped.
    days = event.days
    programme = [
        attrs.evolve(t, day=None) if days and t.day and t.day not in days else t for t in programme
    ]
    return Recap(
        title=draw(one_line_texts),
        date=draw(_dates_or_datetimes(aware_only)),
        event=event,
        authors=draw(tag_lists),
        lang=draw(st.sampled_from(["en", "zh-CN", "zh-Hans-CN", "ja", "en-US", "de", "zh"])),
        tags=draw(tag_lists),
        categories=draw(tag_lists),
        slug=draw(st.none() | st.from_regex(r"[a-z0-9\u4e00-\u9fa5-]{1,24}", fullmatch=True)),
        draft=draw(st.booleans()),
        cover=(cover := draw(optional_urls)),
        cover_alt=draw(st.none() | alt_texts) if cover else None,
        lead=draw(optional_texts),
        highlights=draw(st.lists(highlights, max_size=3).map(tuple)),
        talks=programme,
        summary=draw(optional_texts),
        extra=draw(st.dictionaries(nonblank_texts, extra_values, max_size=3)),
    )


recaps: st.SearchStrategy[Recap] = _recaps()
"""Valid recaps with hostile text everywhere a writer types text."""
