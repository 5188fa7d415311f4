"""``recapkit lint -``: a post read from standard input, linted as the file ``--stdin-filename``
names (its generator, its config, its images), through ``main([...])`` with the real rules."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from recapkit.cli import main
from tests.files import write

POST = (
    "---\ntitle: Gopher meetup\ndate: 2025-03-01\n---\n\n##Talks\n\n![The room, full](room.jpg)\n"
)
FIXED = POST.replace("##Talks", "## Talks")


@pytest.fixture(autouse=True)
def _site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A Hugo site in blog/ with its own recapkit.toml; the tests run from the folder above it,
    where no config and no site are."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / ".cache"))
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    write(tmp_path / "blog" / "hugo.toml", 'baseURL = "https://example.org/"\n')
    write(tmp_path / "blog" / "recapkit.toml", 'select = ["RK301", "RK203", "RK106"]\n')
    write(tmp_path / "blog" / "content" / "posts" / "meetup" / "room.jpg", b"\xff\xd8")


def lint_stdin(monkeypatch: pytest.MonkeyPatch, text: str | bytes, *args: str) -> int:
    data = text.encode("utf-8") if isinstance(text, str) else text
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    return main(["lint", *args])


PATH = "blog/content/posts/meetup/index.md"


def test_the_text_is_linted_as_the_file_it_names_with_its_site_and_config(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The file does not exist yet (a new post in an editor): its place is enough.
    assert lint_stdin(monkeypatch, POST, "-", "--stdin-filename", PATH) == 1
    captured = capsys.readouterr()
    assert captured.out == (
        f"{PATH}:6:1: RK301 [*] no space after the #s: `##Talks` is shown as text, not a heading\n"
        "Site: blog (Hugo, blog/hugo.toml): 1 file\n"
        "Found 1 problem (1 error) in 1 file; 1 fixable with --fix.\n"
    )
    assert captured.err == ""  # room.jpg is found next to PATH: no RK203


def test_every_format_names_the_path(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert lint_stdin(monkeypatch, POST, "--output-format", "json", "-", "--stdin-filename", PATH)
    report = json.loads(capsys.readouterr().out)
    assert {d["path"] for d in report["diagnostics"]} == {PATH}
    assert report["summary"]["sites"][0]["generator"] == "hugo"
    assert lint_stdin(monkeypatch, POST, "--output-format", "github", "-", "--stdin-filename", PATH)
    assert f"file={PATH},line=6," in capsys.readouterr().out


def test_without_a_filename_it_is_a_generic_post_named_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert lint_stdin(monkeypatch, POST, "--select", "RK301,RK203", "-") == 1
    captured = capsys.readouterr()
    assert captured.err == (
        "warning: <stdin>: checked as a generic post; pass --stdin-filename PATH to check it as "
        "that file\n"
    )
    lines = captured.out.splitlines()
    assert lines[:2] == [
        "<stdin>:6:1: RK301 [*] no space after the #s: `##Talks` is shown as text, not a heading",
        "<stdin>:8:1: RK203 image room.jpg not found (tried room.jpg in the post's folder)",
    ]
    assert lines[2] == "Site: . (generic Markdown: no generator detected): 1 file"


def test_a_relative_image_is_looked_for_next_to_the_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    other = "blog/content/posts/elsewhere/index.md"
    assert lint_stdin(monkeypatch, FIXED, "-", "--stdin-filename", other) == 1
    assert "RK203 image room.jpg not found (tried content/posts/elsewhere/room.jpg)" in (
        capsys.readouterr().out
    )
    assert lint_stdin(monkeypatch, FIXED, "-", "--stdin-filename", PATH) == 0
    assert capsys.readouterr().out.endswith("All checks passed (1 file).\n")


def test_fix_prints_the_fixed_text_and_leaves_the_file_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    on_disk = write(tmp_path / PATH, "the file's own text\n")
    # A BOM and CRLF line endings come back as they were: only the fix changes a byte.
    text = ("\ufeff" + POST.replace("\n", "\r\n")).encode("utf-8")
    assert lint_stdin(monkeypatch, text, "--fix", "-", "--stdin-filename", PATH) == 0
    captured = capsysbinary.readouterr()
    assert captured.out == text.replace(b"##Talks", b"## Talks")
    assert captured.err.endswith(b"All checks passed (1 file; fixed 1).\n")  # the report
    assert on_disk.read_text() == "the file's own text\n"


def test_fix_with_nothing_to_fix_prints_the_text_unchanged(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert lint_stdin(monkeypatch, FIXED, "--fix", "-", "--stdin-filename", PATH) == 0
    assert capsys.readouterr().out == FIXED


def test_fix_exits_1_when_findings_remain_and_still_prints_the_text(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = POST.replace("room.jpg", "gone.jpg")
    assert lint_stdin(monkeypatch, text, "--fix", "-", "--stdin-filename", PATH) == 1
    captured = capsys.readouterr()
    assert captured.out == text.replace("##Talks", "## Talks")
    assert "RK203 image gone.jpg not found" in captured.err


def test_diff_names_the_path_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert lint_stdin(monkeypatch, POST, "--diff", "-", "--stdin-filename", PATH) == 1
    captured = capsys.readouterr()
    assert f"--- a/{PATH}\n+++ b/{PATH}\n" in captured.out
    assert "-##Talks\n+## Talks\n" in captured.out
    assert captured.err == "Would fix 1 problem(s) in 1 file.\n"
    assert not (tmp_path / PATH).exists()


def test_an_excluded_path_is_not_linted_and_fix_gives_the_text_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "blog" / "recapkit.toml", 'exclude = ["content/drafts/**"]\n')
    draft = "blog/content/drafts/x.md"
    assert lint_stdin(monkeypatch, POST, "--fix", "-", "--stdin-filename", draft) == 0
    captured = capsys.readouterr()
    assert captured.out == POST
    assert captured.err.startswith(
        f'warning: {draft}: excluded by exclude = "content/drafts/**" (blog/recapkit.toml)\n'
    )


def test_the_cache_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert lint_stdin(monkeypatch, FIXED, "-", "--stdin-filename", PATH) == 0
    assert not (tmp_path / ".cache").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-", "-"], "- (standard input) is given more than once"),
        (["-", "blog"], "- (standard input) cannot be linted together with other paths"),
        (
            ["--stdin-filename", PATH, "blog"],
            "--stdin-filename names the file that - (standard input) stands for",
        ),
        (
            ["--changed-since", "HEAD", "-"],
            "--changed-since picks files; standard input is one text, not a file",
        ),
    ],
)
def test_stdin_with_other_paths_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    assert lint_stdin(monkeypatch, POST, *args) == 2
    assert capsys.readouterr().err == f"error: {message}\n"


def test_stdin_filename_alone_reads_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert lint_stdin(monkeypatch, POST, "--stdin-filename", PATH) == 1
    assert capsys.readouterr().out.startswith(f"{PATH}:6:1: RK301 ")


def test_a_subprocess_reads_its_real_standard_input(tmp_path: Path) -> None:
    """The command as an editor runs it: a real pipe, bytes in, fixed bytes out."""
    import subprocess

    done = subprocess.run(
        [sys.executable, "-m", "recapkit", "lint", "--fix", "-", "--stdin-filename", PATH],
        input=POST.encode("utf-8"),
        capture_output=True,
        check=False,
        env={"PYTHONPATH": str(Path(__file__).parents[2]), "PATH": "/usr/bin:/bin"},
    )
    assert (done.returncode, done.stdout.decode("utf-8")) == (0, FIXED)


def test_full_output_shows_the_lines_of_the_text_not_of_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / PATH, "---\ntitle: On disk\n---\n\nsaved text\n\nline six on disk\n")
    assert lint_stdin(monkeypatch, POST, "--output-format", "full", "-", "--stdin-filename", PATH)
    out = capsys.readouterr().out
    assert "6 | ##Talks\n  | ^^^^^^^\n" in out and "on disk" not in out
