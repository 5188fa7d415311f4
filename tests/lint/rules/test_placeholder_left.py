"""RK401 placeholder-left: outside code, with its span, quoting what is left to write."""

from __future__ import annotations

from recapkit.lint.rules.placeholder_left import PlaceholderLeft, PlaceholderOptions
from tests.lint.rules.helpers import codes, run


def test_placeholders_outside_code_are_reported_with_their_span() -> None:
    source = (
        "---\ntitle: TODO(recapkit)\n---\n\nTODO(recapkit): summary\n\n"
        "`TODO(recapkit)` is the marker.\n\n```\nTODO(recapkit)\n```\n"
    )
    _post, found = run(PlaceholderLeft(), source)
    assert [(d.line, d.column, d.end_column) for d in found] == [(1, 7, 21), (4, 0, 14)]


def test_placeholder_message_quotes_what_is_left_to_write() -> None:
    lead = "write the lead: what happened, for whom, and why it mattered."
    source = (
        f'---\ntitle: "TODO(recapkit)"\ndescription: "TODO(recapkit): one line"\n---\n\n'
        f"TODO(recapkit): {lead}\n\n"
        "<!-- TODO(recapkit): add photos -->\n\n"
        "- TODO(recapkit): when? TODO(recapkit): where?\r\n"
    )
    _post, found = run(PlaceholderLeft(), source)
    assert [d.message for d in found] == [
        "placeholder left: `TODO(recapkit)`",
        "placeholder left: `TODO(recapkit): one line`",
        "placeholder left: `TODO(recapkit): write the lead: what happened, for whom, an…`",
        "placeholder left: `TODO(recapkit): add photos`",
        "placeholder left: `TODO(recapkit): when?`",
        "placeholder left: `TODO(recapkit): where?`",
    ]


def test_placeholder_pattern_is_configurable() -> None:
    rule = PlaceholderLeft(PlaceholderOptions(pattern=r"FIXME|TODO\(recapkit\)"))
    _post, found = run(rule, "---\ntitle: T\n---\n\nFIXME write\n")
    assert codes(found) == [(5, "RK401")]
