"""Damaged programmes: whatever the bytes, reading one gives a programme or a ScheduleError and
mapping it gives a recap or a RecapkitError, never another exception (a traceback for the user)."""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recapkit import RecapkitError, ScheduleError, load_schedule, recap_from_schedule
from tests.schedules.helpers import FRAB, ICAL, PRETALX, SESSIONIZE


@st.composite
def damaged(draw: st.DrawFn, source: bytes) -> bytes:
    """*source* with a slice cut out and some text put in its place."""
    start = draw(st.integers(0, len(source)))
    end = draw(st.integers(start, min(len(source), start + 40)))
    insert = draw(
        st.sampled_from(
            [b"", b"0", b'"', b"{", b"}", b"]", b",", b":", b"<", b">", b"\n", b"null", b"-1"]
        )
    )
    return source[:start] + insert + source[end:]


@pytest.mark.parametrize("source", [PRETALX, FRAB, SESSIONIZE, ICAL], ids=lambda p: p.name)
def test_damaged_files_never_escape_as_other_exceptions(source: Path) -> None:
    original = source.read_bytes()

    @settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(damaged(original))
    def check(data: bytes) -> None:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "programme"
            path.write_bytes(data)
            try:
                programme = load_schedule(path, timezone="Asia/Shanghai")
            except ScheduleError as exc:
                assert str(exc).startswith(str(path))
                return
        with contextlib.suppress(RecapkitError):
            recap_from_schedule(programme, programme.sessions, title="Fuzzed recap", event_name="x")

    check()
