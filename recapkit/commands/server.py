"""``recapkit server``: the language server an editor starts (stdio), from the ``server`` extra."""

from __future__ import annotations

import importlib.util

import click

from recapkit.errors import UsageError


@click.command(name="server")
def command() -> int:
    """Run the language server: findings as you type, safe fixes as code actions.

    An editor starts it and talks to it over standard input and output (the Language Server
    Protocol); it is not for a terminal. Each post is checked as `recapkit lint` checks that
    file: same config, site and generator. Setup for VS Code, Neovim and Helix: docs/editors.md.
    Needs the server extra: pip install 'recapkit[server]'.

    \b
    Examples:
      recapkit server
    """
    if importlib.util.find_spec("pygls") is None:
        raise UsageError(
            "recapkit server needs pygls, which the server extra installs: pip install -e "
            "'.[server]' in a clone (see docs/editors.md)"
        )
    from recapkit.server import serve

    serve()
    return 0
