"""A talk's quote as the built-in layouts render it (a takeaway of kind ``quote``): a blockquote
whose last paragraph names the talk's speakers after a dash, ``—— 王磊`` / ``— Ann Lee``, with
the quote's links after them. A writer's blockquote of another shape stays in the talk's text."""

from __future__ import annotations

import re
from collections.abc import Sequence

from recapkit.data.model import Speaker, Takeaway, TakeawayKind
from recapkit.importing.inline import plain
from recapkit.importing.talk_parts import trailing_links

_MARK = re.compile(r"^ {0,3}> ?")
_DASH = re.compile(r"^(?:——|—)\s+")
_NOT_NAME = re.compile(r"[\s（）()、,，]+")


def read_quote(source: str, speakers: Sequence[Speaker], *, in_takeaways: bool) -> Takeaway | None:
    """The quote *source* (a blockquote) renders, or None. Its attribution must name exactly
    *speakers*; a quote of a talk without speakers has none, and is read only among the
    talk's takeaways (*in_takeaways*), where the layouts put quotes."""
    lines = source.split("\n")
    if not all(_MARK.match(line) for line in lines):
        return None
    paragraphs = "\n".join(_MARK.sub("", line, count=1) for line in lines).split("\n\n")
    last = paragraphs[-1].strip()
    dash = _DASH.match(last)
    body, links = trailing_links(last[dash.end() :] if dash else last)
    if dash and speakers and _key(body) == _key(_names(speakers)):
        text = "\n\n".join(paragraphs[:-1]).strip()
    elif not speakers and in_takeaways and not dash:
        if links and not body.strip():
            text = "\n\n".join(paragraphs[:-1]).strip()
        else:
            text, links = "\n\n".join(paragraphs).strip(), ()
    else:
        return None
    return Takeaway(text=text, kind=TakeawayKind.QUOTE, links=links) if text else None


def _names(speakers: Sequence[Speaker]) -> str:
    return "".join(s.name or f"{s.affiliation or ''}{s.role or ''}" for s in speakers)


def _key(text: str) -> str:
    return _NOT_NAME.sub("", plain(text))
