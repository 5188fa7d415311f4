"""Site detection on small sites laid out like real Hugo/Hexo/Jekyll/Zola ones."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from recapkit.post.types import ImageKind, ImageRef
from recapkit.ssg import SiteDetectionError, detect_site, filename_date, read_site, resolve_image
from recapkit.ssg.hexo import asset_folders
from recapkit.ssg.images import ImageResolution
from tests.paths import FIXTURES

SITES = FIXTURES / "sites"


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


# --- Hexo themes: themes/<name>/ or the npm package --------------------------------------


def _hexo_site(root: Path, theme: str = "cactus") -> Path:
    (root / "source" / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text(f"title: Notes\ntheme: {theme}\n", encoding="utf-8")
    return root.resolve()


def _image(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x89PNG")
    return path


def _logo(site_root: Path) -> ImageResolution:
    site = detect_site(site_root)
    assert site is not None
    ref = ImageRef("/images/logo.png", "Logo", ImageKind.MARKDOWN, 4, 0, 4, 30)
    return resolve_image(site, site_root / "source" / "_posts" / "p.md", ref)


def test_hexo_serves_the_source_folder_of_a_theme_installed_from_npm(tmp_path: Path) -> None:
    root = _hexo_site(tmp_path)
    npm_theme = root / "node_modules" / "hexo-theme-cactus" / "source"
    logo = _image(npm_theme / "images" / "logo.png")
    site = detect_site(root)
    assert site is not None and site.static_dirs == (root / "source", npm_theme)
    assert _logo(root).found == logo


def test_hexo_prefers_the_themes_folder_to_the_npm_package(tmp_path: Path) -> None:
    root = _hexo_site(tmp_path)
    (root / "themes" / "cactus").mkdir(parents=True)
    _image(root / "node_modules" / "hexo-theme-cactus" / "source" / "images" / "logo.png")
    site = detect_site(root)
    assert site is not None
    assert site.static_dirs == (root / "source", root / "themes" / "cactus" / "source")
    # Hexo loads one theme folder, so the npm copy's files are not served.
    missing = _logo(root)
    assert missing.found is None and not missing.outside_site
    assert missing.candidates[-1] == root / "themes/cactus/source/images/logo.png"


def test_hexo_names_the_themes_folder_when_no_theme_is_installed(tmp_path: Path) -> None:
    root = _hexo_site(tmp_path)
    site = detect_site(root)
    assert site is not None
    assert site.static_dirs == (root / "source", root / "themes" / "cactus" / "source")


def test_a_hexo_theme_linked_from_outside_the_site_is_not_looked_into(tmp_path: Path) -> None:
    root = _hexo_site(tmp_path / "blog")
    outside = tmp_path / "theme-dev"
    _image(outside / "source" / "images" / "logo.png")
    (root / "node_modules").mkdir()
    (root / "node_modules" / "hexo-theme-cactus").symlink_to(outside)  # `npm link`
    site = detect_site(root)
    assert site is not None and site.static_dirs == (root / "source",)
    npm_theme = root / "node_modules" / "hexo-theme-cactus" / "source"
    assert site.unseen_static_dirs == (npm_theme,)
    # Hexo serves it (checked with Hexo 8.1.2), recapkit does not look: unverified, not missing.
    logo = _logo(root)
    assert logo.found is None and logo.unverified and not logo.outside_site
    assert logo.candidates == (root / "source" / "images" / "logo.png",)
    assert logo.reason == (
        "it may be in node_modules/hexo-theme-cactus/source, which links to a folder outside "
        "the site"
    )


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
    "folders",
    [["content", "static"], ["source/_posts"], ["_posts"], ["_posts", "_drafts", "img"]],
)
def test_a_folder_that_only_looks_like_a_site_is_not_guessed(
    tmp_path: Path, folders: list[str]
) -> None:
    """Without a config, ``_posts/`` is Jekyll's and a Hexo source folder's alike, and Hugo and
    Zola both have ``content/`` + ``static/``: no generator is guessed (the post is generic)."""
    (tmp_path / ".git").mkdir()
    for folder in folders:
        (tmp_path / folder).mkdir(parents=True)
    deepest = tmp_path / folders[0] / "sub"
    deepest.mkdir()
    assert detect_site(deepest) is None


def test_a_gemfile_naming_jekyll_beside_posts_is_a_jekyll_site(tmp_path: Path) -> None:
    (tmp_path / "_posts").mkdir()
    (tmp_path / "Gemfile").write_text('source "https://rubygems.org"\ngem "jekyll", "~> 4.3"\n')
    site = detect_site(tmp_path / "_posts")
    assert site is not None and site.name == "jekyll" and site.config_file is None


def test_config_file_wins_over_a_closer_layout(tmp_path: Path) -> None:
    (tmp_path / "hugo.toml").write_text("")
    (tmp_path / "content" / "notes" / "_posts").mkdir(parents=True)
    site = detect_site(tmp_path / "content" / "notes" / "_posts")
    assert site is not None and site.name == "hugo" and site.root == tmp_path.resolve()


def test_content_alone_is_not_a_site(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "content").mkdir()
    assert detect_site(tmp_path / "content") is None
