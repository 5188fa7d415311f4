"""One rule in the registry (:mod:`recapkit.lint.rules.index`): what selecting it needs."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, NamedTuple

from recapkit.lint.diagnostics import Severity

if TYPE_CHECKING:
    from recapkit.lint.rules.base import AnyRule


class RuleEntry(NamedTuple):
    """What selecting a rule needs to know of it, and where its class lives."""

    code: str
    name: str
    module: str
    """The rule's module in :mod:`recapkit.lint.rules` (named as the rule)."""
    cls: str
    opt_in: bool = False
    draft_severity: Severity | None = None
    uses_filesystem: bool = False
    """Whether its findings depend on other files than the post (the cache then stamps them)."""

    def load(self) -> type[AnyRule]:
        """The rule's class (importing its module)."""
        rule: type[AnyRule] = getattr(
            importlib.import_module(f"recapkit.lint.rules.{self.module}"), self.cls
        )
        return rule
