"""Problems found in recap data: at a field path (:class:`DataProblem`, building the model) and
at a line and column of a file (:class:`FileProblem`, reading a data file)."""

from __future__ import annotations

from collections.abc import Iterable

from attrs import frozen

from recapkit._text import printable
from recapkit.errors import RecapkitError

PathPart = str | int


@frozen
class DataProblem:
    """One problem in recap data: where (a field path) and what."""

    path: tuple[PathPart, ...]
    message: str

    @property
    def path_text(self) -> str:
        """``talks[2].speakers[0].name``; ``(top level)`` for the document itself."""
        return format_path(self.path)


def format_path(path: Iterable[PathPart]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or "(top level)"


class RecapDataError(RecapkitError):
    """Recap data that does not fit the model; ``problems`` lists every problem found."""

    def __init__(self, problems: Iterable[DataProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(printable(f"{p.path_text}: {p.message}") for p in self.problems))


def prefixed(prefix: PathPart, problems: Iterable[DataProblem]) -> list[DataProblem]:
    return [DataProblem((prefix, *p.path), p.message) for p in problems]


@frozen
class FileProblem:
    """A problem at a place in a file; ``line`` and ``column`` are 0-based.

    ``str()`` is the line a user sees, ``file:line:col: field: message`` (1-based), always
    printable: control characters and characters UTF-8 cannot encode are shown as escapes."""

    path: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line + 1}:{self.column + 1}"
        text = (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )
        return printable(text)


class DataFileError(RecapkitError):
    """A data file that cannot be read as a recap; ``problems`` lists every problem, in order."""

    def __init__(self, problems: Iterable[FileProblem]) -> None:
        self.problems = tuple(sorted(problems, key=lambda p: (p.line, p.column)))
        super().__init__("\n".join(str(p) for p in self.problems))


def file_problem(name: str, message: str, line: int = 0, column: int = 0) -> DataFileError:
    """The error of a file with one problem, not tied to a field."""
    return DataFileError([FileProblem(name, line, column, "", message)])
