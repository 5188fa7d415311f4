"""Every local rule over fixture sites whose posts carry their expected findings inline.

The expectation comments are described in :mod:`tests.lint.rules.helpers`. The test checks that
exactly the expected (line, code) pairs are reported in each post, and no others.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from recapkit.lint.rules import ALL_RULES, LintContext, LintSettings
from recapkit.ssg.posts import load_post
from recapkit.ssg.site import read_site
from tests import paths
from tests.lint.rules.helpers import expectations

FIXTURES = paths.FIXTURES / "rules"
SITES = {
    "hugo": "hugo",
    "jekyll": "jekyll",
    "hexo": "hexo",
    "zola": "zola",
    "generic": None,
}
LOCAL_RULES = [rule() for rule in ALL_RULES if not rule.code.startswith("RK5")]


PASTED = paths.FIXTURES / "pasted"
"""Posts with web content pasted in (RK304-RK307), read as generic Markdown."""


def fixture_posts() -> list[tuple[str, Path]]:
    posts = [(site, path) for site in SITES for path in sorted((FIXTURES / site).rglob("*.md"))]
    return posts + [("generic", path) for path in sorted(PASTED.glob("*.md"))]


def context_for(site_name: str) -> LintContext:
    ssg = SITES[site_name]
    site = read_site(FIXTURES / site_name, ssg) if ssg else None
    return LintContext(site=site, settings=LintSettings(ssg=ssg))


@pytest.mark.parametrize(
    ("site_name", "path"),
    fixture_posts(),
    ids=lambda value: value if isinstance(value, str) else value.name,
)
def test_fixture_post_reports_exactly_its_expectations(site_name: str, path: Path) -> None:
    post = load_post(path)
    context = context_for(site_name)
    found = {
        (diagnostic.line + 1, diagnostic.code)
        for rule in LOCAL_RULES
        for diagnostic in rule.check(post, context)
    }
    assert found == expectations(path.read_text(encoding="utf-8"))


def test_every_local_rule_is_exercised_by_a_fixture() -> None:
    announced = {
        code
        for _site, path in fixture_posts()
        for _line, code in expectations(path.read_text(encoding="utf-8"))
    }
    # RK100: see test_unreadable_post; RK209 needs two posts: tests/lint/test_cross_posts.py
    untested = {rule.code for rule in LOCAL_RULES} - announced - {"RK100", "RK209"}
    assert not untested
