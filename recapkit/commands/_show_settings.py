"""``recapkit lint --show-settings``: what a run would use, without linting anything.

Like ruff's ``--show-settings``: the config file and every setting after the flags, the rules
that would run, and each site with the generator that reads it and what recapkit took from its
config (content and static folders, URL path, time zone).
"""

from __future__ import annotations

from typing import Any

import attrs

from recapkit.config import Config
from recapkit.lint.engine import Linter
from recapkit.lint.pipeline import LintRequest, resolve
from recapkit.lint.sites import SiteUse, shown


def show_settings(request: LintRequest) -> tuple[list[str], list[str]]:
    """The report's lines, and the notes for standard error."""
    resolved = resolve(request)
    config = resolved.config
    lines = [f"Config file: {shown(config.path) if config.path else 'none (defaults)'}"]
    lines += ["Settings:"] + [f"  {name} = {value}" for name, value in _settings(config)]
    rules = Linter(config).selection.rules
    lines.append(f"Rules ({len(rules)}): {', '.join(rule.code for rule in rules)}")
    count = len(resolved.targets)
    lines.append(f"Sites ({count} {'file' if count == 1 else 'files'}):")
    for use in resolved.sites:
        lines += [f"  {use.line()}", *(f"    {line}" for line in _site_lines(use))]
    if not resolved.sites:
        lines.append("  none: no Markdown files found")
    return lines, resolved.notes


def _settings(config: Config) -> list[tuple[str, str]]:
    """``[tool.recapkit]`` as it applies, kebab-case keys, defaults included."""
    rows = []
    for field in attrs.fields(Config):
        if field.name in ("path", "root"):
            continue
        rows.append((field.name.replace("_", "-"), _value(getattr(config, field.name))))
    return rows


def _value(value: Any) -> str:
    if value is None:
        return "(default)"
    if isinstance(value, tuple):
        return "[" + ", ".join(f'"{item}"' for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f'"{k}" = {_value(v)}' for k, v in value.items()) + "}"
    if isinstance(value, bool):
        return str(value).lower()
    return f'"{value}"' if isinstance(value, str) else str(value)


def _site_lines(use: SiteUse) -> list[str]:
    site = use.site
    if site is None:
        return ["no key vocabulary, no required keys; site-absolute images are unverified"]
    zone = site.generator.time_zone(site)
    return [
        f"content: {', '.join(shown(d) for d in site.content_dirs)}",
        f"static: {', '.join(shown(d) for d in site.static_dirs)}",
        f"URL path: {site.baseurl or '/'}",
        f"time zone: {zone if zone is not None else 'not set'}",
    ]
