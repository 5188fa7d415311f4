"""RK302 empty-link."""

from __future__ import annotations

from recapkit.lint.rules.empty_link import EmptyLink
from tests.lint.rules.helpers import run

FRONT = "---\ntitle: T\n---\n\n"


def test_empty_links() -> None:
    source = (
        FRONT + '[Slides]() and []() and [Top](#) and [ok](https://e.org)\n\n<a href="">x</a>\n'
    )
    _post, found = run(EmptyLink(), source)
    assert [d.message for d in found] == [
        "link `Slides` has no URL",
        "a link with no text has no URL",
        "link `x` has no URL",
    ]
