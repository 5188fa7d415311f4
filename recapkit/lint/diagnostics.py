"""What a check reports: :class:`Diagnostic`, its :class:`Severity` and an optional :class:`Fix`.

Positions are 0-based inside recapkit and shown 1-based (``line:col``) by reporters.
Offsets in :class:`Edit` index into ``Post.text``: the file decoded as UTF-8 with any BOM
removed and line endings untouched, so applying edits and re-adding the BOM gives back
every other byte unchanged.
"""

from __future__ import annotations

import enum

from attrs import field, frozen


class Severity(enum.StrEnum):
    """How bad a finding is; ``error`` and ``warning`` both fail CI unless configured otherwise."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@frozen
class Edit:
    """Replace ``text[start:end]`` with ``replacement`` (character offsets into ``Post.text``)."""

    start: int
    end: int
    replacement: str

    def __attrs_post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid edit range {self.start}..{self.end}")


class Applicability(enum.StrEnum):
    """Whether a fix keeps what the page shows (ruff's fix safety)."""

    SAFE = "safe"
    """It keeps the meaning: ``--fix`` applies it."""
    UNSAFE = "unsafe"
    """It may change what the generator shows (likely what the writer meant, but not certainly):
    only ``--fix --unsafe-fixes`` applies it."""


@frozen
class Fix:
    """A set of non-overlapping edits that together repair one diagnostic."""

    edits: tuple[Edit, ...]
    description: str
    applicability: Applicability = Applicability.SAFE

    @property
    def safe(self) -> bool:
        return self.applicability is Applicability.SAFE


@frozen
class Diagnostic:
    """One finding at one place in one file."""

    path: str
    line: int
    column: int
    code: str
    name: str
    message: str
    severity: Severity = Severity.ERROR
    end_line: int | None = None
    end_column: int | None = None
    fix: Fix | None = field(default=None, eq=False)

    @property
    def fixable(self) -> bool:
        """Whether a fix is offered (safe or not)."""
        return self.fix is not None

    def fixable_with(self, *, unsafe: bool = False) -> bool:
        """Whether ``--fix`` (with ``--unsafe-fixes`` when *unsafe*) repairs this finding."""
        return self.fix is not None and (unsafe or self.fix.safe)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)
