"""``render`` → ``import`` gives back the data that the body shows (the round-trip set below),
for the built-in ``form`` and ``notes`` layouts in both languages; and ``import`` → ``render`` →
``import`` is stable."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from recapkit.data.model import (
    Event,
    Highlight,
    Link,
    Photo,
    Recap,
    Speaker,
    Takeaway,
    TakeawayKind,
    Talk,
)
from recapkit.importing.assemble import import_post
from recapkit.rendering.days import talks_by_day
from recapkit.rendering.engine import render
from tests.paths import FIXTURES

# Words writers use, none of them a label the importer reads as structure.
EN = [
    "gopher",
    "cloud",
    "native",
    "tracing",
    "metrics",
    "rust",
    "async",
    "actors",
    "compiler",
    "memory",
    "kernel",
    "data",
    "lake",
]
ZH = [
    "泛型",
    "可观测性",
    "云原生",
    "编译器",
    "内存",
    "调度",
    "网关",
    "数据库",
    "缓存",
    "服务网格",
    "边缘计算",
    "容器",
]
NAMES = ["Ann Lee", "Bob Stone", "Carol Wu", "Dan O'Neil", "王磊", "张敏", "刘洋", "欧阳娜娜"]
ORGS = ["Acme", "示例云", "Example Labs", "示例支付"]
ROLES = ["CTO", "后端工程师", "Staff Engineer"]
DAYS = [date(2025, 9, 12), date(2025, 9, 13)]
LAYOUTS = ["form", "notes"]


def _phrase(min_words: int = 2, max_words: int = 6) -> st.SearchStrategy[str]:
    pool = st.sampled_from(EN + ZH)
    return st.lists(pool, min_size=min_words, max_size=max_words).map(" ".join)


def _prose(paragraphs: int = 2) -> st.SearchStrategy[str]:
    sentence = _phrase(3, 8).map(lambda s: s[0].upper() + s[1:] + ".")
    paragraph = st.lists(sentence, min_size=1, max_size=3).map(" ".join)
    return st.lists(paragraph, min_size=1, max_size=paragraphs).map("\n\n".join)


opt = st.none().__or__
urls = st.integers(1, 999).map(lambda n: f"https://example.org/p/{n}")


@st.composite
def speakers(draw: st.DrawFn) -> Speaker:
    """A named speaker, or one known only by affiliation (and role): never a made-up name."""
    name = draw(opt(st.sampled_from(NAMES)))
    affiliation = draw(st.sampled_from(ORGS)) if name is None else draw(opt(st.sampled_from(ORGS)))
    role = draw(opt(st.sampled_from(ROLES))) if affiliation else None
    return Speaker(name, affiliation, role, url=draw(opt(urls)))


takeaways = st.builds(
    Takeaway,
    text=_phrase(),
    kind=st.sampled_from([TakeawayKind.INSIGHT, TakeawayKind.QUOTE]),
    links=st.lists(st.builds(Link, url=urls, title=_phrase(1, 3)), max_size=1).map(tuple),
)
photos = st.builds(
    Photo,
    src=st.integers(1, 99).map(lambda n: f"/images/p{n}.jpg"),
    alt=_phrase(2, 5),
    caption=opt(_phrase(1, 4)),
    credit=opt(st.sampled_from(NAMES)),
    license=st.none(),
)


@st.composite
def talks(draw: st.DrawFn) -> Talk:
    summary = draw(opt(_prose()))
    return Talk(
        title=draw(_phrase(2, 6)),
        kind=draw(st.sampled_from(["talk", "keynote", "panel", "lightning", "workshop"])),
        speakers=tuple(draw(st.lists(speakers(), max_size=2, unique_by=lambda s: s.label))),
        day=draw(opt(st.sampled_from(DAYS))),  # a programme of several days
        track=draw(opt(_phrase(1, 2))),
        room=draw(opt(_phrase(1, 2))),
        start=draw(opt(st.builds(time, st.integers(8, 20), st.integers(0, 59)))),
        duration=draw(opt(st.integers(5, 180).map(lambda m: timedelta(minutes=m)))),
        abstract=draw(opt(_prose(1))) if summary is None else None,  # one paragraph
        summary=summary,
        takeaways=tuple(draw(st.lists(takeaways, max_size=3))),
        slides=draw(opt(urls)),
        video=draw(opt(urls)),
        links=tuple(
            draw(st.lists(st.builds(Link, url=urls, title=opt(_phrase(1, 3))), max_size=2))
        ),
        photos=tuple(draw(st.lists(photos, max_size=2))),
    )


@st.composite
def recaps(draw: st.DrawFn) -> Recap:
    event = Event(
        name=draw(_phrase(2, 4)),
        venue=draw(opt(_phrase(1, 3))),
        organizers=tuple(draw(st.lists(st.sampled_from(ORGS), max_size=2, unique=True))),
        sponsors=tuple(draw(st.lists(st.sampled_from(ORGS), max_size=2, unique=True))),
        url=draw(opt(urls)),
        attendance=draw(opt(st.integers(0, 5000))),
    )
    return Recap(
        title=draw(_phrase(2, 6)),
        date=draw(
            st.sampled_from(
                [
                    date(2025, 4, 20),
                    datetime(2025, 4, 20, 21, 30, tzinfo=timezone(timedelta(hours=8))),
                ]
            )
        ),
        event=event,
        lang=draw(st.sampled_from(["en", "zh-CN"])),
        authors=tuple(draw(st.lists(st.sampled_from(NAMES), max_size=2, unique=True))),
        tags=tuple(draw(st.lists(st.sampled_from(EN), max_size=3, unique=True))),
        categories=tuple(draw(st.lists(st.sampled_from(ZH), max_size=1))),
        cover=draw(opt(st.just("/images/cover.jpg"))),
        lead=draw(opt(_prose())),
        highlights=tuple(
            draw(
                st.lists(
                    st.builds(Highlight, st.sampled_from(EN + ZH), opt(_phrase())),
                    max_size=3,
                    unique_by=lambda h: h.term,
                )
            )
        ),
        talks=tuple(draw(st.lists(talks(), max_size=4, unique_by=lambda t: t.title.casefold()))),
        summary=draw(opt(_prose())),
    )


RECAP_FIELDS = (
    "title",
    "date",
    "authors",
    "tags",
    "categories",
    "cover",
    "lead",
    "highlights",
    "summary",
)
EVENT_FIELDS = ("name", "url", "venue", "organizers", "sponsors", "attendance")
# The notes layout has no facts list: one line names the event, links its page, says where.
NOTES_EVENT_FIELDS = ("name", "url", "venue")


def shown(recap: Recap, layout: str = "form") -> dict[str, Any]:
    """The round-trip set: what a rendered post shows of *recap* (see docs/importing.md).

    Talks come back whole as the strategy makes them (no tags or handles, which the layouts do
    not show; starts as times of day), their takeaways as the layouts show them: the list
    (any kind but ``quote`` reads back as an insight), then the quotes. The ``notes`` layout
    groups the talks by day, under a heading that gives each its day."""
    days = talks_by_day(recap.talks)
    if layout == "notes":
        several = len(days) > 1
        talks = [attrs.evolve(t, day=d.date if several else t.day) for d in days for t in d.talks]
        # A byline shows a room without a track as its one place: it reads back as the track.
        talks = [attrs.evolve(t, track=t.room, room=None) if not t.track else t for t in talks]
    else:
        talks = list(recap.talks)
    return {
        "recap": {k: getattr(recap, k) for k in RECAP_FIELDS},
        "event": {
            k: getattr(recap.event, k)
            for k in (NOTES_EVENT_FIELDS if layout == "notes" else EVENT_FIELDS)
        },
        "talks": tuple(_takeaways_as_shown(t) for t in talks),
    }


def _takeaways_as_shown(talk: Talk) -> Talk:
    quote = TakeawayKind.QUOTE
    listed = [attrs.evolve(t, kind=TakeawayKind.INSIGHT) for t in talk.takeaways if t.kind != quote]
    quotes = [t for t in talk.takeaways if t.kind == quote]
    return attrs.evolve(talk, takeaways=(*listed, *quotes))


def readable_as_notes(recap: Recap) -> bool:
    """What the notes layout's one-line parts can say without a label (docs/importing.md):
    the event line shows more than the name, a byline with a track or room shows a time, and
    the talks show two signs of talks in all (a telling byline, takeaways, slides or a video)."""
    if recap.event.venue is None:
        return False
    if any((t.track or t.room) and not (t.start or t.duration or t.day) for t in recap.talks):
        return False
    signs = sum(
        _telling_byline(t) + bool(t.takeaways) + bool(t.slides or t.video) for t in recap.talks
    )
    return not recap.talks or signs >= 2


def _telling_byline(talk: Talk) -> bool:
    """A byline that says it is one: a time, a format, or speakers with more than one name."""
    detailed = any(s.name is None or s.affiliation or s.role or s.url for s in talk.speakers)
    timed = talk.start or talk.duration or talk.day
    return bool(timed or talk.kind != "talk" or len(talk.speakers) > 1 or detailed)


def _import_rendered(
    recap: Recap, folder: Path, lang: str | None = None, ssg: str = "hugo", layout: str = "form"
) -> Recap:
    post = folder / "post.md"
    text = render(recap, ssg=ssg, lang=lang, include_data=False, body_layout=layout)
    post.write_text(text, encoding="utf-8")
    return import_post(post).recap


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("ssg", ["hugo", "hexo", "jekyll", "zola"])
@pytest.mark.parametrize("lang", ["en", "zh"])
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(recap=recaps())
def test_a_rendered_post_imports_back_exactly(
    recap: Recap, lang: str, ssg: str, layout: str, tmp_path: Path
) -> None:
    assume(layout == "form" or readable_as_notes(recap))
    expected = shown(recap, layout)
    if ssg == "hexo" and isinstance(recap.date, datetime):
        # Hexo's front matter dates carry no offset: they are local times (docs/importing.md)
        expected["recap"]["date"] = recap.date.replace(tzinfo=None)
    assert shown(_import_rendered(recap, tmp_path, lang, ssg, layout), layout) == expected


@pytest.mark.parametrize("layout", LAYOUTS)
@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(recap=recaps())
def test_import_render_import_is_stable(recap: Recap, layout: str, tmp_path: Path) -> None:
    assume(layout == "form" or readable_as_notes(recap))
    first = _import_rendered(recap, tmp_path, layout=layout)
    again = _import_rendered(first, tmp_path, layout=layout)
    assert shown(again, layout) == shown(first, layout)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_example_recaps_come_back_with_their_days_quotes_and_companies(
    lang: str, layout: str, tmp_path: Path
) -> None:
    from recapkit.data.files import load_recap
    from tests.paths import EXAMPLES

    for name in ("gopher-meetup-hangzhou-2025.yaml", "pycon-riverside-2025.toml"):
        recap = load_recap(EXAMPLES / name)
        back = _import_rendered(recap, tmp_path, lang, layout=layout)
        days = talks_by_day(recap.talks)
        order = [t.title for d in days for t in d.talks] if layout == "notes" else None
        assert [t.title for t in back.talks] == (order or [t.title for t in recap.talks])
        by_title = {t.title: t for t in back.talks}
        for talk in recap.talks:
            got = by_title[talk.title]
            assert got.held_on == talk.held_on  # a date-time start comes back as day + time
            assert got.speakers == tuple(attrs.evolve(s, handles={}) for s in talk.speakers)
            quotes = [t.text for t in talk.takeaways if t.kind == TakeawayKind.QUOTE]
            assert [t.text for t in got.takeaways if t.kind == TakeawayKind.QUOTE] == quotes


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("post", sorted((FIXTURES / "import").glob("*.md")), ids=lambda p: p.stem)
def test_imported_fixtures_render_and_import_back_the_same(
    post: Path, lang: str, tmp_path: Path
) -> None:
    first = import_post(post).recap
    assert shown(_import_rendered(first, tmp_path, lang)) == shown(first)


BLOCK_SHAPED = [
    "```go\nx := 1\n```",
    "Use it:\n\n~~~\nx\n~~~",
    "<pre>\nx\n</pre>",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "- one\n- two",
    "> said",
    "    go build ./...",  # indented code: its first line's spaces are the code block
]


@pytest.mark.parametrize("ssg", ["hugo", "jekyll"])
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("text", BLOCK_SHAPED)
def test_takeaways_and_notes_of_block_markdown_come_back_with_their_links(
    text: str, layout: str, ssg: str, tmp_path: Path
) -> None:
    link = Link("https://go.dev/blog/pprof", "pprof")
    talk = Talk(
        title="Profiling",
        speakers=(Speaker("Ann Lee", "Acme"),),
        start=time(14, 0),
        takeaways=(Takeaway(text, links=(link,)), Takeaway("Plain words.")),
    )
    recap = Recap(
        title="Gopher Night",
        date=date(2025, 9, 12),
        event=Event(name="Gopher Night", venue="Hall A"),
        highlights=(Highlight("tracing", text),),
        talks=(talk,),
    )
    back = _import_rendered(recap, tmp_path, "en", ssg, layout)
    assert back.talks[0].takeaways == talk.takeaways
    assert back.highlights == recap.highlights


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_lead_and_summaries_that_open_with_indented_code_come_back(
    layout: str, tmp_path: Path
) -> None:
    code = "    go build ./...\n\nThen run it."
    talk = Talk(
        title="Building",
        speakers=(Speaker("Ann Lee", "Acme"),),
        start=time(14, 0),
        summary=code,
        slides="https://example.org/s",
    )
    recap = Recap(
        title="Gopher Night",
        date=date(2025, 9, 12),
        event=Event(name="Gopher Night", venue="Hall A"),
        lead=code,
        talks=(talk,),
        summary=code,
    )
    post = tmp_path / "post.md"
    post.write_text(render(recap, ssg="hugo", include_data=False, body_layout=layout), "utf-8")
    back = import_post(post).recap
    assert (back.lead, back.summary) == (code, code)
    if layout == "notes":  # in "form" the talk's meta list above it takes the indented line in
        assert back.talks[0].summary == code
