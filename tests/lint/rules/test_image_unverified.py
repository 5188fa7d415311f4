"""RK206 image-unverified, beside RK203 image-not-found, on real site layouts in tmp_path.

An image that recapkit does not find is reported by exactly one of the two: RK203 when the
generator would look it up where recapkit looked, RK206 (info) when where it is served from
depends on what recapkit cannot see (a theme's front matter key, a ``<base href>``, no site).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from recapkit.config import Config
from recapkit.lint.diagnostics import Diagnostic, Severity
from recapkit.lint.pipeline import lint_paths
from recapkit.lint.rules import LintContext, LintSettings
from recapkit.lint.rules.image_not_found import ImageNotFound
from recapkit.lint.rules.image_unverified import ImageUnverified
from recapkit.ssg.posts import load_post
from recapkit.ssg.site import detect_site
from tests.files import write

CONFIGS = {
    "hugo": ("hugo.toml", 'baseURL = "https://example.org/"\n'),
    "hexo": ("_config.yml", "title: Notes\npost_asset_folder: true\n"),
    "jekyll": ("_config.yml", "title: Notes\n"),
    "zola": ("zola.toml", 'base_url = "https://example.org"\n'),
}
POSTS = {
    "hugo": "content/posts/meetup.md",
    "hexo": "source/_posts/meetup.md",
    "jekyll": "_posts/2024-05-18-meetup.md",
    "zola": "content/blog/meetup.md",
}


def _site(root: Path, ssg: str, post_text: str) -> Path:
    """A site of generator *ssg* at *root* with one post; returns the post's path."""
    name, config = CONFIGS[ssg]
    write(root / name, config)
    return write(root / POSTS[ssg], post_text)


def _check(post_path: Path, *, image_keys: tuple[str, ...] | None = None) -> list[Diagnostic]:
    """RK203's and RK206's findings, in position order, as the site's generator reads it."""
    site = detect_site(post_path)
    context = LintContext(site=site, settings=LintSettings(image_keys=image_keys))
    post = load_post(post_path, site=site, image_keys=image_keys)
    found = [*ImageNotFound().check(post, context), *ImageUnverified().check(post, context)]
    return sorted(found, key=Diagnostic.sort_key)


def _seen(found: list[Diagnostic]) -> list[tuple[int, int, str, Severity]]:
    """(1-based line, 1-based column, code, severity) of each finding."""
    return [(d.line + 1, d.column + 1, d.code, d.severity) for d in found]


INFO, ERROR = Severity.INFO, Severity.ERROR


@pytest.mark.parametrize(
    ("ssg", "own_key", "theme_key"),
    [
        ("hugo", "images", "cover"),
        ("hexo", "photos", "cover"),
        ("jekyll", "image", "featured_image"),
    ],
)
def test_a_themes_key_is_unverified_the_generators_own_key_is_checked(
    tmp_path: Path, ssg: str, own_key: str, theme_key: str
) -> None:
    post = _site(
        tmp_path,
        ssg,
        f"---\ntitle: Meetup\n{theme_key}: hall.jpg\n{own_key}: [stage.jpg]\n---\n\n"
        "![The stage](podium.jpg)\n",
    )
    found = _check(post)
    assert _seen(found) == [
        (3, len(theme_key) + 3, "RK206", INFO),
        (4, len(own_key) + 4, "RK203", ERROR),
        (7, 1, "RK203", ERROR),
    ]
    label = {"hugo": "Hugo", "hexo": "Hexo", "jekyll": "Jekyll"}[ssg]
    assert found[0].message == (
        f"image hall.jpg not verified: `{theme_key}` is no image key of {label}: the theme that "
        f"shows it decides where the file is (list `{theme_key}` in image-keys to check it as a "
        "site path)"
    )
    assert found[1].message.startswith("image stage.jpg not found (tried ")
    assert found[0].fix is None and found[0].end_column == found[0].column + len("hall.jpg")


def test_zola_defines_no_image_key_so_extra_images_are_unverified(tmp_path: Path) -> None:
    post = _site(
        tmp_path,
        "zola",
        '+++\ntitle = "Meetup"\n\n[extra]\ncover = "hall.jpg"\n+++\n\n![The stage](podium.jpg)\n',
    )
    found = _check(post)
    assert _seen(found) == [(5, 10, "RK206", INFO), (8, 1, "RK203", ERROR)]
    assert "`extra.cover` is no image key of Zola" in found[0].message
    assert "list `cover` in image-keys" in found[0].message


def test_a_key_listed_in_image_keys_is_checked(tmp_path: Path) -> None:
    post = _site(tmp_path, "hugo", "---\ntitle: Meetup\ncover: hall.jpg\n---\n")
    assert _seen(_check(post, image_keys=("cover",))) == [(3, 8, "RK203", ERROR)]


def test_a_themes_key_that_is_found_is_not_reported(tmp_path: Path) -> None:
    post = _site(tmp_path, "hugo", "---\ntitle: Meetup\ncover: /img/hall.jpg\n---\n")
    write(tmp_path / "static/img/hall.jpg", b"\xff\xd8")
    assert _check(post) == []


def test_a_base_href_leaves_relative_images_unverified(tmp_path: Path) -> None:
    post = _site(
        tmp_path,
        "hugo",
        '---\ntitle: Meetup\n---\n\n<base href="/archive/2019/">\n\n'
        "![Hall](hall.jpg)\n\n![Stage](/img/stage.jpg)\n",
    )
    found = _check(post)
    # A base on the same host moves page-relative URLs only: /img/stage.jpg is still checked.
    assert _seen(found) == [(7, 1, "RK206", INFO), (9, 1, "RK203", ERROR)]
    assert found[0].message == (
        'image hall.jpg not verified: the post sets <base href="/archive/2019/">, which '
        "changes where the browser looks for it"
    )


def test_a_base_href_on_another_host_moves_site_absolute_images_too(tmp_path: Path) -> None:
    post = _site(
        tmp_path,
        "hugo",
        "---\ntitle: Meetup\ncover: hall.jpg\n---\n\n"
        "<p>Photos: <base href='https://cdn.example.org/meetup/'></p>\n\n"
        "![Stage](/img/stage.jpg)\n",
    )
    found = _check(post)
    assert _seen(found) == [(3, 8, "RK206", INFO), (8, 1, "RK206", INFO)]
    assert '<base href="https://cdn.example.org/meetup/">' in found[1].message


@pytest.mark.parametrize(
    "shown",
    [
        '```html\n<base href="/archive/">\n```',
        '<!-- <base href="/archive/"> -->',
        '`<base href="/archive/">`',
        '<base target="_blank">',
    ],
)
def test_a_base_href_in_code_or_a_comment_changes_nothing(tmp_path: Path, shown: str) -> None:
    post = _site(tmp_path, "hugo", f"---\ntitle: Meetup\n---\n\n{shown}\n\n![Hall](hall.jpg)\n")
    assert [d.code for d in _check(post)] == ["RK203"]


def test_hexo_tags_write_site_absolute_urls_that_a_base_path_does_not_move(
    tmp_path: Path,
) -> None:
    text = '---\ntitle: Meetup\n---\n\n<base href="/archive/">\n\n{% asset_img hall.jpg Hall %}\n'
    post = _site(tmp_path, "hexo", text)
    assert _seen(_check(post)) == [(7, 1, "RK203", ERROR)]
    # With `relative_link`, url_for writes page-relative URLs, which the base does move.
    write(tmp_path / "_config.yml", "post_asset_folder: true\nrelative_link: true\n")
    assert _seen(_check(post)) == [(7, 1, "RK206", INFO)]


def test_without_a_site_a_root_relative_path_is_unverified(tmp_path: Path) -> None:
    post = write(
        tmp_path / "notes" / "meetup.md",
        "---\ntitle: Meetup\n---\n\n![Stage](/img/stage.jpg)\n\n![Hall](../hall.jpg)\n\n"
        "![Podium](podium.jpg)\n",
    )
    (tmp_path / ".git").mkdir()  # the walk up for a site stops here
    found = _check(post)
    assert _seen(found) == [(5, 1, "RK206", INFO), (7, 1, "RK206", INFO), (9, 1, "RK203", ERROR)]
    assert found[0].message == (
        "image /img/stage.jpg not verified: no site generator was detected, so recapkit does "
        "not know which folder serves root-relative paths"
    )
    assert "whether a path that leaves the post's folder stays in the site" in found[1].message
    # shown from the post's folder: the same message wherever recapkit runs (and in the cache)
    assert found[2].message == "image podium.jpg not found (tried podium.jpg in the post's folder)"


@pytest.mark.parametrize("ssg", ["hugo", "hexo", "jekyll", "zola"])
def test_rk203_still_reports_a_missing_file_in_every_generator(tmp_path: Path, ssg: str) -> None:
    front_matter = '+++\ntitle = "Meetup"\n+++' if ssg == "zola" else "---\ntitle: Meetup\n---"
    post = _site(tmp_path, ssg, f"{front_matter}\n\n![Stage](/img/stage.jpg)\n")
    found = _check(post)
    assert _seen(found) == [(5, 1, "RK203", ERROR)]
    assert found[0].message.startswith("image /img/stage.jpg not found (tried ")


def test_rk206_is_selected_ignored_and_severed_like_any_rule(tmp_path: Path) -> None:
    _site(tmp_path, "hugo", "---\ntitle: Meetup\ncover: hall.jpg\n---\n\n![Stage](stage.jpg)\n")

    def run(**config: object) -> list[tuple[str, str]]:
        result = lint_paths([str(tmp_path)], config=Config(root=tmp_path, **config))  # type: ignore[arg-type]
        return [(d.code, d.severity) for d in result.diagnostics if d.code in ("RK203", "RK206")]

    assert run() == [("RK206", "info"), ("RK203", "error")]
    # Ignoring RK206 does not hand its findings back to RK203, nor the other way round.
    assert run(ignore=("RK206",)) == [("RK203", "error")]
    assert run(select=("image-unverified",)) == [("RK206", "info")]
    assert run(severity={"RK206": "error"}) == [("RK206", "error"), ("RK203", "error")]
    assert ImageUnverified.uses_filesystem and not ImageUnverified.fixable


def test_a_theme_linked_from_outside_the_site_leaves_root_relative_images_unverified(
    tmp_path: Path,
) -> None:
    root = tmp_path / "blog"
    post = _site(root, "hexo", "---\ntitle: Meetup\n---\n\n![Logo](/img/logo.png)\n")
    write(root / "_config.yml", "title: Notes\ntheme: toy\n")
    write(tmp_path / "toy" / "source" / "img" / "logo.png", b"\x89PNG")
    (root / "node_modules").mkdir()
    (root / "node_modules" / "hexo-theme-toy").symlink_to(tmp_path / "toy")  # `npm link`
    found = _check(post)
    assert _seen(found) == [(5, 1, "RK206", INFO)]
    assert found[0].message == (
        "image /img/logo.png not verified: it may be in node_modules/hexo-theme-toy/source, "
        "which links to a folder outside the site"
    )
    # Once the theme is a real folder of the site, the image is checked, and found.
    (root / "node_modules" / "hexo-theme-toy").unlink()
    shutil.copytree(tmp_path / "toy", root / "node_modules" / "hexo-theme-toy")
    assert _check(post) == []
