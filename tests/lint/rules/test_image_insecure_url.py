"""RK204 image-insecure-url: in the text and the front matter, but not localhost."""

from __future__ import annotations

from recapkit.lint.rules import ImageInsecureUrl
from tests.lint.rules.helpers import codes, run

FRONT = "---\ntitle: T\ndate: 2024-05-18\ncover: http://img.example.com/c.jpg\n---\n\n"


def test_insecure_urls_in_text_and_front_matter_but_not_localhost() -> None:
    body = "![a](http://img.example.com/a.jpg)\n\n![b](http://localhost:1313/b.png)\n\n![c](https://e.org/c.png)\n"
    _post, found = run(ImageInsecureUrl(), FRONT + body)
    assert codes(found) == [(4, "RK204"), (7, "RK204")]
