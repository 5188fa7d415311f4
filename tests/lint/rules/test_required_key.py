"""RK103 required-key: which keys each SSG needs on posts, pages and section pages."""

from __future__ import annotations

import pytest

from recapkit.lint.rules import RequiredKey
from tests.lint.rules.helpers import run


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
