"""The value parsers the formats share: durations, links."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recapkit.schedules._values import link, parse_duration


@settings(deadline=None)
@given(st.integers(min_value=0, max_value=99 * 60 + 59))
def test_hh_mm_durations_as_frab_writes_them(minutes: int) -> None:
    hours, rest = divmod(minutes, 60)
    assert parse_duration(f"{hours:02d}:{rest:02d}") == timedelta(minutes=minutes)
    assert parse_duration(f"{hours}:{rest:02d}:00") == timedelta(minutes=minutes)


@settings(deadline=None)
@given(st.text(alphabet="0123456789: ", max_size=10))
def test_any_text_is_a_duration_or_a_value_error(text: str) -> None:
    try:
        value = parse_duration(text)
    except ValueError as exc:
        assert "hours:minutes" in str(exc)
    else:
        assert value >= timedelta(0)


@pytest.mark.parametrize(
    ("text", "minutes"), [("00:30", 30), ("1:05", 65), ("01:30:00", 90), ("100:00", 6000)]
)
def test_the_duration_forms_frab_and_pretalx_write(text: str, minutes: int) -> None:
    assert parse_duration(text) == timedelta(minutes=minutes)


@pytest.mark.parametrize("text", ["30", "00:60", "half an hour", "-00:30", "", "1:02:00:00"])
def test_other_durations_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="hours:minutes"):
        parse_duration(text)


@pytest.mark.parametrize(
    ("url", "title", "kind"),
    [
        ("https://x.example/talk.pdf", None, "slides"),
        ("https://x.example/a", "幻灯片", "slides"),
        ("https://www.bilibili.com/video/BV1", None, "video"),
        ("https://x.example/a", "Recording", "video"),
        ("https://x.example/repo", "Code", None),
    ],
)
def test_links_are_told_apart_by_title_and_address(
    url: str, title: str | None, kind: str | None
) -> None:
    made = link(url, title)
    assert made is not None and made.kind == kind


def test_relative_links_need_a_base_and_other_schemes_are_dropped() -> None:
    assert link("/media/a.pdf", "Slides") is None
    made = link("/media/a.pdf", "Slides", "https://p.example/event/")
    assert made is not None and made.url == "https://p.example/media/a.pdf"
    assert link("mailto:a@example.org", "Mail") is None
