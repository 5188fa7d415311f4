"""The model's invariants, checked by constructing objects directly (no data files)."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone

import attrs
import pytest

from recapkit.data.model import (
    Event,
    EventKind,
    EventLink,
    Highlight,
    Link,
    Photo,
    Recap,
    Speaker,
    Takeaway,
    TakeawayKind,
    Talk,
    check_order,
)
from tests import paths

CST = timezone(timedelta(hours=8))


def recap(**changes: object) -> Recap:
    base: dict[str, object] = {
        "title": "Go Meetup recap",
        "date": date(2025, 3, 1),
        "event": Event(name="Go Meetup"),
    }
    base.update(changes)
    return Recap(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: Event(name="  "), "name must not be empty"),
        (lambda: Speaker(name=""), "name must not be empty"),
        (lambda: Talk(title="\n"), "title must not be empty"),
        (lambda: Takeaway(text=" "), "text must not be empty"),
        (lambda: Highlight(term=""), "term must not be empty"),
        (lambda: recap(title=" "), "title must not be empty"),
        (lambda: Speaker(name="A", affiliation=" "), "leave it out instead"),
        (lambda: Event(name="X", tags=("go", " ")), "tags[1] must not be empty"),
    ],
)
def test_names_and_titles_must_not_be_blank(build: object, message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("]", r"\]")):
        build()  # type: ignore[operator]


@pytest.mark.parametrize("brk", ["\n", "\r\n", "\r", "\u2028", "\x85"])
@pytest.mark.parametrize(
    ("build", "name"),
    [
        (lambda t: Speaker(name=t), "name"),
        (lambda t: Talk(title=t), "title"),
        (lambda t: Event(name=t), "name"),
        (lambda t: recap(title=t), "title"),
        (lambda t: Highlight(term=t), "term"),
    ],
)
def test_names_and_titles_must_be_one_line(build: object, name: str, brk: str) -> None:
    with pytest.raises(ValueError, match=f"^{name} must be one line, without line breaks"):
        build(f"Go{brk}night")  # type: ignore[operator]


def test_multi_line_text_is_fine_where_it_belongs() -> None:
    talk = Talk(title="Go night", abstract="a\nb", summary="c\n\nd")
    assert recap(lead="x\ny", summary="z\n", talks=(talk,)).talks[0].summary == "c\n\nd"


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (date(2025, 3, 2), date(2025, 3, 1)),
        (datetime(2025, 3, 1, 14, tzinfo=CST), datetime(2025, 3, 1, 13, tzinfo=CST)),
        (datetime(2025, 3, 2, 9, tzinfo=CST), date(2025, 3, 1)),
    ],
)
def test_event_end_must_not_be_before_start(start: date, end: date) -> None:
    with pytest.raises(ValueError, match="end must not be before start"):
        Event(name="X", start=start, end=end)


def test_event_same_day_and_open_ranges_are_fine() -> None:
    assert Event(name="X", start=date(2025, 3, 1), end=date(2025, 3, 1)).end == date(2025, 3, 1)
    assert Event(name="X", start=datetime(2025, 3, 1, 14), end=date(2025, 3, 1)).start
    assert Event(name="X", end=date(2025, 3, 1)).start is None


def test_event_mixing_aware_and_naive_times_is_refused() -> None:
    with pytest.raises(ValueError, match="both have a timezone"):
        Event(name="X", start=datetime(2025, 3, 1, 9), end=datetime(2025, 3, 1, 10, tzinfo=CST))
    assert check_order(None, date(2025, 1, 1)) is None


@pytest.mark.parametrize(
    "url",
    ["https://example.org/x", "http://example.org", "/images/a.png", "images/a.png", "./a.png"],
)
def test_urls_may_be_http_or_site_paths(url: str) -> None:
    assert Link(url=url).url == url
    assert Photo(src=url, alt="The hall").src == url


@pytest.mark.parametrize(
    "url", ["ftp://example.org/x", "javascript:alert(1)", "//cdn.example.org/x.png", "a b.png", ""]
)
def test_other_urls_are_refused(url: str) -> None:
    with pytest.raises(ValueError, match="http\\(s\\) URL or a path inside the site"):
        Link(url=url)


@pytest.mark.parametrize(
    "url", ["www.example.org/slides.pdf", "github.com/golang/go", "WWW.Example.cn"]
)
def test_a_web_address_without_its_scheme_is_refused(url: str) -> None:
    with pytest.raises(ValueError, match=f"without its scheme: write https://{url}"):
        Link(url=url)


@pytest.mark.parametrize("url", ["slides.pdf", "v1.2/notes.md", "img/go.com.png", "/www.x/a"])
def test_dotted_site_paths_are_not_mistaken_for_hosts(url: str) -> None:
    assert Link(url=url).url == url


def test_online_url_must_be_http() -> None:
    with pytest.raises(ValueError, match="online_url must be an http\\(s\\) URL"):
        Event(name="X", online_url="/live")


@pytest.mark.parametrize(
    "alt", ["IMG_0273.JPG", "photo.png", "DSC01234", "图片", "x.png (PNG Image, 981 × 326 pixels)"]
)
def test_alt_must_not_be_a_file_name(alt: str) -> None:
    with pytest.raises(ValueError, match="not name its file"):
        Photo(src="/a.jpg", alt=alt)


def test_alt_is_required_and_not_blank() -> None:
    with pytest.raises(TypeError):
        Photo(src="/a.jpg")  # type: ignore[call-arg]
    with pytest.raises(ValueError, match="alt must not be empty"):
        Photo(src="/a.jpg", alt=" ")
    assert Photo(src="/a.jpg", alt="Speakers on stage").alt == "Speakers on stage"


def test_duplicate_talk_titles_are_refused_case_insensitively() -> None:
    with pytest.raises(ValueError, match=r"talks\[1\].title 'go 泛型' repeats talks\[0\].title"):
        recap(talks=(Talk(title="Go 泛型"), Talk(title="go 泛型")))


@pytest.mark.parametrize("lang", ["en", "zh-CN", "zh-Hans-CN", "es-419"])
def test_lang_accepts_bcp47(lang: str) -> None:
    assert recap(lang=lang).lang == lang


@pytest.mark.parametrize("lang", ["english", "zh_CN", "", "en-"])
def test_lang_refuses_other_text(lang: str) -> None:
    with pytest.raises(ValueError, match="BCP 47"):
        recap(lang=lang)


@pytest.mark.parametrize("slug", ["a b", "a/b", "..", "x?y", "50%"])
def test_slug_is_one_path_segment(slug: str) -> None:
    with pytest.raises(ValueError, match="one path segment"):
        recap(slug=slug)


def test_duration_must_be_positive_whole_minutes() -> None:
    with pytest.raises(ValueError, match="positive"):
        Talk(title="T", duration=timedelta(0))
    with pytest.raises(ValueError, match="whole number of minutes"):
        Talk(title="T", duration=timedelta(seconds=90))
    assert Talk(title="T", duration=timedelta(minutes=45), start=time(14)).duration


def test_attendance_and_timezone() -> None:
    with pytest.raises(ValueError, match="must not be negative"):
        Event(name="X", attendance=-1)
    with pytest.raises(ValueError, match="IANA time zone"):
        Event(name="X", timezone="Asia/Beijing")
    assert Event(name="X", timezone="Asia/Shanghai", kind=EventKind.CONFERENCE).timezone


def test_speakers_are_listed_once_in_order() -> None:
    alice, bob = Speaker(name="Alice"), Speaker(name="Bob")
    r = recap(
        talks=(
            Talk(title="A", speakers=(alice, bob)),
            Talk(title="B", speakers=(Speaker(name="Alice"),)),
        )
    )
    assert r.speakers == (alice, bob)


def test_instances_are_frozen() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        Takeaway(text="x", kind=TakeawayKind.ACTION).text = "y"  # type: ignore[misc]


DOCS = paths.DOCS / "data-format.md"


@pytest.mark.parametrize(
    "cls",
    [Recap, Event, Talk, Speaker, Takeaway, Highlight, Link, EventLink, Photo],
    ids=lambda c: c.__name__,
)
def test_data_format_docs_describe_every_field(cls: type) -> None:
    text = DOCS.read_text(encoding="utf-8")
    section = text.split(f"\n## {cls.__name__}", 1)[1].split("\n## ", 1)[0]
    documented = re.findall(r"^\| `([a-z-]+)` \|", section, flags=re.M)
    assert documented == [a.name.replace("_", "-") for a in attrs.fields(cls)]


@pytest.mark.parametrize("slug", [".hidden", ".", ".x-recap"])
def test_slug_must_not_start_with_a_dot(slug: str) -> None:
    with pytest.raises(ValueError, match="slug"):
        recap(slug=slug)


def test_slug_fits_a_file_name_in_bytes() -> None:
    assert recap(slug="回" * 66).slug  # 198 bytes
    with pytest.raises(ValueError, match="200 bytes"):
        recap(slug="回" * 67)  # 67 characters, but 201 bytes


def test_duration_has_an_upper_bound() -> None:
    assert Talk(title="T", duration=timedelta(minutes=10_000)).duration
    with pytest.raises(ValueError, match="at most 10000 minutes"):
        Talk(title="T", duration=timedelta(minutes=10_001))


def test_the_full_example_of_the_data_format_page_is_valid() -> None:
    from recapkit.data.files import loads_recap

    text = DOCS.read_text(encoding="utf-8")
    block = text.split("## A full example", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    recap = loads_recap(block, "yaml")
    assert recap.event.links and any(s.name is None for s in recap.speakers)
