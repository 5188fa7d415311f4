"""``recapkit validate FILE`` on any bytes at all: random ones and mutated real examples.

Whatever the file holds, the command (run in-process through the CLI entry) never fails
inside (``main`` would turn an exception into "internal error" and exit 2), exits 0 or 1 (the
file exists and is a regular file, so 2 is never right), prints only what UTF-8 can encode,
places every problem inside the file, and writes nothing.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from recapkit.cli import main
from tests.paths import EXAMPLES

SUFFIXES = (".yaml", ".yml", ".toml", ".json")
EXAMPLE_FILES = sorted(p for p in EXAMPLES.glob("*.*") if p.suffix in SUFFIXES)
_PROBLEM = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): ")

# Bytes that have broken readers before: escapes of surrogates and of nothing, NUL, BOMs of
# other encodings, quotes, YAML anchors and merges, nesting, huge numbers, CRLF, a full-width
# colon, bytes that are not UTF-8.
PIECES = (
    b'"\\ud800"',
    b'"\\ud83d\\ude00"',
    b'"\\U00110000"',
    b'"C:\\Users"',
    b"\\",
    b"\x00",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b'"',
    b"'",
    b"&a ",
    b"*a",
    b"<<: ",
    b"[" * 70,
    b"{",
    b"9" * 5000,
    b"0x" + b"f" * 20000,
    b"\r\n",
    "：".encode(),
    b"\xc3",
    b"\n- ",
    b": ",
    b"---\n",
    b"title",
    b"= ",
)

# Text built from the pieces data files are made of, and from the line breaks only YAML knows.
WORDS = (
    *(piece.decode("utf-8", "replace") for piece in PIECES),
    *("{", "}", "[", "]", ",", "\n", "  ", "- ", "#", "\t", "!!python/object", "\\u", "d800"),
    *("date", "event", "name", "talks", "[[talks]]", "2025-03-01", "true", "null"),
    *("\ufeff", "\u2028", "\x85", "\r", "\x1b", "\U0001f600", "%YAML 1.2\n"),
    "title: x\ndate: 2025-03-01\nevent: {name: e}\n",
)
texts = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=5)), max_size=60).map("".join)

edits = st.lists(
    st.tuples(
        st.floats(min_value=0, max_value=1),
        st.sampled_from(["insert", "delete", "replace"]),
        st.one_of(st.sampled_from(PIECES), st.binary(min_size=1, max_size=8)),
    ),
    min_size=1,
    max_size=6,
)


def mutate(data: bytes, changes: list[tuple[float, str, bytes]]) -> bytes:
    for where, how, piece in changes:
        at = int(where * len(data))
        if how == "insert":
            data = data[:at] + piece + data[at:]
        elif how == "delete":
            data = data[:at] + data[at + len(piece) :]
        else:
            data = data[:at] + piece + data[at + len(piece) :]
    return data


def check_validate(data: bytes, suffix: str, capsys: pytest.CaptureFixture[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"recap{suffix}"
        path.write_bytes(data)
        code = main(["validate", str(path)])
        out, err = capsys.readouterr()
        assert code in (0, 1), err
        assert "internal error" not in err and "Traceback" not in out + err
        (out + err).encode("utf-8")  # strict: a lone surrogate here would crash a real terminal
        assert [p.name for p in Path(folder).iterdir()] == [path.name]
        assert path.read_bytes() == data
    lines = out.splitlines()
    if code == 0:
        assert len(lines) == 1 and lines[0].startswith(f"{path}: ok: ")
        return
    assert lines
    for line in lines:
        match = _PROBLEM.match(line)
        assert match and match["file"] == str(path), line
        assert 1 <= int(match["line"]) <= data.count(b"\n") + 1, line
        assert int(match["col"]) >= 1, line


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=400), suffix=st.sampled_from(SUFFIXES))
def test_validate_survives_random_bytes(
    data: bytes, suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    check_validate(data, suffix, capsys)


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(example=st.sampled_from(EXAMPLE_FILES), changes=edits)
def test_validate_survives_mutated_examples(
    example: Path, changes: list[tuple[float, str, bytes]], capsys: pytest.CaptureFixture[str]
) -> None:
    check_validate(mutate(example.read_bytes(), changes), example.suffix, capsys)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=texts, suffix=st.sampled_from(SUFFIXES))
@example(text="\u2028<<: ", suffix=".yaml")  # a constructor error after a YAML 1.1 line break
def test_validate_survives_text_made_of_data_file_pieces(
    text: str, suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    check_validate(text.encode("utf-8"), suffix, capsys)
