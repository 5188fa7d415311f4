"""A post's Markdown body is parsed only when a rule asks for it, and then once."""

from __future__ import annotations

from pathlib import Path

import pytest

from recapkit import parse_post
from recapkit.config import Config
from recapkit.lint.discover import Target
from recapkit.lint.engine import Linter

POST = """---
title: Gopher meetup
date: 2024-02-01
tags: go meetup
---

##Talks

![](photo.png) and a [link](https://example.org/#top) and `code`.
"""


def lint(tmp_path: Path, select: tuple[str, ...]) -> tuple[bool, list[str]]:
    """Whether linting POST with *select* parsed its body, and the codes found."""
    path = tmp_path / "post.md"
    path.write_text(POST, encoding="utf-8")
    post = parse_post(POST, path)
    linter = Linter(Config(root=tmp_path, select=select))
    result = linter.lint_post(Target(path, path), post)
    return post.body_parsed, [d.code for d in result.diagnostics]


@pytest.mark.parametrize("select", [("RK1",), ("RK101", "RK106"), ("RK100",)])
def test_front_matter_rules_do_not_parse_the_body(tmp_path: Path, select: tuple[str, ...]) -> None:
    parsed, _found = lint(tmp_path, select)
    assert not parsed


def test_front_matter_rules_still_find_front_matter_problems(tmp_path: Path) -> None:
    parsed, found = lint(tmp_path, ("RK1",))
    assert not parsed and found == ["RK104"]  # tags: a string where a list is meant


def test_a_body_rule_parses_the_body(tmp_path: Path) -> None:
    parsed, found = lint(tmp_path, ("RK201",))
    assert parsed and found == ["RK201"]


def test_the_body_is_parsed_once_and_kept() -> None:
    post = parse_post(POST)
    assert not post.body_parsed
    tokens = post.tokens
    assert post.body_parsed
    assert post.tokens is tokens
    assert [image.src for image in post.images] == ["photo.png"]
    assert [link.url for link in post.links] == ["https://example.org/#top"]


def test_a_post_that_could_not_be_read_has_an_empty_body() -> None:
    post = parse_post(b"\x00\x01")
    assert post.problem is not None
    assert (post.tokens, post.images, post.links) == ([], (), ())
