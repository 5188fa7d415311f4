"""The hand-written programme fixtures (one fictional conference in four formats)."""

from __future__ import annotations

from tests.paths import FIXTURES

SCHEDULES = FIXTURES / "schedules"
PRETALX = SCHEDULES / "pretalx-schedule.json"
FRAB = SCHEDULES / "frab-schedule.xml"
SESSIONIZE = SCHEDULES / "sessionize-all-data.json"
ICAL = SCHEDULES / "programme.ics"
