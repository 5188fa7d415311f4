"""RK106 date-format: ISO spellings, Jekyll's offset form, timezones when required."""

from __future__ import annotations

import pytest

from recapkit.lint.rules.date_format import DateFormat
from tests.lint.rules.helpers import run


@pytest.mark.parametrize(
    ("value", "fine"),
    [
        ("2024-05-18", True),
        ("2020-10-18T01:03:25+08:00", True),
        ("2021-06-28 09:01:11", True),
        ('"2024-05-18"', True),
        ('"2016-12-17T0:00:00-08:00"', True),
        ("2016/2/14", False),
        ("2024-4-09", False),
        ("2020-10-18 01:03:25 +0200", False),
        ("next friday", False),
        ("2023-02-30", False),
        ("20240518", False),
    ],
)
def test_date_format(value: str, fine: bool) -> None:
    _post, found = run(DateFormat(), f"---\ntitle: T\ndate: {value}\n---\n", ssg="hugo")
    assert (found == []) is fine, [d.message for d in found]


def test_date_format_suggests_the_iso_spelling() -> None:
    _post, found = run(
        DateFormat(), "---\ndate: 2016/2/14\nlastmod: 2020-10-18 01:03:25 +0200\n---\n"
    )
    assert "write 2016-02-14" in found[0].message
    assert "write 2020-10-18T01:03:25+02:00" in found[1].message


def test_jekylls_documented_offset_form_is_fine_on_jekyll_only() -> None:
    source = "---\ndate: 2014-10-21 10:00:00 +0800\n---\n"
    assert run(DateFormat(), source, ssg="jekyll")[1] == []
    assert len(run(DateFormat(), source, ssg="hexo")[1]) == 1


def test_timezone_is_required_only_when_configured_and_only_with_a_time() -> None:
    source = '+++\ndate = 2021-06-28T09:01:11\nlastmod = "2021-06-28 09:01:11"\nexpiryDate = 2030-01-01\n+++\n'
    assert run(DateFormat(), source)[1] == []
    found = run(DateFormat(), source, require_timezone=True)[1]
    assert [d.line for d in found] == [1, 2]
    assert all("no timezone" in d.message for d in found)
