"""Which parser turns a post's Markdown body into tokens: pyromark, or markdown-it-py.

Both give the same tokens where tested (:mod:`recapkit.post.native` builds markdown-it-py's from
pyromark's events and leaves the bodies the two grammars read otherwise to markdown-it-py; the
known differences are in ``docs/posts.md``); pyromark, in Rust, is the faster. ``RECAPKIT_MARKDOWN_PARSER=markdown-it-py`` picks the
pure-Python parser instead: for comparing the two (``bench/findings_parity.py --parsers``), or
to rule the parser out when a finding looks wrong. Where pyromark is not installed (a platform
without its wheel), markdown-it-py is used.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from recapkit.errors import UsageError

if TYPE_CHECKING:
    from recapkit.post.token import Token

ENVIRONMENT = "RECAPKIT_MARKDOWN_PARSER"
NATIVE = "native"
PURE = "markdown-it-py"


def parser_name() -> str:
    """The parser this process uses: ``native`` or ``markdown-it-py``.

    Raises :class:`~recapkit.errors.UsageError` for another value of
    ``RECAPKIT_MARKDOWN_PARSER``.
    """
    name = os.environ.get(ENVIRONMENT, "").strip() or NATIVE
    if name not in (NATIVE, PURE):
        raise UsageError(f"{ENVIRONMENT}={name!r} is no parser: use {NATIVE!r} or {PURE!r}")
    if name == NATIVE and not _native_available():
        return PURE
    return name


def body_parser() -> Callable[[str], list[Token]]:
    """The function that parses a body (see :func:`recapkit.post.markdown.markdown_source`)."""
    if parser_name() == NATIVE:
        from recapkit.post.native import parse_tokens
    else:
        from recapkit.post.markdown_it_parse import parse_tokens
    return parse_tokens


def parser_stamp() -> str:
    """The parser this process uses and the releases of the packages it parses with
    (``native 0.10.3 4.3.0``: pyromark, and markdown-it-py for the bodies left to it): findings
    cached under one parser, or one release of it, are not reused under another."""
    pure = _release("markdown_it", "markdown_it_py")
    if parser_name() == NATIVE:
        return f"{NATIVE} {_release('pyromark', 'pyromark')} {pure}"
    return f"{PURE} {pure}"


def _release(module: str, distribution: str) -> str:
    """The version in the name of *distribution*'s ``.dist-info`` folder beside *module*: read
    from one folder listing, where ``importlib.metadata`` costs about 70 ms a run."""
    spec = _spec(module)
    if spec is None or spec.origin is None:
        return ""
    packages = Path(spec.origin).parent.parent
    prefix = distribution.replace("-", "_").casefold() + "-"
    try:
        names = os.listdir(packages)  # noqa: PTH208  # names only: no path object each
    except OSError:
        return ""
    found = (n for n in names if n.casefold().startswith(prefix) and n.endswith(".dist-info"))
    return next((n[len(prefix) : -len(".dist-info")] for n in found), "")


def _spec(module: str) -> importlib.machinery.ModuleSpec | None:
    try:
        return importlib.util.find_spec(module)
    except (ImportError, ValueError):  # ValueError: sys.modules holds None for it
        return None


def _native_available() -> bool:
    return _spec("pyromark") is not None


def token_fields(tokens: list[Token]) -> list[tuple[object, ...]]:
    """What recapkit reads of *tokens*, one tuple per token and child, in order: where two
    parsers give the same list, they give the same findings (``bench/findings_parity.py
    --parsers`` and the parser tests compare them)."""
    fields: list[tuple[object, ...]] = []
    for token in tokens:
        content = token.content if token.type in _WITH_CONTENT else ""
        hidden = token.hidden if token.type.startswith("paragraph") else None
        where = tuple(token.map) if token.map else None
        fields.append(
            (token.type, where, token.level, token.nesting, token.tag, content, token.info, hidden)
        )
        fields.extend(_child_fields(child) for child in token.children or ())
    return fields


_WITH_CONTENT = frozenset({"inline", "html_block", "fence", "code_block"})
_CHILD_CONTENT = frozenset({"text", "code_inline", "html_inline"})
_URLS = ("src", "href", "title")


def _child_fields(child: Token) -> tuple[object, ...]:
    return (
        child.type,
        child.content if child.type in _CHILD_CONTENT else "",
        child.nesting,
        child.markup == "autolink",
        tuple((key, str(child.attrs[key])) for key in _URLS if key in child.attrs),
        child.meta.get("span"),
        tuple(_child_fields(inner) for inner in child.children or ()),
    )
