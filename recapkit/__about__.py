"""The version, kept in one place for hatchling and ``recapkit --version``."""

__version__ = "0.1.0"
