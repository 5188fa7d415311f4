"""Malformed programmes: every error names the file, the line and (for a missing field) its path."""

from __future__ import annotations

from pathlib import Path

import pytest

from recapkit import ScheduleError, load_schedule
from tests.schedules.helpers import FRAB, ICAL, PRETALX, SESSIONIZE


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def error_of(path: Path) -> str:
    with pytest.raises(ScheduleError) as caught:
        load_schedule(path)
    return str(caught.value)


def line_of(text: str, needle: str, occurrence: int = 0) -> int:
    """The 1-based line of the *occurrence*-th *needle* in *text*."""
    index = -1
    for _ in range(occurrence + 1):
        index = text.index(needle, index + 1)
    return text.count("\n", 0, index) + 1


def test_broken_json_is_reported_at_its_line(tmp_path: Path) -> None:
    text = PRETALX.read_text(encoding="utf-8").replace(
        '"duration": "00:30",', '"duration": "00:30"', 1
    )
    path = write(tmp_path, "schedule.json", text)
    line = line_of(text, '"duration": "00:30"') + 1  # the decoder stops at the next key
    assert error_of(path).startswith(f"{path}:{line}: invalid JSON: Expecting ',' delimiter")


def test_a_missing_title_names_its_path_and_the_line_of_its_event(tmp_path: Path) -> None:
    text = PRETALX.read_text(encoding="utf-8").replace(
        '"title": "Continuous profiling without the bill",', ""
    )
    path = write(tmp_path, "schedule.json", text)
    event_line = line_of(text, '"guid": "9a1e7d52-1111-4c1e-9d3e-000000000102"') - 1
    assert error_of(path) == (
        f"{path}:{event_line}: schedule.conference.days[0].rooms[\"Hall A\"][1]: missing 'title'"
    )


def test_a_bad_duration_says_the_form_it_takes(tmp_path: Path) -> None:
    text = PRETALX.read_text(encoding="utf-8").replace(
        '"duration": "00:45"', '"duration": "45 min"'
    )
    message = error_of(write(tmp_path, "schedule.json", text))
    assert "rooms[\"Hall A\"][0]: 'duration': duration must look like 00:30" in message


def test_broken_xml_is_reported_at_its_line(tmp_path: Path) -> None:
    text = FRAB.read_text(encoding="utf-8").replace(
        "</title>\n        <subtitle/>", "\n        <subtitle/>", 1
    )
    path = write(tmp_path, "schedule.xml", text)
    message = error_of(path)
    assert message.startswith(f"{path}:"), message
    assert "invalid XML: mismatched tag" in message
    assert int(message.split(":")[1]) == line_of(text, "</event>")


def test_an_xml_event_without_title_names_day_room_and_event(tmp_path: Path) -> None:
    text = FRAB.read_text(encoding="utf-8").replace(
        "<title>动手写一个 Kubernetes Operator</title>", ""
    )
    path = write(tmp_path, "schedule.xml", text)
    line = line_of(text, '<event guid="9a1e7d52-1111-4c1e-9d3e-000000000103"')
    assert (
        error_of(path)
        == f'{path}:{line}: schedule.day[0].room["Room 201"].event[0]: missing <title>'
    )


def test_xml_entities_are_refused_not_expanded(tmp_path: Path) -> None:
    bomb = '<?xml version="1.0"?>\n<!DOCTYPE s [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n<schedule>&b;</schedule>\n'
    assert error_of(write(tmp_path, "bomb.xml", bomb)).endswith(
        ":2: refused XML: entities are not expanded, nor external ones read"
    )


def test_a_sessionize_session_naming_an_unknown_speaker(tmp_path: Path) -> None:
    text = SESSIONIZE.read_text(encoding="utf-8").replace(
        '"speakers": ["5b6c2a10-aaaa-4bbb-8ccc-000000000004"]', '"speakers": ["nobody"]'
    )
    path = write(tmp_path, "all.json", text)
    line = line_of(text, '"id": "610003"') - 1
    assert (
        error_of(path)
        == f"{path}:{line}: sessions[3]: speaker 'nobody' is not in the file's 'speakers'"
    )


def test_a_malformed_ical_line_is_reported_at_its_line(tmp_path: Path) -> None:
    text = ICAL.read_text(encoding="utf-8").replace("LOCATION:Hall A\n", "LOCATION Hall A\n", 1)
    path = write(tmp_path, "p.ics", text)
    line = line_of(text, "LOCATION Hall A")
    assert error_of(path).startswith(f"{path}:{line}: invalid iCalendar line")


def test_a_truncated_ical_file_names_the_component_left_open(tmp_path: Path) -> None:
    text = ICAL.read_text(encoding="utf-8")
    cut = text[: text.index("END:VEVENT")]
    path = write(tmp_path, "p.ics", cut)
    line = line_of(cut, "BEGIN:VEVENT")
    assert error_of(path) == f"{path}:{line}: BEGIN:VEVENT is never closed (END:VEVENT missing)"


def test_a_misspelt_end_is_reported_where_it_stands(tmp_path: Path) -> None:
    text = ICAL.read_text(encoding="utf-8").replace("END:VEVENT", "END:VEVNT", 1)
    path = write(tmp_path, "p.ics", text)
    line, begun = line_of(text, "END:VEVNT"), line_of(text, "BEGIN:VEVENT")
    assert error_of(path) == (
        f"{path}:{line}: END:VEVNT where END:VEVENT (begun at line {begun}) was due"
    )


def test_an_ical_event_without_summary_is_reported_at_its_begin(tmp_path: Path) -> None:
    text = ICAL.read_text(encoding="utf-8").replace("SUMMARY:Five minutes of eBPF\n", "")
    path = write(tmp_path, "p.ics", text)
    line = line_of(text, "BEGIN:VEVENT", occurrence=2)
    assert error_of(path) == f"{path}:{line}: VEVENT: missing SUMMARY"


def test_an_ical_start_that_is_a_bare_time_is_refused(tmp_path: Path) -> None:
    text = ICAL.read_text(encoding="utf-8").replace(
        "DTSTART;TZID=Asia/Shanghai:20250517T093000", "DTSTART;VALUE=TIME:093000"
    )
    path = write(tmp_path, "p.ics", text)
    line = line_of(text, "BEGIN:VEVENT")
    assert error_of(path).startswith(
        f"{path}:{line}: VEVENT: DTSTART must be a date or a date and time"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("title,start\nx,09:00\n", "not a programme: expected pretalx/frab schedule.json"),
        ('[{"id": "1", "title": "x"}]', "Sessionize 'Sessions' export? export 'All data'"),
        ('{"events": []}', "JSON that is no known programme"),
        ("<html><body/></html>", "a frab schedule's root element is <schedule>"),
        ('{"schedule": {"conference": {"title": "x"}}}', "schedule.conference: missing 'days'"),
    ],
)
def test_files_in_no_known_format_say_which_formats_are_read(
    tmp_path: Path, text: str, expected: str
) -> None:
    assert expected in error_of(write(tmp_path, "programme", text))


def test_a_missing_file_or_a_folder_is_a_schedule_error(tmp_path: Path) -> None:
    assert error_of(tmp_path / "nope.json").startswith(f"{tmp_path / 'nope.json'}: No such file")
    assert "not a regular file" in error_of(tmp_path)
