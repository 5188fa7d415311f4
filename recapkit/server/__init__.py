"""``recapkit server``: a Language Server (pygls, on lsprotocol) for editors.

It needs the ``server`` extra (``pip install 'recapkit[server]'``); nothing else in recapkit
imports it.
"""

from __future__ import annotations


def serve() -> None:
    """Serve one client over standard input and output until it says ``exit``."""
    from recapkit.server.language_server import create_server

    create_server().start_io()
