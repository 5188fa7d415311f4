"""Remote checks (RK5xx): the state of remote images and links, found by ``recapkit lint --remote``.

These rules yield nothing from :meth:`check`: a post alone cannot tell whether a URL works.
:mod:`recapkit.lint.remote.checker` makes the requests (de-duplicated across files, cached, polite
per host) and emits their diagnostics; the classes here give them their codes, names, default
severities and documentation pages, like every other rule.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from recapkit.lint.diagnostics import Diagnostic, Severity
from recapkit.lint.rules.base import LintContext, Rule

if TYPE_CHECKING:
    from recapkit.post.types import Post


class _RemoteRule(Rule):
    """Shared by the RK5xx rules: the remote checker emits their diagnostics."""

    def check(self, post: Post, context: LintContext) -> Iterator[Diagnostic]:
        yield from ()


class RemoteBroken(_RemoteRule):
    """Reports a remote image or link that is gone: 404, 410, an unknown host, a redirect loop.

    With `--remote` (config `[tool.recapkit.remote] enabled = true`) recapkit requests every
    remote image; with `--links` every other remote link too. A URL is *broken* when the answer
    is definite: `404 Not Found`, `410 Gone` or another client error, a host name that does not
    resolve, a refused connection, a TLS error, more than 5 redirects or a redirect loop, or a
    server error (`500`, `502`, `504`) that persists after `--max-retries` retries.

    For a hotlink-protected host (the `hotlink-hosts` list) and a configured `site-url`, the
    image is requested with your site as `Referer`, as a reader's browser does. When the host
    then refuses, or serves different bytes (a placeholder) than without the Referer, the
    block is proven and reported here.

    ## Why

    Slides, videos and image hosts disappear within months of an event. A reader sees a
    broken image or a dead link; the recap loses the material it points to.

    ## Example

    ```markdown
    Slides: [Generics in practice](https://slides.example.com/deleted-deck)
    ![The venue](https://img.example.com/2019/venue.jpg)
    ```

    ```text
    post.md:12:9: RK501 link https://slides.example.com/deleted-deck is broken: 404 Not Found
    ```

    ## Fix

    Point to a live copy (the Internet Archive keeps many slide decks), host the image in the
    site's own static folder, or remove the reference.
    """

    code = "RK501"
    name = "remote-broken"
    summary = "A remote image or link is broken (404, 410, unknown host, redirect loop)."
    default_severity = Severity.ERROR


class RemoteNotAnImage(_RemoteRule):
    """Reports an image URL that answers, but not with an image.

    recapkit reads only the first bytes of an image (at most 512) and accepts PNG, JPEG, GIF,
    WebP, SVG, AVIF (and BMP, ICO) by their magic bytes, or any `image/*` content type that is
    not HTML in disguise. A `200 OK` that serves an HTML page, a login wall or a JSON error is
    reported here: a status check alone would pass it.

    ## Why

    Image hosts and cloud drives often answer a dead or private image with `200` and an HTML
    page. Readers then see a broken image although every link checker says it is fine.

    ## Example

    ```markdown
    ![Speakers on stage](https://drive.example.com/view?id=abc123)
    ```

    ```text
    post.md:30:1: RK502 image https://drive.example.com/view?id=abc123 is not an image: 200 with text/html
    ```

    ## Fix

    Use the direct URL of the image file (often a "raw" or "download" link), or copy the image
    into the site.
    """

    code = "RK502"
    name = "remote-not-an-image"
    summary = "A remote image URL answers with something that is not an image (such as HTML)."
    default_severity = Severity.ERROR


class RemoteUnverified(_RemoteRule):
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


class RemoteSkipped(_RemoteRule):
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


REMOTE_RULES: tuple[type[Rule], ...] = (
    RemoteBroken,
    RemoteNotAnImage,
    RemoteUnverified,
    RemoteSkipped,
)
"""The RK5xx family, in code order, for :data:`recapkit.lint.rules.ALL_RULES`."""
