"""How each Markdown renderer turns a heading's text into its ``id`` (the ``#fragment`` a link
to the heading uses), and how it numbers repeats.

Each function states its renderer's rule from its source; the goldmark and kramdown ones were
checked with the real programs (Hugo 0.111.3, Jekyll 4.3.1 with kramdown 2.4.0 and
kramdown-parser-gfm 1.1.0) on CJK, punctuated and repeated headings
and hexo-renderer-marked 7.0.1's ``slugize`` was run under node on the same headings
(``tests/ssg/test_anchors.py`` holds what they produced). A generator picks the one its site
uses (:meth:`recapkit.ssg.base.Generator.heading_anchor`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable

from recapkit._text import lazy_pattern

Slugger = Callable[[str], str]
"""Heading text -> its id, before repeats are numbered."""


def goldmark_github(text: str) -> str:
    """Hugo's goldmark, ``autoHeadingIDType = "github"`` (the default).

    hugo markup/goldmark/autoid.go ``sanitizeAnchorNameWithHook``: the text trimmed; a space
    or ``-`` becomes ``-`` (each one: ``a & b`` -> ``a--b``); letters (any script, so Chinese
    stays), digits and ``_`` are kept, lower-cased; everything else, full-width punctuation
    included, is dropped. ``## 安装 Go`` -> ``安装-go``; ``## Go 1.21 发布：新特性`` ->
    ``go-121-发布新特性``.
    """
    return "".join(_goldmark_char(c) for c in text.strip())


def goldmark_github_ascii(text: str) -> str:
    """``autoHeadingIDType = "github-ascii"``: accents removed, the text trimmed, then every
    non-ASCII character dropped (after the trim: ``安装 Go`` -> ``-go``, as Hugo writes it)."""
    kept = (c for c in _without_accents(text).strip() if c.isascii())
    return "".join(_goldmark_char(c) for c in kept)


def _goldmark_char(char: str) -> str:
    if char in " -":
        return "-"
    if char == "_" or char.isalpha() or char.isdecimal():
        return char.lower()
    return ""


_non_word = lazy_pattern(r"[^\w\- \t]")


def kramdown_gfm(text: str) -> str:
    """Jekyll's default: kramdown with ``input: GFM`` (kramdown-parser-gfm
    ``generate_gfm_header_id``): lower-cased, every character that is not a word character
    (``\\p{Word}``: letters of any script, marks, digits, ``_``), ``-``, space or tab removed,
    then each space or tab becomes ``-``. Chinese stays: ``安装-go``."""
    return _non_word().sub("", text.lower()).replace(" ", "-").replace("\t", "-")


def kramdown_basic(text: str) -> str:
    """kramdown's own parser (``input: kramdown``), ``basic_generate_id``: everything before
    the first ASCII letter dropped, then every character but ``a-zA-Z0-9``, space and ``-``
    (so all Chinese), spaces -> ``-``, lower-cased; ``section`` when nothing is left."""
    kept = re.sub(r"^[^a-zA-Z]+", "", text)
    kept = re.sub(r"[^a-zA-Z0-9 \-]", "", kept).replace(" ", "-").lower()
    return kept or "section"


# hexo-util escapeDiacritic's letters that have no decomposition (node printed these).
_HEXO_LETTERS = str.maketrans(
    {"ß": "s", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
     "œ": "oe", "Œ": "OE", "ı": "i"}
)  # fmt: skip


_hexo_special = lazy_pattern(r"""[\s~`!@#$%^&*()\-_+=\[\]{}|\\;:"'<>,.?/]+""")


def hexo_slugize(transform: int = 0) -> Slugger:
    """hexo-renderer-marked 7: ``slugize(stripHTML(unescape(html)).trim(), {transform: modifyAnchors})``
    (hexo-util ``slugize``): accents removed, control characters dropped, each run of ASCII
    space and punctuation (``_`` included) becomes one ``-``, none at either end. Case is kept
    unless ``marked.modifyAnchors`` is 1 (lower) or 2 (upper); Chinese and full-width
    punctuation (``，``) stay: ``你好，世界`` -> ``你好，世界``."""

    def slug(text: str) -> str:
        plain = _without_accents(text.strip()).translate(_HEXO_LETTERS)
        result = re.sub(r"[\x00-\x1f]", "", plain)
        result = _hexo_special().sub("-", result).strip("-")
        return result.lower() if transform == 1 else result.upper() if transform == 2 else result

    return slug


def _without_accents(text: str) -> str:
    """Latin letters without their accents (``é`` -> ``e``), other scripts untouched."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    )


def numbered(slugs: Iterable[str]) -> list[str]:
    """The ids of headings in order: a repeat gets ``-1``, ``-2``, ... (goldmark, kramdown and
    hexo-renderer-marked all do this; checked for the first two with the real programs)."""
    seen: dict[str, int] = {}
    ids = []
    for slug in slugs:
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        ids.append(f"{slug}-{count}" if count else slug)
    return ids
