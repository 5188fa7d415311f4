"""A keyword list (``* **K8S**：容器编排``, ``- **eBPF**: note``) as the recap's highlights."""

from __future__ import annotations

import re

from recapkit.data.model import Highlight
from recapkit.importing.blocks import Block, Kind, field_text
from recapkit.importing.inline import plain

_TERM = re.compile(
    r"^(?:\*\*|__)(?P<term>[^*_\n]+?)\s*(?P<c1>[:：]?)(?:\*\*|__)\s*(?P<c2>[:：]?)[ \t]*(?P<note>.*)$",
    re.DOTALL,
)


def highlights(block: Block) -> tuple[Highlight, ...] | None:
    """The highlights of a list whose every item is a bold term (with an optional note)."""
    if block.kind is not Kind.LIST or not block.items:
        return None
    found = []
    for item in block.items:
        match = _TERM.match(item.source)
        if match is None or "\n" in match.group("term"):
            return None
        note = field_text(match.group("note"))
        if note and not (match.group("c1") or match.group("c2")):  # "**Bold** prose" is prose
            return None
        found.append(Highlight(term=plain(match.group("term")), note=note or None))
    return tuple(found)
