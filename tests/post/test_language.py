"""A post's language: its own key, else the site's default, else the share of CJK letters."""

from __future__ import annotations

from pathlib import Path

import pytest

from recapkit.post.language import language_tag, post_language, site_language, text_language
from recapkit.post.load import parse_post
from recapkit.post.types import Post
from recapkit.ssg import registry

CHINESE = "本次活动邀请了三位讲师，分别介绍了 Go 语言在微服务、云原生和数据库中的实践。"
ENGLISH = "Three speakers talked about Go in microservices, cloud native and databases."


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("zh-CN", "zh"),
        ("zh_cn", "zh"),
        ("zh-Hans", "zh"),
        ("en-us", "en"),
        ("cn", "zh"),
        (["zh-CN", "en"], "zh"),
        ("", None),
        ("Chinese (Simplified)", None),
        (None, None),
        (3, None),
    ],
)
def test_language_tag_is_the_primary_subtag(value: object, expected: str | None) -> None:
    assert language_tag(value) == expected


@pytest.mark.parametrize(
    ("ssg", "config", "expected"),
    [
        ("hugo", {"languageCode": "zh-hans", "defaultContentLanguage": "en"}, "zh"),
        ("hugo", {"defaultcontentlanguage": "zh"}, "zh"),  # Hugo's keys ignore case
        ("hexo", {"language": ["zh-CN", "en"]}, "zh"),
        ("jekyll", {"lang": "en-US"}, "en"),
        ("zola", {"default_language": "zh"}, "zh"),
        ("zola", {"title": "no language stated"}, None),
    ],
)
def test_each_generator_states_its_site_language_key(
    ssg: str, config: dict[str, object], expected: str | None
) -> None:
    assert site_language(config, registry.get(ssg).language_keys) == expected


def test_text_language_by_the_share_of_cjk_letters() -> None:
    assert text_language(CHINESE) == "zh"
    assert text_language(ENGLISH) == "en"
    assert text_language(ENGLISH + " 我们在深圳见面。") == "en"  # a Chinese place name or two
    assert text_language("短文") is None  # too little to tell
    assert text_language("今日はGoのミートアップに参加しました。とても楽しかったです。") == "ja"


def _post(front: str, body: str) -> Post:
    return parse_post(f"---\ntitle: T\n{front}---\n\n{body}\n", Path("post.md"))


def test_the_posts_key_wins_then_the_site_default_then_the_prose() -> None:
    assert post_language(_post("lang: en\n", CHINESE), "zh") == "en"
    assert post_language(_post("language: zh-CN\n", ENGLISH)) == "zh"
    assert post_language(_post("", ENGLISH), "zh") == "zh"
    assert post_language(_post("", CHINESE)) == "zh"
    assert post_language(_post("", ENGLISH)) == "en"


def test_code_does_not_count_as_prose() -> None:
    code = (
        "```\n"
        + "// 注释：这是一段很长的中文注释，用来说明下面的代码在做什么事情。\n" * 5
        + "```\n"
    )
    assert post_language(_post("", ENGLISH + "\n\n" + code)) == "en"
