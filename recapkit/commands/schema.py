"""``recapkit schema``: print (or write) the JSON Schema of recap data files."""

from __future__ import annotations

import json

import click


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
    from recapkit.commands._output import write_output
    from recapkit.data.schema import json_schema

    text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    return write_output(text, output, force=force)
