"""Text UTF-8 cannot encode, found in loaded data before any of it is printed or written.

JSON's ``"\\ud800"`` escape (and a Python caller's str) can hold a lone surrogate: a character
UTF-8 cannot encode, so the first print or write of it fails, long after the file was read.
Every string of the data is checked, keys included and wherever it is: ``extra`` holds
free-form values the model never looks at, and templates write them all.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from recapkit._text import lone_surrogate
from recapkit.data.describe import key_text
from recapkit.data.problems import DataProblem, PathPart


def surrogate_message(text: str, offset: int, what: str = "text") -> str:
    """What is wrong with the lone surrogate at *offset* of *text*, and what to do; a
    problem about a key (*what*) starts with ``key holds``, one about a whole file's text
    (already at its line and column) with ``the file holds``."""
    code = f"\\u{ord(text[offset]):04x}"
    where = "" if what == "the file" else f" (character {offset + 1})"
    return (
        f"{what} holds {code}{where}, a lone UTF-16 surrogate that UTF-8 cannot encode; write "
        "the character itself (an escaped pair such as \\ud83d\\ude00 needs both halves)"
    )


def surrogate_problems(data: Any) -> list[DataProblem]:
    """One problem per string of *data* (key or value) that holds a lone surrogate, in
    document order."""
    problems: list[DataProblem] = []
    stack: list[tuple[Any, tuple[PathPart, ...]]] = [(data, ())]
    while stack:  # iterative: the caller's data may be deeper than the recursion limit
        value, path = stack.pop()
        children: list[tuple[Any, tuple[PathPart, ...]]] = []
        if isinstance(value, str):
            offset = lone_surrogate(value)
            if offset is not None:
                problems.append(DataProblem(path, surrogate_message(value, offset)))
        elif isinstance(value, Mapping):
            for key, item in value.items():
                child = (*path, key if isinstance(key, str) else key_text(key))
                offset = lone_surrogate(key) if isinstance(key, str) else None
                if offset is not None:
                    message = surrogate_message(key, offset, "key")
                    problems.append(DataProblem(child, message))
                children.append((item, child))
        elif isinstance(value, list | tuple):
            children = [(item, (*path, index)) for index, item in enumerate(value)]
        stack.extend(reversed(children))
    return problems
