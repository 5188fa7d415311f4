"""A whole run (lint_paths): findings are reported at the paths as they were given."""

from __future__ import annotations

from pathlib import Path

import pytest

from recapkit.config import Config
from recapkit.lint.pipeline import lint_paths
from tests.lint.fakes import fake_rules, write

__all__ = ["fake_rules"]

POST = "---\ntitle: T\n---\n\n##Talks\n\n![](photo.png)\n"


@pytest.fixture(autouse=True)
def _fakes(fake_rules: object, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)


def codes(result: object) -> list[tuple[str, int, str]]:
    return [(d.path, d.line, d.code) for d in result.diagnostics]  # type: ignore[attr-defined]


def test_lint_paths_reports_paths_as_given(tmp_path: Path) -> None:
    write(tmp_path / "content" / "a.md", POST)
    result = lint_paths(["content"], config=Config(root=tmp_path))
    assert codes(result) == [
        ("content/a.md", 4, "RK301"),
        ("content/a.md", 6, "RK201"),
        ("content/a.md", 6, "RK203"),
    ]
    absolute = lint_paths([str(tmp_path / "content")], config=Config(root=tmp_path))
    assert absolute.diagnostics[0].path == str(tmp_path / "content" / "a.md")
