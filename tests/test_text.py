"""``recapkit._text.LineIndex``: offsets <-> 0-based lines and columns, for every line ending."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from recapkit._text import LineIndex, line_starts


def test_lines_and_columns_of_lf_and_crlf_text() -> None:
    index = LineIndex("ab\r\ncd\nef")
    assert index.starts == [0, 4, 7]
    assert (
        index.position(0) == (0, 0) and index.position(5) == (1, 1) and index.position(8) == (2, 1)
    )
    assert [index.line_text(n) for n in range(index.line_count())] == ["ab", "cd", "ef"]
    assert index.offset(1, 1) == 5 and index.line_end(0) == 2


def test_a_lone_final_cr_is_not_part_of_the_line() -> None:
    assert LineIndex("x\r").line_text(0) == "x"


@given(st.text(alphabet="ab\r\n中", max_size=40))
def test_position_and_offset_round_trip(text: str) -> None:
    index = LineIndex(text)
    assert list(index.starts) == line_starts(text)
    for offset in range(len(text) + 1):
        line, column = index.position(offset)
        assert index.offset(line, column) == offset
        assert text.count("\n", 0, offset) == line


@given(st.text(alphabet="a\r\n\x85\u2028中", max_size=60))
def test_lines_start_after_each_line_feed_only(text: str) -> None:
    assert line_starts(text) == [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
