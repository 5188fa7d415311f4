"""RK504 remote-skipped: a remote URL into a private network, not requested."""

from __future__ import annotations

from recapkit.lint.diagnostics import Severity
from recapkit.lint.rules._remote import RemoteRule


class RemoteSkipped(RemoteRule):
    """Reports a remote URL that was not requested because it points into a private network.

    By default recapkit requests no loopback, private (RFC 1918), link-local, unique-local,
    multicast or otherwise non-global address. The address is checked after DNS resolution, on
    the connected socket, and again after every redirect, so that linting a pull request in CI
    cannot be used to probe the runner's network. `--allow-private` opts in (for a staging
    site on the local network, say).

    URLs excluded with `--exclude-url` are skipped silently (they are counted in the summary).

    ## Why

    Recaps of workshops often show `http://localhost:8080` or a LAN address: they cannot be
    checked from CI, and they must not be requested there.

    ## Example

    ```text
    post.md:44:3: RK504 skipped http://localhost:1313/demo: resolves to loopback address 127.0.0.1 (use --allow-private to check it)
    ```

    ## Fix

    Nothing to fix when the address is meant as an example. Exclude it with `--exclude-url`
    to silence it, or pass `--allow-private` when the checker should request it.
    """

    code = "RK504"
    name = "remote-skipped"
    summary = "A remote URL was not checked because it points to a private or local address."
    default_severity = Severity.INFO
