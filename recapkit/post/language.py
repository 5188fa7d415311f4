"""A post's language: what its front matter says, else its site's default, else what its prose is.

Language-specific style rules (the RK6 CJK rules apply to Chinese posts only) ask
:func:`post_language`. The answer is a primary language subtag (``zh`` for ``zh-CN``, ``zh_Hans``
or ``zh-hans``) or None when nothing says and the prose is too short to tell.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from typing import Any

from recapkit._text import lazy_pattern
from recapkit.post.prose import Piece, prose_pieces
from recapkit.post.types import Post

POST_KEYS = ("lang", "language")
"""Front matter keys that name a post's language (Hugo's ``lang``-less ``languageCode`` is a
site key; the themes of every generator read ``lang``, and Hexo's i18n plugins ``lang`` or
``language``)."""

CJK_SHARE = 0.25
"""A post whose prose has at least this share of CJK characters among its letters is Chinese.
One Chinese character carries about what one English word of four or five letters does, so a
Chinese post full of English product names still stays far above it, and an English post quoting
a Chinese name far below."""
_MIN_LETTERS = 20
"""Fewer letters than this say nothing about a language."""

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_KANA = "\u3041-\u3096\u30a1-\u30fa"
_HANGUL = "\uac00-\ud7a3"


# Runs of CJK letters, then kana and Hangul among them only: one pass over the text, not one a
# script, and a match a run, not a letter (the importer reads each recap's language). Compiled
# on first use: a one-file lint run rarely asks.
@functools.cache
def _letter_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    return (
        re.compile(f"[{_HAN}{_KANA}{_HANGUL}]+"),
        re.compile(f"[{_KANA}]+"),
        re.compile(f"[{_HANGUL}]+"),
    )


# Latin letters are the ASCII bytes A-Z and a-z of the UTF-8 text (a longer sequence's bytes are
# all 0x80 or more): bytes.translate deletes the others in C.
_NOT_LATIN = bytes(b for b in range(256) if not (0x41 <= b <= 0x5A or 0x61 <= b <= 0x7A))


# A writer's spelling of a language tag: `zh-CN`, `zh_cn`, `zh-Hans`, `en-us`. Hexo's themes
# also use `cn` for Chinese.
_tag = lazy_pattern(r"^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*\s*$")


_ALIASES = {"cn": "zh", "chs": "zh", "cht": "zh", "zho": "zh", "chi": "zh", "eng": "en"}


def language_tag(value: Any) -> str | None:
    """The primary subtag of a language value, lower-case (``zh-CN`` → ``zh``); the first of a
    list (Hexo's ``language: [zh-CN, en]`` makes the first the default); None when *value* is
    no language tag."""
    if isinstance(value, list | tuple):
        value = value[0] if value else None
    if not isinstance(value, str):
        return None
    match = _tag().match(value)
    if match is None:
        return None
    primary = match.group(1).lower()
    return _ALIASES.get(primary, primary)


def site_language(config: Mapping[str, Any], keys: Sequence[str]) -> str | None:
    """The default language a site's *config* states under the first of *keys* it has (a
    generator's own list; Hugo reads its config keys case-insensitively, so we do too)."""
    lowered = {str(key).lower(): value for key, value in config.items()}
    for key in keys:
        value = config.get(key, lowered.get(key.lower()))
        tag = language_tag(value)
        if tag is not None:
            return tag
    return None


def text_language(text: str) -> str | None:
    """What *text* is written in, by its letters: ``zh``, ``ja`` (kana among the Han
    characters), ``ko`` (mostly Hangul) when CJK letters reach :data:`CJK_SHARE`, else ``en``
    (Latin letters: the rules only need to tell CJK from the rest); None below a readable
    amount."""
    han, kana, hangul, latin = letter_counts(text)
    cjk = han + kana + hangul
    letters = cjk + latin
    if letters < _MIN_LETTERS:
        return None
    if cjk < CJK_SHARE * letters:
        return "en"
    if hangul > han + kana:
        return "ko"
    return "ja" if kana * 10 >= han + kana else "zh"


def letter_counts(text: str) -> tuple[int, int, int, int]:
    """How many Han, kana, Hangul and Latin letters *text* has."""
    cjk_letters, kana_letters, hangul_letters = _letter_patterns()
    cjk_text = "".join(cjk_letters.findall(text))
    kana = _count(kana_letters, cjk_text)
    hangul = _count(hangul_letters, cjk_text)
    han = len(cjk_text) - kana - hangul  # the three ranges do not overlap
    latin = text.encode("utf-8", "surrogatepass").translate(None, _NOT_LATIN)
    return han, kana, hangul, len(latin)


def _count(letters: re.Pattern[str], text: str) -> int:
    return sum(map(len, letters.findall(text)))


def written_language(post: Post, pieces: Sequence[Piece] | None = None) -> str | None:
    """The language of the post's prose (see :func:`text_language`); *pieces*: its prose
    pieces, when the caller has them already."""
    if pieces is None:
        pieces = prose_pieces(post)
    return text_language("".join(post.text[p.start : p.end] for p in pieces))


def post_language(
    post: Post, site_default: str | None = None, pieces: Sequence[Piece] | None = None
) -> str | None:
    """The language of *post*: its ``lang``/``language`` key, else *site_default* (what the
    site's config states, see :func:`site_language`), else the language of its prose."""
    for key in POST_KEYS:
        tag = language_tag(post.data.get(key))
        if tag is not None:
            return tag
    return site_default or written_language(post, pieces)
