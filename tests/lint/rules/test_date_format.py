"""RK106 date-format: each date form gets the verdict the generator itself gives.

The table is what the real programs did with each form (Hugo 0.111.3, Jekyll 4.3.1, Hexo 8.1.2
built here on a UTC machine; Zola from its source): ``ok`` it publishes the day written,
``zero`` it dates the post 0001-01-01, ``file`` it dates the post by the file's creation time,
``rolled`` it moves an impossible day, ``stops`` the build stops. tests/ssg/test_dates_real.py
builds the same forms with the real programs where CI has them.
"""

from __future__ import annotations

import pytest

from recapkit.lint.diagnostics import Severity
from recapkit.lint.rules.date_format import DateFormat, DateFormatOptions
from tests.lint.rules.helpers import run

FORMS = {
    "2020-05-15T09:14:53+0200": {"hugo": "ok", "jekyll": "ok", "hexo": "ok", "zola": "stops"},
    "2020-05-15T09:14:53+02:00": {"hugo": "ok", "jekyll": "ok", "hexo": "ok", "zola": "ok"},
    "2020-05-15 09:14:53 +0200": {"hugo": "ok", "jekyll": "ok", "hexo": "ok", "zola": "stops"},
    "2016-02-09 00:49": {"hugo": "zero", "jekyll": "ok", "hexo": "ok", "zola": "stops"},
    "2021-06-28 09:01:11": {"hugo": "ok", "jekyll": "ok", "hexo": "ok", "zola": "ok"},
    "2016/2/14": {"hugo": "zero", "jekyll": "ok", "hexo": "ok", "zola": "stops"},
    "2024-4-09": {"hugo": "zero", "jekyll": "ok", "hexo": "ok", "zola": "ok"},
    "2016-12-17T0:00:00-08:00": {"hugo": "ok", "jekyll": "ok", "hexo": "ok", "zola": "ok"},
    '"2016-12-17T0:00:00-08:00"': {"hugo": "ok", "jekyll": "ok", "hexo": "file", "zola": "ok"},
    "2024-05-18": {"hugo": "ok", "jekyll": "ok", "hexo": "ok", "zola": "ok"},
    "2016-02-30": {"hugo": "zero", "jekyll": "rolled", "hexo": "rolled", "zola": "stops"},
    "2020-05-15T09:14:53Z": {"hugo": "ok", "jekyll": "ok", "hexo": "ok", "zola": "ok"},
    "next Friday": {"hugo": "zero", "jekyll": "stops", "hexo": "file", "zola": "stops"},
}
SAYS = {
    "zero": "0001-01-01",
    "file": "file's creation time",
    "rolled": "2016",
    "stops": "stop",
}
CASES = [
    (form, ssg, verdict) for form, verdicts in FORMS.items() for ssg, verdict in verdicts.items()
]


@pytest.mark.parametrize(("form", "ssg", "verdict"), CASES)
def test_each_form_gets_the_generators_own_verdict(form: str, ssg: str, verdict: str) -> None:
    source = f"---\ntitle: T\ndate: {form}\n---\n"
    _post, found = run(DateFormat(), source, "_posts/2001-01-01-p.md", ssg=ssg)
    if verdict == "ok":
        assert found == [], [d.message for d in found]
        return
    assert [d.severity for d in found] == [Severity.ERROR]
    assert SAYS[verdict] in found[0].message


def test_the_message_says_what_the_generator_does_and_what_to_write() -> None:
    _post, found = run(DateFormat(), "---\ndate: 2016-02-09 00:49\n---\n", ssg="hugo")
    assert found[0].message == (
        "`date` '2016-02-09 00:49': Hugo 0.111 to 0.134 read no date from it and date the post "
        "0001-01-01 without a warning (0.135 and later stop the build); write 2016-02-09T00:49:00"
    )


def test_with_no_generator_only_text_that_is_no_date_is_reported() -> None:
    source = "---\ndate: 2016/2/14\nlastmod: next Friday\n---\n"
    _post, found = run(DateFormat(), source)
    assert [d.line for d in found] == [2]
    assert found[0].message.startswith("`lastmod` is not a date: 'next Friday'")


def test_hexo_with_a_zone_east_of_utc_publishes_a_date_only_post_the_day_before() -> None:
    _post, found = run(
        DateFormat(), "---\ndate: 2025-02-07\n---\n", ssg="hexo", timezone="Asia/Shanghai"
    )
    assert [d.severity for d in found] == [Severity.ERROR]
    assert (
        "Hexo publishes it under 2025/02/06 (timezone Asia/Shanghai, built in UTC)"
        in found[0].message
    )
    _post, found = run(
        DateFormat(), "---\ndate: 2025-02-07 12:00:00\n---\n", ssg="hexo", timezone="Asia/Shanghai"
    )
    assert found == []


def test_a_shift_that_depends_on_the_build_machine_is_a_warning() -> None:
    """No `timezone` in _config.yml: Jekyll shows the date in the machine's zone (UTC on CI)."""
    source = "---\ndate: 2020-05-15 01:00:00 +0800\n---\n"
    _post, found = run(DateFormat(), source, "_posts/2020-05-15-a.md", ssg="jekyll")
    assert [d.severity for d in found] == [Severity.WARNING]
    assert "Jekyll publishes it on 2020-05-14 (built in UTC" in found[0].message


def test_jekyll_reads_an_unquoted_naive_date_time_as_utc() -> None:
    source = "---\ndate: 2025-02-07 20:00:00\n---\n"
    _post, found = run(
        DateFormat(), source, "_posts/2025-02-07-a.md", ssg="jekyll", timezone="Asia/Shanghai"
    )
    assert "Jekyll publishes it on 2025-02-08 (timezone Asia/Shanghai)" in found[0].message
    quoted = '---\ndate: "2025-02-07 20:00:00"\n---\n'
    assert (
        run(DateFormat(), quoted, "_posts/2025-02-07-a.md", ssg="jekyll", timezone="Asia/Shanghai")[
            1
        ]
        == []
    )


def test_portable_dates_are_info_on_request() -> None:
    rule = DateFormat(DateFormatOptions(portable=True))
    _post, found = run(rule, "---\ndate: 2020-05-15T09:14:53+0200\n---\n", ssg="hugo")
    assert [d.severity for d in found] == [Severity.INFO]
    assert "write 2020-05-15T09:14:53+02:00" in found[0].message


def test_values_that_are_no_text_at_all() -> None:
    _post, found = run(DateFormat(), "---\ndate: 20240518\nlastmod: [2024]\n---\n", ssg="hugo")
    assert [d.message for d in found] == [
        "`date` should be a date, but is the number 20240518",
        "`lastmod` should be a date, but is a list",
    ]


def test_timezone_is_required_only_when_configured_and_only_with_a_time() -> None:
    source = '+++\ndate = 2021-06-28T09:01:11\nlastmod = "2021-06-28 09:01:11"\nexpiryDate = 2030-01-01\n+++\n'
    assert run(DateFormat(), source)[1] == []
    found = run(DateFormat(), source, require_timezone=True)[1]
    assert [d.line for d in found] == [1, 2]
    assert all("no timezone" in d.message for d in found)


@pytest.mark.parametrize("ssg", [None, "hugo", "jekyll", "hexo", "zola"])
@pytest.mark.parametrize("form", ["2024-13-01", "2024-00-10", "0000-01-01"])
def test_a_month_or_year_that_does_not_exist_is_not_a_date(form: str, ssg: str | None) -> None:
    # Month 13 crashed the rule (it rolled the day over and asked for month 13's first day).
    _post, found = run(DateFormat(), f"---\ntitle: T\ndate: {form}\n---\n", ssg=ssg)
    assert [(d.code, d.line) for d in found] == [("RK106", 2)]  # 0-based: the date line
    assert found[0].message.startswith(f"`date` is not a date: '{form}'")
