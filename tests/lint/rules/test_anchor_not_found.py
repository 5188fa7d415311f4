"""RK208 anchor-not-found: in-page `#fragment` links against the headings as each renderer ids them."""

from __future__ import annotations

import pytest

from recapkit.lint.rules.anchor_not_found import AnchorNotFound
from tests.lint.rules.helpers import codes, run

RULE = AnchorNotFound()
FRONT = "---\ntitle: T\n---\n\n"


def found(body: str, ssg: str = "hugo") -> list[tuple[int, str]]:
    return codes(run(RULE, FRONT + body, ssg=ssg)[1])


def messages(body: str, ssg: str = "hugo") -> list[str]:
    return [d.message for d in run(RULE, FRONT + body, ssg=ssg)[1]]


@pytest.mark.parametrize(
    ("ssg", "good", "bad"),
    [
        ("hugo", "#安装-go", "#安装-Go"),
        ("jekyll", "#安装-go", "#安装go"),
        ("hexo", "#安装-Go", "#安装-go"),  # marked keeps the case (modifyAnchors 0)
    ],
)
def test_a_link_to_a_chinese_heading_must_use_the_renderers_id(
    ssg: str, good: str, bad: str
) -> None:
    body = f"[安装]({good}) and [又一次]({bad})\n\n## 安装 Go\n"
    assert found(body, ssg) == [(5, "RK208")]


def test_the_message_names_the_fragment_and_a_close_id() -> None:
    body = "[x](#安装go)\n\n## 安装 Go\n"
    assert messages(body) == ["no heading or anchor #安装go in this post (did you mean #安装-go?)"]


def test_repeated_headings_are_numbered_and_percent_encoding_is_read() -> None:
    body = (
        "[a](#intro-1) [b](#%E5%AE%89%E8%A3%85-go) [c](#intro-2)\n\n"
        "## Intro\n\n## 安装 Go\n\n## Intro\n"
    )
    assert found(body) == [(5, "RK208")]
    assert messages(body)[0].startswith("no heading or anchor #intro-2")


def test_explicit_ids_html_anchors_footnotes_and_the_top_are_fine() -> None:
    body = (
        "[a](#install) [b](#agenda) [c](#fn:1) [d](#top) [e](#) [f](#more) [g](#old)\n\n"
        "## 安装 Go {#install}\n\n"
        '<h2 id="agenda">议程</h2>\n\n'
        'Text <a name="old"></a> here.\n'
    )
    assert found(body) == []


def test_an_explicit_id_replaces_the_generated_one() -> None:
    assert found("[a](#安装-go)\n\n## 安装 Go {#install}\n") == [(5, "RK208")]


def test_links_in_code_and_sites_whose_ids_are_unknown_are_not_checked() -> None:
    assert found("```\n[a](#nowhere)\n```\n\n`[b](#nowhere)`\n") == []
    assert found("[a](#nowhere)\n\n## 安装 Go\n", ssg="zola") == []


def test_heading_markup_is_not_part_of_the_id() -> None:
    body = "[a](#go-121-发布新特性) [b](#use-go-vet)\n\n## Go **1.21** 发布：*新特性*\n\n## Use `go vet`\n"
    assert found(body) == []


def test_an_explicit_id_is_text_to_hexos_marked() -> None:
    # Hexo 8 with hexo-renderer-marked 7 wrote <h2 id="问答-qa">问答 {#qa}</h2> (built here).
    body = "[a](#问答-qa) [b](#qa)\n\n## 问答 {#qa}\n"
    assert found(body, "hexo") == [(5, "RK208")]
    assert found(body, "hugo") == [(5, "RK208")]  # goldmark reads it: #qa only
    assert messages(body, "hugo")[0].startswith("no heading or anchor #问答-qa")
