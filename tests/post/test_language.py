"""A post's language: its own key, else the site's default, else the share of CJK letters."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recapkit.post.language import (
    language_tag,
    letter_counts,
    post_language,
    site_language,
    text_language,
)
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
    assert text_language("오늘 Go 밋업에 참석했습니다. 정말 재미있었습니다. 감사합니다") == "ko"


# Letters of each script, their neighbours just outside the ranges, and what sits around them.
_SCRIPT_PIECES = st.sampled_from(
    [
        *"中㐀䶿一鿿豈ぁゖァヺー가힣ힰazAZ@[`{éß１。 ",
        "\U00020000",
        "\U0003134f",
        "\U00031350",
        "\ud800",
    ]
)


@given(st.lists(_SCRIPT_PIECES, max_size=40).map("".join) | st.text())
def test_the_letters_of_each_script_are_counted_one_by_one(text: str) -> None:
    # As text_language counted them before (60d15be): one match a letter, one pass a script.
    han = "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]"
    scripts = (han, "[\u3041-\u3096\u30a1-\u30fa]", "[\uac00-\ud7a3]", "[A-Za-z]")
    assert letter_counts(text) == tuple(len(re.findall(script, text)) for script in scripts)


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
