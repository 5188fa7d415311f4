"""The numbered talk list of a post's opening ("分享的主题如下：1. … 2. …", "The talks:") and
how its items are matched to the talks' sections."""

from __future__ import annotations

import re
from collections.abc import Sequence

from recapkit.importing.blocks import Block, Kind
from recapkit.importing.inline import plain
from recapkit.importing.vocabulary import (
    EVENT_HEADINGS,
    NOT_TALK_HEADINGS,
    OVERVIEW_INTRO,
    words,
)

# "议题包括但不局限于：", "topics such as:": a call for talks, not the talks given.
_EXAMPLES = re.compile(r"包括|不局限|不限于|例如|比如|such as|includ|e\.g\.", re.IGNORECASE)
_PUNCTUATION = re.compile(r"[\s\W_]+", re.UNICODE)


def find_overview(blocks: Sequence[Block]) -> int | None:
    """The index of the talk list: a list right after a line that announces it, whose every
    item is one short line."""
    for index in range(1, len(blocks)):
        block, before = blocks[index], blocks[index - 1]
        if before.kind is Kind.HEADING and before.level > 1 and not _opening(before):
            return None  # a list inside a talk's section outlines the talk
        if block.kind is not Kind.LIST or before.kind is not Kind.PARAGRAPH:
            continue
        intro = before.source.rstrip().split("\n")[-1]
        if (
            OVERVIEW_INTRO.search(intro)
            and not _EXAMPLES.search(intro)
            and all(_one_liner(i.source) for i in block.items)
        ):
            return index
    return None


def _opening(heading: Block) -> bool:
    """A heading of the post's opening part (its agenda, its event facts), not of a talk."""
    return words(plain(heading.source)) in NOT_TALK_HEADINGS | EVENT_HEADINGS


def _one_liner(source: str) -> bool:
    return "\n" not in source.strip() and 0 < len(source) <= 160


def item_title(source: str) -> str:
    """An item's title: its text without the closing full stop."""
    return " ".join(plain(source).rstrip("。.；;").split())


def key(title: str) -> str:
    """What two spellings of one title share: letters and digits, casefolded, 《》 and
    punctuation gone."""
    return _PUNCTUATION.sub("", title).casefold()


def matches(item: str, heading: str) -> bool:
    """Whether an overview item and a section heading name the same talk."""
    a, b = key(item), key(heading)
    if not a or not b:
        return False
    return a == b or (min(len(a), len(b)) >= 4 and (a in b or b in a))
