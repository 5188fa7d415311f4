"""A rich progress bar on stderr, only for a person watching a terminal.

Hidden when stderr is not a TTY, in CI (``CI`` set, as every CI service does) and with
``--quiet``, so that logs stay clean.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator


def progress_wanted(enabled: bool) -> bool:
    return enabled and sys.stderr.isatty() and not os.environ.get("CI")


@contextlib.contextmanager
def progress_bar(total: int, *, enabled: bool) -> Iterator[Callable[[], None]]:
    """Yield ``advance()``, to be called once per finished URL (from any thread)."""
    if not progress_wanted(enabled) or total == 0:
        yield lambda: None
        return
    from rich.console import Console  # deferred: rich costs import time that quiet runs skip
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("checking URLs"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("remote", total=total)
        yield lambda: progress.advance(task)
