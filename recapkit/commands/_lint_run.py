"""What ``recapkit lint`` does once its flags are parsed (kept apart from the click declarations)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import attrs
import click

from recapkit.commands import _lint_remote as lint_remote
from recapkit.commands.lint import emit, load_settings, output_format, use_color
from recapkit.config import Config
from recapkit.lint.diagnostics import Diagnostic, Severity
from recapkit.lint.discover import SiteFinder, discover
from recapkit.lint.engine import FileResult, Linter, LintResult
from recapkit.lint.reporters import Report, rule_infos
from recapkit.lint.runner import LintOptions, Plan, run

FAILING = (Severity.ERROR, Severity.WARNING)
"""Severities that make the exit status 1 (``info`` findings are shown but do not fail CI)."""


def main(kwargs: dict[str, Any]) -> int:
    paths = list(kwargs["paths"]) or [Path()]
    config = load_settings(kwargs, paths[0])
    linter = Linter(config)  # each file is linted with its own site (Target.site)
    remote = lint_remote.prepare(kwargs, config, linter.context.settings.hotlink_hosts)
    linter.collect_remote = remote is not None
    excluded: list[tuple[Path, str]] = []
    targets = discover(paths, config=config, sites=SiteFinder(config), excluded_given=excluded)
    _warn_excluded(kwargs, config, excluded)
    unexplained = [str(p) for p in paths if p not in {path for path, _ in excluded}]
    if not targets and unexplained:
        click.echo("warning: no Markdown files found in " + ", ".join(unexplained), err=True)
    cache_dir = kwargs["cache_dir"] or config.cache_path
    options = LintOptions(
        jobs=kwargs["jobs"], use_cache=not kwargs["no_cache"], cache_dir=cache_dir
    )
    result = run(Plan(linter, targets, options))
    if kwargs["diff"]:
        return _diff(linter, result)
    if kwargs["fix"]:
        result = _fix(linter, result)
    if remote is not None:
        result = _remote_pass(remote, linter, result, quiet=kwargs["quiet"])
    fmt = output_format(kwargs["output_format"])
    if kwargs["statistics"] and fmt != "text":
        # Counts per rule are a text view; the machine formats always carry every finding.
        click.echo(
            f"warning: --statistics is ignored with {fmt} output (it needs --output-format text)",
            err=True,
        )
    report = Report(
        diagnostics=result.diagnostics,
        files=[str(f.target.path) for f in result.files],
        rules=rule_infos(linter.selection.rules),
        fixed=result.fixed,
        elapsed=result.elapsed,
        statistics=kwargs["statistics"],
        quiet=kwargs["quiet"],
        color=use_color(kwargs, sys.stdout),
        summary_extra={"cached": result.cache_hits},
    )
    emit(kwargs, report, fmt)
    return exit_code(result, exit_zero=kwargs["exit_zero"])


def _warn_excluded(
    kwargs: dict[str, Any], config: Config, excluded: list[tuple[Path, str]]
) -> None:
    """A path named on the command line but excluded: say which pattern, and where it is set."""
    from_flag = set(kwargs["exclude"] or ())
    for path, pattern in excluded:
        where = "--exclude" if pattern in from_flag else config.where()
        click.echo(f'warning: {path}: excluded by exclude = "{pattern}" ({where})', err=True)


def exit_code(result: LintResult, *, exit_zero: bool = False) -> int:
    if result.internal_errors:
        return 2
    if exit_zero:
        return 0
    return 1 if any(d.severity in FAILING for d in result.diagnostics) else 0


def _fixable(result: LintResult) -> list[FileResult]:
    return [f for f in result.files if any(d.fixable for d in f.diagnostics)]


def _fix(linter: Linter, result: LintResult) -> LintResult:
    """Apply the safe fixes, write each changed file atomically, and re-lint it."""
    from recapkit import atomic
    from recapkit.lint.fix import fix_file

    replaced: dict[Path, FileResult] = {}
    fixed = 0
    for file in _fixable(result):
        outcome = fix_file(linter, file)
        if outcome is None or not outcome.changed:
            continue
        atomic.write_bytes(file.target.real, outcome.fixed)
        replaced[file.target.real] = outcome.result
        fixed += outcome.applied
    files = tuple(replaced.get(f.target.real, f) for f in result.files)
    return attrs.evolve(result, files=files, fixed=fixed)


def _diff(linter: Linter, result: LintResult) -> int:
    """``--diff``: print what ``--fix`` would change; exit 1 when it would change something."""
    from recapkit.lint.fix import fix_file, unified_diff

    changed = applied = 0
    for file in _fixable(result):
        outcome = fix_file(linter, file)
        if outcome is None or not outcome.changed:
            continue
        sys.stdout.write(unified_diff(outcome))
        changed += 1
        applied += outcome.applied
    if result.internal_errors:
        return 2
    noun = "file" if changed == 1 else "files"
    click.echo(
        f"Would fix {applied} problem(s) in {changed} {noun}." if changed else "No fixes to apply.",
        err=True,
    )
    return 1 if changed else 0


def _remote_pass(remote: Any, linter: Linter, result: LintResult, *, quiet: bool) -> LintResult:
    """Remote checks after the local pass, on the URLs the local pass collected (or cached)."""
    found = lint_remote.check(remote, result, quiet=quiet)
    if not found:
        return result
    by_path: dict[str, list[Diagnostic]] = {}
    for diagnostic in found:
        by_path.setdefault(diagnostic.path, []).append(diagnostic)
    files = []
    for file in result.files:
        extra = by_path.get(str(file.target.path))
        if extra:
            extra = _filter_remote(linter, file, extra)
            file = attrs.evolve(
                file,
                diagnostics=tuple(sorted((*file.diagnostics, *extra), key=Diagnostic.sort_key)),
            )
        files.append(file)
    return attrs.evolve(result, files=tuple(files))


def _filter_remote(linter: Linter, file: FileResult, found: list[Diagnostic]) -> list[Diagnostic]:
    """Selection, per-file ignores, suppression comments and severities for remote findings."""
    from recapkit.lint.engine import load
    from recapkit.lint.suppressions import post_suppressions

    selected = linter.selection.codes - linter.skipped_codes(file.target)
    found = [d for d in found if d.code in selected]
    # Parsed like the local pass parses it, so a comment quoted in code silences nothing here either.
    post = load(file.target, None, linter.context.settings.image_keys)
    found = post_suppressions(post, names=linter.selection.names).filter(found)
    severities = linter.selection.severities
    return [
        attrs.evolve(d, severity=severities[d.code]) if d.code in severities else d for d in found
    ]
