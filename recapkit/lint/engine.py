"""Lint one post: load it as its site's generator reads it, run the rules, then the run's policy.

The policy (per-file ignores, suppression comments, configured severities, and the milder
severities of drafts) is applied in one place, :meth:`Linter.apply_policy`, to the local
findings here and to the remote checker's findings later, which reuse what this pass found
(:attr:`FileResult.suppressions`, :attr:`FileResult.draft`) instead of reading the post again.
:mod:`recapkit.lint.runner` runs many files through the cache and worker processes;
:mod:`recapkit.lint.pipeline` is the whole of a lint run.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import attrs
from attrs import field, frozen

from recapkit.config import Config
from recapkit.lint.cache import Dependency, FragmentLinkData, RemoteRefData
from recapkit.lint.diagnostics import Diagnostic, Severity
from recapkit.lint.discover import Target
from recapkit.lint.globs import GlobSet
from recapkit.lint.rules._recap_reading import recap_reading
from recapkit.lint.rules.base import LintContext, Rule
from recapkit.lint.rules.cross_post_anchor import CrossPostAnchorNotFound
from recapkit.lint.rules.settings import DEFAULT_HOTLINK_HOSTS, LintSettings, RequiredKeys
from recapkit.lint.selection import Selection, select_rules
from recapkit.lint.stamps import DataFileStamp, data_file_stamps
from recapkit.lint.suppressions import NONE, Suppressions, post_suppressions
from recapkit.post.types import Post
from recapkit.ssg.base import Site
from recapkit.ssg.links import has_scheme

MAX_BYTES = 5 * 2**20
CROSS_POST_CODE = CrossPostAnchorNotFound.code
"""The rule checked once every post is linted, from the links each post's result carries."""
INTERNAL_ERROR = ("RK000", "internal-error")


@frozen
class FileResult:
    """The findings of one file, plus what the cache and the remote checker need."""

    target: Target
    diagnostics: tuple[Diagnostic, ...]
    dependencies: tuple[Dependency, ...] = ()
    remote_refs: tuple[RemoteRefData, ...] = ()
    suppressions: Suppressions = field(default=NONE, eq=False)
    """The post's suppression comments, for the remote findings of the same post."""
    cached: bool = False
    draft: bool = False
    """Whether the post's generator does not publish it yet (its findings get the draft
    severities, see :attr:`Selection.draft_severities`)."""
    fragment_links: tuple[FragmentLinkData, ...] = ()
    """The post's links to a ``#fragment`` of another file, for the check that runs once every
    post is linted (:mod:`recapkit.lint.cross_posts`)."""
    data_files: tuple[DataFileStamp, ...] = ()
    """The files that may hold the post's recap data, with their digests (for the cache)."""
    recap: str = ""
    """How the post was read as a recap: ``"data"`` (it carries recap data), ``"text"`` (the
    recap rules' importer found talks in its text with confidence), ``""`` (neither, or the
    rules that read the text were not run): ``lint --statistics`` counts them."""


@frozen
class LintResult:
    """Every finding of a run, sorted by path, line, column and code."""

    files: tuple[FileResult, ...]
    elapsed: float = 0.0
    fixed: int = 0
    """Findings repaired by ``--fix``."""
    fixes: tuple[Diagnostic, ...] = ()
    """Those findings, as they were before the fix (``--show-fixes`` lists them)."""
    internal_errors: int = 0

    @property
    def diagnostics(self) -> list[Diagnostic]:
        found = [d for f in self.files for d in f.diagnostics]
        return sorted(found, key=Diagnostic.sort_key)

    @property
    def cache_hits(self) -> int:
        return sum(1 for f in self.files if f.cached)

    def counts(self) -> Counter[str]:
        return Counter(d.code for f in self.files for d in f.diagnostics)


class Linter:
    """The configured rules of one run; picklable state shared with worker processes.

    Each file is linted with its own site (``Target.site``, see :class:`recapkit.ssg.SiteFinder`).
    """

    def __init__(
        self, config: Config, selection: Selection | None = None, *, collect_remote: bool = False
    ) -> None:
        self.config = config
        self.collect_remote = collect_remote
        """Keep each post's remote images and links (for ``--remote``; cached with the findings)."""
        self.selection = selection or select_rules(config)
        self.settings = build_settings(config)
        self._contexts: dict[Site | None, LintContext] = {}
        self._ignores = [
            (GlobSet((pattern,), config.root), codes)
            for pattern, codes in self.selection.per_file_ignores
        ]
        self.tracks_filesystem = self.selection.uses_filesystem
        self._unselected = frozenset({CROSS_POST_CODE}) - self.selection.codes

    def context_for(self, site: Site | None) -> LintContext:
        """The context of the posts of *site* (sites are frozen: equal sites share one)."""
        context = self._contexts.get(site)
        if context is None:
            context = self._contexts[site] = LintContext(site=site, settings=self.settings)
        return context

    def fingerprint(self, sites: Iterable[Site | None] = ()) -> str:
        """Everything besides a file's bytes and path that can change its findings; *sites* are
        the sites of the run's files (a post's site decides its generator and image paths)."""
        from recapkit.__about__ import __version__
        from recapkit.post.parsers import parser_stamp

        # The codes, not the rules' options: those are the config's `rules` tables, which
        # config.fingerprint() holds, read by this code (_code_stamp), and reading them needs
        # no rule module imported.
        rules = sorted(self.selection.codes)
        parts = (
            __version__,
            _code_stamp(),
            self.config.fingerprint(),
            repr(sorted({_site_stamp(site) for site in sites})),
            repr(rules),
            f"remote={self.collect_remote}",
            f"parser={parser_stamp()}",
        )
        severities = (self.selection.severities, self.selection.draft_severities)
        return "\0".join(parts) + repr([sorted(each.items()) for each in severities])

    def skipped_codes(self, target: Target) -> frozenset[str]:
        """Codes per-file-ignores turn off for *target*."""
        skipped: frozenset[str] = frozenset()
        for globs, codes in self._ignores:
            if globs.matches(target.real):
                skipped |= codes
        return skipped

    def load(self, target: Target, data: bytes | None) -> Post:
        """*target*'s post, from *data* (None: read the file), as its site's generator reads it."""
        # Imported here: a run whose files are all cache hits never parses Markdown, so it
        # does not pay for importing markdown-it-py and python-frontmatter.
        from recapkit.ssg.posts import load_post, parse_post

        keys = self.settings.image_keys
        if data is None:
            return load_post(
                target.path,
                site=target.site,
                image_keys=keys,
                max_bytes=MAX_BYTES,
                find_data_folder=False,  # the run found each file's site already
            )
        return parse_post(data, target.path, site=target.site, image_keys=keys)

    def lint_data(self, target: Target, data: bytes | None) -> FileResult:
        """Lint one file from its bytes (None: read it, e.g. when it is too large to pass around)."""
        return self.lint_post(target, self.load(target, data))

    def lint_post(self, target: Target, post: Post) -> FileResult:
        """Run the selected rules on a loaded post, then the run's policy."""
        skipped = self.skipped_codes(target)
        context = attrs.evolve(self.context_for(target.site), image_memo={}, recap_memo={})
        found: list[Diagnostic] = []
        crashed = False
        for rule in self.selection.rules:
            if rule.code in skipped:
                continue
            try:
                found.extend(rule.check(post, context))
            except Exception as exc:
                # A rule bug must not hide the other findings: report it as one of them.
                crashed = True
                found.append(_internal_error(post, rule, exc))
        links: tuple[FragmentLinkData, ...] = ()
        if CROSS_POST_CODE not in skipped | self._unselected:
            links = fragment_links(post) + context.generator.tag_links(post)
        suppressions = NONE
        if found or self.collect_remote or links:
            suppressions = post_suppressions(post, names=self.selection.names)
        draft = context.generator.is_unpublished(post)
        found = self.apply_policy(target, found, suppressions, draft=draft)
        deps: tuple[Dependency, ...] = ()
        # The dependencies are the files the post's images resolve to: when no rule asked for
        # the body (so for its images), no finding can depend on them, and the body stays unparsed.
        if self.tracks_filesystem and not crashed and post.body_parsed:
            deps = self._dependencies(post, context)
        refs = remote_refs(post) if self.collect_remote else ()
        data_files = data_file_stamps(str(p.absolute()) for p in post.recap_candidates)
        return FileResult(
            target,
            tuple(found),
            deps,
            refs,
            suppressions,
            draft=draft,
            fragment_links=links,
            data_files=data_files,
            recap=recap_reading(post, context),
        )

    def apply_policy(
        self,
        target: Target,
        found: Iterable[Diagnostic],
        suppressions: Suppressions,
        *,
        draft: bool = False,
    ) -> list[Diagnostic]:
        """*found* without what the selection, per-file ignores and suppression comments turn
        off, with the configured severities (in a *draft*, the draft severities), sorted."""
        selected = self.selection.codes - self.skipped_codes(target)
        kept = suppressions.filter(d for d in found if d.code in selected or _internal(d))
        severities: dict[str, Severity | None] = dict(self.selection.severities)
        if draft:
            severities.update(self.selection.draft_severities)
        if severities:
            # A draft severity of None (`off`) drops the finding.
            kept = [
                _stamped(d, severities)
                for d in kept
                if severities.get(d.code, d.severity) is not None
            ]
        return sorted(kept, key=Diagnostic.sort_key)

    def _dependencies(self, post: Post, context: LintContext) -> tuple[Dependency, ...]:
        """Paths whose existence the filesystem rules looked at (see :mod:`recapkit.lint.cache`)."""
        paths: set[str] = set()
        for ref in post.images:
            resolution = context.resolve_image(post, ref)
            if resolution.remote or resolution.unresolvable:
                continue
            paths.update(str(Path(p).absolute()) for p in resolution.candidates)
            if resolution.found is not None:
                paths.add(str(Path(resolution.found).absolute()))
        return tuple(sorted(dep for dep in map(_existence, paths) if dep is not None))


def _stamped(diagnostic: Diagnostic, severities: dict[str, Severity | None]) -> Diagnostic:
    severity = severities.get(diagnostic.code)
    if severity is None or severity is diagnostic.severity:
        return diagnostic
    return attrs.evolve(diagnostic, severity=severity)


def _internal(diagnostic: Diagnostic) -> bool:
    return diagnostic.code == INTERNAL_ERROR[0]


def _existence(path: str) -> Dependency | None:
    """*path* and whether it exists; None for a path the system cannot even look up (a name over
    255 bytes): it can never come to exist, and the cache must not stat it again (pathlib raises)."""
    try:
        return (path, Path(path).exists())
    except OSError:
        return None


def build_settings(config: Config) -> LintSettings:
    """The settings rules share, from the config."""
    values: dict[str, Any] = {
        "ssg": config.ssg,
        "strict_keys": config.strict_keys,
        "require_timezone": config.require_timezone,
        "required_keys": RequiredKeys.read(config.required_keys, config.root),
        "image_keys": config.image_keys,
        "extra_keys": frozenset(config.extra_keys),
    }
    if config.hotlink_hosts is not None:  # the config adds hosts; the built-in ones stay
        values["hotlink_hosts"] = DEFAULT_HOTLINK_HOSTS + config.hotlink_hosts
    return LintSettings(**values)


def fragment_links(post: Post) -> tuple[FragmentLinkData, ...]:
    """The links of *post* with a ``#fragment`` that may name a heading of another file: not
    ``#x`` alone (RK208's) nor a URL with a scheme; the site's generator decides the rest."""
    return tuple(
        (link.url, link.line, link.column, link.end_line, link.end_column)
        for link in post.links
        if "#" in link.url[1:] and not link.url.startswith("#") and not has_scheme(link.url)
    )


def remote_refs(post: Post) -> tuple[RemoteRefData, ...]:
    """Every remote image and link of *post*, for the remote checker (kept in the cache too)."""
    from recapkit.lint.remote.refs import refs_from_post  # only when remote checks collect

    refs = refs_from_post(post, include_links=True)
    return tuple((r.url, r.line, r.column, r.end_line, r.end_column, r.is_image) for r in refs)


def _internal_error(post: Post, rule: Rule[Any], exc: Exception) -> Diagnostic:
    message = f"rule {rule.code} ({rule.name}) crashed: {type(exc).__name__}: {exc}; please report this bug"
    code, name = INTERNAL_ERROR
    return Diagnostic(
        path=str(post.path),
        line=0,
        column=0,
        code=code,
        name=name,
        message=message,
        severity=Severity.ERROR,
    )


def _code_stamp() -> str:
    """Sizes and mtimes of every module and template of recapkit, so that editing any of them
    (a rule, a generator, the loader) invalidates the cache."""
    package = str(Path(__file__).resolve().parents[1])
    start = len(package) + 1
    stamps = []
    # os on str paths, bytecode folders not walked: every run pays for this (5 ms with paths).
    for folder, dirs, names in os.walk(package):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        for name in names:
            if name.endswith((".py", ".j2")):
                path = os.path.join(folder, name)  # noqa: PTH118
                info = os.stat(path)  # noqa: PTH116
                stamps.append(f"{path[start:]}:{info.st_size}:{info.st_mtime_ns}")
    return ",".join(sorted(stamps))


def _site_stamp(site: Site | None) -> str:
    """A site as far as findings depend on it: its settings, and the renderer it installs,
    which can change without its config (a Hexo site's package.json)."""
    if site is None:
        return repr(None)
    return f"{site!r}\0{site.generator.renderer(site)!r}"
