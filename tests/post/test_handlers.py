"""recapkit's front matter handlers through python-frontmatter's own API, and the package's known
defects guarded: TOML without the ``toml`` package, key order, dates, the final newline, a BOM."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import frontmatter
import pytest
from hypothesis import given
from hypothesis import strategies as st

from recapkit import parse_post, to_frontmatter
from recapkit.post.front_matter import (
    FrontMatterSyntaxError,
    JSONHandler,
    OpenlessYAMLHandler,
    TOMLHandler,
    YAMLHandler,
)
from recapkit.post.types import FrontMatterFormat

CST = timezone(timedelta(hours=8))
POST = "---\ntitle: Go meetup\ndate: 2024-05-18T14:00:00+08:00\ntags: [go, meetup]\n---\n\nBody.\n"


def test_frontmatter_loads_with_our_yaml_handler() -> None:
    post = frontmatter.loads(POST, handler=YAMLHandler())
    assert post["title"] == "Go meetup" and post["tags"] == ["go", "meetup"]
    assert post["date"] == datetime(2024, 5, 18, 14, 0, tzinfo=CST)
    assert post.content == "Body."


def test_toml_needs_no_toml_package() -> None:
    text = '+++\ntitle = "Go"\ndate = 2024-05-18\n[taxonomies]\ntags = ["go"]\n+++\nBody\n'
    post = frontmatter.loads(text, handler=TOMLHandler())
    assert post.metadata == {
        "title": "Go",
        "date": date(2024, 5, 18),
        "taxonomies": {"tags": ["go"]},
    }


def test_json_and_openless_yaml() -> None:
    assert frontmatter.loads('{"title": "J"}\nBody\n', handler=JSONHandler())["title"] == "J"
    assert frontmatter.loads("title: H\n---\nBody\n", handler=OpenlessYAMLHandler())["title"] == "H"


def test_a_block_that_does_not_parse_is_an_error_not_silence() -> None:
    with pytest.raises(FrontMatterSyntaxError, match="duplicate key `title`"):
        YAMLHandler().load("title: a\ntitle: b\n")
    with pytest.raises(FrontMatterSyntaxError):
        TOMLHandler().load('title = "unclosed\n')


def test_dumps_keeps_key_order_dates_and_the_final_newline() -> None:
    post = frontmatter.Post("Body.\n", YAMLHandler(), zeta=1, alpha="No", when=date(2024, 5, 18))
    assert frontmatter.dumps(post) == "---\nzeta: 1\nalpha: 'No'\nwhen: 2024-05-18\n---\nBody.\n"


def test_a_post_goes_to_python_frontmatter_and_back() -> None:
    post = parse_post(POST, "post.md")
    handed = to_frontmatter(post)
    assert isinstance(handed.handler, YAMLHandler) and handed["title"] == "Go meetup"
    again = parse_post(handed, "post.md")
    assert dict(again.data) == dict(post.data)
    assert again.body.strip() == "Body."


def test_a_frontmatter_post_with_its_own_handler_is_read_in_its_format() -> None:
    handed = frontmatter.Post("Body\n", TOMLHandler(), title="T", date=date(2024, 1, 2))
    post = parse_post(handed)
    assert post.front_matter is not None and post.front_matter.format is FrontMatterFormat.TOML
    assert dict(post.data) == {"title": "T", "date": date(2024, 1, 2)}


def test_a_bom_does_not_hide_the_front_matter() -> None:
    post = parse_post(("\ufeff" + POST).encode("utf-8"), "post.md")
    assert post.has_bom and post.data["title"] == "Go meetup"


_KEYS = st.text(alphabet="abcdefghij_", min_size=1, max_size=8)
_VALUES = st.one_of(
    st.text(max_size=20).filter(lambda t: "\x00" not in t),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.booleans(),
    st.dates(min_value=date(1970, 1, 1), max_value=date(2100, 1, 1)),
    st.lists(st.text(alphabet="abc 中", max_size=5), max_size=3),
)


@pytest.mark.parametrize("handler", [YAMLHandler(), TOMLHandler()], ids=["yaml", "toml"])
@given(metadata=st.dictionaries(_KEYS, _VALUES, min_size=1, max_size=6))
def test_what_our_handler_writes_it_reads_back(
    handler: YAMLHandler | TOMLHandler, metadata: dict[str, object]
) -> None:
    text = frontmatter.dumps(frontmatter.Post("Body\n", handler, **metadata))
    post = parse_post(text, "post.md")
    assert post.front_matter is not None and post.front_matter.error is None
    assert dict(post.data) == metadata
    assert list(post.data) == list(metadata)  # key order kept
