"""Speakers as writers name them: ``嘉宾：王磊（示例支付）``, ``Speakers: Ann (Acme, CTO), Bo``,
``Speaker: Ann Lee, Acme``, ``by Ann Lee``, or a name after ``—``/``|`` in a talk's heading.

A speaker is only ever what the text names: a part that does not look like a person's name
is not made into one (see :func:`person`); a company in parentheses with no name before it
(``嘉宾：（示例科技）``) is a speaker known only by affiliation, never given a name.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from attrs import frozen

from recapkit._text import lazy_pattern
from recapkit.importing.inline import anchors, plain, split_label
from recapkit.importing.vocabulary import PLURAL_SPEAKER_LABELS, SPEAKER_LABELS

if TYPE_CHECKING:
    from recapkit.data.model import Speaker

_EN_SEPARATORS = re.compile(r"\s*(?:、|，|,|;|；|&|\band\b)\s*")
_AND = re.compile(r"\s*(?:&|\band\b|、)\s*")
# "(@ann)" after a name is an account, not an organisation.
_HANDLE_PAREN = re.compile(r"\s*[（(]@[\w.-]+[)）]")
_ZH_SEPARATORS = re.compile(r"\s*(?:、|;|；|&|和|与|/)\s*")
_PAREN = re.compile(r"^(?P<name>.*?)\s*[（(](?P<inside>[^()（）]*)[)）]\s*$")
_INSIDE_SEPARATORS = re.compile(r"\s*(?:、|，|, )\s*")
# A name: 2-4 Han characters (an optional middle dot), or one to four words of letters.
_HAN_NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}(?:[·•][\u4e00-\u9fff]{1,6})?$")


_latin_name = lazy_pattern(r"^[A-Za-zÀ-ÿ][\w.'’-]*(?: [A-Za-zÀ-ÿ][\w.'’-]*){0,3}$")


_HANDLE = re.compile(r"^@?[A-Za-z][\w.-]{1,30}$")
_BY = re.compile(r"^(?:by|By|BY)\s+(?P<rest>\S.*)$")
# Words that make a heading's tail a subtitle, not a name ("Go 1.24 - What's New").
_TITLE_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "of",
        "in",
        "on",
        "for",
        "to",
        "with",
        "from",
        "how",
        "what",
        "why",
        "when",
        "new",
        "intro",
        "introduction",
        "part",
        "lessons",
        "learned",
        "deep",
        "dive",
        "keynote",
        "talk",
        "session",
        "panel",
        "workshop",
        "demo",
        "q&a",
        "recap",
        "overview",
        "update",
        "state",
        "go",
        "rust",
        "python",
    ]
)


# In a heading's tail a name must look more like one: 2-3 Han characters (4 with a two-character
# surname), Title-case Latin words.
_heading_han_name = lazy_pattern(
    r"^(?:[\u4e00-\u9fff]{2,3}|(?:欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|令狐|长孙|宇文|司徒|夏侯|端木|南宫)"
    r"[\u4e00-\u9fff]{1,2})$"
)


_NAME_WORD = re.compile(
    r"^(?:[A-Z](?:[a-zà-ÿ]+|['’][A-Z][a-zà-ÿ]+)(?:-[A-Z]?[a-zà-ÿ]+)*|[A-Z]\.|Ma?c[A-Z][a-zà-ÿ]+)$"
)
_PARTICLES = frozenset(
    {"van", "von", "de", "der", "den", "da", "di", "du", "del", "la", "le", "bin"}
)
_SITES = frozenset(
    {
        "知乎",
        "简书",
        "掘金",
        "微信",
        "博客园",
        "思否",
        "豆瓣",
        "微博",
        "百度",
        "腾讯",
        "阿里",
        "华为",
    }
)
_NAME_QUOTED = re.compile(r"^(?P<name>[\u4e00-\u9fff]{2,4})\s*(?P<title>《[^《》]+》)$")
_HEADING_TAIL = re.compile(r"^(?P<title>.+?)\s*(?:——|—|–|\s\|\s|\s-\s)\s*(?P<tail>[^—–|]+)$")


@frozen
class Found:
    """What a speaker line said: the speakers, and the text kept for the talk (a company with
    no person, a part that is no name)."""

    speakers: tuple[Speaker, ...]
    kept: tuple[str, ...] = ()


def speaker_line(source: str) -> Found | None:
    """The speakers of a labelled line (``嘉宾：…``, ``Speaker: …``, ``by …``), else None."""
    by = _BY.match(source)
    if by:  # "By now, ..." is prose: only a line of names counts
        found = people(by.group("rest"), plural=True, chinese=False)
        strict = all(s.name is not None and strict_name(s.name) for s in found.speakers)
        return found if found.speakers and not found.kept and strict else None
    labelled = split_label(source)
    if labelled is None or labelled[0] not in SPEAKER_LABELS:
        return None
    label, rest = labelled
    return people(rest, plural=label in PLURAL_SPEAKER_LABELS, chinese=_cjk(label))


def people(source: str, *, plural: bool, chinese: bool | None = None) -> Found:
    """The speakers of *source* (Markdown): ``Name（Org、Role）`` parts.

    Chinese (a Chinese label, or Chinese text): people are separated by ``、`` (or 和, 与, /), and
    ``王磊，示例科技 CTO`` is a name and its organisation. English, *plural* (``Speakers:``):
    by ``,``/``and``; singular (``Speaker: Ann Lee, Acme``): by ``and``/``&``, and a comma
    names the organisation.
    """
    urls = {a.text: a.url for a in anchors(source) if not a.image}
    text = plain(source).rstrip("。.")
    chinese = _cjk(text) if chinese is None else chinese
    one_list = not chinese and plural  # "Speakers: Ann, Bob": commas separate people
    separators = _EN_SEPARATORS if one_list else _ZH_SEPARATORS if chinese else _AND
    parts = [p for p in _split_top(text, separators) if p]
    if not one_list:  # "王磊，示例科技", "Speaker: Ann Lee (@ann), Acme": a comma names the org
        parts = [_comma_to_paren(_HANDLE_PAREN.sub("", part)) for part in parts]
    speakers: list[Speaker] = []
    kept: list[str] = []
    for part in parts:
        speaker = person(part, urls)
        if speaker is None:
            kept.append(part)
        else:
            speakers.append(speaker)
    return Found(tuple(speakers), tuple(kept))


def _comma_to_paren(part: str) -> str:
    """``王磊，示例科技 CTO`` as ``王磊（示例科技 CTO）``: in Chinese a comma after a name
    introduces where the person works."""
    match = None if _PAREN.match(part) else re.search(r"\s*[，,]\s*", part)
    if match is None or not part[match.end() :].strip():
        return part
    return f"{part[: match.start()]}（{part[match.end() :].strip()}）"


def _split_top(text: str, separators: re.Pattern[str]) -> list[str]:
    """*text* split at the *separators* that are outside parentheses."""
    parts, depth, start = [], 0, 0
    for match in re.finditer(r"[（(]|[)）]|" + separators.pattern, text):
        token = match.group()
        if token in "（(":
            depth += 1
        elif token in ")）":
            depth = max(0, depth - 1)
        elif depth == 0:
            parts.append(text[start : match.start()].strip())
            start = match.end()
    parts.append(text[start:].strip())
    return parts


def person(part: str, urls: dict[str, str] | None = None) -> Speaker | None:
    """``Name``, ``Name (Org)`` or ``Name（Org、Role）`` as a Speaker; ``（Org）`` alone (as
    writers note a company whose speaker they do not name, and as recapkit renders a speaker
    known only by affiliation) as a nameless one; None when no name is there."""
    match = _PAREN.match(part)
    name, inside = (match.group("name"), match.group("inside")) if match else (part, "")
    name = name.strip()
    bits = [b for b in _INSIDE_SEPARATORS.split(inside.strip()) if b] if inside.strip() else []
    affiliation = bits[0] if bits else None
    role = "、".join(bits[1:]) if len(bits) > 1 and _cjk(inside) else ", ".join(bits[1:]) or None
    if not name and affiliation is not None:  # "（示例云）": a company with no person named
        return _speaker(affiliation=affiliation, role=role or None, url=(urls or {}).get(part))
    if not looks_like_name(name):
        return None
    url = (urls or {}).get(name)
    return _speaker(name=name, affiliation=affiliation, role=role or None, url=url)


def _speaker(
    name: str | None = None,
    affiliation: str | None = None,
    role: str | None = None,
    url: str | None = None,
) -> Speaker:
    # The model is imported on the first speaker found: the recap rules ask this module about
    # the headings of every post, and most name nobody (the model is a sixth of a one-file run).
    from recapkit.data.model import Speaker

    return Speaker(name=name, affiliation=affiliation, role=role, url=url)


def looks_like_name(text: str) -> bool:
    """A person's name as written in a recap: Chinese, Latin words or a handle; not a sentence."""
    if not text or len(text) > 40:
        return False
    if _HAN_NAME.match(text) or _HANDLE.match(text):
        return True
    return bool(_latin_name().match(text)) and not any(c.isdigit() for c in text)


def heading_speakers(title: str) -> tuple[str, Found] | None:
    """``(title, speakers)`` for a heading that ends with a name: ``Title — Ann Lee``,
    ``标题 | 王磊（示例云）``, or starts with one before a quoted title: ``李明《标题》``; None
    when the tail could be a subtitle."""
    quoted = _NAME_QUOTED.match(title)
    if quoted and looks_like_name(quoted.group("name")):
        return quoted.group("title"), Found((_speaker(name=quoted.group("name")),))
    match = _HEADING_TAIL.match(title)
    if match is None or (_cjk(match.group("title")) != _cjk(match.group("tail")) and "|" in title):
        return None  # "相关阅读 | Related Reading": the same heading in two languages
    tail = match.group("tail").strip()
    core = _PAREN.match(tail)
    name = (core.group("name") if core else tail).strip()
    words = name.casefold().split()
    if core is None and (len(words) < 2 and not _HAN_NAME.match(name)):
        return None  # "Go - Intro", "Part - 2": a single word is no surname-and-name
    if any(word in _TITLE_WORDS for word in words) or name in _SITES:
        return None  # "怎样提升文笔? - 知乎": a page's title and its site
    if not strict_name(name):
        return None
    found = people(tail, plural=True)
    return (match.group("title").strip(), found) if found.speakers and not found.kept else None


def strict_name(name: str) -> bool:
    """A name where no label says one is expected (a heading's tail, after "by", a byline)."""
    return bool(_heading_han_name().match(name)) or _capitalised(name)


def _capitalised(name: str) -> bool:
    """Two or three words spelt like a person's name: ``Ann Lee``, ``Dan O'Neil``, ``Jan van
    Dijk``; not ``Parsing LLVM IR`` (an -ing verb, words in capitals)."""
    parts = name.split()
    if not 2 <= len(parts) <= 3 or (parts[0].casefold().endswith("ing") and len(parts[0]) > 5):
        return False
    words_ok = all(_NAME_WORD.match(p) or p in _PARTICLES for p in parts)
    return words_ok and _NAME_WORD.match(parts[-1]) is not None


def _cjk(text: str) -> bool:
    return bool(re.search(r"[\u3000-\u9fff\uff00-\uffef]", text))
