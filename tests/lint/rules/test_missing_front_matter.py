"""RK101 missing-front-matter, but not for Hugo section pages."""

from __future__ import annotations

from recapkit.lint.rules import MissingFrontMatter
from tests.lint.rules.helpers import codes, run


def test_missing_front_matter_but_not_for_hugo_section_pages() -> None:
    assert codes(run(MissingFrontMatter(), "\n---\ntitle: T\n---\n")[1]) == [(1, "RK101")]
    assert run(MissingFrontMatter(), "Section text\n", "content/posts/_index.md")[1] == []
    assert run(MissingFrontMatter(), b"")[1] == []  # RK100's business
