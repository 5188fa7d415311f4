"""``recapkit lint`` PATHS as CI configs write them: quoted globs, ``!negations`` and
``--changed-since REF`` in a real git repository."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from recapkit.cli import main
from tests.lint.fakes import fake_rules, write

__all__ = ["fake_rules"]  # the fixture, re-exported for pytest

BAD = "---\ntitle: T\n---\n\n##Talks\n"


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_rules: object) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / ".cache"))
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


def linted(capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    main(["lint", "--no-cache", "--quiet", *args])
    return sorted({line.split(":")[0] for line in capsys.readouterr().out.splitlines()})


def test_a_quoted_glob_is_expanded_and_negations_leave_files_out(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for name in ("content/a.md", "content/posts/b.md", "content/drafts/c.md", "notes/d.md"):
        write(Path(name), BAD)
    assert linted(capsys, "content/**/*.md") == [
        "content/a.md",
        "content/drafts/c.md",
        "content/posts/b.md",
    ]
    assert linted(capsys, "content/**/*.md", "!content/drafts/**") == [
        "content/a.md",
        "content/posts/b.md",
    ]
    assert linted(capsys, "!drafts", "!notes") == ["content/a.md", "content/posts/b.md"]


def test_a_glob_that_matches_nothing_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "--no-cache", "content/**/*.md"]) == 2
    assert "content/**/*.md: no such file or directory" in capsys.readouterr().err


def git(*args: str) -> None:
    subprocess.run(["git", *args], check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_changed_since_lints_only_what_changed_since_the_branch_point(
    capsys: pytest.CaptureFixture[str],
) -> None:
    git("init", "-q", "-b", "main")
    git("config", "user.email", "t@example.org")
    git("config", "user.name", "t")
    for name in ("content/old.md", "content/edited.md", "content/main-only.md"):
        write(Path(name), BAD)
    git("add", ".")
    git("commit", "-q", "-m", "base")
    git("checkout", "-q", "-b", "feature")
    write(Path("content/committed.md"), BAD)
    git("add", ".")
    git("commit", "-q", "-m", "feature")
    git("checkout", "-q", "main")
    write(Path("content/main-only.md"), BAD + "\nchanged on main later\n")
    git("commit", "-q", "-am", "main moves on")
    git("checkout", "-q", "feature")
    write(Path("content/edited.md"), BAD + "\nedited, not committed\n")
    write(Path("content/new.md"), BAD)

    assert linted(capsys, "--changed-since", "main", "content") == [
        "content/committed.md",
        "content/edited.md",
        "content/new.md",
    ]


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_changed_since_a_ref_that_does_not_exist_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    git("init", "-q")
    write(Path("content/a.md"), BAD)
    assert main(["lint", "--changed-since", "no-such-ref", "content"]) == 2
    assert "error: --changed-since: git " in capsys.readouterr().err
