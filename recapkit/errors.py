"""The one exception base of recapkit.

Every expected failure (bad input, bad config, a refused write) is a subclass of
:class:`RecapkitError`; the CLI prints it as ``error: ...`` and exits 2 (or 1 where the
command says so). Anything else escaping is a bug.
"""

from __future__ import annotations


class RecapkitError(Exception):
    """Base class for all errors recapkit raises on purpose."""


class ConfigError(RecapkitError):
    """A configuration file or option is invalid."""


class UsageError(RecapkitError):
    """The command line asked for something impossible."""
