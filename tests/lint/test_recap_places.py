"""Lint reads recap data from sidecars and the data folder: RK108 on the file's own positions,
a warning when several places hold data, and a cache that depends on the data file."""

from __future__ import annotations

from pathlib import Path

import pytest

from recapkit.cli import main
from tests.files import write_files

POST = "---\ntitle: Go meetup\ndate: 2025-04-20\n{extra}---\n\nBody.\n"
RECAP = (
    "title: Go meetup\ndate: 2025-04-20\nevent:\n  name: Go meetup\n"
    "talks:\n  - title: Generics\n    takeaways:\n      - text: Use constraints.\n"
)
SITE = {"hugo.toml": 'baseURL = "https://e.org/"\n'}


def lint(tmp_path: Path, capsys: pytest.CaptureFixture[str], *paths: str) -> str:
    capsys.readouterr()
    cache = ["--cache-dir", str(tmp_path / "cache")]
    main(["lint", "--select", "RK108,RK402", "--output-format", "concise", *cache, *paths])
    return capsys.readouterr().out


def test_editing_only_the_sidecar_changes_the_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_files(
        tmp_path,
        {
            **SITE,
            "content/posts/go/index.md": POST.format(extra=""),
            "content/posts/go/index.recap.yaml": RECAP,
        },
    )
    post = "content/posts/go/index.md"
    assert "RK" not in lint(tmp_path, capsys, post)
    sidecar = tmp_path / "content/posts/go/index.recap.yaml"
    sidecar.write_text(RECAP.replace("    takeaways:\n      - text: Use constraints.\n", ""))
    found = lint(tmp_path, capsys, post)
    assert "RK402" in found and "(index.recap.yaml:6:5)" in found
    sidecar.write_text(RECAP.replace("  - title: Generics\n", "  - titel: Generics\n"))
    found = lint(tmp_path, capsys, post)
    assert "RK108" in found and "index.recap.yaml:6:5: talks[0].titel: unknown key" in found
    sidecar.unlink()
    assert "RK" not in lint(tmp_path, capsys, post)


def test_a_data_folder_file_that_does_not_parse_is_reported_on_the_post(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_files(
        tmp_path,
        {
            **SITE,
            "content/posts/go.md": POST.format(extra=""),
            "data/recaps/go.yaml": "title: [\n",
        },
    )
    found = lint(tmp_path, capsys, "content/posts/go.md")
    assert "RK108" in found and "go.yaml:2:1: YAML syntax error" in found


def test_data_in_two_places_warns_and_the_block_wins(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    block = "recap:\n" + "".join(f"  {line}\n" for line in RECAP.splitlines())
    write_files(
        tmp_path,
        {
            **SITE,
            "content/posts/go.md": POST.format(extra=block),
            "content/posts/go.recap.yaml": "not: [valid\n",
        },
    )
    found = lint(tmp_path, capsys, "content/posts/go.md").strip().splitlines()
    assert found[:1] == [
        "content/posts/go.md:4:1: RK108 (warning) recap data in 2 places: the front matter "
        "block is read, sidecar file go.recap.yaml is not (keep one)"
    ]
