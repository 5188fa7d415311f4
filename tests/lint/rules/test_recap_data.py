"""RK108 recap-data; posts without recap data are checked by no recap rule."""

from __future__ import annotations

from recapkit.lint.rules.recap_data import RecapData
from recapkit.lint.rules.talk_without_takeaways import TalkWithoutTakeaways
from tests.lint.rules.helpers import run

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
