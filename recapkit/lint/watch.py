"""``recapkit lint --watch``: which files a change on disk means re-linting, and the watcher.

A :class:`Session` lints the whole request once, then each batch of changes through the same
pipeline (:func:`recapkit.lint.pipeline.lint`) with only the files it concerns: a post written or
created, the posts that checked the existence of a file created or deleted (an image in a page
bundle), or every file when a config file changed (``recapkit.toml``, ``pyproject.toml``, the
site's own config), since settings and sites then are read again. A deleted post is dropped.

:class:`Watcher` runs watchfiles (debounced, an extra: ``recapkit[watch]``) in threads and hands
batches to the main thread, which waits in Python: Ctrl-C and SIGTERM then interrupt it as they
interrupt any other run (watchfiles' own wait, on the main thread, would turn SIGTERM into a
plain KeyboardInterrupt). Nothing here prints.
"""

from __future__ import annotations

import enum
import itertools
import queue
import re
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
from attrs import frozen

from recapkit.config import CONFIG_FILES, Config
from recapkit.lint.discover import MARKDOWN_SUFFIXES
from recapkit.lint.globs import split_given
from recapkit.lint.pipeline import LintOutcome, LintRequest, Overrides, lint, resolve, settings

if TYPE_CHECKING:
    from recapkit.ssg.base import Site

_WILDCARD = re.compile(r"[*?\[]")
READY_SECONDS = 30.0
"""How long a watcher may take to start before the run gives up (a stuck file system)."""


class Change(enum.Enum):
    """What happened to a path (watchfiles' ``Change``, without importing it here)."""

    ADDED = 1
    MODIFIED = 2
    DELETED = 3


Event = tuple[Change, Path]


@frozen
class Plan:
    """What one batch of changes asks for."""

    everything: bool = False
    """A config file changed: read the settings again and lint every file."""
    configs: tuple[Path, ...] = ()
    """The config files that changed."""
    lint: tuple[Path, ...] = ()
    """The posts (real paths) to lint again."""
    deleted: tuple[Path, ...] = ()
    """The posts (real paths) that no longer exist."""
    unknown: tuple[Path, ...] = ()
    """Markdown files created or written that the last run did not lint: posts only if the
    request covers them (a new file in a watched folder, not excluded)."""
    looked_for: tuple[Path, ...] = ()
    """Files created or deleted that posts looked for (the reason those are linted again)."""

    def __bool__(self) -> bool:
        return bool(self.everything or self.lint or self.deleted or self.unknown)


@frozen
class Known:
    """What the last runs learnt: the posts, what their rules looked at, the config files."""

    posts: frozenset[Path] = frozenset()
    dependents: dict[Path, frozenset[Path]] = attrs.field(factory=dict)
    """A file whose existence a rule checked (an image) -> the posts that checked it."""
    configs: frozenset[Path] = frozenset()
    """Config files whose change means every file (the recapkit config, each site's config)."""
    config_folders: frozenset[Path] = frozenset()
    """Folders where a new ``recapkit.toml`` or ``pyproject.toml`` would be found first."""


def plan(events: Iterable[Event], known: Known) -> Plan:
    """What *events* (real paths) mean for the posts *known* about."""
    configs: list[Path] = []
    relint: dict[Path, None] = {}
    deleted: dict[Path, None] = {}
    unknown: dict[Path, None] = {}
    looked_for: dict[Path, None] = {}
    for change, path in sorted(events, key=lambda event: (str(event[1]), event[0].value)):
        if _is_config(path, known):
            configs.append(path)
            continue
        if path in known.dependents and path not in known.posts:
            looked_for[path] = None
        relint.update(dict.fromkeys(sorted(known.dependents.get(path, ()))))
        if path in known.posts:
            (deleted if change is Change.DELETED and not path.exists() else relint)[path] = None
        elif change is not Change.DELETED and path.name.lower().endswith(MARKDOWN_SUFFIXES):
            unknown[path] = None
    if configs:
        return Plan(everything=True, configs=tuple(dict.fromkeys(configs)))
    return Plan(
        lint=tuple(p for p in relint if p not in deleted and p.exists()),
        deleted=tuple(deleted),
        unknown=tuple(unknown),
        looked_for=tuple(looked_for),
    )


def _is_config(path: Path, known: Known) -> bool:
    return path in known.configs or (
        path.name in CONFIG_FILES and path.parent in known.config_folders
    )


@frozen
class Round:
    """One re-lint: the plan it followed and the outcome for the files it linted (None: none)."""

    plan: Plan
    outcome: LintOutcome | None
    deleted: tuple[Path, ...] = ()
    """The posts deleted, as the first run showed them."""


class Session:
    """The lint runs of one ``--watch``: the whole request first, then what each change asks."""

    def __init__(self, request: LintRequest) -> None:
        self.request = request
        self.known = Known()
        self.shown: dict[Path, Path] = {}
        """Each post's real path -> its path as reports show it."""
        self.findings: dict[Path, int] = {}
        """Each post's real path -> how many findings it has now."""
        self._pinned = request
        self._written: dict[Path, tuple[int, int]] = {}
        """The files --fix wrote -> their (size, mtime): their own change is not a change."""

    def everything(self) -> LintOutcome:
        """Lint every file of the request, with its settings read again."""
        config = settings(self.request)
        # The settings stay as the whole run found them: linting one changed file must not
        # look for a config file from that file's folder.
        self._pinned = attrs.evolve(self.request, config=config, overrides=Overrides())
        outcome = lint(self._pinned)
        self.shown, self.findings = {}, {}
        self.known = Known()  # what the posts looked for is learnt again too
        self._learn(outcome, full=True)
        return outcome

    def step(self, events: Iterable[Event]) -> Round | None:
        """Re-lint what *events* concern (None: they concern nothing linted)."""
        wanted = plan([e for e in events if not self._own_write(e[1])], self.known)
        if not wanted:
            return None
        if wanted.everything:
            return Round(wanted, self.everything())
        deleted = tuple(self.shown.get(p, p) for p in wanted.deleted)
        for path in wanted.deleted:
            self.shown.pop(path, None)
            self.findings.pop(path, None)
        self.known = attrs.evolve(self.known, posts=frozenset(self.shown))
        paths = [self.shown[p] for p in wanted.lint] + self._new_posts(wanted.unknown)
        if not paths:
            return Round(wanted, None, deleted) if deleted else None
        outcome = lint(attrs.evolve(self._pinned, paths=tuple(paths)))
        self._learn(outcome, full=False)
        return Round(wanted, outcome, deleted)

    def watched(self) -> tuple[list[Path], list[Path]]:
        """The folders to watch: with their subfolders (where the posts are), and alone (where
        config files are)."""
        # A glob as given, not its matches: a post created in a new subfolder matches it too.
        given = [p for p in self.request.paths if not str(p).startswith("!")]
        deep = _dedupe([_folder_of(p) for p in given or [Path()]])
        flat = [f for f in sorted(self.known.config_folders) if f.is_dir()]
        flat += sorted({c.parent for c in self.known.configs if c.parent.is_dir()} - set(flat))
        inside = [f for f in flat if not any(f.is_relative_to(d) for d in deep)]
        return deep, inside

    def _new_posts(self, candidates: Sequence[Path]) -> list[Path]:
        """Those of *candidates* the request covers (walked again: excludes, globs, sites)."""
        if not candidates:
            return []
        covered = {t.real: t.path for t in resolve(self._pinned).targets}
        return [covered[p] for p in candidates if p in covered]

    def _own_write(self, path: Path) -> bool:
        """Whether *path* is as --fix left it (its write's event is no news)."""
        stamp = self._written.pop(path, None)
        return stamp is not None and stamp == _stamp(path)

    def _learn(self, outcome: LintOutcome, *, full: bool) -> None:
        fixed = {d.path for d in outcome.result.fixes}
        dependents = {k: set(v) for k, v in self.known.dependents.items()}
        for file in outcome.result.files:
            real = file.target.real
            self.shown[real] = file.target.path
            self.findings[real] = len(file.diagnostics)
            if str(file.target.path) in fixed:
                self._written[real] = _stamp(real)
            for dependency, _existed in file.dependencies:
                dependents.setdefault(Path(dependency), set()).add(real)
            for data_file, _digest in file.data_files:  # a sidecar edit re-lints its post
                dependents.setdefault(Path(data_file), set()).add(real)
        configs, folders = self.known.configs, self.known.config_folders
        if full:
            sites = [use.site for use in outcome.sites if use.site is not None]
            configs, folders = _config_files(self.request, outcome.config, sites)
        self.known = Known(
            posts=frozenset(self.shown),
            dependents={k: frozenset(v) for k, v in dependents.items()},
            configs=frozenset(configs),
            config_folders=frozenset(folders),
        )


def _stamp(path: Path) -> tuple[int, int]:
    try:
        status = path.stat()
    except OSError:
        return (-1, -1)
    return (status.st_size, status.st_mtime_ns)


def _config_files(
    request: LintRequest, config: Config, sites: Iterable[Site]
) -> tuple[frozenset[Path], frozenset[Path]]:
    """The config files that matter to *request* and the folders a new one would appear in."""
    configs = {
        path.resolve() for site in sites for path in site.generator.config_files(Path(site.root))
    }
    folders: set[Path] = set()
    if config.path is not None:
        configs.add(config.path.resolve())
    if request.config_file is None and not request.isolated:
        # A nearer recapkit.toml or pyproject.toml would be found first (config.find_config).
        paths = split_given(request.paths)[0] or [Path()]
        start = _folder_of(paths[0])
        stop = config.path.resolve().parent if config.path is not None else None
        for folder in (start, *start.parents):
            folders.add(folder)
            if folder == stop:
                break
    return frozenset(configs), frozenset(folders)


def _folder_of(path: Path) -> Path:
    """The folder to watch for *path*: itself, or the folder holding a file (editors save by
    replacing the file, which a watch on the file itself would lose)."""
    real = path.resolve()
    if real.is_dir():
        return real
    if real.exists():
        return real.parent
    # A glob: the folders before its first wildcard.
    parts = list(itertools.takewhile(lambda part: not _WILDCARD.search(part), path.parts))
    return _folder_of(Path(*parts)) if parts and len(parts) < len(path.parts) else Path.cwd()


def _dedupe(folders: Sequence[Path]) -> list[Path]:
    """*folders* without those inside another one."""
    unique = sorted(set(folders))
    return [f for f in unique if not any(f != o and f.is_relative_to(o) for o in unique)]


class Watcher:
    """watchfiles in threads: *deep* folders with their subfolders, *flat* ones alone."""

    def __init__(self, deep: Sequence[Path], flat: Sequence[Path]) -> None:
        self._batches: queue.Queue[set[tuple[int, str]] | BaseException] = queue.Queue()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        for folders, recursive in ((deep, True), (flat, False)):
            if folders:
                self._start(folders, recursive)

    def _start(self, folders: Sequence[Path], recursive: bool) -> None:
        ready = threading.Event()
        thread = threading.Thread(
            target=self._run, args=(folders, recursive, ready), name="watch", daemon=True
        )
        thread.start()
        self._threads.append(thread)
        if not ready.wait(READY_SECONDS):
            raise OSError(f"cannot watch {', '.join(map(str, folders))}: the watcher did not start")

    def _run(self, folders: Sequence[Path], recursive: bool, ready: threading.Event) -> None:
        import watchfiles

        try:
            # yield_on_timeout: an empty batch once the watcher runs, so it is known to be ready.
            for changes in watchfiles.watch(
                *folders,
                recursive=recursive,
                stop_event=self._stop,
                rust_timeout=200,
                yield_on_timeout=True,
            ):
                ready.set()
                if changes:
                    self._batches.put({(int(c), p) for c, p in changes})
        except BaseException as exc:  # handed to the main thread, which reports it
            self._batches.put(exc)
        finally:
            ready.set()

    def next(self) -> set[Event]:
        """The next batch of changes (the batches that arrived together, as one)."""
        while True:
            try:
                first = self._batches.get(timeout=1.0)  # short waits: signals get through
            except queue.Empty:
                continue
            batch = _events(first)
            while not self._batches.empty():
                batch |= _events(self._batches.get_nowait())
            return batch

    def close(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=5)


def _events(item: set[tuple[int, str]] | BaseException) -> set[Event]:
    if isinstance(item, BaseException):
        raise item
    return {(Change(change), Path(path)) for change, path in item}
