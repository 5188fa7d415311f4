"""A programme and its chosen sessions as a recap: the event, a talk per session."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import attrs
import pytest

from recapkit import (
    EventKind,
    Link,
    ScheduleError,
    TalkKind,
    UsageError,
    load_schedule,
    recap_from_schedule,
    select_sessions,
)
from recapkit.schedules.model import Session
from recapkit.schedules.recap import talk_from_session, talk_kind
from tests.schedules.helpers import FRAB, PRETALX, SESSIONIZE

PROGRAMME = load_schedule(PRETALX)


def test_the_event_is_the_conference_with_its_dates_zone_url_and_chosen_tracks() -> None:
    chosen = select_sessions(PROGRAMME, tracks=["Go"])
    recap = recap_from_schedule(
        PROGRAMME, chosen, title="RiverConf 2025 recap", post_date=date(2025, 5, 20)
    )
    event = recap.event
    assert (event.name, event.kind) == ("RiverConf 2025 江城开发者大会", EventKind.CONFERENCE)
    assert (event.start, event.end, event.timezone) == (
        date(2025, 5, 17),
        date(2025, 5, 18),
        "Asia/Shanghai",
    )
    assert event.url == "https://pretalx.example.org/riverconf-2025/"
    assert event.tracks == ("Go",)
    assert recap.draft and recap.date == date(2025, 5, 20)
    assert [t.title for t in recap.talks] == [
        "Go 泛型三年：我们学到了什么",
        "Continuous profiling without the bill",
    ]


def test_a_talk_takes_slides_video_and_the_programme_page_apart() -> None:
    keynote, profiling = PROGRAMME.sessions[:2]
    talk = talk_from_session(keynote, "zh")
    assert talk.slides == "https://files.example.org/rc25/generics-slides.pdf"
    assert talk.video is None
    assert talk.links[0] == Link(url=keynote.url or "", title="议程页面")
    assert talk.links[1].title == "Demo code"
    assert talk.duration == timedelta(minutes=45)
    assert talk.start == keynote.start
    assert talk_from_session(profiling).video == "https://video.example.org/rc25/102"
    assert talk_from_session(profiling).links[0].title == "Programme"


def test_sessionize_speakers_bring_company_and_tagline() -> None:
    speaker = talk_from_session(load_schedule(SESSIONIZE).sessions[0]).speakers[0]
    assert (speaker.name, speaker.affiliation, speaker.role) == (
        "李雨桐",
        "江城云科技",
        "Backend engineer",
    )


def test_the_abstract_falls_back_to_the_description_and_odd_durations_are_left_out() -> None:
    session = attrs.evolve(PROGRAMME.sessions[0], abstract=None, duration=timedelta(seconds=90))
    talk = talk_from_session(session)
    assert talk.abstract == "从类型参数到迭代器：一个团队的迁移记录。"
    assert talk.duration is None


def test_sessions_sharing_a_title_ask_for_a_narrower_choice() -> None:
    twice = (
        PROGRAMME.sessions[0],
        attrs.evolve(PROGRAMME.sessions[1], title=PROGRAMME.sessions[0].title),
    )
    with pytest.raises(UsageError, match=r"share a title .*pick sessions with --talk ID or --day"):
        recap_from_schedule(PROGRAMME, twice, title="x")


def test_a_programme_without_a_name_needs_one() -> None:
    programme = load_schedule(SESSIONIZE)
    with pytest.raises(UsageError, match="does not name the conference"):
        recap_from_schedule(programme, programme.sessions[:1], title="x")
    recap = recap_from_schedule(
        programme, programme.sessions[:1], title="x", event_name="RiverConf"
    )
    assert recap.event.name == "RiverConf"
    assert recap.event.start == date(2025, 5, 17)  # from the sessions when the file has no dates


def test_what_the_model_refuses_is_a_schedule_error_not_a_crash() -> None:
    backwards = attrs.evolve(PROGRAMME, end=date(2025, 5, 1))
    with pytest.raises(
        ScheduleError,
        match=r"pretalx-schedule.json: cannot be made into a recap: end must not be before start",
    ):
        recap_from_schedule(backwards, PROGRAMME.sessions[:1], title="x")


@pytest.mark.parametrize("fixture", [PRETALX, FRAB])
def test_each_talk_keeps_the_programmes_id_and_its_kind(fixture: Path) -> None:
    programme = load_schedule(fixture)
    talks = [talk_from_session(s) for s in programme.sessions]
    assert [t.id for t in talks] == [s.id for s in programme.sessions]
    kinds = {t.title: t.kind for t in talks}
    assert TalkKind.KEYNOTE in kinds.values() and TalkKind.WORKSHOP in kinds.values()
    assert TalkKind.LIGHTNING in kinds.values() and TalkKind.TALK in kinds.values()


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("Keynote", TalkKind.KEYNOTE),
        ("lightning_talk", TalkKind.LIGHTNING),
        ("Lightning-Talk", TalkKind.LIGHTNING),
        ("  Panel  Discussion ", TalkKind.PANEL),
        ("lecture", TalkKind.TALK),
        ("Coffee break", TalkKind.BREAK),
        (None, TalkKind.TALK),
    ],
)
def test_a_programmes_word_for_a_slot_is_a_talk_kind(word: str | None, kind: TalkKind) -> None:
    assert talk_kind(word) == kind


def test_a_session_with_a_clock_time_keeps_its_programme_day() -> None:
    session = Session(id="s1", title="Lunch", day=date(2025, 5, 17), start=None, kind="lunch")
    talk = talk_from_session(session)
    assert (talk.day, talk.kind, talk.held_on) == (
        date(2025, 5, 17),
        TalkKind.BREAK,
        date(2025, 5, 17),
    )
