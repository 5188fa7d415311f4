"""Slides and video links: the text shortcut that spares a section's blocks their parse never
misses a link the importer would call slides or a video."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from recapkit.importing.inline import anchors
from recapkit.importing.links import Media, may_link_media, media_of
from tests.importing.test_inline import PIECES

# Labels, hosts, paths and file endings media_of knows, in other cases and widths, and near
# misses: what decides whether a link is media.
MEDIA_PIECES = (
    "[PPT](x)",
    "[Slide Deck](x)",
    "[录像回放](x)",
    "[Recording](x)",
    "[讲稿](",
    "https://YouTu.be/a",
    "https://m.youtube.com/watch",
    "https://www.bilibili.com/video/1",
    "http://ｙｏｕｔｕｂｅ.com/a",
    "https://docs.google.com/Presentation/d/1",
    "https://go.dev/talks/2024",
    "https://talks.golang.org/x",
    "https://example.com/deck.PDF",
    "https://example.com/deck.key",
    "https://example.com/a.odp?x=1",
    "https://infoq.cn/video/1",
    "https://v.qq.com/x",
    "https://slid.es/a",
    "https://notyoutube.com/a",
    ".pd",
    "vid",
    "幻",
    "灯",
)

texts = st.lists(st.sampled_from(PIECES + MEDIA_PIECES), max_size=12).map("".join)


@given(texts)
def test_text_said_to_link_no_media_links_none(source: str) -> None:
    found = [a for a in anchors(source) if not a.image and media_of(a.url, a.text)]
    if not may_link_media(source):
        assert found == []


def test_media_text_is_looked_at_and_plain_text_is_not() -> None:
    assert may_link_media("[回放](https://example.com/v)")
    assert media_of("https://example.com/v", "回放") is Media.VIDEO
    assert may_link_media("见 [这里](https://WWW.YOUTUBE.COM/watch?v=1)")
    assert may_link_media("[deck](https://example.com/a.PPTX)")
    assert may_link_media("[&#x5E7B;灯](x)")  # an entity may spell a label: parsed
    assert not may_link_media("[Go 泛型](https://go.dev/blog/generics) 讲师：王磊")
