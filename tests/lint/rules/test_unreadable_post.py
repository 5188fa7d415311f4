"""RK100 unreadable-post: empty, binary and non-UTF-8 files are findings, not crashes."""

from __future__ import annotations

import pytest

from recapkit.lint.rules import UnreadablePost
from tests.lint.rules.helpers import run


@pytest.mark.parametrize(
    ("source", "words"),
    [
        (b"", "empty"),
        (b"\x00\x01PNG\x00", "not a text file"),
        (b"---\ntitle: \xc4\xe3\n---\n", "UTF-8"),
    ],
)
def test_unreadable_files_are_reported_not_crashed_on(source: bytes, words: str) -> None:
    _post, found = run(UnreadablePost(), source)
    assert len(found) == 1
    assert words.lower() in found[0].message.lower()
