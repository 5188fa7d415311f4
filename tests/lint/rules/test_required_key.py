"""RK103 required-key: the date each generator needs where it needs it, and the keys a site's
owner requires, on real site folders (their config and sections decide)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recapkit.config import Config, read_table
from recapkit.errors import ConfigError
from recapkit.lint.rules import LintContext, LintSettings, RequiredKey
from recapkit.lint.rules.settings import RequiredKeys
from recapkit.ssg.base import Site
from recapkit.ssg.hexo_names import post_name
from recapkit.ssg.posts import load_post
from recapkit.ssg.site import find_site
from tests.files import write_files
from tests.lint.rules.helpers import run

UNTITLED = "---\ntags: [go]\n---\nbody\n"
DATED = "---\ndate: 2024-05-18\n---\nbody\n"


def findings(
    root: Path, name: str, required: RequiredKeys | None = None, ssg: str | None = None
) -> list[str]:
    """RK103's messages for the file *name* of the site at *root*, as detected."""
    path = root / name
    site: Site | None = find_site(path)
    settings = LintSettings(ssg=ssg, required_keys=required or RequiredKeys())
    context = LintContext(site=site, settings=settings)
    return [d.message for d in RequiredKey().check(load_post(path, site=site), context)]


# --- Hugo -----------------------------------------------------------------------------------


@pytest.fixture
def hugo(tmp_path: Path) -> Path:
    write_files(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://example.org/"\n',
            "content/posts/a.md": DATED,
            "content/posts/b.md": DATED,
            "content/posts/c/index.md": DATED,
            "content/books/dune.md": "---\ntitle: Dune\nrating: 5\n---\n",
        },
    )
    return tmp_path


def test_hugo_needs_a_date_in_its_main_section_only(hugo: Path) -> None:
    write_files(hugo, {"content/posts/untitled.md": UNTITLED})
    assert findings(hugo, "content/posts/untitled.md") == [
        "no date: Hugo dates the page 0001-01-01 (the zero time), so lists of `posts`, a main "
        "section, sort it last and show that date"
    ]
    assert findings(hugo, "content/books/dune.md") == []  # not a main section: an entry


def test_hugo_main_sections_come_from_the_config(hugo: Path) -> None:
    (hugo / "hugo.toml").write_text('baseURL = "/"\n[params]\nmainSections = ["books"]\n')
    write_files(hugo, {"content/posts/untitled.md": UNTITLED})
    assert findings(hugo, "content/posts/untitled.md") == []
    assert len(findings(hugo, "content/books/dune.md")) == 1


@pytest.mark.parametrize(
    ("name", "front_matter", "listed_undated"),
    [
        ("x.md", "PublishDate: 2024-05-18", False),  # keys are case-insensitive
        ("x.md", "lastmod: 2024-05-18", False),  # in the default [frontmatter] date list
        ("x.md", "draft: true", False),
        ("x.md", "_build:\n  list: never", False),
        ("x.md", "build:\n  list: never", False),  # the key's name from Hugo 0.123 on
        ("x.md", "redirect: /blog/elsewhere/", False),
        ("x/index.md", "headless: true", False),  # a headless leaf bundle is no page
        # What Hugo 0.111 still lists, dated 0001-01-01 (tests/ssg/test_kinds_real.py):
        ("x.md", "headless: true", True),  # headless means something on index.md only
        ("x.md", "_build:\n  render: never", True),  # not rendered, but listed
        ("x.md", "layout: archives", True),  # a layout changes the look, not the lists
        ("x.md", "type: search", True),
    ],
)
def test_hugo_needs_a_date_on_what_it_lists(
    hugo: Path, name: str, front_matter: str, listed_undated: bool
) -> None:
    write_files(hugo, {f"content/posts/{name}": f"---\n{front_matter}\n---\n"})
    assert bool(findings(hugo, f"content/posts/{name}")) is listed_undated


@pytest.mark.parametrize(
    ("frontmatter", "git", "dated"),
    [
        ('date = [":filename", ":default"]', False, True),
        ('date = [":fileModTime"]', False, True),
        ('date = [":git", "date"]', True, True),
        ('date = [":git", "date"]', False, False),  # :git dates nothing without enableGitInfo
        ('date = ["pubDate"]', False, False),  # a custom list replaces the defaults
    ],
)
def test_hugo_reads_dates_where_the_site_config_says(
    hugo: Path, frontmatter: str, git: bool, dated: bool
) -> None:
    git_line = "enableGitInfo = true\n" if git else ""
    (hugo / "hugo.toml").write_text(f'baseURL = "/"\n{git_line}[frontmatter]\n{frontmatter}\n')
    write_files(hugo, {"content/posts/2024-05-18-meetup.md": "---\nlastmod: 2024-05-19\n---\n"})
    found = findings(hugo, "content/posts/2024-05-18-meetup.md")
    assert (found == []) is dated


@pytest.mark.parametrize(
    "name", ["content/about.md", "content/about/index.md", "content/posts/_index.md"]
)
def test_hugo_top_level_pages_and_sections_need_nothing(hugo: Path, name: str) -> None:
    write_files(hugo, {name: UNTITLED})
    assert findings(hugo, name) == []


# --- Jekyll ---------------------------------------------------------------------------------


@pytest.fixture
def jekyll(tmp_path: Path) -> Path:
    write_files(tmp_path, {"_config.yml": "title: Site\n", "_posts/2024-05-18-a.md": UNTITLED})
    return tmp_path


@pytest.mark.parametrize("name", ["_posts/meetup.md", "_posts/2024-05-18.md"])
def test_jekyll_skips_a_post_whose_name_has_no_date_whatever_its_date_key(
    jekyll: Path, name: str
) -> None:
    write_files(jekyll, {name: DATED})
    assert findings(jekyll, name) == [
        "no date in the file name, so Jekyll skips the post: a file in `_posts` is published "
        "only when its name starts with one (`YYYY-MM-DD-title.md`), whatever its `date` key says"
    ]


@pytest.mark.parametrize(
    ("name", "front_matter"),
    [
        ("_posts/2024-05-18-a.md", ""),  # the name dates it and titles it
        ("events/_posts/2024-5-8-meetup.markdown", ""),  # a category folder, one-digit parts
        ("_drafts/meetup.md", ""),
        ("_posts/meetup.md", "published: false"),
        ("about.md", ""),
        ("events/index.md", "layout: default"),
    ],
)
def test_jekyll_posts_named_by_date_drafts_and_pages_need_nothing(
    jekyll: Path, name: str, front_matter: str
) -> None:
    write_files(jekyll, {name: f"---\n{front_matter}\n---\n"})
    assert findings(jekyll, name) == []


def test_a_page_layout_does_not_make_a_jekyll_post_a_page(jekyll: Path) -> None:
    write_files(jekyll, {"_posts/meetup.md": "---\nlayout: page\n---\n"})
    assert len(findings(jekyll, "_posts/meetup.md")) == 1


# --- Hexo -----------------------------------------------------------------------------------


@pytest.fixture
def hexo(tmp_path: Path) -> Path:
    write_files(tmp_path, {"_config.yml": "title: Site\n", "source/_posts/a.md": DATED})
    return tmp_path


def test_hexo_dates_an_undated_post_by_its_file_time(hexo: Path) -> None:
    write_files(hexo, {"source/_posts/meetup.md": "---\ntitle: Meetup\nlayout: page\n---\n"})
    assert findings(hexo, "source/_posts/meetup.md") == [
        "no date: Hexo dates the post by the file's creation time on the machine that builds, "
        "which changes with every clone"
    ]


@pytest.mark.parametrize(
    ("pattern", "name", "dated"),
    [
        (":year-:month-:day-:title.md", "2024-05-18-meetup.md", True),
        (":year/:i_month/:i_day/:title.md", "2024/5/8/meetup.md", True),
        (":year-:month-:day-:title.md", "meetup.md", False),
        (":title.md", "2024-05-18-meetup.md", False),  # the default names carry no date
        (":year-:title.md", "2024-meetup.md", False),  # a year alone dates nothing
    ],
)
def test_hexo_reads_a_date_from_names_new_post_name_dates(
    hexo: Path, pattern: str, name: str, dated: bool
) -> None:
    (hexo / "_config.yml").write_text(f"title: Site\nnew_post_name: '{pattern}'\n")
    write_files(hexo, {f"source/_posts/{name}": "---\ntitle: T\n---\n"})
    assert (findings(hexo, f"source/_posts/{name}") == []) is dated


@given(
    slug=st.from_regex(r"[a-z][a-z0-9-]{0,20}", fullmatch=True),
    day=st.dates(date(1971, 1, 1), date(2099, 12, 31)),
    pattern=st.sampled_from(
        [
            ":year-:month-:day-:title.md",
            ":year/:month/:title.md",
            ":year/:i_month/:i_day/:title.md",
            ":title.md",
            ":i_day.:i_month.:year-:title.md",
        ]
    ),
)
def test_a_post_recapkit_names_for_hexo_is_dated_by_its_name_exactly_when_the_pattern_has_a_day(
    tmp_path_factory: pytest.TempPathFactory, slug: str, day: date, pattern: str
) -> None:
    root = tmp_path_factory.mktemp("hexo")
    name = post_name({"new_post_name": pattern}, slug, day)
    write_files(
        root,
        {"_config.yml": f"new_post_name: '{pattern}'\n", f"source/_posts/{name}": "---\n---\n"},
    )
    has_day = ":day" in pattern or ":i_day" in pattern
    assert (findings(root, f"source/_posts/{name}") == []) is has_day


@pytest.mark.parametrize("name", ["source/_drafts/x.md", "source/about/index.md"])
def test_hexo_drafts_and_pages_need_nothing(hexo: Path, name: str) -> None:
    write_files(hexo, {name: UNTITLED})
    assert findings(hexo, name) == []


# --- Zola -----------------------------------------------------------------------------------


@pytest.fixture
def zola(tmp_path: Path) -> Path:
    write_files(
        tmp_path,
        {
            "config.toml": 'base_url = "https://example.org"\n',
            "content/blog/_index.md": '+++\ntitle = "Blog"\nsort_by = "date"\n+++\n',
            "content/notes/_index.md": '+++\nsort_by = "weight"\n+++\n',
        },
    )
    return tmp_path


@pytest.mark.parametrize("name", ["content/blog/meetup.md", "content/blog/meetup/index.md"])
def test_zola_leaves_undated_pages_out_of_a_date_sorted_section(zola: Path, name: str) -> None:
    write_files(zola, {name: '+++\ntitle = "Meetup"\n+++\n'})
    assert findings(zola, name) == [
        "no date: Zola leaves the page out of its section's list (`blog/_index.md` sorts by date)"
    ]


@pytest.mark.parametrize(
    "name",
    [
        "content/blog/2024-05-18-meetup.md",  # the file name dates it
        "content/blog/2024-05-18_meetup.md",
        "content/notes/idea.md",  # sorted by weight
        "content/orphans/idea.md",  # no _index.md: no section lists it
    ],
)
def test_zola_pages_dated_by_name_or_in_other_sections_need_nothing(zola: Path, name: str) -> None:
    write_files(zola, {name: '+++\ntitle = "Idea"\n+++\n'})
    assert findings(zola, name) == []


# --- no generator ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["posts/meetup.md", "_posts/meetup.md", "content/x/y.md"])
def test_without_a_generator_nothing_is_required(tmp_path: Path, name: str) -> None:
    write_files(tmp_path, {name: UNTITLED})
    assert findings(tmp_path, name) == []


# --- required-keys ----------------------------------------------------------------------------


def test_required_keys_as_a_list_apply_to_posts_not_pages(hugo: Path) -> None:
    wanted = RequiredKeys(everywhere=("title", "author"), root=hugo)
    write_files(hugo, {"content/posts/x.md": "---\ndate: 2024-05-18\nauthor: ''\n---\n"})
    assert findings(hugo, "content/posts/x.md", wanted) == [
        "missing required front matter key `title`",
        "required front matter key `author` is empty",
    ]
    write_files(hugo, {"content/about.md": UNTITLED})
    assert findings(hugo, "content/about.md", wanted) == []


def test_required_keys_per_glob_apply_to_every_file_they_match(hugo: Path) -> None:
    wanted = RequiredKeys(
        by_glob=(("content/books/**", ("rating", "date")), ("*.md", ("title",))), root=hugo
    )
    assert findings(hugo, "content/books/dune.md", wanted) == [
        "missing required front matter key `date`"
    ]
    write_files(hugo, {"content/about.md": UNTITLED})
    assert findings(hugo, "content/about.md", wanted) == [
        "missing required front matter key `title`"
    ]


def test_a_required_date_is_satisfied_the_way_the_generator_dates(zola: Path) -> None:
    wanted = RequiredKeys(everywhere=("date",), root=zola)
    write_files(zola, {"content/notes/2024-05-18-idea.md": '+++\ntitle = "Idea"\n+++\n'})
    assert findings(zola, "content/notes/2024-05-18-idea.md", wanted) == []
    write_files(zola, {"content/notes/idea.md": '+++\ntitle = "Idea"\n+++\n'})
    assert findings(zola, "content/notes/idea.md", wanted) == [
        "missing required front matter key `date`"
    ]


def test_the_finding_points_at_the_empty_key_or_the_front_matter() -> None:
    settings = {"required_keys": RequiredKeys(everywhere=("title", "author"))}
    _post, found = run(RequiredKey(), "---\ntitle: T\nauthor: ''\n---\n", **settings)
    assert [(d.line, d.column, d.message) for d in found] == [
        (2, 0, "required front matter key `author` is empty")  # 0-based: line 3
    ]
    _post, found = run(RequiredKey(), "---\ntags: [a]\n---\n", **settings)
    assert [(d.line, d.column) for d in found] == [(0, 0), (0, 0)]


def test_required_keys_read_a_list_or_a_table_of_globs(tmp_path: Path) -> None:
    config = read_table(Config, {"required-keys": ["title"]}, where="recapkit.toml")
    assert config.required_keys == ("title",)
    table = {"required-keys": {"content/posts/**": ["title", "date"]}}
    assert read_table(Config, table, where="recapkit.toml").required_keys == {
        "content/posts/**": ("title", "date")
    }
    with pytest.raises(ConfigError, match=r"required-keys\.content/\*\*: expected a list"):
        read_table(Config, {"required-keys": {"content/**": 3}}, where="recapkit.toml")


def test_no_required_key_findings_when_the_front_matter_is_broken() -> None:
    assert run(RequiredKey(), "---\ntitle: [\n---\n", ssg="hexo")[1] == []


def test_hexo_and_jekyll_have_no_draft_key(hexo: Path, jekyll: Path) -> None:
    """Real Hexo 8 publishes `draft: true` (dated by file time); `published: false` is its draft."""
    write_files(hexo, {"source/_posts/a.md": "---\ndraft: true\n---\n"})
    assert len(findings(hexo, "source/_posts/a.md")) == 1
    write_files(hexo, {"source/_posts/b.md": "---\npublished: false\n---\n"})
    assert findings(hexo, "source/_posts/b.md") == []
    write_files(jekyll, {"_posts/c.md": "---\ndraft: true\n---\n"})
    assert len(findings(jekyll, "_posts/c.md")) == 1


def test_required_keys_apply_to_a_file_without_front_matter(hugo: Path) -> None:
    write_files(hugo, {"content/books/no-block.md": "# Dune\n"})
    wanted = RequiredKeys(everywhere=("title",), root=hugo)
    assert findings(hugo, "content/books/no-block.md", wanted) == [
        "missing required front matter key `title`"
    ]


@pytest.mark.parametrize(
    ("ssg_files", "name", "count"),
    [
        (
            {"hugo.toml": "", "content/posts/a.md": DATED, "content/posts/b.md": DATED},
            "content/posts/x.md",
            1,
        ),
        ({"_config.yml": "title: S\n"}, "_posts/x.md", 1),
        ({"_config.yml": "title: S\n", "source/_posts/a.md": DATED}, "source/_posts/x.md", 1),
        (
            {
                "config.toml": 'base_url = "/"\n',
                "content/blog/_index.md": '+++\nsort_by = "date"\n+++\n',
            },
            "content/blog/x.md",
            1,
        ),
    ],
)
def test_the_command_line_finds_it_from_the_site_folder_with_relative_paths(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    ssg_files: dict[str, str],
    name: str,
    count: int,
) -> None:
    """As pre-commit runs it: from the site's folder, relative paths, and the whole site."""
    from recapkit.cli import main

    write_files(tmp_path, {**ssg_files, name: "---\ntitle: Untitled date\n---\n"})
    monkeypatch.chdir(tmp_path)
    for args in ([name], ["."], []):
        main(["lint", "--isolated", "--no-cache", "--select", "RK103", *args])
        assert capsys.readouterr().out.count(f"{name}:1:1: RK103") == count, args
