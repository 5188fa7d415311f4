"""RK601 cjk-latin-spacing: what a writer of a Chinese post sees, where, and the fix."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recapkit.lint.rules import LintContext, LintSettings
from recapkit.lint.rules.cjk_latin_spacing import CjkLatinSpacing, CjkLatinSpacingOptions
from recapkit.ssg import registry
from tests.lint.rules.helpers import ZH_FRONT, apply_fixes, codes, run

RULE = CjkLatinSpacing()
FRONT = ZH_FRONT


def fixed(source: str, rule: CjkLatinSpacing = RULE) -> str:
    post, found = run(rule, source)
    return apply_fixes(post, found).decode()


def test_both_directions_with_message_and_exact_position() -> None:
    _post, found = run(RULE, FRONT + "本次Meetup共有3场分享\n")
    assert [(d.line, d.column, d.end_column) for d in found] == [
        (5, 1, 3),
        (5, 7, 9),
        (5, 9, 11),
        (5, 10, 12),
    ]
    assert found[0].message == "no space between Chinese and English or digits: `本次Meetup共`"
    assert fixed(FRONT + "本次Meetup共有3场分享\n") == FRONT + "本次 Meetup 共有 3 场分享\n"


@pytest.mark.parametrize(
    "body",
    [
        "使用 Go 语言，共 3 场",
        "`中文code` 和 ```多Go```",
        "见 [文档](https://go.dev/文档a) 或 <https://go.dev/中文>",
        "访问https://go.dev/x获取",
        '<span class="中a">文本</span>',
        '{{< figure src="图a.png" >}}',
        "```\n代码Go\n```",
        "    缩进代码Go",
        "<div>\nHTML块Go\n</div>",
        "Go。中文，3％",
    ],
)
def test_prose_that_is_spaced_and_what_is_no_prose_are_not_reported(body: str) -> None:
    assert run(RULE, FRONT + body + "\n")[1] == []


def test_english_posts_are_not_checked() -> None:
    assert run(RULE, "---\ntitle: T\nlang: en\n---\n\n本次Meetup\n")[1] == []
    english = "Three speakers talked about Go in microservices and databases at 深圳Meetup.\n"
    assert run(RULE, "---\ntitle: T\n---\n\n" + english)[1] == []


def test_a_chinese_post_without_a_key_is_recognised_by_its_prose() -> None:
    body = "本次活动邀请了三位讲师，分别介绍了在微服务和数据库中的实践，使用Go语言。\n"
    assert codes(run(RULE, "---\ntitle: T\n---\n\n" + body)[1]) == [(5, "RK601"), (5, "RK601")]


def test_title_description_and_alt_text_are_checked() -> None:
    source = '---\ntitle: Go语言\ndescription: "讲Go"\nlang: zh\n---\n\n![图Go](x.png)\n'
    assert (
        fixed(source)
        == '---\ntitle: Go 语言\ndescription: "讲 Go"\nlang: zh\n---\n\n![图 Go](x.png)\n'
    )


def test_the_space_goes_outside_emphasis() -> None:
    assert fixed(FRONT + "中文**Go**中文\n") == FRONT + "中文 **Go** 中文\n"
    assert fixed(FRONT + "**中文**Go\n") == FRONT + "**中文** Go\n"
    assert fixed(FRONT + "**中文**[Go](x)\n") == FRONT + "**中文**[Go](x)\n"  # a link's edge
    # Between a closing and an opening mark, also where one run of stars does both.
    assert fixed(FRONT + "**中**_Go_\n") == FRONT + "**中** _Go_\n"
    assert fixed(FRONT + "**3***中*\n") == FRONT + "**3** *中*\n"
    assert fixed(FRONT + "*Go***中文**\n") == FRONT + "*Go* **中文**\n"
    spaced = CjkLatinSpacing(CjkLatinSpacingOptions(link_spacing=True))
    assert fixed(FRONT + "**中**[Go](x)\n", spaced) == FRONT + "**中** [Go](x)\n"
    _post, found = run(spaced, FRONT + "[中](a)[Go](b)\n")  # a link closes: no side is sure
    assert [(d.line, d.column, d.fix) for d in found] == [(5, 1, None)]


def test_link_edges_only_with_link_spacing() -> None:
    source = FRONT + "中文[Go](https://go.dev)中文\n"
    assert run(RULE, source)[1] == []
    spaced = CjkLatinSpacing(CjkLatinSpacingOptions(link_spacing=True))
    assert fixed(source, spaced) == FRONT + "中文 [Go](https://go.dev) 中文\n"
    assert fixed(FRONT + "中文[链接](x)中文\n", spaced) == FRONT + "中文[链接](x)中文\n"


def test_fix_keeps_every_other_byte() -> None:
    source = "\ufeff---\r\ntitle: 回顾\r\nlang: zh\r\n---\r\n\r\n用Go写\r\n"
    post, found = run(RULE, source.encode())
    assert apply_fixes(post, found) == source.replace("用Go写", "用 Go 写").encode()


_ALPHABET = st.sampled_from(list("中文Go3 `*[]()，\n"))


@settings(max_examples=100, deadline=None)
@given(body=st.text(alphabet=_ALPHABET, max_size=30))
def test_fixes_only_insert_spaces_and_leave_nothing_to_report(body: str) -> None:
    source = FRONT + body + "\n"
    post, found = run(RULE, source)
    after = apply_fixes(post, found).decode()
    assert after.replace(" ", "") == source.replace(" ", "")
    assert run(RULE, after)[1] == []


@pytest.mark.parametrize(
    ("ssg", "config", "reported"),
    [
        ("hexo", {"language": ["zh-CN", "en"]}, True),
        ("hugo", {"languageCode": "zh-hans", "defaultContentLanguage": "en"}, True),
        ("jekyll", {"lang": "en"}, False),
        ("zola", {}, False),  # a short post, and no language stated: nothing to go by
    ],
)
def test_a_post_without_a_key_takes_its_sites_default_language(
    ssg: str, config: dict[str, object], reported: bool
) -> None:
    generator = registry.get(ssg)
    site = attrs.evolve(generator.site(Path("."), config, None), config=config)
    context = LintContext(site=site, settings=LintSettings(ssg=ssg))
    _post, found = run(RULE, "---\ntitle: T\n---\n\n用Go写\n", context=context)
    assert bool(found) is reported
