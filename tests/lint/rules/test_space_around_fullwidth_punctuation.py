"""RK603 space-around-fullwidth-punctuation: spaces beside full-width marks, and the fix."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recapkit.lint.rules.space_around_fullwidth_punctuation import (
    SpaceAroundFullwidthPunctuation,
)
from tests.lint.rules.helpers import ZH_FRONT, apply_fixes, fixed_body, run

RULE = SpaceAroundFullwidthPunctuation()
FRONT = ZH_FRONT


def fixed(body: str) -> str:
    return fixed_body(RULE, body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("你好， 世界", "你好，世界"),
        ("主题是 Kubernetes ， 讲者来自 PingCAP 。", "主题是 Kubernetes，讲者来自 PingCAP。"),
        ("Go （语言）", "Go（语言）"),
        ("结束。\u3000下一句", "结束。下一句"),
        ("见 **重点** 。", "见 **重点**。"),
        ("。 [链接](x)", "。[链接](x)"),
    ],
)
def test_spaces_beside_full_width_marks_are_removed(body: str, expected: str) -> None:
    assert fixed(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "  缩进的行，",
        "行尾的硬换行。  \n下一行",
        "地址是 https://kaiyuanshe.cn/ 。",  # the space keeps the autolink from taking `。`
        "（ https://tf.wiki ）",
        "欢迎交流 ：）",  # a smiley, not a colon
        "微服务 =》 服务网格",  # an arrow
        "他说 “你好” 然后",  # curly quotes are shared with English
        "`a ，b` 与 <span>  。</span>",
    ],
)
def test_no_prose_edges_smileys_and_arrows_are_not_reported(body: str) -> None:
    assert run(RULE, FRONT + body + "\n")[1] == []


def test_message_and_position() -> None:
    _post, found = run(RULE, FRONT + "你好，  世界\n")
    assert [(d.line, d.column, d.end_line, d.end_column) for d in found] == [(5, 3, 5, 5)]
    assert found[0].message == "space beside full-width punctuation: `你好，  世界`"


_ALPHABET = st.sampled_from(list("中文Go3 ，。（）`*[]()\n\u3000"))


@settings(max_examples=100, deadline=None)
@given(body=st.text(alphabet=_ALPHABET, max_size=30))
def test_fixes_only_remove_spaces_and_leave_nothing_to_report(body: str) -> None:
    source = FRONT + body + "\n"
    post, found = run(RULE, source)
    after = apply_fixes(post, found).decode()
    assert after.replace(" ", "").replace("\u3000", "") == source.replace(" ", "").replace(
        "\u3000", ""
    )
    assert run(RULE, after)[1] == []
