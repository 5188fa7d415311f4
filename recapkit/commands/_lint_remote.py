"""The seam between ``recapkit lint`` and :mod:`recapkit.lint.remote`: remote checks after the local pass.

The local pass collects every remote image and link of each post (cached with the file's
findings, so a cached run needs no re-parse); this module turns them into the remote checker's
``RemoteRef`` objects and runs the checks when the remote flags or ``[tool.recapkit.remote]``
ask for them. The checker (and ``requests``) is imported only then.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import click

from recapkit.lint.diagnostics import Diagnostic
from recapkit.lint.remote.cli_options import REMOTE_PARAM_NAMES, build_remote_options
from recapkit.lint.remote.options import RemoteOptions, parse_remote_config

if TYPE_CHECKING:
    from recapkit.config import Config
    from recapkit.lint.engine import LintResult


def prepare(
    kwargs: dict[str, Any], config: Config, hotlink_hosts: Sequence[str]
) -> RemoteOptions | None:
    """The remote checker's options when remote checks are on, else None.

    Called before the local pass, which then collects the posts' remote URLs."""
    remote_config = None
    if config.remote:
        where = f"{config.where()}: remote"
        remote_config = parse_remote_config(config.remote, base_dir=config.root, where=where)
    flags = {name: kwargs[name] for name in REMOTE_PARAM_NAMES if name in kwargs}
    if flags.get("cache_dir") is None and getattr(remote_config, "cache_dir", None) is None:
        # `[tool.recapkit] cache-dir` is the one folder for both caches (like --cache-dir);
        # `[tool.recapkit.remote] cache-dir` still wins for the remote cache alone.
        flags["cache_dir"] = config.cache_path
    options = build_remote_options(config=remote_config, hotlink_hosts=hotlink_hosts, **flags)
    return options if options.enabled else None


def check(options: RemoteOptions, result: LintResult, *, quiet: bool) -> list[Diagnostic]:
    """Check the remote URLs the local pass collected; one diagnostic per failing occurrence."""
    from recapkit.lint.remote.checker import run_remote_checks
    from recapkit.lint.remote.refs import RemoteRef

    refs = [
        RemoteRef(url, str(file.target.path), line, column, end_line, end_column, is_image)
        for file in result.files
        for url, line, column, end_line, end_column, is_image in file.remote_refs
        if is_image or options.include_links
    ]
    progress = not quiet and sys.stderr.isatty() and not os.environ.get("CI")
    report = run_remote_checks(refs, options, show_progress=progress)
    for note in report.notes:
        click.echo(f"warning: {note}", err=True)
    if not quiet:
        click.echo(report.summary.summary_line(), err=True)
    return list(report.diagnostics)
