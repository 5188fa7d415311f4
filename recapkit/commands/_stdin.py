"""``recapkit lint -``: lint standard input as if it were the file ``--stdin-filename`` names.

An editor or a formatter hook pipes the text it holds, which may differ from the file on disk
(or the file may not exist yet): the path only says where the text belongs, so that its
generator, its configuration and its relative images are found as for that file. ``--fix``
prints the fixed text on standard output (and the report on standard error) and never writes
the file, as ruff and prettier do.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import click

from recapkit.errors import UsageError

if TYPE_CHECKING:
    from recapkit.lint.pipeline import LintOutcome, LintRequest

DASH = Path("-")

option = click.option(
    "--stdin-filename",
    type=click.Path(dir_okay=False, path_type=Path),
    help="With -: lint standard input as if it were this file (its site, config and images).",
)


def reads_stdin(flags: dict[str, Any]) -> bool:
    """Whether the text comes from standard input: ``-`` given (alone), or ``--stdin-filename``
    without paths (as ruff reads it)."""
    given = tuple(flags["paths"])
    dashes = given.count(DASH)
    if dashes > 1:
        raise UsageError("- (standard input) is given more than once")
    if dashes and len(given) > 1:
        raise UsageError("- (standard input) cannot be linted together with other paths")
    if flags["stdin_filename"] is not None and given and not dashes:
        raise UsageError("--stdin-filename names the file that - (standard input) stands for")
    reads = bool(dashes) or flags["stdin_filename"] is not None
    if reads and flags.get("changed_since"):
        raise UsageError("--changed-since picks files; standard input is one text, not a file")
    return reads


def paths(flags: dict[str, Any]) -> tuple[Path, ...]:
    """The request's paths when the text comes from standard input (``--show-settings`` shows
    the settings of the file it stands for); () when it does not."""
    if not reads_stdin(flags):
        return ()
    return (flags["stdin_filename"] or Path(),)


def lint_stdin(request: LintRequest, flags: dict[str, Any]) -> LintOutcome:
    """Lint standard input; with ``--fix``, print the fixed text (unchanged when nothing was
    fixed, so a pipe never loses the text)."""
    from recapkit.lint.pipeline import lint_text

    outcome = lint_text(request, _read(), flags["stdin_filename"])
    if outcome.fixed_text is not None:
        sys.stdout.flush()
        sys.stdout.buffer.write(outcome.fixed_text)
        sys.stdout.buffer.flush()
    return outcome


def report_stream(flags: dict[str, Any]) -> IO[str]:
    """Where the report goes: standard output, unless ``--fix`` prints the fixed text there."""
    fixing = flags["fix"] and not flags["diff"] and reads_stdin(flags)
    return sys.stderr if fixing else sys.stdout


def _read() -> bytes:
    """Standard input's bytes (the loader decodes them as it decodes a file's), up to the size
    a file may have: a larger text is refused rather than cut (``--fix`` would print it cut)."""
    from recapkit.lint.engine import MAX_BYTES

    data = sys.stdin.buffer.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise UsageError(f"standard input is larger than {MAX_BYTES // 2**20} MiB")
    return data
