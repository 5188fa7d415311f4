"""The supply chain of the GitHub Action and its example workflow: every action they call is pinned to
a commit with its release in a comment, and the checkout leaves no credentials behind."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from tests.paths import ROOT

ACTION = ROOT / "action.yml"
WORKFLOW = ROOT / "examples" / "ci" / "github-workflow.yml"
CI_DOC = ROOT / "docs" / "ci.md"

# `uses: owner/repo[/path]@<commit> # vX.Y.Z`: the commit is what runs, the comment says which
# release it is (and lets Dependabot or Renovate update both together).
PINNED = re.compile(r"^\s*(- )?uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")
PLACEHOLDER = "0" * 40


def uses_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if re.match(r"\s*(- )?uses:", line)]


def yaml_blocks(path: Path) -> list[str]:
    return re.findall(r"^```yaml\n(.*?)^```", path.read_text(encoding="utf-8"), re.M | re.S)


def checkout_steps(workflow: Any) -> list[dict[str, Any]]:
    return [
        step
        for job in workflow["jobs"].values()
        for step in job["steps"]
        if step.get("uses", "").startswith("actions/checkout@")
    ]


def test_every_action_is_pinned_to_a_commit_with_its_release_in_a_comment() -> None:
    for path in (ACTION, WORKFLOW):
        lines = uses_lines(path.read_text(encoding="utf-8"))
        assert lines, path
        for line in lines:
            assert PINNED.match(line), f"{path.name}: {line.strip()}"


def test_the_docs_show_the_example_pins() -> None:
    example = {line.strip() for line in uses_lines(WORKFLOW.read_text(encoding="utf-8"))}
    shown = [line.strip() for block in yaml_blocks(CI_DOC) for line in uses_lines(block)]
    assert shown
    assert set(shown) <= example


def test_the_example_pins_recapkit_to_a_placeholder_no_commit_has() -> None:
    # The action is not published yet, so there is no real commit to name: all zeros is not the
    # hash of any commit, so a copy that keeps it fails to resolve instead of running other code.
    (line,) = [
        line for line in uses_lines(WORKFLOW.read_text(encoding="utf-8")) if "recapkit/" in line
    ]
    assert f"recapkit/recapkit@{PLACEHOLDER} # v" in line
    text = CI_DOC.read_text(encoding="utf-8")
    assert "Replace the zeros" in text
    assert "git ls-remote https://github.com/recapkit/recapkit" in text


def test_the_checkout_leaves_no_credentials_behind() -> None:
    workflows = [yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))]
    workflows += [yaml.safe_load(block) for block in yaml_blocks(CI_DOC) if "jobs:" in block]
    steps = [step for workflow in workflows for step in checkout_steps(workflow)]
    assert len(steps) == len(workflows)
    for step in steps:
        assert step["with"]["persist-credentials"] is False, step
