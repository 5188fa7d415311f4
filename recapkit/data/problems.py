"""Problems found while turning data into a :class:`~recapkit.data.model.Recap`, with field paths."""

from __future__ import annotations

from collections.abc import Iterable

from attrs import frozen

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
        super().__init__("\n".join(f"{p.path_text}: {p.message}" for p in self.problems))


def prefixed(prefix: PathPart, problems: Iterable[DataProblem]) -> list[DataProblem]:
    return [DataProblem((prefix, *p.path), p.message) for p in problems]
