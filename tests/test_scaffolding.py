from __future__ import annotations

import os
import stat
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recapkit.data.drafts import event_name
from recapkit.errors import UsageError
from recapkit.scaffolding import (
    OutsideSiteError,
    PostExistsError,
    existing,
    make_slug,
    post_target,
    write_post,
    write_text_atomic,
)
from recapkit.ssg.site import read_site

DAY = date(2024, 5, 18)


@pytest.mark.parametrize(
    ("title", "unicode", "slug"),
    [
        ("GopherChina 2024 Recap", False, "gopherchina-2024-recap"),
        ("Go 夜读第 100 期回顾", False, "go-ye-du-di-100-qi-hui-gu"),
        ("Go 夜读第 100 期回顾", True, "go-夜读第-100-期回顾"),
        ("../../etc/x", False, "etc-x"),
        ("..", False, "recap"),
        ("!!!", True, "recap"),
        ("C:\\Windows\\system32", False, "c-windows-system32"),
    ],
)
def test_slugs(title: str, unicode: bool, slug: str) -> None:
    assert make_slug(title, unicode=unicode) == slug


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("重庆 Gopher 聚会", "chong-qing-gopher-ju-hui"),
        ("银行系统的 Go 实践", "yin-hang-xi-tong-de-go-shi-jian"),
        ("调度器：重新思考", "diao-du-qi-chong-xin-si-kao"),
    ],
)
def test_chinese_words_are_read_as_words(title: str, slug: str) -> None:
    assert make_slug(title) == slug


@settings(max_examples=100, deadline=None)
@given(st.text(), st.booleans())
def test_any_title_gives_one_safe_path_segment(title: str, unicode: bool) -> None:
    slug = make_slug(title, unicode=unicode)
    assert slug and slug not in (".", "..")
    assert not set(slug) & set('/\\:.?#%*"<>| \t\n\x00')
    assert len(slug) <= 80 and len(slug.encode("utf-8")) <= 200


def site(tmp_path: Path, ssg: str, config: str = "") -> Path:
    layouts = {
        "hugo": ("hugo.toml", 'baseURL = "https://x.example/"\n', "content"),
        "hexo": ("_config.yml", "title: x\n", "source/_posts"),
        "jekyll": ("_config.yml", "title: x\n", "_posts"),
        "zola": ("config.toml", 'base_url = "https://z.example"\n', "content"),
    }
    name, text, folder = layouts[ssg]
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / name).write_text(text + config, encoding="utf-8")
    (tmp_path / folder).mkdir(parents=True)
    return tmp_path


@pytest.mark.parametrize(
    ("ssg", "path", "assets"),
    [
        ("hugo", "content/posts/meetup/index.md", "content/posts/meetup/images"),
        ("hexo", "source/_posts/meetup.md", None),
        ("jekyll", "_posts/2024-05-18-meetup.md", None),
        ("zola", "content/blog/meetup.md", None),
    ],
)
def test_default_paths(tmp_path: Path, ssg: str, path: str, assets: str | None) -> None:
    target = post_target(read_site(site(tmp_path, ssg), ssg), "meetup", DAY)
    assert target.path == tmp_path.resolve() / path
    assert target.asset_dir == (tmp_path.resolve() / assets if assets else None)


def test_hexo_asset_folder_and_sections(tmp_path: Path) -> None:
    hexo = read_site(site(tmp_path, "hexo", "post_asset_folder: true\n"), "hexo")
    target = post_target(hexo, "meetup", DAY, section="Activity/Salon")
    root = tmp_path.resolve()
    assert target.path == root / "source/_posts/Activity/Salon/meetup.md"
    assert target.asset_dir == root / "source/_posts/Activity/Salon/meetup"


def test_jekyll_section_and_datetime(tmp_path: Path) -> None:
    jekyll = read_site(site(tmp_path, "jekyll"), "jekyll")
    late = datetime(2024, 5, 18, 23, 30, tzinfo=timezone(timedelta(hours=8)))
    target = post_target(jekyll, "x", late, section="events")
    assert target.path == tmp_path.resolve() / "events/_posts/2024-05-18-x.md"


@pytest.mark.parametrize("section", ["../x", "/etc", "a/../../b", "C:/x", "..\\x"])
def test_sections_cannot_leave_the_site(tmp_path: Path, section: str) -> None:
    hugo = read_site(site(tmp_path, "hugo"), "hugo")
    with pytest.raises(UsageError, match="section must be a folder inside the site"):
        post_target(hugo, "x", DAY, section=section)


def test_a_symlink_out_of_the_site_is_refused(tmp_path: Path) -> None:
    root = site(tmp_path / "site", "zola")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (root / "content" / "blog").symlink_to(outside)
    with pytest.raises(OutsideSiteError, match="outside the site"):
        post_target(read_site(root, "zola"), "x", DAY)


def test_write_post_refuses_to_overwrite(tmp_path: Path) -> None:
    hugo = read_site(site(tmp_path, "hugo"), "hugo")
    target = post_target(hugo, "x", DAY)
    write_post(target, "first\n")
    assert target.path.read_text(encoding="utf-8") == "first\n"
    assert target.asset_dir is not None and target.asset_dir.is_dir()
    with pytest.raises(PostExistsError, match="file exists; use --force to replace it"):
        write_post(target, "second\n")
    assert target.path.read_text(encoding="utf-8") == "first\n"
    write_post(target, "second\n", force=True)
    assert target.path.read_text(encoding="utf-8") == "second\n"


def test_hugo_single_file_post_with_the_same_slug_blocks(tmp_path: Path) -> None:
    hugo = read_site(site(tmp_path, "hugo"), "hugo")
    (tmp_path / "content/posts").mkdir()
    (tmp_path / "content/posts/x.md").write_text("mine\n", encoding="utf-8")
    target = post_target(hugo, "x", DAY)
    assert existing(target) == tmp_path.resolve() / "content/posts/x.md"
    with pytest.raises(PostExistsError):
        write_post(target, "new\n")


def test_atomic_write_modes_and_no_leftovers(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    old = os.umask(0o027)
    try:
        write_text_atomic(path, "x\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    path.chmod(0o600)
    write_text_atomic(path, "y\r\n", overwrite=True)
    assert path.read_bytes() == b"y\r\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]


def test_a_dangling_symlink_counts_as_existing(tmp_path: Path) -> None:
    zola = read_site(site(tmp_path, "zola"), "zola")
    target = post_target(zola, "x", DAY)
    target.path.parent.mkdir(parents=True)
    target.path.symlink_to(tmp_path / "content" / "missing.md")
    with pytest.raises(PostExistsError):
        write_post(target, "new\n")


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("Gopher Meetup 杭州站回顾", "Gopher Meetup 杭州站"),
        ("GopherChina 2024 recap", "GopherChina 2024"),
        ("KubeCon 2024 总结！", "KubeCon 2024"),
        ("PyCon: Day 1 – Notes", "PyCon: Day 1"),
        ("Rust meetup", "Rust meetup"),
        ("回顾", "回顾"),  # nothing else left: the title itself
    ],
)
def test_a_skeleton_names_the_event_without_the_recap_word(title: str, name: str) -> None:
    assert event_name(title) == name


def test_a_unicode_slug_is_capped_in_bytes_at_a_character_boundary() -> None:
    slug = make_slug("杭州站回顾" * 30, unicode=True)
    assert len(slug.encode("utf-8")) <= 200
    assert slug == ("杭州站回顾" * 14)[:66]  # 198 bytes: whole characters, no broken byte


def test_a_byte_capped_slug_ends_at_a_hyphen_when_one_is_near() -> None:
    slug = make_slug(" ".join(["回顾回顾回顾"] * 20), unicode=True)  # words of 18 bytes
    assert len(slug.encode("utf-8")) <= 200
    assert slug.split("-") == ["回顾回顾回顾"] * len(slug.split("-"))  # whole words only


def test_a_new_post_is_dated_now_in_the_sites_zone(tmp_path: Path) -> None:
    """`new` on a UTC CI runner still writes the site's local time (Hugo's `timeZone`)."""
    from recapkit.scaffolding import scaffold

    root = site(tmp_path, "hugo", 'timeZone = "Asia/Shanghai"\n')
    text = scaffold("Go night", site=root).read_text(encoding="utf-8")
    written = datetime.fromisoformat(text.split("date: ", 1)[1].split("\n", 1)[0])
    assert written.utcoffset() == timedelta(hours=8)
    assert abs(written - datetime.now(UTC)) < timedelta(minutes=5)


def test_hexo_gets_a_date_it_publishes_on_the_day_meant(tmp_path: Path) -> None:
    """A date-only recap in a Hexo site east of UTC: `2025-02-07` would be published under
    2025/02/06 from a UTC machine, noon of the day is not (tests/ssg/test_dates_real.py)."""
    from recapkit.data.files import load_recap
    from recapkit.scaffolding import scaffold
    from tests.paths import EXAMPLES

    recap = load_recap(EXAMPLES / "rust-night-berlin-2025.json")
    root = site(tmp_path, "hexo", "timezone: Asia/Shanghai\n")
    text = scaffold(recap=recap, site=root).read_text(encoding="utf-8")
    assert "\ndate: 2025-02-07 12:00:00\n" in text
    plain = site(tmp_path / "utc", "hexo")
    assert "\ndate: 2025-02-07\n" in scaffold(recap=recap, site=plain).read_text(encoding="utf-8")
