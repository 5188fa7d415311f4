"""What the importer could not place: kept in the recap's or a talk's text, and reported."""

from __future__ import annotations

from attrs import frozen


@frozen
class Note:
    """Something the importer did not place, or placed by a guess: 0-based *line*, the text
    concerned (shortened), and why."""

    line: int
    text: str
    why: str

    def show(self, path: str) -> str:
        """``path:line: why: text`` (1-based line), as the command prints it."""
        return f"{path}:{self.line + 1}: {self.why}: {self.text}"


def short(text: str, limit: int = 60) -> str:
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= limit else one_line[: limit - 1] + "…"
