"""``recapkit.import_post`` on team-written posts shaped like real recaps, in both languages:
talks from sections, from an opening list or both; speakers as writers name them; media by
host and label; highlights, lead and summary; and what it must never do (invent a speaker)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from recapkit import import_post
from recapkit.data.model import Highlight, Speaker
from recapkit.importing.assemble import PostImportError, is_recap
from tests.paths import FIXTURES

POSTS = FIXTURES / "import"


def _titles(name: str) -> list[str]:
    return [talk.title for talk in import_post(POSTS / name).recap.talks]


def test_chinese_list_and_sections_are_matched_to_each_other() -> None:
    recap = import_post(POSTS / "zh-list-and-sections.md").recap
    assert [t.title for t in recap.talks] == [
        "《Go 泛型在支付系统中的实践》",
        "用 eBPF 观测 Go 服务",
        "从单体到微服务的迁移",
    ]
    first, second, third = recap.talks
    assert first.speakers == (Speaker("王磊", affiliation="示例支付"),)
    assert first.slides == "https://slides.example.org/generics.pdf"
    assert [(p.src, p.alt) for p in first.photos] == [
        ("/images/chengdu/wanglei.jpg", "王磊在讲台上介绍泛型约束")
    ]
    assert first.summary is not None and "他强调先写具体类型" in first.summary
    assert second.speakers == (Speaker("张敏", affiliation="示例云", role="SRE"),)
    assert second.video == "https://www.bilibili.com/video/BV1xx411c7mD"
    assert third.speakers == ()  # no name written: none invented


def test_front_matter_gives_post_and_event_facts() -> None:
    recap = import_post(POSTS / "zh-list-and-sections.md").recap
    assert recap.date == datetime(2025, 5, 18, 20, 0)
    assert (recap.tags, recap.categories, recap.cover) == (
        ("Go", "meetup"),
        ("活动",),
        "/images/chengdu/cover.jpg",
    )
    assert recap.event.start == datetime(2025, 5, 17, 13, 30)
    assert recap.event.venue == "成都市高新区天府大道 100 号"
    assert recap.extra["links"]["议程"] == "https://meetup.example.org/chengdu/agenda"


def test_keyword_list_lead_and_closing_section() -> None:
    recap = import_post(POSTS / "zh-list-and-sections.md").recap
    assert recap.highlights == (
        Highlight("泛型", "约束越小越好"),
        Highlight("eBPF", "零侵入的可观测性"),
    )
    assert recap.lead is not None and recap.lead.startswith("五月的成都")
    assert recap.summary == "感谢示例云提供场地，下次见！"


def test_english_speakers_from_heading_label_and_by_line() -> None:
    recap = import_post(POSTS / "en-headings.md").recap
    assert [(t.title, t.speakers) for t in recap.talks] == [
        ("Async without tears", (Speaker("Ann Lee"),)),
        ("Writing a compiler in a weekend", (Speaker("Bob Stone", affiliation="Example Labs"),)),
        ("Embedded Rust on a budget", (Speaker("Carol Wu"),)),
    ]
    first = recap.talks[0]
    assert first.slides == "https://speakerdeck.com/annlee/async-without-tears"
    assert first.video == "https://www.youtube.com/watch?v=abc123"
    assert [t.text for t in first.takeaways] == [
        "Drop guards make cancellation visible",
        "Prefer `select!` loops with care",
    ]
    assert recap.summary == "See you next month."
    assert recap.authors == ("Jane Doe",)


def test_a_talk_list_without_sections() -> None:
    recap = import_post(POSTS / "zh-list-only.md").recap
    assert [(t.title, [s.name for s in t.speakers]) for t in recap.talks] == [
        ("Kubernetes 多集群治理实践", ["刘洋"]),
        ("服务网格的性能调优", []),
        ("可观测性平台的建设", ["赵婷"]),
    ]


def test_messy_post_keeps_what_it_cannot_place_and_says_where() -> None:
    imported = import_post(POSTS / "2019-06-01-messy-salon.md")
    recap = imported.recap
    assert recap.date == date(2019, 6, 1)  # from the Jekyll file name
    assert [t.title for t in recap.talks] == ["《Generic in go》", "《云原生存储》"]
    generic, storage = recap.talks
    # a company alone is a speaker known only by affiliation: no person's name is made up
    assert generic.speakers == (Speaker(affiliation="示例科技"),)
    assert generic.summary is None or "示例科技" not in generic.summary
    assert storage.speakers == (Speaker("李雷"),)
    assert storage.summary is not None and "IMG_0273.JPG" in storage.summary
    notes = {(n.line + 1, n.why.split(",")[0].split(":")[0]) for n in imported.unplaced}
    assert not any(line == 9 for line, _ in notes)
    assert (13, "image kept in the text") in notes
    assert (17, "image kept in the text") in notes
    assert (23, "talk time not read") in notes


def test_a_post_without_talks_is_not_a_recap() -> None:
    imported = import_post(POSTS / "not-a-recap.md")
    assert imported.recap.talks == ()
    assert imported.recap.lead is not None and "## How it works" in imported.recap.lead
    assert not is_recap(imported)
    assert is_recap(import_post(POSTS / "en-headings.md"))


def test_a_post_carrying_recap_data_gives_that_data(tmp_path: Path) -> None:
    from recapkit.data.files import load_recap
    from recapkit.rendering.engine import render
    from tests.paths import EXAMPLES

    recap = load_recap(EXAMPLES / "gopher-meetup-hangzhou-2025.yaml")
    post = tmp_path / "post.md"
    post.write_text(render(recap, ssg="hugo"), encoding="utf-8")
    assert import_post(post).recap == recap
    from_text = import_post(post, from_text=True).recap
    assert from_text.talks[0].start == time(13, 40)
    assert from_text.talks[0].duration == timedelta(minutes=40)
    assert [t.title for t in from_text.talks] == [t.title for t in recap.talks]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("---\ndate: 2024-01-01\n---\nbody\n", "no title"),
        ("---\ntitle: T\n---\nbody\n", "no date"),
    ],
)
def test_a_post_without_title_or_date_is_refused(tmp_path: Path, text: str, message: str) -> None:
    post = tmp_path / "post.md"
    post.write_text(text, encoding="utf-8")
    with pytest.raises(PostImportError, match=message):
        import_post(post)


def test_headings_and_prose_that_only_look_like_names_give_no_speaker() -> None:
    recap = import_post(POSTS / "no-invented-speakers.md").recap
    speakers = {t.title: [s.name for s in t.speakers] for t in recap.talks}
    assert speakers == {
        "Parsing the input - Parsing LLVM IR": [],  # an -ing verb and capitals: no name
        "Output example - Producing LLVM IR": [],
        "怎样提升一个人的文笔? - 知乎": [],  # a site's name
        "Async tracing": ["Ann Lee"],
        "Profiling in production": ["Bob Stone"],
    }
    assert recap.summary is not None and "Related Reading" in recap.summary  # no talk either


def test_numbered_sessions_and_comma_affiliations() -> None:
    recap = import_post(POSTS / "zh-numbered-sessions.md").recap
    assert [(t.title, t.speakers) for t in recap.talks] == [
        ("《Rust 异步运行时剖析》", (Speaker("张三", affiliation="示例科技 CTO"),)),
        ("嵌入式 Rust 实践", (Speaker("李四"), Speaker("欧阳娜娜"))),
        (
            "Error handling in libraries",
            (Speaker("Ann Lee", affiliation="Acme"), Speaker("Bob Stone")),
        ),
    ]
    second = recap.talks[1]
    assert (second.slides, second.video) == (
        "https://slides.example.org/embedded.pdf",
        "https://v.qq.com/x/page/abc.html",
    )
    assert recap.summary == "下期见。"


def test_a_talks_heading_over_the_talks_and_singular_speaker_lines() -> None:
    recap = import_post(POSTS / "en-talks-container.md").recap
    assert [(t.title, t.speakers) for t in recap.talks] == [
        ("Building CLIs with Go", (Speaker("Jane Doe", affiliation="Acme"),)),
        (
            "Fuzzing in practice",
            (Speaker("John Smith", affiliation="Senior Engineer at Example Corp"),),
        ),
    ]
    assert recap.lead == "Great evening."  # "## Talks" is neither a talk nor text
    assert recap.talks[1].slides == "https://speakerdeck.com/js/fuzz"
    assert recap.summary == "### Thanks\n\nThanks to our host."


def test_a_programme_written_as_timed_lists_between_photos() -> None:
    recap = import_post(POSTS / "zh-programme-list.md").recap
    assert [(t.title, t.start, t.speakers) for t in recap.talks] == [
        ("Flutter 跨端实践", time(14, 20), (Speaker("老高", affiliation="示例科技 高级工程师"),)),
        ("用 Go 写一个小型数据库", time(15, 30), ()),  # no name written: none invented
    ]
    flutter, database = recap.talks
    assert flutter.slides == "https://slides.example.org/flutter.pdf"
    assert flutter.summary is not None and "热重载" in flutter.summary
    assert database.video == "https://www.bilibili.com/video/BV1Go"
    assert recap.lead is not None and "13:30 签到" in recap.lead  # breaks stay text
    assert "15:10 休息" in recap.lead and "16:30 结束" in recap.lead
    assert "Flutter" not in recap.lead


def test_a_section_repeating_a_title_is_merged_whole(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text(
        "---\ntitle: Go night recap\ndate: 2025-03-01\n---\n\nA good night.\n\n"
        "## Generics\n\n- **Speakers**: Ann\n\nPart one.\n\n"
        "## Fuzzing\n\n- **Speakers**: Cy\n\nFuzz.\n\n"
        "## Generics\n\n- **Speakers**: Bob\n\nPart two.\n\n"
        "![Bob at the screen](bob.jpg)\n\n"
        "[Slides](https://s.example.org/g.pdf) · [Video](https://v.example.org/g)\n",
        encoding="utf-8",
    )
    imported = import_post(post)
    (generics,) = [t for t in imported.recap.talks if t.title == "Generics"]
    assert [s.name for s in generics.speakers] == ["Ann", "Bob"]
    assert generics.summary is not None and "Part two." in generics.summary
    assert [p.src for p in generics.photos] == ["bob.jpg"]
    assert (generics.slides, generics.video) == (
        "https://s.example.org/g.pdf",
        "https://v.example.org/g",
    )


def test_an_empty_item_in_a_takeaways_list_is_skipped(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text(
        "---\ntitle: Go night recap\ndate: 2025-03-01\n---\n\n"
        "## Generics\n\n- **Speakers**: Ann\n\n### Takeaways\n\n-\n- Start concrete.\n-\n\n"
        "## Fuzzing\n\n- **Speakers**: Cy\n\nFuzz.\n",
        encoding="utf-8",
    )
    (generics, _) = import_post(post).recap.talks
    assert [t.text for t in generics.takeaways] == ["Start concrete."]
