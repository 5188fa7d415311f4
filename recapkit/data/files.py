"""Read and write recap data files (YAML, TOML, JSON) with precise, line-numbered problems.

Reading never shows a traceback for bad input: syntax errors, empty, binary, non-UTF-8 or
oversized files (:mod:`recapkit.data.reading`), alias bombs, duplicate keys and data that does
not fit the model all become :class:`FileProblem` entries (``file:line:col: field: message``)
of one :class:`DataFileError`.
Writing is atomic and refuses to replace an existing file unless asked to.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tomllib
from collections import Counter
from datetime import date, time
from pathlib import Path
from typing import Any

import tomli_w
import yaml

from recapkit import _yaml as yamlsafe
from recapkit import atomic
from recapkit._text import LineIndex, lone_surrogate
from recapkit.data.convert import RecapDataError, format_path, structure_recap, unstructure_recap
from recapkit.data.model import Recap
from recapkit.data.positions import Locator, locate, repeated_json_keys
from recapkit.data.problems import DataFileError, FileProblem, file_problem
from recapkit.data.reading import MAX_BYTES, read_text
from recapkit.data.unencodable import surrogate_message
from recapkit.errors import FileExistsRefusedError, UsageError

__all__ = [
    "MAX_BYTES",
    "DataFileError",
    "FileProblem",
    "OverwriteRefusedError",
    "dump_recap",
    "dumps_recap",
    "file_format",
    "load_recap",
    "loads_recap",
    "locate",
    "read_text",
]

MAX_DEPTH = 64
"""Recap data is a few levels deep; far deeper data is an attack or an accident."""
FORMATS = {".yaml": "yaml", ".yml": "yaml", ".toml": "toml", ".json": "json"}


class OverwriteRefusedError(FileExistsRefusedError):
    """A data file write would replace an existing file and ``force`` was not given."""


def file_format(path: str | os.PathLike[str]) -> str:
    """``yaml``, ``toml`` or ``json`` from the file name, else a UsageError."""
    fmt = FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise UsageError(f"{path}: unknown data file type (use .yaml, .yml, .toml or .json)")
    return fmt


_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


def parse_text(
    text: str, fmt: str, name: str = "<data>", warnings: list[FileProblem] | None = None
) -> Any:
    """The data in *text*, or a DataFileError with the line of the syntax error.

    Problems that do not stop reading (duplicate keys in YAML and JSON) go to *warnings* when
    given, else they are raised like the others."""
    if not text.strip():
        raise file_problem(name, "file is empty; a recap needs at least title, date and event")
    unencodable = lone_surrogate(text)
    if unencodable is not None:  # only a caller's str can hold one: files are decoded strictly
        line, column = LineIndex(text).position(unencodable)
        raise file_problem(name, surrogate_message(text, unencodable, "the file"), line, column)
    found: list[tuple[int, int, str]] = []
    try:
        data = _parse(text, fmt, name, found)
    except RecursionError:
        raise file_problem(name, "data is nested too deeply") from None
    duplicates = [FileProblem(name, line, col, "", msg) for line, col, msg in found]
    if duplicates and warnings is None:
        raise DataFileError(duplicates)
    if data is None:
        raise file_problem(name, "file has no data (only comments?)")
    if _depth_exceeds(data, MAX_DEPTH):
        raise file_problem(name, f"data is nested deeper than {MAX_DEPTH} levels")
    huge = _unprintable_int(data)
    if huge is not None:  # TOML's 0x/0o/0b literals have no digit limit; str() of one has
        line, column = Locator(text, fmt).find(huge)
        raise file_problem(name, "this number is too large; no recap field takes one", line, column)
    if warnings is not None:
        warnings.extend(duplicates)
    return data


def _parse(text: str, fmt: str, name: str, duplicates: list[tuple[int, int, str]]) -> Any:
    if fmt == "yaml":
        try:
            return yamlsafe.load(text, duplicates)
        except yamlsafe.YamlProblem as exc:
            problems = (FileProblem(name, ln, col, "", msg) for ln, col, msg in exc.problems)
            raise DataFileError(problems) from None
    if fmt == "toml":
        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            match = _TOML_POSITION.search(str(exc))
            line, column = (
                (int(match[1]) - 1, int(match[2]) - 1) if match else (text.count("\n"), 0)
            )
            message = _TOML_POSITION.sub("", str(exc)).strip()
            if "Unicode scalar value" in message:  # tomllib points past the escape
                line, column, message = _toml_escape(text, line, column, message)
            raise file_problem(name, f"TOML syntax error: {message}", line, column) from None
        except ValueError:  # int() past Python's digit limit, raised bare by the parser
            raise _huge_number(text, name) from None
    repeated: list[str] = []
    try:
        data = json.loads(text, object_pairs_hook=lambda pairs: _object(pairs, repeated))
    except json.JSONDecodeError as exc:
        raise file_problem(
            name, f"JSON syntax error: {exc.msg}", exc.lineno - 1, exc.colno - 1
        ) from None
    except ValueError:
        raise _huge_number(text, name) from None
    if repeated:
        duplicates.extend(_json_duplicates(text, repeated))
    return data


def _object(pairs: list[tuple[str, Any]], repeated: list[str]) -> dict[str, Any]:
    """A JSON object as ``json`` builds it (the last of a repeated key wins), noting repeats."""
    result = dict(pairs)
    if len(result) < len(pairs):
        counts = Counter(key for key, _ in pairs)
        repeated.extend(key for key, count in counts.items() if count > 1)
    return result


def _json_duplicates(text: str, repeated: list[str]) -> list[tuple[int, int, str]]:
    """Duplicate JSON keys in the words YAML's get, at the second key."""
    found = repeated_json_keys(text)
    if found is None:  # the scanner could not follow the text: name them without a place
        return [
            (0, 0, f"duplicate key {key!r}; the later value would silently win") for key in repeated
        ]
    return [
        yamlsafe.DuplicateKey(key, line, column, first).problem()
        for key, line, column, first in found
    ]


def _toml_escape(text: str, line: int, column: int, message: str) -> tuple[int, int, str]:
    source = text.split("\n")[line] if line < text.count("\n") + 1 else ""
    start = source.rfind("\\", 0, column)
    described = yamlsafe.describe_code_escape(source, start) if start >= 0 else None
    return (line, start, described) if described else (line, column, message)


def _huge_number(text: str, name: str) -> DataFileError:
    """The problem for a number longer than ``int()`` reads, at the first such digit run."""
    limit = sys.get_int_max_str_digits()
    match = re.search(rf"\d(?:_?\d){{{limit},}}", text)
    offset = match.start() if match else 0
    line = text.count("\n", 0, offset)
    column = offset - (text.rfind("\n", 0, offset) + 1)
    message = f"this number has more than {limit} digits; no recap field takes one"
    return file_problem(name, message, line, column)


def _depth_exceeds(data: Any, limit: int) -> bool:
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(value, dict):
            stack.extend((item, depth + 1) for item in value.values())
        elif isinstance(value, list):
            stack.extend((item, depth + 1) for item in value)
    return False


# Python's limit on decimal digits (0 means none; then keep the default as a sanity bound).
_DIGIT_LIMIT = sys.get_int_max_str_digits() or 4300


def _unprintable_int(data: Any) -> tuple[str | int, ...] | None:
    """The path of the first int too long to print in decimal, if any."""
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(data, ())]
    while stack:
        value, path = stack.pop()
        if isinstance(value, dict):
            stack.extend((item, (*path, str(key))) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend((item, (*path, index)) for index, item in enumerate(value))
        elif isinstance(value, int) and value.bit_length() > 3 * _DIGIT_LIMIT:
            return path  # 3 bits a digit is conservative; such ints are absurd in a recap anyway
    return None


def loads_recap(text: str, fmt: str, *, name: str = "<data>", timezone: str | None = None) -> Recap:
    """A Recap from the text of a data file in *fmt*; problems are reported against *name*."""
    problems: list[FileProblem] = []
    data = parse_text(text, fmt, name, problems)
    try:
        recap = structure_recap(data, timezone=timezone)
    except RecapDataError as exc:
        locator = Locator(text, fmt)
        problems += (_place(locator, fmt, name, p.path, p.message) for p in exc.problems)
    if problems:
        raise DataFileError(problems)
    return recap


# Hints about YAML 1.1 that make no sense in TOML or JSON.
_YAML_HINT = re.compile(r"; (?:quote it if it is text \(YAML[^)]*\)|YAML .*)$")


def _place(
    locator: Locator, fmt: str, name: str, path: tuple[str | int, ...], message: str
) -> FileProblem:
    line, column = locator.find(path, at_key=message.startswith(("unknown key", "key holds")))
    if fmt != "yaml":
        message = _YAML_HINT.sub("", message)
    raw = locator.scalar(path) if message.startswith("expected text, got") else None
    if raw is not None and fmt == "yaml":
        message = (
            f'{message.split(";")[0]}; YAML reads the unquoted {raw} that way, so quote it: "{raw}"'
        )
    elif raw is not None:  # TOML and JSON: the number or boolean was meant as text
        message = f'{message}; write text in quotes: "{raw}"'
    return FileProblem(name, line, column, format_path(path), message)


def load_recap(path: str | os.PathLike[str], *, timezone: str | None = None) -> Recap:
    """Read a YAML, TOML or JSON data file into a :class:`Recap`.

    Raises :class:`DataFileError` listing every problem with its line, and
    :class:`~recapkit.errors.UsageError` for an unknown extension or a path that cannot be
    read as a file (missing, a FIFO, a device, a folder, a symlink loop), saying which.
    """
    fmt = file_format(path)
    return loads_recap(read_text(path), fmt, name=str(path), timezone=timezone)


def _json_default(value: Any) -> str:
    if isinstance(value, date | time):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} to JSON")


class _Dumper(yaml.SafeDumper):
    """Block style, literal blocks for multi-line text, keys in model order."""

    def ignore_aliases(self, data: Any) -> bool:
        # Two talks on one day share the date object: write it twice, not as "&id001"/"*id001".
        return True


# PyYAML writes these raw in plain or single-quoted scalars but reads them back as line breaks.
_BREAKS_TO_ESCAPE = re.compile("[\r\x85\u2028\u2029]")


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = '"' if _BREAKS_TO_ESCAPE.search(value) else "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_text)


def dumps_recap(recap: Recap, fmt: str) -> str:
    """The text of a data file in *fmt* (``yaml``, ``toml``, ``json``) that loads back as *recap*."""
    data = unstructure_recap(recap)
    if fmt == "yaml":
        return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    if fmt == "toml":
        return tomli_w.dumps(data)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2, default=_json_default) + "\n"
    raise UsageError(f"unknown data format {fmt!r} (use yaml, toml or json)")


def dump_recap(recap: Recap, path: str | os.PathLike[str], *, force: bool = False) -> None:
    """Write *recap* to *path* (format from the extension) atomically; refuse to overwrite
    an existing file unless *force*. A *path* that is a device or FIFO is written in place."""
    target = Path(path)
    text = dumps_recap(recap, file_format(target))
    if not target.parent.is_dir():
        raise UsageError(f"{target}: directory {target.parent} does not exist")
    try:
        atomic.write_text(target, text, overwrite=force, output=True)
    except FileExistsError:
        raise OverwriteRefusedError(target) from None
