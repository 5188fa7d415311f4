"""Suppression comments: recapkit's own and markdownlint's equivalents."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from recapkit.lint.diagnostics import Diagnostic
from recapkit.lint.suppressions import parse_suppressions

NAMES = {"IMAGE-MISSING-ALT": "RK201", "HEADING-MISSING-SPACE": "RK301", "KEY-TYPE": "RK104"}


def _d(code: str, line: int) -> Diagnostic:
    return Diagnostic(path="p.md", line=line, column=0, code=code, name="n", message="m")


def silenced(text: str, code: str, line: int, *, front_matter_end: int = 0) -> bool:
    return parse_suppressions(text, names=NAMES, front_matter_end=front_matter_end).silences(
        _d(code, line)
    )


def test_disable_next_line_by_code_or_name() -> None:
    text = "a\n<!-- recapkit-disable-next-line RK201 -->\n![](x.png)\n![](y.png)\n"
    assert silenced(text, "RK201", 2)
    assert not silenced(text, "RK201", 3)
    assert not silenced(text, "RK202", 2)
    named = "<!-- recapkit-disable-next-line image-missing-alt, heading-missing-space -->\nx\n"
    assert silenced(named, "RK201", 1) and silenced(named, "RK301", 1)


def test_disable_line_applies_to_its_own_line() -> None:
    text = "![](x.png) <!-- recapkit-disable-line -->\nnext\n"
    assert silenced(text, "RK201", 0) and silenced(text, "RK999", 0)
    assert not silenced(text, "RK201", 1)


def test_disable_enable_ranges() -> None:
    text = "0\n<!-- recapkit-disable RK201 -->\n2\n3\n<!-- recapkit-enable RK201 -->\n5\n"
    assert [silenced(text, "RK201", line) for line in range(6)] == [
        False,
        True,
        True,
        True,
        False,
        False,
    ]
    assert not silenced(text, "RK301", 2)


def test_disable_all_then_enable_one() -> None:
    text = "<!-- recapkit-disable -->\n1\n<!-- recapkit-enable RK301 -->\n3\n<!-- recapkit-enable -->\n5\n"
    assert silenced(text, "RK201", 1) and silenced(text, "RK301", 1)
    assert silenced(text, "RK201", 3) and not silenced(text, "RK301", 3)
    assert not silenced(text, "RK201", 5)


def test_disable_file_anywhere() -> None:
    text = "# Title\n\nlots of text\n<!-- recapkit-disable-file RK201 -->\n"
    assert silenced(text, "RK201", 0) and not silenced(text, "RK301", 0)
    assert silenced("x\n<!-- recapkit-disable-file -->\n", "RK105", 0)


def test_markdownlint_comments_map_to_recapkit_rules() -> None:
    text = "<!-- markdownlint-disable MD045 -->\n![](x.png)\n<!-- markdownlint-enable MD045 -->\n![](y.png)\n"
    assert silenced(text, "RK201", 1) and not silenced(text, "RK201", 3)
    nextline = "<!-- markdownlint-disable-next-line MD018 no-empty-links -->\n##Title [](x)\n"
    assert silenced(nextline, "RK301", 1) and silenced(nextline, "RK302", 1)


def test_bare_markdownlint_disable_only_touches_equivalent_rules() -> None:
    text = "<!-- markdownlint-disable -->\n![](x.png)\n"
    assert silenced(text, "RK201", 1)
    assert not silenced(text, "RK203", 1)  # markdownlint has no image-file rule: not its to silence
    assert not silenced("<!-- markdownlint-disable MD013 -->\nx\n", "RK201", 1)


def test_hash_comment_in_front_matter_only() -> None:
    text = "---\ntags: a b  # recapkit-disable-line RK104\n---\n# recapkit-disable-line RK301\n"
    end = text.index("---\n#") + 4
    assert silenced(text, "RK104", 1, front_matter_end=end)
    assert not silenced(
        text, "RK301", 3, front_matter_end=end
    )  # a heading in the body, not a comment


def test_text_without_markers_has_no_suppressions() -> None:
    assert not silenced("just text <!-- a comment -->\n", "RK201", 0)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=20),
            st.sampled_from(
                [
                    "<!-- recapkit-disable -->",
                    "<!-- recapkit-enable RK201 -->",
                    "<!-- recapkit-disable-next-line RK201 -->",
                    "<!-- markdownlint-disable MD045 -->",
                    "<!-- recapkit-disable-file",
                    "\n",
                    "-->",
                ]
            ),
        ),
        max_size=15,
    ),
    st.integers(min_value=-1, max_value=40),
)
def test_never_raises(parts: list[str], line: int) -> None:
    text = "".join(parts)
    parse_suppressions(text, names=NAMES, front_matter_end=len(text) // 2).silences(
        _d("RK201", line)
    )


# --- comments quoted in code are examples, not instructions ---------------------------------------


def post_silenced(text: str, code: str, line: int) -> bool:
    from recapkit.lint.suppressions import post_suppressions
    from recapkit.ssg.posts import parse_post

    return post_suppressions(parse_post(text), names=NAMES).silences(_d(code, line))


def test_a_comment_in_a_fence_or_indented_code_silences_nothing() -> None:
    fenced = "---\ntitle: T\n---\n\n```markdown\n<!-- recapkit-disable-file -->\n```\n\n##x\n"
    assert not post_silenced(fenced, "RK301", 8)
    indented = "# How\n\n    <!-- recapkit-disable -->\n\n##x\n"
    assert not post_silenced(indented, "RK301", 4)
    nested = "> - item\n>\n>   ~~~\n>   <!-- recapkit-disable-file -->\n>   ~~~\n\n##x\n"
    assert not post_silenced(nested, "RK301", 6)


def test_a_comment_in_a_code_span_silences_nothing() -> None:
    text = "Write `<!-- recapkit-disable-next-line RK301 -->` above it.\n##x\n"
    assert not post_silenced(text, "RK301", 1)
    spanning = "Like ``a `<!-- recapkit-disable-file -->`\nover lines``.\n\n##x\n"
    assert not post_silenced(spanning, "RK301", 3)


def test_a_comment_in_a_template_code_block_silences_nothing() -> None:
    text = "{% highlight html %}\n<!-- recapkit-disable-file -->\n{% endhighlight %}\n\n##x\n"
    assert not post_silenced(text, "RK301", 4)


def test_real_comments_beside_code_still_count() -> None:
    text = "Use `x` here. <!-- recapkit-disable-line RK301 -->\n\n```\ncode\n```\n"
    assert post_silenced(text, "RK301", 0)
    unmatched = "A lone ` backtick <!-- recapkit-disable-line -->\n"
    assert post_silenced(unmatched, "RK301", 0)
    escaped = "Not code: \\`<!-- recapkit-disable-line -->`\n"
    assert post_silenced(escaped, "RK301", 0)
    block = "##x\n\n<!-- recapkit-disable-file RK301 -->\n"
    assert post_silenced(block, "RK301", 0)
    in_list = "- a\n- b <!-- recapkit-disable-line RK301 -->\n"
    assert post_silenced(in_list, "RK301", 1)
