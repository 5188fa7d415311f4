"""One lint run, whoever asks: a typed :class:`LintRequest` in, a :class:`LintOutcome` out.

``recapkit lint`` and :func:`recapkit.lint_paths` both come through here::

    request -> settings (config file + overrides) -> discover (each file with its site)
            -> run (cache, workers) -> fix | diff -> links between posts -> remote -> outcome

Nothing here prints: messages for the user are returned as :attr:`LintOutcome.notes`, the
report is the caller's to write.
"""

from __future__ import annotations

import enum
import os
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
from attrs import field, frozen

from recapkit.config import Config, discover_config, load_config
from recapkit.lint import selection
from recapkit.lint.changed import changed_only
from recapkit.lint.cross_posts import check_cross_posts
from recapkit.lint.diagnostics import Diagnostic, Severity
from recapkit.lint.discover import Target, discover
from recapkit.lint.engine import INTERNAL_ERROR, Linter, LintResult
from recapkit.lint.globs import GlobSet, split_given
from recapkit.lint.remote.flags import RemoteFlags
from recapkit.lint.runner import LintOptions, Plan, run
from recapkit.lint.sites import SiteUse, site_uses

if TYPE_CHECKING:
    from recapkit.lint.remote.options import RemoteOptions
    from recapkit.lint.remote.refs import RemoteRef

FAILING = {
    "error": (Severity.ERROR,),
    "warning": (Severity.ERROR, Severity.WARNING),
    "info": (Severity.ERROR, Severity.WARNING, Severity.INFO),
}
"""``fail-on`` -> the severities that make the run exit 1."""
"""Severities that make the exit status 1 (``info`` findings are shown but do not fail CI)."""


class Mode(enum.Enum):
    CHECK = "check"
    FIX = "fix"
    """Apply the safe fixes and write the changed files."""
    DIFF = "diff"
    """Compute the fixes and show them as a diff; write nothing."""


@frozen
class Overrides:
    """Settings the command line puts on top of the config file (None or empty: not given)."""

    ssg: str | None = None
    """A generator's name, or ``auto`` for detection."""
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    require_timezone: bool | None = None
    fail_on: str | None = None
    """The lowest severity that fails the run (``error``, ``warning`` or ``info``)."""


@frozen
class LintRequest:
    """Everything a lint run needs to know."""

    paths: tuple[Path, ...] = ()
    """Files or folders (default: the current folder)."""
    config: Config | None = None
    """The configuration to use as it is (the library's way); None: read it as below."""
    config_file: Path | None = None
    isolated: bool = False
    """Ignore every config file."""
    overrides: Overrides = field(factory=Overrides)
    changed_since: str | None = None
    """Only the files git says changed since this ref (committed, staged, unstaged or new)."""
    mode: Mode = Mode.CHECK
    unsafe_fixes: bool = False
    """With :attr:`Mode.FIX` or :attr:`Mode.DIFF`: apply the unsafe fixes too."""
    jobs: int | None = None
    use_cache: bool = True
    cache_dir: Path | None = None
    remote: RemoteFlags | None = None
    """The remote checks asked for on the command line (None: only what the config says)."""
    progress: bool = False
    """Show the remote checks' progress on the terminal."""


@frozen
class LintOutcome:
    """What a run found, with what the caller needs to report it."""

    result: LintResult
    config: Config
    linter: Linter
    mode: Mode = Mode.CHECK
    notes: tuple[str, ...] = ()
    """Warnings for the user (a path excluded, no files found, the remote cache, ...)."""
    remote_summary: str = ""
    """What the remote checks found, in one line ("" when none ran)."""
    diffs: tuple[str, ...] = ()
    """With :attr:`Mode.DIFF`: one unified diff per file the fixes would change."""
    would_fix: int = 0
    """With :attr:`Mode.DIFF`: the findings the fixes would repair."""
    sites: tuple[SiteUse, ...] = ()
    """Which generator read which files (reported per site)."""
    texts: Mapping[str, str] = field(factory=dict)
    """The texts :func:`lint_text` linted, by the path shown for them (for the report's source
    lines: the file on disk may differ, or not exist)."""
    fixed_text: bytes | None = None
    """With :func:`lint_text` and :attr:`Mode.FIX`: the text with the fixes applied (the text
    as it came when none could be)."""

    def exit_code(self, *, exit_zero: bool = False) -> int:
        """0 clean (or all fixed), 1 findings remain (with --diff: fixes to apply), 2 a crash."""
        if self.result.internal_errors:
            return 2
        if self.mode is Mode.DIFF:
            return 1 if self.diffs else 0
        if exit_zero:
            return 0
        failing = FAILING[self.config.fail_on]
        return 1 if any(d.severity in failing for d in self.result.diagnostics) else 0


def settings(request: LintRequest) -> Config:
    """The configuration of *request*: its config file's settings with the overrides on top."""
    paths = split_given(request.paths)[0] or [Path()]
    if request.config is not None:
        config = request.config
    elif request.isolated:
        config = Config()
    elif request.config_file is not None:
        config = load_config(request.config_file)
    else:
        config = discover_config(paths[0])
    return _overridden(config, request.overrides)


def _overridden(config: Config, overrides: Overrides) -> Config:
    for flag, selectors in (
        ("--select", overrides.select),
        ("--extend-select", overrides.extend_select),
        ("--ignore", overrides.ignore),
    ):  # an unknown rule in a flag is blamed on the flag, not on the config file
        selection.expand(selectors, selection.all_rules(), flag)
    changes: dict[str, Any] = {}
    if overrides.ssg:
        changes["ssg"] = None if overrides.ssg == "auto" else overrides.ssg
    if overrides.select:
        changes["select"] = overrides.select
    if overrides.extend_select:
        changes["extend_select"] = config.extend_select + overrides.extend_select
    if overrides.ignore:
        changes["ignore"] = config.ignore + overrides.ignore
    if overrides.exclude:
        changes["exclude"] = config.exclude + overrides.exclude
    if overrides.require_timezone is not None:
        changes["require_timezone"] = overrides.require_timezone
    if overrides.fail_on is not None:
        changes["fail_on"] = overrides.fail_on
    return attrs.evolve(config, **changes) if changes else config


@frozen
class Resolved:
    """What a request means before anything is linted: its settings, files and sites."""

    config: Config
    targets: list[Target]
    sites: tuple[SiteUse, ...]
    notes: list[str]


def resolve(request: LintRequest) -> Resolved:
    """The settings of *request*, the files it lints and their sites, with the notes on them
    (an excluded path, no files, files no generator claims)."""
    paths, negations = split_given(request.paths)
    paths = paths or [Path()]
    config = settings(request)
    excluded: list[tuple[Path, str]] = []
    targets = discover(paths, config=config, sites=config.site_finder(), excluded_given=excluded)
    if negations:
        dropped = GlobSet(negations, Path.cwd())
        targets = [t for t in targets if not dropped.matches(t.real)]
    if request.changed_since is not None:
        targets = changed_only(targets, request.changed_since)
    notes = [_excluded_note(request, config, path, pattern) for path, pattern in excluded]
    unexplained = [str(p) for p in paths if p not in {path for path, _ in excluded}]
    if not targets and unexplained:
        notes.append("no Markdown files found in " + ", ".join(unexplained))
    sites = site_uses(targets, config.ssg)
    notes += [use.note() for use in sites if not use.detected]
    notes += [note for use in sites if (note := use.config_note()) is not None]
    return Resolved(config, targets, sites, notes)


def lint(request: LintRequest) -> LintOutcome:
    """Run *request* to the end."""
    from recapkit.post.parsers import parser_name

    parser_name()  # a misspelt RECAPKIT_MARKDOWN_PARSER stops the run before any file is read
    resolved = resolve(request)
    config, targets, sites, notes = (
        resolved.config,
        resolved.targets,
        resolved.sites,
        resolved.notes,
    )
    linter = Linter(config)
    remote = _remote_options(request, config, linter)
    linter.collect_remote = remote is not None
    cache_dir = request.cache_dir or config.cache_path
    options = LintOptions(jobs=request.jobs, use_cache=request.use_cache, cache_dir=cache_dir)
    result = run(Plan(linter, targets, options))
    if request.mode is Mode.DIFF:
        outcome = _diff(linter, result, config, notes, unsafe=request.unsafe_fixes)
        return attrs.evolve(outcome, sites=sites)
    if request.mode is Mode.FIX:
        result = _fix(linter, result, notes, unsafe=request.unsafe_fixes)
    result = check_cross_posts(linter, result)
    summary = ""
    if remote is not None:
        result, summary = _remote_pass(remote, linter, result, notes, progress=request.progress)
    return LintOutcome(
        result, config, linter, request.mode, tuple(notes), remote_summary=summary, sites=sites
    )


def _excluded_note(request: LintRequest, config: Config, path: Path, pattern: str) -> str:
    """A path named on the command line but excluded: which pattern, and where it is set."""
    where = "--exclude" if pattern in request.overrides.exclude else config.where()
    return f'{path}: excluded by exclude = "{pattern}" ({where})'


def _remote_options(request: LintRequest, config: Config, linter: Linter) -> RemoteOptions | None:
    """The remote checker's options when remote checks are on, else None."""
    flags = request.remote or RemoteFlags()
    # --no-cache and --cache-dir also name the local cache: alone, they ask for no remote checks.
    if not config.remote and attrs.evolve(flags, no_cache=False, cache_dir=None) == RemoteFlags():
        return None  # nothing asks for them: the options module is not even loaded
    from recapkit.lint.remote.options import build_remote_options, parse_remote_config

    remote_config = None
    if config.remote:
        where = f"{config.where()}: remote"
        remote_config = parse_remote_config(config.remote, base_dir=config.root, where=where)
    if flags.cache_dir is None and getattr(remote_config, "cache_dir", None) is None:
        # `[tool.recapkit] cache-dir` is the one folder for both caches (like --cache-dir);
        # `[tool.recapkit.remote] cache-dir` still wins for the remote cache alone.
        flags = attrs.evolve(flags, cache_dir=config.cache_path)
    hosts = linter.settings.hotlink_hosts
    options = build_remote_options(flags, config=remote_config, hotlink_hosts=hosts)
    return options if options.enabled else None


def _diff(
    linter: Linter, result: LintResult, config: Config, notes: list[str], *, unsafe: bool
) -> LintOutcome:
    """What ``--fix`` would change, as unified diffs."""
    from recapkit.lint.fix_run import diffs

    found, applied = diffs(linter, result, unsafe=unsafe)
    return LintOutcome(
        result, config, linter, Mode.DIFF, tuple(notes), diffs=found, would_fix=applied
    )


def _fix(linter: Linter, result: LintResult, notes: list[str], *, unsafe: bool) -> LintResult:
    """Apply and write the fixes (see :func:`recapkit.lint.fix_run.apply_fixes`)."""
    from recapkit.lint.fix_run import apply_fixes

    return apply_fixes(linter, result, notes, unsafe=unsafe)


def _remote_pass(
    options: RemoteOptions, linter: Linter, result: LintResult, notes: list[str], *, progress: bool
) -> tuple[LintResult, str]:
    """Remote checks on the URLs the local pass collected (or cached), under the local pass's
    policy: its selection, per-file ignores, suppressions and severities."""
    from recapkit.lint.remote.checker import run_remote_checks  # requests, only when asked

    report = run_remote_checks(_remote_refs(result, options), options, show_progress=progress)
    notes.extend(report.notes)
    by_path: dict[str, list[Diagnostic]] = {}
    for diagnostic in report.diagnostics:
        by_path.setdefault(diagnostic.path, []).append(diagnostic)
    files = []
    for file in result.files:
        found = by_path.get(str(file.target.path))
        if found:
            kept = linter.apply_policy(file.target, found, file.suppressions, draft=file.draft)
            merged = tuple(sorted((*file.diagnostics, *kept), key=Diagnostic.sort_key))
            file = attrs.evolve(file, diagnostics=merged)
        files.append(file)
    return attrs.evolve(result, files=tuple(files)), report.summary.summary_line()


def _remote_refs(result: LintResult, options: RemoteOptions) -> list[RemoteRef]:
    from recapkit.lint.remote.refs import RemoteRef

    return [
        RemoteRef(url, str(file.target.path), line, column, end_line, end_column, is_image)
        for file in result.files
        for url, line, column, end_line, end_column, is_image in file.remote_refs
        if is_image or options.include_links
    ]


def remote_urls(request: LintRequest) -> tuple[list[RemoteRef], list[str]]:
    """``--dump``: every remote URL use a run would check (excluded URLs left out), and the
    notes; nothing is requested. Empty when remote checks are off."""
    resolved = resolve(request)
    linter = Linter(resolved.config)
    options = _remote_options(request, resolved.config, linter)
    if options is None:
        return [], resolved.notes
    linter.collect_remote = True
    cache_dir = request.cache_dir or resolved.config.cache_path
    plan = Plan(
        linter,
        resolved.targets,
        LintOptions(jobs=request.jobs, use_cache=request.use_cache, cache_dir=cache_dir),
    )
    refs = _remote_refs(run(plan), options)
    return [ref for ref in refs if not options.is_excluded(ref.url)], resolved.notes


def lint_paths(
    paths: Sequence[str | os.PathLike[str]],
    *,
    config: Config | None = None,
    jobs: int | None = None,
    use_cache: bool = False,
    cache_dir: Path | None = None,
) -> LintResult:
    """Lint *paths* (files or folders) with *config* (default: the nearest config file).

    The library form of ``recapkit lint`` without ``--fix`` or remote checks; *use_cache* is off
    by default here so a script never writes to the user's cache folder unasked.
    """
    request = LintRequest(
        paths=tuple(Path(p) for p in paths) or (Path(),),
        config=config,
        jobs=jobs,
        use_cache=use_cache,
        cache_dir=cache_dir,
        remote=RemoteFlags(offline=True),
    )
    return lint(request).result


# --- one text as if it were a file: `recapkit lint -` and `recapkit server` --------------------

STDIN = Path("<stdin>")
"""The name of a text linted without a path (``recapkit lint -`` without ``--stdin-filename``)."""


def lint_text(request: LintRequest, source: str | bytes, path: Path | None = None) -> LintOutcome:
    """Lint *source* (a text from standard input or an editor) as if it were the file *path*.

    Everything a file run decides from where the file is, is decided from *path*, which need not
    exist: the configuration found from it, its site and generator, ``exclude`` and per-file
    ignores, the images relative to it; then the same rules, suppressions and severities. Without
    *path* the text is a generic post named ``<stdin>`` in the current folder. Nothing is
    cached (a text has no stamp) and nothing is written: with :attr:`Mode.FIX` the fixed text is
    :attr:`LintOutcome.fixed_text`, with :attr:`Mode.DIFF` the diff names *path*.
    ``request.paths`` is not used.
    """
    # A lone surrogate (JSON can carry one) stays as the bytes a file would hold: not UTF-8,
    # which the loader reports, rather than an exception here.
    data = source.encode("utf-8", "surrogatepass") if isinstance(source, str) else source
    request = attrs.evolve(request, paths=(path or Path(),))
    config = settings(request)
    linter = Linter(config)
    target, notes = _text_target(request, config, path)
    keep = data if request.mode is Mode.FIX else None
    if target is None:  # excluded, as a file named on the command line would be
        return LintOutcome(LintResult(()), config, linter, request.mode, notes, fixed_text=keep)
    remote = _remote_options(request, config, linter)
    linter.collect_remote = remote is not None
    started = time.perf_counter()
    file = linter.lint_data(target, data)
    crashed = sum(1 for d in file.diagnostics if d.code == INTERNAL_ERROR[0])
    result = LintResult((file,), time.perf_counter() - started, internal_errors=crashed)
    texts = {str(target.path): _readable(data)}
    outcome = LintOutcome(result, config, linter, request.mode, notes, texts=texts, fixed_text=keep)
    outcome = _fixed_text(outcome, target, data, unsafe=request.unsafe_fixes)
    if request.mode is not Mode.DIFF:
        outcome = attrs.evolve(outcome, result=check_cross_posts(linter, outcome.result))
    if remote is not None and request.mode is not Mode.DIFF:
        more: list[str] = []
        result, summary = _remote_pass(remote, linter, outcome.result, more, progress=False)
        notes += tuple(more)
        outcome = attrs.evolve(outcome, result=result, remote_summary=summary, notes=notes)
    return attrs.evolve(outcome, sites=site_uses([target], config.ssg))


def _text_target(
    request: LintRequest, config: Config, path: Path | None
) -> tuple[Target | None, tuple[str, ...]]:
    """The target a text stands for, and the notes on it (None: *path* is excluded)."""
    finder = config.site_finder()
    if path is None:
        here = Path.cwd()
        site = finder.site_of(here, here) if config.ssg else None
        how = "a generic post" if site is None else f"a post of {site.generator.label}"
        note = f"{STDIN}: checked as {how}; pass --stdin-filename PATH to check it as that file"
        return Target(STDIN, here / STDIN.name, site), (note,)
    real = Path(os.path.realpath(path))
    pattern = GlobSet(config.exclude, config.root).pattern_of(real)
    if pattern is not None:
        return None, (_excluded_note(request, config, path, pattern),)
    target = Target(path, real, finder.resolver(path)(real.parent))
    return target, tuple(use.note() for use in site_uses([target], config.ssg) if not use.detected)


def _fixed_text(outcome: LintOutcome, target: Target, data: bytes, *, unsafe: bool) -> LintOutcome:
    """*outcome* with what ``--fix`` or ``--diff`` makes of the text (nothing is written)."""
    from recapkit.lint.fix import fix_bytes, unified_diff
    from recapkit.lint.fix_run import fixable_files, repaired

    if outcome.mode is Mode.CHECK or not fixable_files(outcome.result, unsafe):
        return outcome
    fixed = fix_bytes(outcome.linter, target, data, unsafe=unsafe)
    if fixed is None or not fixed.changed:
        return outcome
    if outcome.mode is Mode.DIFF:
        return attrs.evolve(outcome, diffs=(unified_diff(fixed),), would_fix=fixed.applied)
    fixes = tuple(repaired(outcome.result.files[0], fixed.result, unsafe))
    result = attrs.evolve(outcome.result, files=(fixed.result,), fixed=fixed.applied, fixes=fixes)
    texts = {str(target.path): _readable(fixed.fixed)}  # what the remaining findings are in
    return attrs.evolve(outcome, result=result, fixed_text=fixed.fixed, texts=texts)


def _readable(data: bytes) -> str:
    return data.decode("utf-8", "replace").removeprefix("\ufeff")
