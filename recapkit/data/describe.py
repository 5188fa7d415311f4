"""Loaded values in words, for error messages: ``the number 3``, ``a list``, ``the date 2024-05-03``.

Shared by the data-file errors (:mod:`recapkit.data.hooks`) and the lint rules that report a
front matter value of the wrong type; it imports nothing heavier than :mod:`datetime`, so a rule
module can use it without pulling in the cattrs machinery.
"""

from __future__ import annotations

from datetime import date, datetime, time


def describe(value: object) -> str:
    """A short, human name for what the file actually contains."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {number_text(value)}"
    if isinstance(value, datetime):
        return f"the date-time {value.isoformat(sep=' ')}"
    if isinstance(value, date | time):
        return f"the {type(value).__name__} {value.isoformat()}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the text {shown!r}"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"a {type(value).__name__}"


def number_text(value: int | float) -> str:
    """The number as written, shortened when long (and never past ``int``'s print limit)."""
    if isinstance(value, int) and value.bit_length() > 128:
        return f"with about {int(value.bit_length() * 0.30103) + 1} digits"
    return repr(value)


def key_text(key: object) -> str:
    """A mapping key as a path element; safe for any key a loader can produce."""
    return number_text(key) if isinstance(key, int) else str(key)
