"""RK602 fullwidth-punctuation: half-width marks in Chinese sentences, and the fix."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recapkit.lint.diagnostics import Applicability
from recapkit.lint.rules.fullwidth_punctuation import FullwidthPunctuation
from tests.lint.rules.helpers import ZH_FRONT, apply_fixes, fixed_body, run

RULE = FullwidthPunctuation()
FRONT = ZH_FRONT


def fixed(body: str) -> str:
    return fixed_body(RULE, body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("你好,世界", "你好，世界"),
        ("你好, 世界", "你好，世界"),
        ("你好 ,世界", "你好，世界"),
        ("主题是:云原生;欢迎!来吧", "主题是：云原生；欢迎！来吧"),
        ("如下:", "如下："),
        ("**贡献者:**", "**贡献者：**"),
        ("- **作者:** 项目的创始人", "- **作者：** 项目的创始人"),
        ("为什么?", "为什么？"),
        ("函数(参数)后", "函数（参数）后"),
        ("(注)参见", "（注）参见"),
    ],
)
def test_marks_in_chinese_sentences_become_full_width(body: str, expected: str) -> None:
    assert fixed(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "Hello, world: English keeps its marks!",
        "时间是10:30,地点",  # `,` after a digit: not between two Chinese characters
        "调用f(x)得到",
        "中文(English)中文",
        "后跟一个 : 冒号",  # a mark between spaces is the character itself
        "和 ! 运算符",
        "列表如下,",  # a comma at the line's end may lead into code or English
        "`你好,世界` 与 [链接](http://x.org/你,好)",
        "版本1.0.中文",
    ],
)
def test_what_is_not_chinese_punctuation_is_not_reported(body: str) -> None:
    assert run(RULE, FRONT + body + "\n")[1] == []


def test_message_position_and_safety() -> None:
    _post, found = run(RULE, FRONT + "欢迎参加,谢谢\n参见(第3章)后\n")
    assert [(d.line, d.column, d.end_column) for d in found] == [(5, 4, 5), (6, 2, 7)]
    assert found[0].message == "half-width `,` in a Chinese sentence, use `，`: `欢迎参加,谢谢`"
    assert found[0].fix is not None and found[0].fix.applicability is Applicability.SAFE
    # Latin letters or digits inside parentheses: the writer may have meant them half-width.
    assert found[1].fix is not None and found[1].fix.applicability is Applicability.UNSAFE


def test_title_values_are_checked() -> None:
    post, found = run(RULE, "---\ntitle: 你好,世界\nlang: zh\n---\n\n正文\n")
    assert apply_fixes(post, found).decode().startswith("---\ntitle: 你好，世界\n")


_ALPHABET = st.sampled_from(list("中文Go3 ,:;?!()`*，\n"))


@settings(max_examples=100, deadline=None)
@given(body=st.text(alphabet=_ALPHABET, max_size=30))
def test_fixes_only_change_marks_and_spaces_and_settle(body: str) -> None:
    source = FRONT + body + "\n"
    text = source
    for _round in range(4):
        post, found = run(RULE, text)
        if not found:
            break
        text = apply_fixes(post, found).decode()
    assert run(RULE, text)[1] == []
    kept = str.maketrans("", "", " ,:;?!()，：；？！（）")
    assert text.translate(kept) == source.translate(kept)
