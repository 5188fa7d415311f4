"""RK305 table-broken: tables that GFM renderers show as text, fill with prose or cut short,
and what kramdown (Jekyll) does differently."""

from __future__ import annotations

import pytest

from recapkit.lint.rules.table_broken import TableBroken
from tests.lint.rules.helpers import codes, run

RULE = TableBroken()
FRONT = "---\ntitle: T\n---\n\n"
NO_DELIMITER = "| Time  | Talk    |\n| 14:00 | Opening |\n| 14:30 | Generics |\n"
SWALLOWING = "| Time  | Room |\n| ----- | ---- |\n| 18:00 | A    |\nDoors close at 21:00.\nBye.\n"


def test_rows_without_a_delimiter_row_are_shown_as_text() -> None:
    _post, found = run(RULE, FRONT + NO_DELIMITER)
    assert codes(found) == [(5, "RK305")]
    assert found[0].message == (
        "3 table rows are shown as text, not a table: a table needs a `| --- |` row under its header"
    )
    assert found[0].end_line is not None and found[0].end_line + 1 == 7


def test_a_delimiter_row_with_the_wrong_number_of_cells_is_named() -> None:
    _post, found = run(RULE, FRONT + "| a | b | c |\n| --- | --- |\n| 1 | 2 | 3 |\n")
    assert found[0].message.endswith("its `|---|` row has 2 cell(s), the header 3")


def test_prose_right_after_a_table_becomes_its_rows_in_gfm() -> None:
    _post, found = run(RULE, FRONT + SWALLOWING)
    assert codes(found) == [(8, "RK305")]
    assert found[0].message == (
        "2 line(s) after the table, with no blank line before them, are shown as rows of it: "
        "add a blank line before them"
    )


def test_cells_beyond_the_header_are_reported_once_per_table() -> None:
    table = "| a | b |\n|---|---|\n| 1 | 2 | 3 |\n| 4 | 5 | 6 | 7 |\n"
    _post, found = run(RULE, FRONT + table)
    assert codes(found) == [(7, "RK305")]
    assert found[0].message == "this row has 3 cells and the header 2: the last 1 are not shown"


@pytest.mark.parametrize(
    "text",
    [
        "| a | b |\n|---|---|\n| 1 | 2 |\n\nProse after a blank line.\n",
        "a | b\n--|--\n1 | 2\n",
        "| a | b |\n|:--|--:|\n| 1 | 2 \\| 3 |\n| 4 |\n",
        "```\n| a | b |\n| 1 | 2 |\n```\n",
        "The pipe | is an operator; so is || in most languages.\n",
        "| only one row |\n",
    ],
)
def test_well_formed_tables_and_pipes_in_prose_are_not_reported(text: str) -> None:
    assert run(RULE, FRONT + text)[1] == []


def test_kramdown_needs_no_delimiter_row_but_turns_a_table_with_prose_into_text() -> None:
    assert run(RULE, FRONT + NO_DELIMITER, ssg="jekyll")[1] == []
    _post, found = run(RULE, FRONT + SWALLOWING + "| 1 | 2 | 3 |\n", ssg="jekyll")
    assert codes(found) == [(8, "RK305")]
    assert found[0].message.startswith("a line without `|` right after the table turns the whole")


def test_a_row_with_prose_pasted_on_its_line_is_reported() -> None:
    prose = "The venue opened at noon and the first talk started late because " * 8
    table = (
        f"| Time | Talk |\n|------|------|\n| 14:00 | Opening |\n| 14:30 | Generics. {prose} |\n"
    )
    _post, found = run(RULE, FRONT + table)
    assert codes(found) == [(8, "RK305")]
    assert found[0].message.startswith(
        "this row is 542 characters long (28x the table's usual row)"
    )
    assert found[0].message.endswith("prose pasted on its line is shown squeezed into a table cell")
    wide = "| Term | Meaning |\n|---|---|\n" + f"| a | {prose[:300]} |\n" * 3
    assert run(RULE, FRONT + wide)[1] == []


def test_an_empty_cell_or_a_comment_beyond_the_header_loses_nothing() -> None:
    table = "| a | b |\n|---|---|\n| 1 | 2 | <!-- note -->\n| 3 | 4 ||\n"
    assert run(RULE, FRONT + table)[1] == []


def test_the_chinese_example_of_the_docs_is_reported() -> None:
    from recapkit.lint.rules.table_broken import TableBroken
    from tests.lint.rules.helpers import run as run_rule

    table = "| 时间  | 议题     |\n| ----- | -------- |\n| 14:00 | 开场     |\n以上为当天议程。\n"
    found = run_rule(TableBroken(), "---\ntitle: T\n---\n\n" + table)[1]
    assert [(d.line, d.code) for d in found] == [(7, "RK305")]
