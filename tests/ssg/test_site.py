"""Site detection and image resolution on small sites laid out like real Hugo/Hexo/Jekyll/Zola ones."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from recapkit.post.types import ImageKind, ImageRef
from recapkit.ssg import (
    Site,
    SiteDetectionError,
    detect_site,
    filename_date,
    read_site,
    resolve_image,
)
from recapkit.ssg.hexo import asset_folders
from recapkit.ssg.posts import load_post

SITES = Path(__file__).parent / "fixtures" / "sites"


def _ref(src: str, kind: ImageKind = ImageKind.MARKDOWN) -> ImageRef:
    return ImageRef(src, "alt", kind, 0, 0, 0, 1)


def _resolve_all(site: Site | None, post: Path) -> list[Path | None]:
    return [resolve_image(site, post, ref).found for ref in load_post(post).images]


# --- detection ---------------------------------------------------------------------------


def test_detect_hugo_from_a_post_deep_inside() -> None:
    site = detect_site(SITES / "hugo" / "content" / "posts" / "meetup.md")
    assert site is not None
    root = (SITES / "hugo").resolve()
    assert (site.root, site.name, site.config_file) == (root, "hugo", root / "hugo.toml")
    assert site.content_dirs == (root / "content",)
    assert site.static_dirs[:2] == (root / "static", root / "themes" / "paper" / "static")
    assert site.baseurl == "/blog"


def test_detect_hexo_reads_post_asset_folder() -> None:
    site = detect_site(SITES / "hexo" / "source" / "_posts")
    assert site is not None and site.name == "hexo" and asset_folders(site)
    root = (SITES / "hexo").resolve()
    assert site.content_dirs[0] == root / "source" / "_posts"
    assert site.static_dirs[0] == root / "source"


def test_detect_jekyll_reads_baseurl() -> None:
    site = detect_site(SITES / "jekyll" / "_posts" / "2019-08-20-meetup.md")
    assert site is not None and site.name == "jekyll" and site.baseurl == "/zh"
    assert site.static_dirs == ((SITES / "jekyll").resolve(),)


def test_detect_zola_by_base_url() -> None:
    site = detect_site(SITES / "zola" / "content" / "blog" / "post.md")
    assert site is not None and site.name == "zola"
    root = (SITES / "zola").resolve()
    assert site.static_dirs == (root / "static", root / "content")


def test_generic_config_toml_without_content_is_not_hugo(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "config.toml").write_text('title = "tool config"\n')
    assert detect_site(tmp_path) is None
    (tmp_path / "content").mkdir()
    site = detect_site(tmp_path / "content")
    assert site is not None and site.name == "hugo"


def test_hugo_config_directory(tmp_path: Path) -> None:
    (tmp_path / "config" / "_default").mkdir(parents=True)
    (tmp_path / "config" / "_default" / "hugo.yaml").write_text("staticDir: assets-static\n")
    (tmp_path / "content").mkdir()
    site = detect_site(tmp_path / "content")
    assert site is not None and site.name == "hugo"
    assert site.static_dirs[0] == tmp_path.resolve() / "assets-static"


def test_jekyll_by_gemfile(tmp_path: Path) -> None:
    (tmp_path / "_posts").mkdir()
    (tmp_path / "Gemfile").write_text('source "https://rubygems.org"\ngem "jekyll", "~> 4.3"\n')
    site = detect_site(tmp_path / "_posts")
    assert site is not None and site.name == "jekyll" and site.config_file is None


def test_detection_stops_at_the_repository_root(tmp_path: Path) -> None:
    (tmp_path / "hugo.toml").write_text("")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "notes").mkdir()
    assert detect_site(repo / "notes") is None


def test_ambiguous_site_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "hugo.toml").write_text("")
    (tmp_path / "_config.yml").write_text("title: x\n")
    (tmp_path / "_posts").mkdir()
    with pytest.raises(SiteDetectionError, match="--ssg"):
        detect_site(tmp_path)


def test_broken_config_falls_back_to_defaults(tmp_path: Path) -> None:
    (tmp_path / "_config.yml").write_text("title: [unclosed\n")
    (tmp_path / "source" / "_posts").mkdir(parents=True)
    site = detect_site(tmp_path)
    assert site is not None and site.name == "hexo" and not asset_folders(site)


def test_read_site_when_forced(tmp_path: Path) -> None:
    site = read_site(tmp_path, "Hexo")
    assert site.name == "hexo" and site.config_file is None
    assert site.static_dirs[0] == tmp_path.resolve() / "source"
    assert read_site(SITES / "jekyll", "jekyll").baseurl == "/zh"


# --- resolution --------------------------------------------------------------------------


def test_hugo_resolution_static_bundle_folder_and_theme() -> None:
    root = (SITES / "hugo").resolve()
    site = detect_site(root)
    assert _resolve_all(site, root / "content/posts/meetup.md") == [
        root / "static/img/hall.png",
        root / "content/posts/meetup/photo.jpg",
        root / "themes/paper/static/img/theme.png",
    ]
    assert _resolve_all(site, root / "content/posts/bundle/index.md") == [
        root / "content/posts/bundle/cover.png"
    ]


def test_hexo_asset_folder_and_source() -> None:
    root = (SITES / "hexo").resolve()
    site = detect_site(root)
    assert _resolve_all(site, root / "source/_posts/coscon.md") == [
        root / "source/_posts/coscon/banner.webp",
        root / "source/images/logo.png",
    ]


def test_jekyll_baseurl_template_and_prefix() -> None:
    root = (SITES / "jekyll").resolve()
    site = detect_site(root)
    post = root / "_posts/2019-08-20-meetup.md"
    assert _resolve_all(site, post) == [root / "img/x.png", root / "img/x.png"]
    filtered = resolve_image(site, post, _ref("{{ '/img/x.png' | relative_url }}"))
    assert filtered.found == root / "img/x.png"


def test_zola_static_and_colocated() -> None:
    root = (SITES / "zola").resolve()
    site = detect_site(root)
    assert _resolve_all(site, root / "content/blog/post.md") == [
        root / "content/blog/pic.png",
        root / "static/img/s.png",
        root / "content/blog/pic.png",
    ]


def test_missing_image_lists_what_was_tried() -> None:
    root = (SITES / "hugo").resolve()
    site = detect_site(root)
    result = resolve_image(site, root / "content/posts/meetup.md", _ref("/img/nope.png?v=2#top"))
    assert result.found is None and not (
        result.remote or result.outside_site or result.unresolvable
    )
    assert result.candidates[:2] == (
        root / "static/img/nope.png",
        root / "themes/paper/static/img/nope.png",
    )


def test_percent_encoded_names(tmp_path: Path) -> None:
    (tmp_path / "合影 1.png").write_bytes(b"x")
    post = tmp_path / "post.md"
    assert (
        resolve_image(None, post, _ref("%E5%90%88%E5%BD%B1%201.png")).found
        == tmp_path / "合影 1.png"
    )
    (tmp_path / "a%20b.png").write_bytes(b"x")
    assert resolve_image(None, post, _ref("a%20b.png")).found == tmp_path / "a%20b.png"


@pytest.mark.parametrize(
    ("src", "flag"),
    [
        ("https://cdn.example/x.png", "remote"),
        ("http://cdn.example/x.png", "remote"),
        ("//cdn.example/x.png", "remote"),
        ("data:image/png;base64,AAAA", "unresolvable"),
        ("{{ .Site.BaseURL }}/x.png", "unresolvable"),
        ("", "unresolvable"),
        ("C:\\Users\\me\\Desktop\\x.png", "outside_site"),
        ("file:///home/me/x.png", "outside_site"),
        ("../../../../etc/passwd", "outside_site"),
        ("/../../etc/passwd", "outside_site"),
        ("%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "outside_site"),
    ],
)
def test_special_sources(src: str, flag: str) -> None:
    root = (SITES / "hugo").resolve()
    site = detect_site(root)
    result = resolve_image(site, root / "content/posts/meetup.md", _ref(src))
    assert getattr(result, flag) is True
    assert result.found is None and result.reason


def test_traversal_is_never_looked_up(tmp_path: Path) -> None:
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"x")
    site_root = tmp_path / "site"
    (site_root / "content").mkdir(parents=True)
    site = read_site(site_root, "hugo")
    result = resolve_image(site, site_root / "content/p.md", _ref("../../secret.png"))
    assert result.outside_site and result.found is None
    assert all(str(c).startswith(str(site_root.resolve())) for c in result.candidates)


def test_symlink_out_of_the_site_is_not_found(tmp_path: Path) -> None:
    outside = tmp_path / "outside.png"
    outside.write_bytes(b"x")
    site_root = tmp_path / "site"
    (site_root / "static").mkdir(parents=True)
    (site_root / "static" / "link.png").symlink_to(outside)
    site = read_site(site_root, "hugo")
    result = resolve_image(site, site_root / "content/p.md", _ref("/link.png"))
    assert result.found is None and result.outside_site


def test_an_image_name_too_long_for_the_system_is_simply_not_found(tmp_path: Path) -> None:
    site_root = tmp_path / "site"
    (site_root / "static").mkdir(parents=True)
    site = read_site(site_root, "hugo")
    name = "a" * 300 + ".png"  # over 255 bytes: the system answers ENAMETOOLONG, not ENOENT
    for src in ("/" + name, name):
        result = resolve_image(site, site_root / "content/p.md", _ref(src))
        assert result.found is None and result.candidates


def test_without_a_site_only_the_post_folder_is_searched(tmp_path: Path) -> None:
    (tmp_path / "x.png").write_bytes(b"x")
    post = tmp_path / "post.md"
    assert resolve_image(None, post, _ref("./x.png")).found == tmp_path / "x.png"
    assert resolve_image(None, post, _ref("/x.png")).unresolvable
    assert resolve_image(None, tmp_path / "sub" / "post.md", _ref("../x.png")).outside_site


# --- dates in file names -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("_posts/2019-08-20-et-apisix-meetup.md", date(2019, 8, 20)),
        ("content/posts/go/gin/2018-02-13-api-03.md", date(2018, 2, 13)),
        ("content/2024-4-9-short.md", date(2024, 4, 9)),
        ("content/2021-06-28/index.md", date(2021, 6, 28)),
        ("content/posts/2021giac.md", None),
        ("_posts/2019-02-30-impossible.md", None),
        ("_posts/20190820-meetup.md", None),
    ],
)
def test_filename_date(path: str, expected: date | None) -> None:
    assert filename_date(path) == expected


@pytest.mark.parametrize(
    ("folders", "ssg"),
    [(["content", "static"], "hugo"), (["source/_posts"], "hexo"), (["_posts"], "jekyll")],
)
def test_layout_without_config(tmp_path: Path, folders: list[str], ssg: str) -> None:
    (tmp_path / ".git").mkdir()
    for folder in folders:
        (tmp_path / folder).mkdir(parents=True)
    deepest = tmp_path / folders[0] / "sub"
    deepest.mkdir()
    site = detect_site(deepest)
    assert site is not None and site.name == ssg and site.root == tmp_path.resolve()
    assert site.config_file is None


def test_config_file_wins_over_a_closer_layout(tmp_path: Path) -> None:
    (tmp_path / "hugo.toml").write_text("")
    (tmp_path / "content" / "notes" / "_posts").mkdir(parents=True)
    site = detect_site(tmp_path / "content" / "notes" / "_posts")
    assert site is not None and site.name == "hugo" and site.root == tmp_path.resolve()


def test_content_alone_is_not_a_site(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "content").mkdir()
    assert detect_site(tmp_path / "content") is None


def test_case_mismatch_is_pointed_out(tmp_path: Path) -> None:
    (tmp_path / "Photo.JPG").write_bytes(b"x")
    result = resolve_image(None, tmp_path / "post.md", _ref("photo.jpg"))
    assert result.found is None
    assert result.case_mismatch == tmp_path / "Photo.JPG"
    assert resolve_image(None, tmp_path / "post.md", _ref("other.jpg")).case_mismatch is None
