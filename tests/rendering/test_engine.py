from __future__ import annotations

import re
import tomllib
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import frontmatter
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from recapkit.data.model import Event, Highlight, Link, Photo, Recap, Speaker, Takeaway, Talk
from recapkit.errors import UsageError
from recapkit.rendering.engine import LAYOUTS, TemplateError, render
from recapkit.rendering.markdown_text import heading_text, inert_syntax, inline_text, neutralise
from recapkit.ssg.posts import parse_post
from recapkit.ssg.registry import names as generator_names
from tests.paths import GOLDEN, TEMPLATES
from tests.strategies import recaps

SHANGHAI = ZoneInfo("Asia/Shanghai")
MD = MarkdownIt("commonmark")
GFM = MarkdownIt("commonmark").enable("table")


def sample(**changes: object) -> Recap:
    fields: dict[str, object] = {
        "title": "Gopher Meetup #7: generics",
        "date": datetime(2024, 5, 20, 9, 30, tzinfo=SHANGHAI),
        "event": Event(
            name="Gopher Meetup",
            start=datetime(2024, 5, 18, 14, 0, tzinfo=SHANGHAI),
            end=datetime(2024, 5, 18, 17, 30, tzinfo=SHANGHAI),
            timezone="Asia/Shanghai",
            city="Shanghai",
            venue="Hall 1",
            organizers=("GoCN",),
            url="https://example.org/meetup",
        ),
        "authors": ("Ann",),
        "tags": ("go",),
        "lead": "A packed afternoon.",
        "talks": (
            Talk(
                title="Generics in practice",
                speakers=(Speaker("Alice", affiliation="Acme"),),
                start=time(14, 0),
                duration=timedelta(minutes=45),
                summary="Type parameters, constraints, and when not to use them.",
                takeaways=(Takeaway("Start with concrete types."),),
                slides="https://example.org/slides.pdf",
                video="https://example.org/video",
                photos=(Photo("images/alice.jpg", alt="Alice at the lectern", credit="Bob"),),
            ),
        ),
        "highlights": (Highlight("generics", note="everyone asked"),),
        "summary": "See you in June.",
    }
    fields.update(changes)
    return Recap(**fields)  # type: ignore[arg-type]


def split(text: str) -> tuple[str, str, str]:
    """(delimiter, front matter source, body) of a rendered post."""
    match = re.match(r"(---|\+\+\+)\n(.*?)\n\1\n(.*)", text, re.S)
    assert match, text[:200]
    return match.group(1), match.group(2), match.group(3)


def without_markers(body: str) -> str:
    """*body* as it read before generated blocks had markers (the markers and the blank line
    each end marker keeps before it removed), for tests of what a reader sees."""
    body = re.sub(r"^<!-- recapkit:begin [^\n]*-->\n", "", body, flags=re.M)
    return re.sub(
        r"(\n\n)?^<!-- recapkit:end [^\n]*-->\n", lambda m: "\n" if m[1] else "", body, flags=re.M
    )


def plain_text(inline_token: object) -> str:
    """What a reader sees of an inline token (HTML would show up raw: a failure)."""
    parts = []
    for child in inline_token.children or []:  # type: ignore[attr-defined]
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
    return "".join(parts)


def headings(body: str, level: int) -> list[str]:
    tokens = MD.parse(body)
    return [
        plain_text(tokens[i + 1])
        for i, token in enumerate(tokens)
        if token.type == "heading_open" and token.tag == f"h{level}"
    ]


# --- front matter per SSG ------------------------------------------------------------


def test_hugo_yaml_front_matter_starts_with_title_and_date() -> None:
    delimiter, source, _ = split(render(sample(), ssg="hugo"))
    assert delimiter == "---"
    assert source.splitlines()[:2] == [
        "title: 'Gopher Meetup #7: generics'",
        "date: 2024-05-20T09:30:00+08:00",
    ]
    data = yaml.safe_load(source)
    assert data["tags"] == ["go"] and data["authors"] == ["Ann"] and data["draft"] is False
    assert data["recap"]["event"]["name"] == "Gopher Meetup"


def test_hugo_can_use_toml() -> None:
    delimiter, source, _ = split(render(sample(), ssg="hugo", front_matter="toml"))
    assert delimiter == "+++"
    data = tomllib.loads(source)
    assert list(data)[:2] == ["title", "date"]
    assert data["recap"]["talks"][0]["title"] == "Generics in practice"


def test_hexo_and_jekyll_dates() -> None:
    assert "\ndate: 2024-05-20 09:30:00\n" in render(sample(), ssg="hexo")
    assert "\ndate: 2024-05-20 09:30:00 +0800\n" in render(sample(), ssg="jekyll")
    assert "\nlayout: post\n" in render(sample(), ssg="jekyll")


def test_drafts_per_ssg() -> None:
    recap = sample(draft=True)
    assert yaml.safe_load(split(render(recap, ssg="hugo"))[1])["draft"] is True
    assert yaml.safe_load(split(render(recap, ssg="hexo"))[1])["published"] is False
    assert tomllib.loads(split(render(recap, ssg="zola"))[1])["draft"] is True


def test_zola_puts_custom_keys_under_extra() -> None:
    delimiter, source, _ = split(render(sample(cover="/img/cover.jpg"), ssg="zola"))
    assert delimiter == "+++"
    data = tomllib.loads(source)
    assert set(data) <= {"title", "date", "draft", "slug", "taxonomies", "extra"}
    assert data["taxonomies"] == {"tags": ["go"]}
    assert data["extra"]["authors"] == ["Ann"] and data["extra"]["cover"] == "/img/cover.jpg"
    assert data["extra"]["recap"]["title"] == "Gopher Meetup #7: generics"


def test_only_hugo_can_switch_front_matter_format() -> None:
    with pytest.raises(UsageError, match="zola front matter is toml"):
        render(sample(), ssg="zola", front_matter="yaml")
    with pytest.raises(UsageError, match="unknown SSG"):
        render(sample(), ssg="gatsby")


def test_without_data_there_is_no_recap_block() -> None:
    assert "recap" not in yaml.safe_load(split(render(sample(), ssg="hugo", include_data=False))[1])


# --- round trip ------------------------------------------------------------------------


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(recaps, st.sampled_from([*generator_names(), "hugo-toml"]), st.sampled_from(LAYOUTS))
def test_any_recap_comes_back_from_the_rendered_post(
    recap: Recap, target: str, layout: str
) -> None:
    ssg, _, style = target.partition("-")
    text = render(recap, ssg=ssg, front_matter=style or None, body_layout=layout)
    post = parse_post(text, f"post-{ssg}.md")
    assert post.front_matter is not None and post.front_matter.error is None
    assert post.recap == recap
    assert post.data["title"] == recap.title


# --- the body --------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_body_sections_and_labels(lang: str) -> None:
    _, _, body = split(render(sample(), ssg="hugo", lang=lang))
    labels = {
        "en": ["Event", "Generics in practice", "Trends", "Summary"],
        "zh": ["活动信息", "Generics in practice", "关键词", "总结"],
    }[lang]
    assert headings(body, 2) == labels
    assert headings(body, 3) == (["Takeaways", "Photos"] if lang == "en" else ["收获", "现场照片"])
    assert "![Alice at the lectern](images/alice.jpg)" in body
    assert "[Slides](https://example.org/slides.pdf)" in body or "[幻灯片](" in body
    assert "TODO(recapkit)" not in body


def test_event_facts_block() -> None:
    body = split(render(sample(), ssg="hugo"))[2]
    assert "- **When**: 18 May 2024, 14:00–17:30 (Asia/Shanghai)\n" in body
    assert "- **Where**: Hall 1, Shanghai\n" in body
    assert "- **Link**: [Gopher Meetup](https://example.org/meetup)\n" in body
    zh = split(render(sample(), ssg="hugo", lang="zh"))[2]
    assert "- **时间**：2024年5月18日（周六）14:00–17:30\n" in zh  # China's own time: no zone
    assert "- **分享**：1 场\n" in zh
    assert "- **分享嘉宾**：Alice（Acme）\n" in zh


def test_summary_separator_per_ssg() -> None:
    assert "\n<!--more-->\n" in render(sample(), ssg="hugo")
    assert "\n<!-- more -->\n" in render(sample(), ssg="hexo")
    assert "more -->" not in render(sample(), ssg="jekyll")


def test_missing_parts_are_marked() -> None:
    bare = Recap(title="t", date=date(2024, 1, 1), event=Event(name="e"))
    body = split(render(bare, ssg="hugo"))[2]
    assert body.count("TODO(recapkit):") == 2  # the lead and the closing summary
    assert headings(body, 2) == ["Event", "Summary"]
    scaffold = split(render(bare, ssg="hugo", scaffold=True))[2]
    for marker in (
        "write the lead",
        "when did",
        "speaker (",
        "what did you",
        "add photos",
        "link the",
    ):
        assert f"TODO(recapkit): {marker}" in scaffold
    assert headings(scaffold, 2) == ["Event", "TODO(recapkit): talk title", "Summary"]


def test_rendering_is_deterministic() -> None:
    assert render(sample(), ssg="jekyll") == render(sample(), ssg="jekyll")


# --- hostile text ----------------------------------------------------------------------

TEMPLATE_TITLE = "{{ 7*7 }} {% raw %} {# c #} {{< figure >}}"


@pytest.mark.parametrize("ssg", generator_names())
def test_template_syntax_in_data_is_never_executed(ssg: str) -> None:
    talk = Talk(title=TEMPLATE_TITLE, summary="{% if x %}{{ y }}{% endif %}")
    text = render(sample(title=TEMPLATE_TITLE, talks=(talk,)), ssg=ssg)
    post = frontmatter.loads(text, handler=frontmatter.YAMLHandler()) if ssg != "zola" else None
    if post is not None:
        assert post["title"] == TEMPLATE_TITLE
    assert "49" not in text


@pytest.mark.parametrize(
    ("ssg", "expected"),
    [
        ("hugo", "{{ 7\\*7 }} {% raw %} {# c #} {{\\< figure >}}"),
        ("zola", "{\\{ 7\\*7 }} {\\% raw %} {# c #} {\\{\\< figure >}}"),
        (
            "jekyll",
            "{% raw %}{{{% endraw %} 7\\*7 }} {% raw %}{%{% endraw %} raw %} "
            "{% raw %}{#{% endraw %} c #} {% raw %}{{{% endraw %}\\< figure >}}",
        ),
    ],
)
def test_the_ssg_own_template_syntax_is_neutralised(ssg: str, expected: str) -> None:
    assert inline_text(TEMPLATE_TITLE, ssg) == expected


@pytest.mark.parametrize(
    "title",
    [
        "# C# #",
        "1. intro",
        "- dash",
        "> quote",
        "*stars* and _under_",
        "<script>x</script>",
        "a\nb  c",
        "[link](https://x.example)",
        "![img](x.png)",
        "`code`",
        "&amp; &#123;",
        "a \\ b",
        "~~del~~",
        "+ plus",
        "==",
    ],
)
def test_plain_text_headings_show_exactly_what_was_typed(title: str) -> None:
    body = f"## {heading_text(title, 'hugo')}\n"
    assert headings(body, 2) == [" ".join(title.split())]


@settings(max_examples=100, deadline=None)
@given(
    st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), min_size=1).filter(
        str.strip
    )
)
def test_any_plain_text_survives_markdown(text: str) -> None:
    assert headings(f"## {heading_text(text, 'zola')}\n", 2) == [" ".join(text.split())]


UNCLOSED = [
    "```go\nfunc main() {",
    "~~~~\nstill code",
    "<pre>\nx",
    "<!-- note",
    "<SCRIPT>\nx",
    "<?php\necho 'PHP files leave out ?' . '>';",  # CommonMark HTML blocks 3, 4 and 5
    "<!DOCTYPE html",
    "<![CDATA[\nx",
    "Text\n<?php\necho 1;",
]


@pytest.mark.parametrize("opener", UNCLOSED)
def test_an_unclosed_block_does_not_swallow_the_rest(opener: str) -> None:
    talks = (Talk(title="First", summary=opener), Talk(title="Second", summary="x"))
    body = split(render(sample(talks=talks), ssg="hugo"))[2]
    assert headings(body, 2) == ["Event", "First", "Second", "Trends", "Summary"]


@pytest.mark.parametrize("code", ["<?php\necho 1;", "<!-- note", "<script>\nx", "<!X"])
def test_html_openers_shown_in_code_get_no_closer(code: str) -> None:
    """Only an HTML block left open at the field's end is closed: in a code block the opener is
    code, and a closer after the fence would show as text."""
    summary = f"```\n{code}\n```"
    talks = (Talk(title="First", summary=summary), Talk(title="Second", summary="x"))
    body = without_markers(split(render(sample(talks=talks), ssg="hugo"))[2])
    assert f"\n{summary}\n\n" in body


@pytest.mark.parametrize(
    "summary", ["- ```\n  code\n  ```", "> ```go\n> code", "<pre>\n```\n</pre>", "1. ~~~\n   x"]
)
def test_a_fence_in_a_list_quote_or_html_block_gets_no_closer(summary: str) -> None:
    """Such a fence ends with its container (or is no fence): a closer added after the field
    would open a code block to the end of the post."""
    talks = (Talk(title="First", summary=summary), Talk(title="Second", summary="x"))
    body = split(render(sample(talks=talks), ssg="hugo"))[2]
    assert headings(body, 2) == ["Event", "First", "Second", "Trends", "Summary"]
    assert summary + "\n\n" in body


def test_markdown_fields_keep_hard_breaks_and_closed_blocks() -> None:
    text = "line with break  \nnext\r\n<pre>\ncode\n</pre>\n<!-- c -->"
    assert without_markers(split(render(sample(lead=text), ssg="hugo"))[2]).startswith(
        "\nline with break  \nnext\n<pre>\ncode\n</pre>\n<!-- c -->\n"
    )


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_field_that_opens_with_indented_code_keeps_it(layout: str) -> None:
    """The blocks around fields trim blank lines, not the four spaces that make code."""
    code = "    go build ./..."
    recap = sample(
        lead=f"{code}\n\nThen run it.",
        event=Event(name="E", overview=code),
        talks=(Talk(title="T", summary=code), Talk(title="U", abstract=code)),
    )
    html = MD.render(split(render(recap, ssg="hugo", body_layout=layout))[2])
    assert html.count("<pre><code>go build ./...\n</code></pre>") == 4


def test_multi_line_takeaways_stay_in_their_list_item() -> None:
    takeaways = (Takeaway("Line one\n\nParagraph two", links=(Link("https://go.dev", "Go"),)),)
    talk = Talk(title="T", takeaways=takeaways)
    body = split(render(sample(talks=(talk,)), ssg="hugo"))[2]
    assert "- Line one\n\n  Paragraph two ([Go](https://go.dev))\n" in body


BLOCK_SHAPED = {
    "fence": ("```go\nx := 1\n```", '<pre><code class="language-go">x := 1\n</code></pre>'),
    "tilde fence": ("~~~\nx\n~~~", "<pre><code>x\n</code></pre>"),
    "text then code": ("Use it:\n\n```\nx\n```", "<pre><code>x\n</code></pre>"),
    "pre": ("<pre>\nx\n</pre>", "<pre>\nx\n</pre>"),
    "table": ("| a | b |\n|---|---|\n| 1 | 2 |", "<td>2</td>\n</tr>\n</tbody>\n</table>"),
}


@pytest.mark.parametrize(("text", "shown"), BLOCK_SHAPED.values(), ids=BLOCK_SHAPED)
def test_a_takeaway_ending_in_a_block_keeps_the_block_and_its_links(text: str, shown: str) -> None:
    """The links go in a paragraph of their own: after a closing fence they would reopen it."""
    talk = Talk(title="T", takeaways=(Takeaway(text, links=(Link("https://go.dev", "Go"),)),))
    html = GFM.render(split(render(sample(talks=(talk,)), ssg="hugo"))[2])
    assert shown in html
    assert '<p>(<a href="https://go.dev">Go</a>)</p>' in html


@pytest.mark.parametrize(("text", "shown"), BLOCK_SHAPED.values(), ids=BLOCK_SHAPED)
def test_a_highlight_note_starting_with_a_block_is_that_block(text: str, shown: str) -> None:
    recap = sample(highlights=(Highlight("eBPF", text),))
    html = GFM.render(split(render(recap, ssg="hugo"))[2])
    assert "<strong>eBPF</strong>:" in html
    assert shown in html


def test_a_link_definition_at_a_takeaways_end_or_a_notes_start_stays_a_definition() -> None:
    """A definition is no paragraph: links after it or a label before it would make it text."""
    docs = '<a href="https://go.dev/doc">the docs</a>'
    talk = Talk(
        title="T",
        takeaways=(
            Takeaway(
                "See [the docs].\n\n[the docs]: https://go.dev/doc",
                links=(Link("https://go.dev", "Go"),),
            ),
        ),
    )
    html = GFM.render(split(render(sample(talks=(talk,)), ssg="hugo"))[2])
    assert f"<p>See {docs}.</p>" in html
    assert '<p>(<a href="https://go.dev">Go</a>)</p>' in html
    recap = sample(highlights=(Highlight("Go", "[the docs]: https://go.dev/doc\nSee [the docs]."),))
    html = GFM.render(split(render(recap, ssg="hugo"))[2])
    assert f"<strong>Go</strong>:</p>\n<p>See {docs}.</p>" in html


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(("text", "shown"), BLOCK_SHAPED.values(), ids=BLOCK_SHAPED)
def test_an_abstract_starting_with_a_block_is_that_block(
    text: str, shown: str, layout: str
) -> None:
    """The label goes on a line of its own: after it a fence is no fence, and the closing one
    opened a code block that swallowed the rest of the post (no render at all)."""
    talks = (Talk(title="T", abstract=text), Talk(title="Next"))
    html = GFM.render(split(render(sample(talks=talks), ssg="hugo", body_layout=layout))[2])
    assert "<strong>Abstract</strong>:" in html
    assert shown in html
    assert "<h2>Next</h2>" in html


@pytest.mark.parametrize("text", ["---", "-- -", "--\nmore"])
def test_a_takeaway_of_hyphens_stays_a_list_item(text: str) -> None:
    talk = Talk(title="T", takeaways=(Takeaway(text), Takeaway("next")))
    html = MD.render(split(render(sample(talks=(talk,)), ssg="hugo"))[2])
    assert "<hr" not in html
    assert f"<ul>\n<li>{text}</li>\n<li>next</li>\n</ul>" in html


def test_urls_with_spaces_and_parentheses() -> None:
    talk = Talk(title="T", slides="https://example.org/a (1).pdf")
    body = split(render(sample(talks=(talk,)), ssg="hugo"))[2]
    assert "[Slides](https://example.org/a%20\\(1\\).pdf)" in body


# --- templates -------------------------------------------------------------------------


def test_custom_template_file_with_its_own_front_matter(tmp_path: Path) -> None:
    template = tmp_path / "short.md.j2"
    template.write_text(
        '{% set front_matter = dict(default_front_matter, toc=true, series="Meetups") %}'
        "{{ recap.event.name | md_inline }}: {{ recap.talks | length }} talks\n",
        encoding="utf-8",
    )
    text = render(sample(), ssg="hugo", template=str(template))
    _, source, body = split(text)
    assert list(yaml.safe_load(source)) == [
        "title",
        "date",
        "draft",
        "authors",
        "tags",
        "toc",
        "series",
        "recap",
    ]
    assert body == "\nGopher Meetup: 1 talks\n"


def test_template_names_are_looked_up_in_search_paths_then_built_ins(tmp_path: Path) -> None:
    (tmp_path / "mine.md.j2").write_text("mine {{ ssg }}\n", encoding="utf-8")
    assert render(sample(), ssg="hexo", template="mine", search_paths=[tmp_path]).endswith(
        "\nmine hexo\n"
    )
    (tmp_path / "_common").mkdir()
    (tmp_path / "_common" / "labels.j2").write_text('{% set en = {"x": 1} %}', encoding="utf-8")
    with pytest.raises(TemplateError, match=r"body.md.j2:\d+: UndefinedError: .*'event'"):
        # the site's copy of labels.j2 overrides the built-in one
        render(sample(), ssg="hugo", search_paths=[tmp_path])


def test_unknown_template_name() -> None:
    with pytest.raises(TemplateError, match="template not found: nope"):
        render(sample(), ssg="hugo", template="nope")


def test_template_errors_name_the_template_and_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.md.j2"
    broken.write_text("line one\n{% if %}\n", encoding="utf-8")
    with pytest.raises(TemplateError, match=r"broken\.md\.j2:2: template syntax error"):
        render(sample(), ssg="hugo", template=str(broken))
    undefined = tmp_path / "undefined.md.j2"
    undefined.write_text("one\ntwo\n{{ recap.no_such_field }}\n", encoding="utf-8")
    with pytest.raises(TemplateError, match=r"undefined\.md\.j2:3: UndefinedError"):
        render(sample(), ssg="hugo", template=str(undefined))


def test_front_matter_export_must_be_a_mapping(tmp_path: Path) -> None:
    template = tmp_path / "bad.md.j2"
    template.write_text('{% set front_matter = "x" %}body\n', encoding="utf-8")
    with pytest.raises(TemplateError, match="front_matter must be a mapping"):
        render(sample(), ssg="hugo", template=str(template))


# --- the example custom templates in templates/ ------------------------------------------

EXAMPLE_TEMPLATES = sorted(TEMPLATES.glob("*.md.j2"))


def test_there_are_example_templates() -> None:
    assert {p.name for p in EXAMPLE_TEMPLATES} >= {"newsletter.md.j2", "deep-dive.md.j2"}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("ssg", generator_names())
@pytest.mark.parametrize("template", EXAMPLE_TEMPLATES, ids=lambda p: p.name)
def test_example_templates_render_valid_posts(template: Path, ssg: str, lang: str) -> None:
    recap = sample(talks=(*sample().talks, Talk(title="# Second {{ x }}", abstract="Why *now*")))
    text = render(recap, ssg=ssg, lang=lang, template=str(template))
    post = parse_post(text, "post.md")
    assert post.recap == recap
    assert "Generics in practice" in post.body
    front = tomllib.loads(split(text)[1]) if ssg == "zola" else yaml.safe_load(split(text)[1])
    extra = front["extra"] if ssg == "zola" else front
    assert ("series" in extra) == template.name.startswith("newsletter")
    assert ("toc" in extra) is True


@pytest.mark.parametrize("template", EXAMPLE_TEMPLATES, ids=lambda p: p.name)
def test_example_templates_keep_a_code_takeaway_and_what_follows_it(template: Path) -> None:
    """They use md_item's lead= and tail= as the built-in layouts do: the term's colon or the
    links after a closing fence would turn it into text or reopen the code."""
    code = Takeaway("```go\nx := 1\n```", links=(Link("https://go.dev", "Go"),))
    talks = (Talk(title="T", takeaways=(code,)), Talk(title="Next"))
    html = GFM.render(split(render(sample(talks=talks), ssg="hugo", template=str(template)))[2])
    assert '<pre><code class="language-go">x := 1\n</code></pre>' in html
    assert "<strong>Next</strong>" in html or "Next</h" in html


def test_example_templates_by_name(tmp_path: Path) -> None:
    text = render(sample(), ssg="hugo", template="deep-dive", search_paths=[TEMPLATES])
    assert headings(split(text)[2], 2)[:3] == ["Event", "Talks", "1. Generics in practice"]


@pytest.mark.parametrize(
    "golden",
    sorted(GOLDEN.rglob("*.md")),
    ids=lambda p: p.relative_to(GOLDEN).as_posix(),
)
def test_labels_and_emphasis_render_as_emphasis_in_commonmark(golden: Path) -> None:
    # A literal `**` in the HTML means a label like "**嘉宾：**刘洋" failed to close (CJK punctuation).
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").render(golden.read_text(encoding="utf-8"))
    assert "**" not in html
    assert "<strong>" in html


# --- custom templates: finalize neutralises every output, filtered or not --------------------

HOSTILE = "{% raw %} {{ site.x }} {{< param x >}} {{% y %}} {# c #} {% endraw %}"
BARE_TEMPLATE = (
    "{{ recap.title }}\n\n{{ recap.talks[0].title ~ '!' }}\n\n{{ recap.title | upper }}\n\n"
    "{% macro say(x) %}[{{ x }}]{% endmacro %}{{ say(recap.title) }}\n\n"
    "{{ recap.title | md_inline }} {{ recap.talks[0].summary | md_block }}\n"
)
_RAW_UNIT = re.compile(r"\{% raw %\}\{[{%#]\{% endraw %\}")


def executable(text: str, ssg: str) -> list[str]:
    """The SSG template openers left live in *text* (what the SSG would run)."""
    if ssg == "hugo":
        return re.findall(r"\{\{[<%]", text)
    if ssg in ("hexo", "jekyll"):
        return re.findall(r"\{[{%#]", _RAW_UNIT.sub("", text))
    return re.findall(r"\{[{%]", text)


@pytest.mark.parametrize("ssg", generator_names())
def test_a_custom_template_without_filters_cannot_run_data_in_the_ssg(
    ssg: str, tmp_path: Path
) -> None:
    template = tmp_path / "bare.md.j2"
    template.write_text(BARE_TEMPLATE, encoding="utf-8")
    recap = sample(title=HOSTILE, talks=(Talk(title=HOSTILE, summary=HOSTILE),))
    body = render(recap, ssg=ssg, template=template, include_data=False).split("\n\n", 1)[1]
    assert executable(body, ssg) == []
    assert "49" not in body


@pytest.mark.parametrize("ssg", generator_names())
def test_a_custom_template_own_ssg_syntax_is_left_alone(ssg: str, tmp_path: Path) -> None:
    # Literal template text is the author's: a shortcode they write (in Jinja's raw) still works.
    template = tmp_path / "sc.md.j2"
    template.write_text(
        "{% raw %}{{< youtube abc >}}{% endraw %}\n\n{{ recap.title }}\n", encoding="utf-8"
    )
    body = render(sample(title="{{< x >}}"), ssg=ssg, template=template, include_data=False)
    shortcode, title = body.splitlines()[-2:]
    assert shortcode == "{{< youtube abc >}}"
    assert executable(title, ssg) == [] and "x >}}" in title


@pytest.mark.parametrize("ssg", generator_names())
def test_macro_output_is_not_neutralised_twice(ssg: str, tmp_path: Path) -> None:
    template = tmp_path / "m.md.j2"
    template.write_text(
        "{% macro t(x) %}{{ x | md_inline }}{% endmacro %}{{ t(recap.title) }}|"
        "{{ recap.title | md_inline }}\n",
        encoding="utf-8",
    )
    body = render(sample(title=HOSTILE), ssg=ssg, template=template, include_data=False)
    via_macro, direct = body.rstrip("\n").rsplit("\n", 1)[1].split("|")
    assert via_macro == direct


@pytest.mark.parametrize("ssg", generator_names())
@settings(max_examples=80, deadline=None)
@given(text=st.text(alphabet="{}%#<>\\ rawendx", max_size=40))
def test_neutralise_is_idempotent_and_leaves_nothing_live(ssg: str, text: str) -> None:
    once = neutralise(text, ssg)
    assert neutralise(once, ssg) == once == inert_syntax(once, ssg) == inert_syntax(text, ssg)
    assert executable(once, ssg) == []


def test_hexo_writes_several_categories_as_siblings() -> None:
    # Hexo reads `categories: [a, b]` as the hierarchy a > b; a recap's categories are siblings.
    text = render(sample(categories=("活动回顾", "技术分享")), ssg="hexo")
    front = yaml.safe_load(split(text)[1])
    assert front["categories"] == [["活动回顾"], ["技术分享"]]
    assert "categories:\n- [活动回顾]\n- [技术分享]\n" in text
    single = yaml.safe_load(split(render(sample(categories=("活动回顾",)), ssg="hexo"))[1])
    assert single["categories"] == ["活动回顾"]
