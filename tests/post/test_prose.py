"""A post's prose pieces: exactly the text a reader reads, never code, URLs, HTML or tags."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from recapkit.post.load import parse_post
from recapkit.post.prose import prose_pieces
from recapkit.ssg import registry


def texts(source: str, ssg: str | None = None) -> list[str]:
    syntax = registry.get(ssg).tags if ssg else registry.generic().tags
    post = parse_post(source, Path("post.md"), syntax=syntax)
    return [post.text[piece.start : piece.end] for piece in prose_pieces(post)]


def test_front_matter_values_of_title_and_description_but_no_keys() -> None:
    source = '---\ntitle: Go语言\ndescription: "讲 Go"\ntags: [中文Go]\n---\n\ntext\n'
    assert texts(source) == ["Go语言", "讲 Go", "text"]


def test_code_links_html_urls_and_tags_are_no_prose() -> None:
    source = (
        "---\ntitle: T\n---\n\n"
        "甲`code中文`乙 [链接Go](https://go.dev/中文) 丙<span title='属性x'>丁</span>戊 "
        '见https://go.dev/x 己 {{< figure src="图x.png" >}} 庚 {% asset_img 图y.png %}\n\n'
        "```\n代码Go\n```\n\n<div>\nHTML块Go\n</div>\n"
    )
    assert texts(source, "hugo") == [
        "T",
        "甲",
        "乙 ",
        "链接Go",
        " 丙",
        "丁",
        "戊 见",
        " 己 ",
        " 庚 ",
    ]


def test_registration_numbers_are_no_prose() -> None:
    source = "---\ntitle: T\n---\n\n备案号：沪ICP备11037377号-56，京公网安备 11010502030143号\n"
    assert texts(source) == ["T", "备案号：", "，"]


def test_alt_text_of_markdown_and_html_images() -> None:
    source = '---\ntitle: T\n---\n\n![图片alt](a中.png) <img src="b中.png" alt="中文alt">\n'
    assert texts(source) == ["T", "图片alt", " ", "中文alt"]


def test_emphasis_and_link_edges_join_pieces() -> None:
    post = parse_post("中文**Go**语言[链接](x)后\n", Path("post.md"))
    pieces = prose_pieces(post)
    shown = [(post.text[p.start : p.end], p.joined, p.depth, p.across_link) for p in pieces]
    assert shown == [
        ("中文", False, 0, False),
        ("Go", True, 1, False),
        ("语言", True, 0, False),
        ("链接", True, 1, True),
        ("后", True, 0, True),
    ]


def test_text_changed_by_an_escape_is_left_out_rather_than_misplaced() -> None:
    post = parse_post("前\\*后 &amp; 尾\n", Path("post.md"))
    for piece in prose_pieces(post):
        assert "\\" not in post.text[piece.start : piece.end]


def test_a_paragraph_after_a_line_of_ideographic_spaces_is_found() -> None:
    post = parse_post("\u3000\u3000\n\u3000\u3000于是1986年春天\n", Path("post.md"))
    pieces = prose_pieces(post)
    assert [(post.location(p.start).line, post.text[p.start : p.end]) for p in pieces] == [
        (1, "于是1986年春天")
    ]


def test_lines_inside_code_block_tags_are_no_prose() -> None:
    source = "{% highlight go %}\n中文Go\n{% endhighlight %}\n\n正文\n"
    assert texts(source, "jekyll") == ["正文"]


_MARKDOWN = st.lists(
    st.sampled_from(
        ["中文", "Go", " ", "`code中`", "[链接](http://x.org/中a)", "**", "_", "<b>", "</b>",
         "https://go.dev/中", "{{< x 中a >}}", "\n", "\n\n", "    ", "```\n代码a\n```\n", "![图a](b中.png)",
         "\u3000", "\\*", "&amp;", "| a | 中 |\n|---|---|\n| 中b | c |\n", "# "]
    ),
    max_size=25,
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(parts=_MARKDOWN)
def test_pieces_never_touch_code_urls_or_destinations(parts: list[str]) -> None:
    post = parse_post("---\ntitle: T\n---\n\n" + "".join(parts) + "\n", Path("post.md"))
    previous_end = 0
    for piece in prose_pieces(post):
        assert previous_end <= piece.start < piece.end
        previous_end = piece.end
        text = post.text[piece.start : piece.end]
        assert "\n" not in text and "://" not in text and "{{" not in text
        for offset in range(piece.start, piece.end):
            assert not post.in_code(offset)
        for link in [*post.links, *post.images]:
            start = post.offset(link.line, link.column)
            end = post.offset(link.end_line, link.end_column)
            destination = post.text.find("](", start, end)
            if destination >= 0:
                assert not (destination <= piece.start < end)


def test_text_left_out_breaks_the_run() -> None:
    post = parse_post("中文**x&amp;y**Go\n", Path("post.md"))  # `x&y` is not in the file
    pieces = prose_pieces(post)
    assert [(post.text[p.start : p.end], p.joined) for p in pieces] == [
        ("中文", False),
        ("Go", False),
    ]
