"""Unstructuring hooks of the data-file converter: model objects to plain data-file values.

Kebab-case keys, defaults a writer leaves out (None, empty collections, ``False``) omitted,
dates and date-times kept as objects for the YAML and TOML writers, times as ``"14:00"``
(YAML 1.1 would read an unquoted 14:00 as 840), durations as whole minutes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime, time, timedelta
from typing import Any

import attrs
import cattrs

from recapkit.data import model
from recapkit.data.dates import format_duration, format_time


def kebab(name: str) -> str:
    """The data-file key of a model field: ``online_url`` -> ``online-url``."""
    return name.replace("_", "-")


def _omit(value: Any) -> bool:
    """None, empty collections and ``False`` are the defaults a writer leaves out."""
    return (
        value is None or value is False or (isinstance(value, tuple | dict | Mapping) and not value)
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
    for enum_type in (model.EventKind, model.TakeawayKind):  # by class: str's hook would win
        converter.register_unstructure_hook(enum_type, lambda v: v.value)
    converter.register_unstructure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, Mapping), _unstructure_plain
    )
    converter.register_unstructure_hook(dict, _unstructure_plain)
    converter.register_unstructure_hook(tuple, lambda v: [converter.unstructure(i) for i in v])
    converter.register_unstructure_hook(date, lambda v: v)
    converter.register_unstructure_hook(datetime, lambda v: v)
