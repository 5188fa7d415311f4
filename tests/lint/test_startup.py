"""What `recapkit lint` on one post imports: only what that run needs (pre-commit runs it on
every commit, where start-up is most of the time)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# Modules a one-file `lint --no-cache` run without --remote has no use for.
NOT_NEEDED = (
    "jinja2",  # rendering
    "requests",  # remote checks
    "multiprocessing",  # one file: no worker processes
    "concurrent.futures",
    "tempfile",  # nothing is written
    "recapkit.lint.remote.options",  # no remote checks asked for
    "recapkit.lint.rules.cjk_latin_spacing",  # opt-in rules, not selected
    "recapkit.lint.rules.fullwidth_punctuation",
    "recapkit.lint.rules.space_around_fullwidth_punctuation",
    "markdown_it",  # pyromark parses a body like this one: markdown-it-py is a tenth of the run
    "recapkit.data.model",  # no recap data and no heading naming a speaker
    "zoneinfo",  # no date names a time zone
)


def test_linting_one_post_without_cache_imports_nothing_it_does_not_use(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text(
        "---\ntitle: T\n---\n\n##Heading\n\n![](a.png) *so* `code` [go](https://go.dev)\n\n"
        "## Notes - Go 1.24\n",
        encoding="utf-8",
    )
    code = (
        "import sys; from recapkit.cli import main;"
        f"code = main(['lint', '--no-cache', '--isolated', {str(post)!r}]);"
        f"print(code, [m for m in {NOT_NEEDED!r} if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines()[-1] == "1 []"  # the run found RK301 and RK201, importing none


# Modules a run whose every post is a cache hit has no use for: nothing is parsed or checked.
NOT_NEEDED_CACHED = (
    "recapkit.lint.rules.image_not_found",  # no rule runs
    "recapkit.lint.rules.heading_missing_space",
    "yaml",  # the site's config is TOML and no front matter is read
    "markdown_it",
    "pyromark",
    "zoneinfo",
)


def test_a_run_of_cache_hits_imports_no_rule_and_no_parser(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "content" / "posts").mkdir(parents=True)
    (site / "hugo.toml").write_text('title = "t"\n', encoding="utf-8")
    post = site / "content" / "posts" / "a.md"
    post.write_text("---\ntitle: T\ndate: 2024-05-01\n---\n\n##Heading\n\n![](a.png)\n", "utf-8")
    args = ["lint", "--cache-dir", str(tmp_path / "cache"), str(site)]
    code = (
        "import sys; from recapkit.cli import main;"
        f"code = main({args!r});"
        f"print(code, [m for m in {NOT_NEEDED_CACHED!r} if m in sys.modules])"
    )
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert first.stdout.splitlines()[-1].startswith("1 [")  # RK301 and RK201 found, and cached
    again = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert again.stdout.splitlines()[-1] == "1 []"
    assert "RK301" in again.stdout and "RK201" in again.stdout  # the same findings, from the cache
