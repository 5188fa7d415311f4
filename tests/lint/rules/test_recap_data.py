"""Recap rules: RK108 recap-data, RK401 placeholder-left, RK402 talk-without-takeaways."""

from __future__ import annotations

from recapkit.lint.rules.placeholder_left import PlaceholderLeft, PlaceholderOptions
from recapkit.lint.rules.recap_data import RecapData
from recapkit.lint.rules.talk_without_takeaways import TalkWithoutTakeaways
from tests.rules_helpers import codes, run

RECAP = """\
---
title: T
date: 2024-05-18
recap:
  title: Go meetup
  date: 2024-05-18
  event:
    name: Go meetup
  talks:
    - title: Generics
      speakers: Alice
      takeways: []
    - title: Fuzzing
---
"""


def test_each_recap_problem_is_reported_at_its_line_with_its_path() -> None:
    _post, found = run(RecapData(), RECAP)
    assert [(d.line + 1, d.message.split(":")[0]) for d in found] == [
        (11, "recap.talks[0].speakers"),
        (12, "recap.talks[0].takeways"),
    ]


def test_zola_extra_recap_is_checked_too() -> None:
    source = (
        '+++\ntitle = "T"\n[extra.recap]\ntitle = "R"\ndate = 2024-05-18\n'
        '[extra.recap.event]\nnaem = "Meetup"\n+++\n'
    )
    _post, found = run(RecapData(), source, "content/x.md", ssg="zola")
    assert sorted((d.line + 1, d.message) for d in found) == [
        (6, "extra.recap.event.name: required field missing"),
        (7, "extra.recap.event.naem: unknown key; did you mean 'name'?"),
    ]


def test_posts_without_recap_data_are_not_checked() -> None:
    assert run(RecapData(), "---\ntitle: T\n---\n")[1] == []
    assert run(TalkWithoutTakeaways(), "---\ntitle: T\n---\n")[1] == []


def test_talks_without_takeaways_are_reported_at_the_talk() -> None:
    source = RECAP.replace("      speakers: Alice\n      takeways: []\n", "")
    _post, found = run(TalkWithoutTakeaways(), source)
    assert codes(found) == [(10, "RK402"), (11, "RK402")]
    assert found[0].message == "talk 'Generics' has no takeaways"


def test_invalid_recap_data_is_left_to_recap_data() -> None:
    assert run(TalkWithoutTakeaways(), RECAP)[1] == []


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
