"""The template options ``recapkit render`` and ``recapkit new`` share, defined once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import click

F = TypeVar("F", bound=Callable[..., object])

_OPTIONS = (
    click.option("--template", metavar="NAME|PATH", help="A template file or a template name."),
    click.option(
        "--template-dir",
        "template_dir",
        multiple=True,
        type=click.Path(file_okay=False, path_type=Path),
        help="Folder to look up template names in (repeatable; searched before the config's "
        "templates-dir and .recapkit/templates).",
    ),
    click.option(
        "--front-matter", type=click.Choice(["yaml", "toml"]), help="Hugo only: +++ TOML."
    ),
)


def template_options(function: F) -> F:
    """Add ``--template``, ``--template-dir`` and ``--front-matter`` to a command."""
    for option in reversed(_OPTIONS):
        function = option(function)
    return function
