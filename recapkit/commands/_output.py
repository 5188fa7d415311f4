"""``-o FILE`` of the commands that print one text: stdout, or a file written atomically that
replaces an existing one only with ``--force``."""

from __future__ import annotations

from pathlib import Path

import click

from recapkit import atomic
from recapkit.errors import FileExistsRefusedError, UsageError


def write_output(text: str, output: str | None, *, force: bool, folders: bool = False) -> int:
    """Print *text*, or write it to *output*; the exit status (1: the file exists, no --force).

    With *folders*, missing folders of *output* are created (``-o data/jsonld/x.json`` in a
    site that has no ``data/jsonld/`` yet); without, a missing folder is a usage error."""
    if output is None or output == "-":
        click.echo(text, nl=False)
        return 0
    target = Path(output)
    if folders:
        target.parent.mkdir(parents=True, exist_ok=True)
    if not target.parent.is_dir():
        raise UsageError(f"{output}: directory {target.parent} does not exist")
    try:
        atomic.write_text(target, text, overwrite=force, output=True)
    except FileExistsError:
        refused = FileExistsRefusedError(output)
        click.echo(f"error: {refused}", err=True)
        return refused.exit_code
    return 0
