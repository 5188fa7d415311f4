"""Date, time and duration spellings from real blogs."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recapkit.data.dates import (
    attach_zone,
    format_duration,
    format_time,
    parse_date_text,
    parse_duration_text,
    parse_time_text,
)

CST = timezone(timedelta(hours=8))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-03-01", date(2025, 3, 1)),
        ("2016/2/14", date(2016, 2, 14)),
        ("2024-4-09", date(2024, 4, 9)),
        ("2021-06-28 09:01:11", datetime(2021, 6, 28, 9, 1, 11)),
        ("2021-06-28T09:01", datetime(2021, 6, 28, 9, 1)),
        ("2020-10-18T01:03:25+08:00", datetime(2020, 10, 18, 1, 3, 25, tzinfo=CST)),
        ("2020-10-18T01:03:25+0800", datetime(2020, 10, 18, 1, 3, 25, tzinfo=CST)),
        ("2016-02-14 10:00:00 +0800", datetime(2016, 2, 14, 10, tzinfo=CST)),
        ("2025-03-01T10:00:00Z", datetime(2025, 3, 1, 10, tzinfo=UTC)),
        (
            "2025-03-01T10:00:00.5-05:30",
            datetime(
                2025, 3, 1, 10, 0, 0, 500000, tzinfo=timezone(-timedelta(hours=5, minutes=30))
            ),
        ),
    ],
)
def test_parse_date_text_reads_real_world_forms(text: str, expected: date) -> None:
    parsed = parse_date_text(text)
    assert parsed == expected
    assert type(parsed) is type(expected)
    if isinstance(parsed, datetime) and isinstance(expected, datetime):
        assert parsed.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2025-02-30", "impossible date"),
        ("2025-03-01 24:00", "impossible date"),
        ("2025-3/1", "not a date"),
        ("March 1, 2025", "not a date"),
        ("2025-03-01T10:00+25:00", "impossible date"),
        ("", "not a date"),
    ],
)
def test_parse_date_text_explains_failures(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_date_text(text)


@settings(max_examples=100, deadline=None)
@given(st.datetimes(timezones=st.sampled_from([UTC, CST])) | st.datetimes() | st.dates())
def test_parse_date_text_reads_isoformat(value: date) -> None:
    assert parse_date_text(value.isoformat()) == value


def test_times_and_durations() -> None:
    assert parse_time_text("14:00") == time(14)
    assert parse_time_text("9:30:15") == time(9, 30, 15)
    with pytest.raises(ValueError, match="not a time"):
        parse_time_text("2pm")
    with pytest.raises(ValueError, match="impossible time"):
        parse_time_text("25:00")
    assert format_time(time(14)) == "14:00"
    assert format_time(time(14, 0, 5)) == "14:00:05"
    for text, minutes in [
        ("1h30m", 90),
        ("45m", 45),
        ("45 min", 45),
        ("2h", 120),
        ("90", 90),
        ("PT45M", 45),
        ("pt1h", 60),
    ]:
        assert parse_duration_text(text) == timedelta(minutes=minutes), text
    for bad in ["", "h", "1.5h", "forty"]:
        with pytest.raises(ValueError, match="not a duration"):
            parse_duration_text(bad)
    assert format_duration(timedelta(minutes=90)) == 90
    assert parse_duration_text(str(format_duration(timedelta(seconds=30)))) == timedelta(seconds=30)


def test_attach_zone_only_touches_naive_datetimes() -> None:
    assert attach_zone(datetime(2025, 1, 1, 9), CST) == datetime(2025, 1, 1, 9, tzinfo=CST)
    aware = datetime(2025, 1, 1, 9, tzinfo=UTC)
    assert attach_zone(aware, CST) is aware
    assert attach_zone(date(2025, 1, 1), CST) == date(2025, 1, 1)
    assert attach_zone(datetime(2025, 1, 1), None).tzinfo is None


@pytest.mark.parametrize(
    "text",
    ["10001", "99999999999999999999", "99999999999999999999h", "PT999999999999H", "9" * 5000],
)
def test_a_duration_past_a_week_is_refused_not_overflowed(text: str) -> None:
    with pytest.raises(ValueError, match=r"longer than 10000 minutes|not a duration"):
        parse_duration_text(text)


def test_the_duration_bound_is_inclusive() -> None:
    assert parse_duration_text("10000") == timedelta(minutes=10_000)
    assert parse_duration_text("166h40m") == timedelta(minutes=10_000)
