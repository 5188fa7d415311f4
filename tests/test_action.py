"""The GitHub Action, the CI examples and the pre-commit hooks: they parse, agree with docs/ci.md,
use only options `recapkit lint` has, and the action's steps really run: the install step hands its
program to the lint step through a step output, and the lint step annotates a bad post."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import subprocess
import sys
import zipfile
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


def action_step(step_id: str) -> dict[str, Any]:
    steps: list[dict[str, Any]] = load(ACTION)["runs"]["steps"]
    return next(s for s in steps if s.get("id") == step_id)


def expand(value: str, context: dict[str, str]) -> str:
    """A step's ``env:`` value with each ``${{ name }}`` replaced as the runner would; a name the
    context lacks fails the test, so a mistyped output or input name is caught here."""
    return re.sub(r"\$\{\{\s*([\w.-]+)\s*\}\}", lambda m: context[m.group(1)], value)


def run_step(
    step_id: str, tmp_path: Path, cwd: Path, context: dict[str, str], env: dict[str, str]
) -> tuple[subprocess.CompletedProcess[str], dict[str, str]]:
    """Run one `run:` step of the action with bash, its `env:` expanded from ``context``; return the
    process and the step outputs it wrote to $GITHUB_OUTPUT."""
    spec = action_step(step_id)
    outputs = tmp_path / f"github-output-{step_id}"
    outputs.write_text("")
    step_env = {name: expand(str(value), context) for name, value in spec.get("env", {}).items()}
    full_env = {**os.environ, **env, **step_env, "GITHUB_OUTPUT": str(outputs)}
    result = subprocess.run(
        ["bash", "-c", spec["run"]], cwd=cwd, env=full_env, capture_output=True, text=True
    )
    pairs = dict(line.split("=", 1) for line in outputs.read_text().splitlines())
    return result, pairs


def action_context(tmp_path: Path, **inputs: str) -> dict[str, str]:
    defaults = {k: str(v["default"]) for k, v in load(ACTION)["inputs"].items()}
    context = {f"inputs.{name}": value for name, value in {**defaults, **inputs}.items()}
    context["runner.temp"] = str(tmp_path)
    context["github.action_path"] = str(ROOT)
    return context


def lint_step(
    tmp_path: Path, recapkit_bin: Path | None = None, **inputs: str
) -> tuple[subprocess.CompletedProcess[str], dict[str, str]]:
    """The lint step run in ``tmp_path/site``; recapkit is this checkout unless ``recapkit_bin``
    (what the install step put in its `recapkit-bin` output) says otherwise."""
    if recapkit_bin is None:
        recapkit_bin = tmp_path / "recapkit"
        recapkit_bin.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m recapkit "$@"\n')
        recapkit_bin.chmod(0o755)
    context = action_context(tmp_path, **inputs)
    context["steps.install.outputs.recapkit-bin"] = str(recapkit_bin)
    env = {"PYTHONPATH": str(ROOT), "GITHUB_WORKSPACE": str(tmp_path)}
    return run_step("lint", tmp_path, tmp_path / "site", context, env)


def recapkit_wheel(folder: Path) -> Path:
    """A wheel named recapkit 9.9.9 whose `recapkit` program runs this checkout's recapkit, so the
    install step can install it from a local folder, without an index or the network."""
    folder.mkdir()
    wheel = folder / "recapkit-9.9.9-py3-none-any.whl"
    info = "recapkit-9.9.9.dist-info"
    files = {
        "recapkit_from_checkout.py": (
            "import os, sys\n\n\ndef main() -> None:\n"
            f"    os.environ['PYTHONPATH'] = {str(ROOT)!r}\n"
            f"    os.execv({sys.executable!r}, [{sys.executable!r}, '-m', 'recapkit', *sys.argv[1:]])\n"
        ),
        f"{info}/METADATA": "Metadata-Version: 2.1\nName: recapkit\nVersion: 9.9.9\n",
        f"{info}/WHEEL": "Wheel-Version: 1.0\nGenerator: tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
        f"{info}/entry_points.txt": "[console_scripts]\nrecapkit = recapkit_from_checkout:main\n",
    }
    record = [f"{name},sha256={_digest(text)},{len(text.encode())}" for name, text in files.items()]
    files[f"{info}/RECORD"] = "\n".join([*record, f"{info}/RECORD,,"]) + "\n"
    with zipfile.ZipFile(wheel, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return folder


def _digest(text: str) -> str:
    raw = hashlib.sha256(text.encode()).digest()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


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


def test_the_install_step_hands_recapkit_to_the_lint_step_through_a_step_output(
    site: Path, tmp_path: Path
) -> None:
    # The install step for real: a fresh venv under RUNNER_TEMP, recapkit==VERSION installed by pip
    # from a local folder (no index, no network).
    github_env = tmp_path / "github-env"
    github_env.write_text("")
    env = {
        "RUNNER_TEMP": str(tmp_path),
        "RUNNER_OS": "Linux",
        "GITHUB_ENV": str(github_env),
        "PIP_NO_INDEX": "1",
        "PIP_FIND_LINKS": str(recapkit_wheel(tmp_path / "wheels")),
    }
    context = action_context(tmp_path, version="9.9.9")
    result, outputs = run_step("install", tmp_path, tmp_path, context, env)
    assert result.returncode == 0, result.stdout + result.stderr
    program = Path(outputs["recapkit-bin"])
    assert program.is_relative_to(tmp_path / "recapkit-venv"), program
    # Nothing reaches the environment of the user's later steps.
    assert github_env.read_text() == ""
    # The lint step runs the program named by that output (`steps.install.outputs.recapkit-bin`).
    result, outputs = lint_step(tmp_path, recapkit_bin=program, paths="content")
    assert outputs["exit-code"] == "1", result.stdout + result.stderr
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert {annotated_file(line, tmp_path) for line in annotations} == {"site/content/posts/bad.md"}
