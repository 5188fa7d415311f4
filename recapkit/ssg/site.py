"""Which site a path belongs to, and which generator reads it: the one policy, :func:`find_site`.

Detection walks up from a path to the first folder that a registered generator claims by its
config file (or, for Jekyll, a ``Gemfile`` naming it beside ``_posts/``), never climbing above a
Git repository root. A folder that only looks like a site (``_posts/`` without a config is
Jekyll's and a Hexo ``source`` folder's alike; Hugo and Zola both have ``content/`` and
``static/``) is not guessed at: without a config the post is read as generic Markdown, and the
user is told to name the generator. Claims on one config file are settled by strength (a ``config.toml`` with
``base_url`` is Zola's, not Hugo's); claims that remain on two generators are an error that asks
for ``--ssg``. A generator named by the user (``--ssg``, ``ssg =``) reads the detected root (or the
given fallback folder) whatever was detected. Each site's config is read once, here.
:class:`SiteFinder` answers for the many folders of one lint run, detecting once per site.
"""

from __future__ import annotations

import fnmatch
import functools
import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import attrs
from attrs import frozen

from recapkit.ssg import registry
from recapkit.ssg.base import Claim, Generator, Site, SiteDetectionError
from recapkit.ssg.config_file import ConfigRead, Folder, scan


def detect_site(start: Path) -> Site | None:
    """The site containing *start* (a file or folder), found by walking up; None if none.

    Raises :class:`SiteDetectionError` when one folder is claimed by more than one generator.
    """
    current = Path(os.path.realpath(start))
    if not current.is_dir():
        current = current.parent
    for directory in (current, *current.parents):
        folder = scan(directory)
        if folder is None:
            continue
        claims = _settled(folder, [(g, c) for g in registry.generators() if (c := g.claim(folder))])
        if claims:
            generator, claim = claims[0]
            return _build(generator, directory, claim.config_file, folder)
        if folder.has(".git"):
            break
    return None


def _settled(
    folder: Folder, claims: list[tuple[Generator, Claim]]
) -> list[tuple[Generator, Claim]]:
    """The claims that stand: on a config file claimed strongly, the weak claims fall."""
    strong = {claim.config_file for _, claim in claims if claim.strong}
    standing = [(g, c) for g, c in claims if c.strong or c.config_file not in strong]
    if len(standing) > 1:
        names = ", ".join(sorted(generator.name for generator, _ in standing))
        raise SiteDetectionError(
            f"{folder.path} looks like more than one kind of site ({names}); choose one with --ssg"
        )
    return standing


def read_site(root: Path, generator: Generator | str) -> Site:
    """The site at *root* read as *generator* (a name or a generator), with its first config
    file that exists."""
    if isinstance(generator, str):
        generator = registry.get(generator)
    root = Path(os.path.realpath(root))
    config = next((c for c in generator.config_files(root) if c.is_file()), None)
    return _build(generator, root, config, scan(root))


def _build(
    generator: Generator, root: Path, config_file: Path | None, folder: Folder | None
) -> Site:
    read = ConfigRead()
    if config_file is not None:
        read = (folder or Folder(root, frozenset())).read(config_file)
    site = generator.site(root, read.data, config_file)
    return attrs.evolve(
        site,
        config_file=config_file,
        config=read.data,
        config_digest=read.digest,
        config_problem=read.problem,
    )


def find_site(
    start: Path, *, ssg: str | None = None, fallback_root: Path | None = None
) -> Site | None:
    """The site *start* belongs to: detected, or read as the generator *ssg* names.

    With *ssg*, the detected root (else *fallback_root*, else *start*'s folder) is read as that
    generator, and a folder two generators claim is no error. Without it, None when nothing is
    detected.
    """
    try:
        detected = detect_site(start)
    except SiteDetectionError:
        if ssg is None:
            raise
        detected = None
    if ssg is None:
        return detected
    root = detected.root if detected is not None else fallback_root or _folder(start)
    return read_site(root, ssg)


def _folder(path: Path) -> Path:
    return path if path.is_dir() else path.parent


SiteOf = Callable[[Path], Site | None]
"""A resolved folder -> the site of the files in it."""


@frozen
class Folders:
    """Content and static folders a user's configuration sets, for the sites it belongs to: the
    sites inside its folder *root*, or containing it (a sibling site keeps its own folders)."""

    root: Path
    content: tuple[Path, ...] = ()
    static: tuple[Path, ...] = ()


class SiteFinder:
    """The site of each folder of a lint run: :func:`find_site`, once per folder, and once per
    site however many folders it has.

    *ssg* names the generator (a configured ``ssg``); with no site in reach, the path given on the
    command line is then taken as the site root. *folders* replaces the content and static
    folders of the sites it belongs to.
    """

    def __init__(self, ssg: str | None = None, folders: Folders | None = None) -> None:
        self.ssg = ssg
        self.folders = folders
        self._by_folder: dict[tuple[Path, Path | None], Site | None] = {}
        self._detected: dict[Path, Site | SiteDetectionError | None] = {}
        self._same: dict[Site, Site] = {}

    def resolver(self, given: Path) -> SiteOf:
        """The folder -> site function for the files found under the path *given* by the user."""
        fallback = _folder(given) if self.ssg else None
        return lambda folder: self.site_of(folder, fallback)

    def site_of(self, folder: Path, fallback_root: Path | None = None) -> Site | None:
        key = (folder, fallback_root)
        if key not in self._by_folder:
            self._by_folder[key] = self._find(folder, fallback_root)
        return self._by_folder[key]

    def sites(self) -> Iterable[Site]:
        """Every site found so far."""
        return self._same.values()

    def _find(self, folder: Path, fallback_root: Path | None) -> Site | None:
        ssg = self.ssg
        try:
            site = self._detect(folder)
        except SiteDetectionError:
            if not ssg:
                raise  # ambiguous and nothing says which: the error asks for --ssg
            site = None
        if ssg:
            root = site.root if site is not None else fallback_root or folder
            site = read_site(root, ssg)
        if site is None:
            return None
        if self.folders is not None:
            site = configured(site, self.folders)
        # One object per site: the run's cache key and per-site settings are computed per object.
        return self._same.setdefault(site, site)

    def _detect(self, folder: Path) -> Site | None:
        """:func:`detect_site` of *folder*, reusing the parent folder's answer when *folder* holds
        nothing that could make it a site root or stop the walk (a Hugo page bundle, a year
        folder): a site of 4,000 page bundles then costs one detection, not 4,000 walks."""
        if folder not in self._detected:
            parent = folder.parent
            known: Site | SiteDetectionError | None
            try:
                if parent != folder and not _may_be_site_root(folder):
                    known = self._detect(parent)
                else:
                    known = detect_site(folder)
            except SiteDetectionError as exc:  # every folder below an ambiguous one says so too
                known = exc
            self._detected[folder] = known
        found = self._detected[folder]
        if isinstance(found, SiteDetectionError):
            raise found
        return found


def configured(site: Site, folders: Folders) -> Site:
    """*site* with the configured content and static folders, when the configuration belongs
    to it."""
    if not (folders.content or folders.static):
        return site
    root = site.root.resolve()
    if not (root.is_relative_to(folders.root) or folders.root.is_relative_to(root)):
        return site
    changes: dict[str, Any] = {}
    if folders.content:
        changes["content_dirs"] = folders.content
    if folders.static:
        changes["static_dirs"] = folders.static
    return attrs.evolve(site, **changes)


def _may_be_site_root(folder: Path) -> bool:
    """Whether *folder* holds anything site detection looks at (a generator's root markers, or
    ``.git``); deliberately broad (every TOML/YAML/JSON file counts), so it never hides a root."""
    found = scan(folder)
    if found is None:
        return True  # cannot tell: let detection decide
    matches = _root_marker_pattern(tuple(m for g in registry.generators() for m in g.root_markers))
    return any(matches(name) for name in found.names)


@functools.lru_cache(maxsize=4)
def _root_marker_pattern(markers: tuple[str, ...]) -> Callable[[str], object]:
    """One compiled match for all root markers: a folder of thousands of posts is scanned once,
    not once per marker (the registry can change, so the markers are the cache key)."""
    parts = [r"\.git", r".*\.(?:toml|ya?ml|json)", *(fnmatch.translate(m) for m in markers)]
    return re.compile("|".join(f"(?:{p})" for p in parts)).fullmatch
