"""The template options ``recapkit render`` and ``recapkit new`` share, defined once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import click

from recapkit.rendering.engine import LAYOUTS

F = TypeVar("F", bound=Callable[..., object])

_OPTIONS = (
    click.option(
        "--layout",
        "body_layout",
        type=click.Choice(LAYOUTS),
        help="The built-in body: form (an event facts block, a section per talk with its facts "
        "as a list, keywords last) or notes (the writer's narrative: the lead, "
        "keywords up front, each talk's speakers on one line with its photos, takeaways and "
        "quotes, no facts block). Default: the configured layout, else form. --template "
        "overrides it.",
    ),
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
    """Add ``--layout``, ``--template``, ``--template-dir`` and ``--front-matter`` to a command
    (its function takes them as ``body_layout``, ``template``, ``template_dir``,
    ``front_matter``)."""
    for option in reversed(_OPTIONS):
        function = option(function)
    return function
