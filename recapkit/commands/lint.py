"""``recapkit lint``: check posts for CI, print findings in the CI's format, fix what is safe."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import click

from recapkit._text import printable
from recapkit.commands import _stdin
from recapkit.commands._comma_list import split_commas
from recapkit.commands._generator_choice import GeneratorChoice
from recapkit.commands._remote_flags import remote_flags, remote_options
from recapkit.errors import UsageError
from recapkit.lint.reporters import FORMATS, Report, rule_infos, write_report

TEXT_FORMATS = ("text", "concise", "full")

if TYPE_CHECKING:
    from recapkit.lint.pipeline import LintOutcome, LintRequest

HELP = """Check posts: front matter, images, Markdown and recap data.

PATHS are files, folders or quoted globs ("content/**/*.md"; "!drafts/**" leaves
files out); default: the current folder. A site's root is searched in its content
folders only. A lone - reads one post from standard input.
Settings come from the nearest recapkit.toml or
[tool.recapkit] in pyproject.toml; flags override them.

\b
Exit status: 0 no findings (or all fixed), 1 findings remain,
2 usage, configuration or internal error, 130/143 interrupted by
Ctrl-C/SIGTERM.

\b
Examples:
  recapkit lint content/
  recapkit lint --select RK2 --ignore RK205 --statistics .
  recapkit lint --output-format full --fail-on error content/
  recapkit lint "content/posts/**/*.md" "!content/posts/archive/**"
  recapkit lint --changed-since origin/main content/
  recapkit lint --output-format sarif . > recapkit.sarif
  recapkit lint --fix content/posts/2025-gophercon-recap.md
  recapkit lint --fix --unsafe-fixes content/
  recapkit lint --diff content/
  recapkit lint - --stdin-filename content/posts/a.md < a.md
  recapkit lint --remote --links content/
"""


_OPTIONS: list[Callable[[Any], Any]] = [
    click.argument("paths", nargs=-1, type=click.Path(path_type=Path)),
    _stdin.option,
    click.option(
        "--config",
        "config_file",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Read this config file instead of searching for one.",
    ),
    click.option("--isolated", is_flag=True, help="Ignore every config file."),
    click.option(
        "--ssg",
        type=GeneratorChoice(auto=True),
        help="The static site generator (default: detected).",
    ),
    click.option(
        "--select",
        multiple=True,
        help="Only these rules (codes, prefixes or names; comma-separated).",
    ),
    click.option("--extend-select", multiple=True, help="Rules to enable on top of the selection."),
    click.option("--ignore", multiple=True, help="Rules to disable."),
    click.option(
        "--exclude", multiple=True, help="More glob patterns of files or folders to skip."
    ),
    click.option(
        "--require-timezone/--no-require-timezone",
        default=None,
        help="Dates with a time need a UTC offset.",
    ),
    click.option(
        "--output-format",
        type=click.Choice(FORMATS),
        help="Default: text, or github when GITHUB_ACTIONS=true.",
    ),
    click.option(
        "-o",
        "--output-file",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Write the report to this file.",
    ),
    click.option(
        "--statistics",
        is_flag=True,
        help="Show the number of findings per rule instead of each finding (text output).",
    ),
    click.option(
        "--show-fixes",
        is_flag=True,
        help="List the fixes: those --fix applied, or without --fix those it would apply.",
    ),
    click.option(
        "--fail-on",
        type=click.Choice(("error", "warning", "info")),
        help="The lowest severity that makes the run exit 1 (default: warning, or fail-on in "
        "the config).",
    ),
    click.option(
        "--show-files", is_flag=True, help="Print the files that would be linted; lint nothing."
    ),
    click.option(
        "--changed-since",
        metavar="REF",
        help="Only files git says changed since REF (its merge base with HEAD), committed or not.",
    ),
    click.option("-q", "--quiet", is_flag=True, help="Print findings only: no summary line."),
    click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings remain."),
    click.option(
        "--show-settings",
        is_flag=True,
        help="Print the config file, settings, rules and each site with its generator; lint "
        "nothing.",
    ),
    click.option("--fix", is_flag=True, help="Apply the safe fixes and write the changed files."),
    click.option("--diff", is_flag=True, help="Print the fixes as a unified diff; write nothing."),
    click.option(
        "--unsafe-fixes",
        is_flag=True,
        help="With --fix or --diff: also apply fixes that may change what the page shows.",
    ),
    click.option(
        "-j", "--jobs", type=click.IntRange(min=1), help="Worker processes (default: one per CPU)."
    ),
    click.option(
        "--color/--no-color", default=None, help="Colour the text output (default: on a terminal)."
    ),
    click.option(
        "--watch",
        is_flag=True,
        help="Lint, then lint again each file that changes, until Ctrl-C (needs recapkit[watch]).",
    ),
]


def _build(function: Callable[..., int]) -> click.Command:
    # remote_options adds the remote flags and the --cache-dir/--no-cache pair both caches share.
    function = remote_options(function)
    for decorator in reversed(_OPTIONS):
        function = decorator(function)
    return click.command("lint", help=HELP, context_settings={"max_content_width": 100})(function)


def lint(**flags: Any) -> int:
    from recapkit.lint.pipeline import LintRequest, Mode, Overrides, lint

    paths = _stdin.paths(flags) or tuple(flags["paths"]) or (Path(),)
    request = LintRequest(
        paths=paths,
        config_file=flags["config_file"],
        isolated=flags["isolated"],
        overrides=Overrides(
            ssg=flags["ssg"],
            select=split_commas(flags["select"]),
            extend_select=split_commas(flags["extend_select"]),
            ignore=split_commas(flags["ignore"]),
            exclude=tuple(flags["exclude"]),
            require_timezone=flags["require_timezone"],
            fail_on=flags["fail_on"],
        ),
        changed_since=flags["changed_since"],
        mode=Mode.DIFF if flags["diff"] else Mode.FIX if flags["fix"] else Mode.CHECK,
        unsafe_fixes=flags["unsafe_fixes"],
        jobs=flags["jobs"],
        use_cache=not flags["no_cache"],
        cache_dir=flags["cache_dir"],
        remote=remote_flags(flags),
        progress=not flags["quiet"] and sys.stderr.isatty() and not os.environ.get("CI"),
    )
    if flags["watch"]:
        from recapkit.commands._watch import watch

        return watch(request, flags, report_outcome)
    if flags["show_settings"]:
        ignored = [f"--{n.replace('_', '-')}" for n in ("fix", "diff", "output_format") if flags[n]]
        if ignored:
            click.echo(f"warning: {', '.join(ignored)} ignored with --show-settings", err=True)
        return _show_settings(request)
    if flags["show_files"]:
        return _show_files(request)
    if flags["dump"]:
        from recapkit.commands._remote_dump import dump

        if _stdin.reads_stdin(flags):
            raise UsageError("--dump lists the URLs of files, not of standard input")

        return dump(request, output_format(flags["output_format"]))
    outcome = _stdin.lint_stdin(request, flags) if _stdin.reads_stdin(flags) else lint(request)
    return report_outcome(outcome, flags)


def report_outcome(outcome: LintOutcome, flags: dict[str, Any]) -> int:
    """Print *outcome*'s notes and report as *flags* ask; the exit code it means."""
    from recapkit.lint.pipeline import Mode

    for note in outcome.notes:
        click.echo(f"warning: {note}", err=True)
    if outcome.remote_summary and not flags["quiet"]:
        click.echo(outcome.remote_summary, err=True)
    if outcome.mode is Mode.DIFF:
        return _print_diff(outcome)
    fmt = output_format(flags["output_format"])
    if flags["statistics"] and fmt not in TEXT_FORMATS:
        # Counts per rule are a text view; the machine formats always carry every finding.
        click.echo(
            f"warning: --statistics is ignored with {fmt} output (it needs --output-format text)",
            err=True,
        )
    result = outcome.result
    report = Report(
        diagnostics=result.diagnostics,
        files=[str(f.target.path) for f in result.files],
        # Only SARIF describes the rules; making them imports every selected rule's module,
        # which a run of cache hits otherwise never does.
        rules=rule_infos(outcome.linter.selection.rules) if fmt == "sarif" else (),
        fixed=result.fixed,
        elapsed=result.elapsed,
        statistics=flags["statistics"],
        quiet=flags["quiet"],
        color=use_color(flags, sys.stdout),
        unsafe_fixes=flags["unsafe_fixes"],
        summary_extra={"cached": result.cache_hits, "sites": [use.row() for use in outcome.sites]},
        sites=[use.line() for use in outcome.sites],
        source=fmt == "full",
        show_fixes=flags["show_fixes"],
        fixes=result.fixes,
        texts=outcome.texts,
        recaps=(
            sum(1 for f in result.files if f.recap == "data"),
            sum(1 for f in result.files if f.recap == "text"),
        ),
    )
    emit(flags["output_file"], report, fmt, _stdin.report_stream(flags))
    return outcome.exit_code(exit_zero=flags["exit_zero"])


command = _build(lint)


def _show_settings(request: LintRequest) -> int:
    from recapkit.commands._show_settings import show_settings

    lines, notes = show_settings(request)
    for note in notes:
        click.echo(f"warning: {note}", err=True)
    click.echo("\n".join(lines))
    return 0


def _show_files(request: LintRequest) -> int:
    """``--show-files``: the files a run would lint, one per line, as the user would name them."""
    from recapkit.lint.pipeline import resolve

    resolved = resolve(request)
    for note in resolved.notes:
        click.echo(f"warning: {note}", err=True)
    for target in resolved.targets:
        click.echo(printable(str(target.path)))
    return 0


def _print_diff(outcome: Any) -> int:
    """``--diff``: print what ``--fix`` would change; exit 1 when it would change something."""
    for diff in outcome.diffs:
        sys.stdout.write(diff)
    if outcome.result.internal_errors:
        return 2
    changed = len(outcome.diffs)
    noun = "file" if changed == 1 else "files"
    click.echo(
        f"Would fix {outcome.would_fix} problem(s) in {changed} {noun}."
        if changed
        else "No fixes to apply.",
        err=True,
    )
    return 1 if changed else 0


def output_format(chosen: str | None) -> str:
    if chosen:
        return chosen
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def use_color(flags: dict[str, Any], stream: IO[str]) -> bool:
    if flags["color"] is not None:
        return bool(flags["color"])
    if os.environ.get("NO_COLOR") or flags["output_file"] is not None:
        return False
    return stream.isatty()


def emit(output_file: Path | None, report: Report, fmt: str, stream: IO[str] | None = None) -> None:
    """Write *report* to *output_file* (atomically) or *stream* (default: stdout)."""
    if output_file is None:
        write_report(fmt, report, stream or sys.stdout)
        return
    import io

    from recapkit import atomic

    buffer = io.StringIO()
    write_report(fmt, report, buffer)
    data = buffer.getvalue().encode("utf-8", "backslashreplace")
    try:
        atomic.write_bytes(output_file, data, output=True)
    except OSError as exc:
        raise UsageError(f"{output_file}: cannot write the report: {exc.strerror or exc}") from exc
