"""--fix: minimal edits, every other byte identical, idempotent, atomic, mode kept."""

from __future__ import annotations

import os
import re
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recapkit.atomic import write_bytes as write_atomic
from recapkit.config import Config
from recapkit.lint.diagnostics import Applicability, Diagnostic, Edit, Fix
from recapkit.lint.discover import Target
from recapkit.lint.engine import Linter
from recapkit.lint.fix import apply_fixes, fix_file, unified_diff
from tests.lint.fakes import FAKE_RULES, write
from tests.lint.fakes import fake_rules as fake_rules

_FIXABLE = tuple(rule for rule in FAKE_RULES if rule.fixable)


def _linter() -> Linter:
    from recapkit.lint.selection import select_rules

    return Linter(Config(), select_rules(Config(), _FIXABLE))


def _fix(path: Path) -> bytes:
    linter = _linter()
    target = Target(path, path.resolve())
    result = linter.lint_data(target, path.read_bytes())
    outcome = fix_file(linter, result)
    assert outcome is not None
    assert not any(d.fixable for d in outcome.result.diagnostics)  # re-linted after fixing
    return outcome.fixed


def _diagnostic(*edits: tuple[int, int, str]) -> Diagnostic:
    fix = Fix(tuple(Edit(s, e, r) for s, e, r in edits), "test")
    return Diagnostic(path="p.md", line=0, column=0, code="RK301", name="x", message="m", fix=fix)


def test_apply_fixes_skips_overlaps_and_applies_from_the_end() -> None:
    text = "abcdef"
    fixed, applied = apply_fixes(
        text,
        [
            _diagnostic((1, 3, "X")),
            _diagnostic((2, 4, "Y")),
            _diagnostic((5, 5, "!")),
            _diagnostic((0, 0, "^")),
        ],
    )
    assert (fixed, len(applied)) == ("^aXde!f", 3)


def test_apply_fixes_two_insertions_at_one_offset_conflict() -> None:
    text, applied = apply_fixes("ab", [_diagnostic((1, 1, "1")), _diagnostic((1, 1, "2"))])
    assert (text, len(applied)) == ("a1b", 1)


def test_apply_fixes_ignores_edits_past_the_end() -> None:
    assert apply_fixes("ab", [_diagnostic((1, 9, "x"))]) == ("ab", [])


@pytest.mark.parametrize(
    ("before", "after"),
    [
        pytest.param(
            b"---\r\ntitle: 'Go: \"meetup\"'  # quoted, with a comment\r\ntags: go  meetup   # keep me\r\n"
            b"draft: no\r\n---\r\n##Talks\r\nbody \r\n",
            b"---\r\ntitle: 'Go: \"meetup\"'  # quoted, with a comment\r\ntags: [go, meetup]   # keep me\r\n"
            b"draft: no\r\n---\r\n## Talks\r\nbody \r\n",
            id="crlf-comments-quoting",
        ),
        pytest.param(
            b"\xef\xbb\xbf---\ntitle: T\ntags: a b\n---\n###\xe4\xb8\xad\xe6\x96\x87\n",
            b"\xef\xbb\xbf---\ntitle: T\ntags: [a, b]\n---\n### \xe4\xb8\xad\xe6\x96\x87\n",
            id="bom-and-cjk",
        ),
        pytest.param(
            b"---\nz: 1\na: 2\n---\n\n##End",
            b"---\nz: 1\na: 2\n---\n\n## End",
            id="no-final-newline-key-order",
        ),
        pytest.param(b"#hashtag is prose\n", b"# hashtag is prose\n", id="fake-rule-is-naive"),
    ],
)
def test_fix_is_byte_exact(tmp_path: Path, before: bytes, after: bytes) -> None:
    assert _fix(write(tmp_path / "post.md", before)) == after


def test_fix_refuses_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = write(tmp_path / "post.md", b"##Title\n\xff\xfe broken\n")
    linter = _linter()
    target = Target(path, path.resolve())
    assert fix_file(linter, linter.lint_data(target, path.read_bytes())) is None


_LINES = st.lists(
    st.sampled_from(["##Title", "## ok", "#", "text #tag", "###x##", "", "  ##indented", "中文"]),
    max_size=12,
)


@settings(max_examples=60, deadline=None)
@given(lines=_LINES, newline=st.sampled_from(["\n", "\r\n"]), final=st.booleans())
def test_fix_is_idempotent_and_only_inserts(
    tmp_path_factory: pytest.TempPathFactory, lines: list[str], newline: str, final: bool
) -> None:
    text = "---\ntitle: T\n---\n" + newline.join(lines) + (newline if final else "")
    path = write(tmp_path_factory.mktemp("fix") / "post.md", text)
    once = _fix(path)
    flagged = sum(1 for line in lines if re.match(r"#{1,6}[^#\s]", line))
    assert len(once) - len(text.encode()) == flagged
    assert once.replace(b"## ", b"##").replace(b"# ", b"#") == text.encode().replace(
        b"## ", b"##"
    ).replace(b"# ", b"#")
    path.write_bytes(once)
    assert _fix(path) == once


def test_write_atomic_keeps_mode_and_leaves_no_temp(tmp_path: Path) -> None:
    path = write(tmp_path / "post.md", "old")
    path.chmod(0o600)
    write_atomic(path, b"new")
    assert path.read_bytes() == b"new"
    assert path.stat().st_mode & 0o777 == 0o600
    assert os.listdir(tmp_path) == ["post.md"]


def test_fix_through_a_symlink_writes_the_target(tmp_path: Path, fake_rules: object) -> None:
    from recapkit.cli import main

    real = write(tmp_path / "site" / "content" / "real.md", "##Title\n")
    link = tmp_path / "site" / "content" / "link.md"
    link.symlink_to(real)
    assert main(["lint", "--no-cache", "--fix", str(link)]) == 0
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "## Title\n"


def test_unified_diff_marks_a_missing_final_newline(tmp_path: Path) -> None:
    path = write(tmp_path / "post.md", "---\ntitle: T\n---\n##End")
    linter = _linter()
    outcome = fix_file(linter, linter.lint_data(Target(path, path.resolve()), path.read_bytes()))
    assert outcome is not None
    diff = unified_diff(outcome)
    assert diff.endswith(
        "-##End\n\\ No newline at end of file\n+## End\n\\ No newline at end of file\n"
    )


def test_fix_with_the_real_rules_changes_only_the_flagged_bytes(tmp_path: Path) -> None:
    """BOM, CRLF, a comment, quoting, key order and the missing final newline all survive."""
    from recapkit.cli import main

    yaml_post = write(
        tmp_path / "post.md",
        b'\xef\xbb\xbf---\r\ntitle: "Go: meetup"  # keep\r\ntags: go meetup\r\n'
        b"date: 2025-03-01T19:00:00+08:00\r\n---\r\n\r\n##Talks\r\n\r\n"
        b"![The stage](https://example.org/a.jpg)\r\n\r\n###\xe5\x88\x86\xe4\xba\xab",
    )
    toml_post = write(
        tmp_path / "toml.md",
        '+++\ntitle = "T"\ndate = 2025-03-01\ntags = "go meetup"\n+++\n\n##Go\n',
    )
    # Splitting `go meetup` changes what Hugo, Hexo and Zola show (one tag): an unsafe fix.
    args = ["lint", "--isolated", "--no-cache", "--fix", "--unsafe-fixes", "-q"]
    assert main([*args, str(yaml_post), str(toml_post)]) == 0
    assert yaml_post.read_bytes() == (
        b'\xef\xbb\xbf---\r\ntitle: "Go: meetup"  # keep\r\ntags: [go, meetup]\r\n'
        b"date: 2025-03-01T19:00:00+08:00\r\n---\r\n\r\n## Talks\r\n\r\n"
        b"![The stage](https://example.org/a.jpg)\r\n\r\n### \xe5\x88\x86\xe4\xba\xab"
    )
    assert toml_post.read_text(encoding="utf-8") == (
        '+++\ntitle = "T"\ndate = 2025-03-01\ntags = ["go", "meetup"]\n+++\n\n## Go\n'
    )


def test_apply_fixes_leaves_unsafe_fixes_unless_asked() -> None:
    unsafe = attrs.evolve(
        _diagnostic((0, 1, "X")),
        fix=Fix((Edit(0, 1, "X"),), "changes the page", Applicability.UNSAFE),
    )
    assert apply_fixes("ab", [unsafe]) == ("ab", [])
    assert apply_fixes("ab", [unsafe], unsafe=True) == ("Xb", [unsafe])
