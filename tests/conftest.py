"""Fixtures every test folder may use, and the Hypothesis settings every property test starts from."""

from __future__ import annotations

from hypothesis import settings

from tests.unprivileged import shared_tmp

__all__ = ["shared_tmp"]  # re-exported: pytest finds fixtures by name in conftest modules

# No deadline for any property test: CI runs them on shared cores (pytest -n auto), where one
# example that waits for a core fails the run as "Flaky" though nothing is wrong, and a deadline
# also caps the too_slow health check at 1 s of generation for 10 examples (5x the deadline;
# 30 s without one), which a recap strategy nears under load. Loaded here, before any test
# module builds its own @settings from this default.
settings.register_profile("recapkit", deadline=None)
settings.load_profile("recapkit")
