"""The shapes the ``notes`` layout writes (bylines, day headings, the event line), quotes and
speakers known only by company, read from hand-written posts: what is read, and what a
writer's text of a similar look keeps (no speaker invented, no prose taken for data)."""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path

from recapkit import import_post
from recapkit.data.model import Speaker, TakeawayKind
from recapkit.importing.assemble import Imported

FRONT = "---\ntitle: 周末沙龙回顾\ndate: 2025-09-14\n---\n\n"


def _import(tmp_path: Path, body: str) -> Imported:
    post = tmp_path / "post.md"
    post.write_text(FRONT + body, encoding="utf-8")
    return import_post(post)


DAYS = """导语。

<!--more-->

[示例大会](https://conf.example.org) · 2025年9月12日–13日 · 杭州 国际会议中心

## 第 1 天 · 2025年9月12日（周五）

### 开场演讲

主题演讲 · 王磊（示例支付、CTO） · 09:30 · 50 分钟 · 主会场 · A 厅

开场。

**收获**：

- 先写具体类型

> 少写错代码。
>
> —— 王磊

### 闪电演讲

（示例云） · 11:00

内容。

## 第 2 天 · 2025年9月13日（周六）

### 第二天的分享

Ann Lee, Bob Stone · 2025年9月13日 10:00 · 30 分钟

内容。

> A writer's quote, of no speaker here.
>
> — Rob Pike

## 总结

再见。
"""


def test_day_headings_bylines_quotes_and_the_event_line(tmp_path: Path) -> None:
    imported = _import(tmp_path, DAYS)
    recap = imported.recap
    assert (recap.event.name, recap.event.url) == ("示例大会", "https://conf.example.org")
    assert recap.event.venue == "杭州 国际会议中心"
    assert recap.extra["unplaced"] == ("2025年9月12日–13日",)  # no date is guessed
    assert recap.lead == "导语。"
    opening, lightning, second = recap.talks
    assert opening.kind == "keynote"
    assert opening.speakers == (Speaker("王磊", affiliation="示例支付", role="CTO"),)
    assert (opening.day, opening.start, opening.duration) == (
        date(2025, 9, 12),
        time(9, 30),
        timedelta(minutes=50),
    )
    assert (opening.track, opening.room) == ("主会场", "A 厅")
    assert [(t.text, t.kind) for t in opening.takeaways] == [
        ("先写具体类型", TakeawayKind.INSIGHT),
        ("少写错代码。", TakeawayKind.QUOTE),
    ]
    assert opening.summary == "开场。"
    assert lightning.speakers == (Speaker(affiliation="示例云"),)  # no name made up
    assert lightning.day == date(2025, 9, 12)  # from the day's heading
    assert second.speakers == (Speaker("Ann Lee"), Speaker("Bob Stone"))
    assert second.day == date(2025, 9, 13)
    # a quote of someone who is not the talk's speaker is the writer's text
    assert second.takeaways == ()
    assert second.summary is not None and "— Rob Pike" in second.summary
    assert recap.summary == "再见。"


def test_lines_that_only_look_like_bylines_stay_text(tmp_path: Path) -> None:
    body = """## 第一场

概述 · 云原生

正文。

## 第二场

王磊 · 主会场

正文。

## 第三场

嘉宾：示例科技有限公司

> 一段引用，没有署名。
"""
    imported = _import(tmp_path, body)
    first, second, third = imported.recap.talks
    # without a time, a track cannot be told from a name: the line stays the writer's
    assert first.speakers == () and first.summary is not None and "概述 · 云原生" in first.summary
    assert second.speakers == () and second.track is None
    assert second.summary is not None and "王磊 · 主会场" in second.summary
    # a company without parentheses is not made a person, and is reported
    assert third.speakers == ()
    assert any(n.why.startswith("speaker without a name") for n in imported.unplaced)
    assert third.takeaways == () and third.summary is not None and "一段引用" in third.summary


def test_an_event_line_is_read_only_where_the_layout_puts_it(tmp_path: Path) -> None:
    body = """导语。

Brian Ketelsen

## 第一场

王磊 · 13:40

正文。
"""
    recap = _import(tmp_path, body).recap
    assert recap.event.name == "周末沙龙回顾"  # a short line alone is not the event's name
    assert recap.lead is not None and "Brian Ketelsen" in recap.lead


def test_a_short_word_under_prose_headings_makes_no_talks(tmp_path: Path) -> None:
    body = """社区的规章。

[工程师相处指南](https://blog.example.org/guide)

## 加入

志愿者

- 首先必须是成员

## 变迁

志愿者

- 连续三次没有参与
"""
    recap = _import(tmp_path, body).recap
    assert recap.talks == ()  # "志愿者" could be a name, but says nothing of a talk
    assert recap.event.name == "周末沙龙回顾"  # a lone link is not the event's line
    assert recap.lead is not None and "工程师相处指南" in recap.lead
