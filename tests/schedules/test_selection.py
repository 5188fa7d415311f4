"""Choosing what the writer attended: --day, --track, --talk, and errors that list what exists."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from recapkit import UsageError, load_schedule, select_sessions
from recapkit.schedules.selection import describe
from tests.schedules.helpers import PRETALX

PROGRAMME = load_schedule(PRETALX)


def ids(**kwargs: object) -> list[str]:
    return [s.id for s in select_sessions(PROGRAMME, **kwargs)]  # type: ignore[arg-type]


def test_nothing_chosen_is_the_whole_programme_in_the_order_it_took_place() -> None:
    assert [s.id for s in PROGRAMME.sessions] == ["101", "102", "103", "201"]  # room by room
    assert ids() == ["101", "103", "102", "201"]


def test_a_day_by_date_or_by_number() -> None:
    assert ids(days=["2025-05-18"]) == ["201"]
    assert ids(days=["1"]) == ["101", "103", "102"]
    assert ids(days=[date(2025, 5, 18), 1]) == ["101", "103", "102", "201"]


def test_tracks_ignore_case_and_combine_with_days() -> None:
    assert ids(tracks=["cloud native"]) == ["103", "201"]
    assert ids(tracks=["Cloud Native"], days=["2"]) == ["201"]


def test_talks_by_any_of_their_ids_in_the_order_given() -> None:
    assert ids(talk_ids=["201", "RC7KQX", "9a1e7d52-1111-4c1e-9d3e-000000000103"]) == [
        "201",
        "101",
        "103",
    ]
    assert ids(talk_ids=["101", "RC7KQX"]) == ["101"]  # one session named twice is one talk


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"days": ["3"]}, "the programme has no day 3; its days: 1 = 2025-05-17, 2 = 2025-05-18"),
        ({"days": ["2025-06-01"]}, "no day 2025-06-01; its days: 1 = 2025-05-17"),
        ({"days": ["friday"]}, "--day takes a date (2025-05-17) or a day number"),
        ({"tracks": ["Rust"]}, "the programme has no track 'Rust'; its tracks: Go, Cloud Native"),
        ({"talk_ids": ["999", "101"]}, "no session with id 999 in"),
        ({"talk_ids": ["201"], "days": ["1"]}, "session 201 is not on the chosen --day/--track"),
    ],
)
def test_unknown_choices_list_the_valid_ones(kwargs: dict[str, list[str]], message: str) -> None:
    with pytest.raises(UsageError, match=None) as caught:
        select_sessions(PROGRAMME, **kwargs)  # type: ignore[arg-type]
    assert message in str(caught.value)


def test_the_listing_shows_id_day_time_room_track_title_and_speakers() -> None:
    lines = describe(PROGRAMME.sessions)
    assert (
        lines[1]
        == "102\t2025-05-17 10:30\tHall A · Go\tContinuous profiling without the bill (Maya Okafor, 陈思远)"
    )


def test_a_slot_after_midnight_comes_last_in_its_day() -> None:
    from recapkit.schedules.model import Session
    from recapkit.schedules.selection import _when

    day = date(2025, 5, 17)
    tz = timezone(timedelta(hours=8))
    late = Session(id="n", title="Night", day=day, start=datetime(2025, 5, 18, 1, tzinfo=tz))
    morning = Session(id="m", title="Morning", day=day, start=datetime(2025, 5, 17, 9, tzinfo=tz))
    next_day = Session(
        id="d", title="Day two", day=date(2025, 5, 18), start=datetime(2025, 5, 18, 9, tzinfo=tz)
    )
    ordered = sorted([next_day, late, morning], key=_when)
    assert [s.id for s in ordered] == ["m", "n", "d"]
