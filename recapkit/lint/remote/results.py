"""What a check finds about one URL: its :class:`Outcome` and the :class:`CheckResult`."""

from __future__ import annotations

import enum

from attrs import frozen


class Outcome(enum.StrEnum):
    OK = "ok"
    BROKEN = "broken"
    NOT_IMAGE = "not-an-image"
    UNVERIFIED = "unverified"
    SKIPPED = "skipped"


@frozen
class CheckResult:
    outcome: Outcome
    detail: str = ""
    from_cache: bool = False
    silent: bool = False
    """Counted in the summary, but no diagnostic (a URL the user excluded)."""
    host_not_found: bool = False
    answered: bool = False
    """Some server answered over HTTP (evidence that the network works)."""
    private: bool = False
    """Reached through a loopback or private address (only possible with ``--allow-private``):
    a run without that flag must not take this success from the cache."""
    cacheable: bool = True
    """False for a success only ``--accept`` made (a ``429`` the user accepts): a run without
    that ``--accept`` must ask again, so it is not remembered."""
