"""What each generator module states, checked statement by statement (the behaviour behind each
statement is checked end to end elsewhere: tests/ssg/test_site.py, the rule tests, the goldens,
and the builds with the real hugo and jekyll)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recapkit.data.model import Event, Recap
from recapkit.post.types import FrontMatterFormat, ImageKind, ImageRef
from recapkit.ssg import hexo_names, jekyll, registry
from recapkit.ssg.base import Generator
from recapkit.ssg.kinds import filename_date
from recapkit.ssg.posts import parse_post, reading_of
from recapkit.ssg.site import read_site

CST = timezone(timedelta(hours=8))
ALL = registry.generators()


def _recap(**changes: object) -> Recap:
    values: dict[str, object] = {
        "title": "Go meetup",
        "date": datetime(2024, 5, 18, 14, 0, tzinfo=CST),
        "event": Event(name="Go meetup"),
        "tags": ("go", "meetup"),
        "categories": ("events", "go"),
        "cover": "/img/cover.jpg",
    }
    values.update(changes)
    return Recap(**values)  # type: ignore[arg-type]


def test_the_registry_lists_the_four_in_detection_order() -> None:
    assert registry.names() == ("hugo", "hexo", "jekyll", "zola")
    assert registry.labels() == "Hugo, Hexo, Jekyll or Zola"
    assert registry.get("HUGO") is registry.generators()[0]


def test_an_unknown_name_is_a_usage_error_naming_the_choices() -> None:
    with pytest.raises(Exception, match="choose one of hugo, hexo, jekyll, zola"):
        registry.get("gatsby")


@pytest.mark.parametrize("generator", ALL, ids=lambda g: g.name)
def test_every_generator_states_its_identity(generator: Generator) -> None:
    assert generator.name.islower() and generator.label
    assert generator.keys.known >= {"title", "date"}
    assert generator.front_matter_formats and generator.root_markers


@pytest.mark.parametrize("generator", ALL, ids=lambda g: g.name)
@given(st.text(alphabet="{}%<>#[] abc", max_size=30))
def test_disarm_is_idempotent(generator: Generator, text: str) -> None:
    """What no opener survives is checked with each generator's own syntax in the rendering
    tests; here: disarming disarmed text changes nothing (a macro's output passes twice)."""
    once = generator.disarm(text)
    assert generator.disarm(once) == once


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("hugo", "2024-05-18T14:00:00+08:00"),
        ("hexo", "2024-05-18 14:00:00"),
        ("jekyll", "2024-05-18 14:00:00 +0800"),
        ("zola", "2024-05-18T14:00:00+08:00"),
    ],
)
def test_each_writes_a_yaml_date_in_its_own_form(name: str, expected: str) -> None:
    value = datetime(2024, 5, 18, 14, 0, 0, 999, tzinfo=CST)
    assert str(registry.get(name).format_date(value, FrontMatterFormat.YAML)) == expected
    native = registry.get(name).format_date(value, FrontMatterFormat.TOML)
    assert native == value.replace(microsecond=0)


def test_only_jekyll_has_a_date_form_of_its_own_and_loose_readers_say_so() -> None:
    own = "2014-10-21 10:00:00 +0800"
    assert [g.name for g in ALL if g.accepts_date_text(own)] == ["jekyll"]
    assert {g.name for g in ALL if g.reads_loose_dates} == {"hexo", "jekyll"}


@pytest.mark.parametrize("name", ["hugo", "zola"])
def test_section_indexes_are_no_posts_where_the_generator_has_sections(name: str) -> None:
    assert registry.get(name).section_index_names == {"_index.md"}
    assert registry.get("jekyll").section_index_names == frozenset()


def test_front_matter_keys_after_title_and_date(tmp_path: Path) -> None:
    recap = _recap(draft=True, authors=("Ann",))
    assert registry.get("hugo").front_matter(recap, None) == {
        "draft": True,
        "authors": ("Ann",),
        "tags": ("go", "meetup"),
        "categories": ("events", "go"),
        "images": ["/img/cover.jpg"],
    }
    hexo_keys = registry.get("hexo").front_matter(recap, None)
    assert hexo_keys["categories"] == [["events"], ["go"]]  # siblings, not a hierarchy
    assert hexo_keys["cover"] == "/img/cover.jpg" and hexo_keys["published"] is False
    jekyll_keys = registry.get("jekyll").front_matter(recap, None)
    assert jekyll_keys["layout"] == "post" and jekyll_keys["image"] == "/img/cover.jpg"
    zola = registry.get("zola")
    arranged = zola.arrange_front_matter({"title": "t", **zola.front_matter(recap, None), "x": 1})
    assert arranged["taxonomies"] == {"tags": ("go", "meetup"), "categories": ("events", "go")}
    assert arranged["extra"] == {"authors": ("Ann",), "cover": "/img/cover.jpg", "x": 1}


def test_jekyll_uses_the_default_layout_of_a_blank_site(tmp_path: Path) -> None:
    (tmp_path / "_config.yml").write_text("title: x\n", encoding="utf-8")
    (tmp_path / "_layouts").mkdir()
    (tmp_path / "_layouts" / "default.html").write_text("{{ content }}", encoding="utf-8")
    assert jekyll.post_layout(read_site(tmp_path, "jekyll")) == "default"
    (tmp_path / "_config.yml").write_text("theme: minima\n", encoding="utf-8")
    assert jekyll.post_layout(read_site(tmp_path, "jekyll")) == "post"


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (None, "go-night.md"),
        (":year-:month-:day-:title.md", "2024-05-08-go-night.md"),
        (":year/:i_month/:i_day/:title", "2024/5/8/go-night.md"),
        (":title-:hash.md", "go-night.md"),  # a placeholder recapkit does not know: the default
    ],
)
def test_hexo_names_a_new_post_as_its_new_post_name_says(
    pattern: str | None, expected: str
) -> None:
    config = {} if pattern is None else {"new_post_name": pattern}
    assert hexo_names.post_name(config, "go-night", date(2024, 5, 8)) == expected


@pytest.mark.parametrize(
    ("name", "config", "expected"),
    [
        ("hugo", "", "content/posts/go-night/index.md"),
        ("hexo", "post_asset_folder: true\n", "source/_posts/go-night.md"),
        ("jekyll", "", "_posts/2024-05-08-go-night.md"),
        ("zola", 'base_url = "https://x.org"\n', "content/blog/go-night.md"),
    ],
)
def test_each_places_a_new_post_where_it_reads_one(
    tmp_path: Path, name: str, config: str, expected: str
) -> None:
    generator = registry.get(name)
    config_file = generator.config_files(tmp_path)[0]
    config_file.parent.mkdir(parents=True, exist_ok=True)
    config_file.write_text(config, encoding="utf-8")
    site = read_site(tmp_path, generator)
    target = generator.post_target(site, "go-night", date(2024, 5, 8), None)
    assert target.path.relative_to(site.root).as_posix() == expected
    if name == "hexo":  # post_asset_folder: a folder of the post's name for its images
        assert target.asset_dir == target.path.with_suffix("")


def test_relative_images_resolve_in_the_generators_folders(tmp_path: Path) -> None:
    post = tmp_path / "content" / "posts" / "x.md"
    markdown = ImageRef("a.png", "a", ImageKind.MARKDOWN, 0, 0, 0, 1)
    asset_tag = ImageRef("a.png", "a", ImageKind.HEXO_TAG, 0, 0, 0, 1)
    hugo = registry.get("hugo")
    assert hugo.relative_image_bases(None, post, markdown) == [post.parent, post.with_suffix("")]
    bundle = tmp_path / "content" / "posts" / "x" / "index.md"
    assert hugo.relative_image_bases(None, bundle, markdown) == [bundle.parent]
    assert registry.image_resolver(None, asset_tag) is registry.get("hexo")
    assert registry.get("hexo").relative_image_bases(None, post, asset_tag)[0] == post.with_suffix(
        ""
    )


def test_jekyll_strips_its_url_templates_and_only_jekyll_does() -> None:
    src = "{{ site.baseurl }}/img/a.png"
    assert registry.get("jekyll").strip_url_templates(src) == "/img/a.png"
    assert registry.get("jekyll").strip_url_templates('{{ "/x.png" | relative_url }}') == "/x.png"
    assert registry.get("hugo").strip_url_templates(src) == src


def test_each_generator_states_only_the_image_keys_it_defines() -> None:
    own = {g.name: g.image_keys for g in ALL}
    assert own == {"hugo": ("images",), "hexo": ("photos",), "jekyll": ("image",), "zola": ()}
    # A post is still read with the themes' keys too (alt text, hosts), whatever the site.
    assert set(reading_of(None)[1]) == {"images", "photos", "image", "cover", "featured_image"}


def test_the_generic_reading_reads_every_generator_and_judges_for_none() -> None:
    generic = registry.generic()
    assert generic.keys.known == frozenset()  # no vocabulary: no "did you mean" from another's
    assert generic.name_date(parse_post("---\n---\n", "Meeting/2020-04-13.md"), None) is None
    assert not generic.keys.case_sensitive and generic.keys.date_from_filename
    assert set(generic.image_keys) == {k for g in ALL for k in g.image_keys}
    assert set(generic.theme_image_keys) == {k for g in ALL for k in g.theme_image_keys}
    assert registry.reading(None) is generic
    with pytest.raises(Exception, match="pass --ssg"):
        generic.disarm("{{ x }}")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("_posts/2019-08-20-devfest.md", date(2019, 8, 20)),
        ("content/2018-02-13-x/index.md", date(2018, 2, 13)),
        ("2024-4-9_notes.md", date(2024, 4, 9)),
        ("2024-02-30-impossible.md", None),
        ("about.md", None),
    ],
)
def test_dates_in_file_names(name: str, expected: date | None) -> None:
    assert filename_date(name) == expected
