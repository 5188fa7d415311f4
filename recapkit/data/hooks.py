"""The converter's hooks: strict structuring of scalar values, and unstructuring to data-file values.

Structuring: a data file's scalars arrive as whatever YAML, TOML or JSON made of them. These hooks accept
only what the field means and never coerce: a number where text is expected is an error,
with a hint when the value is one of YAML 1.1's traps (``No`` -> false, ``010`` -> 8,
``1.10`` -> 1.1, ``14:00`` -> 840). Each hook raises ``ValueError`` with the message a writer
sees; :mod:`recapkit.data.convert` adds the field path.

Unstructuring: kebab-case keys, defaults a writer leaves out (None, empty collections,
``False``) omitted, dates and date-times kept as objects for the YAML and TOML writers, times as
``"14:00"`` (YAML 1.1 would read an unquoted 14:00 as 840), durations as whole minutes.
"""

from __future__ import annotations

import difflib
import enum
from collections.abc import Callable, Mapping
from contextvars import ContextVar
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

import attrs
import cattrs

from recapkit.data import model
from recapkit.data.dates import (
    DATE_FORMS,
    attach_zone,
    format_duration,
    format_time,
    minutes_duration,
    parse_date_text,
    parse_duration_text,
    parse_time_text,
)
from recapkit.data.describe import describe

ZONE: ContextVar[tzinfo | None] = ContextVar("recapkit_zone", default=None)
"""The zone naive datetimes take while one recap is structured (event's, else the caller's)."""

QUOTE_HINT = "quote it if it is text"

ENUMS: tuple[type[enum.Enum], ...] = (
    model.EventKind,
    model.EventLinkKind,
    model.TakeawayKind,
    model.TalkKind,
)
"""The model's enums, whose hooks are registered by class (str's own hook would win)."""


def _trap_hint(value: object) -> str:
    if isinstance(value, bool):
        return "; YAML reads unquoted yes/no/on/off/true/false as booleans, so quote the text (e.g. 'No')"
    if isinstance(value, int):
        return f"; {QUOTE_HINT} (YAML reads unquoted 010 as 8 and 14:00 as 840)"
    if isinstance(value, float):
        return f"; {QUOTE_HINT} (YAML reads unquoted 1.10 as 1.1)"
    if isinstance(value, date | time):
        return f"; {QUOTE_HINT}"
    return ""


def structure_text(value: Any, _type: object = str) -> str:
    if isinstance(value, str):
        return value
    if value is None:
        raise ValueError("required value is empty")
    raise ValueError(f"expected text, got {describe(value)}{_trap_hint(value)}")


def structure_bool(value: Any, _type: object = bool) -> bool:
    if isinstance(value, bool):
        return value
    raise ValueError(f"expected true or false, got {describe(value)}")


def structure_int(value: Any, _type: object = int) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise ValueError(f"expected a whole number, got {describe(value)}")


def structure_enum(value: Any, enum_type: type[enum.Enum]) -> enum.Enum:
    choices = [str(member.value) for member in enum_type]
    if isinstance(value, str) and value in choices:
        return enum_type(value)
    message = f"expected one of {', '.join(choices)}; got {describe(value)}"
    if isinstance(value, str):
        close = difflib.get_close_matches(value.lower(), choices, n=1, cutoff=0.6)
        if close:
            message += f"; did you mean {close[0]!r}?"
    raise ValueError(message)


def structure_date(value: Any, _type: object = None) -> date | datetime:
    """A day or an instant; naive datetimes take the zone of the recap being read."""
    if isinstance(value, date):
        return attach_zone(value, ZONE.get())
    if isinstance(value, str):
        return attach_zone(parse_date_text(value), ZONE.get())
    hint = _trap_hint(value) if isinstance(value, int | float) else ""
    raise ValueError(f"expected a date such as {DATE_FORMS}; got {describe(value)}{hint}")


def structure_day(value: Any, _type: object = date) -> date:
    """A day of a multi-day event (``2025-03-02``), without a time."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    parsed = parse_date_text(value) if isinstance(value, str) else None
    if parsed is not None and not isinstance(parsed, datetime):
        return parsed
    hint = _trap_hint(value) if isinstance(value, int | float) else ""
    raise ValueError(
        f"expected a day such as 2025-03-01, without a time; got {describe(value)}{hint}"
    )


def structure_start(value: Any, _type: object = None) -> datetime | time:
    """A talk's start: a time of day (``14:00``) or a full date-time."""
    if isinstance(value, time):
        return value
    if isinstance(value, datetime):
        return attach_zone(value, ZONE.get())  # type: ignore[return-value]  # stays a datetime
    if isinstance(value, str):
        for parse in (parse_time_text, parse_date_text):
            try:
                parsed = parse(value)
            except ValueError:
                continue
            if isinstance(parsed, time | datetime):
                return structure_start(parsed)
    hint = ""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 24 * 60:
        clock = f"{value // 60}:{value % 60:02d}"
        hint = f"; YAML 1.1 reads unquoted {clock} as {value}, so quote the time: '{clock}'"
    raise ValueError(
        f"expected a time such as '14:00' or a date-time such as 2025-03-01T14:00,"
        f" got {describe(value)}{hint}"
    )


def structure_duration(value: Any, _type: object = timedelta) -> timedelta:
    """Minutes as a whole number, or text such as ``1h30m``, ``45m`` or ``PT45M``."""
    if isinstance(value, timedelta):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return minutes_duration(value, shown=describe(value).removeprefix("the number "))
    if isinstance(value, str):
        return parse_duration_text(value)
    raise ValueError(
        f"expected minutes (a whole number) or text such as '1h30m', got {describe(value)}"
    )


# --- unstructuring ---------------------------------------------------------------------


def kebab(name: str) -> str:
    """The data-file key of a model field: ``online_url`` -> ``online-url``."""
    return name.replace("_", "-")


# Kinds that say nothing beyond their absence: a plain talk, a link of no particular kind.
# Compared by identity: StrEnum members equal their text, and EventKind.OTHER is written.
_SILENT_KINDS = (model.TalkKind.TALK, model.EventLinkKind.OTHER)


def _omit(value: Any) -> bool:
    """None, empty collections, ``False`` and silent kinds are the defaults a writer leaves out."""
    return (
        value is None
        or value is False
        or (isinstance(value, tuple | dict | Mapping) and not value)
        or any(value is kind for kind in _SILENT_KINDS)
    )


def _make_class_unhook(
    cls: type[Any], converter: cattrs.Converter
) -> Callable[[Any], dict[str, Any]]:
    names = [(a.name, kebab(a.name)) for a in attrs.fields(cls)]

    def unstructure(obj: Any) -> dict[str, Any]:
        result = {}
        for name, key in names:
            value = getattr(obj, name)
            if not _omit(value):
                result[key] = converter.unstructure(value)
        return result

    return unstructure


def _unstructure_plain(value: Any) -> Any:
    """Free data (``extra``, handles) as plain dicts and lists, whatever Mapping it was."""
    if isinstance(value, Mapping):
        return {key: _unstructure_plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_unstructure_plain(item) for item in value]
    return value


def register_unstructure_hooks(converter: cattrs.Converter) -> None:
    """Teach *converter* to write model objects as data-file values."""
    converter.register_unstructure_hook_factory(
        attrs.has, lambda cls: _make_class_unhook(cls, converter)
    )
    converter.register_unstructure_hook(time, format_time)
    converter.register_unstructure_hook(timedelta, format_duration)
    for enum_type in ENUMS:  # by class: str's hook would win
        converter.register_unstructure_hook(enum_type, lambda v: v.value)
    converter.register_unstructure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, Mapping), _unstructure_plain
    )
    converter.register_unstructure_hook(dict, _unstructure_plain)
    converter.register_unstructure_hook(tuple, lambda v: [converter.unstructure(i) for i in v])
    converter.register_unstructure_hook(date, lambda v: v)
    converter.register_unstructure_hook(datetime, lambda v: v)
