"""Fuzzing ``recapkit lint`` with post bytes: whatever a post holds, the run ends with an exit
code of 0, 1 or 2, no traceback (not even one the CLI catches as an internal error), and, without
``--fix``, not one byte written anywhere in the site."""

from __future__ import annotations

import contextlib
import io
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recapkit.cli import main
from recapkit.lint.reporters import FORMATS
from tests import paths

SEEDS = tuple(p.read_bytes() for p in sorted((paths.EXAMPLES / "site" / "content").rglob("*.md")))

# Pieces that reach odd corners: each front matter fence, JSON's surrogate escapes, YAML
# escapes of control characters, template tags, raw HTML, CRLF, a BOM, invalid UTF-8.
FRAGMENTS = (
    b"---\n",
    b"+++\n",
    b"{\n",
    b'"\\ud800"',
    b'"\\udc00\\ud83d"',
    b'"\\e[31m\\a"',
    b"tags: go meetup\n",
    b"date: 2016-02-09 00:49\n",
    b"{{< figure src=x.png >}}",
    b"{% asset_img a.png %}",
    b"<img src=",
    b"![](",
    b"\r\n",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\x00",
    b"\x1b]0;title\x07",
    "**嘉宾：**刘洋".encode(),
    b"```\n",
    b"# ",
)


@st.composite
def mutated_posts(draw: st.DrawFn) -> bytes:
    """A real post with a few bytes and fragments inserted, deleted or replaced."""
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        piece = draw(st.sampled_from(FRAGMENTS) | st.binary(max_size=8))
        match draw(st.sampled_from(("insert", "delete", "replace"))):
            case "insert":
                data[at:at] = piece
            case "delete":
                del data[at : at + draw(st.integers(1, 64))]
            case "replace":
                data[at : at + len(piece)] = piece
    return bytes(data)


posts = st.one_of(
    mutated_posts(),
    st.binary(max_size=512),
    st.lists(st.sampled_from(FRAGMENTS), max_size=12).map(b"".join),
)


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def lint(*args: str) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = main(["lint", "--no-cache", *args])
    return code, err.getvalue()


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=posts, fmt=st.sampled_from(list(FORMATS)))
def test_lint_survives_any_post_and_writes_nothing(
    data: bytes, fmt: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    root = tmp_path_factory.mktemp("fuzz")
    (root / "hugo.toml").write_text('baseURL = "/"\n')
    post = root / "content" / "posts" / "post.md"
    post.parent.mkdir(parents=True)
    post.write_bytes(data)
    before = snapshot(root)
    cwd = os.getcwd()
    os.chdir(root)
    try:
        code, err = lint("--output-format", fmt, "content")
    finally:
        os.chdir(cwd)
    assert code in (0, 1, 2)
    assert "internal error" not in err and "Traceback" not in err
    assert snapshot(root) == before
