"""The emphasis rule (RK303) against the real renderers: the same variants of bold and italic
beside full- and half-width punctuation, rendered by Hugo (goldmark), Hexo (hexo-renderer-marked),
Jekyll (kramdown) and pulldown-cmark (Zola's parser, through pyromark). For every variant the
rule reports exactly when that renderer shows the delimiters as text.

Nothing is downloaded: Hexo comes from ``RECAPKIT_HEXO_MODULES`` (``.ci/run`` installs one).
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from recapkit.post.emphasis import unrendered_emphasis
from recapkit.ssg import registry
from recapkit.ssg.renderers import GOLDMARK, KRAMDOWN, MARKED, PULLDOWN_CMARK, Renderer
from recapkit.ssg.site import find_site
from tests.files import write_files
from tests.ssg.test_dates_real import hexo_modules

pytestmark = pytest.mark.integration

_CLOSE_PUNCTUATION = ("：", "，", "。", "！", "）", ":", ",", ".", ")")
_AFTER = ("刘洋", "Bob", " 刘洋", "，刘洋", "")
_PAIRS = (("「", "」"), ("（", "）"), ("“", "”"), ("(", ")"), ("《", "》"))


def variants() -> list[str]:
    """Bold and italic closing after punctuation before each kind of character, and opening
    before punctuation after a letter or a space: 110 lines, each its own paragraph."""
    lines = [
        f"{mark}嘉宾{punctuation}{mark}{after}"
        for mark in ("**", "*")
        for punctuation in _CLOSE_PUNCTUATION
        for after in _AFTER
    ]
    lines += [
        f"这是{space}{mark}{left}重要{right}{mark}{space}内容"
        for mark in ("**", "*")
        for left, right in _PAIRS
        for space in ("", " ")
    ]
    return lines


def shown_as_text(rendered: str) -> bool:
    """Whether a rendered paragraph still shows a delimiter (its asterisks are text)."""
    return "*" in re.sub(r"<[^>]+>", "", html.unescape(rendered))


def rule_reports(line: str, renderer: Renderer) -> bool:
    return renderer.punctuation_blocks_emphasis and any(unrendered_emphasis(line))


def paragraphs(rendered: str) -> list[str]:
    return re.findall(r"<p>(.*?)</p>", rendered, re.S)


def compare(renderer: Renderer, rendered: list[str]) -> None:
    lines = variants()
    assert len(rendered) == len(lines)
    wrong = [
        (line, text)
        for line, text in zip(lines, rendered, strict=True)
        if rule_reports(line, renderer) != shown_as_text(text)
    ]
    assert wrong == []
    shown = sum(shown_as_text(text) for text in rendered)
    assert 0 < shown < len(lines) or not renderer.punctuation_blocks_emphasis


def body() -> str:
    return "\n\n".join(variants()) + "\n"


def run(command: list[str], cwd: Path) -> str:
    done = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


@pytest.mark.skipif(shutil.which("hugo") is None, reason="hugo is not installed")
def test_hugo_goldmark_shows_exactly_what_the_rule_reports(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://example.org/"\n',
            "layouts/_default/single.html": "{{ .Content }}",
            "content/posts/v.md": "---\ntitle: v\n---\n\n" + body(),
        },
    )
    site = find_site(tmp_path / "content" / "posts" / "v.md")
    assert site is not None and site.generator.renderer(site) is GOLDMARK
    run(["hugo", "--quiet"], tmp_path)
    rendered = (tmp_path / "public" / "posts" / "v" / "index.html").read_text("utf-8")
    compare(GOLDMARK, paragraphs(rendered))


@pytest.mark.skipif(shutil.which("jekyll") is None, reason="jekyll is not installed")
def test_jekyll_kramdown_renders_them_all_and_the_rule_stays_silent(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {"_config.yml": "title: t\n", "_posts/2024-01-01-v.md": "---\ntitle: v\n---\n\n" + body()},
    )
    site = find_site(tmp_path / "_posts" / "2024-01-01-v.md")
    assert site is not None and site.generator.renderer(site) is KRAMDOWN
    run(["jekyll", "build", "--quiet"], tmp_path)
    rendered = (tmp_path / "_site" / "2024" / "01" / "01" / "v.html").read_text("utf-8")
    compare(KRAMDOWN, paragraphs(rendered))


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
@pytest.mark.skipif(hexo_modules() is None, reason="no Hexo (RECAPKIT_HEXO_MODULES)")
def test_hexo_marked_shows_exactly_what_the_rule_reports(tmp_path: Path) -> None:
    modules = hexo_modules()
    assert modules is not None
    for name in ("hexo", "hexo-renderer-marked"):
        (tmp_path / "node_modules").mkdir(exist_ok=True)
        (tmp_path / "node_modules" / name).symlink_to((modules / name).resolve())
    write_files(
        tmp_path,
        {
            "package.json": '{"name": "s", "private": true, "hexo": {},'
            ' "dependencies": {"hexo": "*", "hexo-renderer-marked": "*"}}',
            "_config.yml": "title: t\nurl: https://example.org\n",
            "source/_posts/v.md": "---\ntitle: v\n---\n",
            "v.md": body(),
        },
    )
    site = find_site(tmp_path / "source" / "_posts" / "v.md")
    assert site is not None and site.generator.renderer(site) is MARKED
    hexo = str(modules / "hexo" / "bin" / "hexo")
    rendered = run(["node", hexo, "render", "v.md", "--silent"], tmp_path)
    compare(MARKED, paragraphs(rendered))


def test_pulldown_cmark_shows_exactly_what_the_rule_reports(tmp_path: Path) -> None:
    import pyromark

    write_files(tmp_path, {"config.toml": 'base_url = "https://example.org"\n', "content/v.md": ""})
    site = find_site(tmp_path / "content" / "v.md")
    assert site is not None and site.generator is registry.get("zola")
    assert site.generator.renderer(site) is PULLDOWN_CMARK
    compare(PULLDOWN_CMARK, paragraphs(pyromark.html(body())))


def test_the_fix_renders_every_pair_it_touches() -> None:
    import pyromark

    for line in variants():
        for found in unrendered_emphasis(line):
            fixed = line[: found.start] + found.replacement + line[found.end :]
            assert not shown_as_text(pyromark.html(fixed)), (line, fixed)
            assert sorted(fixed) == sorted(line)  # the same characters, only moved


def test_hexo_and_jekyll_sites_that_name_another_renderer(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {
            "jekyll/_config.yml": "markdown: CommonMarkGhPages\n",
            "jekyll/_posts/2024-01-01-a.md": "",
            "hexo/_config.yml": "title: t\n",
            "hexo/package.json": '{"dependencies": {"hexo-renderer-pandoc": "*"}}',
            "hexo/source/_posts/a.md": "",
            "it/_config.yml": "title: t\n",
            "it/package.json": '{"dependencies": {"hexo-renderer-markdown-it": "*"}}',
            "it/source/_posts/a.md": "",
            "hugo/hugo.toml": '[markup]\ndefaultMarkdownHandler = "pandoc"\n',
            "hugo/content/a.md": "",
        },
    )
    found = {
        name: site.generator.renderer(site).name
        for name, post in (
            ("jekyll", "jekyll/_posts/2024-01-01-a.md"),
            ("hexo", "hexo/source/_posts/a.md"),
            ("it", "it/source/_posts/a.md"),
            ("hugo", "hugo/content/a.md"),
        )
        if (site := find_site(tmp_path / post)) is not None
    }
    assert found == {
        "jekyll": "jekyll-commonmark",
        "hexo": "a renderer recapkit does not know",
        "it": "markdown-it",
        "hugo": "a renderer recapkit does not know",
    }


def test_a_hexo_site_that_changes_its_renderer_is_read_anew(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {
            "_config.yml": "title: t\n",
            "package.json": '{"dependencies": {"hexo-renderer-marked": "*"}}',
            "source/_posts/a.md": "",
        },
    )
    site = find_site(tmp_path / "source" / "_posts" / "a.md")
    assert site is not None and site.generator.renderer(site) is MARKED
    (tmp_path / "package.json").write_text('{"dependencies": {"hexo-renderer-pandoc": "*"}}')
    os.utime(tmp_path / "package.json", ns=(1, 1))  # a new time, however coarse the clock
    assert site.generator.renderer(site).name == "a renderer recapkit does not know"
