"""The rule interface: a rule is a small class with a code, a kebab name and a docstring.

Rules only *yield* :class:`~recapkit.lint.diagnostics.Diagnostic`; they never print, read config
files or decide the final severity (the linter stamps configured severities afterwards).
A rule's docstring is its documentation page: what it does, why, an example and the fix,
as Markdown with the sections ``## Why``, ``## Example`` and ``## Fix``.
"""

from __future__ import annotations

import abc
import inspect
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import field, frozen

from recapkit.lint.diagnostics import Diagnostic, Fix, Severity
from recapkit.lint.rules.settings import LintSettings

if TYPE_CHECKING:
    from recapkit.post.types import Post


@frozen
class NoOptions:
    """For rules without options."""


@frozen
class LintContext:
    """What a rule may know beyond the post itself.

    ``site`` is a :class:`recapkit.ssg.site.Site` or None (typed ``Any`` here to keep this module
    free of the site logic); ``settings`` holds the linter-wide settings rules share (SSG preset,
    front matter keys, image keys, hotlink hosts, ...).
    """

    site: Any = None
    settings: LintSettings = field(factory=LintSettings)

    @property
    def ssg(self) -> str | None:
        """The configured SSG, else the detected site's, as a lower-case name (None: unknown)."""
        if self.settings.ssg_name:
            return self.settings.ssg_name
        site_ssg = getattr(self.site, "ssg", None)
        return str(site_ssg).lower() if site_ssg else None


class Rule(abc.ABC):
    """Base class of every lint rule."""

    code: ClassVar[str]
    """Stable public code such as ``RK201``."""
    name: ClassVar[str]
    """Stable kebab-case name such as ``image-missing-alt``."""
    summary: ClassVar[str]
    """One line: what the rule reports."""
    default_severity: ClassVar[Severity] = Severity.ERROR
    fixable: ClassVar[bool] = False
    uses_filesystem: ClassVar[bool] = False
    """True when the result depends on more than the post's text and the settings: other files
    (an image on disk) or the post's own path (a date in the file name). A cache keyed by the
    content hash must re-run such rules."""
    Options: ClassVar[type[Any]] = NoOptions
    """A frozen attrs class of typed options with defaults, filled from config."""

    def __init__(self, options: Any = None) -> None:
        self.options = options if options is not None else self.Options()

    @abc.abstractmethod
    def check(self, post: Post, context: LintContext) -> Iterator[Diagnostic]:
        """Yield every finding of this rule in *post*."""

    def diagnostic(
        self,
        post: Post,
        line: int,
        column: int,
        message: str,
        *,
        end_line: int | None = None,
        end_column: int | None = None,
        fix: Fix | None = None,
        severity: Severity | None = None,
    ) -> Diagnostic:
        """A diagnostic of this rule at a 0-based position in *post*.

        *severity* overrides the rule's default for this one finding, for rules whose weight
        depends on the SSG (a configured severity still wins: the linter stamps it afterwards).
        """
        return Diagnostic(
            path=str(post.path),
            line=line,
            column=column,
            code=self.code,
            name=self.name,
            message=message,
            severity=severity or self.default_severity,
            end_line=end_line,
            end_column=end_column,
            fix=fix,
        )

    @classmethod
    def documentation(cls) -> str:
        """The rule's docs page (its docstring, dedented)."""
        return inspect.cleandoc(cls.__doc__ or "")
