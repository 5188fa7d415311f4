"""The built-in layouts ``form`` and ``notes``: what each writes, quotes, days, lookup."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recapkit.data.model import Event, Link, Recap, Speaker, Takeaway, TakeawayKind, Talk
from recapkit.errors import UsageError
from recapkit.rendering.days import talks_by_day
from recapkit.rendering.engine import LAYOUTS, render
from tests.rendering.test_engine import (
    MD,
    SHANGHAI,
    headings,
    plain_text,
    sample,
    split,
    without_markers,
)
from tests.strategies import recaps

QUOTE = Takeaway("Generics are\na tool, not a goal.", kind=TakeawayKind.QUOTE)


def body(recap: Recap, *, lang: str = "en", layout: str = "notes", ssg: str = "hugo") -> str:
    return without_markers(split(render(recap, ssg=ssg, lang=lang, body_layout=layout))[2])


def shown(title: str) -> str:
    """*title* as a heading shows it: whitespace folded, control characters as U+FFFD."""
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "\ufffd", " ".join(title.split()))


def two_days(**changes: object) -> Recap:
    day = datetime(2024, 5, 18, 14, 0, tzinfo=SHANGHAI)
    talks = (
        Talk(title="Day one, first", start=day, room="Hall A", summary="x"),
        Talk(title="Day two", start=day + timedelta(days=1), room="Room 2", summary="y"),
        Talk(title="Day two, later", start=time(16, 0), summary="z"),
    )
    return sample(talks=talks, **changes)


# --- notes --------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_notes_is_lead_keywords_talks_summary_without_facts(lang: str) -> None:
    text = body(sample(), lang=lang)
    expected = {
        "en": ["Highlights", "Generics in practice", "Summary"],
        "zh": ["关键词", "Generics in practice", "总结"],
    }
    assert headings(text, 2) == expected[lang]
    assert headings(text, 3) == []
    assert text.startswith("\nA packed afternoon.\n\n<!--more-->\n\n")
    assert "**When**" not in text and "**时间**" not in text  # no facts block


def test_notes_puts_when_and_where_in_one_line_after_the_lead() -> None:
    text = body(sample())
    assert (
        "\n[Gopher Meetup](https://example.org/meetup) · 18 May 2024, 14:00–17:30 "
        "(Asia/Shanghai) · Hall 1, Shanghai\n\n## Highlights\n\n- **generics**: everyone asked\n"
    ) in text


def test_notes_talk_section_keeps_its_speakers_photos_takeaways_and_links_together() -> None:
    section = body(sample()).split("## Generics in practice\n\n", 1)[1].split("\n## ", 1)[0]
    assert section == (
        "Alice (Acme) · 14:00 · 45 min\n\n"
        "![Alice at the lectern](images/alice.jpg)\n\n*Photo: Bob*\n\n"
        "Type parameters, constraints, and when not to use them.\n\n"
        "**Takeaways**:\n\n- Start with concrete types.\n\n"
        "[Slides](https://example.org/slides.pdf) · [Video](https://example.org/video)\n"
    )


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(("lang", "dash"), [("en", "— "), ("zh", "—— ")])
def test_quotes_are_blockquotes_attributed_to_the_speakers(
    layout: str, lang: str, dash: str
) -> None:
    speakers = (Speaker("Alice", affiliation="Acme"), Speaker("Bo"))
    talk = Talk(title="T", speakers=speakers, takeaways=(Takeaway("Plain."), QUOTE))
    text = body(sample(talks=(talk,)), lang=lang, layout=layout)
    sep = "、" if lang == "zh" else ", "
    assert f"> Generics are\n> a tool, not a goal.\n>\n> {dash}Alice{sep}Bo\n" in text
    html = MD.render(text)
    assert "<blockquote>\n<p>Generics are\na tool, not a goal.</p>" in html
    assert "<li>Plain.</li>" in html and "<li>Generics are" not in html


def test_a_quote_without_speakers_has_no_attribution_but_keeps_its_links() -> None:
    quote = Takeaway("Said.", kind=TakeawayKind.QUOTE, links=(Link("https://x.example", "src"),))
    text = body(sample(talks=(Talk(title="T", takeaways=(quote,)),)))
    assert "> Said.\n>\n> ([src](https://x.example))\n" in text
    assert "- TODO" not in text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_notes_groups_a_programme_of_several_days_under_day_headings(lang: str) -> None:
    text = body(two_days(), lang=lang)
    days = {
        "en": ["Day 1 · Saturday, 18 May 2024", "Day 2 · Sunday, 19 May 2024"],
        "zh": ["第 1 天 · 2024年5月18日（周六）", "第 2 天 · 2024年5月19日（周日）"],
    }[lang]
    assert headings(text, 2)[1:3] == days
    assert headings(text, 3) == ["Day one, first", "Day two", "Day two, later"]
    assert "\n14:00 · Hall A\n" in text and "\n14:00 · Room 2\n" in text  # each talk's room


def test_form_shows_the_day_of_each_talk_of_several_days() -> None:
    text = body(two_days(), layout="form")
    assert "- **Time**: 18 May 2024, 14:00\n" in text
    assert "- **Time**: 19 May 2024, 14:00\n" in text
    assert "- **Time**: 16:00\n" in text  # a clock time has no day of its own to show
    one_day = body(sample(), layout="form")
    assert "- **Time**: 14:00 · 45 min\n" in one_day


def test_notes_scaffold_marks_what_is_missing() -> None:
    bare = Recap(title="t", date=date(2024, 1, 1), event=Event(name="e"))
    text = split(render(bare, ssg="hugo", scaffold=True, body_layout="notes"))[2]
    assert headings(text, 2) == ["TODO(recapkit): talk title", "Summary"]
    for marker in ("write the lead", "when did", "where did", "speaker (", "add photos"):
        assert f"TODO(recapkit): {marker}" in text
    assert "- TODO(recapkit): what did you take home" in text
    assert "TODO(recapkit): link the slides" in text
    unscaffolded = split(render(bare, ssg="hugo", body_layout="notes"))[2]
    assert unscaffolded.count("TODO(recapkit):") == 2  # the lead and the closing summary


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(recaps, st.sampled_from(["hugo", "zola"]), st.sampled_from(["en", "zh"]))
def test_every_talk_of_any_recap_is_a_notes_section(recap: Recap, ssg: str, lang: str) -> None:
    # Hugo's and Zola's escapes of their template syntax read back as typed in CommonMark.
    text = split(render(recap, ssg=ssg, lang=lang, body_layout="notes"))[2]
    days = talks_by_day(recap.talks)
    titles = talk_headings(text, 3 if len(days) > 1 else 2)
    assert titles == [shown(talk.title) for day in days for talk in day.talks]


def test_a_heading_in_a_markdown_field_is_no_talk() -> None:
    """A summary's own heading (here a setext one: a line of ``-`` under text) stays the
    writer's Markdown; the talks are the headings that open their blocks."""
    recap = sample(summary='"\n- ', talks=(Talk(title="Only"),))
    text = split(render(recap, ssg="hugo", body_layout="notes"))[2]
    assert headings(text, 2) == ["Highlights", "Only", "Summary", '"']
    assert talk_headings(text, 2) == ["Only"]


_TALK_BEGIN = re.compile(r"<!-- recapkit:begin talk-\S+ hash=")


def talk_headings(text: str, level: int) -> list[str]:
    """The headings of *level* that open a talk's generated block, in order: a Markdown field
    (a summary, an abstract) may hold headings of its own, which are no talks."""
    lines = text.split("\n")
    tokens = MD.parse(text)
    return [
        plain_text(tokens[i + 1])
        for i, token in enumerate(tokens)
        if token.type == "heading_open"
        and token.tag == f"h{level}"
        and token.map
        and token.map[0] > 0
        and _TALK_BEGIN.match(lines[token.map[0] - 1])
    ]


# --- lookup ---------------------------------------------------------------------------------


def test_an_unknown_layout_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="unknown layout 'story': use form or notes"):
        render(sample(), ssg="hugo", body_layout="story")


def test_a_site_overrides_a_layout_per_generator(tmp_path: Path) -> None:
    (tmp_path / "hugo").mkdir()
    (tmp_path / "hugo" / "notes-en.md.j2").write_text("hugo notes\n", encoding="utf-8")
    (tmp_path / "notes-en.md.j2").write_text("any notes\n", encoding="utf-8")
    shown = {
        ssg: render(sample(), ssg=ssg, search_paths=[tmp_path], body_layout="notes")
        for ssg in ("hugo", "jekyll")
    }
    assert shown["hugo"].endswith("\nhugo notes\n")
    assert shown["jekyll"].endswith("\nany notes\n")
    assert "## Event" in render(sample(), ssg="hugo", search_paths=[tmp_path])  # form untouched


def test_a_template_overrides_the_layout(tmp_path: Path) -> None:
    (tmp_path / "mine.md.j2").write_text("mine\n", encoding="utf-8")
    text = render(
        sample(), ssg="hugo", template="mine", search_paths=[tmp_path], body_layout="notes"
    )
    assert text.endswith("\nmine\n")
