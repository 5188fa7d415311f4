"""Each format's fixture read into the neutral programme: the same conference, four ways."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from recapkit import load_schedule
from tests.schedules.helpers import FRAB, ICAL, PRETALX, SESSIONIZE

SHANGHAI = ZoneInfo("Asia/Shanghai")
KEYNOTE = "Go 泛型三年：我们学到了什么"


@pytest.mark.parametrize(
    ("path", "fmt"),
    [(PRETALX, "pretalx"), (FRAB, "frab"), (SESSIONIZE, "sessionize"), (ICAL, "ical")],
)
def test_every_format_gives_titles_times_rooms_and_tracks(path: Path, fmt: str) -> None:
    programme = load_schedule(path, timezone="Asia/Shanghai")
    assert programme.format == fmt
    first = programme.sessions[0]
    assert first.title == KEYNOTE
    assert first.start == datetime(2025, 5, 17, 9, 30, tzinfo=SHANGHAI)
    assert first.day == date(2025, 5, 17)
    assert first.duration == timedelta(minutes=45)
    assert (first.room, first.track) == ("Hall A", "Go")
    assert programme.days == (date(2025, 5, 17), date(2025, 5, 18))
    assert programme.timezone == "Asia/Shanghai"


@pytest.mark.parametrize("path", [PRETALX, FRAB])
def test_pretalx_and_frab_carry_the_conference_speakers_links_and_ids(path: Path) -> None:
    programme = load_schedule(path)
    assert programme.name == "RiverConf 2025 江城开发者大会"
    assert (programme.start, programme.end) == (date(2025, 5, 17), date(2025, 5, 18))
    keynote, profiling = programme.sessions[:2]
    assert keynote.id == "101"
    assert "9a1e7d52-1111-4c1e-9d3e-000000000101" in keynote.other_ids
    assert keynote.kind is not None and keynote.kind.lower() == "keynote"
    assert keynote.language == "zh"
    assert keynote.abstract == "回顾 Go 泛型落地三年来的经验。"
    assert [p.name for p in profiling.speakers] == ["Maya Okafor", "陈思远"]
    slides = keynote.links[0]
    assert (slides.kind, slides.url) == (
        "slides",
        "https://files.example.org/rc25/generics-slides.pdf",
    )
    # a relative attachment is resolved against the schedule's base_url
    assert keynote.links[1].url.startswith("https://") and keynote.links[1].url.endswith("demo.zip")
    assert profiling.links[0].kind == "video"


def test_pretalx_keeps_the_submission_code_and_the_talk_page() -> None:
    keynote = load_schedule(PRETALX).sessions[0]
    assert keynote.other_ids[0] == "RC7KQX"
    assert keynote.url == "https://pretalx.example.org/riverconf-2025/talk/RC7KQX/"
    assert keynote.speakers[0].bio == "后端工程师。"


def test_a_frab_event_without_date_takes_its_day_and_start_in_the_conference_zone() -> None:
    lightning = load_schedule(FRAB).sessions[-1]
    assert lightning.start == datetime(2025, 5, 18, 14, 0, tzinfo=SHANGHAI)
    assert lightning.duration == timedelta(minutes=5)


def test_sessionize_times_stay_naive_unless_a_zone_is_given() -> None:
    naive = load_schedule(SESSIONIZE)
    assert naive.name is None
    assert naive.sessions[0].start == datetime(2025, 5, 17, 9, 30)
    zoned = load_schedule(SESSIONIZE, timezone="Europe/Berlin")
    assert zoned.sessions[0].start == datetime(2025, 5, 17, 9, 30, tzinfo=ZoneInfo("Europe/Berlin"))


def test_sessionize_resolves_speakers_rooms_categories_and_the_company_question() -> None:
    programme = load_schedule(SESSIONIZE)
    keynote, profiling, lunch, workshop = programme.sessions
    speaker = keynote.speakers[0]
    assert (speaker.name, speaker.affiliation, speaker.tagline) == (
        "李雨桐",
        "江城云科技",
        "Backend engineer",
    )
    assert keynote.kind == "Keynote"
    assert keynote.links[0].kind == "video"
    assert lunch.kind == "service"
    assert (workshop.room, workshop.track, workshop.kind) == (
        "Room 201",
        "Cloud Native",
        "Workshop",
    )
    assert workshop.duration == timedelta(minutes=90)
    assert profiling.speakers[0].tagline == "SRE at Example Corp"


def test_ical_utc_times_move_into_the_calendar_zone_and_folded_lines_join() -> None:
    programme = load_schedule(ICAL)
    assert programme.name == "RiverConf 2025 江城开发者大会"
    profiling = programme.sessions[1]
    assert profiling.id == "rc25-102@riverconf.example.org"
    assert profiling.start == datetime(2025, 5, 17, 10, 30, tzinfo=SHANGHAI)
    assert profiling.abstract is not None and profiling.abstract.endswith(
        "A longer line folded as RFC 5545 says."
    )
    assert "all the time, on a budget" in profiling.abstract  # \, unescaped
    assert programme.sessions[0].abstract == "回顾 Go 泛型落地三年来的经验。\n从类型参数到迭代器。"


def test_floating_ical_times_are_read_in_the_given_zone(tmp_path: Path) -> None:
    path = tmp_path / "floating.ics"
    path.write_bytes(ICAL.read_bytes().replace(b"X-WR-TIMEZONE:Asia/Shanghai\r\n", b""))
    assert load_schedule(path).sessions[2].start == datetime(2025, 5, 18, 14, 0)
    tokyo = load_schedule(path, timezone="Asia/Tokyo").sessions[2]
    assert tokyo.start == datetime(2025, 5, 18, 14, 0, tzinfo=ZoneInfo("Asia/Tokyo"))


def test_the_format_is_told_by_content_not_by_the_file_name(tmp_path: Path) -> None:
    for source in (PRETALX, FRAB, SESSIONIZE, ICAL):
        copy = tmp_path / f"{source.stem}.txt"
        copy.write_bytes(source.read_bytes())
        assert load_schedule(copy).sessions[0].title == KEYNOTE


def test_a_frab_slot_after_midnight_is_on_the_next_date_of_its_day(tmp_path: Path) -> None:
    text = FRAB.read_text(encoding="utf-8")
    text = text.replace('end="2025-05-17T18:00:00+08:00"', 'end="2025-05-18T02:00:00+08:00"', 1)
    late = (
        '<event guid="9a1e7d52-1111-4c1e-9d3e-000000000999" id="999"><start>01:00</start>'
        "<duration>00:30</duration><room>Hall A</room><title>Night owls</title></event>\n"
    )
    text = text.replace(
        '      <event guid="9a1e7d52-1111-4c1e-9d3e-000000000101"',
        late + '      <event guid="9a1e7d52-1111-4c1e-9d3e-000000000101"',
        1,
    )
    path = tmp_path / "late.xml"
    path.write_text(text, encoding="utf-8")
    (night,) = [s for s in load_schedule(path).sessions if s.id == "999"]
    assert night.start == datetime(2025, 5, 18, 1, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    assert night.day == date(2025, 5, 17)  # still day 1 of the programme


@pytest.mark.parametrize("key", ["startsAt", "endsAt"])
def test_a_sessionize_time_with_an_offset_beside_one_without_has_no_duration(
    tmp_path: Path, key: str
) -> None:
    """Which instant a time without an offset means is not known here: no duration, no crash
    (found by the fuzz test: '11-10' reads as 11:00 at UTC-10)."""
    value = {"startsAt": "2025-05-18T09:30:00", "endsAt": "2025-05-18T11:00:00"}[key]
    text = SESSIONIZE.read_text(encoding="utf-8")
    path = tmp_path / "all.json"
    path.write_text(text.replace(f'"{key}": "{value}"', f'"{key}": "{value}Z"'), encoding="utf-8")
    workshop = load_schedule(path).sessions[3]
    assert workshop.title == "动手写一个 Kubernetes Operator"
    assert workshop.duration is None
