"""Choosing the Markdown parser: pyromark by default, markdown-it-py on request or without it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from recapkit.cli import main
from recapkit.config import Config
from recapkit.lint.pipeline import lint_paths
from recapkit.post.parsers import ENVIRONMENT, body_parser, parser_name
from recapkit.ssg.posts import parse_post

POST = "---\ntitle: T\n---\n\nSee ![the hall](hall.png) and [the slides][s].\n\n[s]: /s.pdf\n"


def test_the_native_parser_is_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENVIRONMENT, raising=False)
    assert parser_name() == "native"
    assert body_parser().__module__ == "recapkit.post.native"


@pytest.mark.parametrize("name", ["native", "markdown-it-py"])
def test_both_parsers_find_the_same_images_and_links(
    monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.setenv(ENVIRONMENT, name)
    post = parse_post(POST)
    assert [(i.src, i.alt, i.line, i.column, i.end_column) for i in post.images] == [
        ("hall.png", "the hall", 4, 4, 25)
    ]
    assert [(link.url, link.text, link.line, link.column) for link in post.links] == [
        ("/s.pdf", "the slides", 4, 30)
    ]


def test_markdown_it_py_parses_where_pyromark_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENVIRONMENT, raising=False)
    monkeypatch.setitem(sys.modules, "pyromark", None)  # `import pyromark` raises ImportError
    assert parser_name() == "markdown-it-py"
    assert [i.src for i in parse_post(POST).images] == ["hall.png"]


def test_a_misspelt_parser_stops_lint_as_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "post.md").write_text(POST, encoding="utf-8")
    monkeypatch.setenv(ENVIRONMENT, "pulldown")
    assert main(["lint", "--no-cache", str(tmp_path)]) == 2
    error = capsys.readouterr().err
    assert "RECAPKIT_MARKDOWN_PARSER='pulldown' is no parser" in error
    assert "'native'" in error and "'markdown-it-py'" in error


def test_findings_cached_under_one_parser_are_not_reused_under_the_other(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "post.md").write_text(POST, encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    def hits(name: str) -> int:
        monkeypatch.setenv(ENVIRONMENT, name)
        config = Config(root=tmp_path)
        result = lint_paths(["content"], config=config, use_cache=True, cache_dir=tmp_path / "c")
        return result.cache_hits

    assert hits("native") == 0
    assert hits("native") == 1
    assert hits("markdown-it-py") == 0
    assert hits("markdown-it-py") == 1
