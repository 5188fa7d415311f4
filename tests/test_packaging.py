"""The release artefacts: what `python -m build` makes, what PyPI would accept, and what a user gets
from `pip install recapkit-*.whl` in a fresh virtual environment.

Everything here runs the real tools a release runs. `python -m build` builds the sdist from this
checkout and then the wheel from that sdist (so a file missing from the sdist breaks the wheel),
in an isolated environment: it fetches hatchling from the package index. The wheel is then
installed with plain `pip install` into a new venv, dependencies from the index too, so a
dependency the code imports but `pyproject.toml` does not declare fails here as it would for a
user (reusing this venv's packages would hide exactly that). The commands run with a temporary
folder as the working directory and without PYTHONPATH, so nothing of the clone can leak in.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

import pytest

from recapkit.__about__ import __version__
from tests.paths import EXAMPLES, PACKAGE, ROOT

# About 30 s with a warm pip cache (build, then a venv with the wheel): no `slow` marker needed.
pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("build") is None or importlib.util.find_spec("twine") is None,
    reason="build and twine are not installed (pip install -e '.[test]')",
)

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def run(
    *args: str | Path, cwd: Path, timeout: int = 600, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    clean = {**os.environ, **(env or {}), "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    clean.pop("PYTHONPATH", None)  # the installed package only, never this checkout
    return subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=clean,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(sdist, wheel) as `python -m build` makes them for a release."""
    out = tmp_path_factory.mktemp("dist")
    built = run(sys.executable, "-m", "build", "--outdir", out, ROOT, cwd=out)
    assert built.returncode == 0, built.stdout + built.stderr
    (sdist,) = out.glob("recapkit-*.tar.gz")
    (wheel,) = out.glob("recapkit-*.whl")
    return sdist, wheel


def test_twine_accepts_both_artefacts(dist: tuple[Path, Path]) -> None:
    """`twine check --strict`: the metadata is complete and the README renders on PyPI."""
    checked = run(sys.executable, "-m", "twine", "check", "--strict", *dist, cwd=dist[0].parent)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.count("PASSED") == 2, checked.stdout


def package_files() -> set[str]:
    """Every file of the package in this checkout, as a wheel names it (no bytecode)."""
    return {
        path.relative_to(ROOT).as_posix()
        for path in PACKAGE.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }


def test_the_wheel_holds_the_whole_package_and_nothing_else(dist: tuple[Path, Path]) -> None:
    """The templates (jinja2.PackageLoader("recapkit.rendering", "templates")) and py.typed are
    data files, not modules: a build setting that only packs .py files would drop them."""
    with zipfile.ZipFile(dist[1]) as wheel:
        names = set(wheel.namelist())
    shipped = {name for name in names if not name.startswith(f"recapkit-{__version__}.dist-info/")}
    assert shipped == package_files()
    for needed in (
        "recapkit/py.typed",
        "recapkit/rendering/templates/en.md.j2",
        "recapkit/rendering/templates/zh.md.j2",
        "recapkit/rendering/templates/_common/macros.md.j2",
    ):
        assert needed in names, needed
    assert f"recapkit-{__version__}.dist-info/licenses/LICENSE" in names


def test_the_wheel_metadata_is_what_pyproject_declares(dist: tuple[Path, Path]) -> None:
    with zipfile.ZipFile(dist[1]) as wheel:
        metadata = wheel.read(f"recapkit-{__version__}.dist-info/METADATA").decode()
        entry_points = wheel.read(f"recapkit-{__version__}.dist-info/entry_points.txt").decode()
    assert f"\nVersion: {__version__}\n" in metadata
    assert "\nRequires-Python: >=3.11\n" in metadata
    assert "\nLicense-Expression: MIT\n" in metadata
    assert "\nDescription-Content-Type: text/markdown\n" in metadata
    required = re.findall(r"^Requires-Dist: ([\w.-]+)(?!.*extra ==)", metadata, re.M)
    declared = [re.split(r"[^\w.-]", dep)[0] for dep in PYPROJECT["project"]["dependencies"]]
    assert sorted(map(str.lower, required)) == sorted(map(str.lower, declared))
    assert "recapkit = recapkit.cli:run" in entry_points


def test_the_sdist_can_rebuild_the_release(dist: tuple[Path, Path]) -> None:
    """build made the wheel from the sdist; these are what a downstream packager also needs."""
    with tarfile.open(dist[0]) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    for needed in (
        "pyproject.toml",
        "README.md",
        "LICENSE",
        "recapkit/__about__.py",
        "recapkit/py.typed",
    ):
        assert needed in names, needed
    assert {name for name in package_files() if name.endswith(".j2")} <= names


# --- the wheel, installed in a fresh venv ---------------------------------------------------------


@pytest.fixture(scope="module")
def recapkit_bin(dist: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The `recapkit` program of a new venv that has only the wheel and its dependencies."""
    venv = tmp_path_factory.mktemp("venv")
    made = run(sys.executable, "-m", "venv", venv, cwd=venv)
    assert made.returncode == 0, made.stdout + made.stderr
    python = venv / ("Scripts" if os.name == "nt" else "bin") / "python"
    installed = run(python, "-m", "pip", "install", "-q", dist[1], cwd=venv)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    program = python.with_name("recapkit")
    assert program.is_file(), sorted(p.name for p in program.parent.iterdir())
    return program


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder outside the checkout with a copy of the examples: the user's own files."""
    folder = tmp_path_factory.mktemp("work")
    shutil.copytree(EXAMPLES, folder / "examples", ignore=shutil.ignore_patterns("__pycache__"))
    return folder


def test_the_installed_recapkit_is_the_wheel_not_the_checkout(
    recapkit_bin: Path, work: Path
) -> None:
    python = recapkit_bin.with_name("python")
    where = run(python, "-c", "import recapkit; print(recapkit.__file__)", cwd=work)
    assert where.returncode == 0, where.stderr
    assert Path(where.stdout.strip()).is_relative_to(recapkit_bin.parent.parent), where.stdout
    assert not Path(where.stdout.strip()).is_relative_to(ROOT)


def test_version(recapkit_bin: Path, work: Path) -> None:
    result = run(recapkit_bin, "--version", cwd=work)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"recapkit, version {__version__}\n"


def test_validate(recapkit_bin: Path, work: Path) -> None:
    good = sorted(str(p.relative_to(work)) for p in (work / "examples").glob("*.*"))
    result = run(recapkit_bin, "validate", *good, cwd=work)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count(": ok: ") == 3, result.stdout

    bad = run(recapkit_bin, "validate", "examples/invalid/three-mistakes.yaml", cwd=work)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "examples/invalid/three-mistakes.yaml:9:12: talks[0].title: expected text" in bad.stdout


def test_schema(recapkit_bin: Path, work: Path) -> None:
    result = run(recapkit_bin, "schema", cwd=work)
    assert result.returncode == 0, result.stderr
    schema = json.loads(result.stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$ref"] == "#/$defs/Recap"
    assert "talks" in schema["$defs"]["Recap"]["properties"]


def test_render_uses_the_packaged_templates(recapkit_bin: Path, work: Path) -> None:
    data = "examples/gopher-meetup-hangzhou-2025.yaml"
    result = run(recapkit_bin, "render", data, "--ssg", "hugo", "--lang", "zh", "-o", "-", cwd=work)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(
        "---\ntitle: Gopher Meetup 杭州站回顾：泛型、可观测性与 Go 1.24\n"
    )
    assert "《Go 泛型在业务代码中的落地》" in result.stdout


def test_new_scaffolds_a_post_then_lint_reports_its_gaps(recapkit_bin: Path, work: Path) -> None:
    site = work / "site"
    site.mkdir()
    (site / "hugo.toml").write_text('baseURL = "https://example.org/"\n', encoding="utf-8")
    made = run(
        recapkit_bin, "new", "Gopher Meetup 杭州站回顾", "--event-date", "2025-03-08", cwd=site
    )
    assert made.returncode == 0, made.stdout + made.stderr
    # The slug is read with pypinyin, a dependency the wheel must bring along.
    post = site / "content" / "posts" / "gopher-meetup-hang-zhou-zhan-hui-gu" / "index.md"
    assert Path(made.stdout.strip()).resolve() == post.resolve()
    assert "TODO(recapkit)" in post.read_text(encoding="utf-8")

    # A fresh draft passes (its gaps are info), and says what is left to write.
    linted = run(recapkit_bin, "lint", "--no-cache", ".", cwd=site)
    assert linted.returncode == 0, linted.stdout + linted.stderr
    assert "content/posts/gopher-meetup-hang-zhou-zhan-hui-gu/index.md:" in linted.stdout
    assert " RK401 (info) " in linted.stdout
    strict = run(recapkit_bin, "lint", "--no-cache", "--fail-on", "info", ".", cwd=site)
    assert strict.returncode == 1, strict.stdout + strict.stderr


def test_lint_the_example_site(recapkit_bin: Path, work: Path) -> None:
    result = run(recapkit_bin, "lint", "--no-cache", "examples/site", cwd=work)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "examples/site/content/posts/first-meetup-notes/index.md:9:1: RK301 " in result.stdout
    assert "Site: examples/site (Hugo, examples/site/hugo.toml): 2 files" in result.stdout


def test_rule(recapkit_bin: Path, work: Path) -> None:
    result = run(recapkit_bin, "rule", "RK301", cwd=work)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# RK301 heading-missing-space\n")


# --- what the docs tell people to install -------------------------------------------------------

DOCUMENTED_ADDRESS = "git+https://github.com/recapkit/recapkit"


def documented_installs() -> list[tuple[str, str]]:
    """(page, what follows `pip install`/`pipx install`) for each install in a code block."""
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    found = []
    for page in pages:
        blocks = re.findall(r"^```\w*\n(.*?)^```", page.read_text(encoding="utf-8"), re.M | re.S)
        for line in (line for block in blocks for line in block.splitlines()):
            command = line.split("#")[0]  # a comment may say what to run once recapkit is published
            for match in re.finditer(r"\bpipx? install ((?:-\S+ )*)(\S+(?: @ \S+)?)", command):
                found.append((page.relative_to(ROOT).as_posix(), match.group(2)))
    return found


def test_documented_installs_work_before_recapkit_is_published() -> None:
    """recapkit is not on PyPI yet: every install command in a code block names a clone (`.`, an
    extra of it), a path or the git address, never the bare package name (docs/index.md, Install)."""
    installs = documented_installs()
    assert any(DOCUMENTED_ADDRESS in spec for _, spec in installs), installs
    for page, spec in installs:
        if "recapkit" not in spec:
            continue  # `pip install -e .`, `pip install rumdl` (a benchmark's tool)
        assert DOCUMENTED_ADDRESS in spec or spec.startswith("./"), (page, spec)
