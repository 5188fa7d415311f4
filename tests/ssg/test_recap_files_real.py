"""What each generator does with a recap sidecar and with its data folder, against the real
program: ``Generator.sidecar_fate`` (the warning of ``recapkit import --write``) must say
what the build does, and the data folder must be read by the site and never published.

Hugo 0.111 and Jekyll 4.3 are installed here; Hexo comes from ``RECAPKIT_HEXO_MODULES`` (see
tests/ssg/test_dates_real.py) and the test skips without it. Nothing is downloaded.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from recapkit.ssg.site import find_site
from tests.files import write_files
from tests.ssg.test_dates_real import hexo_modules
from tests.ssg.test_kinds_real import run

pytestmark = pytest.mark.integration
POST = "---\ntitle: g\ndate: 2024-01-01\n---\nbody\n"


def fate(root: Path, sidecar: str) -> str | None:
    site = find_site(root / sidecar)
    assert site is not None
    return site.generator.sidecar_fate(site, root / sidecar)


def published(output: Path) -> set[str]:
    return {p.relative_to(output).as_posix() for p in output.rglob("*") if p.is_file()}


@pytest.mark.skipif(shutil.which("hugo") is None, reason="hugo is not installed")
@pytest.mark.parametrize("ignore", [False, True])
def test_hugo_publishes_sidecars_unless_ignored_and_never_the_data_folder(
    tmp_path: Path, ignore: bool
) -> None:
    config = 'baseURL = "https://e.org/"\n'
    if ignore:
        config += "ignoreFiles = ['\\.recap\\.(yaml|toml|json)$']\n"
    sidecars = ["content/posts/b/index.recap.yaml", "content/posts/c.recap.json"]
    write_files(
        tmp_path,
        {
            "hugo.toml": config,
            "content/posts/b/index.md": POST,
            "content/posts/c.md": POST,
            **dict.fromkeys(sidecars, '{"title": "x"}\n'),
            "data/recaps/b.yaml": "title: from data\n",
            "layouts/_default/single.html": "{{ with index site.Data.recaps .File.ContentBaseName }}"
            "{{ .title }}{{ end }}",
            "layouts/_default/list.html": "",
        },
    )
    run(["hugo", "--quiet"], tmp_path)
    out = published(tmp_path / "public")
    assert ("posts/b/index.recap.yaml" in out) is (fate(tmp_path, sidecars[0]) is not None)
    assert ("posts/c.recap.json" in out) is (fate(tmp_path, sidecars[1]) is not None)
    assert ("posts/b/index.recap.yaml" in out) is not ignore
    assert not any("recaps" in name for name in out)
    assert (tmp_path / "public/posts/b/index.html").read_text().strip() == "from data"


@pytest.mark.skipif(shutil.which("jekyll") is None, reason="jekyll is not installed")
@pytest.mark.parametrize("exclude", [False, True])
def test_jekyll_keeps_yaml_sidecars_of_posts_and_publishes_the_others(
    tmp_path: Path, exclude: bool
) -> None:
    sidecars = {
        "_posts/2024-01-01-g.recap.yaml": "2024/01/01/g.recap.yaml",
        "_posts/2024-01-01-h.recap.json": "2024/01/01/h.recap.json",
        "blog/page.recap.yaml": "blog/page.recap.yaml",
    }
    write_files(
        tmp_path,
        {
            "_config.yml": "title: t\n" + ('exclude: ["*.recap.*"]\n' if exclude else ""),
            "_posts/2024-01-01-g.md": POST,
            "_posts/2024-01-01-h.md": POST,
            "blog/page.md": POST,
            **dict.fromkeys(sidecars, '{"title": "x"}\n'),
            "_data/recaps/2024-01-01-g.yaml": "title: from data\n",
            "index.html": '---\n---\n{{ site.data.recaps["2024-01-01-g"].title }}\n',
        },
    )
    run(["jekyll", "build", "--quiet"], tmp_path)
    out = published(tmp_path / "_site")
    for sidecar, url in sidecars.items():
        shows = any(name.startswith(url.removesuffix(Path(url).suffix)) for name in out)
        assert shows is (fate(tmp_path, sidecar) is not None), sidecar
    assert not exclude or not any("recap" in name for name in out)
    assert not any("recaps" in name for name in out)
    assert "from data" in (tmp_path / "_site/index.html").read_text()


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
@pytest.mark.skipif(hexo_modules() is None, reason="no Hexo (RECAPKIT_HEXO_MODULES)")
@pytest.mark.parametrize(("asset_folder", "ignore"), [(False, False), (True, False), (False, True)])
def test_hexo_renders_sidecars_as_its_asset_folder_setting_says(
    tmp_path: Path, asset_folder: bool, ignore: bool
) -> None:
    modules = hexo_modules()
    assert modules is not None
    (tmp_path / "node_modules").symlink_to(modules.resolve(), target_is_directory=True)
    sidecars = {
        "source/_posts/g.recap.yaml": "g.recap",  # a post of its own, or left alone
        "source/about/index.recap.yaml": "about/index.recap.json",  # rendered to JSON
    }
    write_files(
        tmp_path,
        {
            "package.json": '{"name": "s", "private": true, "hexo": {},'
            ' "dependencies": {"hexo": "*", "hexo-renderer-marked": "*"}}',
            "_config.yml": "title: t\nurl: https://example.org\n"
            f"permalink: :year/:month/:day/:title/\npost_asset_folder: {str(asset_folder).lower()}\n"
            + ('ignore: ["**/*.recap.*"]\n' if ignore else ""),
            "source/_posts/g.md": POST,
            "source/about/index.md": "---\ntitle: about\n---\nabout\n",
            **dict.fromkeys(sidecars, "title: x\n"),
            "source/_data/recaps/g.yaml": "title: from data\n",
        },
    )
    run(["node", str(modules / "hexo" / "bin" / "hexo"), "generate"], tmp_path)
    out = published(tmp_path / "public")
    for sidecar, url in sidecars.items():
        shows = any(url in name for name in out)
        assert shows is (fate(tmp_path, sidecar) is not None), sidecar
    assert not ignore or not any("recap" in name for name in out)
    assert not any("recaps" in name for name in out)
