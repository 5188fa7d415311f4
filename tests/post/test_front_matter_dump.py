from __future__ import annotations

import tomllib
from datetime import date, datetime, time, timedelta, timezone

import frontmatter
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from recapkit.post.front_matter_dump import (
    FrontMatterDumpError,
    PlainScalar,
    dump_front_matter,
    dump_toml,
    dump_yaml,
)
from recapkit.post.types import FrontMatterFormat
from recapkit.ssg import registry


def format_date(value: date, ssg: str, fmt: str = "yaml") -> date | PlainScalar:
    """*value* as the generator *ssg* writes its front matter date."""
    return registry.get(ssg).format_date(value, FrontMatterFormat(fmt))


CST = timezone(timedelta(hours=8))

# Strings a YAML 1.1 reader would turn into something else, or that break the block.
TRAPS = [
    "No",
    "yes",
    "off",
    "y",
    "N",
    "~",
    "null",
    "010",
    "0x1F",
    "1.10",
    "1e3",
    "1:20",
    ".inf",
    "2024-05-18",
    "a: b",
    "key:value",
    "#hashtag",
    "a # comment",
    "*anchor",
    "&anchor",
    "!tag",
    "|pipe",
    ">folded",
    "%directive",
    "@at",
    "`tick",
    "---",
    "+++",
    "...",
    "- item",
    "[flow]",
    "{flow}",
    "'single'",
    '"double"',
    "{{ 7*7 }}",
    "{% raw %}",
    "multi\nline",
    "trailing\n",
    "x\n\n",
    "\n",
    " leading space",
    "tab\there",
    "nel\x85next",
    "ls\u2028ps\u2029",
    "cr\rlf\r\n",
    "中文：冒号",
    "emoji 🎉",
    "",
]


@pytest.mark.parametrize("text", TRAPS)
def test_yaml_strings_read_back_exactly(text: str) -> None:
    dumped = dump_yaml({"title": text, "list": [text]})
    assert yaml.safe_load(dumped) == {"title": text, "list": [text]}


def test_yaml_quotes_what_go_yaml_would_read_as_booleans() -> None:
    assert dump_yaml({"a": "y", "b": "n"}) == "a: 'y'\nb: 'n'\n"


def test_yaml_keeps_key_order_and_writes_unicode_readably() -> None:
    text = dump_yaml({"title": "Go 夜读 🎉", "date": date(2024, 5, 18), "a": 1})
    assert text == "title: Go 夜读 🎉\ndate: 2024-05-18\na: 1\n"


def test_yaml_multi_line_text_is_a_literal_block() -> None:
    assert dump_yaml({"lead": "one\ntwo"}) == "lead: |-\n  one\n  two\n"


def test_yaml_never_writes_aliases_for_shared_objects() -> None:
    day = date(2024, 5, 18)
    tags = ["go"]
    text = dump_yaml({"date": day, "tags": tags, "recap": {"date": day, "tags": tags}})
    assert "&" not in text and "*" not in text


def test_none_is_left_out_in_both_formats() -> None:
    data = {"title": "t", "slug": None, "extra": {"cover": None, "n": [1, None]}}
    assert yaml.safe_load(dump_yaml(data)) == {"title": "t", "extra": {"n": [1]}}
    assert tomllib.loads(dump_toml(data)) == {"title": "t", "extra": {"n": [1]}}


def test_plain_scalar_dates_are_unquoted() -> None:
    text = dump_yaml({"date": PlainScalar("2024-05-18 14:00:00 +0800")})
    assert text == "date: 2024-05-18 14:00:00 +0800\n"


@pytest.mark.parametrize(
    ("ssg", "expected"),
    [
        ("hugo", "date: 2024-05-18T14:00:00+08:00\n"),
        ("hexo", "date: 2024-05-18 14:00:00\n"),
        ("jekyll", "date: 2024-05-18 14:00:00 +0800\n"),
    ],
)
def test_dates_in_each_ssg_format(ssg: str, expected: str) -> None:
    value = datetime(2024, 5, 18, 14, 0, 0, 123456, tzinfo=CST)
    assert dump_yaml({"date": format_date(value, ssg)}) == expected


def test_date_only_and_naive_values() -> None:
    assert dump_yaml({"date": format_date(date(2024, 5, 18), "jekyll")}) == "date: 2024-05-18\n"
    naive = datetime(2024, 5, 18, 9, 5)
    assert dump_yaml({"date": format_date(naive, "jekyll")}) == "date: 2024-05-18 09:05:00\n"
    assert dump_yaml({"date": format_date(naive, "hugo")}) == "date: 2024-05-18T09:05:00\n"


def test_toml_dates_are_native() -> None:
    value = datetime(2024, 5, 18, 14, 0, 5, 99, tzinfo=CST)
    text = dump_toml({"title": "t", "date": format_date(value, "zola", "toml")})
    assert tomllib.loads(text)["date"] == value.replace(microsecond=0)


def test_front_matter_blocks_parse_with_python_frontmatter() -> None:
    data = {"title": "a: b # c", "date": format_date(date(2024, 5, 18), "hugo"), "tags": ("go",)}
    post = frontmatter.loads(dump_front_matter(data, "yaml") + "\nbody\n")
    assert post.metadata == {"title": "a: b # c", "date": date(2024, 5, 18), "tags": ["go"]}
    assert post.content == "body"
    toml_text = dump_front_matter(data, "toml")
    assert toml_text.startswith("+++\n") and toml_text.endswith("+++\n")
    assert tomllib.loads(toml_text[4:-4])["tags"] == ["go"]


def test_toml_refuses_what_it_cannot_hold() -> None:
    with pytest.raises(FrontMatterDumpError, match="duration"):
        dump_toml({"talk": {"duration": timedelta(minutes=5)}})
    odd = timezone(timedelta(hours=8, minutes=5, seconds=43))
    with pytest.raises(FrontMatterDumpError, match="whole minutes"):
        dump_toml({"date": datetime(2024, 1, 1, tzinfo=odd)})


def test_times_of_day_are_text_in_yaml() -> None:
    assert yaml.safe_load(dump_yaml({"start": time(14, 0)})) == {"start": "14:00:00"}


_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text() | st.dates(),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(min_size=1), children, max_size=3)
    ),
    max_leaves=10,
)


def _without_none(value: object) -> object:
    if isinstance(value, dict):
        return {k: _without_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_none(v) for v in value if v is not None]
    return value


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(st.text(min_size=1), _values, max_size=5))
def test_yaml_round_trips_any_plain_data(data: dict[str, object]) -> None:
    assert yaml.safe_load(dump_yaml(data) or "{}") == _without_none(data)
