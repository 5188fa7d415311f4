"""The rule registry without importing the rules: :data:`~recapkit.lint.rules.index.RULES`.

A run selects its rules by code, name and opt-in before it needs any rule's code, so
:mod:`recapkit.lint.rules.index` states those facts as data (generated from the rule classes,
never written by hand) and a run imports the modules of the rules it selects only: ``--select
RK1`` does not pay for the Markdown rules' regular expressions, nor any run for the opt-in ones.

``python -m recapkit.lint.rules.registry > recapkit/lint/rules/index.py`` regenerates the index
after a rule is added or its code, name, opt-in, draft severity or use of the filesystem
changes; a test keeps the committed index in sync with the rule classes.
"""

from __future__ import annotations

import importlib
import sys
from typing import TYPE_CHECKING

from recapkit.lint.rules._entry import RuleEntry

if TYPE_CHECKING:
    from recapkit.lint.rules.base import AnyRule


def entries() -> tuple[RuleEntry, ...]:
    """Every rule recapkit ships, in code order, unimported."""
    from recapkit.lint.rules.index import RULES

    return RULES


def rule_classes() -> tuple[type[AnyRule], ...]:
    """Every rule's class, in code order (imports every rule module)."""
    return tuple(entry.load() for entry in entries())


def find(code_or_name: str) -> RuleEntry | None:
    """The entry of the rule with this code (``RK201``, any case) or kebab name."""
    key = code_or_name.strip()
    for entry in entries():
        if entry.code == key.upper() or entry.name == key.lower():
            return entry
    return None


def discovered() -> list[type[AnyRule]]:
    """The rule classes the package's modules define (one per module named as the rule), in
    code order: what the index is generated from."""
    import pkgutil  # here: only regenerating the index walks the package

    from recapkit.lint.rules import base

    package = sys.modules["recapkit.lint.rules"]
    found: list[type[AnyRule]] = []
    for info in pkgutil.iter_modules(package.__path__):
        if info.name.startswith("_") or info.name in ("docs", "index", "registry"):
            continue
        module = importlib.import_module(f"recapkit.lint.rules.{info.name}")
        found.extend(
            value
            for value in vars(module).values()
            if isinstance(value, type)
            and issubclass(value, base.Rule)
            and value.__module__ == module.__name__
            and not getattr(value, "__abstractmethods__", None)
        )
    return sorted(found, key=lambda rule: rule.code)


def render_index() -> str:
    """The source of :mod:`recapkit.lint.rules.index`, from the rule classes."""
    lines = [
        '"""Every rule, in code order, as data generated from the rule classes: do not edit.',
        "",
        "Regenerate: ``python -m recapkit.lint.rules.registry > recapkit/lint/rules/index.py``.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from recapkit.lint.diagnostics import Severity",
        "from recapkit.lint.rules._entry import RuleEntry",
        "",
        "RULES: tuple[RuleEntry, ...] = (",
    ]
    for rule in discovered():
        fields = [
            f'code="{rule.code}"',
            f'name="{rule.name}"',
            f'module="{rule.__module__.rsplit(".", 1)[1]}"',
            f'cls="{rule.__name__}"',
        ]
        if rule.opt_in:
            fields.append("opt_in=True")
        if rule.draft_severity is not None:
            fields.append(f"draft_severity=Severity.{rule.draft_severity.name}")
        if rule.uses_filesystem:
            fields.append("uses_filesystem=True")
        lines += ["    RuleEntry(", *(f"        {field}," for field in fields), "    ),"]
    lines += [")", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.stdout.write(render_index())
