"""Front matter reading: every form, file-absolute error positions and key locations."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from recapkit.post.front_matter import read_front_matter
from recapkit.post.types import FrontMatterFormat, Location


def test_yaml_block_spans_and_data() -> None:
    text = "---\ntitle: Hello\ndate: 2021-06-28 09:01:11\n---\nBody\n"
    fm, body_start = read_front_matter(text)
    assert fm is not None and fm.error is None
    assert fm.format is FrontMatterFormat.YAML
    assert (
        text[fm.span.start : fm.span.end] == "---\ntitle: Hello\ndate: 2021-06-28 09:01:11\n---\n"
    )
    assert text[fm.content_span.start : fm.content_span.end] == (
        "title: Hello\ndate: 2021-06-28 09:01:11\n"
    )
    assert text[body_start:] == "Body\n"
    assert fm.data == {"title": "Hello", "date": datetime(2021, 6, 28, 9, 1, 11)}
    assert fm.key_locations == {"title": Location(1, 0), "date": Location(2, 0)}


def test_toml_block_uses_native_dates_and_locates_keys() -> None:
    text = '+++\ntitle = "T"\n  date = 2014-05-02T06:40:42Z\n[extra]\nx = 1\n+++\nBody'
    fm, body_start = read_front_matter(text)
    assert fm is not None and fm.error is None
    assert fm.format is FrontMatterFormat.TOML
    assert fm.data["date"] == datetime(2014, 5, 2, 6, 40, 42, tzinfo=UTC)
    assert fm.key_locations == {
        "title": Location(1, 0),
        "date": Location(2, 2),
        "extra": Location(3, 0),
    }
    assert "x" not in fm.key_locations  # not a top-level key
    assert text[body_start:] == "Body"


def test_json_block() -> None:
    text = '{\n  "title": "J",\n  "tags": ["a", "b"],\n  "nested": {"title": 1}\n}\n\nBody\n'
    fm, body_start = read_front_matter(text)
    assert fm is not None and fm.error is None
    assert fm.format is FrontMatterFormat.JSON
    assert fm.data["tags"] == ["a", "b"]
    assert fm.key_locations == {
        "title": Location(1, 2),
        "tags": Location(2, 2),
        "nested": Location(3, 2),
    }
    assert text[body_start:] == "\nBody\n"


def test_hexo_form_without_opening_fence() -> None:
    text = "title: Hexo\ndate: 2019-11-18 00:00:00\ntags:\n- a\n---\nBody\n"
    fm, body_start = read_front_matter(text)
    assert fm is not None and fm.error is None
    assert fm.opening_delimiter_missing
    assert fm.data["tags"] == ["a"]
    assert fm.key_locations["date"] == Location(1, 0)
    assert text[body_start:] == "Body\n"


@pytest.mark.parametrize(
    "text",
    [
        "Note: this is a paragraph with prose\nthat wraps.\n---\n",  # prose line, not a key
        "Heading\n---\nBody\n",  # setext heading
        "key: value\n# a heading\n---\n",  # a Markdown heading before the rule
    ],
)
def test_hexo_form_is_detected_conservatively(text: str) -> None:
    fm, body_start = read_front_matter(text)
    assert fm is None and body_start == 0


def test_hexo_form_with_a_yaml_error_is_not_front_matter() -> None:
    assert read_front_matter("title: a: b\n---\nBody\n") == (None, 0)


@pytest.mark.parametrize(
    ("text", "line", "column", "fragment"),
    [
        # An unquoted `: ` in a title: the classic YAML mistake, at its line:col in the FILE.
        (
            "---\ndate: 2020-01-01\ntitle: Go: the good parts\n---\n",
            2,
            9,
            "quote text that contains",
        ),
        ("---\ntags: [a, b\n---\nBody\n", 2, 0, "flow sequence"),
        ('+++\ntitle = "ok"\nname = bare words\n+++\n', 2, 7, "Invalid value"),
        ('{\n  "title": "x",\n  "tags": [1,]\n}\n', 2, 13, "value"),
    ],
)
def test_syntax_errors_point_into_the_file(
    text: str, line: int, column: int, fragment: str
) -> None:
    fm, _ = read_front_matter(text)
    assert fm is not None and fm.error is not None
    assert (fm.error.line, fm.error.column) == (line, column)
    assert fragment in fm.error.message
    assert fm.data == {}


def test_crlf_block_positions() -> None:
    text = "---\r\ntitle: A\r\nbad: [\r\n---\r\nBody\r\n"
    fm, body_start = read_front_matter(text)
    assert fm is not None and fm.error is not None
    assert fm.error.line == 3  # the closing fence, where YAML noticed the open bracket
    assert text[body_start:] == "Body\r\n"


def test_unclosed_block_is_an_error_not_markdown() -> None:
    fm, body_start = read_front_matter("---\ntitle: x\n\nBody\n")
    assert fm is not None and fm.error is not None
    assert "never closed" in fm.error.message
    assert body_start == 4


def test_yaml_keys_that_yaml_1_1_would_turn_into_bools_stay_names() -> None:
    fm, _ = read_front_matter("---\nno: 1\non: 2\n2019: x\n---\n")
    assert fm is not None and fm.error is None
    assert fm.data == {"no": 1, "on": 2, "2019": "x"}
    assert fm.key_locations["on"] == Location(2, 0)


def test_impossible_date_stays_text() -> None:
    fm, _ = read_front_matter("---\ndate: 2016-02-30\nother: 2016-02-14\n---\n")
    assert fm is not None and fm.error is None
    assert fm.data == {"date": "2016-02-30", "other": date(2016, 2, 14)}


def test_offset_dates_and_empty_values() -> None:
    fm, _ = read_front_matter("---\ndate: 2020-10-18T01:03:25+08:00\nimages:\n---\n")
    assert fm is not None
    assert fm.data["date"].utcoffset() == timedelta(hours=8)
    assert fm.data["images"] is None


@pytest.mark.parametrize(
    "text", ["---\n- a\n- b\n---\n", "---\njust text\n---\n", "+++\n+++\n", "---\n---\n"]
)
def test_non_mapping_or_empty_blocks(text: str) -> None:
    fm, _ = read_front_matter(text)
    assert fm is not None
    if "- a" in text or "just" in text:
        assert fm.error is not None and "mapping" in fm.error.message
    else:
        assert fm.error is None and fm.data == {}


@pytest.mark.parametrize(
    "text", ["", "Just Markdown\n", "{{< shortcode >}}\n", "{% raw %}\n", "----\nx\n"]
)
def test_no_front_matter(text: str) -> None:
    fm, _ = read_front_matter(text)
    if text.startswith("----"):
        # Four dashes open a block like Hexo and python-frontmatter; it is never closed here.
        assert fm is not None and fm.error is not None
    else:
        assert fm is None


@pytest.mark.parametrize(
    ("text", "line", "column", "message"),
    [
        # Hugo (go-yaml v3) and Hexo (js-yaml) refuse to build these: an error at the second key.
        ("---\ntitle: a\ndate: 2025-01-01\ntitle: b\n---\n", 3, 0, "`title` (first on line 2)"),
        ("---\nrecap:\n  talks: 1\n  talks: 2\n---\n", 3, 2, "`talks` (first on line 3)"),
        ("---\n'it''s': 1\n\"it's\": 2\n---\n", 2, 0, "`it's` (first on line 2)"),
        ("title: a\ntags: x\ntags: y\n---\nBody\n", 2, 0, "`tags` (first on line 2)"),
    ],
)
def test_a_duplicate_yaml_key_is_a_syntax_error_at_the_second_key(
    text: str, line: int, column: int, message: str
) -> None:
    fm, _ = read_front_matter(text)
    assert fm is not None and fm.error is not None
    assert (fm.error.line, fm.error.column) == (line, column)
    assert fm.error.message == f"duplicate key {message}; Hugo and Hexo refuse it"
    assert fm.data == {}


def test_a_recursive_alias_in_front_matter_is_an_error() -> None:
    fm, _ = read_front_matter("---\ntitle: T\ntags: &t [*t]\n---\n")
    assert fm is not None and fm.error is not None and fm.error.line == 2


def test_yaml_dot_dot_dot_closes_like_jekyll() -> None:
    fm, body_start = read_front_matter("---\ntitle: a\n...\nBody")
    assert fm is not None and fm.data == {"title": "a"}
    assert body_start == len("---\ntitle: a\n...\n")


def test_a_full_width_colon_in_front_matter_is_named_at_its_line() -> None:
    from recapkit.ssg.posts import parse_post

    post = parse_post("---\ntitle：Go 夜读\ndate: 2024-03-09\n---\nbody\n", "post.md")
    assert post.front_matter is not None
    error = post.front_matter.error
    assert error is not None
    assert (error.line, error.column) == (1, 5)
    assert "full-width colon" in error.message


def test_a_number_too_long_for_python_stays_text_instead_of_failing_the_block() -> None:
    from recapkit.ssg.posts import parse_post

    digits = "9" * 5000
    post = parse_post(f"---\ntitle: x\nweight: {digits}\n---\nbody\n", "post.md")
    assert post.front_matter is not None and post.front_matter.error is None
    assert post.front_matter.data["weight"] == digits
