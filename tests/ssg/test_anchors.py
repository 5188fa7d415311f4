"""Each renderer's heading ids (recapkit.ssg.anchors), and which one a site's generator picks.

The goldmark and kramdown GFM columns (and the ASCII variants below) are what Hugo 0.111.3 and Jekyll 4.3.1 (kramdown 2.4.0,
kramdown-parser-gfm 1.1.0) wrote into the HTML for these headings, built here; the Hexo column
is what hexo-renderer-marked 7.0.1's own ``slugize(stripHTML(unescape(...)))`` printed under node.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs
import pytest

from recapkit.ssg import registry
from recapkit.ssg.anchors import (
    goldmark_github,
    goldmark_github_ascii,
    hexo_slugize,
    kramdown_basic,
    kramdown_gfm,
    numbered,
)

HEADINGS = [
    # heading text, Hugo/goldmark github, Jekyll/kramdown GFM, Hexo/marked (modifyAnchors 0)
    ("安装 Go", "安装-go", "安装-go", "安装-Go"),
    ("Hello, World! 你好，世界", "hello-world-你好世界", "hello-world-你好世界", "Hello-World-你好，世界"),
    ("Go 1.21 发布：新特性", "go-121-发布新特性", "go-121-发布新特性", "Go-1-21-发布：新特性"),
    ("《Generic in go》", "generic-in-go", "generic-in-go", "《Generic-in-go》"),
    ("API_Key & C++ Tips (v2.0)", "api_key--c-tips-v20", "api_key--c-tips-v20", "API-Key-C-Tips-v2-0"),
    ("Ünïcödé Straße", "ünïcödé-straße", "ünïcödé-straße", "Unicode-Strase"),
    ("Analysis Example - Processing LLVM IR", "analysis-example---processing-llvm-ir", "analysis-example---processing-llvm-ir", "Analysis-Example-Processing-LLVM-IR"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "hugo", "jekyll", "hexo"), HEADINGS)
def test_each_renderer_slugs_a_heading_as_the_real_program_does(
    text: str, hugo: str, jekyll: str, hexo: str
) -> None:
    assert goldmark_github(text) == hugo
    assert kramdown_gfm(text) == jekyll
    assert hexo_slugize()(text) == hexo


def test_the_ascii_variants_drop_chinese() -> None:
    assert goldmark_github_ascii("安装 Go 与 Café") == "-go--cafe"  # Hugo 0.111.3 wrote these
    assert goldmark_github_ascii("安装 Go") == "-go"
    assert kramdown_basic("安装 Go 与 Café") == "go--caf"
    assert kramdown_basic("一二三") == "section"
    assert hexo_slugize(1)("安装 Go") == "安装-go"
    assert hexo_slugize()("安装 Go 与 Café") == "安装-Go-与-Cafe"  # node printed this too


def test_repeats_are_numbered_from_one() -> None:
    assert numbered(["a", "b", "a", "a"]) == ["a", "b", "a-1", "a-2"]


def _anchor(ssg: str, config: dict[str, Any]) -> Any:
    generator = registry.get(ssg)
    site = attrs.evolve(generator.site(Path("."), config, None), config=config)
    return generator.heading_anchor(site)


@pytest.mark.parametrize(
    ("ssg", "config", "expected"),
    [
        ("hugo", {}, goldmark_github),
        ("hugo", {"markup": {"goldmark": {"parser": {"autoHeadingIDType": "github-ascii"}}}}, goldmark_github_ascii),
        ("hugo", {"markup": {"goldmark": {"parser": {"autoHeadingID": False}}}}, None),
        ("hugo", {"markup": {"goldmark": {"parser": {"autoHeadingIDType": "blackfriday"}}}}, None),
        ("hugo", {"markup": {"defaultMarkdownHandler": "pandoc"}}, None),
        ("jekyll", {}, kramdown_gfm),
        ("jekyll", {"kramdown": {"input": "kramdown"}}, kramdown_basic),
        ("jekyll", {"kramdown": {"auto_ids": False}}, None),
        ("jekyll", {"markdown": "CommonMarkGhPages"}, None),
        ("zola", {}, None),
    ],
)  # fmt: skip
def test_a_generator_picks_its_sites_rule(ssg: str, config: dict[str, Any], expected: Any) -> None:
    assert _anchor(ssg, config) is expected


def test_hexo_follows_modify_anchors_and_header_ids() -> None:
    assert _anchor("hexo", {})("安装 Go") == "安装-Go"
    assert _anchor("hexo", {"marked": {"modifyAnchors": 1}})("安装 Go") == "安装-go"
    assert _anchor("hexo", {"marked": {"headerIds": False}}) is None
