"""The GitHub Action, the CI examples and the pre-commit hooks: they parse, agree with docs/ci.md,
use only options `recapkit lint` has, and the action's lint step really annotates a bad post."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from recapkit.cli import main
from tests.paths import ROOT

ACTION = ROOT / "action.yml"
CI_DOC = ROOT / "docs" / "ci.md"
WORKFLOW = ROOT / "examples" / "ci" / "github-workflow.yml"
GITLAB = ROOT / "examples" / "ci" / "gitlab-ci.yml"
HOOKS = ROOT / ".pre-commit-hooks.yaml"


class _ConfigLoader(yaml.SafeLoader):
    """The safe loader plus the ``!!python/name:`` tag MkDocs configs use to name a function
    (``pymdownx.superfences.fence_code_format``), read as the name it is."""


_ConfigLoader.add_multi_constructor(
    "tag:yaml.org,2002:python/name:", lambda _loader, suffix, _node: f"python/name:{suffix}"
)


def load(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader)


def doc_table(heading: str) -> dict[str, str]:
    """First column (a `name`) -> second column of the table under ``### heading`` in docs/ci.md."""
    text = CI_DOC.read_text(encoding="utf-8")
    section = text.split(f"### {heading}\n", 1)[1].split("\n#", 1)[0]
    rows = re.findall(r"^\| `([^`]+)` \| ([^|]*) \|", section, flags=re.MULTILINE)
    return {name: value.strip() for name, value in rows}


def lint_options() -> set[str]:
    """Every long option `recapkit lint --help` lists."""
    result = subprocess.run(
        [sys.executable, "-m", "recapkit", "lint", "--help"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return set(re.findall(r"(--[a-z][a-z0-9-]+)", result.stdout))


def options_in(command: str) -> set[str]:
    return set(re.findall(r"(?<![\w-])(--[a-z][a-z0-9-]+)", command))


# --- static checks ---------------------------------------------------------------------------


def test_all_ci_files_parse() -> None:
    for path in (ACTION, WORKFLOW, GITLAB, HOOKS, ROOT / "mkdocs.yml"):
        assert load(path), path


def test_action_inputs_are_documented_with_their_defaults() -> None:
    inputs = load(ACTION)["inputs"]
    documented = doc_table("Inputs")
    assert list(documented) == list(inputs)
    for name, spec in inputs.items():
        default = documented[name].strip("`")
        assert default == (spec["default"] or "(empty)"), name
        assert spec["description"].strip(), name


def test_action_outputs_are_documented() -> None:
    assert list(doc_table("Outputs")) == list(load(ACTION)["outputs"])


def test_action_uses_each_input_and_no_unknown_one() -> None:
    text = ACTION.read_text(encoding="utf-8")
    used = set(re.findall(r"inputs\.([a-z-]+)", text))
    assert used == set(load(ACTION)["inputs"])


def test_action_scripts_take_inputs_from_the_environment_only() -> None:
    # `${{ }}` pasted into a script is a command injection; inputs must arrive as env vars.
    steps = load(ACTION)["runs"]["steps"]
    assert load(ACTION)["runs"]["using"] == "composite"
    for step in steps:
        if "run" in step:
            assert step["shell"] == "bash", step["name"]
            assert "${{" not in step["run"], step["name"]


def test_action_installs_from_its_own_checkout_or_a_version() -> None:
    install = next(s for s in load(ACTION)["runs"]["steps"] if s.get("name") == "Install recapkit")
    assert install["env"]["ACTION_PATH"] == "${{ github.action_path }}"
    assert '"recapkit==$RECAPKIT_VERSION"' in install["run"]


def test_action_wires_cache_and_sarif_upload() -> None:
    uses = {s["uses"].split("@")[0]: s for s in load(ACTION)["runs"]["steps"] if "uses" in s}
    assert "remote == 'true'" in uses["actions/cache"]["if"]
    assert "sarif == 'true'" in uses["github/codeql-action/upload-sarif"]["if"]


def test_workflow_example_uses_only_real_inputs() -> None:
    inputs = set(load(ACTION)["inputs"])
    steps = [s for s in load(WORKFLOW)["jobs"]["lint"]["steps"] if "recapkit" in s.get("uses", "")]
    assert len(steps) == 1
    assert set(steps[0]["with"]) <= inputs
    # The docs show the same `uses:` line as the example.
    assert f"uses: {steps[0]['uses']}" in CI_DOC.read_text(encoding="utf-8")


def test_gitlab_example_reports_junit() -> None:
    job = load(GITLAB)["recapkit-lint"]
    assert job["artifacts"]["reports"]["junit"] == "recapkit-junit.xml"
    assert job["artifacts"]["when"] == "always"
    assert any("--output-format junit" in line for line in job["script"])


def test_hooks_are_the_three_documented_ones() -> None:
    hooks = {hook["id"]: hook for hook in load(HOOKS)}
    assert set(hooks) == {"recapkit-lint", "recapkit-lint-remote", "recapkit-fix"}
    assert hooks["recapkit-lint-remote"]["stages"] == ["manual"]
    assert "--remote" not in hooks["recapkit-lint"]["entry"]
    for hook_id, hook in hooks.items():
        assert hook["language"] == "python"
        assert hook["types_or"] == ["markdown"]
        assert f"`{hook_id}`" in CI_DOC.read_text(encoding="utf-8")


def test_every_lint_option_used_in_ci_files_exists() -> None:
    known = lint_options()
    commands = [hook["entry"] for hook in load(HOOKS)]
    commands.append(ACTION.read_text(encoding="utf-8"))
    gitlab = load(GITLAB)
    commands += [
        line for job in gitlab.values() if isinstance(job, dict) for line in job.get("script", [])
    ]
    used = set().union(*(options_in(c) for c in commands if "recapkit" in c))
    assert used - {"--version", "--disable-pip-version-check"} <= known


# --- the action's lint step, run for real ----------------------------------------------------


def write_site(root: Path) -> None:
    root.mkdir()
    (root / "hugo.toml").write_text('baseURL = "https://example.org/"\ntitle = "Meetups"\n')
    posts = root / "content" / "posts"
    posts.mkdir(parents=True)
    (root / "static" / "images").mkdir(parents=True)
    (root / "static" / "images" / "stage.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 32)
    (posts / "bad.md").write_text(
        "---\ntitle: Go meetup\ndate: 2025-03-08T14:00:00+08:00\n---\n\n##Talks\n\n"
        "![](/images/missing.png)\n"
    )


def lint_step(
    tmp_path: Path, **inputs: str
) -> tuple[subprocess.CompletedProcess[str], dict[str, str]]:
    step = next(s for s in load(ACTION)["runs"]["steps"] if s.get("id") == "lint")
    wrapper = tmp_path / "recapkit"
    wrapper.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m recapkit "$@"\n')
    wrapper.chmod(0o755)
    outputs = tmp_path / "github-output"
    outputs.touch()
    defaults = {k: str(v["default"]) for k, v in load(ACTION)["inputs"].items()}
    values = {**defaults, **inputs}
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "RECAPKIT_BIN": str(wrapper),
        "GITHUB_OUTPUT": str(outputs),
        "GITHUB_WORKSPACE": str(tmp_path),
        "CACHE_DIR": str(tmp_path / "cache"),
    }
    for name in ("paths", "args", "remote", "cache", "sarif", "sarif-file"):
        env[f"INPUT_{name.upper().replace('-', '_')}"] = values[name]
    site = tmp_path / "site"
    result = subprocess.run(
        ["bash", "-c", step["run"]], cwd=site, env=env, capture_output=True, text=True
    )
    pairs = dict(line.split("=", 1) for line in outputs.read_text().splitlines())
    return result, pairs


def annotated_file(line: str, workspace: Path) -> str:
    """The file an annotation lands on, as the Actions runner computes it: an absolute path under
    the workspace becomes relative to it, anything else is taken as relative to the repository root."""
    file = re.search(r"file=([^,:]*)", line)
    assert file, line
    path = Path(file.group(1))
    return path.relative_to(workspace).as_posix() if path.is_relative_to(workspace) else str(path)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    write_site(tmp_path / "site")
    return tmp_path / "site"


def test_lint_step_annotates_a_bad_post_and_reports_exit_code_1(site: Path, tmp_path: Path) -> None:
    result, outputs = lint_step(tmp_path, paths="\n  content\n")  # a YAML block works too
    assert result.returncode == 0, result.stderr  # the failing comes later, after the SARIF upload
    assert outputs["exit-code"] == "1"
    assert outputs["sarif-file"] == ""
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert annotations, result.stdout
    # The site is the sub-folder `site/` of the workspace (`working-directory: site`).
    assert {annotated_file(line, tmp_path) for line in annotations} == {"site/content/posts/bad.md"}


@pytest.mark.parametrize("paths", [".", "content/posts/../posts", "./content/posts/bad.md"])
def test_annotations_name_files_from_the_repository_root(
    site: Path, tmp_path: Path, paths: str
) -> None:
    result, outputs = lint_step(tmp_path, paths=paths)
    assert outputs["exit-code"] == "1", result.stderr
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert {annotated_file(line, tmp_path) for line in annotations} == {"site/content/posts/bad.md"}


def test_lint_step_writes_sarif_when_asked(site: Path, tmp_path: Path) -> None:
    result, outputs = lint_step(tmp_path, paths="content", sarif="true")
    assert outputs == {"exit-code": "1", "sarif-file": "recapkit.sarif"}, result.stderr
    sarif = json.loads((site / "recapkit.sarif").read_text())
    assert sarif["version"] == "2.1.0"
    results = sarif["runs"][0]["results"]
    assert results
    # upload-sarif makes absolute file URIs relative to the checkout (the workspace); a relative
    # URI would be read from the repository root and miss the `site/` sub-folder.
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert uris == {(site / "content" / "posts" / "bad.md").as_uri()}


def test_lint_step_passes_a_clean_post(site: Path, tmp_path: Path) -> None:
    (site / "content" / "posts" / "bad.md").write_text(
        "---\ntitle: Go meetup\ndate: 2025-03-08T14:00:00+08:00\n---\n\n## Talks\n\n"
        "![The speaker on stage](/images/stage.png)\n"
    )
    result, outputs = lint_step(tmp_path, paths="content", args="--statistics")
    assert outputs["exit-code"] == "0", result.stdout + result.stderr
    # Remote checks with the cache folder the action persists (no remote URL here: no network).
    result, outputs = lint_step(tmp_path, paths="content", remote="true")
    assert outputs["exit-code"] == "0", result.stdout + result.stderr


def test_lint_cli_agrees_with_the_step(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The same finding through the Python entry point, as a cross-check of the wrapper above.
    code = main(["lint", "--output-format", "github", str(site / "content")])
    assert code == 1
    assert "::" in capsys.readouterr().out
