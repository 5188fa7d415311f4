"""The template snippets of docs/jsonld.md, built by the real generators: each page carries
exactly the JSON-LD that ``recapkit jsonld`` wrote, in one ``<script>`` element, even when the
event's name holds ``</script>``; a page without a recap gets none.

The snippets are read from the docs page (by the file name in each code block's title), so the
page cannot drift from what was built. Nothing is downloaded: Hexo comes from
``RECAPKIT_HEXO_MODULES`` (``.ci/run`` installs one).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from recapkit.cli import main
from recapkit.data.files import load_recap
from recapkit.rendering.jsonld import recap_jsonld
from tests.files import write, write_files
from tests.paths import DOCS
from tests.ssg.test_dates_real import hexo_modules

pytestmark = pytest.mark.integration

HOSTILE = "Night </script><script>alert(1)</script> <!-- & 夜"
RECAP = f"title: Recap\ndate: 2025-03-01\nevent:\n  name: '{HOSTILE}'\n  city: Berlin\n"
SCRIPTS = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def snippets() -> dict[str, str]:
    """Each titled code block of docs/jsonld.md: its title (a file name) -> its text."""
    text = (DOCS / "jsonld.md").read_text(encoding="utf-8")
    return dict(re.findall(r'^```\S+ title="([^"]+)"\n(.*?)\n```$', text, re.DOTALL | re.MULTILINE))


def snippet(ending: str) -> str:
    (found,) = [text for name, text in snippets().items() if name.endswith(ending)]
    return found + "\n"


def expected(tmp_path: Path, out: Path) -> dict[str, Any]:
    data_file = write(tmp_path / "recap.yaml", RECAP)
    assert main(["jsonld", str(data_file), "-o", str(out)]) == 0
    return recap_jsonld(load_recap(data_file))


def embedded(page: Path) -> list[Any]:
    return [json.loads(body) for body in SCRIPTS.findall(page.read_text(encoding="utf-8"))]


def build(command: list[str], cwd: Path) -> None:
    done = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_docs_show_one_snippet_per_generator() -> None:
    assert sorted(snippets()) == [
        "_includes/recap-jsonld.html",
        "layouts/partials/recap-jsonld.html",
        "templates/partials/recap-jsonld.html",
        "themes/THEME/layout/_partial/recap-jsonld.njk",
    ]


@pytest.mark.skipif(shutil.which("hugo") is None, reason="hugo is not installed")
def test_hugo(tmp_path: Path) -> None:
    site = write_files(
        tmp_path / "site",
        {
            "hugo.toml": 'baseURL = "https://example.org/"\n',
            "layouts/partials/recap-jsonld.html": snippet("layouts/partials/recap-jsonld.html"),
            "layouts/_default/single.html": '<head>{{ partial "recap-jsonld.html" . }}</head>',
            "content/posts/night/index.md": "---\ntitle: night\n---\n",
            "content/posts/other.md": "---\ntitle: other\n---\n",
        },
    )
    (site / "data" / "jsonld").mkdir(parents=True)
    data = expected(tmp_path, site / "data" / "jsonld" / "night.json")
    build(["hugo", "--quiet"], site)
    assert embedded(site / "public" / "posts" / "night" / "index.html") == [data]
    assert embedded(site / "public" / "posts" / "other" / "index.html") == []


@pytest.mark.skipif(shutil.which("jekyll") is None, reason="jekyll is not installed")
def test_jekyll(tmp_path: Path) -> None:
    site = write_files(
        tmp_path / "site",
        {
            "_config.yml": "title: t\n",
            "_includes/recap-jsonld.html": snippet("_includes/recap-jsonld.html"),
            "_layouts/post.html": "<head>{% include recap-jsonld.html %}</head>{{ content }}",
            "_posts/2025-03-01-night.md": "---\ntitle: night\nlayout: post\n---\n",
            "_posts/2025-03-01-other.md": "---\ntitle: other\nlayout: post\n---\n",
        },
    )
    (site / "_data" / "jsonld").mkdir(parents=True)
    data = expected(tmp_path, site / "_data" / "jsonld" / "night.json")
    build(["jekyll", "build", "--quiet"], site)
    assert embedded(site / "_site" / "2025" / "03" / "01" / "night.html") == [data]
    assert embedded(site / "_site" / "2025" / "03" / "01" / "other.html") == []


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
@pytest.mark.skipif(hexo_modules() is None, reason="no Hexo (RECAPKIT_HEXO_MODULES)")
def test_hexo_nunjucks(tmp_path: Path) -> None:
    modules = hexo_modules()
    assert modules is not None
    site = write_files(
        tmp_path / "site",
        {
            "package.json": '{"name": "s", "private": true, "hexo": {},'
            ' "dependencies": {"hexo": "*", "hexo-renderer-marked": "*"}}',
            "_config.yml": "title: t\nurl: https://example.org\ntheme: plain\npermalink: :title/\n",
            "themes/plain/layout/_partial/recap-jsonld.njk": snippet("recap-jsonld.njk"),
            "themes/plain/layout/post.njk": '<head>{{ partial("_partial/recap-jsonld.njk") }}</head>',
            "themes/plain/layout/index.njk": "{{ body }}",
            "source/_posts/night.md": "---\ntitle: night\n---\n",
            "source/_posts/other.md": "---\ntitle: other\n---\n",
        },
    )
    (site / "node_modules").symlink_to(modules.resolve(), target_is_directory=True)
    (site / "source" / "_data" / "jsonld").mkdir(parents=True)
    data = expected(tmp_path, site / "source" / "_data" / "jsonld" / "night.json")
    build(["node", str(modules / "hexo" / "bin" / "hexo"), "generate", "--silent"], site)
    assert embedded(site / "public" / "night" / "index.html") == [data]
    assert embedded(site / "public" / "other" / "index.html") == []
