"""The one cattrs converter between data-file values and the :mod:`recapkit.data.model` classes.

Structuring is strict and reports *every* problem at once, each at a field path such as
``talks[2].speakers[0].name``: unknown keys (with a did-you-mean), missing required fields,
wrong types without coercion, YAML 1.1 traps, and the model's own invariants (its attrs
validators are run one by one so that each failing field is reported, not just the first).
Data keys are kebab case (``online-url``); Python field names are snake case.
"""

from __future__ import annotations

import difflib
import enum
import re
import types
from collections.abc import Callable, Mapping
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any, Union, get_args, get_origin
from zoneinfo import ZoneInfo

import attrs
import cattrs

from recapkit.data import frozen, hooks, model
from recapkit.data.dates import zone_named
from recapkit.data.describe import describe, key_text
from recapkit.data.model import Recap
from recapkit.data.problems import DataProblem, PathPart, RecapDataError, format_path, prefixed
from recapkit.data.unencodable import surrogate_problems
from recapkit.errors import UsageError

__all__ = [
    "SCHEMA_KEY",
    "DataProblem",
    "PathPart",
    "RecapDataError",
    "check_timezone",
    "converter",
    "format_path",
    "structure_recap",
    "unstructure_recap",
]

SCHEMA_KEY = "$schema"
"""A top-level key naming the JSON Schema (VS Code reads it in JSON files); ignored."""

converter = cattrs.Converter()


def _checked(hook: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    """Turn a scalar hook's ValueError into a problem at the current (relative) path."""

    def structure(value: Any, type_: Any) -> Any:
        try:
            return hook(value, type_)
        except ValueError as exc:
            raise RecapDataError([DataProblem((), str(exc))]) from None

    return structure


def _union_args(type_: Any) -> tuple[Any, ...]:
    return get_args(type_) if get_origin(type_) in (Union, types.UnionType) else ()


def _is_optional(type_: Any) -> bool:
    return type(None) in _union_args(type_)


def _structure_optional(value: Any, type_: Any) -> Any:
    if value is None:
        return None
    rest = [arg for arg in _union_args(type_) if arg is not type(None)]
    inner = rest[0] if len(rest) == 1 else Union[tuple(rest)]  # noqa: UP007 -- built at run time
    return converter.structure(value, inner)  # type: ignore[arg-type]  # cattrs accepts unions


def _item_hint(item_type: Any) -> str:
    if attrs.has(item_type):
        first = hooks.kebab(attrs.fields(item_type)[0].name)
        return f"; write one '- {first}: ...' entry per {item_type.__name__.lower()}"
    return ""


def _structure_tuple(value: Any, type_: Any) -> tuple[Any, ...]:
    item_type = get_args(type_)[0]
    if not isinstance(value, list | tuple):
        message = f"expected a list, got {describe(value)}{_item_hint(item_type)}"
        raise RecapDataError([DataProblem((), message)])
    items, problems = [], []
    for index, item in enumerate(value):
        try:
            items.append(converter.structure(item, item_type))
        except RecapDataError as exc:
            problems.extend(prefixed(index, exc.problems))
    if problems:
        raise RecapDataError(problems)
    return tuple(items)


def _structure_mapping(value: Any, type_: Any) -> dict[str, Any]:
    if not isinstance(value, Mapping):
        raise RecapDataError([DataProblem((), f"expected a mapping, got {describe(value)}")])
    value_type = get_args(type_)[1] if get_args(type_) else Any
    result, problems = {}, []
    for key, item in value.items():
        if not isinstance(key, str):
            problems.append(
                DataProblem((key_text(key),), f"keys must be text, got {describe(key)}")
            )
            continue
        if value_type is Any and (odd := frozen.non_data(item)):  # e.g. a YAML !!set
            problems.append(DataProblem((key,), f"expected {frozen.DATA}; got a {odd}"))
            continue
        try:
            result[key] = item if value_type is Any else converter.structure(item, value_type)
        except RecapDataError as exc:
            problems.extend(prefixed(key, exc.problems))
    if problems:
        raise RecapDataError(problems)
    return result


# A validator message that starts with a path (``tags[2] must ...``, ``talks[1].title 'x' ...``).
_MESSAGE_PATH = re.compile(
    r"^(?P<name>[a-z_]+)(?P<rest>(?:\[\d+\]|\.[a-z_]+)*)\s+(?P<text>.*)$", re.S
)


def _validator_problem(field: str, message: str) -> DataProblem:
    """Place a validator's message at the path it names, relative to its class."""
    match = _MESSAGE_PATH.match(message)
    if match is None or match["name"] != field:
        return DataProblem((hooks.kebab(field),), message)
    path: list[PathPart] = [hooks.kebab(field)]
    for index, name in re.findall(r"\[(\d+)\]|\.([a-z_]+)", match["rest"]):
        path.append(int(index) if index else hooks.kebab(name))
    return DataProblem(tuple(path), match["text"])


def _unknown_key(key: Any, known: list[str]) -> DataProblem:
    message = "unknown key"
    close = difflib.get_close_matches(key_text(key), known, n=1, cutoff=0.6)
    if close:
        message += f"; did you mean {close[0]!r}?"
    return DataProblem((key_text(key),), message)


def _make_class_hook(cls: type[Any]) -> Callable[[Any, Any], Any]:
    fields = {hooks.kebab(a.name): a for a in attrs.fields(cls)}

    def structure(value: Any, _type: Any) -> Any:
        if not isinstance(value, Mapping):
            message = f"expected a mapping of {cls.__name__} fields ({', '.join(fields)}), got {describe(value)}"
            raise RecapDataError([DataProblem((), message)])
        kwargs, problems = _structure_fields(fields, value)
        problems += _validate_fields(fields, kwargs)  # also when other fields failed
        problems += _cross_checks(cls, kwargs, problems, value)
        if problems:
            raise RecapDataError(problems)
        try:
            return cls(**kwargs)
        except ValueError as exc:  # a check across fields in __attrs_post_init__
            raise RecapDataError([_cross_field_problem(fields, str(exc))]) from None

    return structure


def _structure_fields(
    fields: Mapping[str, attrs.Attribute[Any]], value: Mapping[Any, Any]
) -> tuple[dict[str, Any], list[DataProblem]]:
    kwargs: dict[str, Any] = {}
    problems: list[DataProblem] = []
    for key, item in value.items():
        attribute = fields.get(key) if isinstance(key, str) else None
        if attribute is None:
            problems.append(_unknown_key(key, list(fields)))
            continue
        try:
            kwargs[attribute.name] = converter.structure(item, attribute.type)  # type: ignore[arg-type]  # resolved at import
        except RecapDataError as exc:
            problems.extend(prefixed(key, exc.problems))
    for key, attribute in fields.items():
        if attribute.default is attrs.NOTHING and key not in value:
            problems.append(DataProblem((key,), "required field missing"))
    return kwargs, problems


def _validate_fields(
    fields: Mapping[str, attrs.Attribute[Any]], kwargs: Mapping[str, Any]
) -> list[DataProblem]:
    problems = []
    for attribute in fields.values():
        if attribute.validator is None or attribute.name not in kwargs:
            continue
        try:
            attribute.validator(None, attribute, kwargs[attribute.name])
        except ValueError as exc:
            problems.append(_validator_problem(attribute.name, str(exc)))
    return problems


def _cross_checks(
    cls: type[Any], kwargs: Mapping[str, Any], found: list[DataProblem], raw: Mapping[Any, Any]
) -> list[DataProblem]:
    """Checks across fields that must be reported even when another field already failed."""
    if cls is model.Recap and "talks" not in kwargs:
        return _raw_title_repeats(raw.get("talks"))
    if cls is model.Recap:
        event = kwargs.get("event")
        outside = model.days_outside(event, kwargs["talks"]) if event else []
        return [_validator_problem("talks", message) for message in outside]
    if cls is model.Speaker and not any(key in raw for key in ("name", "affiliation", "role")):
        return [DataProblem((), model.SPEAKER_NEEDS)]
    if cls is model.Talk and not any(p.path[:1] in (("day",), ("start",)) for p in found):
        problem = model.day_conflict(kwargs.get("day"), kwargs.get("start"))
        return [DataProblem(("day",), problem)] if problem else []
    if cls is not model.Event or any(p.path[:1] in (("start",), ("end",)) for p in found):
        return []
    problem = model.check_order(kwargs.get("start"), kwargs.get("end"))
    return [DataProblem(("end",), problem)] if problem else []


def _raw_title_repeats(talks: Any) -> list[DataProblem]:
    """Repeated talk titles, read from the raw data when another problem kept ``talks`` from
    structuring: a writer fixing one talk should not discover the repeat only on the next run."""
    if not isinstance(talks, list | tuple):
        return []
    titles = [
        item.get("title")
        if isinstance(item, Mapping) and isinstance(item.get("title"), str)
        else None
        for item in talks
    ]
    return [_validator_problem("talks", message) for message in model.repeated_titles(titles)]


def _cross_field_problem(fields: Mapping[str, attrs.Attribute[Any]], message: str) -> DataProblem:
    """Report at the last field the message names (``end`` in "end must not be before start")."""
    named = [key for key in fields if re.search(rf"\b{re.escape(fields[key].name)}\b", message)]
    return DataProblem((named[-1],) if named else (), message)


def _is_enum(type_: Any) -> bool:
    return isinstance(type_, type) and issubclass(type_, enum.Enum)


def _is_tuple(type_: Any) -> bool:
    return get_origin(type_) is tuple


def _is_mapping(type_: Any) -> bool:
    return get_origin(type_) in (Mapping, dict)


_MODEL_CLASSES: tuple[type[Any], ...] = (
    model.Link,
    model.EventLink,
    model.Photo,
    model.Speaker,
    model.Takeaway,
    model.Highlight,
    model.Talk,
    model.Event,
    model.Recap,
)
for _cls in _MODEL_CLASSES:  # the model uses postponed annotations: turn them into types
    attrs.resolve_types(_cls)

converter.register_structure_hook(str, _checked(hooks.structure_text))
converter.register_structure_hook(bool, _checked(hooks.structure_bool))
converter.register_structure_hook(int, _checked(hooks.structure_int))
converter.register_structure_hook(timedelta, _checked(hooks.structure_duration))
for _enum_type in hooks.ENUMS:  # by class: str's hook would win
    converter.register_structure_hook(_enum_type, _checked(hooks.structure_enum))
converter.register_structure_hook(date, _checked(hooks.structure_day))
converter.register_structure_hook_func(
    lambda t: t == model.DateOrDateTime, _checked(hooks.structure_date)
)
converter.register_structure_hook_func(
    lambda t: t == datetime | time, _checked(hooks.structure_start)
)
converter.register_structure_hook_func(_is_tuple, _structure_tuple)
converter.register_structure_hook_func(_is_mapping, _structure_mapping)
converter.register_structure_hook_func(_is_optional, _structure_optional)
converter.register_structure_hook_factory(attrs.has, _make_class_hook)


def _zone(data: Mapping[str, Any], timezone: str | None) -> tzinfo | None:
    """The event's own zone when it names a valid one, else the caller's."""
    event = data.get("event")
    own = event.get("timezone") if isinstance(event, Mapping) else None
    for name in (own, timezone):
        zone = zone_named(name) if isinstance(name, str) else None
        if zone is not None:
            return zone
    return None


def check_timezone(name: str) -> ZoneInfo:
    """The zone called *name*, or a UsageError naming the problem."""
    zone = zone_named(name)
    if zone is None:
        raise UsageError(f"unknown time zone {name!r} (use an IANA name such as Asia/Shanghai)")
    return zone


def structure_recap(data: Mapping[str, Any], *, timezone: str | None = None) -> Recap:
    """Build a :class:`Recap` from loaded data, or raise :class:`RecapDataError` with every problem.

    Naive date-times take ``event.timezone`` when the data sets one, else *timezone*;
    without either they stay naive. Text holding a character UTF-8 cannot encode (a lone
    surrogate) is a problem at its path: it would fail the first print or write of it.
    """
    if timezone is not None:
        check_timezone(timezone)
    raw: object = data  # callers pass whatever a file held; check before trusting the type
    if not isinstance(raw, Mapping):
        message = f"expected a mapping of recap fields at the top, got {describe(raw)}"
        raise RecapDataError([DataProblem((), message)])
    if isinstance(raw.get(SCHEMA_KEY), str):  # editors' schema reference, not recap data
        raw = {key: value for key, value in raw.items() if key != SCHEMA_KEY}
    unencodable = surrogate_problems(raw)  # reported with, not instead of, the other problems
    token = hooks.ZONE.set(_zone(raw, timezone))
    try:
        recap: Recap = converter.structure(raw, Recap)
    except RecapDataError as exc:
        raise RecapDataError([*unencodable, *exc.problems]) from None
    finally:
        hooks.ZONE.reset(token)
    if unencodable:
        raise RecapDataError(unencodable)
    return recap


# --- unstructuring (hooks in recapkit.data.hooks) ---------------------------------------------

hooks.register_unstructure_hooks(converter)


def unstructure_recap(recap: Recap) -> dict[str, Any]:
    """Plain data for a data file: kebab keys, defaults left out, dates kept as objects.

    Times become ``"14:00"``, durations whole minutes, enums their values; ``structure_recap``
    reads the result back into an equal Recap."""
    result: dict[str, Any] = converter.unstructure(recap)
    return result
