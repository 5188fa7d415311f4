"""RK303 emphasis-not-rendered: where a CommonMark renderer shows `**` as text, and its fix.
(Which renderer breaks is checked against the real programs in tests/ssg/test_renderers_real.py.)"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from recapkit.lint.rules.emphasis_not_rendered import EmphasisNotRendered
from tests.lint.rules.helpers import apply_fixes, codes, run

RULE = EmphasisNotRendered()
FRONT = "---\ntitle: T\n---\n\n"


@pytest.mark.parametrize(
    ("line", "fixed"),
    [
        ("**嘉宾：**刘洋", "**嘉宾**：刘洋"),
        ("- **时间：**2024年5月18日", "- **时间**：2024年5月18日"),
        ("这是**「重要」**内容", "这是「**重要**」内容"),
        ("*注意，*这里", "*注意*，这里"),
        ("**Note:**text", "**Note**:text"),
        ("> **地点：**杭州", "> **地点**：杭州"),
        ("## **议程：**上午", "## **议程**：上午"),
        ("| **名称：**x | y |\n|---|---|", "| **名称**：x | y |\n|---|---|"),
    ],
)
def test_shown_as_text_is_reported_and_fixed(line: str, fixed: str) -> None:
    post, found = run(RULE, FRONT + line + "\n")
    assert codes(found) == [(5, "RK303")]
    assert apply_fixes(post, found).decode() == FRONT + fixed + "\n"
    assert run(RULE, FRONT + fixed + "\n")[1] == []  # fixed once and for all


@pytest.mark.parametrize(
    "line",
    [
        "**嘉宾**：刘洋",
        "**嘉宾：** 刘洋",
        "**嘉宾：**，刘洋",
        "这是 **「重要」** 内容",
        "snake_case_name and foo_bar_",
        "2*3*4 = 24",
        "**：**x",
        "`**嘉宾：**刘洋`",
    ],
)
def test_what_renders_or_is_not_prose_is_not_reported(line: str) -> None:
    assert run(RULE, FRONT + line + "\n")[1] == []


def test_code_blocks_and_front_matter_are_not_checked() -> None:
    source = "---\ntitle: '**嘉宾：**刘洋'\n---\n\n```\n**嘉宾：**刘洋\n```\n\n    **嘉宾：**刘洋\n"
    assert run(RULE, source)[1] == []


def test_two_pairs_on_a_line_are_two_findings_fixed_together() -> None:
    post, found = run(RULE, FRONT + "**嘉宾：**刘洋，**主题：**Go 泛型\n")
    assert [d.column for d in found] == [0, 10]
    assert apply_fixes(post, found).decode() == FRONT + "**嘉宾**：刘洋，**主题**：Go 泛型\n"


def test_the_message_names_the_renderer_and_the_fix() -> None:
    (finding,) = run(RULE, FRONT + "**嘉宾：**刘洋\n")[1]
    assert finding.message == (
        "`**嘉宾：**` is shown with its asterisks by a CommonMark renderer: write `**嘉宾**：`"
    )
    assert (finding.end_line, finding.end_column) == (4, 7)


_PIECES = st.sampled_from(
    ["**", "*", "__", "嘉宾", "Bob", "：", "，", "。", "「", "」", "(", ")", ":", " ", "刘洋", "`"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join))
def test_a_fix_keeps_every_character_and_renders_more_emphasis(line: str) -> None:
    post, found = run(RULE, FRONT + line + "\n")
    if not found:
        return
    fixed = apply_fixes(post, found).decode()[len(FRONT) :]
    assert sorted(fixed) == sorted(line + "\n")
    parser = MarkdownIt("commonmark")
    before = parser.render(line).count("<strong>") + parser.render(line).count("<em>")
    after = parser.render(fixed).count("<strong>") + parser.render(fixed).count("<em>")
    assert after > before


def test_a_link_reference_definition_is_never_shown_so_never_reported() -> None:
    # gopheracademy's embedmd lines: `[label]:# (title)` defines a link and renders nothing.
    source = FRONT + "[embedmd]:# (args/add.py /.*LOAD.*reg_f1/ /(?m:^$)/)\ntext after\n"
    assert run(RULE, source)[1] == []


@pytest.mark.parametrize(
    ("line", "fixed"),
    [
        (
            "分享了 **《Github 与 IT 职业成长》**的报告",
            "分享了 《**Github 与 IT 职业成长**》的报告",
        ),
        ("- 称为**“偶发性 (episodic)”**贡献者", "- 称为“**偶发性 (episodic)**”贡献者"),
    ],
)
def test_a_bracket_or_quote_pair_moves_out_whole(line: str, fixed: str) -> None:
    post, found = run(RULE, FRONT + line + "\n")
    assert apply_fixes(post, found).decode() == FRONT + fixed + "\n"
