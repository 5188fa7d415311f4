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
        (["a.md", "--to", "data"], "pass --write too"),
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


HUGO_BUNDLE = {
    "hugo.toml": 'baseURL = "https://e.org/"\n',
    "content/posts/go/index.md": "---\ntitle: Go meetup\ndate: 2025-04-20\n---\n\n"
    "## Generics\n\n嘉宾：王磊（示例科技）\n\n## eBPF\n\n嘉宾：李娜\n",
}


def test_write_to_a_sidecar_warns_where_the_generator_publishes_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.files import write_files

    write_files(tmp_path, HUGO_BUNDLE)
    post = tmp_path / "content/posts/go/index.md"
    assert main(["import", "-q", "--write", str(post)]) == 0
    err = capsys.readouterr().err
    assert "warning:" in err and "Hugo publishes it with the page" in err
    assert (tmp_path / "content/posts/go/index.recap.yaml").is_file()


def test_write_to_the_data_folder_and_import_reads_it_back_unless_from_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.files import write_files

    write_files(tmp_path, HUGO_BUNDLE)
    post = tmp_path / "content/posts/go/index.md"
    assert main(["import", "-q", "--write", "--to", "data", str(post)]) == 0
    target = tmp_path / "data/recaps/go.yaml"
    assert "warning" not in capsys.readouterr().err
    edited = target.read_text(encoding="utf-8").replace("title: eBPF", "title: eBPF in Go")
    target.write_text(edited, encoding="utf-8")
    assert main(["import", str(post)]) == 0
    out, err = capsys.readouterr()
    assert "title: eBPF in Go" in out and "read from data folder file go.yaml" in err
    assert main(["import", "-q", "--from-text", str(post)]) == 0
    assert "title: eBPF in Go" not in capsys.readouterr().out


def test_write_to_a_jekyll_data_folder_in_toml_warns_that_jekyll_reads_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.files import write_files

    post = "_posts/2025-04-20-go.md"
    write_files(
        tmp_path, {"_config.yml": "title: t\n", post: HUGO_BUNDLE["content/posts/go/index.md"]}
    )
    args = ["import", "-q", "--write", "--to", "data", "--format", "toml", str(tmp_path / post)]
    assert main(args) == 0
    assert "Jekyll templates read no toml data files" in capsys.readouterr().err
    assert load_recap(tmp_path / "_data/recaps/2025-04-20-go.toml").talks[0].title == "Generics"


def test_write_to_data_without_a_data_folder_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.files import write_files

    write_files(
        tmp_path,
        {
            "config.toml": 'base_url = "https://e.org"\n',
            "content/go.md": "+++\ntitle = 'Go'\ndate = 2025-04-20\n+++\n\n## A\n",
        },
    )
    assert main(["import", "-q", "--write", "--to", "data", str(tmp_path / "content/go.md")]) == 2
    assert "Zola names no data folder" in capsys.readouterr().err
