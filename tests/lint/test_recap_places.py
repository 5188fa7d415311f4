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


@pytest.mark.parametrize(
    ("files", "value", "message"),
    [
        (SITE, "gopher-2025", "'gopher-2025' names recaps/gopher-2025.yaml (.yml, .toml, .json)"),
        (SITE, "../secrets", "must be a name inside the data folder's recaps/"),
        ({"config.toml": 'base_url = "https://e.org"\n'}, "go", "the site has none (Zola"),
    ],
)
def test_recap_data_that_names_no_file_is_reported_at_the_key(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    files: dict[str, str],
    value: str,
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    zola = "config.toml" in files
    post = (
        f"+++\ntitle = 'Go'\ndate = 2025-04-20\n[extra]\nrecap_data = '{value}'\n+++\n"
        if zola
        else POST.format(extra=f"recap_data: {value}\n")
    )
    write_files(tmp_path, {**files, "content/posts/go.md": post})
    found = lint(tmp_path, capsys, "content/posts/go.md")
    key = "extra.recap_data" if zola else "recap_data"
    assert f"go.md:{5 if zola else 4}:" in found and f"RK108 {key}: " in found and message in found
    if value == "gopher-2025":  # the file appears: the cached finding goes
        write_files(tmp_path, {"data/recaps/gopher-2025.toml": 'title = "x"\n'})
        again = lint(tmp_path, capsys, "content/posts/go.md")
        assert message not in again
