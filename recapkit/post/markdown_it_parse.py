"""The markdown-it-py parser: the reference the native parser is held to, and the parser of the
bodies where the two grammars part (:mod:`recapkit.post.native_limits`).

markdown-it-py gives block tokens a ``map`` (lines) but inline tokens no position at all.
We wrap the inline rules that make images, links, raw HTML and code spans so each such token
records where it starts and ends in its block's inline source (``token.meta["span"]``). Its
tokens are copied into :class:`recapkit.post.token.Token`, the one token class rules read.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token as MarkdownItToken

from recapkit.post.token import Token

_TRACKED = frozenset({"image", "link_open", "html_inline", "code_inline"})


class _Markdown(MarkdownIt):
    """A parser for linting: keeps every destination exactly as written.

    Rendering would percent-encode destinations and blank ``javascript:``/``file:`` ones;
    a linter needs what the writer typed (decoding is the resolver's job).
    """

    def normalizeLink(self, url: str) -> str:
        return url

    def normalizeLinkText(self, link: str) -> str:
        return link

    def validateLink(self, url: str) -> bool:
        return True


def _tracking(rule: Callable[[StateInline, bool], bool]) -> Callable[[StateInline, bool], bool]:
    def tracked(state: StateInline, silent: bool) -> bool:
        start, count = state.pos, len(state.tokens)
        if not rule(state, silent):
            return False
        if not silent:
            # A pending text token may be flushed first; the rule's own token follows it.
            for token in state.tokens[count:]:
                if token.type in _TRACKED:
                    token.meta["span"] = (start, state.pos)
                    break
        return True

    return tracked


# No inline rule of the CommonMark preset can start at any other character: content without
# these is one text token, which we build directly (a third of all inline parsing time).
_INLINE_SPECIAL = re.compile(r"[\n\\`*_\[!<&]")


def _inline_core(state: StateCore) -> None:
    """markdown-it's core "inline" rule, with a shortcut of identical output for plain text."""
    parse = state.md.inline.parse
    for token in state.tokens:
        if token.type != "inline":
            continue
        if token.children is None:
            token.children = []
        content = token.content
        if _INLINE_SPECIAL.search(content) is None:
            if content:
                token.children.append(MarkdownItToken("text", "", 0, content=content))
        else:
            parse(content, state.md, state.env, token.children)


def make_parser() -> MarkdownIt:
    """CommonMark plus GFM tables, with inline positions recorded in ``token.meta["span"]``."""
    md = _Markdown("commonmark").enable("table")
    for name in ("image", "link", "autolink", "html_inline", "backticks"):
        rule = next(r.fn for r in md.inline.ruler.__rules__ if r.name == name)
        md.inline.ruler.at(name, _tracking(rule))
    md.core.ruler.at("inline", _inline_core)
    return md


_PARSER = make_parser()


def parse_tokens(source: str) -> list[Token]:
    return [_ours(token) for token in _PARSER.parse(source)]


def _ours(token: MarkdownItToken) -> Token:
    children = token.children
    made = Token(
        token.type,
        token.tag,
        token.nesting,
        token.map,
        token.level,
        token.content,
        None if children is None else [_ours(child) for child in children],
        token.markup,
    )
    made.attrs = dict(token.attrs)
    made.info, made.meta, made.block, made.hidden = (
        token.info,
        token.meta,
        token.block,
        token.hidden,
    )
    return made
