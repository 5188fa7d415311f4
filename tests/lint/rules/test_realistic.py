"""Realistic posts, linted the way a site's CI lints them: `recapkit lint` on real site layouts.

Each folder under ``fixtures/rules/realistic/`` is a small site (Hugo with page bundles and
YAML/TOML/JSON front matter, Hexo with post asset folders, Jekyll with a ``baseurl``, Zola with
``[taxonomies]`` and ``[extra]``) whose posts carry their expected findings inline (see
:mod:`tests.lint.rules.helpers`). The SSG is detected from the layout, as for a user. Every
Markdown file is passed explicitly, as pre-commit does, so pages such as ``about.md`` are
linted too. The posts are ordinary ones: most of their lines must stay silent.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from recapkit.cli import main
from tests.lint.rules.helpers import expectations_with_severity
from tests.paths import FIXTURES

REALISTIC = FIXTURES / "rules" / "realistic"
SITES = sorted(path.name for path in REALISTIC.iterdir() if path.is_dir())


def lint_json(
    site: Path, capsys: pytest.CaptureFixture[str], *extra: str
) -> list[dict[str, object]]:
    posts = sorted(str(path) for path in site.rglob("*.md"))
    main(["lint", "--isolated", "--no-cache", "-j", "1", "--output-format", "json", *extra, *posts])
    report = json.loads(capsys.readouterr().out)
    diagnostics: list[dict[str, object]] = report["diagnostics"]
    return diagnostics


@pytest.mark.parametrize("site", SITES)
def test_each_post_reports_exactly_its_expectations(
    site: str, capsys: pytest.CaptureFixture[str]
) -> None:
    root = REALISTIC / site
    found: dict[tuple[str, int, str], str] = {
        (
            Path(str(d["path"])).resolve().relative_to(root).as_posix(),
            int(str(d["line"])),
            str(d["code"]),
        ): str(d["severity"])
        for d in lint_json(root, capsys)
    }
    expected: dict[tuple[str, int, str], str | None] = {}
    for post in root.rglob("*.md"):
        name = post.relative_to(root).as_posix()
        for (line, code), severity in expectations_with_severity(post.read_text("utf-8")).items():
            expected[(name, line, code)] = severity
    assert sorted(found) == sorted(expected)
    assert {k: found[k] for k, v in expected.items() if v} == {
        k: v for k, v in expected.items() if v
    }


def test_the_fixtures_cover_every_local_rule_family() -> None:
    codes = {
        code
        for post in REALISTIC.rglob("*.md")
        for _line, code in expectations_with_severity(post.read_text("utf-8"))
    }
    assert {
        "RK104",
        "RK106",
        "RK107",
        "RK201",
        "RK202",
        "RK203",
        "RK301",
        "RK302",
        "RK401",
    } <= codes
    assert len(list(REALISTIC.rglob("*.md"))) >= 12


@pytest.mark.parametrize("site", SITES)
def test_fix_changes_only_the_lines_with_safe_fixes(
    site: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / site
    shutil.copytree(REALISTIC / site, copy)
    before = {path: path.read_bytes() for path in copy.rglob("*.md")}
    fixable = {
        (Path(str(d["path"])).resolve(), int(str(d["line"])))
        for d in lint_json(copy, capsys)
        if d["fix_applicability"] == "safe"
    }
    lint_json(copy, capsys, "--fix")
    changed: set[tuple[Path, int]] = set()
    for path, old in before.items():
        new_lines = path.read_bytes().splitlines(keepends=True)
        old_lines = old.splitlines(keepends=True)
        assert len(new_lines) == len(old_lines)  # a fix edits lines, it never adds or drops one
        changed |= {
            (path.resolve(), number)
            for number, (a, b) in enumerate(zip(old_lines, new_lines, strict=True), start=1)
            if a != b
        }
    assert changed == fixable
    lint_json(copy, capsys, "--fix", "--unsafe-fixes")  # and what changes the page, on request
    assert lint_json(copy, capsys, "--select", "RK104,RK301") == []
