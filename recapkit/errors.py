"""The one exception base of recapkit.

Every expected failure (bad input, bad config, a refused write) is a subclass of
:class:`RecapkitError`; the CLI prints it as ``error: ...`` and exits with its
:attr:`~RecapkitError.exit_code` (2 unless the class says otherwise). Anything else escaping
is a bug.
"""

from __future__ import annotations

import os


class RecapkitError(Exception):
    """Base class for all errors recapkit raises on purpose."""

    exit_code = 2
    """The command-line exit status for this error: 2 for usage, config and input errors."""


class ConfigError(RecapkitError):
    """A configuration file or option is invalid."""


class UsageError(RecapkitError):
    """The command line asked for something impossible."""


class FileExistsRefusedError(RecapkitError):
    """A write would replace an existing file and ``--force`` was not given (exit status 1).

    Every command that writes files refuses the same way, with the same words:
    ``PATH: file exists; use --force to replace it``.
    """

    exit_code = 1

    def __init__(self, path: str | os.PathLike[str], message: str | None = None) -> None:
        self.path = path
        super().__init__(message or f"{path}: file exists; use --force to replace it")
