"""What Hugo lists and how it dates a page without a date key: build options, ``headless``, the
main sections, the ``[frontmatter] date`` sources of a site, and the posts ``ref`` names (see
:mod:`recapkit.ssg.hugo`)."""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from recapkit._read import read_head
from recapkit._text import lazy_pattern
from recapkit.ssg.config_file import lookup, names_list
from recapkit.ssg.links import LinkedHeading, page_files

if TYPE_CHECKING:
    from recapkit.post.types import Post
    from recapkit.ssg.base import Site

DEFAULT_DATE_KEYS = ("date", "publishdate", "pubdate", "published", "lastmod", "modified")
"""Hugo's default ``[frontmatter] date``: the first of these that is set dates the page."""
_UNLISTED = ("never", False, "false")
_DATE_ALIASES = {"publishdate": ("pubdate", "published"), "lastmod": ("modified",)}
"""What Hugo adds to a configured date key (``page_frontmatter.go``: ``dateFieldAliases``)."""
CONTENT_SUFFIXES = (".md", ".markdown", ".mdown", ".html", ".htm", ".org", ".adoc", ".rst")


_draft_line = lazy_pattern(r"(?im)^\s*[\"']?draft[\"']?\s*[:=]\s*true\b")


def not_listed(post: Post) -> bool:
    """Build options that keep the page out of every list (``list: never``; ``_build`` in Hugo
    0.111, ``build`` from 0.123 on, both read here), or ``headless`` on a leaf bundle's
    ``index.md`` (elsewhere Hugo ignores it; ``render: never`` still lists the page)."""
    if post.path.name == "index.md" and lookup(post.data, "headless") is True:
        return True
    for key in ("_build", "build"):
        options = lookup(post.data, key)
        if isinstance(options, Mapping) and lookup(options, "list") in _UNLISTED:
            return True
    return False


def date_sources(config: Mapping[str, Any]) -> tuple[str, ...]:
    """The site's ``[frontmatter] date`` list, lower-cased, with ``:default`` expanded and each
    key's aliases added, as Hugo adds them (``publishdate`` -> ``pubdate``, ``published``)."""
    table = lookup(config, "frontmatter")
    listed = lookup(table, "date") if isinstance(table, Mapping) else None
    if not isinstance(listed, list) or not listed:
        return DEFAULT_DATE_KEYS
    sources: list[str] = []
    for source in (str(s).lower() for s in listed):
        if source == ":default":
            sources += DEFAULT_DATE_KEYS
        else:
            sources += [source, *_DATE_ALIASES.get(source, ())]
    return tuple(sources)


def main_sections(site: Site) -> frozenset[str]:
    """The sections the site lists as posts: ``mainSections`` (newer Hugo reads it at the top of
    the config; 0.111 only under ``params``), else the top-level section with the most pages."""
    params = lookup(site.config, "params")
    for table in (site.config, params if isinstance(params, Mapping) else {}):
        configured = lookup(table, "mainSections")
        if configured:
            return frozenset(names_list(configured))
    return _largest_section(tuple(site.content_dirs))


@functools.lru_cache(maxsize=16)
def _largest_section(content_dirs: tuple[Path, ...]) -> frozenset[str]:
    """The top-level section with the most published pages (computed once per content folder)."""
    counts: dict[str, int] = {}
    for content in content_dirs:
        for section in _subfolders(content):
            counts[section.name] = counts.get(section.name, 0) + _pages_below(section)
    if not counts or max(counts.values()) == 0:
        return frozenset()
    return frozenset({max(sorted(counts), key=lambda name: counts[name])})


def _subfolders(folder: Path) -> list[Path]:
    try:
        return [Path(e.path) for e in os.scandir(folder) if e.is_dir(follow_symlinks=False)]
    except OSError:
        return []


def _pages_below(folder: Path) -> int:
    """The regular pages below *folder* in any content format Hugo reads, drafts left out."""
    count = 0
    for root, _dirs, files in os.walk(folder):
        for name in files:
            if name.endswith(CONTENT_SUFFIXES) and not name.startswith("_index."):
                count += not _draft_file(Path(root) / name)
    return count


def _draft_file(path: Path) -> bool:
    """Whether the file's front matter says ``draft: true`` (its first lines, read quickly)."""
    try:
        head = read_head(path, 2048).decode("utf-8", "replace")
    except OSError:
        return False
    return _draft_line().search(head) is not None


# `{{< ref "other.md#id" >}}`, `{{% relref "/posts/x" %}}`, a fragment inside or after it.
_ref = lazy_pattern(r'^\{\{([<%])\s*(?:rel)?ref\s+"([^"#]+)(?:#([^"]*))?"\s*[>%]\}\}(?:#(.*))?$')


def ref_target(post: Path, content: Sequence[Path], url: str) -> LinkedHeading | None:
    """The post and heading a ``ref``/``relref`` shortcode names (gohugo.io "Links and
    cross references": the path is looked up relative to the page's folder, then from the
    content root; a leading ``/`` means the content root only; ``x`` may be ``x.md`` or the
    bundle ``x/index.md``). A bare name Hugo finds by searching the whole site is not
    followed (it may be ambiguous)."""
    match = _ref().match(url.strip())
    fragment = match and (match[3] or match[4])
    if match is None or not fragment:
        return None
    path = match[2].strip()
    bases = [*content] if path.startswith("/") else [post.parent, *content]
    found = [file for base in bases for file in page_files(base, path)]
    return LinkedHeading(tuple(found), unquote(fragment))


def sidecar_fate(config: Mapping[str, Any], sidecar: Path) -> str | None:
    """What Hugo does with a recap sidecar under ``content/``: it publishes every file there
    that is no content file with its page or section, as a resource (a bundle's
    ``index.recap.yaml`` lands in ``public/posts/x/``; ``x.recap.yaml`` beside ``x.md`` in
    ``public/posts/``), unless an ``ignoreFiles`` regular expression matches its path. Built with
    Hugo 0.111 in tests/ssg/test_recap_files_real.py."""
    for pattern in names_list(lookup(config, "ignoreFiles")):
        try:
            if re.search(pattern, sidecar.as_posix()):
                return None
        except re.error:  # a Go-only regex: Hugo's business, and no sign the file is kept back
            continue
    return "Hugo publishes it with the page (set `ignoreFiles` to keep it back)"
