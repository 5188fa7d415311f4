"""The event facts list (``- **时间**：…``, ``- **Where**: …``) into Event fields."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from recapkit.data.text_checks import is_http_url
from recapkit.importing.blocks import Block, Kind
from recapkit.importing.inline import anchors, plain, split_label
from recapkit.importing.notes import Note, short
from recapkit.importing.vocabulary import EVENT_FACTS

_LIST_SEPARATORS = re.compile(r"\s*(?:、|，|, )\s*")
_NUMBER = re.compile(r"^\D{0,3}(\d[\d,]*)")


def is_facts(block: Block, *, in_event: bool = False) -> bool:
    """A list whose items are mostly event facts: more than half, and at least two outside an
    event section."""
    if block.kind is not Kind.LIST:
        return False
    labels = [split_label(item.source) for item in block.items]
    known = sum(1 for found in labels if found and found[0] in EVENT_FACTS)
    return known >= (1 if in_event else 2) and known * 2 > len(block.items)


def read_facts(block: Block, facts: dict[str, Any], notes: list[Note]) -> list[str]:
    """Fill *facts* (Event fields) from a facts list; returns the items it could not place."""
    kept = []
    for item in block.items:
        found = split_label(item.source)
        field = EVENT_FACTS.get(found[0]) if found else None
        placed = found is not None and field is not None and _fact(field, found[1], facts)
        if not placed and field != "talks":  # the number of talks is the talks' own count
            kept.append(item.source)
            if field == "when":
                notes.append(
                    Note(
                        item.line,
                        short(plain(found[1]) if found else item.source),
                        "event time not read, kept in extra.unplaced",
                    )
                )
    return kept


def _fact(field: str, rest: str, facts: dict[str, Any]) -> bool:
    text = plain(rest)
    links = [a for a in anchors(rest) if not a.image]
    if field == "where" and text:
        facts["venue"] = text
    elif field == "online" and links and is_http_url(links[0].url):
        facts["online_url"] = links[0].url
    elif field in ("organizers", "sponsors") and text:
        facts[field] = tuple(p for p in _LIST_SEPARATORS.split(text) if p)
    elif field == "attendance" and (number := _NUMBER.match(text)):
        facts["attendance"] = int(number.group(1).replace(",", ""))
    elif field == "link" and len(links) == 1:
        facts["url"], facts["name"] = links[0].url, links[0].text or facts.get("name")
    elif field == "name" and text:
        facts["name"] = text
    else:
        return False
    return True


def counts_talks(blocks: Sequence[Block]) -> bool:
    """Whether a facts list states how many talks there were (``**分享**：4 场``)."""
    for block in blocks:
        if is_facts(block):
            labels = (split_label(item.source) for item in block.items)
            if any(found and EVENT_FACTS.get(found[0]) == "talks" for found in labels):
                return True
    return False
