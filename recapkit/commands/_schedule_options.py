"""``recapkit new --from-schedule FILE``: the options that pick sessions from a conference
programme, defined once, and the recap they make (see docs/schedules.md)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast

import click
from attrs import frozen

from recapkit.data.model import Recap
from recapkit.errors import UsageError

F = TypeVar("F", bound=Callable[..., object])


@frozen
class ScheduleRequest:
    """What the command line asked of a programme: the file, which sessions, in which zone."""

    file: Path | None = None
    days: tuple[str, ...] = ()
    tracks: tuple[str, ...] = ()
    talks: tuple[str, ...] = ()
    timezone: str | None = None
    listing: bool = False

    def picks(self) -> bool:
        """Whether any option but the file was given (they mean nothing without one)."""
        return bool(self.days or self.tracks or self.talks or self.timezone or self.listing)


_OPTIONS = (
    click.option(
        "--from-schedule",
        "schedule_file",
        type=click.Path(dir_okay=False, path_type=Path),
        help="A conference programme: pretalx/frab schedule.json or schedule.xml, Sessionize "
        "'All data' JSON, or iCalendar (.ics).",
    ),
    click.option(
        "--day",
        "schedule_days",
        multiple=True,
        metavar="DATE|N",
        help="Only sessions on this day (repeatable).",
    ),
    click.option(
        "--track",
        "schedule_tracks",
        multiple=True,
        metavar="NAME",
        help="Only sessions in this track (repeatable).",
    ),
    click.option(
        "--talk",
        "schedule_talks",
        multiple=True,
        metavar="ID",
        help="Only this session, by the programme's id (repeatable).",
    ),
    click.option(
        "--timezone",
        "schedule_timezone",
        metavar="ZONE",
        help="The zone of times the programme gives without one (Sessionize), e.g. Asia/Shanghai.",
    ),
    click.option(
        "--list",
        "schedule_list",
        is_flag=True,
        help="Print the chosen sessions (id, day, time, room, title) and write nothing.",
    ),
)


def schedule_options(function: F) -> F:
    """Add the programme options to a command, which receives them as one ``schedule`` argument."""

    @functools.wraps(function)
    def command(*args: Any, **kwargs: Any) -> object:
        request = ScheduleRequest(
            file=kwargs.pop("schedule_file"),
            days=kwargs.pop("schedule_days"),
            tracks=kwargs.pop("schedule_tracks"),
            talks=kwargs.pop("schedule_talks"),
            timezone=kwargs.pop("schedule_timezone"),
            listing=kwargs.pop("schedule_list"),
        )
        return function(*args, schedule=request, **kwargs)

    for option in reversed(_OPTIONS):
        command = option(command)
    return cast(F, command)


def schedule_recap(
    request: ScheduleRequest, title: str | None, *, lang: str | None, data_file: Path | None
) -> Recap | None:
    """The draft recap of the sessions *request* picks, titled *title* (default: the conference's
    name and "recap"/"回顾") in *lang* (default: the title's); None when ``--list`` printed the
    sessions instead.

    :raises UsageError: options that contradict each other, or an unknown day, track or id.
    :raises ScheduleError: the programme cannot be read.
    """
    if request.file is None:
        raise UsageError("--day, --track, --talk, --timezone and --list need --from-schedule FILE")
    if data_file is not None:
        raise UsageError("give --from or --from-schedule, not both")
    from recapkit.data.drafts import event_name, guess_lang
    from recapkit.schedules.load import load_schedule
    from recapkit.schedules.recap import recap_from_schedule
    from recapkit.schedules.selection import describe, select_sessions

    programme = load_schedule(request.file, timezone=request.timezone)
    sessions = select_sessions(
        programme, days=request.days, tracks=request.tracks, talk_ids=request.talks
    )
    if not sessions:
        raise UsageError(f"no sessions chosen from {request.file}; run with --list to see them")
    if request.listing:
        for line in describe(sessions):
            click.echo(line)
        return None
    title = (title or "").strip() or _default_title(programme.name, request.file)
    name = programme.name or event_name(title)
    return recap_from_schedule(
        programme, sessions, title=title, lang=lang or guess_lang(title), event_name=name
    )


def _default_title(name: str | None, file: Path) -> str:
    from recapkit.data.drafts import guess_lang

    if not name:
        raise UsageError(f"{file} does not name the conference; give the recap a TITLE")
    return f"{name} 回顾" if guess_lang(name) == "zh" else f"{name} recap"
