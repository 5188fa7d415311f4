"""``recapkit lint --watch``: a real watch loop in a subprocess, fed real file changes.

Each wait is for a line the user would see, bounded by a generous liveness limit (a slow CI
machine only makes it slower, never wrong); the process is killed in ``finally`` whatever
happens, so a test can fail but never hang the suite.
"""

from __future__ import annotations

import importlib.util
import os
import queue
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from recapkit.cli import main
from recapkit.lint.pipeline import LintRequest
from recapkit.lint.watch import Change, Known, Plan, Session, plan
from tests.files import write
from tests.paths import ROOT

needs_watchfiles = pytest.mark.skipif(
    importlib.util.find_spec("watchfiles") is None, reason="the watch extra is not installed"
)

LIVENESS = 60.0
"""Seconds a line may take to appear before the test gives up (not a timing assertion)."""

DIRTY = "---\ntitle: {title}\n---\n\n##{title}\n"
"""A post with one finding: RK301, a heading without a space after the #s."""


class Watching:
    """``python -m recapkit lint --watch ...`` with its output (stderr too) read line by line."""

    def __init__(self, cwd: Path, *args: str) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_CACHE_HOME": str(cwd / ".cache")}
        for name in ("GITHUB_ACTIONS", "NO_COLOR", "CI"):
            env.pop(name, None)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "recapkit", "lint", "--watch", *args],
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
        )
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.seen: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def until(self, text: str) -> list[str]:
        """The lines up to the first one holding *text* (fails after LIVENESS seconds)."""
        got: list[str] = []
        while True:
            try:
                line = self.lines.get(timeout=LIVENESS)
            except queue.Empty:
                pytest.fail(f"no line with {text!r} in {LIVENESS}s; after: {self.seen}")
            if line is None:
                pytest.fail(f"the watch ended before {text!r}; output: {self.seen}")
            got.append(line)
            self.seen.append(line)
            if text in line:
                return got

    def stop(self, signum: int) -> tuple[int, str]:
        """Send *signum*; the exit code once the process has ended, and what it printed last."""
        self.process.send_signal(signum)
        code = self.process.wait(timeout=LIVENESS)
        self.reader.join(LIVENESS)
        rest = []
        while (line := self.lines.get_nowait()) is not None:
            rest.append(line)
        return code, "\n".join(rest)

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def put(site: Path, name: str, text: str) -> None:
    """Write *name* below *site* in one step, as an editor saves (a temporary file renamed over
    it): the watcher never sees it half-written, so each write is one change."""
    temporary = write(site / ".saving" / name, text)  # a folder no watcher looks into
    os.replace(temporary, site / name)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    write(tmp_path / "content" / "a.md", DIRTY.format(title="A"))
    return tmp_path


@needs_watchfiles
def test_watch_relints_what_changes_and_ends_with_130_on_ctrl_c(site: Path) -> None:
    watching = Watching(site, "content")
    try:
        first = watching.until("Watching content for changes")
        assert any(line.startswith("content/a.md:5:1: RK301") for line in first)

        put(site, "content/b.md", DIRTY.format(title="B"))  # created
        created = watching.until("in all; watching.")
        assert "Changed: content/b.md." in created[0]
        assert any(line.startswith("content/b.md:5:1: RK301") for line in created)
        assert not any("content/a.md" in line for line in created)  # only the changed file
        assert created[-1].endswith("2 problems in 2 files in all; watching.")

        put(site, "content/b.md", "---\ntitle: B\n---\n\n## B\n")  # fixed by hand
        fixed = watching.until("in all; watching.")
        assert "Changed: content/b.md." in fixed[0]
        assert not any("RK301" in line for line in fixed)
        assert fixed[-1].endswith("1 problem in 1 file in all; watching.")

        (site / "content" / "a.md").unlink()  # its finding leaves the count
        deleted = watching.until("in all; watching.")
        assert "Deleted: content/a.md." in deleted[0]
        assert deleted[-1].endswith("0 problems in 0 files in all; watching.")

        code, last = watching.stop(signal.SIGINT)
        assert code == 130
        assert last.strip() == "Aborted."  # no traceback
    finally:
        watching.kill()


@needs_watchfiles
def test_a_config_change_relints_every_file(site: Path) -> None:
    write(site / "content" / "b.md", DIRTY.format(title="B"))
    watching = Watching(site, "content")
    try:
        watching.until("Watching content for changes")
        put(site, "recapkit.toml", 'ignore = ["RK301"]\n')  # a new, nearer config file
        changed = watching.until("in all; watching.")
        assert "Config changed (recapkit.toml): linting every file." in changed[0]
        assert "All checks passed (2 files)." in changed
        assert changed[-1].endswith("0 problems in 0 files in all; watching.")

        put(site, "recapkit.toml", "ignore = []\n")  # and again, in the file now in use
        again = watching.until("in all; watching.")
        assert "Config changed (recapkit.toml)" in again[0]
        assert again[-1].endswith("2 problems in 2 files in all; watching.")
        put(site, "recapkit.toml", "ignore = [\n")  # saved half-written: said, not fatal
        broken = watching.until("(still watching)")
        assert "recapkit.toml: invalid TOML" in broken[-1]
        put(site, "recapkit.toml", 'ignore = ["RK301"]\n')
        assert "Config changed" in watching.until("Config changed")[-1]
        code, last = watching.stop(signal.SIGTERM)
        assert code == 143
        assert last.strip().endswith("Aborted.")
        assert "Traceback" not in last
    finally:
        watching.kill()


@needs_watchfiles
def test_a_change_to_the_site_config_relints_every_file(tmp_path: Path) -> None:
    write(tmp_path / "hugo.toml", 'title = "Meetups"\n')
    write(tmp_path / "content" / "a.md", DIRTY.format(title="A"))
    watching = Watching(tmp_path, "content")
    try:
        watching.until("Watching content for changes")
        put(tmp_path, "hugo.toml", 'title = "Meetups"\ncontentDir = "content"\n')
        changed = watching.until("in all; watching.")
        assert "Config changed (hugo.toml): linting every file." in changed[0]
        assert any(line.startswith("content/a.md:5:1: RK301") for line in changed)
    finally:
        watching.kill()


@needs_watchfiles
def test_an_image_created_relints_the_post_that_looks_for_it(tmp_path: Path) -> None:
    write(tmp_path / "content" / "talk" / "index.md", "---\ntitle: T\n---\n\n![stage](stage.png)\n")
    watching = Watching(tmp_path, "content")
    try:
        first = watching.until("Watching content for changes")
        assert any("RK203 image stage.png not found" in line for line in first)
        put(tmp_path, "content/talk/stage.png", "not really a PNG")
        found = watching.until("in all; watching.")
        assert "Changed: content/talk/stage.png. Linted: content/talk/index.md." in found[0]
        assert found[-1].endswith("0 problems in 0 files in all; watching.")
    finally:
        watching.kill()


@needs_watchfiles
def test_a_sidecar_edited_relints_the_post_it_holds_the_data_of(tmp_path: Path) -> None:
    write(tmp_path / "content" / "go.md", "---\ntitle: T\ndate: 2025-04-20\n---\n\nBody.\n")
    write(tmp_path / "content" / "go.recap.yaml", "title: [\n")
    watching = Watching(tmp_path, "content")
    try:
        first = watching.until("Watching content for changes")
        assert any("RK108 recap data file" in line for line in first)
        put(tmp_path, "content/go.recap.yaml", "title: T\ndate: 2025-04-20\nevent: {name: Go}\n")
        found = watching.until("in all; watching.")
        assert "Changed: content/go.recap.yaml. Linted: content/go.md." in found[0]
        assert found[-1].endswith("0 problems in 0 files in all; watching.")
    finally:
        watching.kill()


@needs_watchfiles
def test_watch_fix_writes_each_change_once(site: Path) -> None:
    """--fix fixes each change; its own write is not a change to lint again (that round
    would come first, as the write came before the next change)."""
    watching = Watching(site, "--fix", "content")
    try:
        first = watching.until("Watching content for changes")
        assert "All checks passed (1 file; fixed 1)." in first
        put(site, "content/b.md", DIRTY.format(title="B"))
        fixed = watching.until("in all; watching.")
        assert "Changed: content/b.md." in fixed[0]
        assert "All checks passed (1 file; fixed 1)." in fixed
        assert (site / "content" / "b.md").read_text(encoding="utf-8").endswith("## B\n")
        put(site, "content/c.md", "---\ntitle: C\n---\n")
        assert "Changed: content/c.md." in watching.until("in all; watching.")[0]
    finally:
        watching.kill()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--diff"], "--watch cannot be used with --diff"),
        (["-o", "report.txt"], "--watch cannot be used with -o/--output-file"),
        (["--output-format", "json"], "--output-format json is not one"),
        (["--show-files"], "--watch cannot be used with --show-files"),
        (["-"], "- (standard input) is one text"),
    ],
)
def test_what_watch_cannot_stream_is_a_usage_error(
    site: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    monkeypatch.chdir(site)
    assert main(["lint", "--watch", *args]) == 2
    assert message in capsys.readouterr().err


def test_a_change_plans_the_posts_it_concerns(tmp_path: Path) -> None:
    post, other, image, config = (tmp_path / n for n in ("a.md", "b.md", "x.png", "recapkit.toml"))
    for path in (post, other):
        write(path, "text\n")
    known = Known(
        posts=frozenset({post, other}),
        dependents={image: frozenset({other})},
        config_folders=frozenset({tmp_path}),
    )
    new = write(tmp_path / "c.md", "text\n")
    assert plan({(Change.MODIFIED, post), (Change.ADDED, new)}, known) == Plan(
        lint=(post,), unknown=(new,)
    )
    # An image created or deleted: the posts that looked for it.
    assert plan({(Change.ADDED, image)}, known) == Plan(lint=(other,), looked_for=(image,))
    # Not Markdown and nobody's dependency: nothing to do.
    assert not plan({(Change.ADDED, tmp_path / "notes.txt")}, known)
    post.unlink()
    assert plan({(Change.DELETED, post)}, known) == Plan(deleted=(post,))
    # A config file outweighs everything else in the batch.
    assert plan({(Change.ADDED, config), (Change.MODIFIED, other)}, known) == Plan(
        everything=True, configs=(config,)
    )


def test_a_glob_is_watched_from_the_folder_before_its_wildcards(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(site)
    write(site / "content" / "talks" / "b.md", "text\n")
    request = LintRequest(paths=(Path("content/**/*.md"), Path("!content/drafts/**")))
    assert Session(request).watched() == ([site.resolve() / "content"], [])


def test_without_the_extra_watch_says_how_to_install_it(
    site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real_find_spec = importlib.util.find_spec

    def find_spec(name: str, *args: Any) -> object:
        return None if name == "watchfiles" else real_find_spec(name, *args)

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    monkeypatch.chdir(site)
    assert main(["lint", "--watch", "content"]) == 2
    assert "--watch needs watchfiles, which the watch extra installs" in capsys.readouterr().err
