"""The lint cache and what a site installs: a cached finding that depends on the site's renderer
is checked again when the site changes its renderer."""

from __future__ import annotations

import json
from pathlib import Path

from recapkit.config import Config
from recapkit.lint.pipeline import lint_paths
from tests.files import write_files

POST = "---\ntitle: Install\n---\n\n## 安装 Go\n\nSee [above](#安装-go).\n"


def _package(renderer: str) -> str:
    return json.dumps({"name": "blog", "dependencies": {"hexo": "^8.1.2", renderer: "*"}})


def _rk208(root: Path) -> tuple[int, list[str]]:
    result = lint_paths(
        [root / "source"],
        config=Config(root=root, select=("RK208",)),
        use_cache=True,
        cache_dir=root / "cache",
    )
    return result.cache_hits, [d.code for d in result.diagnostics]


def test_a_hexo_site_that_changes_its_renderer_is_linted_again(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {
            "_config.yml": "title: blog\n",
            "package.json": _package("hexo-renderer-marked"),
            "source/_posts/install.md": POST,
        },
    )
    # hexo-renderer-marked keeps the case of a heading's id (`安装-Go`): the link misses it.
    assert _rk208(tmp_path) == (0, ["RK208"])
    assert _rk208(tmp_path) == (1, ["RK208"])
    # hexo-renderer-markdown-it gives headings no ids by default: nothing to check against.
    (tmp_path / "package.json").write_text(_package("hexo-renderer-markdown-it"), "utf-8")
    assert _rk208(tmp_path) == (0, [])
