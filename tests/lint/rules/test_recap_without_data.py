"""RK404 recap-without-data: a real recap without data is reported once, as info."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from recapkit.lint.diagnostics import Severity
from recapkit.lint.rules import LintContext, _recap_reading
from recapkit.lint.rules._recap_reading import worth_reading
from recapkit.lint.rules.recap_without_data import RecapWithoutData
from tests.lint.rules.helpers import run

RECAP = """---
title: GoCN meetup 回顾
date: 2025-04-20
---
上周六的活动。

## 《Go 泛型在业务代码中的落地》

- 讲师：王磊（示例支付）

泛型的经验。

## 用 eBPF 做可观测性

- 讲师：张敏

uprobe 的经验。
"""
TUTORIAL = """---
title: Go 泛型入门
date: 2025-04-20
---
## 1. 类型参数

一段代码。

## 2. 约束

另一段。
"""


def _run(text: str) -> list[tuple[int, str, Severity]]:
    _post, found = run(RecapWithoutData(), text, context=LintContext(recap_memo={}))
    return [(d.line + 1, d.message, d.severity) for d in found]


def test_a_recap_without_data_is_reported_once_at_its_title() -> None:
    assert _run(RECAP) == [
        (
            2,
            "read as a recap (2 talks found); the recap rules need its data: "
            "run `recapkit import content/posts/post.md --write`",
            Severity.INFO,
        )
    ]


def test_a_tutorial_with_numbered_sections_is_no_recap() -> None:
    assert _run(TUTORIAL) == []


def test_a_post_with_recap_data_is_left_to_the_recap_rules() -> None:
    with_data = RECAP.replace("---\n上周", "recap:\n  title: x\n---\n上周", 1)
    assert _run(with_data) == []


def test_the_cheap_test_lets_posts_that_cannot_be_recaps_skip_the_importer() -> None:
    post, _ = run(RecapWithoutData(), TUTORIAL)
    assert not worth_reading(post)
    post, _ = run(RecapWithoutData(), RECAP.replace("回顾", "笔记"))
    assert worth_reading(post)  # a speaker line
    post, _ = run(RecapWithoutData(), TUTORIAL.replace("入门", "meetup"))
    assert worth_reading(post)  # an event word in the title


_LINE_START = st.sampled_from(("", " ", "\t", "> ", "- ", "**", "_", "+ ", "x "))
_LABEL = st.sampled_from(("嘉宾", "讲师", "Speaker", "speakers", "BY", "by", "By", "主讲人", "名"))
_AFTER = st.lists(
    st.sampled_from(("：", ":", "**", " ", "\t", "王磊", "Ada", "s", "\n", "!")), max_size=4
).map("".join)
_BODIES = st.lists(st.tuples(_LINE_START, _LABEL, _AFTER).map("".join), max_size=4).map("\n".join)


@given(_BODIES | st.text(max_size=20))
def test_the_speaker_line_test_is_the_speaker_and_the_by_line_patterns(body: str) -> None:
    # The two patterns the cheap test used before they became one (60d15be).
    labels = _recap_reading._LABELS
    speaker = re.compile(rf"^[ \t>*_+-]*(?:{labels})\W{{0,3}}[ \t]*[:：]", re.I | re.M)
    by = re.compile(r"^[ \t>*_+-]*by[ \t]+\S", re.I | re.M)
    expected = bool(speaker.search(body) or by.search(body))
    assert bool(_recap_reading._SPEAKER_LINE.search(body)) == expected
