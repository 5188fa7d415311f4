"""Where real Hexo serves a theme's files from, and recapkit's lint agreeing with it.

Hexo 5+ loads ``themes/<name>/`` and, when that folder does not exist, the npm package
``node_modules/hexo-theme-<name>/``; the theme's ``source/`` is served at the site root. The
tests build a small site with the Hexo that ``RECAPKIT_HEXO_MODULES`` names (``.ci/run`` installs
one; the tests never download) and skip without it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from recapkit.lint.rules import LintContext
from recapkit.lint.rules.image_not_found import ImageNotFound
from recapkit.lint.rules.image_unverified import ImageUnverified
from recapkit.ssg.posts import load_post
from recapkit.ssg.site import detect_site

HEXO_MODULES = os.environ.get("RECAPKIT_HEXO_MODULES", "")


def _hexo() -> Path | None:
    modules = Path(HEXO_MODULES)
    needed = (modules / "hexo" / "bin" / "hexo", modules / "hexo-renderer-marked")
    return modules if HEXO_MODULES and all(p.exists() for p in needed) else None


def link_hexo(root: Path) -> Path:
    """*root* made a Hexo site folder with the installed Hexo and its Markdown renderer linked
    into ``node_modules``; returns the modules folder they come from."""
    modules = _hexo()
    assert modules is not None
    (root / "node_modules").mkdir(parents=True, exist_ok=True)
    for name in ("hexo", "hexo-renderer-marked"):
        (root / "node_modules" / name).symlink_to((modules / name).resolve())
    (root / "package.json").write_text(
        '{"name": "s", "private": true, "hexo": {},'
        ' "dependencies": {"hexo": "*", "hexo-renderer-marked": "*"}}',
        encoding="utf-8",
    )
    return modules


pytestmark = [
    pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed"),
    pytest.mark.skipif(_hexo() is None, reason="no Hexo (RECAPKIT_HEXO_MODULES)"),
]


def _site(root: Path, *, themes_folder: bool) -> Path:
    """A Hexo site whose theme `toy` is an npm package holding `source/img/logo.png` (and, with
    *themes_folder*, also an empty `themes/toy/`); returns its post."""
    package = root / "node_modules" / "hexo-theme-toy"
    (package / "source" / "img").mkdir(parents=True)
    (package / "source" / "img" / "logo.png").write_bytes(b"\x89PNG")
    link_hexo(root)
    config = "title: t\nurl: https://example.org\ntheme: toy\n"
    (root / "_config.yml").write_text(config, encoding="utf-8")
    if themes_folder:
        (root / "themes" / "toy" / "source").mkdir(parents=True)
    post = root / "source" / "_posts" / "meetup.md"
    post.parent.mkdir(parents=True)
    post.write_text("---\ntitle: Meetup\n---\n\n![Logo](/img/logo.png)\n", encoding="utf-8")
    return post


def _served(root: Path) -> bool:
    modules = _hexo()
    assert modules is not None
    command = ["node", str(modules / "hexo" / "bin" / "hexo"), "generate"]
    subprocess.run(command, cwd=root, capture_output=True, timeout=300, check=True)
    return (root / "public" / "img" / "logo.png").is_file()


def _codes(post: Path) -> list[str]:
    site = detect_site(post)
    context = LintContext(site=site)
    loaded = load_post(post, site=site)
    return [
        d.code for rule in (ImageNotFound(), ImageUnverified()) for d in rule.check(loaded, context)
    ]


@pytest.mark.parametrize("themes_folder", [False, True])
def test_recapkit_finds_a_theme_image_exactly_when_hexo_serves_it(
    tmp_path: Path, themes_folder: bool
) -> None:
    post = _site(tmp_path, themes_folder=themes_folder)
    served = _served(tmp_path)
    assert served is not themes_folder  # an existing themes/toy/ hides the npm package
    assert _codes(post) == ([] if served else ["RK203"])
