"""From a :class:`~recapkit.config.Config` to the rules that run: selectors, severities, options.

A selector is ``ALL``, a code or code prefix (``RK2``, ``RK201``) or a rule name
(``image-missing-alt``). The enabled set is ``select`` (default ``ALL``) plus ``extend-select``
minus ``ignore``; a severity of ``off`` also disables a rule. An opt-in rule
(:attr:`~recapkit.lint.rules.base.Rule.opt_in`) is enabled only by a selector that names it: its
code, its name or a code prefix at least as long as its family's (``RK6``); ``ALL`` and ``RK``
leave it off (and ``ignore`` and the other settings apply to it with any selector). Every selector, severity key and
option is checked against the registry, so a typo in CI config fails loudly (exit 2) instead of
silently linting nothing.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs
from attrs import frozen

from recapkit.config import Config, read_table
from recapkit.errors import ConfigError
from recapkit.lint.diagnostics import Severity
from recapkit.lint.rules._entry import RuleEntry
from recapkit.lint.rules.base import AnyRule
from recapkit.lint.rules.registry import entries as registry_entries

RuleSpec = type[AnyRule] | RuleEntry
"""A rule class, or its registry entry (its code, name and opt-in, its module not imported)."""


@frozen(slots=False)  # not slotted: :attr:`rules` is cached in the instance's __dict__
class Selection:
    """The rules to run, with their options, and what else the linter needs.

    The rules are made (their modules imported) on first use of :attr:`rules`: a run whose
    posts are all cache hits never uses them, so it does not pay for importing them."""

    chosen: tuple[tuple[RuleSpec, Any], ...]
    """Each selected rule's class or registry entry, and its options (None: the defaults)."""
    severities: Mapping[str, Severity]
    """Configured severity per code (only the overridden ones)."""
    draft_severities: Mapping[str, Severity | None] = attrs.field(factory=dict, kw_only=True)
    """Severity per code in a draft (the rules' ``draft_severity``, then ``draft-severity``);
    None: not reported in drafts. Codes not here are as severe in a draft as elsewhere."""
    per_file_ignores: tuple[tuple[str, frozenset[str]], ...]
    """(glob, codes) pairs."""
    names: Mapping[str, str]
    """Upper-case rule name -> code, for suppression comments."""

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(spec.code for spec, _ in self.chosen)

    @property
    def uses_filesystem(self) -> bool:
        """Whether a selected rule's findings depend on other files than the post."""
        return any(spec.uses_filesystem for spec, _ in self.chosen)

    @functools.cached_property
    def rules(self) -> tuple[AnyRule, ...]:
        """The selected rules, made with their options."""
        return tuple(_class(spec)(options) for spec, options in self.chosen)


def all_rules() -> tuple[RuleSpec, ...]:
    """Every rule recapkit ships, as registry entries: the run imports the modules of the rules
    it selects only (the rule modules are the heavy part of startup)."""
    return registry_entries()


def _class(spec: RuleSpec) -> type[AnyRule]:
    return spec.load() if isinstance(spec, RuleEntry) else spec


def select_rules(config: Config, registry: Sequence[RuleSpec] | None = None) -> Selection:
    """Resolve *config* against *registry* (default: every rule recapkit ships)."""
    registry = tuple(registry) if registry is not None else all_rules()
    where = config.where()
    chosen = set(expand(config.select or ("ALL",), registry, f"{where}: select", enabling=True))
    chosen |= expand(config.extend_select, registry, f"{where}: extend-select", enabling=True)
    chosen -= expand(config.ignore, registry, f"{where}: ignore")
    severities: dict[str, Severity] = {}
    for key, value in config.severity.items():
        for code in expand((key,), registry, f"{where}: severity"):
            if value == "off":
                chosen.discard(code)
            else:
                severities[code] = Severity(value)
    drafts = _draft_severities(config, registry)
    options = _rule_options(config, registry)
    selected = tuple((spec, options.get(spec.code)) for spec in registry if spec.code in chosen)
    ignores = tuple(
        (pattern, frozenset(expand(selectors, registry, f"{where}: per-file-ignores.{pattern}")))
        for pattern, selectors in config.per_file_ignores.items()
    )
    names = {cls.name.upper(): cls.code for cls in registry}
    return Selection(
        chosen=selected,
        severities=severities,
        per_file_ignores=ignores,
        names=names,
        draft_severities={code: level for code, level in drafts.items() if code in chosen},
    )


def _draft_severities(config: Config, registry: Sequence[RuleSpec]) -> dict[str, Severity | None]:
    """Each rule's severity in drafts: its ``draft_severity``, then ``draft-severity`` (where
    ``off`` means: not reported in drafts, and the rule still runs on published posts)."""
    found: dict[str, Severity | None] = {
        cls.code: cls.draft_severity for cls in registry if cls.draft_severity is not None
    }
    for key, value in config.draft_severity.items():
        for code in expand((key,), registry, f"{config.where()}: draft-severity"):
            found[code] = None if value == "off" else Severity(value)
    return found


def expand(
    selectors: Iterable[str],
    registry: Sequence[RuleSpec],
    where: str,
    *,
    enabling: bool = False,
) -> set[str]:
    """The codes *selectors* name; an unknown selector is a :class:`ConfigError`. When
    *enabling* (``select``, ``extend-select``), a broad selector leaves opt-in rules out."""
    codes: set[str] = set()
    for selector in selectors:
        matched = _match(selector.strip(), registry)
        if not matched:
            raise ConfigError(_unknown_selector(selector, registry, where))
        if enabling:
            matched = {code for code in matched if _names(selector.strip(), code, registry)}
            if not matched:
                continue  # `RK` on a registry of opt-in rules only: nothing, and no typo
        codes |= matched
    return codes


def _match(selector: str, registry: Sequence[RuleSpec]) -> set[str]:
    upper = selector.upper()
    if upper == "ALL":
        return {cls.code for cls in registry}
    by_name = {cls.code for cls in registry if cls.name.upper() == upper}
    return by_name or {cls.code for cls in registry if cls.code.upper().startswith(upper) and upper}


_FAMILY_LENGTH = len("RK6")


def _names(selector: str, code: str, registry: Sequence[RuleSpec]) -> bool:
    """Whether *selector* enables the rule *code*: any selector enables a rule that is not
    opt-in; an opt-in rule needs its name or a prefix that names at least its family."""
    cls = next(c for c in registry if c.code == code)
    if not cls.opt_in:
        return True
    upper = selector.upper()
    return upper == cls.name.upper() or (upper != "ALL" and len(upper) >= _FAMILY_LENGTH)


def _unknown_selector(selector: str, registry: Sequence[RuleSpec], where: str) -> str:
    import difflib  # here: only a run with a mistyped rule needs it

    known = [cls.code for cls in registry] + [cls.name for cls in registry]
    close = difflib.get_close_matches(selector, known, n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"{where}: unknown rule '{selector}'{hint}; see `recapkit rule --list`"


def _rule_options(config: Config, registry: Sequence[RuleSpec]) -> dict[str, Any]:
    """``[tool.recapkit.rules.<code-or-name>]`` tables as each rule's ``Options`` instance."""
    options: dict[str, Any] = {}
    for key, table in config.rules.items():
        where = f"{config.where()}: rules.{key}"
        for code in expand((key,), registry, where):
            cls = _class(next(c for c in registry if c.code == code))
            options[code] = build_options(cls, table, where)
    return options


def build_options(cls: type[AnyRule], table: Mapping[str, Any], where: str) -> Any:
    """*table* (kebab keys) as an instance of ``cls.Options``, typed as the config is."""
    return read_table(cls.Options, table, where=where, what="option", owner=f" for {cls.code}")
