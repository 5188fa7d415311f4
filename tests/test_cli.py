"""The top-level command line: version, help, and how every kind of failure is reported."""

from __future__ import annotations

import signal
from collections.abc import Callable
from pathlib import Path
from types import FrameType

import pytest

from recapkit.__about__ import __version__
from recapkit.cli import COMMANDS, main
from tests.paths import EXAMPLES

EXAMPLE = EXAMPLES / "gopher-meetup-hangzhou-2025.yaml"


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert __version__ in capsys.readouterr().out


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_help_with_an_example(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([name, "--help"]) == 0
    out = capsys.readouterr().out
    assert "Usage: recapkit " + name in out
    assert "recapkit " + name in out.split("Usage:", 1)[1].split("\n", 1)[1]  # an example


def test_unknown_command_is_a_usage_error_in_house_style(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["no-such-command"]) == 2
    err = capsys.readouterr().err
    assert "error: No such command 'no-such-command'" in err
    assert "Try 'recapkit --help' for help." in err


def test_bad_option_value_is_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(EXAMPLE), "--ssg", "gatsby"]) == 2
    assert "error: " in capsys.readouterr().err


def test_file_system_refusal_is_an_error_line_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A folder where the output file should go: the OS refuses, recapkit says so in one line.
    folder = tmp_path / "out.md"
    folder.mkdir()
    code = main(["render", str(EXAMPLE), "--ssg", "hugo", "-o", str(folder), "--force"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("error: ")
    assert "Traceback" not in err and "internal error" not in err


def _own_handler(signum: int, frame: FrameType | None) -> None:
    """A calling program's own SIGTERM handling."""


@pytest.mark.parametrize("handler", [signal.SIG_DFL, _own_handler], ids=["default", "own"])
def test_main_leaves_sigterm_as_it_found_it(
    handler: Callable[[int, FrameType | None], None] | signal.Handlers,
) -> None:
    """SIGTERM interrupts a command like Ctrl-C only while main() runs (the real process:
    tests/lint/test_process_tree.py); afterwards the default is back, and a program that calls
    main() with its own handler keeps it."""
    previous = signal.signal(signal.SIGTERM, handler)
    try:
        assert main(["--version"]) == 0
        assert signal.getsignal(signal.SIGTERM) is handler
    finally:
        signal.signal(signal.SIGTERM, previous)
