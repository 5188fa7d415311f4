"""Which files ``recapkit lint PATH...`` checks.

A file named on the command line is linted whatever its extension (unless excluded); a
directory is walked for ``.md``/``.markdown`` files. When the directory is a site's root, only
its content directories are walked, so a Hugo theme's or ``node_modules``' Markdown is not
linted. Hidden directories and ``node_modules`` are never entered; symbolic links to
directories are not followed, and a symbolic link to a file counts only when its target stays
inside the directory walked (a post never leads the linter out of the site); dangling links and
symbolic link loops are skipped.

Each file carries the site it belongs to, found per folder by :class:`recapkit.ssg.SiteFinder`,
so one run over several sites (``recapkit lint blogA/ blogB/``) reads every post with its own
site's generator.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from attrs import evolve, field, frozen

from recapkit.config import Config
from recapkit.errors import UsageError
from recapkit.lint.globs import GlobSet
from recapkit.ssg.base import Site, SiteDetectionError
from recapkit.ssg.site import SiteFinder, SiteOf

MARKDOWN_SUFFIXES = (".md", ".markdown")
_NEVER_ENTER = frozenset({"node_modules", "__pycache__"})
_UNSET: Any = object()


@frozen
class Target:
    """One file to lint: ``path`` as the user wrote it (shown in reports), ``real`` resolved."""

    path: Path
    real: Path
    site: Site | None = field(default=None, eq=False)
    """The site the file belongs to (None: none found, or not looked up)."""
    outside: Path | None = field(default=None, eq=False)
    """The folder that ``real`` lies outside of, when ``path`` is a link out of the site: it is
    linted but never written (None: inside)."""


def discover(
    paths: Sequence[str | os.PathLike[str]],
    *,
    config: Config,
    site: Site | None = None,
    sites: SiteFinder | None = None,
    excluded_given: list[tuple[Path, str]] | None = None,
) -> list[Target]:
    """Every file to lint under *paths*, each once, in a stable order.

    With *sites*, each file gets the site its folder belongs to; otherwise every file gets
    *site*. A path of *paths* that an ``exclude``
    pattern matches is added to *excluded_given* with that pattern, so the caller can say why
    it is not linted. Raises :class:`UsageError` for a path that does not exist, and
    :class:`recapkit.ssg.SiteDetectionError` for a folder that looks like two kinds of site
    when no ``ssg`` is configured.
    """
    excluded = GlobSet(config.exclude, config.root)
    seen: set[str] = set()  # strings: a path object hashes and compares its parts, in Python
    targets: list[Target] = []
    for given in paths:
        path = Path(given)
        _check_given(path)
        if excluded and excluded_given is not None:
            pattern = excluded.pattern_of(path.resolve(), is_dir=path.is_dir())
            if pattern is not None:
                excluded_given.append((path, pattern))
        site_of = sites.resolver(path) if sites is not None else (lambda _folder: site)
        boundary = _write_boundary(path, config, site_of)
        inside_boundary = _within(boundary)
        for target in _expand(path, config, site_of, excluded):
            real = str(target.real)
            if real not in seen:
                seen.add(real)
                inside = inside_boundary(real)
                targets.append(target if inside else evolve(target, outside=boundary[0]))
    return targets


def _within(folders: Sequence[Path]) -> Callable[[str], bool]:
    """Whether a resolved path lies in one of *folders* (resolved too): ``is_relative_to``
    without a path object per file, nor the exception it raises and catches for each call (a
    tenth of a cached run of 4,000 posts). On POSIX, two resolved paths are the same strings
    part for part; Windows paths compare case-insensitively, so there ``PurePath`` does it."""
    if os.name != "posix":
        return lambda real: any(Path(real).is_relative_to(folder) for folder in folders)
    prefixes = tuple(str(folder).rstrip("/") + "/" for folder in folders)
    exact = frozenset(map(str, folders))
    return lambda real: real in exact or real.startswith(prefixes)


def _write_boundary(path: Path, config: Config, site_of: SiteOf) -> tuple[Path, ...]:
    """The folders --fix may write in for files found from *path*: the root of the site that
    *path* lies in, as written (a link named on the command line is not followed for this);
    without a site, the configuration's root (the current folder when there is no config
    file) and the folder named (or holding the file named), again as written."""
    absolute = path.absolute()
    lexical = Path(os.path.realpath(absolute.parent)) / absolute.name
    folder = lexical if path.is_dir() else lexical.parent
    try:
        site = site_of(folder)
    except SiteDetectionError:
        site = None
    if site is not None:
        return (Path(site.root).resolve(),)
    return config.root.resolve(), folder


def _check_given(path: Path) -> None:
    """A path named on the command line must lead somewhere: one line, not a traceback."""
    try:
        path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UsageError(f"{path}: symbolic link loop") from exc
        raise UsageError(f"{path}: no such file or directory") from exc


def _expand(path: Path, config: Config, site_of: SiteOf, excluded: GlobSet) -> Iterator[Target]:
    real = path.resolve()
    if not path.is_dir():
        if not excluded.matches(real):
            yield Target(path, real, site_of(real.parent))
        return
    for directory in _content_roots(path, real, config, site_of(real)):
        yield from _walk(directory, excluded, site_of)


def _content_roots(path: Path, real: Path, config: Config, site: Site | None) -> list[Path]:
    """The directories to walk for *path*: the site's content dirs when *path* is the site root."""
    if config.content_dirs and real == config.root:
        dirs = [path / d for d in config.content_dirs]
    elif site is not None and real == Path(site.root).resolve() and site.content_dirs:
        dirs = [_shown_as(path, real, Path(d)) for d in site.content_dirs]
    else:
        return [path]
    return [d for d in dirs if d.is_dir()] or [path]


def _shown_as(path: Path, real: Path, directory: Path) -> Path:
    """*directory* written the way the user wrote *path* (its root) when it lies below it."""
    resolved = directory.resolve()
    return path / resolved.relative_to(real) if resolved.is_relative_to(real) else directory


def _walk(top: Path, excluded: GlobSet, site_of: SiteOf) -> Iterator[Target]:
    top_real = top.resolve()
    yield from _walk_folder(top, top_real, top_real, excluded, site_of)


def _walk_folder(
    folder: Path, real: Path, top_real: Path, excluded: GlobSet, site_of: SiteOf
) -> Iterator[Target]:
    """Depth-first, sorted; ``os.scandir`` tells links and folders apart without extra system calls.

    A folder below *top_real* that is a site's root is walked in its content folders only: its
    README, archetypes and themes are not posts (the given folder itself: see _content_roots).
    """
    if real != top_real:
        roots = _site_content(folder, real, site_of)
        if roots is not None:
            for directory in roots:
                yield from _walk_folder(directory, directory.resolve(), top_real, excluded, site_of)
            return
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except OSError:
        return  # unreadable folder: nothing to lint there
    site: Site | None = _UNSET
    for entry in entries:
        name = entry.name
        if name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            if name not in _NEVER_ENTER and not excluded.matches(real / name, is_dir=True):
                yield from _walk_folder(folder / name, real / name, top_real, excluded, site_of)
        elif name.lower().endswith(MARKDOWN_SUFFIXES):
            if site is _UNSET:  # once per folder that holds posts, not per post
                site = site_of(real)
            target = _file_target(entry, folder / name, real / name, top_real, site)
            if target is not None and not excluded.matches(target.real):
                yield target


def _site_content(folder: Path, real: Path, site_of: SiteOf) -> list[Path] | None:
    """The content folders to walk when *real* is a site's root (None: it is not one, or none of
    its content folders exists, so the folder is walked as any other)."""
    try:
        site = site_of(real)
    except SiteDetectionError:
        return None  # two generators claim it: said for the posts it holds, if any
    if site is None or Path(site.root).resolve() != real or not site.content_dirs:
        return None
    dirs = [_shown_as(folder, real, Path(d)) for d in site.content_dirs]
    inside = [d for d in dirs if d.is_dir() and d.resolve().is_relative_to(real)]
    return inside or None


def _file_target(
    entry: os.DirEntry[str], path: Path, real: Path, top_real: Path, site: Site | None
) -> Target | None:
    if entry.is_symlink():
        try:
            real = path.resolve()
        except (OSError, RuntimeError):
            return None  # a symbolic link loop (RuntimeError on Python < 3.13): nothing to lint
        if not real.is_relative_to(top_real) or not real.is_file():
            return None  # a link out of the site (or dangling): never follow it
    elif not entry.is_file(follow_symlinks=False):
        return None
    return Target(path, real, site)
