from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest

from recapkit.rendering.dates import clock, duration, human_date, when

CST = timezone(timedelta(hours=8))
CET = timezone(timedelta(hours=1))


def test_human_dates() -> None:
    assert human_date(date(2024, 5, 18), "en") == "18 May 2024"
    assert human_date(date(2024, 5, 18), "zh") == "2024年5月18日"
    assert human_date(datetime(2024, 5, 18, 9, 5, tzinfo=CST), "zh") == "2024年5月18日 09:05"
    assert clock(time(14, 0)) == "14:00"


@pytest.mark.parametrize(
    ("minutes", "en", "zh"),
    [(45, "45 min", "45 分钟"), (60, "1 h", "1 小时"), (90, "1 h 30 min", "1 小时 30 分钟")],
)
def test_durations(minutes: int, en: str, zh: str) -> None:
    assert duration(timedelta(minutes=minutes), "en") == en
    assert duration(timedelta(minutes=minutes), "zh") == zh


@pytest.mark.parametrize(
    ("start", "end", "zone", "en", "zh"),
    [
        (  # a Chinese meetup: Chinese readers see the weekday and no zone
            datetime(2025, 4, 19, 13, 30, tzinfo=CST),
            datetime(2025, 4, 19, 18, 0, tzinfo=CST),
            "Asia/Shanghai",
            "19 April 2025, 13:30–18:00 (Asia/Shanghai)",
            "2025年4月19日（周六）13:30–18:00",
        ),
        (  # elsewhere: the local time's offset, from the datetime itself
            datetime(2025, 2, 6, 19, 0, tzinfo=CET),
            datetime(2025, 2, 6, 21, 30, tzinfo=CET),
            None,
            "6 February 2025, 19:00–21:30 (UTC+01:00)",
            "2025年2月6日（周四）19:00–21:30（当地时间 UTC+01:00）",
        ),
        (  # a two-day conference with a zone name: the offset of that zone on that day
            date(2025, 9, 12),
            date(2025, 9, 13),
            "America/Chicago",
            "12–13 September 2025 (America/Chicago)",
            "2025年9月12日–13日（当地时间 UTC\u221205:00）",
        ),
        (
            date(2025, 1, 30),
            date(2025, 2, 1),
            None,
            "30 January–1 February 2025",
            "2025年1月30日–2月1日",
        ),
        (
            date(2024, 12, 30),
            date(2025, 1, 2),
            None,
            "30 December 2024–2 January 2025",
            "2024年12月30日–2025年1月2日",
        ),
        (
            date(2025, 3, 1),
            None,
            "Asia/Shanghai",
            "1 March 2025 (Asia/Shanghai)",
            "2025年3月1日（周六）",
        ),
        (
            datetime(2025, 3, 1, 9, 0, tzinfo=UTC),
            None,
            None,
            "1 March 2025, 09:00 (UTC)",
            "2025年3月1日（周六）09:00（当地时间 UTC）",
        ),
        (
            datetime(2025, 3, 1, 9, 0),
            None,
            None,
            "1 March 2025, 09:00",
            "2025年3月1日（周六）09:00",
        ),
    ],
)
def test_event_spans(start: date, end: date | None, zone: str | None, en: str, zh: str) -> None:
    assert when(start, end, zone, "en") == en
    assert when(start, end, zone, "zh") == zh


def test_no_start_no_text() -> None:
    assert when(None, date(2025, 1, 1), "Asia/Shanghai", "zh") == ""
