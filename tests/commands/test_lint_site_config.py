"""``recapkit lint`` on a site whose config file it cannot read: it says so, names the file and
why, and checks the posts with the generator's defaults instead of failing."""

from __future__ import annotations

from pathlib import Path

import pytest

from recapkit.cli import main
from recapkit.ssg.config_file import MAX_CONFIG_BYTES
from tests.files import write_files

POST = "---\ntitle: Hello\ndate: 2025-05-17T14:00:00+08:00\n---\n\nHi.\n"


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / ".cache"))


def lint_warnings(capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["lint", "--no-cache", "."])
    err = capsys.readouterr().err
    return code, [line for line in err.splitlines() if line.startswith("warning: ")]


@pytest.mark.parametrize(
    ("name", "content", "why"),
    [
        ("hugo.toml", b'title = "unclosed\n', "has a syntax error: "),
        ("_config.yml", b"title: [unclosed\n", "has a syntax error: "),
        ("hugo.toml", b'title = "\xff\xfe"\n', "is not UTF-8 text"),
        ("_config.yml", b"- a list\n- of things\n", "holds no table of settings"),
        ("hugo.toml", b"# " + b"x" * MAX_CONFIG_BYTES + b"\n", "not read: "),
    ],
)
def test_an_unreadable_config_is_named_with_its_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes, why: str
) -> None:
    folder = "content/posts" if name == "hugo.toml" else "source/_posts"
    write_files(tmp_path, {f"{folder}/hello.md": POST})
    (tmp_path / name).write_bytes(content)
    code, warnings = lint_warnings(capsys)
    assert code == 0  # the post is fine under the defaults; the warning alone fails nothing
    assert len(warnings) == 1
    assert warnings[0].startswith(f"warning: {name}: {why}")
    assert "1 file checked with" in warnings[0] and "defaults" in warnings[0]


def test_a_readable_config_gives_no_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_files(tmp_path, {"hugo.toml": 'title = "blog"\n', "content/posts/hello.md": POST})
    assert lint_warnings(capsys) == (0, [])
