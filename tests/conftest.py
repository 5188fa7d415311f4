"""Fixtures every test folder may use."""

from __future__ import annotations

from tests.unprivileged import shared_tmp

__all__ = ["shared_tmp"]  # re-exported: pytest finds fixtures by name in conftest modules
