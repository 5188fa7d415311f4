"""Remote image and link checking for ``recapkit lint --remote`` (issue 6).

The engine's side of it::

    refs = [ref for post in posts for ref in refs_from_post(post, include_links=options.include_links)]
    report = run_remote_checks(refs, options, show_progress=not quiet)

Everything is imported on first use: the checker (and with it ``requests`` and ``sqlite3``) only
when remote checks run, the options only when they are configured or asked for.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from recapkit.lint.remote.checker import RemoteReport, RemoteSummary, run_remote_checks
    from recapkit.lint.remote.options import RemoteConfig, RemoteOptions, parse_remote_config
    from recapkit.lint.remote.refs import RemoteRef, refs_from_post

# name -> the module that defines it, imported on first use: the lint command declares its
# remote flags (recapkit.lint.remote.flags) without loading the options, the refs or requests.
_LAZY = {
    "RemoteReport": "checker",
    "RemoteSummary": "checker",
    "run_remote_checks": "checker",
    "RemoteConfig": "options",
    "RemoteOptions": "options",
    "parse_remote_config": "options",
    "RemoteRef": "refs",
    "refs_from_post": "refs",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"recapkit.lint.remote.{module}"), name)


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
