"""The lint rules, one module per rule named as the rule, and the registry :data:`ALL_RULES`.

Codes and names are a public contract: CI configs name them. Never renumber a rule.
The registry is :mod:`recapkit.lint.rules.index` (generated from the rule classes, see
:mod:`recapkit.lint.rules.registry`): importing this package imports no rule module, and
:data:`ALL_RULES` imports them all on first use.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import TYPE_CHECKING, Any

from recapkit.lint.rules.base import AnyRule, LintContext, NoOptions, Rule
from recapkit.lint.rules.settings import LintSettings

if TYPE_CHECKING:
    ALL_RULES: tuple[type[AnyRule], ...]
    """Every rule, in code order. The RK6 rules are opt-in (off unless selected by name or code)."""
    REMOTE_RULES: tuple[type[AnyRule], ...]
    """The RK5xx family, whose findings the remote checker makes."""


def __getattr__(name: str) -> Any:
    # Built on first use, as they import rule modules: ALL_RULES, REMOTE_RULES, and each rule's
    # class by its class name (`from recapkit.lint.rules import ImageMissingAlt`).
    if not name[:1].isupper():  # a submodule the import system looks for, a dunder: not ours
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    registry = _registry()
    if name == "ALL_RULES":
        return registry.rule_classes()
    if name == "REMOTE_RULES":
        return tuple(r.load() for r in registry.entries() if r.code.startswith("RK5"))
    for entry in registry.entries():
        if entry.cls == name:
            return entry.load()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _registry() -> ModuleType:
    # Imported on use (by name: a `from` import would ask this module's __getattr__), so that
    # `python -m recapkit.lint.rules.registry` runs the registry module once, as __main__.
    return importlib.import_module("recapkit.lint.rules.registry")


def get_rule(code_or_name: str) -> type[AnyRule] | None:
    """The rule with this code (``RK201``, any case) or kebab name (``image-missing-alt``)."""
    entry = _registry().find(code_or_name)
    return entry.load() if entry is not None else None


__all__ = ["ALL_RULES", "LintContext", "LintSettings", "NoOptions", "Rule", "get_rule"]
