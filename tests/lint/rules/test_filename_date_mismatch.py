"""RK107 filename-date-mismatch: the day as written, where the generator reads dates from names."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs
import pytest

from recapkit.lint.rules import LintContext
from recapkit.lint.rules.filename_date_mismatch import FilenameDateMismatch
from recapkit.ssg import registry
from tests.lint.rules.helpers import run

COUNCIL = "---\ntitle: Council meeting\ndate: 2020-05-06 13:39:01\n---\n"


def site_context(ssg: str, config: dict[str, Any]) -> LintContext:
    generator = registry.get(ssg)
    return LintContext(site=attrs.evolve(generator.site(Path("."), config, None), config=config))


def test_filename_date_mismatch_compares_the_day_as_written() -> None:
    rule = FilenameDateMismatch()
    path = "_posts/2014-10-21-devfest.md"
    assert run(rule, "---\ndate: 2014-10-21 23:30:00 -0700\n---\n", path, ssg="jekyll")[1] == []
    found = run(rule, "---\ndate: 2014-10-24\n---\n", path, ssg="jekyll")[1]
    assert [d.message for d in found] == ["the file name says 2014-10-21, but `date` is 2014-10-24"]
    assert run(rule, "---\ndate: 2014-10-24\n---\n", "_posts/devfest.md", ssg="jekyll")[1] == []
    assert (
        len(run(rule, "+++\ndate = 2014-10-24\n+++\n", "content/b/" + path[7:], ssg="zola")[1]) == 1
    )


@pytest.mark.parametrize(
    ("ssg", "config", "path", "compared"),
    [
        ("hexo", {}, "source/_posts/2020-04-13-council.md", False),  # `:title.md` names
        (
            "hexo",
            {"new_post_name": ":year-:month-:day-:title.md"},
            "source/_posts/2020-04-13-c.md",
            True,
        ),
        (
            "hexo",
            {"new_post_name": ":year-:month-:day-:title.md"},
            "source/about/2020-04-13.md",
            False,
        ),
        ("hugo", {}, "content/posts/2020-04-13-council.md", False),  # no :filename
        (
            "hugo",
            {"frontmatter": {"date": [":filename", ":default"]}},
            "content/posts/2020-04-13-c.md",
            True,
        ),
        ("jekyll", {}, "events/2020-04-13-council.md", False),  # a page: its name is a name
    ],
)
def test_names_are_compared_only_where_the_site_dates_posts_by_them(
    ssg: str, config: dict[str, Any], path: str, compared: bool
) -> None:
    context = site_context(ssg, config)
    found = run(FilenameDateMismatch(), COUNCIL, path, context=context)
    assert bool(found[1]) is compared


def test_without_a_generator_a_dated_name_may_be_a_meeting_day() -> None:
    assert run(FilenameDateMismatch(), COUNCIL, "Meeting/Council/2020-04-13.md")[1] == []
