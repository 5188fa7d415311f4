"""Image resolution on small sites laid out like real Hugo/Hexo/Jekyll/Zola ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from recapkit.post.types import ImageKind, ImageRef
from recapkit.ssg import Site, detect_site, read_site, resolve_image
from recapkit.ssg.images import PathForm
from recapkit.ssg.posts import load_post
from tests.paths import FIXTURES

SITES = FIXTURES / "sites"


def _ref(src: str, kind: ImageKind = ImageKind.MARKDOWN) -> ImageRef:
    return ImageRef(src, "alt", kind, 0, 0, 0, 1)


def _resolve_all(site: Site | None, post: Path) -> list[Path | None]:
    return [resolve_image(site, post, ref).found for ref in load_post(post).images]


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
    # No static folder and no site root are known: no verdict from a guessed root.
    root_relative = resolve_image(None, post, _ref("/x.png"))
    assert root_relative.unverified and root_relative.form is PathForm.SITE_ABSOLUTE
    assert not (root_relative.outside_site or root_relative.candidates)
    assert "root-relative" in root_relative.reason
    above = resolve_image(None, tmp_path / "sub" / "post.md", _ref("../x.png"))
    assert above.unverified and not above.outside_site and above.found is None
    assert "leaves the post's folder" in above.reason


def test_a_site_root_gives_verdicts_and_forms(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    site = read_site(tmp_path, "hugo")
    post = tmp_path / "content" / "p.md"
    missing = resolve_image(site, post, _ref("/x.png"))
    assert not missing.unverified and missing.form is PathForm.SITE_ABSOLUTE
    assert missing.candidates
    assert resolve_image(site, post, _ref("x.png")).form is PathForm.PAGE_RELATIVE
    assert resolve_image(site, post, _ref("../../x.png")).outside_site


def test_case_mismatch_is_pointed_out(tmp_path: Path) -> None:
    (tmp_path / "Photo.JPG").write_bytes(b"x")
    result = resolve_image(None, tmp_path / "post.md", _ref("photo.jpg"))
    assert result.found is None
    assert result.case_mismatch == tmp_path / "Photo.JPG"
    assert resolve_image(None, tmp_path / "post.md", _ref("other.jpg")).case_mismatch is None
