"""No rule crashes on any post, and every finding points inside the file with a valid fix."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from recapkit.lint.rules import ALL_RULES, LintContext, LintSettings
from recapkit.ssg.posts import parse_post

RULES = [rule() for rule in ALL_RULES]
CONTEXTS = [LintContext(settings=LintSettings(ssg=ssg)) for ssg in (None, "hugo", "jekyll", "zola")]

_PIECES = st.sampled_from(
    [
        "---\n",
        "+++\n",
        "title: T\n",
        "tags: a b\n",
        "date: 2016/2/14\n",
        'date = "x"\n',
        "recap:\n  talks:\n    - title: A\n",
        "##Title\n",
        "#tag\n",
        "![](x.png)\n",
        '<img src="a.png">\n',
        "[t]()\n",
        "TODO(recapkit)\n",
        "```\n",
        "\n",
        "\r\n",
        "\ufeff",
        "{% asset_img a.png %}\n",
        '{{< figure src="b.png" >}}\n',
        "http://x/y.jpg",
        ": ",
        "- ",
        "  ",
        "《》",
        "\t",
        "{",
        "}",
        '"',
        "'",
    ]
)


@settings(max_examples=150, deadline=None)
@given(pieces=st.lists(_PIECES, max_size=25), context=st.sampled_from(CONTEXTS))
def test_rules_never_crash_and_point_inside_the_post(
    pieces: list[str], context: LintContext
) -> None:
    post = parse_post("".join(pieces), "content/posts/2024-05-18-x.md")
    lines = len(post.line_starts)
    for rule in RULES:
        for diagnostic in rule.check(post, context):
            assert 0 <= diagnostic.line < max(lines, 1)
            assert diagnostic.column >= 0
            for edit in diagnostic.fix.edits if diagnostic.fix else ():
                assert 0 <= edit.start <= edit.end <= len(post.text)


@settings(max_examples=100, deadline=None)
@given(data=st.binary(max_size=200))
def test_rules_never_crash_on_arbitrary_bytes(data: bytes) -> None:
    post = parse_post(data, "p.md")
    for rule in RULES:
        list(rule.check(post, CONTEXTS[0]))
