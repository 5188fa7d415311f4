"""``recapkit lint`` text output as ruff users read it: severity on each line, ``full`` source
context, ``--show-fixes``, the fixable column of ``--statistics``, ``--fail-on``, ``--show-files``."""

from __future__ import annotations

from pathlib import Path

import pytest

from recapkit.cli import main
from tests.lint.fakes import fake_rules, write

__all__ = ["fake_rules"]  # the fixture, re-exported for pytest

DIRTY = "---\ntitle: Dirty\ntags: go meetup\n---\n\n##Talks\n\n![](missing.png)\n"
WARNING_ONLY = "---\ntitle: W\n---\n\n![](here.png)\n"
INFO_ONLY = "---\ntitle: I\n---\n\nTODO(recapkit): the summary\n"


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_rules: object) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / ".cache"))
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    (tmp_path / "here.png").write_bytes(b"\x89PNG")


def lint(*args: str) -> int:
    return main(["lint", "--no-cache", "--quiet", *args])


def test_warning_and_info_findings_say_so_and_errors_stay_as_they_were(
    capsys: pytest.CaptureFixture[str],
) -> None:
    write(Path("w.md"), WARNING_ONLY)
    write(Path("i.md"), INFO_ONLY)
    write(Path("e.md"), "---\ntitle: E\n---\n\n##Talks\n")
    lint("w.md", "i.md", "e.md")
    assert capsys.readouterr().out.splitlines() == [
        "e.md:5:1: RK301 [*] no space after '#'",
        "i.md:5:1: RK401 (info) 'TODO(recapkit)' left in the post",
        "w.md:5:1: RK201 (warning) image has no alt text",
    ]


def test_full_output_shows_the_line_and_marks_the_span_in_terminal_columns(
    capsys: pytest.CaptureFixture[str],
) -> None:
    write(Path("a.md"), "---\ntitle: 中文\ntags: 中文 标签\n---\n")
    lint("--output-format", "full", "a.md")
    assert capsys.readouterr().out == (
        "a.md:3:7: RK104 [*] tags must be a list\n  |\n3 | tags: 中文 标签\n  |       ^^^^^^^^^\n\n"
    )


@pytest.mark.parametrize(
    ("fail_on", "exits"),
    [("error", (0, 0, 1)), ("warning", (0, 1, 1)), ("info", (1, 1, 1))],
)
def test_fail_on_sets_the_lowest_failing_severity(fail_on: str, exits: tuple[int, ...]) -> None:
    write(Path("i.md"), INFO_ONLY)
    write(Path("w.md"), WARNING_ONLY)
    write(Path("d.md"), DIRTY)
    got = tuple(lint("--fail-on", fail_on, name) for name in ("i.md", "w.md", "d.md"))
    assert got == exits


def test_fail_on_in_the_config_and_the_flag_wins(capsys: pytest.CaptureFixture[str]) -> None:
    write(Path("recapkit.toml"), 'fail-on = "info"\n')
    write(Path("i.md"), INFO_ONLY)
    assert lint("i.md") == 1
    assert lint("--fail-on", "warning", "i.md") == 0
    write(Path("recapkit.toml"), 'fail-on = "fatal"\n')
    assert lint("i.md") == 2
    assert "fail-on" in capsys.readouterr().err


def test_show_fixes_lists_what_fix_changed(capsys: pytest.CaptureFixture[str]) -> None:
    write(Path("d.md"), DIRTY)
    assert lint("--fix", "--show-fixes", "d.md") == 1
    out = capsys.readouterr().out
    assert "Fixed 2 problems:\n" in out
    assert "  d.md:3:7: RK104 " in out and "  d.md:6:1: RK301 insert a space" in out


def test_show_fixes_without_fix_lists_what_it_would_do(capsys: pytest.CaptureFixture[str]) -> None:
    write(Path("d.md"), DIRTY)
    assert lint("--show-fixes", "d.md") == 1
    out = capsys.readouterr().out
    assert "Fixes available (--fix):\n" in out and "  d.md:6:1: RK301 insert a space" in out
    assert Path("d.md").read_text() == DIRTY


def test_statistics_count_the_fixable_findings_of_a_rule(
    capsys: pytest.CaptureFixture[str],
) -> None:
    write(Path("a.md"), DIRTY)
    write(Path("b.md"), DIRTY.replace("##Talks", "## Talks\n\n###More"))
    lint("--statistics", "a.md", "b.md")
    lines = capsys.readouterr().out.splitlines()
    assert "     2  RK301  [*] heading-missing-space" in lines
    assert "     2  RK201      image-missing-alt" in lines


def test_show_files_lists_the_files_and_lints_none(capsys: pytest.CaptureFixture[str]) -> None:
    write(Path("content/b.md"), DIRTY)
    write(Path("content/a.md"), DIRTY)
    write(Path("content/notes.txt"), "not markdown")
    assert main(["lint", "--show-files", "content"]) == 0
    assert capsys.readouterr().out.splitlines() == ["content/a.md", "content/b.md"]
