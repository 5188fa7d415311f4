"""RK101 missing-front-matter: reported where the site's generator publishes such a file wrongly."""

from __future__ import annotations

from pathlib import Path

import pytest

from recapkit.lint.rules import LintContext, MissingFrontMatter
from recapkit.ssg.posts import load_post
from recapkit.ssg.site import find_site
from tests.files import write, write_files
from tests.lint.rules.helpers import run

HIDDEN = "\n---\ntitle: T\n---\n"  # a blank line hides the block


def messages(root: Path, name: str, text: str = HIDDEN) -> list[str]:
    path = write(root / name, text)
    site = find_site(path)
    found = MissingFrontMatter().check(load_post(path, site=site), LintContext(site=site))
    return [d.message for d in found]


def test_zola_stops_the_build_for_pages_and_sections(tmp_path: Path) -> None:
    write_files(tmp_path, {"config.toml": 'base_url = "/"\n'})
    assert messages(tmp_path, "content/blog/y.md") == []  # Zola skips blank lines before +++
    assert messages(tmp_path, "README.md", "# Site\n") == []  # no content: Zola never reads it
    for name in ("content/blog/x.md", "content/blog/_index.md"):
        assert messages(tmp_path, name, "# Title\n") == [
            'no front matter: Zola stops the build ("Couldn\'t find front matter"); even an '
            "empty `+++` block will do"
        ]


def test_hugo_reports_it_where_the_zero_date_shows(tmp_path: Path) -> None:
    dated = "---\ndate: 2024-05-18\n---\n"
    write_files(
        tmp_path, {"hugo.toml": "", "content/posts/a.md": dated, "content/posts/b.md": dated}
    )
    assert messages(tmp_path, "content/posts/x.md") == [
        "no front matter: Hugo publishes the page untitled and dated 0001-01-01"
    ]
    assert messages(tmp_path, "content/about.md") == []  # a page: rendered as it is
    assert messages(tmp_path, "content/posts/_index.md", "Section text\n") == []


def test_hexo_dates_a_post_without_one_by_its_file_time(tmp_path: Path) -> None:
    write_files(tmp_path, {"_config.yml": "title: S\n", "source/_posts/a.md": "---\n---\n"})
    assert len(messages(tmp_path, "source/_posts/x.md")) == 1
    assert messages(tmp_path, "source/about/index.md") == []


@pytest.mark.parametrize("name", ["_posts/2024-05-18-x.md", "about.md"])
def test_jekyll_publishes_files_without_one(tmp_path: Path, name: str) -> None:
    """Checked with Jekyll 4.3.1: `_posts/2020-05-08-x.md` without a block is a post."""
    write_files(tmp_path, {"_config.yml": "title: S\n"})
    assert messages(tmp_path, name) == []


def test_without_a_generator_markdown_needs_no_front_matter(tmp_path: Path) -> None:
    assert messages(tmp_path, "notes/README.md", "# Notes\n") == []


def test_an_unreadable_post_is_rk100s_business() -> None:
    assert run(MissingFrontMatter(), b"", ssg="zola")[1] == []
