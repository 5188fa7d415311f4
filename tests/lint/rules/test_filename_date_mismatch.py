"""RK107 filename-date-mismatch: the day as written, and none for Hexo file names."""

from __future__ import annotations

from recapkit.lint.rules.filename_date_mismatch import FilenameDateMismatch
from tests.lint.rules.helpers import run


def test_filename_date_mismatch_compares_the_day_as_written() -> None:
    rule = FilenameDateMismatch()
    path = "_posts/2014-10-21-devfest.md"
    assert run(rule, "---\ndate: 2014-10-21 23:30:00 -0700\n---\n", path)[1] == []
    found = run(rule, "---\ndate: 2014-10-24\n---\n", path)[1]
    assert [d.message for d in found] == ["the file name says 2014-10-21, but `date` is 2014-10-24"]
    assert run(rule, "---\ndate: 2014-10-24\n---\n", "_posts/devfest.md")[1] == []


def test_hexo_file_names_carry_no_date_meaning() -> None:
    source = "---\ntitle: Council meeting\ndate: 2020-05-06 13:39:01\n---\n"
    assert run(FilenameDateMismatch(), source, "source/_posts/2020-04-13.md", ssg="hexo")[1] == []
    assert (
        len(run(FilenameDateMismatch(), source, "source/_posts/2020-04-13.md", ssg="hugo")[1]) == 1
    )
