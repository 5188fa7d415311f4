"""The documentation site: `mkdocs build --strict`, served on 127.0.0.1, read by headless Chromium,
and crawled for broken internal links and anchors."""

from __future__ import annotations

import functools
import http.server
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from recapkit.cli import main
from tests.paths import ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

needs_mkdocs = pytest.mark.skipif(
    importlib.util.find_spec("mkdocs") is None or importlib.util.find_spec("material") is None,
    reason="mkdocs and mkdocs-material are not installed (pip install -e '.[docs]')",
)
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)"
)


class Links(HTMLParser):
    """Collects href/src values and element ids of one HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id":
                self.ids.add(value)
            elif name in ("href", "src") and not (tag == "link" and "preconnect" in str(attrs)):
                self.links.append(value)


def parse(html: str) -> Links:
    parser = Links()
    parser.feed(html)
    return parser


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("docs") / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.yml", "-d", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},  # mkdocs-material's banner, not a problem
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="module")
def server(built_site: Path) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(built_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            body = response.read()
            kind = response.headers.get_content_type()
            return response.status, body.decode("utf-8") if kind == "text/html" else ""
    except urllib.error.HTTPError as exc:
        return exc.code, ""


def dump_dom(url: str, profile: Path) -> str:
    assert CHROMIUM
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--dump-dom",
        url,
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


@pytest.mark.integration
@needs_mkdocs
def test_every_docs_page_is_built(built_site: Path) -> None:
    for page in (ROOT / "docs").rglob("*.md"):
        relative = page.relative_to(ROOT / "docs").with_suffix("")
        parts = relative.parts[:-1] if relative.name == "index" else relative.parts
        target = built_site.joinpath(*parts, "index.html")
        assert target.is_file(), page


@pytest.mark.integration
@needs_mkdocs
def test_internal_links_and_anchors_resolve(server: str) -> None:
    seen: dict[str, Links] = {}
    queue = [server]
    broken: list[str] = []
    anchors: list[tuple[str, str, str]] = []
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        status, html = fetch(url)
        if status != 200:
            broken.append(url)
            continue
        seen[url] = parse(html)
        for link in seen[url].links:
            absolute, fragment = urldefrag(urljoin(url, link))
            if not absolute.startswith(server):
                continue  # external: not ours to check offline
            absolute = absolute.split("?", 1)[0]
            if fragment:
                anchors.append((url, absolute, fragment))
            if absolute not in seen and urlsplit(absolute).path.endswith(("/", ".html")):
                queue.append(absolute)
            elif absolute not in seen:
                status, _ = fetch(absolute)
                if status != 200:
                    broken.append(f"{absolute} (from {url})")
                seen[absolute] = Links()
    assert not broken
    pages = [u for u in seen if u.endswith("/")]
    assert len(pages) >= 15, pages  # home, getting started x4, every guide, rules, API
    missing = [
        f"{page} -> {target}#{frag}"
        for page, target, frag in anchors
        if target in seen and seen[target].ids and frag not in seen[target].ids
    ]
    assert not missing


@pytest.mark.integration
@needs_mkdocs
@needs_chromium
def test_home_page_renders_with_navigation(server: str, tmp_path: Path) -> None:
    dom = dump_dom(server, tmp_path / "profile")
    page = parse(dom)
    assert "md-nav" in dom and "md-header" in dom
    for title in ("Getting started", "Rules", "CI integration", "Python API"):
        assert title in dom, title
    assert "rules/" in page.links


@pytest.mark.integration
@needs_mkdocs
@needs_chromium
def test_rule_page_renders_every_rule(server: str, tmp_path: Path) -> None:
    dom = dump_dom(server + "rules/", tmp_path / "profile")
    assert "md-nav" in dom
    for code in ("RK101", "RK201", "RK301"):
        assert code in dom, code


# --- what the guides tell people to type --------------------------------------------------------

GUIDES = [
    *sorted((ROOT / "docs" / "getting-started").glob("*.md")),
    ROOT / "docs" / "ci.md",
    ROOT / "docs" / "index.md",
]


def code_blocks(path: Path, language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", path.read_text(encoding="utf-8"), re.M | re.S)


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.stem)
def test_recap_data_files_in_the_guides_are_valid(guide: Path, tmp_path: Path) -> None:
    for language, suffix in (("yaml", ".yaml"), ("toml", ".toml")):
        for index, block in enumerate(code_blocks(guide, language)):
            if not re.search(r"^(event:|\[event\])", block, re.M):
                continue  # a config or CI snippet, not a recap
            data_file = tmp_path / f"{index}{suffix}"
            data_file.write_text(block, encoding="utf-8")
            assert main(["validate", "--quiet", str(data_file)]) == 0, block


def command_help(subcommand: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "recapkit", subcommand, "--help"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, f"recapkit {subcommand}: {result.stderr}"
    return result.stdout


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.stem)
def test_commands_in_the_guides_exist_with_their_options(guide: Path) -> None:
    lines = [
        line.strip()
        for block in code_blocks(guide, "sh") + code_blocks(guide, "yaml")
        for line in block.splitlines()
        if re.match(r"\s*(- )?recapkit [a-z]", line)
    ]
    assert lines, guide
    helps: dict[str, str] = {}
    for line in lines:
        words = line.removeprefix("- ").split()
        subcommand = words[1]
        if subcommand not in helps:
            helps[subcommand] = command_help(subcommand)
        for option in re.findall(r"(?<![\w-])--[a-z][a-z-]*", line.split("#")[0]):
            assert option in helps[subcommand], f"{line}: recapkit {subcommand} has no {option}"


# --- the Python API page covers the stable surface -----------------------------------------------

API_PAGE = ROOT / "docs" / "api.md"


def api_directives() -> list[str]:
    return re.findall(r"^::: ([\w.]+)\s*$", API_PAGE.read_text(encoding="utf-8"), re.M)


def test_the_api_page_documents_every_public_name_by_its_public_path() -> None:
    import recapkit

    documented = [name.removeprefix("recapkit.") for name in api_directives()]
    assert all(name.startswith("recapkit.") for name in api_directives())  # not a private module
    assert len(documented) == len(set(documented))
    assert set(documented) == set(recapkit.__all__) - {"__version__"}
    assert "recapkit.__version__" in API_PAGE.read_text(encoding="utf-8")


@pytest.mark.integration
@needs_mkdocs
def test_every_public_name_has_a_section_with_content(built_site: Path) -> None:
    import recapkit

    html = (built_site / "api" / "index.html").read_text(encoding="utf-8")
    for name in sorted(set(recapkit.__all__) - {"__version__"}):
        start = html.find(f'id="recapkit.{name}"')
        assert start != -1, name
        body = html.find("</h4>", start)
        section = html[body : html.find('class="doc doc-heading"', body)]
        # a docstring paragraph, a field table or a base class: never a bare heading
        assert re.search(r"<p>|<table>|Bases:", section), name


# --- Markdown written for GitHub reads the same on the site ------------------------------------


def load_hook() -> Any:
    spec = importlib.util.spec_from_file_location("gfm_pipes", ROOT / "docs/_ext/gfm_pipes.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_pipe_hook_unescapes_only_code_spans_in_table_rows() -> None:
    unescape = load_hook().unescape_table_pipes
    page = (
        "| option | meaning |\n|---|---|\n| `--lang en\\|zh` | a \\| b |\n\n"
        "Text `a\\|b`.\n\n```md\n| `x\\|y` |\n```\n"
    )
    assert unescape(page) == page.replace("`--lang en\\|zh`", "`--lang en|zh`")


@pytest.mark.integration
@needs_mkdocs
def test_no_page_shows_an_escaped_pipe_in_code(built_site: Path) -> None:
    shown = [
        f"{page.relative_to(built_site)}: {code}"
        for page in built_site.rglob("*.html")
        for code in re.findall(r"<code>([^<]*\\\|[^<]*)</code>", page.read_text(encoding="utf-8"))
    ]
    assert not shown
