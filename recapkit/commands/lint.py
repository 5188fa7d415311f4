"""``recapkit lint``: check posts for CI, print findings in the CI's format, fix what is safe."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any

import attrs
import click

from recapkit.config import SSG_NAMES, Config, discover_config, load_config
from recapkit.errors import UsageError
from recapkit.lint.remote.cli_options import remote_options
from recapkit.lint.reporters import FORMATS, Report, rule_infos, write_report

HELP = """Check posts: front matter, images, Markdown and recap data.

PATHS are files or folders (default: the current folder); a site's root is searched
in its content folders only. Settings come from the nearest recapkit.toml or
[tool.recapkit] in pyproject.toml; flags override them.

\b
Exit status: 0 no findings (or all fixed), 1 findings remain,
2 usage, configuration or internal error.

\b
Examples:
  recapkit lint content/
  recapkit lint --select RK2 --ignore RK205 --statistics .
  recapkit lint --output-format sarif . > recapkit.sarif
  recapkit lint --fix content/posts/2025-gophercon-recap.md
  recapkit lint --diff content/
  recapkit lint --remote --links content/
"""


def _split(values: Sequence[str]) -> tuple[str, ...]:
    """``--select RK1,RK2 --select RK3`` -> (RK1, RK2, RK3)."""
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


_OPTIONS: list[Callable[[Any], Any]] = [
    click.argument("paths", nargs=-1, type=click.Path(path_type=Path)),
    click.option(
        "--config",
        "config_file",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Read this config file instead of searching for one.",
    ),
    click.option("--isolated", is_flag=True, help="Ignore every config file."),
    click.option(
        "--ssg", type=click.Choice(SSG_NAMES), help="The static site generator (default: detected)."
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
    click.option("-q", "--quiet", is_flag=True, help="Print findings only: no summary line."),
    click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings remain."),
    click.option("--fix", is_flag=True, help="Apply the safe fixes and write the changed files."),
    click.option("--diff", is_flag=True, help="Print the fixes as a unified diff; write nothing."),
    click.option(
        "-j", "--jobs", type=click.IntRange(min=1), help="Worker processes (default: one per CPU)."
    ),
    click.option(
        "--color/--no-color", default=None, help="Colour the text output (default: on a terminal)."
    ),
]


def _build(function: Callable[..., int]) -> click.Command:
    # remote_options adds the remote flags and the --cache-dir/--no-cache pair both caches share.
    function = remote_options(function)
    for decorator in reversed(_OPTIONS):
        function = decorator(function)
    return click.command("lint", help=HELP, context_settings={"max_content_width": 100})(function)


def lint(**kwargs: Any) -> int:
    from recapkit.commands import _lint_run

    return _lint_run.main(kwargs)


command = _build(lint)


def load_settings(kwargs: dict[str, Any], first: Path) -> Config:
    """The config file's settings with the command line's flags on top."""
    if kwargs["isolated"]:
        config = Config()
    elif kwargs["config_file"] is not None:
        config = load_config(kwargs["config_file"])
    else:
        config = discover_config(first)
    _check_selector_flags(kwargs)
    changes: dict[str, Any] = {}
    if kwargs["ssg"]:
        changes["ssg"] = None if kwargs["ssg"] == "auto" else kwargs["ssg"]
    if kwargs["select"]:
        changes["select"] = _split(kwargs["select"])
    if kwargs["extend_select"]:
        changes["extend_select"] = config.extend_select + _split(kwargs["extend_select"])
    if kwargs["ignore"]:
        changes["ignore"] = config.ignore + _split(kwargs["ignore"])
    if kwargs["exclude"]:
        changes["exclude"] = config.exclude + tuple(kwargs["exclude"])
    if kwargs["require_timezone"] is not None:
        changes["require_timezone"] = kwargs["require_timezone"]
    return attrs.evolve(config, **changes) if changes else config


def _check_selector_flags(kwargs: dict[str, Any]) -> None:
    """An unknown rule in a flag is blamed on the flag, not on the config file it is merged into."""
    from recapkit.lint import selection

    for name in ("select", "extend_select", "ignore"):
        if kwargs[name]:
            flag = "--" + name.replace("_", "-")
            selection.expand(_split(kwargs[name]), selection.all_rules(), flag)


def output_format(chosen: str | None) -> str:
    if chosen:
        return chosen
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def use_color(kwargs: dict[str, Any], stream: IO[str]) -> bool:
    if kwargs["color"] is not None:
        return bool(kwargs["color"])
    if os.environ.get("NO_COLOR") or kwargs["output_file"] is not None:
        return False
    return stream.isatty()


def emit(kwargs: dict[str, Any], report: Report, fmt: str) -> None:
    """Write *report* to ``--output-file`` (atomically) or stdout."""
    if kwargs["output_file"] is None:
        write_report(fmt, report, sys.stdout)
        return
    import io

    from recapkit import atomic

    buffer = io.StringIO()
    write_report(fmt, report, buffer)
    path = kwargs["output_file"]
    try:
        atomic.write_bytes(path, buffer.getvalue().encode("utf-8"))
    except OSError as exc:
        raise UsageError(f"{path}: cannot write the report: {exc.strerror or exc}") from exc


__all__ = ["command", "emit", "load_settings", "output_format", "rule_infos", "use_color"]
