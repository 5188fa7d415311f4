"""Tiny stand-in rules for the engine's tests, so they test the engine and not the real rules.

Each mimics a real rule's code, name and shape (one fixable body rule, one fixable front matter
rule, one filesystem rule, one with options, one that crashes) with deliberately simple logic.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from attrs import frozen

from recapkit.lint.diagnostics import Diagnostic, Edit, Fix, Severity
from recapkit.lint.rules.base import LintContext, Rule
from tests.files import write

__all__ = ["write"]  # re-exported: the engine tests write their posts with it

_HEADING = re.compile(r"^(#{1,6})(?=[^#\s])", re.MULTILINE)
_TAGS = re.compile(r"^tags:[ \t]*([^\[\r\n#]+?)[ \t]*(?=#|\r?$)", re.MULTILINE)


class FakeHeading(Rule):
    """`##Title`: add the space (fixable)."""

    code = "RK301"
    name = "heading-missing-space"
    summary = "ATX heading without a space after the hashes."
    fixable = True

    def check(self, post: Any, context: LintContext) -> Iterator[Diagnostic]:
        for match in _HEADING.finditer(post.text, post.body_start):
            where = post.location(match.start())
            fix = Fix((Edit(match.end(), match.end(), " "),), "insert a space")
            yield self.diagnostic(post, where.line, where.column, "no space after '#'", fix=fix)


class FakeTags(Rule):
    """`tags: a b` -> `tags: [a, b]` (fixable, front matter)."""

    code = "RK104"
    name = "key-type"
    summary = "Front matter value of the wrong type."
    fixable = True

    def check(self, post: Any, context: LintContext) -> Iterator[Diagnostic]:
        end = post.front_matter.span.end if post.front_matter else 0
        for match in _TAGS.finditer(post.text, 0, end):
            value = match.group(1)
            where = post.location(match.start(1))
            flow = "[" + ", ".join(value.split()) + "]"
            fix = Fix((Edit(match.start(1), match.end(1), flow),), "write tags as a list")
            yield self.diagnostic(post, where.line, where.column, "tags must be a list", fix=fix)


class FakeAlt(Rule):
    """Images without alt text."""

    code = "RK201"
    name = "image-missing-alt"
    summary = "Image without alt text."
    default_severity = Severity.WARNING

    def check(self, post: Any, context: LintContext) -> Iterator[Diagnostic]:
        for image in post.images:
            if not image.alt and str(image.kind) != "front-matter":
                yield self.diagnostic(
                    post,
                    image.line,
                    image.column,
                    "image has no alt text",
                    end_line=image.end_line,
                    end_column=image.end_column,
                )


class FakeMissing(Rule):
    """Page-relative images that do not exist (depends on other files)."""

    code = "RK203"
    name = "image-not-found"
    summary = "Local image file not found."
    uses_filesystem = True

    def check(self, post: Any, context: LintContext) -> Iterator[Diagnostic]:
        for image in post.images:
            if "://" in image.src or image.src.startswith("/"):
                continue
            if not (Path(post.path).parent / image.src).exists():
                yield self.diagnostic(post, image.line, image.column, f"{image.src} not found")


@frozen
class PlaceholderOptions:
    marker: str = "TODO(recapkit)"
    max_count: int = 0


class FakePlaceholder(Rule):
    """Leftover scaffold markers (has options)."""

    code = "RK401"
    name = "placeholder-left"
    summary = "Scaffold placeholder left in the post."
    default_severity = Severity.INFO
    Options = PlaceholderOptions

    def check(self, post: Any, context: LintContext) -> Iterator[Diagnostic]:
        marker = self.options.marker
        start = post.text.find(marker)
        while start != -1:
            where = post.location(start)
            yield self.diagnostic(post, where.line, where.column, f"'{marker}' left in the post")
            start = post.text.find(marker, start + 1)


class FakeCrash(Rule):
    """Crashes on posts that say CRASH (a rule bug)."""

    code = "RK901"
    name = "crashing-rule"
    summary = "Crashes."

    def check(self, post: Any, context: LintContext) -> Iterator[Diagnostic]:
        if "CRASH" in post.text:
            raise RuntimeError("boom")
        return iter(())


FAKE_RULES: tuple[type[Rule], ...] = (
    FakeTags,
    FakeAlt,
    FakeMissing,
    FakeHeading,
    FakePlaceholder,
    FakeCrash,
)


@pytest.fixture
def fake_rules(monkeypatch: pytest.MonkeyPatch) -> tuple[type[Rule], ...]:
    """Make the linter use :data:`FAKE_RULES` instead of the real registry."""
    import recapkit.lint.selection

    monkeypatch.setattr(recapkit.lint.selection, "all_rules", lambda: FAKE_RULES)
    return FAKE_RULES
