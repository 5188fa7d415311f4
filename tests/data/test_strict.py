"""A hostile Python API session: building the model with wrong types fails at once, naming
the class, field and expected type (never a later Jinja traceback); what it accepts it stores
as tuples and frozen mappings, so every instance hashes and ``attrs.evolve`` works."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

import attrs
import pytest
from hypothesis import given

from recapkit import render
from recapkit.data.convert import structure_recap, unstructure_recap
from recapkit.data.files import dumps_recap
from recapkit.data.frozen import FrozenDict
from recapkit.data.model import (
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
    Talk,
    TalkKind,
)
from recapkit.rendering.days import talks_by_day
from tests.strategies import recaps

CST = timezone(timedelta(hours=8))


def recap(**changes: Any) -> Recap:
    base: dict[str, Any] = {
        "title": "Go night",
        "date": date(2024, 5, 3),
        "event": Event(name="Go"),
    }
    base.update(changes)
    return Recap(**base)


HOSTILE: list[tuple[Callable[[], object], type[Exception], str]] = [
    (
        lambda: recap(date="2024/5/3"),
        TypeError,
        "Recap.date must be a date or a datetime, got '2024/5/3' (str)",
    ),
    (
        lambda: Event(name="Go", start="tomorrow"),
        TypeError,
        "Event.start must be a date or a datetime or None, got 'tomorrow' (str)",
    ),
    (lambda: Event(name=None), TypeError, "Event.name must be text (str), got None"),
    (
        lambda: Event(name="Go", tags="go"),
        TypeError,
        "Event.tags must be a list or tuple, got 'go' (str); for one item write ('go',)",
    ),
    (
        lambda: Event(name="Go", tags=["go", 1]),
        TypeError,
        "Event.tags[1] must be text (str), got 1 (int)",
    ),
    (
        lambda: Event(name="Go", attendance="120"),
        TypeError,
        "Event.attendance must be a whole number",
    ),
    (
        lambda: Event(name="Go", attendance=True),
        TypeError,
        "Event.attendance must be a whole number",
    ),
    (
        lambda: Event(name="Go", kind="Meetup"),
        ValueError,
        "Event.kind must be one of meetup, conference, workshop, online, other; got 'Meetup'",
    ),
    (lambda: Event(name="Go", kind=3), TypeError, "Event.kind must be an EventKind or one of"),
    (
        lambda: Event(name="Go", links=[{"url": "https://x.example.org"}]),
        TypeError,
        "Event.links[0] must be an EventLink, got {'url'",
    ),
    (lambda: recap(event={"name": "Go"}), TypeError, "build it with Event(...)"),
    (lambda: recap(draft="no"), TypeError, "Recap.draft must be True or False (bool), got 'no'"),
    (lambda: recap(talks=Talk(title="T")), TypeError, "Recap.talks must be a list or tuple"),
    (lambda: recap(talks={"T": Talk(title="T")}), TypeError, "Recap.talks must be a list or tuple"),
    (lambda: recap(extra=[1]), TypeError, "Recap.extra must be a mapping (dict), got [1]"),
    (lambda: recap(extra={1: "x"}), TypeError, "Recap.extra keys must be text (str), got 1"),
    (lambda: recap(extra={"x": object()}), TypeError, "Recap.extra['x'] must hold data: text,"),
    (lambda: recap(extra={"x": [{1, 2}]}), TypeError, "Recap.extra['x'][0] must hold data"),
    (
        lambda: Speaker(name="A", handles={"github": 7}),
        TypeError,
        "Speaker.handles['github'] must be text (str), got 7",
    ),
    (lambda: Speaker(), ValueError, "a speaker needs a name, or else an affiliation or a role"),
    (lambda: Talk(title="T", kind="keynot"), ValueError, "Talk.kind must be one of keynote, talk,"),
    (
        lambda: Talk(title="T", start="14:00"),
        TypeError,
        "Talk.start must be a datetime or a time or None, got '14:00' (str)",
    ),
    (
        lambda: Talk(title="T", day=datetime(2025, 3, 1, 9)),
        TypeError,
        "Talk.day must be a date without a time",
    ),
    (
        lambda: Talk(title="T", day="2025-03-01"),
        TypeError,
        "Talk.day must be a date, got '2025-03-01' (str)",
    ),
    (
        lambda: Talk(title="T", day=date(2025, 3, 2), start=datetime(2025, 3, 1, 9, tzinfo=CST)),
        ValueError,
        "day 2025-03-02 is not the day of start (2025-03-01)",
    ),
    (
        lambda: Talk(title="T", duration=45),
        TypeError,
        "Talk.duration must be a timedelta, got 45 (int)",
    ),
    (
        lambda: Talk(title="T", speakers=["Alice"]),
        TypeError,
        "Talk.speakers[0] must be a Speaker, got 'Alice' (str)",
    ),
    (
        lambda: Takeaway(text="x", links=("https://go.dev",)),
        TypeError,
        "Takeaway.links[0] must be a Link",
    ),
    (lambda: Photo(src="/a.jpg", alt=None), TypeError, "Photo.alt must be text (str), got None"),
    (
        lambda: Photo(src="/a.jpg", alt="a", source="ftp://x"),
        ValueError,
        "source must be an http(s) URL",
    ),
    (
        lambda: recap(cover_alt="IMG_0273.JPG", cover="/c.jpg"),
        ValueError,
        "cover_alt must describe the photo",
    ),
    (
        lambda: recap(cover_alt="The hall, full"),
        ValueError,
        "cover_alt describes the cover: set cover too",
    ),
    (
        lambda: EventLink(url="https://x.example.org", kind="slide"),
        ValueError,
        "EventLink.kind must be one of slides, recordings, agenda, album, website, other; got 'slide'",
    ),
    (
        lambda: Highlight(term=b"eBPF"),
        TypeError,
        "Highlight.term must be text (str), got b'eBPF' (bytes)",
    ),
]


@pytest.mark.parametrize(("build", "error", "message"), HOSTILE, ids=lambda v: "")
def test_wrong_types_fail_at_construction_naming_the_field(
    build: Callable[[], object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=re.escape(message)):
        build()


def test_evolve_checks_like_construction() -> None:
    with pytest.raises(TypeError, match=re.escape("Recap.date must be a date or a datetime")):
        attrs.evolve(recap(), date="2024/5/3")


def test_sequences_become_tuples_and_evolve_can_append() -> None:
    one = recap(talks=[Talk(title="A")], tags=(t for t in ["go", "meetup"]))
    assert one.talks == (Talk(title="A"),) and one.tags == ("go", "meetup")
    two = attrs.evolve(one, talks=[*one.talks, Talk(title="B")])
    assert [t.title for t in two.talks] == ["A", "B"]
    assert attrs.evolve(one, talks=(*one.talks, Talk(title="B"))) == two
    with pytest.raises(ValueError, match="repeats"):  # the model's own invariants still hold
        attrs.evolve(two, talks=[*two.talks, Talk(title="a ")])


def test_enum_text_becomes_the_member() -> None:
    talk = Talk(title="Q&A", kind="panel")
    assert talk.kind is TalkKind.PANEL and Event(name="X", kind="online").kind is EventKind.ONLINE
    assert EventLink(url="/slides/", kind="slides").kind is EventLinkKind.SLIDES


def _one_of_each() -> list[object]:
    photo = Photo(
        src="/p.jpg", alt="The group on the stairs", source="https://flickr.example.org/1"
    )
    speaker = Speaker(affiliation="Grab", handles={"github": "x"})
    talk = Talk(
        title="T",
        speakers=[speaker],
        kind="lightning",
        day=date(2025, 3, 2),
        takeaways=[Takeaway(text="x", links=[Link(url="/a")])],
        extra={"k": [1, {"n": [2]}]},
    )
    event = Event(
        name="E",
        links=[EventLink(url="/s", kind="slides")],
        photos=[photo],
        overview="1. T\n2. U",
        extra={"sponsor": {"logos": ["/a.svg", "/b.svg"]}},
    )
    full = recap(
        event=event,
        talks=[talk],
        highlights=[Highlight(term="eBPF")],
        cover="/c.jpg",
        cover_alt="A full hall",
        extra={"a": [[1], {"b": date(2025, 1, 1)}]},
    )
    return [
        photo,
        speaker,
        talk,
        event,
        full,
        talk.takeaways[0],
        full.highlights[0],
        event.links[0],
        talk.takeaways[0].links[0],
    ]


@pytest.mark.parametrize("obj", _one_of_each(), ids=lambda o: type(o).__name__)
def test_every_class_hashes_and_evolves(obj: object) -> None:
    assert hash(obj) == hash(attrs.evolve(obj))  # type: ignore[misc]
    assert {obj, attrs.evolve(obj)} == {obj}  # type: ignore[misc]


def test_free_mappings_are_deep_frozen_and_dump_as_plain_data() -> None:
    full = _one_of_each()[4]
    assert isinstance(full, Recap)
    extra = full.event.extra
    assert isinstance(extra, FrozenDict) and extra["sponsor"]["logos"] == ("/a.svg", "/b.svg")
    with pytest.raises(TypeError):
        extra["x"] = 1  # type: ignore[index]
    assert extra == {"sponsor": {"logos": ("/a.svg", "/b.svg")}}  # equal to a plain mapping
    data = unstructure_recap(full)
    assert data["event"]["extra"] == {"sponsor": {"logos": ["/a.svg", "/b.svg"]}}
    assert data["talks"][0]["extra"] == {"k": [1, {"n": [2]}]}
    json.dumps(data["event"]["extra"])  # plain dicts and lists again
    assert structure_recap({**data, "extra": {}}) == attrs.evolve(full, extra={})
    assert "logos:" in dumps_recap(full, "yaml")


def test_nameless_speakers_print_their_affiliation_and_are_each_kept() -> None:
    grab = Speaker(affiliation="Grab")
    assert grab.label == "Grab" and grab.details == ()
    assert Speaker(role="SRE").label == "SRE"
    assert Speaker(affiliation="腾讯云", role="SRE").details == ("SRE",)
    assert Speaker(name="Li", affiliation="腾讯云").details == ("腾讯云",)
    one = recap(
        talks=[
            Talk(title="A", speakers=[grab, Speaker(name="Li")]),
            Talk(title="B", speakers=[grab, Speaker(name="Li", role="host")]),
        ]
    )
    assert [s.label for s in one.speakers] == ["Grab", "Li", "Grab"]
    out = render(one, ssg="hugo", lang="en")
    # in parentheses, as writers note a company: no reader takes "Grab" for a person's name
    assert "- **Speakers**: (Grab), Li" in out


def test_a_talks_day_is_given_or_taken_from_its_start() -> None:
    at = datetime(2025, 9, 13, 10, tzinfo=CST)
    assert Talk(title="T", start=at).held_on == date(2025, 9, 13)
    assert Talk(title="T", start=time(10), day=date(2025, 9, 12)).held_on == date(2025, 9, 12)
    assert Talk(title="T", start=time(10)).held_on is None
    two_days = recap(
        event=Event(name="Conf", start=date(2025, 9, 12), end=date(2025, 9, 13)),
        talks=[
            Talk(title="A", day=date(2025, 9, 12), start=time(9)),
            Talk(title="B", start=at),
            Talk(title="C", day=date(2025, 9, 12), start=time(14)),
        ],
    )
    assert two_days.event.days == (date(2025, 9, 12), date(2025, 9, 13))
    assert [(d.date, [t.title for t in d.talks]) for d in talks_by_day(two_days.talks)] == [
        (date(2025, 9, 12), ["A", "C"]),
        (date(2025, 9, 13), ["B"]),
    ]
    out = render(two_days, ssg="hugo", lang="en")
    assert "- **Time**: 13 September 2025, 10:00" in out
    assert "- **Time**: 12 September 2025, 09:00" in out


def test_event_overview_links_and_photos_are_rendered() -> None:
    full = _one_of_each()[4]
    assert isinstance(full, Recap)
    out = render(full, ssg="hugo", lang="zh")
    assert "1. T\n2. U" in out
    assert "[/s](/s)" in out
    assert "![The group on the stairs](/p.jpg)" in out


def test_a_break_gets_no_scaffold_todos_for_speakers_or_takeaways() -> None:
    lunch = recap(talks=[Talk(title="Lunch", kind="break", start=time(12))])
    out = render(lunch, ssg="hugo", lang="en", scaffold=True)
    section = out.split("## Lunch", 1)[1].split("\n## ", 1)[0]
    assert "speaker" not in section and "take home" not in section
    assert "summarise" not in section  # nothing to summarise of a lunch
    talk = render(recap(talks=[Talk(title="Go", start=time(12))]), ssg="hugo", lang="en")
    assert "summarise this talk" in talk  # a talk still asks for its summary


@given(recaps)
def test_every_generated_recap_hashes_and_survives_evolve(recap_: Recap) -> None:
    assert attrs.evolve(recap_) == recap_ and hash(attrs.evolve(recap_)) == hash(recap_)


def test_a_data_file_set_in_extra_is_a_problem_not_a_crash() -> None:
    from recapkit.data.problems import RecapDataError

    data = {"title": "T", "date": "2025-03-01", "event": {"name": "Go"}, "extra": {"s": {1, 2}}}
    with pytest.raises(RecapDataError) as info:
        structure_recap(data)
    [problem] = info.value.problems
    assert problem.path_text == "extra.s" and problem.message.endswith("got a set")


def test_a_given_talk_day_must_be_a_day_of_the_event() -> None:
    event = Event(name="Conf", start=date(2025, 9, 12), end=date(2025, 9, 13))
    with pytest.raises(
        ValueError, match=re.escape("talks[1].day 2025-09-14 is not a day of the event")
    ):
        recap(event=event, talks=[Talk(title="A"), Talk(title="B", day=date(2025, 9, 14))])
    assert recap(event=Event(name="Conf"), talks=[Talk(title="B", day=date(2025, 9, 14))])
    data = unstructure_recap(recap(event=event))
    data["talks"] = [{"title": "A", "day": "2025-09-11"}]
    from recapkit.data.problems import RecapDataError

    with pytest.raises(RecapDataError) as info:
        structure_recap(data)
    assert [(p.path_text, p.message) for p in info.value.problems] == [
        ("talks[0].day", "2025-09-11 is not a day of the event (2025-09-12 to 2025-09-13)")
    ]


def test_a_frozen_mapping_hashes_right_after_a_trip_through_pickle_in_another_process() -> None:
    import pickle
    import subprocess
    import sys

    from tests.paths import ROOT

    dumped = subprocess.run(
        [sys.executable, "-c", "import pickle,sys;from recapkit.data.frozen import FrozenDict;"
         "f=FrozenDict({'a': ('x', 1)});hash(f);sys.stdout.buffer.write(pickle.dumps(f))"],
        capture_output=True, check=True, env={"PYTHONHASHSEED": "1", "PYTHONPATH": str(ROOT)},
    ).stdout  # fmt: skip
    loaded = pickle.loads(dumped)
    assert loaded == FrozenDict({"a": ("x", 1)})
    assert hash(loaded) == hash(FrozenDict({"a": ("x", 1)}))
    assert loaded in {FrozenDict({"a": ("x", 1)})}
