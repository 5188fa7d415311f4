"""Choosing the Markdown parser: pyromark by default, markdown-it-py on request or without it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recapkit.cli import main
from recapkit.config import Config
from recapkit.lint.pipeline import lint_paths
from recapkit.post.parsers import ENVIRONMENT, body_parser, parser_name
from recapkit.ssg.posts import parse_post
from tests.post.markdown_strategies import body

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


# Bodies the two grammars read otherwise (found by fuzzing): each must reach markdown-it-py, so
# the native parse gives markdown-it-py's tokens, images and links.
PARTING = {
    "tag then ideographic space": "<br>\u3000\n那天 [链接](u) ![图](p.png)\n",
    "indented line after a quote": "> \n    > ![i](p.png)\n",
    "escaped bracket after a reference": "[r]: /x\n\n[l]\\[r]\n",
    "lazy list line after a quote": ">> a\n    - [l](u)\n",
    "escaped line end in a destination": "x [l](a\\\nb)\n",
    "escaped space as a destination": "[l](\\ )\n",
    "vertical tab": "1. \x0b\n<img src=p.png>\n",
    "form feed": "\x0c\n\t<http://x.y>\n",
    "deep quotes": ">" * 300 + " [l](u)\n",
    "deep list": "".join("  " * i + "- [l](u)\n" for i in range(60)),
    "table whose delimiter row is a list item": "a | [l](u)\n- | -\n",
    "table interrupting a paragraph": "intro\na | b\n--|--\n![i](p.png) | x\n",
    "table ended by an indented line": "a | b\n--|--\n    ![i](p.png)\n",
    "table in a list item": "- x\n\n  a | b\n  --|--\n  [l](u) | y\n",
    "table row of a lone pipe": "a | [l](u)\n--|--\n|\n",
    "backslash before unicode spaces": "`  e.g.\\\n\xa0\n[l](u)\n",
    "unicode spaces then a backslash": "\u3000\u3000\n\u2003  \u2003\\\n<img src=p.png>\n",
}

# Tables standing alone, which both parsers read alike: parsed natively.
STANDING_ALONE = {
    "pipes all round": "text\n\n| a | b |\n|:--|--:|\n| `x|y` | [l](u) |\n| x \\| y | ![i](p.png) |\n",
    "no outer pipes": "名称 | 说明\n--- | ---\n`go` | 工具\n\n后文\n",
    "more cells than the header": "| a |\n|---|\n| b | c |\n",
}


@pytest.mark.parametrize("source", STANDING_ALONE.values(), ids=STANDING_ALONE.keys())
def test_tables_standing_alone_are_parsed_natively_alike(source: str) -> None:
    from recapkit.post import markdown_it_parse, native
    from recapkit.post.native_limits import grammars_differ
    from recapkit.post.parsers import token_fields

    assert not grammars_differ(source)
    tokens = native.parse_tokens(source)
    assert "table_open" in [token.type for token in tokens]
    assert token_fields(tokens) == token_fields(markdown_it_parse.parse_tokens(source))


@pytest.mark.parametrize("source", PARTING.values(), ids=PARTING.keys())
def test_bodies_the_grammars_read_otherwise_are_markdown_it_pys(source: str) -> None:
    from recapkit.post import markdown_it_parse, native
    from recapkit.post.native_limits import differences
    from recapkit.post.parsers import token_fields

    assert differences(source)
    assert token_fields(native.parse_tokens(source)) == token_fields(
        markdown_it_parse.parse_tokens(source)
    )


def test_a_line_of_a_million_blanks_is_linted_not_hung(tmp_path: Path) -> None:
    """The checks of which parser a body needs run on every body: a pattern that backtracks
    over a run of blanks would take hours here (a liveness bound, not a timing)."""

    post = tmp_path / "post.md"
    body = "Text.\n" + " " * 1_000_000 + "x\n" + "\t" * 200_000 + "[a]: /u\n"
    post.write_text("---\ntitle: T\n---\n\n" + body, encoding="utf-8")
    command = [sys.executable, "-m", "recapkit", "lint", "--no-cache", "--exit-zero", str(post)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(
    ("name", "distributions"),
    [("native", ("pyromark", "markdown-it-py")), ("markdown-it-py", ("markdown-it-py",))],
)
def test_the_cache_key_names_the_parser_and_its_installed_release(
    monkeypatch: pytest.MonkeyPatch, name: str, distributions: tuple[str, ...]
) -> None:
    """An upgrade of a parser's package may change tokens: cached findings must not outlive it.
    A native parse leaves some bodies to markdown-it-py, so its release counts too."""
    from importlib.metadata import version

    from recapkit.lint.engine import Linter
    from recapkit.post.parsers import parser_stamp

    monkeypatch.setenv(ENVIRONMENT, name)
    stamp = " ".join([name, *map(version, distributions)])
    assert parser_stamp() == stamp
    assert f"parser={stamp}" in Linter(Config(root=Path())).fingerprint()


@settings(max_examples=300, deadline=None)
@given(st.one_of(body(), st.text(alphabet=" \t\n>-*+1.)|:[]\\()<>\x0b\x0c\u3000ab", max_size=60)))
def test_the_quick_test_finds_a_difference_exactly_where_one_is_named(source: str) -> None:
    """grammars_differ, one pass over the body, says yes exactly when differences names one."""
    from recapkit.post.native_limits import differences, grammars_differ

    assert grammars_differ(source) == bool(differences(source))
