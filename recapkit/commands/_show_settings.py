"""``recapkit lint --show-settings``: what a run would use, without linting anything.

Like ruff's ``--show-settings``: the config file and every setting after the flags, the rules
that would run, and each site with the generator that reads it and what recapkit took from its
config (content and static folders, URL path, time zone).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from recapkit.config import Config
from recapkit.lint.engine import Linter
from recapkit.lint.pipeline import LintRequest, resolve
from recapkit.lint.rules._remote import RemoteRule
from recapkit.lint.sites import SiteUse, shown


def show_settings(request: LintRequest) -> tuple[list[str], list[str]]:
    """The report's lines, and the notes for standard error."""
    resolved = resolve(request)
    config = resolved.config
    lines = [f"Config file: {shown(config.path) if config.path else 'none (defaults)'}"]
    lines += ["Settings:"] + [f"  {name} = {value}" for name, value in _settings(config)]
    rules = Linter(config).selection.rules
    local = [rule.code for rule in rules if not isinstance(rule, RemoteRule)]
    remote = [rule.code for rule in rules if isinstance(rule, RemoteRule)]
    lines.append(f"Rules ({len(local)}): {', '.join(local)}")
    if remote:
        lines.append(f"Remote rules (with --remote or `remote`): {', '.join(remote)}")
    count = len(resolved.targets)
    lines.append(f"Sites ({count} {'file' if count == 1 else 'files'}):")
    for use in resolved.sites:
        lines += [f"  {use.line()}", *(f"    {line}" for line in _site_lines(use))]
    if not resolved.sites:
        lines.append("  none: no Markdown files found")
    return lines, resolved.notes


# What a setting left unset means, for the keys whose default is not a value of their own.
_UNSET = {
    "ssg": "detected for each site",
    "select": "every rule",
    "required-keys": "none beyond what each generator needs",
    "image-keys": "each generator's own and its themes'",
    "hotlink-hosts": "the built-in list",
    "cache-dir": "the user cache folder",
    "templates-dir": "the built-in templates",
    "layout": "form",
}


def _settings(config: Config) -> list[tuple[str, str]]:
    """``[tool.recapkit]`` as it applies, kebab-case keys, defaults included."""
    rows = []
    for field in attrs.fields(Config):
        if field.name in ("path", "root"):
            continue
        key = field.name.replace("_", "-")
        value = getattr(config, field.name)
        rows.append((key, f"(not set: {_UNSET[key]})" if value is None else _value(value)))
    return rows


def _value(value: Any) -> str:
    """*value* in TOML's spelling."""
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f'"{k}" = {_value(v)}' for k, v in value.items()) + "}"
    if isinstance(value, bool):
        return str(value).lower()
    return f'"{value}"' if isinstance(value, str | Path) else str(value)


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
