"""Small helpers shared by the rule tests: run one rule on a text, apply its fixes, and read
the expectations fixture posts carry inline.

A line ending in ``<!-- expect: RK201, RK203 -->`` (Markdown) or ``# expect: RK105`` (YAML and
TOML front matter) expects exactly those codes on that line; ``<!-- expect-line 1: RK103 -->``
expects a code on another line (for positions where no comment fits, such as JSON front
matter). A code may name its severity: ``RK104(warning)``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import attrs

from recapkit.lint.diagnostics import Diagnostic
from recapkit.lint.rules import LintContext, LintSettings, Rule
from recapkit.post.types import Post
from recapkit.ssg import registry
from recapkit.ssg.posts import parse_post


def run(
    rule: Rule[Any],
    source: str | bytes,
    path: str = "content/posts/post.md",
    *,
    context: LintContext | None = None,
    timezone: str | None = None,
    **settings: object,
) -> tuple[Post, list[Diagnostic]]:
    """Parse *source* as the post at *path* and return it with *rule*'s findings.

    With *timezone*, the post belongs to a site of the ``ssg`` setting's generator whose config
    sets that ``timezone`` (Hexo's and Jekyll's key; Hugo's ``timeZone``)."""
    post = parse_post(source, path)
    site = None
    if timezone is not None:
        generator = registry.get(str(settings["ssg"]))
        config = {"timezone": timezone, "timeZone": timezone}
        site = attrs.evolve(generator.site(Path("."), config, None), config=config)
    ctx = context or LintContext(site=site, settings=LintSettings(**settings))  # type: ignore[arg-type]
    return post, list(rule.check(post, ctx))


def apply_fixes(post: Post, diagnostics: list[Diagnostic]) -> bytes:
    """The file's bytes after applying every fix (edits applied back to front), BOM kept."""
    edits = sorted(
        (edit for d in diagnostics if d.fix for edit in d.fix.edits),
        key=lambda e: e.start,
        reverse=True,
    )
    text = post.text
    for edit in edits:
        text = text[: edit.start] + edit.replacement + text[edit.end :]
    return ("\ufeff" if post.has_bom else "").encode() + text.encode("utf-8")


def codes(diagnostics: list[Diagnostic]) -> list[tuple[int, str]]:
    """(1-based line, code) of each finding, in order."""
    return [(d.line + 1, d.code) for d in diagnostics]


_CODE = r"RK\d{3}(?:\((?:error|warning)\))?"
_CODES = rf"(?P<codes>{_CODE}(?:\s*,\s*{_CODE})*)"
_EXPECT = re.compile(rf"(?:<!--|#)\s*expect:\s*{_CODES}")
_EXPECT_LINE = re.compile(rf"<!--\s*expect-line\s+(?P<line>\d+):\s*{_CODES}")


def expectations_with_severity(text: str) -> dict[tuple[int, str], str | None]:
    """(1-based line, code) → the expected severity (None: any) the post's comments announce."""
    expected: dict[tuple[int, str], str | None] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        for match in _EXPECT.finditer(line):
            expected.update(_parsed(number, match["codes"]))
        for match in _EXPECT_LINE.finditer(line):
            expected.update(_parsed(int(match["line"]), match["codes"]))
    return expected


def expectations(text: str) -> set[tuple[int, str]]:
    """(1-based line, code) pairs the post's comments announce."""
    return set(expectations_with_severity(text))


def _parsed(line: int, codes: str) -> dict[tuple[int, str], str | None]:
    found: dict[tuple[int, str], str | None] = {}
    for item in codes.split(","):
        code, _, severity = item.strip().partition("(")
        found[(line, code)] = severity.rstrip(")") or None
    return found


ZH_FRONT = "---\ntitle: 回顾\nlang: zh\n---\n\n"
"""The front matter of a Chinese post (the RK6 rules check Chinese posts only)."""


def fixed_body(rule: Rule[Any], body: str, front: str = ZH_FRONT) -> str:
    """*body* (one line) after *rule*'s fixes, in a post with *front*."""
    post, found = run(rule, front + body + "\n")
    return apply_fixes(post, found).decode()[len(front) : -1]
