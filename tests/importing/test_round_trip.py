"""``render`` → ``import`` gives back the data that the body shows (the round-trip set below),
for the built-in ``form`` layout in both languages; and ``import`` → ``render`` → ``import``
is stable."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recapkit.data.model import Event, Highlight, Link, Photo, Recap, Speaker, Takeaway, Talk
from recapkit.importing.assemble import import_post
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
    affiliation = draw(opt(st.sampled_from(ORGS)))
    role = draw(opt(st.sampled_from(ROLES))) if affiliation else None
    return Speaker(draw(st.sampled_from(NAMES)), affiliation, role, url=draw(opt(urls)))


takeaways = st.builds(
    Takeaway,
    text=_phrase(),
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
        speakers=tuple(draw(st.lists(speakers(), max_size=2, unique_by=lambda s: s.name))),
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


def shown(recap: Recap) -> dict[str, Any]:
    """The round-trip set: what a rendered post shows of *recap* (see docs/importing.md).

    Talks come back whole as the strategy makes them (no tags, handles or takeaway kinds,
    which the ``form`` layout does not show; starts as times of day)."""
    return {
        "recap": {k: getattr(recap, k) for k in RECAP_FIELDS},
        "event": {k: getattr(recap.event, k) for k in EVENT_FIELDS},
        "talks": recap.talks,
    }


def _import_rendered(
    recap: Recap, folder: Path, lang: str | None = None, ssg: str = "hugo"
) -> Recap:
    post = folder / "post.md"
    post.write_text(render(recap, ssg=ssg, lang=lang, include_data=False), encoding="utf-8")
    return import_post(post).recap


@pytest.mark.parametrize("ssg", ["hugo", "hexo", "jekyll", "zola"])
@pytest.mark.parametrize("lang", ["en", "zh"])
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(recap=recaps())
def test_a_rendered_post_imports_back_exactly(
    recap: Recap, lang: str, ssg: str, tmp_path: Path
) -> None:
    expected = shown(recap)
    if ssg == "hexo" and isinstance(recap.date, datetime):
        # Hexo's front matter dates carry no offset: they are local times (docs/importing.md)
        expected["recap"]["date"] = recap.date.replace(tzinfo=None)
    assert shown(_import_rendered(recap, tmp_path, lang, ssg)) == expected


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(recap=recaps())
def test_import_render_import_is_stable(recap: Recap, tmp_path: Path) -> None:
    first = _import_rendered(recap, tmp_path)
    again = _import_rendered(first, tmp_path)
    assert shown(again) == shown(first)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("post", sorted((FIXTURES / "import").glob("*.md")), ids=lambda p: p.stem)
def test_imported_fixtures_render_and_import_back_the_same(
    post: Path, lang: str, tmp_path: Path
) -> None:
    first = import_post(post).recap
    assert shown(_import_rendered(first, tmp_path, lang)) == shown(first)
