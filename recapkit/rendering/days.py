"""Which day of an event each talk belongs to, and the talks grouped by day for a post.

A talk's day is the date of its ``start`` when that is a date-time, as the writer typed it (in
its own offset). A talk with only a clock time (``start: "14:30"``) or no start stays on the
day of the talk before it in the data, so a programme written day by day keeps its days.
:func:`talk_day` is the one place that decides a talk's day: a model field naming the day
outright belongs there.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from attrs import frozen

from recapkit.data.model import Talk


@frozen
class Day:
    """One day of talks: its date (None when no talk says), its number from 1, its talks in
    the data's order."""

    date: date | None
    number: int
    talks: tuple[Talk, ...]


def talk_day(talk: Talk) -> date | None:
    """The day *talk* says it took place on (its ``day``, else its start's date), or None."""
    return talk.held_on


def talks_by_day(talks: Iterable[Talk]) -> list[Day]:
    """*talks* grouped by day, days in date order, talks in the data's order within a day.

    One group (``date`` None when no talk has a date) unless the talks span several days; so
    ``len(talks_by_day(talks)) > 1`` is the test for a multi-day programme.
    """
    groups: dict[date | None, list[Talk]] = {}
    current: date | None = None
    for talk in talks:
        current = talk_day(talk) or current
        groups.setdefault(current, []).append(talk)
    if None in groups and len(groups) > 1:  # talks before the first dated one: its day
        undated = groups.pop(None)
        first = next(iter(groups))
        groups[first] = undated + groups[first]
    ordered = sorted(groups.items(), key=lambda item: item[0] or date.min)
    return [Day(day, n, tuple(group)) for n, (day, group) in enumerate(ordered, 1)]
