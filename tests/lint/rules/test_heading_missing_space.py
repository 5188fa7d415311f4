"""RK301 heading-missing-space and its fix; SSG code block tags are code to every rule."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from recapkit.lint.rules.empty_link import EmptyLink
from recapkit.lint.rules.heading_missing_space import HeadingMissingSpace
from recapkit.lint.rules.placeholder_left import PlaceholderLeft
from tests.lint.rules.helpers import apply_fixes, codes, run

RULE = HeadingMissingSpace()
FRONT = "---\ntitle: T\n---\n\n"


@pytest.mark.parametrize(
    "line",
    [
        "##Title",
        "##《Generic in go》",
        "###　一",
        "#Schedule announced",
        "  ##Indented",
        "##[Agenda]",
    ],
)
def test_forgotten_space_is_reported(line: str) -> None:
    assert codes(run(RULE, FRONT + line + "\n")[1]) == [(5, "RK301")]


@pytest.mark.parametrize(
    "line",
    [
        "#hashtag",
        "#1 priority",
        "#go #meetup #recap",
        "#include <stdio.h>",
        "#!/bin/sh echo",
        "####### seven",
        "## Proper heading",
        "#️⃣ keycap",
        "    ##indented code",
    ],
)
def test_prose_and_real_headings_are_not_reported(line: str) -> None:
    assert run(RULE, FRONT + line + "\n")[1] == []


def test_code_html_and_front_matter_are_ignored() -> None:
    source = "---\ntitle: T\n##not: a heading\n---\n\n```\n##code\n```\n\n<div>\n##html\n</div>\n"
    assert run(RULE, source)[1] == []


def test_lazy_continuation_line_in_a_paragraph_is_reported() -> None:
    assert codes(run(RULE, FRONT + "Some text\n##Agenda\n")[1]) == [(6, "RK301")]


def test_a_hash_line_continuing_prose_or_an_html_tag_is_text() -> None:
    prose = "Read the thread\n#article13 tag over there\n"
    assert codes(run(RULE, FRONT + prose)[1]) == []
    tag = '<img src="a.png" style="border: 1px solid\n#EFEFEF; width: 50%">\n'
    assert codes(run(RULE, FRONT + "Look: " + tag)[1]) == []
    assert codes(run(RULE, FRONT + "#Schedule announced\n#Talks of the day\n")[1]) == [
        (5, "RK301"),
        (6, "RK301"),
    ]


def test_a_css_colour_is_not_a_heading() -> None:
    assert codes(run(RULE, FRONT + "#EFEFEF; is the border colour\n")[1]) == []


def test_fix_inserts_one_space_and_keeps_every_other_byte() -> None:
    source = "\ufeff---\r\ntitle: T\r\n---\r\n\r\n##Agenda\r\n\r\ntext\r\n\r\n###　一".encode()
    post, found = run(RULE, source)
    assert len(found) == 2
    fixed = apply_fixes(post, found)
    assert fixed == source.replace(b"##Agenda", b"## Agenda").replace(
        "###　".encode(), "### 　".encode()
    )
    _again, found_again = run(RULE, fixed)
    assert found_again == []


_LINES = st.lists(
    st.text(alphabet=st.sampled_from("##  ab中`<>-\u3000"), max_size=12), min_size=1, max_size=12
)


@settings(max_examples=100, deadline=None)
@given(lines=_LINES)
@example(lines=["#< <a", "#< <"])  # `<a` at a line's end opens no attribute value
def test_fixes_only_insert_spaces_and_leave_nothing_to_report(lines: list[str]) -> None:
    source = FRONT + "\n".join(lines) + "\n"
    post, found = run(RULE, source)
    fixed = apply_fixes(post, found).decode()
    assert fixed.replace(" ", "") == source.replace(" ", "")
    assert len(fixed) == len(source) + len(found)
    assert run(RULE, fixed)[1] == []


@pytest.mark.parametrize(
    ("opening", "closing"),
    [
        ("{% highlight python %}", "{% endhighlight %}"),  # Jekyll
        ("{%- highlight python linenos -%}", "{%- endhighlight -%}"),
        ("{% codeblock lang:python %}", "{% endcodeblock %}"),  # Hexo
        ("{% code %}", "{% endcode %}"),
        ("{{< highlight python >}}", "{{< /highlight >}}"),  # Hugo
        ("{{% code lang=python %}}", "{{% /code %}}"),
    ],
)
def test_lines_inside_ssg_code_block_tags_are_code(opening: str, closing: str) -> None:
    source = (
        f"---\ntitle: T\n---\n\n{opening}\n#compute the sum of both lists\n"
        f"print('[slides]()')  # TODO(recapkit) in a sample\n{closing}\n\n"
        "##Agenda after the block\n"
    )
    _post, found = run(HeadingMissingSpace(), source)
    assert codes(found) == [(10, "RK301")]
    assert run(EmptyLink(), source)[1] == []
    assert run(PlaceholderLeft(), source)[1] == []


def test_an_unclosed_code_block_tag_protects_nothing() -> None:
    source = "---\ntitle: T\n---\n\n{% highlight python %}\n\n#compute the sum of both lists\n"
    assert codes(run(HeadingMissingSpace(), source)[1]) == [(7, "RK301")]


def test_the_message_quotes_the_heading_without_a_trailing_comment() -> None:
    _post, found = run(HeadingMissingSpace(), "##Agenda <!-- markdownlint-disable-line -->\n")
    assert found[0].message == "no space after the #s: `##Agenda` is shown as text, not a heading"
