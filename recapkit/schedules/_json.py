"""JSON with the line of every object, and a reader of its fields that names the path of a problem.

The standard decoder forgets positions; the pure-Python scanner lets us wrap its object parser
and record where each object starts, so ``schedule.conference.days[2].rooms["Saal 1"][0]``
comes with its line. Programme files are small (see :data:`~recapkit.schedules.load.LIMIT`).
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable
from json.decoder import JSONObject  # type: ignore[attr-defined]  # the documented parser's own
from json.scanner import py_make_scanner  # type: ignore[attr-defined]  # (the C one has no hook)
from typing import Any

from recapkit.schedules.model import ScheduleError


class LocatedDict(dict[str, Any]):
    """A JSON object that knows the line its ``{`` is on."""

    line: int = 0


def loads(text: str, file: str) -> Any:
    """The JSON value of *text*; a syntax error is a ScheduleError with its line."""
    decoder = json.JSONDecoder()
    breaks = [match.start() for match in re.finditer("\n", text)]

    def parse_object(state: tuple[str, int], *args: Any) -> tuple[Any, int]:
        pairs, end = JSONObject(state, *args)
        located = LocatedDict(pairs)
        located.line = bisect.bisect_left(breaks, state[1]) + 1  # newlines before the "{"
        return located, end

    decoder.parse_object = parse_object  # type: ignore[attr-defined]
    decoder.scan_once = py_make_scanner(decoder)  # type: ignore[attr-defined]
    try:
        return decoder.decode(text)
    except json.JSONDecodeError as exc:
        raise ScheduleError(
            file, f"invalid JSON: {exc.msg} (column {exc.colno})", exc.lineno
        ) from None
    except RecursionError:
        raise ScheduleError(file, "invalid JSON: nested too deeply") from None


class Obj:
    """A JSON object at *path* of *file*, read field by field; every mistake names path and line."""

    def __init__(self, value: Any, path: str, file: str, line: int | None = None) -> None:
        self.file = file
        self.path = path
        if not isinstance(value, dict):
            raise ScheduleError(
                file, f"{path or 'the file'} must be an object, got {_kind(value)}", line
            )
        self.data: dict[str, Any] = value
        self.line = value.line if isinstance(value, LocatedDict) else line

    def error(self, message: str) -> ScheduleError:
        where = f"{self.path}: " if self.path else ""
        return ScheduleError(self.file, f"{where}{message}", self.line)

    def has(self, key: str) -> bool:
        return self.data.get(key) is not None

    def text(self, key: str) -> str | None:
        """A string (or number, as ids often are) field, or None when absent or null."""
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise self.error(f"{key!r} must be a string, got {_kind(value)}")
        return str(value)

    def required(self, key: str) -> str:
        value = self.text(key)
        if value is None or not value.strip():
            raise self.error(f"missing {key!r}")
        return value

    def parsed(self, key: str, parse: Callable[[str], Any], *, required: bool = False) -> Any:
        """Field *key* through *parse*; its ValueError becomes a ScheduleError at this object."""
        value = self.required(key) if required else self.text(key)
        if value is None or not value.strip():
            return None
        try:
            return parse(value)
        except ValueError as exc:
            raise self.error(f"{key!r}: {exc}") from None

    def items(self, key: str, *, required: bool = False) -> list[Any]:
        value = self.data.get(key)
        if value is None:
            if required:
                raise self.error(f"missing {key!r}")
            return []
        if not isinstance(value, list):
            raise self.error(f"{key!r} must be a list, got {_kind(value)}")
        return value

    def child(self, key: str, *, required: bool = True) -> Obj | None:
        if key not in self.data or self.data[key] is None:
            if required:
                raise self.error(f"missing {key!r}")
            return None
        return Obj(self.data[key], self._at(key), self.file, self.line)

    def _at(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def objects(self, key: str, *, required: bool = False) -> list[Obj]:
        """The objects listed under *key*, each with its own path (``key[0]``) and line."""
        return [
            Obj(item, f"{self._at(key)}[{index}]", self.file, self.line)
            for index, item in enumerate(self.items(key, required=required))
        ]


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    for kind, name in (
        (dict, "an object"),
        (list, "a list"),
        (str, "a string"),
        (bool, "true/false"),
    ):
        if isinstance(value, kind):
            return name
    return "a number" if isinstance(value, int | float) else "a value"
