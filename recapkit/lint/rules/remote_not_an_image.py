"""RK502 remote-not-an-image: an image URL answers with something else."""

from __future__ import annotations

from recapkit.lint.diagnostics import Severity
from recapkit.lint.rules._remote import RemoteRule


class RemoteNotAnImage(RemoteRule):
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
