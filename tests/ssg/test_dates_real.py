"""Each generator's :meth:`read_date` against the real program: one site per program and
configuration, one post per date form (the FORMS of tests/lint/rules/test_date_format.py and a
few zone cases, each unquoted and quoted), built on a UTC clock (TZ=UTC, as on CI runners).

What is compared with the :class:`DateReading` recapkit states:

* Hugo (``hugo list all``): the day of each post's ``date``; ``zero`` is 0001-01-01 before Hugo
  0.135 and a stopped build from 0.135 on.
* Jekyll: the day in each post's URL (``/:year/:month/:day/:title/``); ``refused`` is a build
  that stops on that post.
* Hexo: the day in each post's permalink; ``file-time`` is the build day (the file was just
  created). Never installed by the tests (they touch no network): they use the ``node_modules``
  folder named by ``RECAPKIT_HEXO_MODULES`` (``.ci/run`` installs one) and skip without it.

Zola is not installable here: its reading is checked against its source only, no test here.
A build that stops on one post is rebuilt without it, so one build per site covers every form.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
from collections.abc import Mapping
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from recapkit.ssg import registry
from recapkit.ssg.dates import DateReading, DateText, Fate
from recapkit.ssg.site import read_site
from tests.lint.rules.test_date_format import FORMS
from tests.paths import EXAMPLES

pytestmark = pytest.mark.integration

EXTRA = ("2025-02-07", "2025-02-07 12:00:00", "2025-02-07 20:00:00", "2020-05-15 01:00:00 +0800")
"""Zone cases: east of UTC a date-only post or a naive time moves to another day."""
DATE_TEXTS = [
    DateText(text, quoted)
    for text in dict.fromkeys([*(form.strip('"') for form in FORMS), *EXTRA])
    for quoted in (False, True)
]
ZONES = [None, "Asia/Shanghai"]
ZERO_DAY = date(1, 1, 1)
HEXO_MODULES = os.environ.get("RECAPKIT_HEXO_MODULES", "")

Outcome = date | None
"""The day a post is published on; None: the build stops on it (or it makes no page)."""


def write_posts(folder: Path, prefix: str = "") -> dict[str, DateText]:
    """One post per date form in *folder* (file ``<prefix>form07.md``), by name."""
    folder.mkdir(parents=True, exist_ok=True)
    posts: dict[str, DateText] = {}
    for number, value in enumerate(DATE_TEXTS, 1):
        name = f"form{number:02d}"
        shown = f'"{value.text}"' if value.quoted else value.text
        (folder / f"{prefix}{name}.md").write_text(
            f"---\ntitle: {name}\ndate: {shown}\n---\nbody\n", encoding="utf-8"
        )
        posts[name] = value
    return posts


def build(command: list[str], site: Path, folder: Path, names: list[str]) -> tuple[set[str], str]:
    """Build *site* (TZ=UTC); while the build stops on one post, take it out of *folder* and
    build again. The posts that stopped it, and the last build's output."""
    stopped: set[str] = set()
    env = {**os.environ, "TZ": "UTC"}
    while True:
        result = subprocess.run(
            command, cwd=site, env=env, capture_output=True, text=True, timeout=300, check=False
        )
        if result.returncode == 0:
            return stopped, result.stdout
        output = result.stdout + result.stderr
        culprits = [name for name in names if name not in stopped and f"{name}.md" in output]
        assert len(culprits) == 1, f"{command[0]} failed:\n{output}"
        stopped.add(culprits[0])
        next(folder.glob(f"*{culprits[0]}.md")).unlink()


def url_days(public: Path) -> dict[str, date]:
    """Each post's day from its URL, ``/YYYY/MM/DD/<name>/``."""
    pages = public.glob("[0-9]*/*/*/form*/index.html")
    return {p.parent.name: date(*(int(part) for part in p.parts[-5:-2])) for p in pages}


def disagreements(
    ssg: str,
    site: Path,
    posts: Mapping[str, DateText],
    got: Mapping[str, Outcome],
    other: Mapping[Fate, set[Outcome]],
) -> list[str]:
    """The posts whose real outcome is not the one recapkit states. *other*: the outcomes a
    fate without a day stands for (a fate missing there is not one this program has)."""
    generator, config = registry.get(ssg), read_site(site, ssg)
    found = []
    for name, value in posts.items():
        reading = generator.read_date(value, config)
        if got[name] not in expected(reading, other):
            shown = "stopped the build or made no page" if got[name] is None else got[name]
            form = f'"{value.text}"' if value.quoted else value.text
            found.append(f"{form}: {ssg} {shown}; recapkit {reading.fate} {reading.published}")
    return found


def expected(reading: DateReading, other: Mapping[Fate, set[Outcome]]) -> set[Outcome]:
    if reading.fate in (Fate.READ, Fate.ROLLED, Fate.SHIFTED):
        return {reading.published}
    return other.get(reading.fate, set())


def zone_line(zone: str | None, line: str = "timezone: {}\n") -> str:
    """The config line setting the site's *zone* (none without one)."""
    return line.format(zone) if zone else ""


def hugo_version() -> tuple[int, int]:
    out = subprocess.run(["hugo", "version"], capture_output=True, text=True, check=True).stdout
    match = re.search(r"v(\d+)\.(\d+)", out)
    assert match, out
    return int(match[1]), int(match[2])


@pytest.mark.skipif(
    shutil.which("hugo") is None, reason="hugo is not installed (apt-get install hugo)"
)
@pytest.mark.parametrize("zone", ZONES)
def test_hugo_dates_posts_as_recapkit_says(tmp_path: Path, zone: str | None) -> None:
    config = 'baseURL = "https://example.org/"\ntitle = "t"\n'
    (tmp_path / "hugo.toml").write_text(
        config + zone_line(zone, 'timeZone = "{}"\n'), encoding="utf-8"
    )
    folder = tmp_path / "content" / "posts"
    posts = write_posts(folder)
    stopped, out = build(["hugo", "list", "all"], tmp_path, folder, list(posts))
    days = {
        Path(r["path"]).stem: date.fromisoformat(r["date"][:10])
        for r in csv.DictReader(io.StringIO(out))
    }
    got = {name: None if name in stopped else days.get(name) for name in posts}
    zero: set[Outcome] = {ZERO_DAY} if hugo_version() < (0, 135) else {None}
    assert disagreements("hugo", tmp_path, posts, got, {Fate.ZERO: zero}) == []


@pytest.mark.skipif(
    shutil.which("jekyll") is None, reason="jekyll is not installed (apt-get install jekyll)"
)
@pytest.mark.parametrize("zone", ZONES)
def test_jekyll_dates_posts_as_recapkit_says(tmp_path: Path, zone: str | None) -> None:
    config = "title: t\npermalink: /:year/:month/:day/:title/\n" + zone_line(zone)
    (tmp_path / "_config.yml").write_text(config, encoding="utf-8")
    folder = tmp_path / "_posts"
    posts = write_posts(folder, prefix="2001-01-01-")
    stopped, _ = build(["jekyll", "build", "--quiet"], tmp_path, folder, list(posts))
    days = url_days(tmp_path / "_site")
    got = {name: None if name in stopped else days.get(name) for name in posts}
    if zone:  # Psych reads an unquoted naive time as UTC; a string is the site's wall clock
        by_value = {value: got[name] for name, value in posts.items()}
        assert by_value[DateText("2025-02-07 20:00:00")] == date(2025, 2, 8)
        assert by_value[DateText("2025-02-07 20:00:00", quoted=True)] == date(2025, 2, 7)
    assert disagreements("jekyll", tmp_path, posts, got, {Fate.REFUSED: {None}}) == []


def hexo_modules() -> Path | None:
    """The installed Hexo the tests may use (RECAPKIT_HEXO_MODULES), if it is complete."""
    modules = Path(HEXO_MODULES)
    needed = (modules / "hexo" / "bin" / "hexo", modules / "hexo-renderer-marked")
    return modules if HEXO_MODULES and all(p.exists() for p in needed) else None


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
@pytest.mark.skipif(
    hexo_modules() is None,
    reason="no Hexo: set RECAPKIT_HEXO_MODULES to a node_modules folder holding hexo and "
    "hexo-renderer-marked (.ci/run installs one; the tests never download)",
)
@pytest.mark.parametrize("zone", ZONES)
def test_hexo_dates_posts_as_recapkit_says(tmp_path: Path, zone: str | None) -> None:
    modules = hexo_modules()
    assert modules is not None
    (tmp_path / "node_modules").symlink_to(modules.resolve(), target_is_directory=True)
    (tmp_path / "package.json").write_text(
        '{"name": "s", "private": true, "hexo": {},'
        ' "dependencies": {"hexo": "*", "hexo-renderer-marked": "*"}}',
        encoding="utf-8",
    )
    config = "title: t\nurl: https://example.org\npermalink: :year/:month/:day/:title/\n"
    (tmp_path / "_config.yml").write_text(config + zone_line(zone), encoding="utf-8")
    folder = tmp_path / "source" / "_posts"
    posts = write_posts(folder)
    started = datetime.now(UTC).date()
    command = ["node", str(modules / "hexo" / "bin" / "hexo"), "generate"]
    stopped, _ = build(command, tmp_path, folder, list(posts))
    build_days: set[Outcome] = {started, datetime.now(UTC).date()}
    days = url_days(tmp_path / "public")
    got = {name: None if name in stopped else days.get(name) for name in posts}
    if zone:  # the UTC reading taken as the site's wall clock: 8 hours earlier
        by_value = {value: got[name] for name, value in posts.items()}
        assert by_value[DateText("2025-02-07")] == date(2025, 2, 6)
        assert by_value[DateText("2025-02-07 12:00:00")] == date(2025, 2, 7)
    other = {Fate.FILE_TIME: build_days}
    assert disagreements("hexo", tmp_path, posts, got, other) == []


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
@pytest.mark.skipif(hexo_modules() is None, reason="no Hexo (RECAPKIT_HEXO_MODULES)")
@pytest.mark.parametrize("zone", ["Asia/Shanghai", "America/Los_Angeles", None])
def test_a_post_new_writes_is_published_on_its_day_by_real_hexo(
    tmp_path: Path, zone: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    """`recapkit new --from` a recap dated 2025-02-07 into a Hexo site with a zone: the post is
    published under 2025/02/07, whatever the zone (a plain date would be the day before east
    of UTC), and `recapkit lint` has nothing to say about its date."""
    from recapkit.cli import main

    modules = hexo_modules()
    assert modules is not None
    (tmp_path / "node_modules").symlink_to(modules.resolve(), target_is_directory=True)
    (tmp_path / "package.json").write_text(
        '{"name": "s", "private": true, "hexo": {},'
        ' "dependencies": {"hexo": "*", "hexo-renderer-marked": "*"}}',
        encoding="utf-8",
    )
    config = "title: t\nurl: https://example.org\npermalink: :year/:month/:day/:title/\n"
    (tmp_path / "_config.yml").write_text(config + zone_line(zone), encoding="utf-8")
    (tmp_path / "source" / "_posts").mkdir(parents=True)
    data = EXAMPLES / "rust-night-berlin-2025.json"
    assert main(["new", "--from", str(data), "--site", str(tmp_path)]) == 0
    post = Path(capsys.readouterr().out.strip())
    assert main(["lint", "--isolated", "--no-cache", "--select", "RK106", str(post)]) == 0
    command = ["node", str(modules / "hexo" / "bin" / "hexo"), "generate"]
    build(command, tmp_path, post.parent, [])
    assert list((tmp_path / "public" / "2025" / "02").glob("07/*/index.html")), sorted(
        str(p.relative_to(tmp_path)) for p in (tmp_path / "public").rglob("index.html")
    )
