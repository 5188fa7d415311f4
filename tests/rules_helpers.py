"""Small helpers shared by the rule tests: run one rule on a text, apply its fixes."""

from __future__ import annotations

from recapkit.diagnostics import Diagnostic
from recapkit.document import parse_post
from recapkit.post import Post
from recapkit.rules import LintContext, LintSettings, Rule


def run(
    rule: Rule,
    source: str | bytes,
    path: str = "content/posts/post.md",
    *,
    context: LintContext | None = None,
    **settings: object,
) -> tuple[Post, list[Diagnostic]]:
    """Parse *source* as the post at *path* and return it with *rule*'s findings."""
    post = parse_post(source, path)
    ctx = context or LintContext(settings=LintSettings(**settings))  # type: ignore[arg-type]
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
