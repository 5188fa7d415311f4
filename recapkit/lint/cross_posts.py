"""The check that needs two posts: links from one post to a heading of another (RK209).

It runs once the run's posts are linted (from the cache or not), on the links each post's
result carries (:attr:`recapkit.lint.engine.FileResult.fragment_links`). The site's generator
says which file a link names (:meth:`recapkit.ssg.base.Generator.linked_heading`); that file is
read here, whether or not it is part of the run, so that ``recapkit lint one.md`` and an
editor's check see the other post as it is on disk, and a cached post is checked against the
other post's current headings. A file outside the linking post's site is never read. The
findings go through the linking post's policy (selection, per-file ignores, suppression
comments, severities) like any other.
"""

from __future__ import annotations

import os
from pathlib import Path

import attrs

from recapkit.lint.cache import Dependency, FragmentLinkData
from recapkit.lint.diagnostics import Diagnostic
from recapkit.lint.discover import Target
from recapkit.lint.engine import FileResult, Linter, LintResult
from recapkit.lint.rules.anchor_not_found import post_anchors
from recapkit.lint.rules.cross_post_anchor import CrossPostAnchorNotFound
from recapkit.ssg.base import Site
from recapkit.ssg.links import MARKDOWN_SUFFIXES, first_existing


def check_cross_posts(linter: Linter, result: LintResult) -> LintResult:
    """*result* with the findings of links to headings of other posts added."""
    if not any(file.fragment_links for file in result.files):
        return result
    check = _CrossPosts(linter)
    files = tuple(check.file(file) for file in result.files)
    return attrs.evolve(result, files=files)


class _CrossPosts:
    """One pass: the rule, and each linked post's ids, read once."""

    def __init__(self, linter: Linter) -> None:
        self.linter = linter
        self.rule = CrossPostAnchorNotFound()
        self.anchors: dict[Path, set[str] | None] = {}

    def file(self, file: FileResult) -> FileResult:
        site = file.target.site
        if site is None or not file.fragment_links:
            return file
        found: list[Diagnostic] = []
        read: set[Dependency] = set()
        for link in file.fragment_links:
            self.link(file, site, link, found, read)
        # The posts read are dependencies for `--watch` (a change to one re-lints this post);
        # the cache never sees them: this check is not cached.
        dependencies = tuple(sorted({*file.dependencies, *read}))
        diagnostics = file.diagnostics
        if found:
            kept = self.linter.apply_policy(file.target, found, file.suppressions, draft=file.draft)
            diagnostics = tuple(sorted((*diagnostics, *kept), key=Diagnostic.sort_key))
        return attrs.evolve(file, diagnostics=diagnostics, dependencies=dependencies)

    def link(
        self,
        file: FileResult,
        site: Site,
        link: FragmentLinkData,
        found: list[Diagnostic],
        read: set[Dependency],
    ) -> None:
        """Check one link: a finding into *found*, the post it names into *read*."""
        linked = site.generator.linked_heading(site, file.target.real, link[0])
        target = None if linked is None else _in_site(site, first_existing(linked.candidates))
        if linked is None or target is None:
            return
        read.add((str(target), True))
        anchors = self._anchors(site, target)
        shown = os.path.relpath(target, file.target.real.parent)
        path = str(file.target.path)
        missing = anchors is not None and self.rule.missing(
            path, link, shown, linked.fragment, anchors
        )
        if missing:
            found.append(missing)

    def _anchors(self, site: Site, path: Path) -> set[str] | None:
        """The ids of the post *path* (None: recapkit cannot tell them, or it cannot be read)."""
        if path not in self.anchors:
            self.anchors[path] = None
            slugger = site.generator.heading_anchor(site)
            if slugger is not None:
                post = self.linter.load(Target(path, path, site), None)
                attributes = site.generator.renderer(site).heading_attributes
                if post.problem is None:
                    self.anchors[path] = post_anchors(post, slugger, attributes=attributes)
        return self.anchors[path]


def _in_site(site: Site, path: Path | None) -> Path | None:
    """*path*, resolved, when it is a Markdown file inside *site* (never follow a link out)."""
    if path is None or path.suffix.lower() not in MARKDOWN_SUFFIXES:
        return None
    real = Path(os.path.realpath(path))
    return real if real.is_relative_to(os.path.realpath(site.root)) else None
