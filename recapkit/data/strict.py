"""Building a model object in Python is as strict as loading a data file.

Every field of every model class gets one attrs converter, derived from the field's type, that
runs before its validators (so a validator never sees a wrong type) and on ``attrs.evolve``:

* a wrong type raises ``TypeError`` naming the class, field and expected type
  (``Recap.date must be a date or a datetime, got '2024/5/3' (str)``), never a later Jinja error;
* a sequence (list, tuple, generator) becomes a tuple, so instances hash and
  ``attrs.evolve(recap, talks=[*recap.talks, talk])`` works; a bare string is refused, because
  ``tags="go"`` would otherwise become ``('g', 'o')``;
* an enum field takes a member or its exact value (``kind="panel"``), else ``ValueError``
  listing the valid values;
* a mapping becomes a deep-frozen :class:`~recapkit.data.frozen.FrozenDict`.

Data files reach the same types through :mod:`recapkit.data.convert`, whose messages carry file
positions; this module is for Python callers.
"""

from __future__ import annotations

import enum
import functools
import types
import typing
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any, Union, get_args, get_origin

import attrs

from recapkit.data.frozen import FrozenDict, deep_freeze

_NONE = type(None)


def strict_fields(
    _cls: type[Any], fields: list[attrs.Attribute[Any]]
) -> list[attrs.Attribute[Any]]:
    """attrs ``field_transformer``: give every field the type-checking converter."""
    return [f.evolve(converter=_CONVERTER) if f.converter is None else f for f in fields]


@functools.cache
def _hints(cls: Any) -> dict[str, Any]:
    # The model uses postponed annotations; resolve them once per class, on first use.
    return typing.get_type_hints(cls)


def _convert(value: Any, instance: Any, field: attrs.Attribute[Any]) -> Any:
    cls: Any = type(instance)
    return check(_hints(cls)[field.name], value, f"{cls.__name__}.{field.name}")


_CONVERTER = attrs.Converter(_convert, takes_self=True, takes_field=True)


def _article(name: str) -> str:
    return f"an {name}" if name[0].lower() in "aeiou" else f"a {name}"


_WHAT = {str: "text (str)", int: "a whole number (int)", bool: "True or False (bool)"}


def _expected(type_: Any) -> str:
    if type_ in _WHAT:
        return _WHAT[type_]
    return _article(type_.__name__) if isinstance(type_, type) else str(type_)


def _got(value: Any) -> str:
    shown = repr(value)
    shown = shown if len(shown) <= 60 else shown[:57] + "..."
    return f"got {shown} ({type(value).__name__})"


def check(type_: Any, value: Any, where: str) -> Any:
    """*value* as the model stores a value of *type_*, or TypeError/ValueError naming *where*."""
    origin = get_origin(type_)
    if origin in (Union, types.UnionType):
        return _check_union(get_args(type_), value, where)
    if origin is tuple:
        return _check_sequence(get_args(type_)[0], value, where)
    if origin in (Mapping, dict) or type_ in (Mapping, dict):
        return _check_mapping(get_args(type_), value, where)
    if type_ is Any:
        return deep_freeze(value, where)
    if isinstance(type_, type) and issubclass(type_, enum.Enum):
        return _check_enum(type_, value, where)
    if type_ is date and isinstance(value, datetime):
        raise TypeError(f"{where} must be a date without a time, {_got(value)}; use .date()")
    if type_ is int and isinstance(value, bool):  # bool is an int subclass; True is no count
        raise TypeError(f"{where} must be {_expected(int)}, {_got(value)}")
    if not isinstance(value, type_):
        hint = ""
        if attrs.has(type_) and isinstance(value, Mapping):
            hint = (
                f"; build it with {type_.__name__}(...), or read data with recapkit.structure_recap"
            )
        raise TypeError(f"{where} must be {_expected(type_)}, {_got(value)}{hint}")
    return value


def _check_union(args: tuple[Any, ...], value: Any, where: str) -> Any:
    if value is None and _NONE in args:
        return None
    rest = [arg for arg in args if arg is not _NONE]
    if len(rest) == 1:
        return check(rest[0], value, where)
    if isinstance(value, tuple(rest)):  # unions of plain classes: date | datetime, datetime | time
        return value
    expected = " or ".join(_expected(arg) for arg in rest)
    if _NONE in args:
        expected += " or None"
    raise TypeError(f"{where} must be {expected}, {_got(value)}")


def _check_sequence(item_type: Any, value: Any, where: str) -> tuple[Any, ...]:
    if isinstance(value, str | bytes):
        raise TypeError(
            f"{where} must be a list or tuple, {_got(value)}; for one item write ({value!r},)"
        )
    if isinstance(value, Mapping | set | frozenset) or not isinstance(value, Iterable):
        raise TypeError(f"{where} must be a list or tuple, {_got(value)}")
    return tuple(check(item_type, item, f"{where}[{index}]") for index, item in enumerate(value))


def _check_mapping(args: tuple[Any, ...], value: Any, where: str) -> FrozenDict:
    if not isinstance(value, Mapping):
        raise TypeError(f"{where} must be a mapping (dict), {_got(value)}")
    value_type = args[1] if len(args) == 2 else Any
    result = {}
    for key, item in value.items():
        if not isinstance(key, str):
            raise TypeError(f"{where} keys must be text (str), {_got(key)}")
        result[key] = check(value_type, item, f"{where}[{key!r}]")
    return FrozenDict(result)


def _check_enum(enum_type: type[enum.Enum], value: Any, where: str) -> enum.Enum:
    if isinstance(value, enum_type):
        return value
    valid = ", ".join(str(member.value) for member in enum_type)
    if isinstance(value, str):
        try:
            return enum_type(value)
        except ValueError:
            raise ValueError(f"{where} must be one of {valid}; got {value!r}") from None
    raise TypeError(
        f"{where} must be {_article(enum_type.__name__)} or one of {valid}, {_got(value)}"
    )
