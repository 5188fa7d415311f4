"""Discovery: which files a run lints (hidden folders, excludes, globs, symbolic links),
and the site each of them belongs to."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from recapkit.config import Config
from recapkit.lint.discover import discover
from recapkit.lint.globs import compile_glob
from recapkit.ssg import Site
from tests.lint.fakes import fake_rules, write

__all__ = ["fake_rules"]


@pytest.fixture(autouse=True)
def _fakes(fake_rules: object, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)


# --- discovery -------------------------------------------------------------------------------------


def test_discovery_walks_markdown_skips_hidden_and_node_modules(tmp_path: Path) -> None:
    for name in [
        "a.md",
        "b.markdown",
        "c.txt",
        ".hidden.md",
        "sub/d.MD",
        ".git/e.md",
        "node_modules/f.md",
        "x/.y/g.md",
    ]:
        write(tmp_path / "content" / name, "x")
    found = [str(t.path) for t in discover(["content"], config=Config(root=tmp_path))]
    assert found == ["content/a.md", "content/b.markdown", "content/sub/d.MD"]


def test_explicit_files_are_linted_whatever_their_extension_and_once(tmp_path: Path) -> None:
    write(tmp_path / "notes.txt", "x")
    write(tmp_path / "a.md", "x")
    found = [
        str(t.path)
        for t in discover(["notes.txt", "a.md", ".", "./a.md"], config=Config(root=tmp_path))
    ]
    assert found == ["notes.txt", "a.md"]


def test_exclude_globs(tmp_path: Path) -> None:
    for name in [
        "posts/a.md",
        "posts/drafts/b.md",
        "drafts/c.md",
        "posts/_index.md",
        "legacy/2010/d.md",
    ]:
        write(tmp_path / name, "x")
    config = Config(root=tmp_path, exclude=("drafts", "_index.md", "/legacy/**"))
    assert [str(t.path) for t in discover(["."], config=config)] == ["posts/a.md"]


@pytest.mark.parametrize(
    ("pattern", "path", "matches"),
    [
        ("drafts", "content/drafts/a.md", True),
        ("drafts/", "content/drafts/", True),
        ("*.md", "a/b/c.md", True),
        ("content/*.md", "content/a.md", True),
        ("content/*.md", "content/x/a.md", False),
        ("content/**/a.md", "content/x/y/a.md", True),
        ("content/**/a.md", "content/a.md", True),
        ("/a.md", "x/a.md", False),
        ("2024-??-*.md", "_posts/2024-01-x.md", True),
    ],
)
def test_glob(pattern: str, path: str, matches: bool) -> None:
    assert bool(compile_glob(pattern).search(path)) is matches


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_symlinks_out_of_the_tree_are_not_followed(tmp_path: Path) -> None:
    outside = write(tmp_path / "outside" / "secret.md", "x")
    write(tmp_path / "site" / "inside.md", "x")
    (tmp_path / "site" / "leak.md").symlink_to(outside)
    (tmp_path / "site" / "dir").symlink_to(outside.parent, target_is_directory=True)
    (tmp_path / "site" / "alias.md").symlink_to(tmp_path / "site" / "inside.md")
    found = discover(["site"], config=Config(root=tmp_path))
    assert (
        len(found) == 1
    )  # alias.md and inside.md are one file: linted once, never the outside one
    assert found[0].real == (tmp_path / "site" / "inside.md").resolve()


# --- sites -----------------------------------------------------------------------------------------


def find_site(config: Config, start: Path) -> Site | None:
    """The site *start* (a file or folder) belongs to, as a lint run under *config* finds it."""
    folder = start.resolve()
    return config.site_finder().resolver(start)(folder if folder.is_dir() else folder.parent)


def test_a_site_root_is_searched_in_its_content_dirs_only(tmp_path: Path) -> None:
    write(tmp_path / "site" / "hugo.toml", 'baseURL = "https://example.org/"\n')
    write(tmp_path / "site" / "content" / "posts" / "a.md", "x")
    write(tmp_path / "site" / "README.md", "x")
    write(tmp_path / "site" / "themes" / "t" / "exampleSite" / "content" / "b.md", "x")
    config = Config(root=tmp_path)
    site = find_site(config, Path("site"))  # the site of the path given on the command line
    assert site is not None and site.name == "hugo"
    assert [str(t.path) for t in discover(["site"], config=config, site=site)] == [
        "site/content/posts/a.md"
    ]
    # a folder below the root is searched whole
    assert [str(t.path) for t in discover(["site/content"], config=config, site=site)] == [
        "site/content/posts/a.md"
    ]


def test_a_site_met_while_walking_a_parent_is_searched_in_its_content_dirs(tmp_path: Path) -> None:
    write(tmp_path / "blog" / "_config.yml", "title: Blog\n")
    write(tmp_path / "blog" / "_posts" / "2024-05-18-a.md", "x")
    write(tmp_path / "blog" / "events" / "_posts" / "2024-05-19-b.md", "x")  # a category's
    write(tmp_path / "blog" / "README.md", "x")
    write(tmp_path / "blog" / "vendor" / "bundle" / "gem" / "c.md", "x")
    write(tmp_path / "docs" / "notes.md", "x")
    config = Config(root=tmp_path)
    found = [str(t.path) for t in discover(["."], config=config, sites=config.site_finder())]
    assert found == [
        "blog/_posts/2024-05-18-a.md",
        "blog/events/_posts/2024-05-19-b.md",
        "docs/notes.md",
    ]


def test_a_folder_two_generators_claim_stops_nothing_when_it_holds_no_posts(
    tmp_path: Path,
) -> None:
    write(tmp_path / "vendor" / "weird" / "hugo.toml", "")
    write(tmp_path / "vendor" / "weird" / "zola.toml", 'base_url = "/"\n')
    write(tmp_path / "vendor" / "weird" / "content" / "x.txt", "not a post")
    write(tmp_path / "docs" / "a.md", "x")
    config = Config(root=tmp_path)
    found = [str(t.path) for t in discover(["."], config=config, sites=config.site_finder())]
    assert found == ["docs/a.md"]


def test_configured_ssg_and_dirs_shape_the_site(tmp_path: Path) -> None:
    write(tmp_path / "blog" / "posts" / "a.md", "x")
    config = Config(
        root=tmp_path / "blog", ssg="jekyll", content_dirs=("posts",), static_dirs=("img",)
    )
    site = find_site(config, tmp_path / "blog")
    assert site.name == "jekyll" and Path(site.root) == (tmp_path / "blog").resolve()
    assert site.content_dirs == ((tmp_path / "blog" / "posts").resolve(),)
    assert site.static_dirs == ((tmp_path / "blog" / "img").resolve(),)


def _two_sites(tmp_path: Path) -> None:
    """A Hugo site (root-relative images in static/) next to a Jekyll one (in the site root)."""
    write(tmp_path / "hugo" / "hugo.toml", 'baseURL = "https://example.org/"\n')
    write(tmp_path / "hugo" / "static" / "img" / "a.png", b"\x89PNG")
    write(
        tmp_path / "hugo" / "content" / "posts" / "a.md", "---\ntitle: A\n---\n![a](/img/a.png)\n"
    )
    write(tmp_path / "jekyll" / "_config.yml", "title: J\n")
    write(tmp_path / "jekyll" / "assets" / "b.png", b"\x89PNG")
    write(
        tmp_path / "jekyll" / "_posts" / "2024-05-01-b.md",
        "---\ntitle: B\n---\n![b](/assets/b.png)\n\n![gone](/img/a.png)\n",
    )


def test_sites_are_detected_once_per_folder_and_shared(tmp_path: Path) -> None:

    _two_sites(tmp_path)
    write(tmp_path / "hugo" / "content" / "posts" / "c.md", "x")
    targets = discover(["."], config=Config(root=tmp_path), sites=Config().site_finder())
    roots = {str(t.path): Path(t.site.root).name for t in targets}
    assert roots == {
        "hugo/content/posts/a.md": "hugo",
        "hugo/content/posts/c.md": "hugo",
        "jekyll/_posts/2024-05-01-b.md": "jekyll",
    }
    assert targets[0].site is targets[1].site


def test_page_bundles_share_one_detection_but_a_nested_site_is_still_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import recapkit.ssg.site

    write(tmp_path / "hugo.toml", 'baseURL = "https://example.org/"\n')
    for index in range(30):
        write(tmp_path / "content" / "posts" / f"p{index}" / "index.md", "x")
    write(tmp_path / "content" / "posts" / "p0" / "docs" / "_config.yml", "title: J\n")
    write(tmp_path / "content" / "posts" / "p0" / "docs" / "_posts" / "2024-01-01-j.md", "x")
    calls: list[Path] = []
    detect = recapkit.ssg.site.detect_site
    monkeypatch.setattr(recapkit.ssg.site, "detect_site", lambda p: calls.append(p) or detect(p))
    targets = discover(["content"], config=Config(root=tmp_path), sites=Config().site_finder())
    kinds = {t.site.name for t in targets if "docs" not in str(t.path)}
    nested = [t for t in targets if "docs" in str(t.path)]
    assert kinds == {"hugo"} and len(targets) == 31
    assert nested[0].site.name == "jekyll"
    assert len(calls) <= 3  # the Hugo root (reached once), the nested Jekyll root


def test_config_folders_apply_only_to_the_site_the_config_belongs_to(tmp_path: Path) -> None:

    _two_sites(tmp_path)
    config = Config(root=tmp_path / "hugo", static_dirs=("assets",))
    finder = config.site_finder()
    hugo = finder.site_of((tmp_path / "hugo" / "content").resolve())
    jekyll = finder.site_of((tmp_path / "jekyll" / "_posts").resolve())
    assert hugo.static_dirs == ((tmp_path / "hugo" / "assets").resolve(),)
    assert jekyll.static_dirs == ((tmp_path / "jekyll").resolve(),)
