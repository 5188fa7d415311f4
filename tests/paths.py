"""Where things are in the repository, for tests: import these rather than walking up from
``__file__``, so a test module can move to another folder without its paths breaking."""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
"""The repository root (README.md, pyproject.toml, action.yml, .pre-commit-hooks.yaml, .ci/)."""

PACKAGE = ROOT / "recapkit"
DOCS = ROOT / "docs"
EXAMPLES = ROOT / "examples"
TEMPLATES = ROOT / "templates"

FIXTURES = TESTS / "fixtures"
"""Byte-exact test inputs: posts/, rules/ (sites whose posts announce their findings), sites/,
schemas/ (third-party schemas the tests validate against)."""

GOLDEN = TESTS / "golden"
"""Expected ``recapkit render`` output, one folder per example (RECAPKIT_UPDATE_GOLDENS=1)."""
