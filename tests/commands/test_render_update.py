"""``recapkit render --update POST``: prose kept byte for byte, data applied, edits inside
generated blocks refused without --force, --diff, CRLF and BOM posts, Zola's TOML."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from recapkit.cli import main
from recapkit.rendering.blocks import find_blocks
from tests.paths import ROOT

PYCON = ROOT / "examples" / "pycon-riverside-2025.toml"
MINE = "My own notes on the keynote, *as I wrote them*.  \nA second line.\n"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def skeleton(text: str) -> str:
    """The body with each generated block reduced to its id: what the writer wrote, and where."""
    body = text[text.index("<!-- recapkit:begin") :]
    for block in reversed(find_blocks(body)):
        body = body[: block.start] + f"[{block.id}]\n" + body[block.end :]
    return body


def blocks(text: str) -> dict[str, str]:
    return {b.id: b.content(text) for b in find_blocks(text)}


@pytest.fixture
def setup(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, Path]:
    """A data file and a post rendered from it (Hugo), the post then edited by its writer."""
    data = tmp_path / "data.toml"
    shutil.copy(PYCON, data)
    post = tmp_path / "post.md"
    assert run(["render", str(data), "--ssg", "hugo", "-o", str(post)], capsys)[0] == 0
    text = post.read_text(encoding="utf-8")
    text = text.replace(
        "<!-- recapkit:end talk-1-links -->\n", "<!-- recapkit:end talk-1-links -->\n\n" + MINE, 1
    )
    text = text.replace("TODO(recapkit): summarise this talk.", "I loved this one.", 1)
    post.write_text(text + "\nA closing line of my own.\n", encoding="utf-8")
    return data, post


def edit_data(data: Path) -> None:
    text = data.read_text(encoding="utf-8").replace("attendance = 420", "attendance = 450")
    data.write_text(
        text.replace("Arrow All the Way Down", "Arrow, All the Way Down"), encoding="utf-8"
    )


def fresh(data: Path, capsys: pytest.CaptureFixture[str], ssg: str = "hugo") -> str:
    code, out, _ = run(["render", str(data), "--ssg", ssg], capsys)
    assert code == 0
    return out


def test_update_keeps_the_prose_and_applies_the_data(
    setup: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    data, post = setup
    before = post.read_text(encoding="utf-8")
    edit_data(data)
    code, out, err = run(["render", str(data), "--ssg", "hugo", "--update", str(post)], capsys)
    assert (code, out) == (0, "") and "updated" in err
    after = post.read_text(encoding="utf-8")
    assert skeleton(after) == skeleton(before)  # every writer byte, in its place
    assert blocks(after) == blocks(fresh(data, capsys))
    assert "- **Attendance**: 450" in after and "## Arrow, All the Way Down" in after
    assert "    attendance: 450\n" in after  # the recap data in the front matter too
    # Nothing left to do: the file is not written again.
    mtime = post.stat().st_mtime_ns
    assert run(["render", str(data), "--ssg", "hugo", "--update", str(post)], capsys)[0] == 0
    assert post.stat().st_mtime_ns == mtime


def test_diff_shows_the_change_and_writes_nothing(
    setup: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    data, post = setup
    assert run(["render", str(data), "--ssg", "hugo", "--update", str(post), "--diff"], capsys)[
        :2
    ] == (0, "")
    edit_data(data)
    before = post.read_bytes()
    code, out, _ = run(
        ["render", str(data), "--ssg", "hugo", "--update", str(post), "--diff"], capsys
    )
    assert code == 1
    assert f"--- a/{post.as_posix()}" in out and "\n+- **Attendance**: 450\n" in out
    assert "\n-- **Attendance**: 420\n" in out
    assert post.read_bytes() == before


def test_an_edit_inside_a_generated_block_is_refused_without_force(
    setup: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    data, post = setup
    text = post.read_text(encoding="utf-8").replace(
        "- **Attendance**: 420", "- **Attendance**: about 420"
    )
    post.write_text(text, encoding="utf-8")
    edit_data(data)
    code, _, err = run(["render", str(data), "--ssg", "hugo", "--update", str(post)], capsys)
    lines = text.splitlines()
    line = lines.index(next(x for x in lines if "begin facts" in x)) + 1
    assert code == 1
    assert f"line {line}: block 'facts' was edited in the post" in err and "--force" in err
    assert post.read_text(encoding="utf-8") == text
    code, _, _ = run(
        ["render", str(data), "--ssg", "hugo", "--update", str(post), "--force"], capsys
    )
    assert code == 0 and "- **Attendance**: 450\n" in post.read_text(encoding="utf-8")
    assert MINE in post.read_text(encoding="utf-8")


def test_update_from_the_posts_own_data(
    setup: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, post = setup
    text = post.read_text(encoding="utf-8")
    post.write_text(text.replace("    attendance: 420\n", "    attendance: 99\n"), encoding="utf-8")
    code, _, err = run(["render", "--ssg", "hugo", "--update", str(post)], capsys)
    assert code == 0, err
    after = post.read_text(encoding="utf-8")
    assert "- **Attendance**: 99\n" in after and MINE in after


def test_a_post_without_blocks_or_data_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    post = tmp_path / "old.md"
    post.write_text("---\ntitle: Old\ndate: 2020-01-01\n---\n\nJust prose.\n", encoding="utf-8")
    code, _, err = run(["render", str(PYCON), "--ssg", "hugo", "--update", str(post)], capsys)
    assert code == 2 and "no generated blocks" in err
    code, _, err = run(["render", "--ssg", "hugo", "--update", str(post)], capsys)
    assert code == 2 and "carries no recap data" in err
    assert post.read_text(encoding="utf-8").endswith("Just prose.\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--ssg", "hugo"], "missing DATA_FILE"),
        ([str(PYCON), "--ssg", "hugo", "--diff"], "--diff goes with --update"),
    ],
)
def test_usage_errors(args: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["render", *args], capsys)
    assert code == 2 and message in err


def test_a_crlf_post_with_a_bom_keeps_both(
    setup: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    data, post = setup
    original = post.read_text(encoding="utf-8").replace("\n", "\r\n")
    post.write_bytes(b"\xef\xbb\xbf" + original.encode("utf-8"))
    edit_data(data)
    assert run(["render", str(data), "--ssg", "hugo", "--update", str(post)], capsys)[0] == 0
    raw = post.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw[3:].decode("utf-8")
    assert "\n" not in text.replace("\r\n", "") and "- **Attendance**: 450\r\n" in text
    assert MINE.replace("\n", "\r\n") in text


def test_a_zola_post_keeps_the_writers_extra_keys(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data.toml"
    shutil.copy(PYCON, data)
    post = tmp_path / "post.md"
    assert run(["render", str(data), "--ssg", "zola", "-o", str(post)], capsys)[0] == 0
    text = post.read_text(encoding="utf-8").replace("[extra]\n", "[extra]\ntoc = true # mine\n", 1)
    post.write_text(text + "\n" + MINE, encoding="utf-8")
    edit_data(data)
    assert run(["render", str(data), "--ssg", "zola", "--update", str(post)], capsys)[0] == 0
    after = post.read_text(encoding="utf-8")
    assert "[extra]\ntoc = true # mine\n" in after and after.endswith("\n" + MINE)
    assert re.search(r"^attendance = 450$", after, re.M)
    assert blocks(after) == blocks(fresh(data, capsys, "zola"))


def test_a_hugo_post_with_toml_front_matter_is_compared_as_toml(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data.toml"
    shutil.copy(PYCON, data)
    post = tmp_path / "post.md"
    args = ["render", str(data), "--ssg", "hugo", "--front-matter", "toml", "-o", str(post)]
    assert run(args, capsys)[0] == 0
    edit_data(data)
    code, _, err = run(["render", str(data), "--ssg", "hugo", "--update", str(post)], capsys)
    assert code == 0 and "note" not in err
    after = post.read_text(encoding="utf-8")
    assert after.startswith("+++\n") and re.search(r"^attendance = 450$", after, re.M)


def test_a_post_that_is_a_fifo_is_refused_not_waited_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "post.md"
    os.mkfifo(fifo)  # nobody writes to it: reading it would block for ever
    code, _out, err = run(["render", str(PYCON), "--ssg", "hugo", "--update", str(fifo)], capsys)
    assert code == 2
    assert "a FIFO (named pipe), not a regular file: not updated" in err
