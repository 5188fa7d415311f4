"""The supply chain of the GitHub Action and its example workflow: every action they call is pinned to
a commit with its release in a comment, the checkout leaves no credentials behind, and zizmor (the
GitHub Actions auditor that .ci/run runs) finds nothing in them, while it does find those problems
where they exist."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.paths import ROOT

ACTION = ROOT / "action.yml"
WORKFLOW = ROOT / "examples" / "ci" / "github-workflow.yml"
CI_DOC = ROOT / "docs" / "ci.md"
CI_RUN = ROOT / ".ci" / "run"

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


# --- zizmor, as CI runs it ---------------------------------------------------------------------


def zizmor() -> str:
    """The zizmor program: beside this Python (the venv of `pip install -e '.[test]'`) or on PATH."""
    path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    program = shutil.which("zizmor", path=path)
    if program is None:
        pytest.skip("zizmor is not installed (it comes with pip install -e '.[test]')")
    return program


def ci_zizmor_command() -> list[str]:
    """The zizmor command line of .ci/run, split into arguments."""
    (line,) = [
        line for line in CI_RUN.read_text().splitlines() if line.startswith(".venv/bin/zizmor")
    ]
    return shlex.split(line)


def run_zizmor(args: list[str], cwd: Path) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    result = subprocess.run(
        [zizmor(), *args, "--format", "json"], cwd=cwd, capture_output=True, text=True
    )
    findings = json.loads(result.stdout) if result.stdout.strip() else []
    return result, [f"{finding['ident']}: {finding['desc']}" for finding in findings]


def test_ci_audits_the_action_and_the_example_offline() -> None:
    command = ci_zizmor_command()
    assert "--offline" in command
    assert {"action.yml", "examples/ci/github-workflow.yml"} <= set(command)


def test_zizmor_finds_nothing_in_the_action_and_the_example() -> None:
    result, findings = run_zizmor(ci_zizmor_command()[1:], ROOT)
    assert findings == []
    assert result.returncode == 0, result.stderr


def test_zizmor_finds_the_problems_this_hardening_removed(tmp_path: Path) -> None:
    # The control for the test above: the same audit over an action and a workflow as they were,
    # with tags for versions, a write to $GITHUB_ENV and a checkout that keeps its credentials.
    (tmp_path / "action.yml").write_text(
        "name: old\ndescription: old\nruns:\n  using: composite\n  steps:\n"
        "    - uses: actions/cache@v4\n      with:\n        path: x\n        key: k\n"
        '    - shell: bash\n      run: echo "BIN=$RUNNER_TEMP/bin" >> "$GITHUB_ENV"\n'
    )
    (tmp_path / "workflow.yml").write_text(
        "name: old\non: [push]\npermissions:\n  contents: read\njobs:\n  lint:\n"
        "    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n"
    )
    result, findings = run_zizmor(["--offline", "action.yml", "workflow.yml"], tmp_path)
    idents = {finding.split(":")[0] for finding in findings}
    assert {"unpinned-uses", "github-env", "artipacked"} <= idents, findings
    assert result.returncode != 0
