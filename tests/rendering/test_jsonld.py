"""The recap as schema.org Event JSON-LD: what each field becomes, checked against the
schema.org vocabulary (tests/schema_vocabulary.py), for the examples and for any valid recap."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recapkit.data.files import load_recap
from recapkit.data.model import (
    Event,
    EventKind,
    EventLink,
    EventLinkKind,
    Highlight,
    Photo,
    Recap,
    Speaker,
    Talk,
    TalkKind,
)
from recapkit.rendering.jsonld import dumps_jsonld, recap_jsonld
from tests.paths import EXAMPLES
from tests.schema_vocabulary import vocabulary
from tests.strategies import recaps

DATA_FILES = sorted(p for p in EXAMPLES.glob("*.*") if p.suffix in (".yaml", ".toml", ".json"))
CET = timezone(timedelta(hours=1))
SCRIPT = re.compile(r'\A<script type="application/ld\+json">\n(.*)\n</script>\n\Z', re.DOTALL)


def recap(event: Event | None = None, **fields: Any) -> Recap:
    return Recap(
        title="Recap", date=date(2025, 3, 1), event=event or Event(name="Meetup"), **fields
    )


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.name)
def test_every_example_fits_the_schema_org_vocabulary(path: Any) -> None:
    data = recap_jsonld(load_recap(path), base_url="https://blog.example.org/")
    assert vocabulary().problems(data) == []
    assert data["subEvent"]  # each example has talks: the check reached them


def test_the_vocabulary_check_finds_what_schema_org_does_not_allow() -> None:
    bad = {
        "@context": "https://schema.org",
        "@type": "Event",
        "keywords": "go",  # CreativeWork's, not Event's (release 12.0)
        "startDate": "19 April 2025",
        "performer": {"@type": "Place", "name": "Hall"},
        "location": {"@type": "Venue"},
        "eventAttendanceMode": "https://schema.org/EventCancelled",
        "subEvent": [{"@type": "Event", "worksFor": {"@type": "Organization"}}],
    }
    assert vocabulary().problems(bad) == [
        "$.keywords: not a property of Event",
        "$.startDate[0]: '19 April 2025' is none of ['Date', 'DateTime']",
        "$.performer[0]: a Place is none of ['Organization', 'Person']",
        "$.location[0]: a Venue is none of ['Place', 'PostalAddress', 'Text', 'VirtualLocation']",
        "$.location[0]: unknown @type 'Venue'",
        "$.eventAttendanceMode[0]: 'https://schema.org/EventCancelled' is none of "
        "['EventAttendanceModeEnumeration']",
        "$.subEvent[0].worksFor: not a property of Event",
    ]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    value=recaps, base=st.sampled_from([None, "https://blog.example.org", "https://x.org/blog/"])
)
def test_any_recap_gives_json_ld_that_fits_and_round_trips(value: Recap, base: str | None) -> None:
    data = recap_jsonld(value, base_url=base)
    assert vocabulary().problems(data) == []
    assert json.loads(dumps_jsonld(data)) == data
    assert json.loads(dumps_jsonld(data, indent=None)) == data
    script = SCRIPT.match(dumps_jsonld(data, html=True))
    assert script is not None
    assert "<" not in script[1]  # no </script>, <!-- or <script> can end or bend the element
    assert json.loads(script[1]) == data
    assert data["name"] == value.event.name
    talks = [t.title for t in value.talks if t.kind != "break"]  # a break is no sub-event
    assert [talk["name"] for talk in data.get("subEvent", [])] == talks


def test_dates_keep_their_offset_and_a_date_stays_a_date() -> None:
    start = datetime(2025, 2, 6, 19, 0, tzinfo=CET)
    timed = recap_jsonld(recap(Event(name="N", start=start, end=start + timedelta(hours=2))))
    assert (timed["startDate"], timed["endDate"]) == (
        "2025-02-06T19:00:00+01:00",
        "2025-02-06T21:00:00+01:00",
    )
    days = recap_jsonld(recap(Event(name="N", start=date(2025, 9, 12), end=date(2025, 9, 13))))
    assert (days["startDate"], days["endDate"]) == ("2025-09-12", "2025-09-13")
    assert "startDate" not in recap_jsonld(recap())


@pytest.mark.parametrize(
    ("where", "mode", "locations"),
    [
        ({"venue": "Hall 1", "city": "Berlin"}, "Offline", ["Place"]),
        ({"city": "Berlin"}, "Offline", ["Place"]),
        ({"online_url": "https://live.example.org/x"}, "Online", ["VirtualLocation"]),
        ({"kind": EventKind.ONLINE}, "Online", []),
        ({"kind": EventKind.ONLINE, "city": "Berlin"}, "Online", []),  # the community's city
        ({"kind": EventKind.ONLINE, "venue": "Café"}, "Mixed", ["Place"]),  # a watch party
        (
            {"venue": "Hall 1", "online_url": "https://live.example.org/x"},
            "Mixed",
            ["Place", "VirtualLocation"],
        ),
    ],
)
def test_attendance_mode_and_locations(
    where: dict[str, Any], mode: str, locations: list[str]
) -> None:
    data = recap_jsonld(recap(Event(name="N", **where)))
    assert data["eventAttendanceMode"] == f"https://schema.org/{mode}EventAttendanceMode"
    found = data.get("location", [])
    found = found if isinstance(found, list) else [found]
    assert [place["@type"] for place in found] == locations


def test_no_place_and_no_online_address_say_nothing_of_attendance() -> None:
    data = recap_jsonld(recap())
    assert "eventAttendanceMode" not in data
    assert "location" not in data


def test_a_place_is_named_by_its_venue_and_addressed_by_its_city() -> None:
    data = recap_jsonld(recap(Event(name="N", venue="Hall 1", city="杭州")))
    assert data["location"] == {
        "@type": "Place",
        "name": "Hall 1",
        "address": {"@type": "PostalAddress", "addressLocality": "杭州"},
    }


def test_a_time_of_day_lands_on_the_only_day_of_the_event_in_its_zone() -> None:
    talk = Talk(title="T", start=time(19, 15), duration=timedelta(minutes=90))
    one_day = Event(name="N", start=date(2025, 2, 6), timezone="Europe/Berlin")
    data = recap_jsonld(recap(one_day, talks=(talk,)))["subEvent"][0]
    assert (data["startDate"], data["endDate"], data["duration"]) == (
        "2025-02-06T19:15:00+01:00",
        "2025-02-06T20:45:00+01:00",
        "PT1H30M",
    )
    two_days = Event(name="N", start=date(2025, 2, 6), end=date(2025, 2, 7))
    data = recap_jsonld(recap(two_days, talks=(talk,)))["subEvent"][0]
    assert "startDate" not in data  # which of the two days is not known
    assert "endDate" not in data
    assert data["duration"] == "PT1H30M"


def test_a_talk_with_its_speakers_video_slides_and_photos() -> None:
    speaker = Speaker(
        name="王磊",
        affiliation="示例支付",
        role="工程师",
        url="https://wanglei.example.org",
        handles={
            "github": "wanglei-dev",
            "x": "@wl",
            "weibo": "王磊",
            "blog": "https://b.example.org",
        },
    )
    talk = Talk(
        title="Generics",
        speakers=(speaker,),
        room="Hall B",
        abstract="What generics are good for.\n",
        tags=("Go",),
        video="https://video.example.org/1",
        slides="/slides/generics.pdf",
        photos=(Photo(src="/img/a.jpg", alt="The speaker at the stage", caption="Q&A"),),
    )
    data = recap_jsonld(recap(talks=(talk,)), base_url="https://blog.example.org")["subEvent"][0]
    assert data["location"] == {"@type": "Place", "name": "Hall B"}
    assert data["description"] == "What generics are good for."
    assert data["about"] == [{"@type": "Thing", "name": "Go"}]
    assert data["performer"] == [
        {
            "@type": "Person",
            "name": "王磊",
            "jobTitle": "工程师",
            "worksFor": {"@type": "Organization", "name": "示例支付"},
            "url": "https://wanglei.example.org",
            "sameAs": [
                "https://github.com/wanglei-dev",
                "https://x.com/wl",
                "https://b.example.org",
            ],
        }
    ]
    assert data["recordedIn"] == {
        "@type": "VideoObject",
        "name": "Generics",
        "url": "https://video.example.org/1",
    }
    assert data["workFeatured"]["url"] == "https://blog.example.org/slides/generics.pdf"
    assert data["image"] == [
        {
            "@type": "ImageObject",
            "contentUrl": "https://blog.example.org/img/a.jpg",
            "description": "The speaker at the stage",
            "caption": "Q&A",
        }
    ]


def test_site_paths_stay_relative_without_a_base_url() -> None:
    data = recap_jsonld(recap(Event(name="N", url="/events/n/"), cover="/img/cover.jpg"))
    assert (data["url"], data["image"]) == ("/events/n/", "/img/cover.jpg")


def test_topics_are_highlights_then_tags_each_once() -> None:
    data = recap_jsonld(
        recap(
            Event(name="N", tags=("Go", "eBPF")),
            highlights=(Highlight(term="ebpf", note="zero-instrumentation tracing"),),
            tags=("go", "meetup"),
        )
    )
    assert data["about"] == [
        {"@type": "Thing", "name": "ebpf", "description": "zero-instrumentation tracing"},
        {"@type": "Thing", "name": "Go"},
        {"@type": "Thing", "name": "meetup"},
    ]


def test_the_script_element_survives_a_title_that_closes_it() -> None:
    hostile = "Night </script><script>alert(1)</script> <!-- x"
    text = dumps_jsonld(recap_jsonld(recap(Event(name=hostile))), html=True)
    assert text.count("</script>") == 1
    assert "<!--" not in text
    script = SCRIPT.match(text)
    assert script is not None
    assert json.loads(script[1])["name"] == hostile


def test_a_speaker_known_only_by_company_performs_as_that_organization() -> None:
    talk = Talk(
        title="Operators",
        speakers=(Speaker(affiliation="示例云"), Speaker(role="volunteer"), Speaker(name="Ann")),
    )
    data = recap_jsonld(recap(talks=(talk,)))
    assert vocabulary().problems(data) == []
    assert data["subEvent"][0]["performer"] == [
        {"@type": "Organization", "name": "示例云"},
        {"@type": "Person", "name": "Ann"},
    ]


def test_event_links_photos_breaks_and_talk_days() -> None:
    event = Event(
        name="Conf",
        start=date(2025, 9, 12),
        end=date(2025, 9, 13),
        timezone="Asia/Shanghai",
        links=(
            EventLink(url="https://v.example.org/list", kind=EventLinkKind.RECORDINGS),
            EventLink(
                url="https://s.example.org/all", kind=EventLinkKind.SLIDES, title="All slides"
            ),
            EventLink(url="https://a.example.org/", kind=EventLinkKind.AGENDA),
        ),
        photos=(Photo(src="https://p.example.org/hall.jpg", alt="A full hall"),),
    )
    talks = (
        Talk(title="Day two talk", day=date(2025, 9, 13), start=time(10)),
        Talk(title="Lunch", kind=TalkKind.BREAK),
    )
    data = recap_jsonld(recap(event, talks=talks))
    assert vocabulary().problems(data) == []
    assert data["recordedIn"] == [
        {"@type": "VideoObject", "name": "Conf", "url": "https://v.example.org/list"}
    ]
    assert data["workFeatured"][0]["name"] == "All slides"
    assert data["subjectOf"][0]["@type"] == "CreativeWork"
    assert data["image"]["contentUrl"] == "https://p.example.org/hall.jpg"
    assert [t["name"] for t in data["subEvent"]] == ["Day two talk"]
    assert data["subEvent"][0]["startDate"] == "2025-09-13T10:00:00+08:00"
