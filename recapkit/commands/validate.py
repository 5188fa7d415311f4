"""``recapkit validate FILE...``: check recap data files and report every problem with its line."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from recapkit.errors import UsageError

if TYPE_CHECKING:
    from recapkit.model import Recap


def _summary(recap: Recap) -> str:
    talks = len(recap.talks)
    return (
        f"{recap.title} | {recap.date.isoformat()} | {recap.event.name}"
        f" | {talks} talk{'' if talks == 1 else 's'}"
    )


@click.command(name="validate")
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option(
    "--timezone",
    metavar="TZ",
    help="IANA zone for naive date-times when the file's event sets none (e.g. Asia/Shanghai).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print problems only, no line per valid file.")
def command(files: tuple[str, ...], timezone: str | None, quiet: bool) -> int:
    """Validate recap data files (.yaml, .yml, .toml, .json).

    Prints one summary line per valid file and every problem as
    FILE:LINE:COL: FIELD: MESSAGE. Directories are skipped with a note.
    Exit status: 0 all valid, 1 problems found, 2 a file is missing or of an
    unknown type.

    \b
    Examples:
      recapkit validate examples/*.yaml examples/*.toml examples/*.json
      recapkit validate --timezone Asia/Shanghai --quiet data/recap.yaml
    """
    from recapkit.convert import check_timezone
    from recapkit.datafile import DataFileError, load_recap

    if timezone is not None:
        check_timezone(timezone)
    status = 0
    for name in files:
        if Path(name).is_dir():  # `recapkit validate examples/*` meets sub-folders: not an error
            click.echo(f"note: {name}: skipping a directory (name the data files in it)", err=True)
            continue
        try:
            recap = load_recap(name, timezone=timezone)
        except UsageError as exc:
            click.echo(f"error: {exc}", err=True)
            status = 2
            continue
        except DataFileError as exc:
            for problem in exc.problems:
                click.echo(str(problem))
            status = max(status, 1)
            continue
        if not quiet:
            click.echo(f"{name}: ok: {_summary(recap)}")
    return status
