"""RK402 talk-without-takeaways."""

from __future__ import annotations

from recapkit.lint.rules.talk_without_takeaways import TalkWithoutTakeaways
from tests.lint.rules.helpers import codes, run
from tests.lint.rules.test_recap_data import RECAP


def test_talks_without_takeaways_are_reported_at_the_talk() -> None:
    source = RECAP.replace("      speakers: Alice\n      takeways: []\n", "")
    _post, found = run(TalkWithoutTakeaways(), source)
    assert codes(found) == [(10, "RK402"), (11, "RK402")]
    assert found[0].message == "talk 'Generics' has no takeaways"


def test_invalid_recap_data_is_left_to_recap_data() -> None:
    assert run(TalkWithoutTakeaways(), RECAP)[1] == []


def test_a_break_needs_no_takeaways() -> None:
    source = RECAP.replace("      speakers: Alice\n      takeways: []\n", "").replace(
        "    - title: Fuzzing\n", "    - title: Lunch\n      kind: break\n"
    )
    _post, found = run(TalkWithoutTakeaways(), source)
    assert codes(found) == [(10, "RK402")]  # Generics; not the lunch
