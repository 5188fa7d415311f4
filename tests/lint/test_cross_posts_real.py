"""RK209 against the real programs: Hugo 0.111, Jekyll 4.3 and Hexo 8 build a site whose post
links to headings of other posts; a link is reported exactly when the built page it points to
has no element with that id. Hexo comes from ``RECAPKIT_HEXO_MODULES`` (nothing is downloaded)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote

import pytest

from recapkit.config import Config
from recapkit.lint.pipeline import lint_paths
from tests.files import write_files
from tests.ssg.test_dates_real import hexo_modules

OLD = "## 安装 Go\n\n## Hello, World! 你好，世界\n\n## 问答 {#qa}\n\n## 安装 Go\n"
_HREF = re.compile(r'<a href="([^"]*)"[^>]*>([^<]*)</a>')
_ID = re.compile(r'\sid="([^"]*)"')


def build(command: list[str], root: Path) -> None:
    done = subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr


def broken_in_html(page: Path, public: Path, site_prefix: str) -> set[str]:
    """The texts of the links of *page* whose fragment no element of the target page has."""
    broken = set()
    for href, text in _HREF.findall(page.read_text("utf-8")):
        path, _, fragment = unquote(href).removeprefix(site_prefix).partition("#")
        target = public / path.strip("/")
        target = target / "index.html" if target.suffix != ".html" else target
        if fragment not in _ID.findall(target.read_text("utf-8")):
            broken.add(text)
    return broken


def reported(root: Path, post: Path) -> set[str]:
    """The texts of the links of *post* RK209 reports (one link a line)."""
    result = lint_paths([post], config=Config(select=("RK209",), root=root))
    lines = post.read_text("utf-8").splitlines()
    return {re.findall(r"\[([^\]]+)\]", lines[d.line])[0] for d in result.diagnostics}


@pytest.mark.skipif(shutil.which("hugo") is None, reason="hugo is not installed")
def test_hugo_ref_links_break_exactly_where_rk209_says(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://example.org/"\n',
            "layouts/_default/single.html": "{{ .Content }}",
            "content/posts/2021-recap.md": "---\ntitle: Old\n---\n\n" + OLD,
            "content/posts/bundle/index.md": "---\ntitle: B\n---\n\n## 议程\n",
            "content/posts/new.md": "---\ntitle: New\n---\n\n"
            '[a]({{< ref "2021-recap.md#安装-go" >}})\n'
            '[b]({{< relref "/posts/2021-recap.md#hello-world-你好世界" >}})\n'
            '[c]({{< ref "2021-recap" >}}#qa)\n'
            '[d]({{< ref "bundle#议程" >}})\n'
            '[e]({{< ref "2021-recap.md#安装-go-1" >}})\n'
            '[bad1]({{< ref "2021-recap.md#安装-Go" >}})\n'
            '[bad2]({{% relref "/posts/bundle" %}}#agenda)\n'
            '[bad3]({{< ref "2021-recap.md#hello-world-你好，世界" >}})\n',
        },
    )
    build(["hugo", "--quiet"], tmp_path)
    public = tmp_path / "public"
    html = broken_in_html(public / "posts/new/index.html", public, "https://example.org")
    assert html == {"bad1", "bad2", "bad3"}
    assert reported(tmp_path, tmp_path / "content/posts/new.md") == html


@pytest.mark.skipif(shutil.which("jekyll") is None, reason="jekyll is not installed")
def test_jekyll_post_url_links_break_exactly_where_rk209_says(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {
            "_config.yml": "title: t\n",
            "_layouts/post.html": "{{ content }}",
            "_posts/2021-06-28-old.md": "---\nlayout: post\ntitle: Old\n---\n\n" + OLD,
            "_posts/2022-01-01-new.md": "---\nlayout: post\ntitle: New\n---\n\n"
            "[a]({% post_url 2021-06-28-old %}#安装-go)\n"
            "[b]({{ site.baseurl }}{% post_url 2021-06-28-old %}#hello-world-你好世界)\n"
            "[c]({% post_url 2021-06-28-old %}#qa)\n"
            "[d]({% post_url 2021-06-28-old %}#安装-go-1)\n"
            "[bad1]({% post_url 2021-06-28-old %}#hello-world-你好，世界)\n"
            "[bad2]({% post_url 2021-06-28-old %}#安装go)\n",
        },
    )
    build(["jekyll", "build", "--quiet"], tmp_path)
    public = tmp_path / "_site"
    html = broken_in_html(public / "2022/01/01/new.html", public, "")
    assert html == {"bad1", "bad2"}
    assert reported(tmp_path, tmp_path / "_posts/2022-01-01-new.md") == html


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
@pytest.mark.skipif(hexo_modules() is None, reason="no Hexo (RECAPKIT_HEXO_MODULES)")
@pytest.mark.parametrize("new_post_name", [":title.md", ":year-:month-:day-:title.md"])
def test_hexo_post_link_breaks_exactly_where_rk209_says(tmp_path: Path, new_post_name: str) -> None:
    modules = hexo_modules()
    assert modules is not None
    (tmp_path / "node_modules").symlink_to(modules.resolve(), target_is_directory=True)
    old = "2021-06-28-old.md" if new_post_name.startswith(":year") else "old.md"
    write_files(
        tmp_path,
        {
            "package.json": '{"name": "s", "private": true, "hexo": {},'
            ' "dependencies": {"hexo": "*", "hexo-renderer-marked": "*"}}',
            "_config.yml": "title: t\nurl: https://example.org\npermalink: :title/\n"
            f"new_post_name: {new_post_name}\ntheme: bare\n",
            "themes/bare/layout/post.njk": "{{ page.content | safe }}",  # Hexo's own nunjucks
            "themes/bare/layout/index.njk": "",
            f"source/_posts/{old}": "---\ntitle: Old\ndate: 2021-06-28\n---\n\n" + OLD,
            "source/_posts/new.md": "---\ntitle: New\ndate: 2022-01-01\n---\n\n"
            "{% post_link old#安装-Go a %}\n\n"
            "{% post_link old#Hello-World-你好，世界 b %}\n\n"
            "{% post_link old#问答-qa c %}\n\n"  # marked has no {#id}: it slugs it as text
            "{% post_link old#安装-Go-1 d %}\n\n"
            "{% post_link old#安装-go bad1 %}\n\n"
            "{% post_link old#hello-world-你好世界 bad2 %}\n\n"
            "{% post_link old#qa bad3 %}\n",
        },
    )
    build(["node", str(modules / "hexo" / "bin" / "hexo"), "generate", "--silent"], tmp_path)
    public = tmp_path / "public"
    html = broken_in_html(public / "new/index.html", public, "")
    assert html == {"bad1", "bad2", "bad3"}
    post = tmp_path / "source/_posts/new.md"
    result = lint_paths([post], config=Config(select=("RK209",), root=tmp_path))
    lines = post.read_text("utf-8").splitlines()
    assert {lines[d.line].split()[-2] for d in result.diagnostics} == html
