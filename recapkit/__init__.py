"""recapkit: a typed model, templates, scaffolding and a CI linter for meetup and conference recaps.

The public API is what ``__all__`` lists; everything else may change between releases.
"""

from __future__ import annotations

from recapkit.__about__ import __version__
from recapkit.diagnostics import Diagnostic, Edit, Fix, Severity
from recapkit.errors import ConfigError, RecapkitError, UsageError
from recapkit.model import (
    Event,
    EventKind,
    Highlight,
    Link,
    Photo,
    Recap,
    Speaker,
    Takeaway,
    TakeawayKind,
    Talk,
)

__all__ = [
    "ConfigError",
    "Diagnostic",
    "Edit",
    "Event",
    "EventKind",
    "Fix",
    "Highlight",
    "Link",
    "Photo",
    "Recap",
    "RecapkitError",
    "Severity",
    "Speaker",
    "Takeaway",
    "TakeawayKind",
    "Talk",
    "UsageError",
    "__version__",
]
