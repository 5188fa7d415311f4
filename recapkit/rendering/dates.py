"""Dates, times and durations as a reader of the post expects them, in English or Chinese.

English: ``18 May 2024, 14:00–17:30 (Asia/Shanghai)``. Chinese follows Chinese event notices:
``2024年5月18日（周六）14:00–17:30``, without a zone for China's own time (UTC+8, what
every reader assumes) and with ``（当地时间 UTC+01:00）`` for an event elsewhere.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from recapkit.data.dates import zone_named

_MONTHS = "January February March April May June July August September October November December"
_WEEKDAYS_ZH = "一二三四五六日"
_WEEKDAYS_EN = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday"
_CHINA_OFFSET = timedelta(hours=8)


def human_date(value: date, lang: str) -> str:
    """``18 May 2024`` or ``2024年5月18日``; a time of day is added when *value* has one."""
    day = value.date() if isinstance(value, datetime) else value
    text = (
        f"{day.year}年{day.month}月{day.day}日"
        if lang == "zh"
        else f"{day.day} {_MONTHS.split()[day.month - 1]} {day.year}"
    )
    if isinstance(value, datetime):
        text += f" {value:%H:%M}" if lang == "zh" else f", {value:%H:%M}"
    return text


def day_with_weekday(value: date, lang: str) -> str:
    """A day of a programme: ``Friday, 12 September 2025`` / ``2025年9月12日（周五）``."""
    day = value.date() if isinstance(value, datetime) else value
    if lang == "zh":
        return f"{human_date(day, lang)}（周{_WEEKDAYS_ZH[day.weekday()]}）"
    return f"{_WEEKDAYS_EN.split()[day.weekday()]}, {human_date(day, lang)}"


def clock(value: datetime | time) -> str:
    return f"{value:%H:%M}"


def duration(value: timedelta, lang: str) -> str:
    """``1 h 30 min`` or ``1 小时 30 分钟``."""
    hours, minutes = divmod(int(value.total_seconds()) // 60, 60)
    units = ("小时", "分钟") if lang == "zh" else ("h", "min")
    parts = [f"{hours} {units[0]}"] if hours else []
    if minutes or not hours:
        parts.append(f"{minutes} {units[1]}")
    return " ".join(parts)


def when(start: date | None, end: date | None, zone: str | None, lang: str) -> str:
    """The event's time span, compact when it stays within one day, with its zone."""
    if start is None:
        return ""
    return _span(start, end, lang) + _zone_note(start, zone, lang)


def _span(start: date, end: date | None, lang: str) -> str:
    one_day = end is None or end == start or _same_day(start, end)
    text = _zh_notice_day(start) if lang == "zh" and one_day else human_date(start, lang)
    if end is None or end == start:
        return text
    if isinstance(end, datetime) and _same_day(start, end):
        return text + "–" + clock(end)
    if type(end) is date and type(start) is date and end.year == start.year:
        return _day_range(start, end, lang)
    return text + "–" + human_date(end, lang)


def _same_day(start: date, end: date) -> bool:
    return isinstance(start, datetime) and isinstance(end, datetime) and end.date() == start.date()


def _zh_notice_day(value: date) -> str:
    """``2024年5月18日（周六）14:00``: Chinese event notices name the weekday."""
    text = day_with_weekday(value, "zh")
    return text + (clock(value) if isinstance(value, datetime) else "")


def _day_range(start: date, end: date, lang: str) -> str:
    """``12–13 September 2025`` / ``2025年9月12日–13日`` (also across months of one year)."""
    if lang == "zh":
        tail = f"{end.day}日" if end.month == start.month else f"{end.month}月{end.day}日"
        return f"{human_date(start, lang)}–{tail}"
    if end.month == start.month:
        return f"{start.day}–{human_date(end, lang)}"
    return f"{start.day} {_MONTHS.split()[start.month - 1]}–{human_date(end, lang)}"


def _zone_note(start: date, zone: str | None, lang: str) -> str:
    offset = _offset(start, zone)
    if lang == "zh":
        if offset is None or offset == _CHINA_OFFSET:
            return ""
        return f"（当地时间 {_utc(offset)}）"
    if zone:
        return f" ({zone})"
    return f" ({_utc(offset)})" if offset is not None else ""


def _offset(start: date, zone: str | None) -> timedelta | None:
    """The event's UTC offset: the start's own, else its zone's on that day."""
    if isinstance(start, datetime) and start.utcoffset() is not None:
        return start.utcoffset()
    if not zone:
        return None
    tz = zone_named(zone)
    if tz is None:
        return None
    day = start.date() if isinstance(start, datetime) else start
    return datetime.combine(day, time(12), tz).utcoffset()


def _utc(offset: timedelta) -> str:
    """``UTC``, ``UTC+01:00``, ``UTC−05:30`` (with a real minus sign, as typeset)."""
    if not offset:
        return "UTC"
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes > 0 else "\u2212"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{rest:02d}"
