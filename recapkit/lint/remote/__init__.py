"""Remote image and link checking for ``recapkit lint --remote`` (issue 6).

The engine's side of it::

    refs = [ref for post in posts for ref in refs_from_post(post, include_links=options.include_links)]
    report = run_remote_checks(refs, options, show_progress=not quiet)

The checker (and with it ``requests`` and ``sqlite3``) is imported on first use, so that a
lint run without ``--remote`` that only declares the flags or collects URLs does not pay for it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from recapkit.lint.remote.options import RemoteConfig, RemoteOptions, parse_remote_config
from recapkit.lint.remote.refs import RemoteRef, refs_from_post

if TYPE_CHECKING:
    from recapkit.lint.remote.checker import RemoteReport, RemoteSummary, run_remote_checks

_LAZY = {"RemoteReport", "RemoteSummary", "run_remote_checks"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module("recapkit.lint.remote.checker"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "RemoteConfig",
    "RemoteOptions",
    "RemoteRef",
    "RemoteReport",
    "RemoteSummary",
    "parse_remote_config",
    "refs_from_post",
    "run_remote_checks",
]
