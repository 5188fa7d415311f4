"""``recapkit validate``: summaries, problems as file:line:col, exit codes; the invalid fixtures."""

from __future__ import annotations

import glob
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from recapkit.cli import main
from tests.paths import EXAMPLES, ROOT

INVALID = EXAMPLES / "invalid"
DATA_FILES = sorted(p for p in EXAMPLES.glob("*.*") if p.suffix in (".yaml", ".toml", ".json"))

# JSON has no comments, so its expectations live here: (1-based line, field, part of message).
JSON_EXPECTATIONS = {
    "wrong-types.json": [
        (3, "date", "got the number 20250301"),
        (4, "draft", "expected true or false, got the text 'yes'"),
        (7, "event.kind", "did you mean 'meetup'?"),
        (8, "event.attendance", "expected a whole number, got the text '120'"),
        (9, "event.organizers", "expected a list, got the text 'Rust Berlin'"),
        (14, "talks[0].speakers[0]", "expected a mapping of Speaker fields"),
        (15, "talks[0].takeaways[0].kind", "got the text 'tip'"),
    ],
    "syntax-error.json": [(4, "", "JSON syntax error: Expecting property name")],
}
OTHER_EXPECTATIONS = {
    "alias-bomb.yaml": [(2, "", "aliases expand to too much data")],
    "empty.yaml": [(1, "", "file has no data")],
}
_EXPECT = re.compile(r"#\s*expect:\s*(.*?)\s*(?=#\s*expect:|$)")
_PROBLEM = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<rest>.*)$")


def inline_expectations(path: Path) -> list[tuple[int, str, str]]:
    """``# expect: FIELD: TEXT`` (or ``# expect: TEXT`` for a file-level problem) per line."""
    found = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        start = line.find("# expect:")
        for spec in _EXPECT.findall(line[start:] if start >= 0 else ""):
            field, _, text = spec.partition(": ")
            if not text or " " in field:
                field, text = "", spec
            found.append((number, field, text))
    return found


def expectations(path: Path) -> list[tuple[int, str, str]]:
    if path.name in JSON_EXPECTATIONS:
        return JSON_EXPECTATIONS[path.name]
    if path.name in OTHER_EXPECTATIONS:
        return OTHER_EXPECTATIONS[path.name]
    return inline_expectations(path)


def test_every_example_is_valid(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", *map(str, DATA_FILES)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == len(DATA_FILES) >= 3
    assert (
        f"{EXAMPLES / 'gopher-meetup-hangzhou-2025.yaml'}: ok: Gopher Meetup 杭州站回顾" in out[0]
    )
    assert out[0].endswith("| Gopher Meetup 杭州站 2025 | 5 talks")


def test_a_folder_means_the_data_files_inside_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = (EXAMPLES / "rust-night-berlin-2025.json").read_text(encoding="utf-8")
    (tmp_path / "2025" / "q1").mkdir(parents=True)
    (tmp_path / "2025" / "q1" / "rust.json").write_text(good, encoding="utf-8")
    (tmp_path / "top.JSON").write_text(good, encoding="utf-8")
    (tmp_path / "notes.md").write_text("not data\n", encoding="utf-8")
    (tmp_path / ".github").mkdir()  # hidden files and folders are tools' settings, not recaps
    (tmp_path / ".github" / "ci.yml").write_text("on: push\n", encoding="utf-8")
    (tmp_path / ".pre-commit-config.yaml").write_text("repos: []\n", encoding="utf-8")
    assert main(["validate", str(tmp_path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert [line.split(": ok: ")[0] for line in out] == [
        str(tmp_path / "2025" / "q1" / "rust.json"),
        str(tmp_path / "top.JSON"),
    ]


def test_a_folder_with_a_bad_file_exits_one(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--quiet", str(INVALID)]) == 1
    out = capsys.readouterr().out
    assert f"{INVALID / 'three-mistakes.yaml'}:9:12: talks[0].title: expected text" in out


def test_no_data_file_at_all_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "README.md").write_text("x\n", encoding="utf-8")
    assert main(["validate", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert f"note: {tmp_path}: no data files in this folder" in err
    assert "error: no data files to check" in err


@pytest.mark.parametrize(
    "path", sorted(p for p in INVALID.iterdir() if p.suffix != ".md"), ids=lambda p: p.name
)
def test_invalid_fixture_reports_exactly_the_expected_problems(
    path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = expectations(path)
    assert expected, f"{path.name} declares no expectations"
    assert main(["validate", str(path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    reported = []
    for output in lines:
        match = _PROBLEM.match(output)
        assert match and match["file"] == str(path), output
        reported.append((int(match["line"]), match["rest"]))
    assert len(reported) == len(expected), "\n".join(lines)
    for (line, field, text), (got_line, rest) in zip(
        sorted(expected), sorted(reported), strict=True
    ):
        assert got_line == line, (field, text, rest)
        if field:
            assert rest.startswith(f"{field}: "), rest
        assert text in rest, rest


def test_three_mistakes_are_all_reported_with_their_lines(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = INVALID / "three-mistakes.yaml"
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert [line.split(": ", 2)[:2] for line in out] == [
        [f"{path}:9:12", "talks[0].title"],
        [f"{path}:10:15", "talks[0].speakers"],
        [f"{path}:16:14", "talks[1].photos[0].alt"],
    ]


def test_valid_and_invalid_together_exit_one_and_show_both(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["validate", str(DATA_FILES[0]), str(INVALID / "yaml-traps.yaml")]) == 1
    out = capsys.readouterr().out
    assert ": ok: " in out and 'quote it: "no"' in out


def test_usage_errors_exit_two(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path / "missing.yaml")]) == 2
    assert "error: " in capsys.readouterr().err
    (tmp_path / "recap.txt").write_text("title: x\n", encoding="utf-8")
    assert main(["validate", str(tmp_path / "recap.txt"), str(INVALID / "empty.yaml")]) == 2
    captured = capsys.readouterr()
    assert "unknown data file type" in captured.err and "file has no data" in captured.out
    assert main(["validate"]) == 2
    assert main(["validate", "--timezone", "Mars/Base", str(DATA_FILES[0])]) == 2
    assert "unknown time zone 'Mars/Base'" in capsys.readouterr().err


def test_timezone_option_applies_to_naive_times(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "r.yaml"
    data.write_text("title: x\ndate: 2025-03-01 09:00:00\nevent: {name: Go}\n", encoding="utf-8")
    assert main(["validate", "--timezone", "Asia/Shanghai", str(data)]) == 0
    assert "2025-03-01T09:00:00+08:00" in capsys.readouterr().out


def test_no_traceback_for_binary_or_non_utf8(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.json").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "b.toml").write_bytes('title = "caf\xe9"\n'.encode("latin-1"))
    assert main(["validate", str(tmp_path / "a.json"), str(tmp_path / "b.toml")]) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    assert f"{tmp_path / 'a.json'}:1:1: binary file" in captured.out
    assert f"{tmp_path / 'b.toml'}:1:13: not UTF-8 text" in captured.out


def test_validate_help_has_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--help"]) == 0
    assert "recapkit validate examples/*.yaml" in capsys.readouterr().out


def help_examples(name: str, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """The command lines under "Examples:" in ``recapkit NAME --help`` (continuations joined)."""
    assert main([name, "--help"]) == 0
    text = capsys.readouterr().out.split("Examples:\n", 1)[1].split("\n\n", 1)[0]
    return [line.strip() for line in text.replace("\\\n", " ").splitlines()]


@pytest.mark.parametrize("name", ["validate", "schema", "render", "new"])
def test_every_help_example_runs_on_the_repository_files(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A copy of the repository's examples and templates: `new` and `-o` examples write files.
    for folder in ("examples", "templates"):
        shutil.copytree(EXAMPLES.parent / folder, tmp_path / folder)
    monkeypatch.chdir(tmp_path)
    examples = help_examples(name, capsys)
    assert len(examples) >= 2
    for line in examples:
        words = shlex.split(line.split(" > ")[0])
        assert words[:2] == ["recapkit", name], line
        args = [found for word in words[2:] for found in (sorted(glob.glob(word)) or [word])]
        code = main([name, *args])
        err = capsys.readouterr().err
        assert code == (1 if "invalid" in line else 0), f"{line}: {err}"


@pytest.mark.parametrize(
    ("name", "text", "where"),
    [
        ("big.yaml", "title: t\ndate: 2025-03-01\nevent: {name: e, attendance: %s}\n", ":3:"),
        (
            "big.toml",
            'title = "t"\ndate = 2025-03-01\n[event]\nname = "e"\nattendance = %s\n',
            ":5:",
        ),
        (
            "big.json",
            '{"title": "t", "date": "2025-03-01",\n"event": {"name": "e", "attendance": %s}}',
            ":2:",
        ),
        (
            "long.yaml",
            "title: t\ndate: 2025-03-01\nevent: {name: e}\ntalks: [{title: t, duration: %s}]\n",
            ":4:",
        ),
    ],
)
def test_absurd_numbers_are_findings_not_tracebacks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, text: str, where: str
) -> None:
    number = "99999999999999999999" if name == "long.yaml" else "9" * 5000
    path = tmp_path / name
    path.write_text(text % number, encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert f"{path}{where}" in out + err


def test_every_unreadable_file_in_a_folder_is_named_and_the_rest_still_validated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = (EXAMPLES / "rust-night-berlin-2025.json").read_bytes()
    os.mkfifo(tmp_path / "a-fifo.yaml")  # read without O_NONBLOCK, this test would hang
    (tmp_path / "b-zero.json").symlink_to("/dev/zero")
    (tmp_path / "c-loop.yaml").symlink_to(tmp_path / "c-loop2.yaml")
    (tmp_path / "c-loop2.yaml").symlink_to(tmp_path / "c-loop.yaml")
    text = (EXAMPLES / "gopher-meetup-hangzhou-2025.yaml").read_text(encoding="utf-8")
    (tmp_path / "d-utf16.yaml").write_bytes(text.encode("utf-16"))
    (tmp_path / "z-good.json").write_bytes(good)
    assert main(["validate", str(tmp_path)]) == 2
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert err.splitlines() == [
        f"error: {tmp_path / 'a-fifo.yaml'}: a FIFO (named pipe), not a regular file",
        f"error: {tmp_path / 'b-zero.json'}: a device, not a regular file (it links to /dev/zero)",
        f"error: {tmp_path / 'c-loop.yaml'}: symlink loop: following its links never reaches a file",
        f"error: {tmp_path / 'c-loop2.yaml'}: symlink loop: following its links never reaches a file",
    ]
    assert out.splitlines()[0].startswith(
        f"{tmp_path / 'd-utf16.yaml'}:1:1: UTF-16 (little-endian) text, not UTF-8: save the file"
    )
    assert out.splitlines()[1].startswith(f"{tmp_path / 'z-good.json'}: ok: Rust Night Berlin")


def test_a_folder_that_cannot_be_listed_is_an_error_and_the_others_are_still_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Folders nested past PATH_MAX: os.walk cannot list the deepest one (ENAMETOOLONG), a real
    # failure even as root, where a permission-denied folder would still be readable.
    (tmp_path / "a.json").write_bytes((EXAMPLES / "rust-night-berlin-2025.json").read_bytes())
    descriptor = os.open(tmp_path, os.O_RDONLY)
    try:
        for _ in range(20):
            os.mkdir("d" * 250, dir_fd=descriptor)
            inner = os.open("d" * 250, os.O_RDONLY, dir_fd=descriptor)
            os.close(descriptor)
            descriptor = inner
    finally:
        os.close(descriptor)
    assert main(["validate", str(tmp_path)]) == 2
    out, err = capsys.readouterr()
    assert "cannot list this folder: File name too long" in err
    assert err.startswith(f"error: {tmp_path / ('d' * 250)}/")
    assert "no data files" not in err
    assert out.startswith(f"{tmp_path / 'a.json'}: ok: ")


LONE_JSON = '{"title": "Go \\ud800", "date": "2025-03-01", "event": {"name": "Go"}}\n'
LONE_YAML = 'title: "Go \\ud800"\ndate: 2025-03-01\nevent: {name: Go}\n'


def test_a_lone_surrogate_is_a_finding_with_its_line_and_the_next_file_is_still_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    json_file = tmp_path / "a.json"
    json_file.write_text(LONE_JSON, encoding="utf-8")
    yaml_file = tmp_path / "b.yaml"
    yaml_file.write_text(LONE_YAML, encoding="utf-8")
    good = EXAMPLES / "rust-night-berlin-2025.json"
    assert main(["validate", str(json_file), str(yaml_file), str(good)]) == 1
    out, err = capsys.readouterr()
    assert err == ""
    assert out.splitlines()[:2] == [
        f"{json_file}:1:11: title: text holds \\ud800 (character 4), a lone UTF-16 surrogate "
        "that UTF-8 cannot encode; write the character itself (an escaped pair such as "
        "\\ud83d\\ude00 needs both halves)",
        f"{yaml_file}:1:12: YAML syntax error: \\ud800 is a lone UTF-16 surrogate, not a "
        "character (UTF-8 cannot encode it): write the character itself",
    ]
    assert out.splitlines()[2].startswith(f"{good}: ok: ")


def test_no_command_prints_a_traceback_for_a_lone_surrogate_on_a_strict_utf8_stdout(
    tmp_path: Path,
) -> None:
    # A real process: its stdout refuses what UTF-8 cannot encode, as a terminal's does (the
    # C.UTF-8 locale would let some surrogates through as raw bytes).
    data = tmp_path / "recap.json"
    data.write_text(LONE_JSON, encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict"}
    for args in (
        ["validate", str(data)],
        ["render", str(data), "--ssg", "hugo"],
        ["new", "--from", str(data), "--ssg", "hugo", "--site", str(tmp_path / "site")],
    ):
        done = subprocess.run(
            [sys.executable, "-m", "recapkit", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert (done.returncode, "Traceback" in done.stderr) == (1, False), done.stderr
        assert f"{data}:1:11: title: text holds \\ud800" in done.stdout + done.stderr
    assert not (tmp_path / "site").exists()


def test_duplicate_json_keys_are_findings_and_the_next_file_is_still_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "a.json"
    data.write_text(
        '{"title": "Go", "date": "2025-03-01",\n "title": "Rust", "event": {"name": "Go"}}\n',
        encoding="utf-8",
    )
    good = EXAMPLES / "rust-night-berlin-2025.json"
    assert main(["validate", str(data), str(good)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        f"{data}:2:2: duplicate key 'title' (first on line 1); the later value would silently win"
    )
    assert out[1].startswith(f"{good}: ok: ")


def test_terminal_escapes_in_a_data_file_are_shown_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "recap.yaml"
    data.write_text('title: "x"\n"dat\\e]0;pwned\\a": 2024-01-01\n', encoding="utf-8")
    assert main(["validate", str(data)]) == 1
    out = capsys.readouterr()
    assert "\x1b" not in out.out + out.err and "\x07" not in out.out + out.err
    assert f"{data}:2:1: dat\\x1b]0;pwned\\x07: unknown key" in out.out + out.err
