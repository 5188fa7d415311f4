"""RK503 remote-unverified: a remote URL whose state could not be established."""

from __future__ import annotations

from recapkit.lint.diagnostics import Severity
from recapkit.lint.rules._remote import RemoteRule


class RemoteUnverified(RemoteRule):
    """Reports a remote URL whose state could not be established.

    The server kept answering `429 Too Many Requests` or `503` after the waits its
    `Retry-After` asked for (capped by `--max-retry-wait`), refused the checker with `401` or
    `403` (many sites block bots), timed out, reset the connection or cut its answer short
    after `--max-retries` retries with exponential backoff.

    This is a warning of its own code so that CI can choose: keep it as a warning, turn it off
    for flaky hosts (`per-file-ignores`, `--exclude-url`), or make it an error.

    ## Why

    An unverified URL may be fine or dead; saying "broken" would be a false alarm, saying
    nothing would hide a rate limit that will hide real breakage next time.

    ## Example

    ```text
    post.md:8:1: RK503 could not verify image https://raw.githubusercontent.com/o/r/main/a.png: 429 Too Many Requests after 3 retries
    ```

    ## Fix

    Usually none in the post. Lower `--per-host-concurrency` or set `--per-host-interval` for
    the host, give it a token (`[tool.recapkit.remote.headers."api.github.com"]`), or persist the
    cache between CI runs so that fewer requests are made.
    """

    code = "RK503"
    name = "remote-unverified"
    summary = "A remote URL could not be verified (rate limited, blocked for bots, timed out)."
    default_severity = Severity.WARNING
