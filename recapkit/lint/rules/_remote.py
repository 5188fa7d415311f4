"""The RK5xx rules: their findings come from the remote checker, not from a post.

These rules yield nothing from :meth:`check`: a post alone cannot tell whether a URL works.
:mod:`recapkit.lint.remote.checker` makes the requests (de-duplicated across files, cached, polite
per host) and emits their diagnostics; the rule classes give them their codes, names, default
severities and documentation pages, like every other rule."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from recapkit.lint.diagnostics import Diagnostic
from recapkit.lint.rules.base import LintContext, NoOptions, Rule

if TYPE_CHECKING:
    from recapkit.post.types import Post


class RemoteRule(Rule[NoOptions]):
    """Shared by the RK5xx rules: the remote checker emits their diagnostics."""

    def check(self, post: Post, context: LintContext) -> Iterator[Diagnostic]:
        yield from ()
