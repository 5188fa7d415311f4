"""The README's quickstart commands are the ones CI runs."""

from __future__ import annotations

import re

from tests.paths import ROOT


def _quickstart_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```sh\n(.*?)```", readme, re.S)
    assert block, "README must start with a sh block of commands"
    return [line for line in block.group(1).splitlines() if line and not line.startswith("#")]


def test_readme_starts_with_exactly_two_commands() -> None:
    commands = _quickstart_commands()
    assert len(commands) == 2
    assert "pytest" in commands[1]


def test_ci_runs_exactly_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert _quickstart_commands()[1] in ci


def test_the_first_command_names_only_existing_example_paths() -> None:
    command = _quickstart_commands()[0]
    for path in re.findall(r"\bexamples/[\w./*-]+", command):
        assert list(ROOT.glob(path)), path
