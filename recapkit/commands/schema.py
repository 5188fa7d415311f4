"""``recapkit schema``: print (or write) the JSON Schema of recap data files."""

from __future__ import annotations

import json
from pathlib import Path

import click

from recapkit.errors import UsageError


@click.command(
    name="schema",
    epilog="Exit status: 0 printed or written; 1 the output file exists and --force was not "
    "given; 2 a usage error (e.g. the output folder does not exist).",
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), help="Write the schema to this file."
)
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
def command(output: str | None, force: bool) -> int:
    """Print the JSON Schema (draft 2020-12) of recap data files.

    Editors use it for completion and checks: see docs/data-format.md for the
    `# yaml-language-server: $schema=...` line and VS Code settings.

    \b
    Examples:
      recapkit schema > recap.schema.json
      recapkit schema -o recap.schema.json --force
    """
    from recapkit import atomic
    from recapkit.data.schema import json_schema
    from recapkit.errors import FileExistsRefusedError

    text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    if output is None:
        click.echo(text, nl=False)
        return 0
    target = Path(output)
    if not target.parent.is_dir():
        raise UsageError(f"{output}: directory {target.parent} does not exist")
    try:
        atomic.write_text(target, text, overwrite=force, output=True)
    except FileExistsError:
        refused = FileExistsRefusedError(output)
        click.echo(f"error: {refused}", err=True)
        return refused.exit_code
    return 0
