"""recapkit's character columns as a client counts them: UTF-16 by default, UTF-8 or UTF-32 when
agreed; emoji are where the encodings differ (Chinese text is one unit in each but UTF-8)."""

from __future__ import annotations

import pytest

from recapkit.server.positions import UTF8, UTF16, UTF32, Positions, units

TEXT = "---\ntitle: 聚会\n---\n😀 ![猫](cat.png)\r\nlast"


@pytest.mark.parametrize(
    ("encoding", "expected"), [(UTF16, (3, 3)), (UTF8, (3, 5)), (UTF32, (3, 2))]
)
def test_a_column_after_an_emoji_counts_in_the_clients_units(
    encoding: str, expected: tuple[int, int]
) -> None:
    assert Positions(TEXT, encoding).at(3, 2) == expected


def test_chinese_text_is_one_utf16_unit_a_character_and_three_utf8_bytes() -> None:
    assert Positions(TEXT, UTF16).at(1, 9) == (1, 9)
    assert Positions(TEXT, UTF8).at(1, 9) == (1, 13)
    assert units("聚会", UTF16) == 2 and units("😀", UTF16) == 2 and units("😀", UTF8) == 4


def test_offsets_become_positions_and_crlf_is_one_line_end() -> None:
    positions = Positions(TEXT, UTF16)
    offset = TEXT.index("last")
    assert positions.at_offset(offset) == (4, 0)
    assert positions.at_offset(TEXT.index("cat")) == (3, 2 + len(" ![猫]("))
    assert positions.line_end(3) == len("😀 ![猫](cat.png)")


def test_a_bom_the_editor_kept_shifts_the_first_line_only() -> None:
    # recapkit reads the text without its BOM; the client counts it.
    positions = Positions("\ufeff##Title\n##Next\n", UTF16)
    assert positions.at(0, 2) == (0, 3)
    assert positions.at_offset(2) == (0, 3)
    assert positions.at(1, 2) == (1, 2)
    assert positions.line_end(0) == len("##Title")


def test_a_position_past_the_last_line_is_the_end_of_the_text() -> None:
    assert Positions("a\nbc", UTF16).at(5, 0) == (1, 2)
