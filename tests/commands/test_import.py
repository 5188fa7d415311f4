"""``recapkit import``: data on stdout or in files, notes on stderr, refusals and errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from recapkit.cli import main
from recapkit.data.files import load_recap
from recapkit.importing.assemble import import_post
from tests.paths import FIXTURES

POSTS = FIXTURES / "import"
MESSY = POSTS / "2019-06-01-messy-salon.md"


def test_one_post_prints_yaml_and_reports_notes_with_lines(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["import", str(MESSY)]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("title: 开源沙龙第三期\n")
    assert "- title: 《云原生存储》" in out
    assert f"{MESSY}:9:" not in err  # "嘉宾：（示例科技）" is a speaker known by affiliation
    assert f"{MESSY}:13: image kept in the text" in err


def test_quiet_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", "-q", "--format", "json", str(MESSY)]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["talks"][1]["speakers"] == [{"name": "李雷"}]
    assert err == ""


def test_output_file_by_extension_refuses_to_overwrite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "data.toml"
    post = POSTS / "en-headings.md"
    assert main(["import", "-q", str(post), "-o", str(target)]) == 0
    assert load_recap(target) == import_post(post).recap
    target.write_text("keep me", encoding="utf-8")
    assert main(["import", "-q", str(post), "-o", str(target)]) == 1
    assert "file exists; use --force" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "keep me"
    assert main(["import", "-q", str(post), "-o", str(target), "--force"]) == 0
    assert load_recap(target) == import_post(post).recap


def test_write_puts_a_data_file_beside_each_post(tmp_path: Path) -> None:
    posts = [shutil.copy(POSTS / name, tmp_path) for name in ("en-headings.md", "zh-list-only.md")]
    assert main(["import", "-q", "--write", *map(str, posts)]) == 0
    assert load_recap(tmp_path / "en-headings.recap.yaml").talks[0].title == "Async without tears"
    assert len(load_recap(tmp_path / "zh-list-only.recap.yaml").talks) == 3


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["a.md", "b.md"], "pass --write"),
        (["a.md", "--write", "-o", "x.yaml"], "either -o FILE or --write"),
    ],
)
def test_usage_errors(args: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", *args]) == 2
    assert message in capsys.readouterr().err


def test_a_post_that_cannot_be_imported_exits_2_and_the_others_are_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    undated = tmp_path / "undated.md"
    undated.write_text("---\ntitle: T\n---\n\n## A\n", encoding="utf-8")
    good = Path(shutil.copy(POSTS / "zh-list-only.md", tmp_path))
    missing = tmp_path / "missing.md"
    assert main(["import", "-q", "--write", str(undated), str(missing), str(good)]) == 2
    err = capsys.readouterr().err
    assert f"error: {undated}: the post has no date" in err
    assert f"error: {missing}:" in err
    assert "Traceback" not in err
    assert (tmp_path / "zh-list-only.recap.yaml").is_file()


def test_a_post_carrying_recap_data_gives_it_unless_from_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.paths import GOLDEN

    post = GOLDEN / "rust-night-berlin-2025" / "zola-en.md"
    carried = tmp_path / "carried.json"
    assert main(["import", str(post), "-o", str(carried)]) == 0
    assert "read from the post's recap data" in capsys.readouterr().err
    assert json.loads(carried.read_text(encoding="utf-8"))["event"]["city"] == "Berlin"
    from_text = tmp_path / "text.json"
    assert main(["import", "-q", "--from-text", str(post), "-o", str(from_text)]) == 0
    data = json.loads(from_text.read_text(encoding="utf-8"))
    assert "city" not in data["event"]  # the body shows "venue, city" as one place
    assert [t["title"] for t in data["talks"]] == [
        t["title"] for t in json.loads(carried.read_text(encoding="utf-8"))["talks"]
    ]
