"""The Markdown renderers sites use, and what each does where renderers differ.

A generator names its site's renderer (:meth:`recapkit.ssg.base.Generator.renderer`); rules ask
the renderer, never the generator's name. Each fact below was checked with the real program
(``tests/ssg/test_renderers_real.py`` renders the same variants with each and compares).
"""

from __future__ import annotations

from attrs import frozen


@frozen
class Renderer:
    """A Markdown renderer, as far as lint rules need to know it."""

    name: str
    """How messages name it (``goldmark``)."""
    punctuation_blocks_emphasis: bool
    """Whether it follows CommonMark's flanking rules (spec 0.30, 6.2) beside punctuation, so
    ``**嘉宾：**刘洋`` shows its asterisks (commonmark-spec#650)."""
    heading_attributes: bool = False
    """Whether ``## Title {#id}`` gives the heading the id ``id`` (and drops the braces); a
    renderer without heading attributes keeps ``{#id}`` as text and slugs it with the rest."""


GOLDMARK = Renderer("goldmark", punctuation_blocks_emphasis=True, heading_attributes=True)
"""Hugo's default Markdown handler since 0.60 (CommonMark-compliant); Hugo turns on its heading
attributes (``markup.goldmark.parser.attribute.title``, true by default)."""

MARKED = Renderer("marked", punctuation_blocks_emphasis=True)
"""hexo-renderer-marked (Hexo's default renderer; marked 15 in its 7.x). No heading attributes:
Hexo 8 with hexo-renderer-marked 7 renders ``## 问答 {#qa}`` as ``<h2 id="问答-qa">问答 {#qa}</h2>``."""

MARKDOWN_IT = Renderer("markdown-it", punctuation_blocks_emphasis=True)
"""hexo-renderer-markdown-it: CommonMark-compliant."""

KRAMDOWN = Renderer("kramdown", punctuation_blocks_emphasis=False, heading_attributes=True)
"""Jekyll's default (``markdown: kramdown``, GFM input): closes ``**`` after punctuation; its
header IDs (``## Title {#id}``) are kramdown syntax, which the GFM input keeps."""

COMMONMARK_GEM = Renderer("jekyll-commonmark", punctuation_blocks_emphasis=True)
"""Jekyll with ``markdown: CommonMark`` or ``CommonMarkGhPages`` (cmark-gfm)."""

PULLDOWN_CMARK = Renderer(
    "pulldown-cmark", punctuation_blocks_emphasis=True, heading_attributes=True
)
"""Zola's renderer. Its CJK-friendly emphasis option (pulldown-cmark 0.13.1, 2025) is off unless
asked for, and Zola does not ask: ``markdown_to_html`` in Zola's
``components/markdown/src/markdown.rs`` sets tables, footnotes, strikethrough, task lists,
heading attributes, and smart punctuation and definition lists when configured."""

COMMONMARK = Renderer("a CommonMark renderer", punctuation_blocks_emphasis=True)
"""No generator known: GitHub, editors' previews and most renderers follow CommonMark here."""

OTHER = Renderer("a renderer recapkit does not know", punctuation_blocks_emphasis=False)
"""A site that names another renderer (pandoc, kramed, ...): rules that depend on the
renderer stay silent rather than guess."""
