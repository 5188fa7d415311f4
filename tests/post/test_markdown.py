"""Images and links from markdown-it tokens, shortcodes and Hexo tags, at exact positions."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it.token import Token

from recapkit.post.markdown_it_parse import _Markdown, make_parser
from recapkit.post.types import ImageKind
from recapkit.ssg.posts import parse_post


def _images(text: str) -> list[tuple[Any, ...]]:
    return [(i.kind, i.src, i.alt, i.title, i.line, i.column) for i in parse_post(text).images]


@pytest.mark.parametrize(
    ("tag", "src", "alt", "title"),
    [
        ("{% asset_img hall.webp %}", "hall.webp", None, None),
        ("{% asset_img hall.webp Main hall %}", "hall.webp", None, "Main hall"),
        ('{% asset_img hall.webp "Main hall" "People" %}', "hall.webp", "People", "Main hall"),
        ("{% asset_img hall.webp \"Main hall 'People'\" %}", "hall.webp", "People", "Main hall"),
        ("{% asset_image sub/x.png %}", "sub/x.png", None, None),
        ("{% img /img/x.png %}", "/img/x.png", None, None),
        ("{% img left big /img/x.png 300 200 'T' 'A' %}", "/img/x.png", "A", "T"),
        ("{% img https://cdn.example/x.png %}", "https://cdn.example/x.png", None, None),
        ("{%- img /x.png -%}", "/x.png", None, None),
    ],
)
def test_hexo_tags(tag: str, src: str, alt: str | None, title: str | None) -> None:
    assert _images(f"Before\n\n{tag}\n") == [(ImageKind.HEXO_TAG, src, alt, title, 2, 0)]


@pytest.mark.parametrize(
    ("code", "src", "alt"),
    [
        ('{{< figure src="/a.png" alt="A" >}}', "/a.png", "A"),
        ('{{% figure src="/a.png" title="T" %}}', "/a.png", None),
        ('{{< figure src="/a.png" caption="<b>C</b>" >}}', "/a.png", "C"),
        ('{{< figure src="/a.png" alt="" caption="C" >}}', "/a.png", ""),
        ('{{< img "/a.png" "Alt text" >}}', "/a.png", "Alt text"),
        ("{{< image src=/a.png >}}", "/a.png", None),
        ('{{< figure src="/a.png" />}}', "/a.png", None),
        ('{{<img src="/a.png">}}', "/a.png", None),  # not also counted as an HTML <img>
        ('{{< figure\n  src="/a.png"\n  alt="multi-line"\n>}}', "/a.png", "multi-line"),
    ],
)
def test_hugo_shortcodes(code: str, src: str, alt: str | None) -> None:
    images = parse_post(f"Intro\n\n{code}\n").images
    assert [(i.kind, i.src, i.alt, i.line, i.column) for i in images] == [
        (ImageKind.HUGO_SHORTCODE, src, alt, 2, 0)
    ]


def test_escaped_shortcodes_and_other_shortcodes_are_not_images() -> None:
    text = '{{</* figure src="/doc.png" */>}}\n\n{{< youtube abc >}}\n\n{{< figure title="no src" >}}\n'
    assert parse_post(text).images == ()


def test_shortcodes_in_code_are_ignored_but_not_after_the_span() -> None:
    text = 'Use `{{< figure src="/x.png" >}}` like {{< figure src="/y.png" >}}.\n'
    (image,) = parse_post(text).images
    assert (image.src, image.column) == ("/y.png", text.index('{{< figure src="/y'))


def test_identical_table_cells_get_their_own_columns() -> None:
    text = "| a | b |\n|---|---|\n| ![x](p.png) | ![x](p.png) |\n"
    columns = [i.column for i in parse_post(text).images]
    assert columns == [2, 16]


def test_nested_lists_and_quotes() -> None:
    text = "- one\n  - two ![a](a.png)\n    > quoted ![b](b.png)\n\n1. first\n   ![c](c.png)\n"
    got = [(i.src, i.line, i.column) for i in parse_post(text).images]
    assert got == [("a.png", 1, 8), ("b.png", 2, 13), ("c.png", 5, 3)]


def test_tabs_in_indentation_fall_back_gracefully() -> None:
    post = parse_post("-\tone\n\n\t![a](a.png)\n")
    (image,) = post.images
    assert image.line == 2 and 0 <= image.column <= 1


def test_html_alt_presence_and_entities() -> None:
    text = (
        '<p><img src="a.png"> <img src="b.png" alt> <img SRC="c.png" ALT="Tom &amp; Jerry"></p>\n'
    )
    assert [(i.src, i.alt) for i in parse_post(text).images] == [
        ("a.png", None),
        ("b.png", ""),
        ("c.png", "Tom & Jerry"),
    ]


def test_lazy_loaded_html_image_uses_data_src() -> None:
    (image,) = parse_post('<img data-src="/lazy.png" alt="x">\n').images
    assert image.src == "/lazy.png"


def test_image_inside_link_and_link_text() -> None:
    post = parse_post("[![Logo](logo.png) **Home**](https://home.example)\n")
    assert [(i.src, i.column) for i in post.images] == [("logo.png", 1)]
    assert [(link.text, link.url, link.column, link.end_column) for link in post.links] == [
        ("Logo Home", "https://home.example", 0, 50)
    ]


def test_emphasis_and_code_in_alt_read_as_text() -> None:
    (image,) = parse_post("![The `go` *gopher*](g.png)\n").images
    assert image.alt == "The go gopher"


def _strip_meta(tokens: list[Token]) -> list[dict[str, Any]]:
    result = []
    for token in tokens:
        data = token.as_dict()
        data.pop("meta", None)
        if data.get("children"):
            data["children"] = [
                {k: v for k, v in c.items() if k != "meta"} for c in data["children"]
            ]
        result.append(data)
    return result


_REFERENCE = _Markdown("commonmark").enable("table")
_FAST = make_parser()


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [*list("ab \n*_`[]()!<>&\\#-|:"), "![a](b)", "<img src=x>", "|---|", "\n\n"]
        ),
        max_size=80,
    ).map("".join)
)
def test_fast_inline_path_gives_the_same_tokens(text: str) -> None:
    assert _strip_meta(_FAST.parse(text)) == _strip_meta(_REFERENCE.parse(text))


@pytest.mark.parametrize("opening", ["\u3000\n", "\u3000\u3000\n\u3000\n", "\u3000 \n"])
def test_a_paragraph_opened_by_a_line_of_ideographic_spaces_keeps_its_positions(
    opening: str,
) -> None:
    # U+3000 alone is no blank line in CommonMark, so it opens the paragraph, and markdown-it
    # trims it off the content: positions must still point at the text after it.
    source = f"{opening}中文`code中` ![图](a.png)\n"
    post = parse_post(source)
    lines = opening.count("\n")
    ((start, end),) = post.code.spans
    assert source[start:end] == "`code中`"
    assert [(i.src, i.line, i.column) for i in post.images] == [("a.png", lines, 10)]
