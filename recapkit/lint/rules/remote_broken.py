"""RK501 remote-broken: a remote image or link is gone."""

from __future__ import annotations

from recapkit.lint.diagnostics import Severity
from recapkit.lint.rules._remote import RemoteRule


class RemoteBroken(RemoteRule):
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
