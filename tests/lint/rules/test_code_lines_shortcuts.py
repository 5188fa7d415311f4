"""RK304's line tests skip a pattern when a line lacks a character the pattern needs (most lines
of prose): on any line, the answer is the one the patterns alone give."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from recapkit.lint.rules import _code_lines as lines
from recapkit.lint.rules.code_outside_fence import _something_between
from recapkit.ssg.posts import parse_post

# The pieces of pasted code and of the prose around it, Markdown and odd spaces included.
PIECES = (
    "$ ",
    "go build",
    "docker run ",
    "FROM golang:1.22",
    "package main",
    "func main() {",
    "def f(x):",
    "x",
    " := ",
    " = ",
    "f(",
    ")",
    "(",
    "{",
    "}",
    "{}",
    "{ }",
    "[",
    "]",
    ";",
    ",",
    "<<",
    "|",
    "&",
    "<",
    ">",
    "!",
    ":",
    '"',
    '"你好"',
    "'",
    "'a'",
    "`",
    "`code`",
    "//",
    "/*",
    "*",
    "**",
    "#",
    " # ",
    "--",
    " -- ",
    "-",
    "](",
    "][",
    "[a]: ",
    "http://",
    "https://a.b",
    "{{",
    "{%",
    "$$",
    "\\(",
    "\\",
    "讲师",
    "，",
    "本次活动",
    "word",
    " words in a sentence",
    " ",
    "  ",
    "\t",
    "\u3000",
    "\x85",
    "\u2028",
    "\r",
    "\x0b",
    "a1_",
    "²",
)

line_texts = st.lists(st.sampled_from(PIECES), max_size=12).map("".join) | st.text(max_size=24)
# Short lines of symbols, letters and spaces: where counting symbols and line ends matter.
symbol_texts = st.text(" \t\u3000a_²-#*;{}[]()<>=|&$@\\/^~", max_size=20)

# The tests as they were written before the shortcuts (60d15be): one pattern each.
_NOT_CODE = re.compile(r"\][([]|https?://|^\s*[|<>!]|^\s*\[[^\]]*\]:")


def _without_literals(line: str) -> str:
    return lines._TRAILING_COMMENT.sub("", lines._STRING.sub('""', line))


def _dense(line: str) -> bool:
    text = line.replace(" ", "")
    symbols = sum(char in lines._SYMBOLS for char in text)
    return len(text) >= 12 and symbols >= 3 and symbols >= 0.2 * len(text)


def _reads_like_prose(line: str) -> bool:
    words = line.split()
    plain = sum(1 for word in words if word.strip(",.;:!?").isalpha())
    return len(words) > 6 and plain >= 0.7 * len(words)


def _is_code(line: str) -> bool:
    if not line.strip() or lines._TEMPLATE.search(line):
        return False
    if lines._PROMPT.match(line) or lines._COMMAND.match(line):
        return True
    if _NOT_CODE.search(line):
        return False
    if line.lstrip().startswith(("//", "/*")):
        return not lines._CJK.search(line) or len(line.split()) <= 8
    bare = _without_literals(line)
    if lines._CJK.search(bare) or not bare.strip() or _reads_like_prose(bare):
        return False
    return bool(
        lines._JSON_MEMBER.match(line)
        or _dense(bare)
        or lines._KEYWORD.match(line)
        or lines._CLOSER.match(line)
        or lines._ENDS_LIKE_CODE.search(bare)
        or lines._ASSIGN.match(bare)
        or lines._CALL.match(bare)
    )


@settings(max_examples=400)
@given(line_texts | symbol_texts)
def test_a_line_is_code_as_the_patterns_alone_say(line: str) -> None:
    assert lines.is_code(line) == _is_code(line)


@settings(max_examples=400)
@given(line_texts | symbol_texts)
def test_literals_and_comments_are_taken_out_as_the_patterns_say(line: str) -> None:
    assert lines.without_literals(line) == _without_literals(line)
    assert lines.has_prose(line) == (
        bool(lines._CJK.search(_without_literals(line))) or len(line.split()) > 8
    )


@settings(max_examples=400)
@given(line_texts | symbol_texts)
def test_the_parts_of_the_test_agree_with_their_patterns(line: str) -> None:
    assert lines._ends_like_code(line) == bool(lines._ENDS_LIKE_CODE.search(line))
    assert lines._dense(line) == _dense(line)
    assert lines._reads_like_prose(line) == _reads_like_prose(line)


posts = st.lists(
    st.sampled_from(("", " ", "\t", "  \r", "x", "$ go build", "\u3000", "\x0c")), max_size=8
)


@given(posts, st.sampled_from(("\n", "\r\n")), st.integers(-1, 8), st.integers(0, 8))
def test_a_non_blank_line_between_two_blocks_is_found(
    body: list[str], newline: str, after: int, before: int
) -> None:
    post = parse_post(newline.join(body), "content/posts/post.md")
    before = min(before, post.lines.line_count() - 1)
    found = any(post.lines.line_text(i).strip() for i in range(max(after, 0), before))
    assert _something_between(post, after, before) == found
