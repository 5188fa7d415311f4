"""load_post/parse_post: fixture posts with exact positions, load problems, and never a crash."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recapkit.post.types import FrontMatterFormat, ImageKind, LinkKind, LoadProblemKind, Post
from recapkit.ssg.posts import load_post, parse_post
from tests import paths
from tests.unprivileged import as_nobody, needs_root

FIXTURES = paths.FIXTURES / "posts"

# (kind, src, alt, 1-based line, what the text at the reported column starts with)
EVERY_IMAGE = [
    (ImageKind.FRONT_MATTER, "/img/cover.png", "The venue", 4, "/img/cover.png"),
    (ImageKind.FRONT_MATTER, "/img/p1.jpg", None, 8, "/img/p1.jpg"),
    (ImageKind.FRONT_MATTER, "/img/p2.jpg", None, 9, "/img/p2.jpg"),
    (ImageKind.MARKDOWN, "stage.png", "Speaker on stage", 12, "![Speaker on stage]"),
    (ImageKind.MARKDOWN_REFERENCE, "/img/slides.png", "Slides", 12, "![Slides][slides]"),
    (ImageKind.MARKDOWN, "empty-alt.png", "", 14, "![](empty-alt.png)"),
    (ImageKind.MARKDOWN, "IMG_0273.JPG", "IMG_0273", 15, "![IMG_0273]"),
    (ImageKind.MARKDOWN, "q.png", "quote", 17, "![quote]"),
    (ImageKind.MARKDOWN, "t.png", "a", 21, "![a](t.png)"),
    (ImageKind.MARKDOWN, "t.png", "a", 22, "![a](t.png)"),
    (ImageKind.HTML, "/img/html-block.jpg", "Crowd", 25, '<img src="/img/html-block.jpg"'),
    (ImageKind.HTML, "/img/no-alt.jpg", None, 27, "<img src='/img/no-alt.jpg'>"),
    (ImageKind.HTML, "inline.png", "", 30, '<img alt=""'),
    (ImageKind.HUGO_SHORTCODE, "/img/fig.jpg", "Hugo figure", 32, '{{< figure src="/img/fig.jpg"'),
    (ImageKind.HUGO_SHORTCODE, "/img/fig2.jpg", "A caption", 33, '{{< figure src="/img/fig2.jpg"'),
    (ImageKind.HUGO_SHORTCODE, "/img/theme.png", None, 34, "{{< img"),
    (ImageKind.HEXO_TAG, "hall.webp", "People in the main hall", 36, "{% asset_img hall.webp"),
    (ImageKind.HEXO_TAG, "/img/hexo.png", None, 37, "{% img left"),
    (ImageKind.MARKDOWN, "{{ site.baseurl }}/img/jekyll.png", "jekyll", 39, "![jekyll]"),
]


def _at(post: Post, line: int, column: int, length: int) -> str:
    text_line = post.text.split("\n")[line]
    return text_line[column : column + length]


def test_every_image_syntax_with_exact_positions() -> None:
    post = load_post(FIXTURES / "every-image.md")
    assert post.problem is None
    got = [(i.kind, i.src, i.alt, i.line + 1) for i in post.images]
    assert got == [(k, s, a, line) for k, s, a, line, _ in EVERY_IMAGE]
    for image, (*_, _line, starts) in zip(post.images, EVERY_IMAGE, strict=True):
        assert _at(post, image.line, image.column, len(starts)) == starts, image
    # Exact columns for a few, 1-based as users see them.
    by_src = {i.src: i for i in post.images}
    assert (by_src["stage.png"].column + 1, by_src["stage.png"].end_column + 1) == (8, 48)
    assert (by_src["q.png"].line + 1, by_src["q.png"].column + 1) == (17, 10)
    assert by_src["stage.png"].title == "Keynote"
    assert by_src["hall.webp"].title == "Main hall"
    assert by_src["/img/hexo.png"].title == "Title only"


def test_nothing_inside_code_or_comments_counts() -> None:
    post = load_post(FIXTURES / "every-image.md")
    sources = " ".join(i.src for i in post.images)
    for hidden in ("fenced", "indented", "span", "commented"):
        assert hidden not in sources


def test_end_positions_cover_the_whole_syntax() -> None:
    post = parse_post("Text ![a](b.png) end\n")
    (image,) = post.images
    assert (image.line, image.column, image.end_line, image.end_column) == (0, 5, 0, 16)
    multi = parse_post('See ![a long\nalt](x.png "t") ok\n')
    (image,) = multi.images
    assert (image.line, image.column, image.end_line, image.end_column) == (0, 4, 1, 15)
    assert image.alt == "a long alt"


def test_bom_and_crlf_are_kept_and_positions_hold() -> None:
    raw = (FIXTURES / "bom-crlf.md").read_bytes()
    post = load_post(FIXTURES / "bom-crlf.md")
    assert post.has_bom and post.newline == "\r\n"
    assert post.text.encode("utf-8") == raw[3:]  # BOM removed, every other byte kept
    assert post.front_matter is not None and post.front_matter.data["title"] == "BOM and CRLF"
    gopher, hall = post.images
    assert (gopher.line, gopher.column) == (7, 6)
    assert _at(post, gopher.line, gopher.column, 5) == "![Gop"
    assert (hall.line, hall.column, hall.alt) == (9, 0, "")
    assert post.location(post.offset(gopher.line, gopher.column)) == post.location(
        post.text.index("![Gopher")
    )


def test_tokens_have_file_absolute_lines() -> None:
    post = parse_post("---\ntitle: x\n---\n\n# Heading\n\nPara\n")
    heading = next(t for t in post.tokens if t.type == "heading_open")
    paragraph = next(t for t in post.tokens if t.type == "paragraph_open")
    assert heading.map == [4, 5]
    assert paragraph.map == [6, 7]
    assert post.body == "\n# Heading\n\nPara\n"


@pytest.mark.parametrize(
    ("name", "fmt", "images"),
    [
        (
            "toml.md",
            FrontMatterFormat.TOML,
            ["/img/card.png", "/img/extra.png", "/postimages/x.png"],
        ),
        ("json.md", FrontMatterFormat.JSON, ["/img/j.png"]),
        (
            "hexo-no-opening.md",
            FrontMatterFormat.YAML,
            ["/images/a.jpg", "/images/b.jpg", "banner.webp"],
        ),
    ],
)
def test_front_matter_forms(name: str, fmt: FrontMatterFormat, images: list[str]) -> None:
    post = load_post(FIXTURES / name)
    assert post.front_matter is not None and post.front_matter.format is fmt
    assert post.front_matter.error is None
    assert [i.src for i in post.images] == images


def test_front_matter_image_positions_point_at_values() -> None:
    post = load_post(FIXTURES / "toml.md")
    card = post.images[0]
    assert (card.line, card.column, card.key) == (4, 11, "images")
    assert _at(post, card.line, card.column, 13) == "/img/card.png"


def test_links_of_every_kind() -> None:
    text = (
        'A [link](https://a.example "t"), a [ref][r], <https://auto.example>,\n'
        '<a href="https://html.example">HTML <b>link</b></a> and [![img](i.png)](https://wrap.example).\n'
        "[]() and [text]()\n\n[r]: https://ref.example\n"
    )
    post = parse_post(text)
    got = [(link.kind, link.url, link.text, link.line, link.column) for link in post.links]
    assert got == [
        (LinkKind.MARKDOWN, "https://a.example", "link", 0, 2),
        (LinkKind.MARKDOWN_REFERENCE, "https://ref.example", "ref", 0, 35),
        (LinkKind.AUTOLINK, "https://auto.example", "https://auto.example", 0, 45),
        (LinkKind.HTML, "https://html.example", "HTML link", 1, 0),
        (LinkKind.MARKDOWN, "https://wrap.example", "img", 1, 56),
        (LinkKind.MARKDOWN, "", "", 2, 0),
        (LinkKind.MARKDOWN, "", "text", 2, 9),
    ]
    assert [i.src for i in post.images] == ["i.png"]  # images are not links


def test_destinations_are_kept_as_written() -> None:
    post = parse_post("![图](图片/合影 1.png) ![a](<a b.png>) [x](javascript:void(0))\n")
    assert [i.src for i in post.images] == ["a b.png"]  # the first has a space: not an image
    post = parse_post(
        "![图](图片/合影.png) [x](javascript:void(0)) ![d](data:image/png;base64,AA)\n"
    )
    assert [i.src for i in post.images] == ["图片/合影.png", "data:image/png;base64,AA"]
    assert post.links[0].url == "javascript:void(0)"


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b"", LoadProblemKind.EMPTY),
        (b" \n\n", LoadProblemKind.EMPTY),
        (b"\xef\xbb\xbf", LoadProblemKind.EMPTY),
        (b"GIF89a\x00\x01", LoadProblemKind.BINARY),
        (b"---\ntitle: caf\xe9\n---\n", LoadProblemKind.NOT_UTF8),
        (b"\xff\xfe-\x00-\x00", LoadProblemKind.NOT_UTF8),
    ],
)
def test_unreadable_content_gives_a_problem(content: bytes, kind: LoadProblemKind) -> None:
    post = parse_post(content, "x.md")
    assert post.problem is not None and post.problem.kind is kind
    assert post.text == "" and post.images == () and post.front_matter is None


def test_problem_positions() -> None:
    post = parse_post(b"---\ntitle: caf\xe9\n---\n", "x.md")
    assert post.problem is not None
    assert (post.problem.line, post.problem.column) == (1, 10)
    assert "UTF-8" in post.problem.message


def test_fixture_files_with_problems() -> None:
    assert load_post(FIXTURES / "empty.md").problem.kind is LoadProblemKind.EMPTY  # type: ignore[union-attr]
    assert load_post(FIXTURES / "binary.bin.md").problem.kind is LoadProblemKind.BINARY  # type: ignore[union-attr]
    assert load_post(FIXTURES / "latin1.md").problem.kind is LoadProblemKind.NOT_UTF8  # type: ignore[union-attr]


def test_too_large_file_is_not_read(tmp_path: Path) -> None:
    big = tmp_path / "big.md"
    big.write_bytes(b"---\ntitle: x\n---\n" + b"a" * 2000)
    post = load_post(big, max_bytes=1000)
    assert post.problem is not None and post.problem.kind is LoadProblemKind.TOO_LARGE
    assert load_post(big).problem is None


def test_unreadable_paths(tmp_path: Path) -> None:
    assert load_post(tmp_path / "missing.md").problem.kind is LoadProblemKind.UNREADABLE  # type: ignore[union-attr]
    assert load_post(tmp_path).problem.kind is LoadProblemKind.UNREADABLE  # type: ignore[union-attr]


@needs_root
def test_a_file_the_user_may_not_read_is_unreadable_not_a_crash(shared_tmp: Path) -> None:
    locked = shared_tmp / "locked.md"
    locked.write_text("---\ntitle: x\n---\n")
    locked.chmod(0)
    load_post(shared_tmp / "warm-up.md")  # imports done before the fork

    problem = as_nobody(lambda: load_post(locked).problem)

    assert problem is not None and problem.kind is LoadProblemKind.UNREADABLE
    assert problem.message == "cannot read file: Permission denied"


@pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev/zero")
def test_a_fifo_or_a_device_is_refused_without_reading(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)  # opening it to read would wait for a writer forever
    zero = tmp_path / "zero.md"
    zero.symlink_to("/dev/zero")  # reading it would never end

    for path, kind in ((fifo, "a FIFO (named pipe)"), (zero, "a device")):
        problem = load_post(path).problem
        assert problem is not None and problem.kind is LoadProblemKind.UNREADABLE
        assert problem.message == f"{kind}, not a regular file"


def test_text_input_and_bytes_input_agree() -> None:
    text = "\ufeff---\r\ntitle: x\r\n---\r\n![a](b.png)\r\n"
    from_text = parse_post(text)
    from_bytes = parse_post(text.encode("utf-8"))
    assert from_text.text == from_bytes.text and from_text.has_bom and from_bytes.has_bom
    assert from_text.images == from_bytes.images


def test_lone_carriage_returns_do_not_shift_lines() -> None:
    post = parse_post("a\rb\n![x](y.png)\n")
    (image,) = post.images
    assert image.line == 1


def test_liquid_in_reference_definitions() -> None:
    post = parse_post("![a][r]\n\n[r]: {{ site.baseurl }}/img/x.png\n")
    assert [i.src for i in post.images] == ["{{ site.baseurl }}/img/x.png"]


def _check_positions(post: Post) -> None:
    lines = post.text.split("\n") if post.text else [""]
    for ref in (*post.images, *post.links):
        assert 0 <= ref.line <= ref.end_line < len(lines)
        assert 0 <= ref.column <= len(lines[ref.line])
        assert 0 <= ref.end_column <= len(lines[ref.end_line])
    for token in post.tokens:
        if token.map:
            assert 0 <= token.map[0] <= token.map[1] <= len(lines)


_MARKDOWNISH = st.lists(
    st.sampled_from(
        [
            *list("ab \n\r\t#*_`[]()!<>{}%\"'=:-+/\\|~."),
            "---\n",
            "+++\n",
            "![a](b.png)",
            "<img src=x>",
            "{{< figure src=x >}}",
            "\ufeff",
            "图",
        ]
    ),
    max_size=150,
).map("".join)


@settings(max_examples=100, deadline=None)
@given(_MARKDOWNISH)
def test_parse_post_never_raises_on_markdownish_text(text: str) -> None:
    _check_positions(parse_post(text))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_parse_post_never_raises_on_any_text(text: str) -> None:
    _check_positions(parse_post(text))


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_parse_post_never_raises_on_any_bytes(data: bytes) -> None:
    _check_positions(parse_post(data))


@settings(max_examples=50, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["title", "tags", "cover", "images", "date"]),
        # Control and line-separator characters are not YAML text; printable ones must survive.
        st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), max_size=20),
    )
)
def test_front_matter_values_with_hostile_text(values: dict[str, str]) -> None:
    post = parse_post("---\n" + json.dumps(values, ensure_ascii=False) + "\n---\nBody\n")
    assert post.front_matter is not None and post.front_matter.error is None
    assert dict(post.data) == values
    _check_positions(post)


def test_control_character_in_yaml_is_reported_at_its_position() -> None:
    post = parse_post("---\ntitle: ok\nbad: a\x7fb\n---\n")
    assert post.front_matter is not None and post.front_matter.error is not None
    error = post.front_matter.error
    assert (error.line, error.column) == (2, 6)
    assert "U+007F" in error.message


def test_images_and_links_inside_ssg_code_block_tags_are_code() -> None:
    text = (
        "---\ntitle: t\ncover: /cover.png\n---\n"
        "Before ![real](/a.png) and [a link](https://example.org/real).\n"
        "\n"
        "{% highlight markdown %}\n"
        "![sample](/not-an-image.png) [sample](https://example.org/sample)\n"
        "{% endhighlight %}\n"
        "\n"
        '{{< highlight md >}}\n<img src="/also-sample.png">\n{{< /highlight >}}\n'
        "After ![real too](/b.png)\n"
    )
    post = parse_post(text, "post.md")
    assert [image.src for image in post.images] == ["/cover.png", "/a.png", "/b.png"]
    assert [link.url for link in post.links] == ["https://example.org/real"]
