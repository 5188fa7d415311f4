"""``talks_by_day``: the days of a programme, each talk on the day it says or the one before."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from hypothesis import given
from hypothesis import strategies as st

from recapkit.data.model import Talk
from recapkit.rendering.days import Day, talk_day, talks_by_day
from tests.rendering.test_engine import SHANGHAI

DAY1 = datetime(2025, 9, 12, 9, 30, tzinfo=SHANGHAI)
DAY2 = DAY1 + timedelta(days=1)


def titles(days: list[Day]) -> list[tuple[date | None, list[str]]]:
    return [(d.date, [t.title for t in d.talks]) for d in days]


def test_one_day_is_one_group() -> None:
    talks = [Talk(title="a", start=time(10)), Talk(title="b"), Talk(title="c", start=DAY1)]
    assert titles(talks_by_day(talks)) == [(DAY1.date(), ["a", "b", "c"])]
    assert titles(talks_by_day([Talk(title="a")])) == [(None, ["a"])]
    assert talks_by_day([]) == []


def test_days_in_date_order_and_clock_times_stay_on_the_day_before_them() -> None:
    talks = [
        Talk(title="early", start=time(9)),
        Talk(title="d2", start=DAY2),
        Talk(title="d2 later", start=time(15)),
        Talk(title="d1", start=DAY1),
        Talk(title="d1 later"),
    ]
    assert titles(talks_by_day(talks)) == [
        (DAY1.date(), ["d1", "d1 later"]),
        (DAY2.date(), ["early", "d2", "d2 later"]),  # before any dated talk: the first one's day
    ]
    assert [d.number for d in talks_by_day(talks)] == [1, 2]


def test_the_day_is_the_one_the_writer_typed_in_its_own_offset() -> None:
    late = datetime(2025, 9, 12, 23, 30, tzinfo=SHANGHAI)  # 15:30 UTC, still the 12th there
    assert talk_day(Talk(title="a", start=late)) == date(2025, 9, 12)
    assert talk_day(Talk(title="a", start=time(23, 30))) is None


starts = st.none() | st.times() | st.sampled_from([DAY1, DAY2, DAY2 + timedelta(days=3)])


@given(st.lists(starts, max_size=8))
def test_grouping_keeps_every_talk_once_in_data_order_within_a_day(
    values: list[datetime | time | None],
) -> None:
    talks = [Talk(title=f"t{i}", start=s) for i, s in enumerate(values)]
    days = talks_by_day(talks)
    grouped = [t for d in days for t in d.talks]
    assert sorted(grouped, key=talks.index) == talks
    for d in days:
        assert list(d.talks) == sorted(d.talks, key=talks.index)
    dated = {s.date() for s in values if isinstance(s, datetime)}
    assert [d.date for d in days] == (sorted(dated) or ([None] if talks else []))
