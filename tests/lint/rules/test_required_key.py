"""Front matter rules RK100-RK103, RK105-RK107 on small posts (RK104: test_rules_key_types)."""

from __future__ import annotations

import pytest

from recapkit.lint.rules import (
    FrontMatterSyntax,
    MissingFrontMatter,
    RequiredKey,
    UnreadablePost,
)
from recapkit.lint.rules.date_format import DateFormat
from recapkit.lint.rules.filename_date_mismatch import FilenameDateMismatch
from recapkit.lint.rules.unknown_key import UnknownKey
from tests.rules_helpers import codes, run


@pytest.mark.parametrize(
    ("source", "words"),
    [
        (b"", "empty"),
        (b"\x00\x01PNG\x00", "not a text file"),
        (b"---\ntitle: \xc4\xe3\n---\n", "UTF-8"),
    ],
)
def test_unreadable_files_are_reported_not_crashed_on(source: bytes, words: str) -> None:
    _post, found = run(UnreadablePost(), source)
    assert len(found) == 1
    assert words.lower() in found[0].message.lower()


def test_missing_front_matter_but_not_for_hugo_section_pages() -> None:
    assert codes(run(MissingFrontMatter(), "\n---\ntitle: T\n---\n")[1]) == [(1, "RK101")]
    assert run(MissingFrontMatter(), "Section text\n", "content/posts/_index.md")[1] == []
    assert run(MissingFrontMatter(), b"")[1] == []  # RK100's business


def test_syntax_error_is_reported_at_the_parsers_position_in_the_file() -> None:
    source = "---\ntitle: Go: what we learned\ndate: 2024-05-18\n---\n"
    _post, found = run(FrontMatterSyntax(), source)
    assert [(d.line, d.code) for d in found] == [(1, "RK102")]
    assert found[0].message.startswith("invalid YAML front matter:")


def test_required_keys_default_to_title_and_date() -> None:
    _post, found = run(RequiredKey(), "---\ntags: [a]\n---\n")
    assert [d.message for d in found] == [
        "missing required front matter key `title`",
        "missing required front matter key `date`",
    ]
    assert {(d.line, d.column) for d in found} == {(0, 0)}


def test_required_keys_follow_the_ssg() -> None:
    hugo = "---\nTitle: T\npublishDate: 2024-05-18\n---\n"
    assert run(RequiredKey(), hugo, ssg="hugo")[1] == []  # case-insensitive, date alias
    assert len(run(RequiredKey(), hugo, "source/_posts/x.md", ssg="hexo")[1]) == 2
    jekyll = "---\ntitle: T\n---\n"
    assert run(RequiredKey(), jekyll, "_posts/2014-10-21-x.md", ssg="jekyll")[1] == []
    assert run(RequiredKey(), jekyll, "_drafts/x.md", ssg="jekyll")[1] == []
    assert len(run(RequiredKey(), jekyll, "_posts/x.md", ssg="jekyll")[1]) == 1
    zola = '+++\ntitle = "T"\n+++\n'
    assert run(RequiredKey(), zola, "content/2024-05-18-x.md", ssg="zola")[1] == []


@pytest.mark.parametrize(
    ("ssg", "path"),
    [
        ("jekyll", "about.md"),
        ("jekyll", "events/index.md"),
        ("hexo", "source/about/index.md"),
        ("hugo", "content/about.md"),
        ("hugo", "content/about/index.md"),
        ("zola", "content/contact.md"),
        (None, "content/about.md"),
        ("hugo", "content/posts/page-with-layout.md"),
    ],
)
def test_pages_need_a_title_but_no_date(ssg: str | None, path: str) -> None:
    source = "---\ntitle: About us\nlayout: page\n---\n" if "layout" in path else "---\n---\n"
    _post, found = run(RequiredKey(), source, path, ssg=ssg)
    expected = [] if "layout" in path else ["missing required front matter key `title`"]
    assert [d.message for d in found] == expected


@pytest.mark.parametrize("ssg", ["hugo", "zola", None])
def test_section_pages_need_no_keys(ssg: str | None) -> None:
    source = '+++\nsort_by = "date"\npaginate_by = 5\n+++\n'
    assert run(RequiredKey(), source, "content/blog/_index.md", ssg=ssg)[1] == []


@pytest.mark.parametrize(
    ("ssg", "path"),
    [
        ("jekyll", "blog/_posts/meetup.md"),
        ("hexo", "source/_posts/Activity/meetup.md"),
        ("hugo", "content/posts/meetup.md"),
        ("hugo", "content/posts/meetup/index.md"),
        ("zola", "content/blog/meetup.md"),
    ],
)
def test_posts_in_post_folders_and_sections_still_need_a_date(ssg: str, path: str) -> None:
    _post, found = run(RequiredKey(), "---\ntitle: Meetup\n---\n", path, ssg=ssg)
    assert [d.message for d in found] == ["missing required front matter key `date`"]


def test_required_keys_are_configurable_and_empty_values_count_as_missing() -> None:
    _post, found = run(
        RequiredKey(),
        "---\ntitle: T\ndate: 2024-05-18\nauthor: ''\n---\n",
        required_keys=("author",),
    )
    assert [(d.line, d.message) for d in found] == [
        (3, "required front matter key `author` is empty")
    ]


def test_no_required_key_findings_when_the_front_matter_is_broken() -> None:
    assert run(RequiredKey(), "---\ntitle: [\n---\n")[1] == []


@pytest.mark.parametrize(
    ("key", "suggestion"), [("tittle", "title"), ("data", "date"), ("tag", "tags")]
)
def test_likely_typos_get_a_did_you_mean(key: str, suggestion: str) -> None:
    _post, found = run(UnknownKey(), f"---\ntitle: T\n{key}: x\n---\n", ssg="hugo")
    assert [(d.line, d.message) for d in found] == [
        (2, f"unknown key `{key}`; did you mean `{suggestion}`?")
    ]


def test_custom_keys_are_left_alone_unless_strict() -> None:
    source = "---\ntitle: T\naddress: Shanghai\nhero: x.png\nlinks:\n  agenda: https://e.org\n---\n"
    assert run(UnknownKey(), source, ssg="hexo")[1] == []  # `links` is no typo of Hexo's `link`
    strict = run(UnknownKey(), source, ssg="hexo", strict_keys=True)[1]
    assert [d.line for d in strict] == [2, 3, 4]
    assert (
        run(
            UnknownKey(),
            source,
            ssg="hexo",
            strict_keys=True,
            extra_keys={"hero", "address", "links"},
        )[1]
        == []
    )


def test_case_variants_matter_only_where_the_ssg_is_case_sensitive() -> None:
    source = "---\nTitle: T\nAuthor: A\n---\n"
    assert run(UnknownKey(), source, ssg="hugo")[1] == []
    assert run(UnknownKey(), source)[1] == []  # unknown SSG: give the benefit of the doubt
    found = run(UnknownKey(), source, ssg="jekyll")[1]
    assert [d.message.split(":")[0] for d in found] == [
        "unknown key `Title`",
        "unknown key `Author`",
    ]


def test_zola_reports_every_unknown_top_level_key() -> None:
    source = '+++\ntitle = "T"\ntags = ["a"]\nhero = "x"\n[extra]\nhero = "x"\n+++\n'
    found = run(UnknownKey(), source, "content/x.md", ssg="zola")[1]
    assert [d.message for d in found] == [
        "unknown key `tags`: Zola reads it under `taxonomies`",
        "unknown key `hero`: Zola ignores it; put custom data under `extra`",
    ]


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
