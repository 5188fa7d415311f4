"""``recapkit lint --watch``: lint, then print a report for each change until Ctrl-C.

Each round starts with a ``[HH:MM:SS]`` line naming what changed and ends with the totals of
every file watched, so a deleted post's findings visibly leave the count. Only text formats:
a machine reads one report per run, not a stream of them. An error in a later round (a config
file saved half-written) is printed and the watch goes on; the next change tries again.
The run ends only by Ctrl-C (exit 130) or SIGTERM (143), as ``ruff check --watch`` does.
"""

from __future__ import annotations

import importlib.util
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import click

from recapkit._text import printable
from recapkit.errors import RecapkitError, UsageError
from recapkit.lint.sites import shown

if TYPE_CHECKING:
    from recapkit.lint.pipeline import LintOutcome, LintRequest
    from recapkit.lint.watch import Round, Session

Reporter = Callable[["LintOutcome", dict[str, Any]], int]

_REFUSED = {
    "diff": "--diff",
    "output_file": "-o/--output-file",
    "show_files": "--show-files",
    "show_settings": "--show-settings",
    "stdin_filename": "--stdin-filename",
}


def check(flags: dict[str, Any]) -> None:
    """Refuse what --watch cannot stream (one report per run, or standard input)."""
    for name, flag in _REFUSED.items():
        if flags[name]:
            raise UsageError(f"--watch cannot be used with {flag}")
    if any(str(p) == "-" for p in flags["paths"]):
        raise UsageError("--watch watches files; - (standard input) is one text")
    fmt = flags["output_format"]
    if fmt not in (None, "text", "concise", "full"):
        raise UsageError(f"--watch prints text reports: --output-format {fmt} is not one")
    if importlib.util.find_spec("watchfiles") is None:
        raise UsageError(
            "--watch needs watchfiles, which the watch extra installs: pip install -e "
            "'.[watch]' in a clone (see docs/lint.md)"
        )


def watch(request: LintRequest, flags: dict[str, Any], report: Reporter) -> int:
    """Lint *request*, then each change, printing with *report*; returns only by an interrupt
    (KeyboardInterrupt, which the command line turns into 130 or 143)."""
    from recapkit.lint.watch import Session, Watcher

    check(flags)
    # Under GITHUB_ACTIONS the default would be github annotations: a watch is for a person.
    flags = {**flags, "output_format": flags["output_format"] or "text"}
    said: set[str] = set()

    def once(outcome: LintOutcome, flags: dict[str, Any]) -> int:
        """*report*, each warning only the first time (every round would repeat it)."""
        notes = tuple(note for note in outcome.notes if note not in said)
        said.update(notes)
        return report(attrs.evolve(outcome, notes=notes), flags)

    session = Session(request)
    once(session.everything(), flags)
    deep, flat = session.watched()
    watcher = Watcher(deep, flat)
    try:
        _say(f"Watching {_names(deep)} for changes (Ctrl-C to stop).")
        while True:
            if not _round(session, watcher.next(), flags, once):
                continue
            if session.watched() != (deep, flat):  # a config change moved the sites
                watcher.close()
                deep, flat = session.watched()
                watcher = Watcher(deep, flat)
            _say(_totals(session))  # last: once it is shown, the next change is seen
    finally:
        watcher.close()


def _round(session: Session, events: Any, flags: dict[str, Any], report: Reporter) -> bool:
    """Re-lint what *events* concern and report it; whether there was anything to report."""
    try:
        done = session.step(events)
    except (RecapkitError, OSError) as exc:
        _say(printable(f"error: {exc}", lines=True) + " (still watching)", err=True)
        return False
    if done is None:
        return False
    _say(_headline(done))
    if done.outcome is not None:
        report(done.outcome, flags)
    return True


def _totals(session: Session) -> str:
    problems = sum(session.findings.values())
    files = sum(1 for count in session.findings.values() if count)
    return f"{_count(problems, 'problem')} in {_count(files, 'file')} in all; watching."


def _headline(done: Round) -> str:
    if done.plan.everything:
        return f"Config changed ({_names(done.plan.configs)}): linting every file."
    parts = []
    if done.plan.looked_for:  # an image, say: the posts that look for it are linted again
        parts.append(f"Changed: {_names(done.plan.looked_for)}.")
    if done.outcome is not None:
        linted = ", ".join(str(f.target.path) for f in done.outcome.result.files)
        parts.append(f"{'Linted' if done.plan.looked_for else 'Changed'}: {linted}.")
    if done.deleted:
        parts.append(f"Deleted: {', '.join(map(str, done.deleted))}.")
    return printable(" ".join(parts))


def _say(line: str, *, err: bool = False) -> None:
    click.echo(f"[{time.strftime('%H:%M:%S')}] {line}", err=err)


def _names(paths: Sequence[Path]) -> str:
    return ", ".join(shown(p) for p in paths)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
