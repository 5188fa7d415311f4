"""``import`` on any Markdown built from the pieces real recaps are made of: it gives a valid recap
or refuses with a clear error, never a crash, and never a speaker the text does not name."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recapkit.importing.assemble import PostImportError, import_post

PIECES = (
    "## ",
    "##",
    "### 1. ",
    "# ",
    "\n",
    "\n\n",
    "- ",
    "* ",
    "1. ",
    "2) ",
    "**",
    "*",
    "_",
    "`",
    "嘉宾：",
    "讲师:",
    "Speaker: ",
    "Speakers: ",
    "by ",
    "By ",
    "— ",
    " - ",
    " | ",
    "（",
    "）",
    "(",
    ")",
    "、",
    ", ",
    "王磊",
    "Ann Lee",
    "示例云",
    "Acme",
    "《",
    "》",
    "分享的主题如下：",
    "The talks:",
    "[PPT](https://speakerdeck.com/x)",
    "[视频](https://www.bilibili.com/video/1)",
    "[x](/a b)",
    "![alt text](/img/a.jpg)",
    "![](x.png)",
    "![IMG_1.JPG](/i.jpg)",
    "{% asset_img a.png %}",
    "<!--more-->",
    "TODO(recapkit): x",
    "总结",
    "Summary",
    "关键词",
    "收获",
    "Takeaways",
    "现场照片",
    "**时间**：",
    "**Where**: ",
    "13:40 · 40 min",
    "~ 10:17 ",
    "```",
    "-\n",
    "<div>",
    "> ",
    "|a|b|\n|-|-|",
    "泛型",
    "tracing",
    "0",
    "\t",
    "    ",
    "：",
    ":",
    "\u3000",
    "\r\n",
)
bodies = st.lists(st.sampled_from(PIECES) | st.text(max_size=8), max_size=60).map("".join)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=bodies)
def test_any_body_imports_or_is_refused_cleanly(body: str, tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text(f"---\ntitle: A meetup\ndate: 2024-05-01\n---\n{body}", encoding="utf-8")
    try:
        imported = import_post(post)
    except PostImportError:
        return
    typed = _bare(body)
    for talk in imported.recap.talks:
        for speaker in talk.speakers:  # a speaker is only ever a name the writer typed
            assert _bare(speaker.name) in typed
    for note in imported.unplaced:
        assert 0 <= note.line <= body.count("\n") + 4


def _bare(text: str) -> str:
    """*text* without Markdown's emphasis and escape characters and without spaces."""
    return "".join(c for c in text if c not in "*_`\\" and not c.isspace())
