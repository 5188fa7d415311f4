"""What each generator does with a post that has no date of its own, against the real program:
recapkit's ``has_any_date`` and ``undated`` (RK103) must say what the build does.

* Jekyll: which ``_posts`` files are published at all (a name without a date is skipped).
* Hugo (``hugo list all``): which pages get a date, from their keys, ``[frontmatter] date``
  sources or file names, and which stay at 0001-01-01.
* Hexo: which posts are dated by their name (``new_post_name``) and which by the build's clock.

Like tests/ssg/test_dates_real.py, nothing is downloaded: Hexo comes from
``RECAPKIT_HEXO_MODULES`` (``.ci/run`` installs one) and the test skips without it.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from recapkit.lint.rules import LintContext, MissingFrontMatter, RequiredKey
from recapkit.ssg.posts import load_post
from recapkit.ssg.site import find_site
from tests.files import write_files
from tests.ssg.test_dates_real import hexo_modules

pytestmark = pytest.mark.integration
ZERO = "0001-01-01"


def run(command: list[str], cwd: Path) -> str:
    env = {**os.environ, "TZ": "UTC"}
    result = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def recapkit_undated(root: Path, name: str) -> bool:
    """Whether ``recapkit lint`` says the post at *name* has no date its generator reads
    (RK103, or RK101 for a file without front matter), as the rules decide it."""
    path = root / name
    site = find_site(path)
    assert site is not None
    post, context = load_post(path, site=site), LintContext(site=site)
    return any(list(rule.check(post, context)) for rule in (RequiredKey(), MissingFrontMatter()))


@pytest.mark.skipif(shutil.which("jekyll") is None, reason="jekyll is not installed")
def test_jekyll_publishes_exactly_the_posts_recapkit_finds_dated(tmp_path: Path) -> None:
    posts = {
        "_posts/meetup.md": "---\ntitle: a\ndate: 2024-05-18\n---\n",
        "_posts/2024-05-18.md": "---\ntitle: b\n---\n",
        "_posts/2024-05-18-named.md": "---\ntitle: c\n---\n",
        "_posts/events/2024-5-8-deep.markdown": "---\ntitle: d\n---\n",
        "_posts/2024-05-19-no-front-matter.md": "# e\n",
        "_posts/notes.md": "# f, neither front matter nor a dated name\n",
        "_posts/2024-05-20-draft-key.md": "---\ndraft: true\n---\n",  # Jekyll has no draft key
    }
    listing = "---\n---\n{% for p in site.posts %}{{ p.path }}\n{% endfor %}"
    write_files(tmp_path, {"_config.yml": "title: t\n", "index.html": listing, **posts})
    run(["jekyll", "build", "--quiet"], tmp_path)
    published = set((tmp_path / "_site" / "index.html").read_text().split())
    for name in posts:
        assert (name in published) is not recapkit_undated(tmp_path, name), name


@pytest.mark.skipif(shutil.which("hugo") is None, reason="hugo is not installed")
@pytest.mark.parametrize("frontmatter", ["", '[frontmatter]\ndate = [":filename", ":default"]\n'])
def test_hugo_dates_exactly_the_pages_recapkit_finds_dated(
    tmp_path: Path, frontmatter: str
) -> None:
    posts = {
        "content/posts/date.md": "---\ndate: 2024-05-18\n---\n",
        "content/posts/lastmod.md": "---\nlastmod: 2024-05-18\n---\n",
        "content/posts/publish.md": "---\nPublishDate: 2024-05-18\n---\n",
        "content/posts/2024-05-18-named.md": "---\ntitle: t\n---\n",
        "content/posts/none.md": "---\ntitle: t\n---\n",
        "content/posts/empty.md": "# no front matter\n",
    }
    write_files(tmp_path, {"hugo.toml": f'baseURL = "https://e.org/"\n{frontmatter}', **posts})
    out = run(["hugo", "list", "all"], tmp_path)
    dates = {row["path"]: row["date"][:10] for row in csv.DictReader(io.StringIO(out))}
    for name in posts:
        assert (dates[name] == ZERO) is recapkit_undated(tmp_path, name), name


@pytest.mark.skipif(shutil.which("hugo") is None, reason="hugo is not installed")
def test_hugo_lists_undated_exactly_the_pages_recapkit_reports(tmp_path: Path) -> None:
    """Build options, ``headless`` and layouts, against what Hugo's lists really show."""
    posts = {
        "content/posts/dated.md": "---\ndate: 2020-01-01\n---\n",
        "content/posts/plain.md": "---\ntitle: plain\n---\n",
        "content/posts/unlisted.md": "---\n_build:\n  list: never\n---\n",
        "content/posts/unrendered.md": "---\n_build:\n  render: never\n---\n",
        "content/posts/headless.md": "---\nheadless: true\n---\n",
        "content/posts/bundle/index.md": "---\nheadless: true\n---\n",
        "content/posts/archives.md": "---\nlayout: archives\n---\n",
        "content/posts/draft.md": "---\ndraft: true\n---\n",
    }
    listing = (
        '{{ range .Site.RegularPages }}{{ .File.Path }} {{ .Date.Format "2006-01-02" }}\n{{ end }}'
    )
    files = {
        "hugo.toml": 'baseURL = "https://e.org/"\ndisableKinds = ["taxonomy", "term", "RSS"]\n',
        "layouts/index.html": listing,
        "layouts/_default/single.html": "{{ .Content }}",
        "layouts/_default/list.html": "{{ .Content }}",
    }
    write_files(tmp_path, {**files, **posts})
    run(["hugo", "--quiet"], tmp_path)
    shown = dict(
        line.split() for line in (tmp_path / "public" / "index.html").read_text().splitlines()
    )
    for name in posts:
        listed_undated = shown.get(name.removeprefix("content/")) == ZERO
        assert listed_undated is recapkit_undated(tmp_path, name), name


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
@pytest.mark.skipif(hexo_modules() is None, reason="no Hexo (RECAPKIT_HEXO_MODULES)")
@pytest.mark.parametrize(
    ("pattern", "name", "named_day"),
    [
        (":year-:month-:day-:title.md", "2021-03-04-meetup.md", date(2021, 3, 4)),
        (":year-:month-:day-:title.md", "2021-02-30-rolled.md", date(2021, 3, 2)),
        (":year/:i_month/:i_day/:title.md", "2021/3/4/meetup.md", date(2021, 3, 4)),
        (":title.md", "2021-03-04-meetup.md", None),
    ],
)
def test_hexo_dates_by_name_exactly_where_recapkit_says(
    tmp_path: Path, pattern: str, name: str, named_day: date | None
) -> None:
    modules = hexo_modules()
    assert modules is not None
    (tmp_path / "node_modules").symlink_to(modules.resolve(), target_is_directory=True)
    config = (
        f"title: t\nurl: https://example.org\nnew_post_name: '{pattern}'\n"
        "permalink: :year/:month/:day/:title/\n"
    )
    write_files(
        tmp_path,
        {
            "package.json": '{"name": "s", "private": true, "hexo": {},'
            ' "dependencies": {"hexo": "*", "hexo-renderer-marked": "*"}}',
            "_config.yml": config,
            f"source/_posts/{name}": "---\ntitle: Meetup\n---\nbody\n",
        },
    )
    started = datetime.now(UTC).date()
    run(["node", str(modules / "hexo" / "bin" / "hexo"), "generate"], tmp_path)
    pages = list((tmp_path / "public").glob("[0-9]*/*/*/*/index.html"))
    assert len(pages) == 1
    day = date(*(int(part) for part in pages[0].parts[-5:-2]))
    undated = recapkit_undated(tmp_path, f"source/_posts/{name}")
    if named_day is not None:
        assert day == named_day and not undated
    else:  # dated by the file's creation time: the day of the build
        assert day in {started, datetime.now(UTC).date()} and undated
