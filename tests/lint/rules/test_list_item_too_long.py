"""RK307 list-item-too-long: one bullet holding pages of text, its own text only."""

from __future__ import annotations

from recapkit.lint.diagnostics import Severity
from recapkit.lint.rules.list_item_too_long import ListItemTooLong
from tests.lint.rules.helpers import codes, run

RULE = ListItemTooLong()
FRONT = "---\ntitle: T\n---\n\n"
SENTENCE = "The speaker showed how the team split one service into three over a year. "


def test_a_long_item_is_reported_at_its_first_line_as_information() -> None:
    source = FRONT + "- short\n- " + SENTENCE * 30 + "\n- short again\n"
    _post, found = run(RULE, source)
    assert codes(found) == [(6, "RK307")]
    assert found[0].severity is Severity.INFO
    assert found[0].message == (
        "this list item holds 2,219 characters of text (more than 2,000): "
        "readers see one bullet with a wall of text"
    )


def test_nested_lists_are_counted_for_their_own_items_only() -> None:
    nested = "".join(f"  - {SENTENCE * 5}\n" for _ in range(10))
    _post, found = run(RULE, FRONT + "- parent\n" + nested)
    assert found == []


def test_max_chars_is_an_option() -> None:
    loose = ListItemTooLong(ListItemTooLong.Options(max_chars=5000))
    assert run(loose, FRONT + "- " + SENTENCE * 30 + "\n")[1] == []
