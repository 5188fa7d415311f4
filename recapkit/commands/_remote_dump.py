"""``recapkit lint --dump``: the remote URLs the checks would request, and not one request.

Text: each unique URL once, one a line, in the order the posts use them (for ``grep``, ``wc -l``
or another checker). JSON: each URL with whether an image uses it and where (1-based).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import click

from recapkit._text import printable

if TYPE_CHECKING:
    from recapkit.lint.pipeline import LintRequest
    from recapkit.lint.remote.refs import RemoteRef


def dump(request: LintRequest, fmt: str) -> int:
    """Print the URLs; exit 0 (a list is not a finding)."""
    from recapkit.lint.pipeline import remote_urls

    refs, notes = remote_urls(request)
    for note in notes:
        click.echo(f"warning: {note}", err=True)
    uses: dict[str, list[RemoteRef]] = {}
    for ref in refs:
        uses.setdefault(ref.url, []).append(ref)
    if fmt == "json":
        click.echo(json.dumps([_entry(url, found) for url, found in uses.items()], indent=2))
    else:
        for url in uses:
            click.echo(printable(url))
    return 0


def _entry(url: str, refs: list[RemoteRef]) -> dict[str, Any]:
    return {
        "url": url,
        "image": any(ref.is_image for ref in refs),
        "uses": [{"path": r.path, "line": r.line + 1, "column": r.column + 1} for r in refs],
    }
