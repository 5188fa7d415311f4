"""RK102 front-matter-syntax: reported at the parser's position in the file."""

from __future__ import annotations

from recapkit.lint.rules import FrontMatterSyntax
from tests.lint.rules.helpers import run


def test_syntax_error_is_reported_at_the_parsers_position_in_the_file() -> None:
    source = "---\ntitle: Go: what we learned\ndate: 2024-05-18\n---\n"
    _post, found = run(FrontMatterSyntax(), source)
    assert [(d.line, d.code) for d in found] == [(1, "RK102")]
    assert found[0].message.startswith("invalid YAML front matter:")
