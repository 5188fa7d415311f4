"""The converter: strict structuring with every problem at its path, and exact round trips."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings

from recapkit.data.convert import DataProblem, RecapDataError, structure_recap, unstructure_recap
from recapkit.data.model import EventKind, Recap, TakeawayKind
from recapkit.errors import UsageError
from tests.strategies import recaps

CST = timezone(timedelta(hours=8))


def minimal(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"title": "Go Meetup", "date": "2025-03-01", "event": {"name": "Go"}}
    data.update(changes)
    return data


def problems(data: Any, **kwargs: Any) -> dict[str, str]:
    with pytest.raises(RecapDataError) as info:
        structure_recap(data, **kwargs)
    return {p.path_text: p.message for p in info.value.problems}


def test_path_text() -> None:
    assert (
        DataProblem(("talks", 2, "speakers", 0, "name"), "m").path_text
        == "talks[2].speakers[0].name"
    )
    assert DataProblem((), "m").path_text == "(top level)"


def test_every_problem_is_reported_at_once() -> None:
    data = minimal(
        tittle="x",
        lang=False,
        event={"name": "", "start": "2025-03-02", "end": "2025-03-01"},
        talks=[
            {"title": "A", "speakers": "Alice"},
            {"title": "B", "speakers": [{"nmae": "Bob"}], "duration": "soon"},
        ],
    )
    found = problems(data)
    assert set(found) == {
        "tittle",
        "lang",
        "event.name",
        "event.end",
        "talks[0].speakers",
        "talks[1].speakers[0].nmae",
        "talks[1].speakers[0]",
        "talks[1].duration",
    }
    assert found["tittle"] == "unknown key; did you mean 'title'?"
    assert (
        found["talks[1].speakers[0]"] == "a speaker needs a name, or else an affiliation or a role"
    )
    assert found["event.end"] == "end must not be before start"


def test_a_string_where_a_list_is_expected_is_one_problem() -> None:
    found = problems(minimal(talks=[{"title": "A", "speakers": "Alice"}], tags="go"))
    assert found == {
        "talks[0].speakers": "expected a list, got the text 'Alice'; write one '- name: ...' entry per speaker",
        "tags": "expected a list, got the text 'go'",
    }


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        (False, "got the boolean false; YAML reads unquoted yes/no/on/off/true/false as booleans"),
        (8, "got the number 8; quote it if it is text (YAML reads unquoted 010 as 8"),
        (1.1, "got the number 1.1; quote it if it is text (YAML reads unquoted 1.10 as 1.1)"),
        (date(2025, 1, 1), "got the date 2025-01-01"),
        (["a"], "got a list"),
        (None, "required value is empty"),
    ],
)
def test_text_fields_refuse_other_types(value: object, fragment: str) -> None:
    assert fragment in problems(minimal(title=value))["title"]


def test_no_coercion_of_numbers_booleans_or_enums() -> None:
    found = problems(
        minimal(
            draft="yes",
            event={"name": "Go", "attendance": "120", "kind": "Meetup"},
            talks=[{"title": "T", "takeaways": [{"text": "x", "kind": "tip"}]}],
        )
    )
    assert found["draft"] == "expected true or false, got the text 'yes'"
    assert found["event.attendance"] == "expected a whole number, got the text '120'"
    assert found["event.kind"].endswith("did you mean 'meetup'?")
    assert "expected one of insight, action" in found["talks[0].takeaways[0].kind"]
    assert (
        "whole number"
        in problems(minimal(event={"name": "Go", "attendance": True}))["event.attendance"]
    )


def test_validator_errors_land_on_their_fields() -> None:
    found = problems(
        minimal(
            cover="ftp://x",
            tags=["go", " "],
            talks=[
                {"title": "Same", "photos": [{"src": "/a.jpg", "alt": "IMG_0001.JPG"}]},
                {"title": "same ", "duration": 0},
            ],
        )
    )
    assert found["cover"].startswith("must be an http(s) URL or a path inside the site")
    assert found["tags[1]"] == "must not be empty, got ' '"
    assert (
        found["talks[0].photos[0].alt"]
        == "must describe the photo, not name its file: 'IMG_0001.JPG'"
    )
    assert found["talks[1].duration"] == "must be positive"
    # talks did not structure, but the repeat is reported in the same run all the same
    assert found["talks[1].title"] == "'same ' repeats talks[0].title"
    dup = problems(minimal(talks=[{"title": "Same"}, {"title": "same "}]))
    assert dup == {"talks[1].title": "'same ' repeats talks[0].title"}


def test_top_level_must_be_a_mapping() -> None:
    assert problems(["a"]) == {
        "(top level)": "expected a mapping of recap fields at the top, got a list"
    }
    assert "expected a mapping of Event fields" in problems(minimal(event="Go"))["event"]


def test_a_top_level_schema_reference_is_ignored() -> None:
    assert structure_recap(minimal(**{"$schema": "./recap.schema.json"})) == structure_recap(
        minimal()
    )
    nested = problems(minimal(event={"name": "Go", "$schema": "x"}))
    assert nested == {"event.$schema": "unknown key"}


def test_keys_are_kebab_case() -> None:
    recap = structure_recap(minimal(event={"name": "Go", "online-url": "https://live.example.org"}))
    assert recap.event.online_url == "https://live.example.org"
    assert problems(minimal(event={"name": "Go", "online_url": "https://x.example.org"})) == {
        "event.online_url": "unknown key; did you mean 'online-url'?"
    }


def test_dates_keep_their_zone_and_naive_ones_take_the_events() -> None:
    data = minimal(
        date="2025-03-01 21:30:00",
        event={"name": "Go", "timezone": "Asia/Shanghai", "start": "2025-03-01T13:30:00+0800"},
        talks=[{"title": "T", "start": "2025-03-01 14:00"}],
    )
    recap = structure_recap(data, timezone="UTC")
    assert recap.date == datetime(2025, 3, 1, 21, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
    assert recap.event.start == datetime(2025, 3, 1, 13, 30, tzinfo=CST)
    assert recap.talks[0].start == datetime(2025, 3, 1, 14, tzinfo=ZoneInfo("Asia/Shanghai"))
    fallback = structure_recap(minimal(date="2025-03-01 09:00"), timezone="Europe/Berlin")
    assert fallback.date == datetime(2025, 3, 1, 9, tzinfo=ZoneInfo("Europe/Berlin"))
    naive = structure_recap(minimal(date=datetime(2025, 3, 1, 9)))
    assert isinstance(naive.date, datetime) and naive.date.tzinfo is None
    with pytest.raises(UsageError, match="unknown time zone"):
        structure_recap(minimal(), timezone="Mars/Olympus")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("14:00", time(14)),
        (time(9, 30), time(9, 30)),
        ("2025-03-01T14:00:00+08:00", datetime(2025, 3, 1, 14, tzinfo=CST)),
    ],
)
def test_talk_start(value: object, expected: object) -> None:
    assert (
        structure_recap(minimal(talks=[{"title": "T", "start": value}])).talks[0].start == expected
    )


def test_talk_start_from_an_unquoted_yaml_time_gets_a_hint() -> None:
    message = problems(minimal(talks=[{"title": "T", "start": 840}]))["talks[0].start"]
    assert message.endswith("YAML 1.1 reads unquoted 14:00 as 840, so quote the time: '14:00'")
    assert (
        "expected a time"
        in problems(minimal(talks=[{"title": "T", "start": "2025-03-01"}]))["talks[0].start"]
    )


@pytest.mark.parametrize(
    ("value", "minutes"), [(45, 45), ("1h30m", 90), ("45m", 45), ("PT45M", 45)]
)
def test_talk_duration(value: object, minutes: int) -> None:
    talk = structure_recap(minimal(talks=[{"title": "T", "duration": value}])).talks[0]
    assert talk.duration == timedelta(minutes=minutes)


def test_unstructure_uses_kebab_keys_and_leaves_defaults_out() -> None:
    recap = structure_recap(
        minimal(
            event={"name": "Go", "online-url": "https://live.example.org"},
            talks=[{"title": "T", "start": "14:00", "duration": "1h30m"}],
        )
    )
    data = unstructure_recap(recap)
    assert data == {
        "title": "Go Meetup",
        "date": date(2025, 3, 1),
        "event": {"name": "Go", "kind": "meetup", "online-url": "https://live.example.org"},
        "lang": "en",
        "talks": [{"title": "T", "start": "14:00", "duration": 90}],
    }
    assert type(data["event"]["kind"]) is str


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(recaps)
def test_round_trip_through_plain_data_is_exact(recap: Recap) -> None:
    again = structure_recap(unstructure_recap(recap))
    assert again == recap
    assert type(again.event.kind) is EventKind
    assert all(type(t.kind) is TakeawayKind for talk in again.talks for t in talk.takeaways)


def test_every_repeated_title_is_reported_even_when_a_talk_is_broken() -> None:
    found = problems(
        minimal(
            talks=[
                {"title": "Go"},
                {"title": "Rust", "duration": "forty"},
                {"title": " go"},
                {"title": 7},
                {"title": "RUST"},
            ]
        )
    )
    assert found["talks[2].title"] == "' go' repeats talks[0].title"
    assert found["talks[4].title"] == "'RUST' repeats talks[1].title"
    assert found["talks[1].duration"].startswith("not a duration")
    assert found["talks[3].title"].startswith("expected text")


def test_an_overflowing_duration_is_a_problem_not_a_crash() -> None:
    # lint's RK108 relies on RecapDataError; an OverflowError would be an internal error (RK000).
    talks = [{"title": "t", "duration": 10**20}, {"title": "u", "duration": "99999999999999999999"}]
    found = problems(minimal(talks=talks))
    assert set(found) == {"talks[0].duration", "talks[1].duration"}
    assert all("longer than 10000 minutes" in message for message in found.values())


def test_a_huge_number_is_described_briefly() -> None:
    found = problems(minimal(title=1 << 20000))
    assert found["title"].startswith("expected text, got the number with about 6021 digits")


def test_the_new_fields_read_from_data_files() -> None:
    recap = structure_recap(
        minimal(
            cover="/c.jpg",
            **{"cover-alt": "A full hall"},
            event={
                "name": "Go",
                "overview": "1. A\n2. B",
                "links": [{"kind": "slides", "url": "https://github.example.org/slides"}],
                "photos": [
                    {"src": "/g.jpg", "alt": "Group photo", "source": "https://x.example.org/1"}
                ],
                "extra": {"no": 42},
            },
            talks=[
                {
                    "title": "A",
                    "kind": "keynote",
                    "day": "2025-03-02",
                    "id": "7FZ3KA",
                    "speakers": [{"affiliation": "腾讯云"}],
                    "extra": {"room-code": ["B1"]},
                },
                {"title": "Lunch", "kind": "break", "day": date(2025, 3, 2)},
            ],
        )
    )
    assert recap.cover_alt == "A full hall" and recap.event.links[0].kind == "slides"
    assert recap.event.photos[0].source == "https://x.example.org/1"
    assert recap.talks[0].day == date(2025, 3, 2) and recap.talks[0].id == "7FZ3KA"
    assert recap.talks[0].speakers[0].label == "腾讯云" and recap.talks[1].kind == "break"
    assert recap.talks[0].extra == {"room-code": ("B1",)} and recap.event.extra == {"no": 42}
    data = unstructure_recap(recap)
    assert data["cover-alt"] == "A full hall" and data["talks"][0]["extra"] == {"room-code": ["B1"]}
    assert structure_recap(data) == recap


def test_the_new_fields_report_problems_at_their_paths() -> None:
    found = problems(
        minimal(
            **{"cover-alt": "IMG_0001.JPG"},
            event={"name": "Go", "links": [{"kind": "slide", "url": "https://x.example.org"}]},
            talks=[
                {"title": "A", "day": "2025-03-02 10:00"},
                {"title": "B", "day": "2025-03-02", "start": "2025-03-01T10:00:00+08:00"},
                {"title": "C", "kind": "Panel", "speakers": [{"url": "https://x.example.org"}]},
            ],
        )
    )
    assert found == {
        "cover-alt": "must describe the photo, not name its file: 'IMG_0001.JPG'",
        "event.links[0].kind": "expected one of slides, recordings, agenda, album, website, other;"
        " got the text 'slide'; did you mean 'slides'?",
        "talks[0].day": "expected a day such as 2025-03-01, without a time;"
        " got the text '2025-03-02 10:00'",
        "talks[1].day": "day 2025-03-02 is not the day of start (2025-03-01)",
        "talks[2].kind": "expected one of keynote, talk, panel, lightning, workshop, break;"
        " got the text 'Panel'; did you mean 'panel'?",
        "talks[2].speakers[0]": "a speaker needs a name, or else an affiliation or a role",
    }


def test_a_plain_talk_and_an_other_link_leave_their_kind_out() -> None:
    data = unstructure_recap(
        structure_recap(
            minimal(
                talks=[{"title": "T", "kind": "talk"}],
                event={"name": "Go", "kind": "other", "links": [{"url": "/a", "kind": "other"}]},
            )
        )
    )
    assert data["talks"] == [{"title": "T"}] and data["event"]["links"] == [{"url": "/a"}]
    assert data["event"]["kind"] == "other"  # an event's kind is always written
