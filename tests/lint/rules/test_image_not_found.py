"""RK203 image-not-found with a real site layout in tmp_path."""

from __future__ import annotations

from pathlib import Path

from recapkit.lint.rules import LintContext, LintSettings
from recapkit.lint.rules.image_not_found import ImageNotFound
from recapkit.ssg.posts import load_post
from recapkit.ssg.site import read_site
from tests.files import write
from tests.lint.rules.helpers import codes


def test_image_not_found_names_what_was_tried(tmp_path: Path) -> None:
    write(tmp_path / "hugo.toml", 'baseURL = "https://example.org/"\n')
    write(tmp_path / "static/img/ok.png", b"\x89PNG")
    post_path = write(
        tmp_path / "content/posts/p.md",
        "---\ntitle: T\ndate: 2024-05-18\n---\n\n![ok](/img/ok.png)\n\n![gone](/img/gone.png)\n\n"
        "![far](../../../../etc/passwd.png)\n\n![remote](https://e.org/x.png)\n",
    )
    context = LintContext(site=read_site(tmp_path, "hugo"), settings=LintSettings(ssg="hugo"))
    found = list(ImageNotFound().check(load_post(post_path), context))
    assert codes(found) == [(8, "RK203"), (10, "RK203")]
    assert "static/img/gone.png" in found[0].message
    assert found[1].message == "image ../../../../etc/passwd.png points outside the site"


def test_image_not_found_sees_a_file_deleted_between_runs(tmp_path: Path) -> None:
    write(tmp_path / "hugo.toml", 'baseURL = "https://example.org/"\n')
    image = write(tmp_path / "static/img/ok.png", b"\x89PNG")
    post_path = write(tmp_path / "content/p.md", "---\ntitle: T\n---\n\n![ok](/img/ok.png)\n")
    context = LintContext(site=read_site(tmp_path, "hugo"), settings=LintSettings(ssg="hugo"))
    post = load_post(post_path)
    assert list(ImageNotFound().check(post, context)) == []
    image.unlink()
    assert len(list(ImageNotFound().check(post, context))) == 1
    assert ImageNotFound.uses_filesystem


def test_generator_image_keys_are_paths_from_the_site_root(tmp_path: Path) -> None:
    """Hugo 0.111's opengraph template writes `images` through `absURL`, jekyll-seo-tag writes
    `image` through `absolute_url`: `cover.jpg` is the site's /cover.jpg, not the post's."""
    for ssg, config, key, post_name, static in [
        ("hugo", "hugo.toml", "images: [cover.jpg]", "content/posts/p.md", "static/cover.jpg"),
        ("jekyll", "_config.yml", "image: cover.jpg", "_posts/2024-05-18-p.md", "cover.jpg"),
    ]:
        root = tmp_path / ssg
        write(root / config, "title: T\n" if ssg == "jekyll" else "")
        post_path = write(root / post_name, f"---\ntitle: T\n{key}\n---\n")
        context = LintContext(site=read_site(root, ssg), settings=LintSettings(ssg=ssg))
        found = list(ImageNotFound().check(load_post(post_path), context))
        assert [d.message.split(" (")[0] for d in found] == ["image cover.jpg not found"], ssg
        write(root / static, b"\xff\xd8")
        assert list(ImageNotFound().check(load_post(post_path), context)) == [], ssg
