"""The lint rules, one module per family, and the explicit registry :data:`ALL_RULES`.

Codes and names are a public contract: CI configs name them. Never renumber a rule.
"""

from __future__ import annotations

from recapkit.rules.base import LintContext, NoOptions, Rule

ALL_RULES: tuple[type[Rule], ...] = ()
"""Every rule, in code order. Filled by the rule families' modules below."""

__all__ = ["ALL_RULES", "LintContext", "NoOptions", "Rule"]
