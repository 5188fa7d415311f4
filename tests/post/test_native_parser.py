"""The native parser (pulldown-cmark through pyromark) gives the tokens markdown-it-py gives.

recapkit reads a post's body from markdown-it-py tokens; ``recapkit.post.native`` builds the
same tokens faster. Both must agree on every field a consumer reads (see :func:`projection`),
and a post read under either (``RECAPKIT_MARKDOWN_PARSER``) must have the same images, links,
code and tokens. A mismatch fails with the source and a diff of the two token listings.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recapkit.post import markdown, markdown_it_parse, native
from recapkit.post.load import load_post
from recapkit.post.token import Token
from recapkit.ssg.posts import reading_of
from tests.post.markdown_strategies import body, post_file

PARSER_VARIABLE = "RECAPKIT_MARKDOWN_PARSER"
PARSERS = ("markdown-it-py", "native")

_BLOCK_CONTENT = frozenset({"inline", "html_block", "fence", "code_block"})
_CHILD_CONTENT = frozenset({"text", "code_inline", "html_inline"})
_ATTRS = ("src", "href", "title")


def projection(tokens: Iterable[Token]) -> list[str]:
    """One line per token (children indented under their inline token) with exactly the
    fields recapkit reads: what must be equal, written so a diff of two listings reads well."""
    lines: list[str] = []
    for token in tokens:
        fields = [
            token.type,
            f"map={token.map}",
            f"level={token.level}",
            f"nesting={token.nesting}",
            f"tag={token.tag!r}",
        ]
        if token.type in _BLOCK_CONTENT:
            fields.append(f"content={token.content!r}")
        if token.type == "fence":
            fields.append(f"info={token.info!r}")
        if token.type in ("paragraph_open", "paragraph_close"):
            fields.append(f"hidden={token.hidden}")
        lines.append(" ".join(fields))
        if token.type == "inline":
            _children(token.children or [], 1, lines)
    return lines


def _children(children: Iterable[Token], depth: int, lines: list[str]) -> None:
    for child in children:
        if child.type == "text" and not child.content:
            # markdown-it leaves an empty text token where a `**` run was used up (`**a**b`
            # starts with one); nothing reads them (prose.py skips them, plain_text adds "").
            continue
        fields = ["    " * depth + child.type, f"nesting={child.nesting}"]
        if child.type in _CHILD_CONTENT:
            fields.append(f"content={child.content!r}")
        if child.type == "link_open":
            fields.append(f"autolink={child.markup == 'autolink'}")
        fields += [f"{name}={child.attrs[name]!r}" for name in _ATTRS if name in child.attrs]
        fields.append(f"span={child.meta.get('span')}")
        lines.append(" ".join(fields))
        if child.type == "image":
            _children(child.children or [], depth + 1, lines)


def _diff(expected: list[str], actual: list[str], what: str) -> str:
    diff = difflib.unified_diff(expected, actual, "markdown-it-py", "native", lineterm="")
    return f"{what}:\n" + "\n".join(diff)


def assert_same_tokens(source: str, parse: Callable[[str], list[Token]] | None = None) -> None:
    """native's tokens of *source* (or *parse*'s) project as markdown-it-py's do."""
    expected = projection(markdown_it_parse.parse_tokens(source))
    actual = projection((parse or native.parse_tokens)(source))
    if actual != expected:
        pytest.fail(f"source {source!r}\n" + _diff(expected, actual, "tokens"), pytrace=False)


def _post_view(path: Path, parser: str) -> dict[str, list[str]]:
    """What a post read with *parser* gives the rules, as listings to diff."""
    tags, image_keys = reading_of(None)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(PARSER_VARIABLE, parser)
        post = load_post(path, syntax=tags, image_keys=image_keys)
        assert post.problem is None, post.problem
        return {
            "images": [repr(ref) for ref in post.images],
            "links": [repr(ref) for ref in post.links],
            "code lines": [str(line) for line in sorted(post.code.lines)],
            "code spans": [str(span) for span in post.code.spans],
            "tokens": projection(post.tokens),
        }


def assert_same_post(path: Path) -> None:
    """The post at *path* reads the same under both parsers."""
    expected, actual = (_post_view(path, parser) for parser in PARSERS)
    if actual != expected:
        diffs = [
            _diff(expected[key], actual[key], key)
            for key in expected
            if expected[key] != actual[key]
        ]
        pytest.fail(f"post {path.read_bytes()!r}\n" + "\n".join(diffs), pytrace=False)


# Sources markdown-it-py sees: the body after blank front matter lines (markdown_source).
_SOURCES = st.tuples(body(), st.sampled_from([0, 0, 3])).map(
    lambda parts: markdown.markdown_source(parts[0], 0, parts[1])
)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(_SOURCES)
def test_native_tokens_are_markdown_it_tokens(source: str) -> None:
    assert_same_tokens(source)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(post_file())
def test_a_post_reads_the_same_with_either_parser(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    path = tmp_path_factory.mktemp("native") / "index.md"
    path.write_bytes(data)
    assert_same_post(path)


def test_the_variable_selects_the_native_parser(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Without this the post-level comparison could compare markdown-it-py with itself.
    calls: list[str] = []
    parse = native.parse_tokens

    def spy(source: str) -> list[Token]:
        calls.append(source)
        return parse(source)

    monkeypatch.setattr(native, "parse_tokens", spy)
    path = tmp_path / "post.md"
    path.write_text("---\ntitle: x\n---\n![a](b.png)\n", encoding="utf-8")
    assert_same_post(path)
    assert calls == ["\n\n\n![a](b.png)\n"]


# Corners where the two parsers are most likely to part; the comment says what markdown-it-py
# gives (the projection in the failure shows it all).
TRICKY = {
    # U+3000 is no blank for CommonMark: the line opens the paragraph (map from line 0), but
    # markdown-it-py's trim (see unicode-trim) takes it out of the inline content.
    "ideographic-space-line": "\u3000\u3000\n正文 **粗体** ![图](a.png)\n",
    "ideographic-indent": "\u3000\u3000第一段。\n\n\u3000\u3000第二段\u3000\n",
    # GFM splits a row at a pipe even inside a code span; `\|` is unescaped in the content.
    "table-pipe-in-code": "| a | b |\n|---|---|\n| `x|y` | z |\n| `x\\|y` | w \\| v |\n",
    "table-no-outer-pipes": "名称 | 说明\n:-- | --:\n`go` | 工具\n继续\n",
    "table-after-paragraph": "intro\n| a |\n|---|\n| b |\n",
    "html-comment-spanning-lines": "text\n\n<!-- a\n\nb -->\nafter\n",
    "list-item-opens-with-blank-line": "-\n  foo\n- bar\n",
    "setext-after-paragraph": "para one\n\npara\ntwo\n---\n",
    "setext-vs-thematic": "para\n***\n",
    "thematic-vs-emphasis": "***\n\n***x***\n\n* * *\n",
    "definitions-in-list-items": "- [a]: /a\n- [b]: /b 'T'\n\n  [a] [b] [c]\n\n[c]: /c\n",
    "details": "<details>\n<summary>展开</summary>\n\n- a\n\n</details>\n",
    "nested-blockquote-in-list": "- a\n  > q\n  > > qq\n  lazy\n- b\n",
    "blockquote-lazy-continuation": "> 引用\n继续\n> - item\nlazy\n",
    "loose-list-trailing-blank-lines": "- a\n\n\n- b\n\n\npara\n",
    "tight-nested-in-loose": "1. one\n   - x\n   - y\n\n2. two\n",
    "cjk-emphasis-punctuation": "**中文：**后 *强调*。**English:**after\n",
    "hard-breaks": "a  \nb\\\nc\t\nd\n",
    "jekyll-destination": '![图]({{ site.baseurl }}/a.png "标题")\n',
    "html-inline-link": '<a href="/x">x <img src="y.png"></a><br>\n',
    "p-align-center": '<p align="center"><img src="a.png" width="50%"></p>\n正文\n',
    "autolinks": "<https://x.org> <a@b.co> https://bare.org\n",
    "image-in-link": '[![alt *em*](a.png "t")](https://x.org)\n',
    "tab-indented-code-and-list": "\tcode\n\n-\titem\n\n\t- nested\n",
    "fence-unclosed-in-list": "- ```go\n  x := 1\n- next\n",
    "fence-info-and-tilde": "~~~ python {linenos=true}\nprint(1)\n~~~\n\n````\n```\n````\n",
    "entities-and-escapes": "&copy; &#x4E2D; &nope; \\* \\[x\\](y)\n",
    # Inline content is trimmed of JavaScript's trim() set (U+3000, U+00A0, U+2003, U+202F...),
    # not of Python's (U+001C-U+001F and U+0085 stay).
    "unicode-trim": "\u2003a\u202f\n\n\x85b\x1c\n\n# \u3000标题\u00a0\n",
    "empty-text-tokens": "**a**b ***c*** ****d****\n",
    # Where pulldown-cmark's grammar itself differs (its block structure, not only how it
    # reports it): markdown-it-py tries tables before lists, lets a header row without pipes
    # interrupt a paragraph, ends a table at an indented line, and opens a type-7 HTML block
    # (a lone tag) right after a link reference definition.
    "table-before-list": "1. a|b\n-|-\n\n- c|d\n  -|-\n",
    "table-interrupts-paragraph": "a\nb|c\n-|-\n\n- x\n  y|z\n  -|-\n",
    "indented-line-ends-table": "a|b\n-|-\n    code\n",
    "lazy-table-after-definition-in-quote": ">[1]: /a\n|a|b|\n|-|-|\n",
    "html-block-after-definition": "[r]: /u\n<img src=a.png>\n",
    "ideographic-line-then-lazy-indent": "1.   > \u3000\u3000\n    > Go\n",
    # pulldown-cmark starts this nested list's range at the newline ending the line above.
    "tab-nested-list-after-empty-item": "-\n\t-\n\t  x\n",
    "heading-closing-hashes": "# 标题 #\n## ##\n###\n",
    "html-block-then-markdown": "<div>\n*x*\n</div>\n*y*\n",
}


@pytest.mark.parametrize("source", TRICKY.values(), ids=TRICKY.keys())
def test_tricky_sources(source: str) -> None:
    assert_same_tokens(markdown.markdown_source(source, 0, 0))


@pytest.mark.parametrize("source", TRICKY.values(), ids=TRICKY.keys())
@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_tricky_posts(tmp_path: Path, source: str, newline: str) -> None:
    path = tmp_path / "post.md"
    text = "\ufeff---\ntitle: 标题\n---\n" + source
    path.write_bytes(text.replace("\n", newline).encode())
    assert_same_post(path)


def test_a_difference_fails_with_a_diff_of_the_listings() -> None:
    def loose_everywhere(source: str) -> list[Token]:
        tokens = markdown_it_parse.parse_tokens(source)
        for token in tokens:
            token.hidden = False
        return tokens

    with pytest.raises(pytest.fail.Exception) as failure:
        assert_same_tokens("- a `b`\n- c\n", loose_everywhere)
    message = str(failure.value)
    assert "source '- a `b`\\n- c\\n'" in message
    assert "-paragraph_open map=[0, 1] level=2 nesting=1 tag='p' hidden=True" in message
    assert "+paragraph_open map=[0, 1] level=2 nesting=1 tag='p' hidden=False" in message
    assert " inline map=[0, 1] level=3 nesting=0 tag='' content='a `b`'" in message  # context


def test_the_trim_set_is_the_installed_markdown_it_pys() -> None:
    """What the native parser trims off a block's content is what markdown-it-py trims."""
    from markdown_it.common.utils import MD_TRIM_CHARS

    from recapkit.post.native_inline import TRIM

    assert TRIM == MD_TRIM_CHARS
