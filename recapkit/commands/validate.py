"""``recapkit validate PATH...``: check recap data files and report every problem with its line."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import click

from recapkit.errors import UsageError

if TYPE_CHECKING:
    from recapkit.data.files import DataFileError
    from recapkit.data.model import Recap

DATA_SUFFIXES = (".yaml", ".yml", ".toml", ".json")


def _summary(recap: Recap) -> str:
    talks = len(recap.talks)
    return (
        f"{recap.title} | {recap.date.isoformat()} | {recap.event.name}"
        f" | {talks} talk{'' if talks == 1 else 's'}"
    )


def data_files_in(folder: Path, unlisted: list[str] | None = None) -> list[Path]:
    """The data files under *folder*, sorted, skipping hidden files and folders.

    Hidden ones are tools' settings (``.pre-commit-config.yaml``, ``.github/``), not recaps;
    hidden folders are not even walked (``.git`` can be large). A folder that cannot be listed
    goes to *unlisted* as ``FOLDER: why``: os.walk would skip it in silence, and a check
    that passes without having looked is worse than one that fails."""
    found: list[Path] = []

    def skipped(error: OSError) -> None:
        if unlisted is not None:
            unlisted.append(f"{error.filename}: cannot list this folder: {error.strerror or error}")

    for root, dirs, files in os.walk(folder, onerror=skipped):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(
            Path(root, name)
            for name in files
            if not name.startswith(".") and Path(name).suffix.lower() in DATA_SUFFIXES
        )
    return sorted(found)


def expand(names: tuple[str, ...], unlisted: list[str]) -> list[str]:
    """Each name as given, a folder replaced by the data files inside it (recursively); folders
    that could not be listed go to *unlisted*."""
    files: list[str] = []
    for name in names:
        if Path(name).is_dir():
            listed_before = len(unlisted)
            found = [str(p) for p in data_files_in(Path(name), unlisted)]
            if not found and len(unlisted) == listed_before:
                click.echo(f"note: {name}: no data files in this folder", err=True)
            files.extend(found)
        else:
            files.append(name)
    if not files and not unlisted:
        raise UsageError(
            "no data files to check: name .yaml, .yml, .toml or .json files, or folders holding them"
        )
    return files


def report_problems(error: DataFileError, *, err: bool = False) -> int:
    """Print *error*'s problems one per line, ``FILE:LINE:COL: FIELD: MESSAGE``; return 1.

    validate prints them as its output; render and new print them on stderr (err=True), where
    they cannot end up inside a post redirected from stdout."""
    for problem in error.problems:
        click.echo(str(problem), err=err)
    return 1


@click.command(
    name="validate",
    epilog="Exit status: 0 all valid; 1 a file has problems; 2 a file is missing, unreadable "
    "(a folder that cannot be listed, a FIFO, a device, a symlink loop) or of an unknown type, "
    "or no data file was found. Every file is checked either way.",
)
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--timezone",
    metavar="TZ",
    help="IANA zone for naive date-times when the file's event sets none (e.g. Asia/Shanghai).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print problems only, no line per valid file.")
def command(paths: tuple[str, ...], timezone: str | None, quiet: bool) -> int:
    """Validate recap data files (.yaml, .yml, .toml, .json).

    A folder stands for the data files inside it, recursively (hidden files and folders are
    skipped). Prints one summary line per valid file and every problem as
    FILE:LINE:COL: FIELD: MESSAGE.

    \b
    Examples:
      recapkit validate examples/*.yaml examples/*.toml examples/*.json
      recapkit validate examples/invalid/
      recapkit validate --timezone Asia/Shanghai --quiet examples/pycon-riverside-2025.toml
    """
    from recapkit._text import printable
    from recapkit.data.convert import check_timezone
    from recapkit.data.files import DataFileError, load_recap

    if timezone is not None:
        check_timezone(timezone)
    unlisted: list[str] = []
    files = expand(paths, unlisted)
    for folder in unlisted:
        click.echo(f"error: {printable(folder)}", err=True)
    status = 2 if unlisted else 0
    for name in files:
        try:
            recap = load_recap(name, timezone=timezone)
        except UsageError as exc:
            click.echo(f"error: {printable(str(exc))}", err=True)
            status = 2
            continue
        except DataFileError as exc:
            status = max(status, report_problems(exc))
            continue
        if not quiet:
            click.echo(printable(f"{name}: ok: {_summary(recap)}"))
    return status
