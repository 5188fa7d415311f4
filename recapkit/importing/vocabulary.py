"""The words writers use, in Chinese and English, for the parts of a recap (casefolded).

One table, so the section reader, the speaker reader and the link reader agree; a word added
here is recognised everywhere.
"""

from __future__ import annotations

import re

SPEAKER_LABELS = frozenset(
    {
        "嘉宾",
        "分享嘉宾",
        "演讲嘉宾",
        "讲师",
        "分享人",
        "讲者",
        "演讲者",
        "主讲",
        "主讲人",
        "分享者",
        "speaker",
        "speakers",
        "presenter",
        "presenters",
        "by",
    }
)
PLURAL_SPEAKER_LABELS = frozenset({"speakers", "presenters"})
"""English plural labels: a comma separates people (singular ``Speaker: X, Org`` names an org)."""

TIME_LABELS = frozenset({"时间", "time"})
TRACK_LABELS = frozenset({"专场", "track"})
ROOM_LABELS = frozenset({"会场", "room"})
KIND_LABELS = frozenset({"形式", "format"})
# A talk's format as the built-in labels write it (labels.j2 `kind_*`), lower-cased.
KIND_WORDS = {
    "keynote": "keynote", "主题演讲": "keynote",
    "panel": "panel", "圆桌讨论": "panel",
    "lightning talk": "lightning", "闪电演讲": "lightning",
    "workshop": "workshop", "工作坊": "workshop",
    "break": "break", "休息": "break",
}  # fmt: skip
ABSTRACT_LABELS = frozenset({"摘要", "简介", "abstract"})
SLIDES_LABELS = frozenset(
    {"幻灯片", "幻灯", "ppt", "slides", "slide", "slide deck", "讲稿", "演示文稿", "课件"}
)
VIDEO_LABELS = frozenset({"视频", "录像", "回放", "video", "videos", "recording"})
LINKS_LABELS = frozenset({"相关链接", "链接", "参考链接", "links", "resources", "references"})

TAKEAWAYS_HEADINGS = frozenset({"收获", "要点", "takeaways", "key takeaways"})
PHOTOS_HEADINGS = frozenset({"现场照片", "照片", "现场图片", "photos", "pictures"})
EVENT_HEADINGS = frozenset(
    {"活动信息", "活动简介", "event", "event info", "about the event", "the event"}
)
SUMMARY_HEADINGS = frozenset(
    {
        "总结",
        "写在最后",
        "最后",
        "结语",
        "小结",
        "后记",
        "summary",
        "wrap-up",
        "wrap up",
        "conclusion",
        "closing",
        "closing thoughts",
        "final thoughts",
    }
)
HIGHLIGHTS_HEADINGS = frozenset({"关键词", "趋势", "亮点", "keywords", "trends", "highlights"})

# Headings over the talks ("## Talks" above "### Talk title"): neither a talk nor text.
CONTAINER_HEADINGS = frozenset(
    {
        "talks",
        "the talks",
        "sessions",
        "talk recaps",
        "分享回顾",
        "分享内容",
        "议题回顾",
        "精彩回顾",
        "内容回顾",
        "演讲",
        "议题",
        "分享",
    }
)

# Sections of a recap that are no talk: they stay in the lead or the summary as text.
NOT_TALK_HEADINGS = frozenset(
    {
        "前言",
        "引言",
        "背景",
        "概况",
        "活动概况",
        "议程",
        "日程",
        "流水",
        "讨论",
        "问答",
        "合影",
        "大合影",
        "花絮",
        "抽奖",
        "预告",
        "报名",
        "资料",
        "媒体资料",
        "附",
        "附录",
        "附件",
        "统计",
        "数据",
        "作业",
        "致谢",
        "感谢",
        "巡阅",
        "是也乎",
        "视频",
        "录音",
        "录音+幻灯",
        "intro",
        "introduction",
        "overview",
        "agenda",
        "schedule",
        "q&a",
        "thanks",
        "thank you",
        "acknowledgements",
        "credits",
        "resources",
        "videos",
        "slides",
        "slide decks",
        "sponsors",
        "stats",
        "statistics",
        "feedback",
        "about",
        "about us",
        "appendix",
        "ps",
        "相关阅读",
        "延伸阅读",
        "扩展阅读",
        "参考",
        "参考资料",
        "参考文献",
        "related reading",
        "further reading",
    }
)

# Event facts, by label -> the Event field they fill.
EVENT_FACTS = {
    **dict.fromkeys(("时间", "when", "date"), "when"),
    **dict.fromkeys(("地点", "where", "venue", "地址", "场地"), "where"),
    **dict.fromkeys(("线上", "online", "直播"), "online"),
    **dict.fromkeys(
        ("主办方", "主办", "organisers", "organizers", "organiser", "organizer"), "organizers"
    ),
    **dict.fromkeys(("赞助方", "赞助", "sponsors", "sponsor"), "sponsors"),
    **dict.fromkeys(("参与人数", "人数", "attendance", "attendees"), "attendance"),
    **dict.fromkeys(("分享", "talks", "议题数"), "talks"),
    **dict.fromkeys(("链接", "link", "官网", "website"), "link"),
    **dict.fromkeys(("活动名称", "活动", "event", "name"), "name"),
}

# "分享的主题如下：", "The talks were:", "议程："
OVERVIEW_INTRO = re.compile(
    r"(主题|议题|分享|议程|日程|talks?|topics?|agenda|schedule|line-?up|sessions?)[^\n]{0,12}[:：]\s*$",
    re.IGNORECASE,
)

# A title that names an event or a write-up of one.
EVENT_WORDS = re.compile(
    r"回顾|总结|小结|纪要|复盘|大会|峰会|沙龙|年会|聚会|分享会|技术日|黑客松|meetup|recap|"
    r"retrospective|write-?up|conference|summit|devfest|gophercon|pycon|hackathon",
    re.IGNORECASE,
)

TODO_MARK = "TODO(recapkit):"


def words(text: str) -> str:
    """*text* as a label to look up: casefolded, without outer punctuation and spaces."""
    return text.strip().strip("#:：*_ 　").casefold()
