"""Static site generators: find the site a post belongs to, and where its images live.

:func:`detect_site` walks up from a path to the site root (Hugo, Hexo, Jekyll, Zola) and
reads the few settings that decide where files are; :func:`resolve_image` turns an image
reference into the file the SSG would serve, the way that SSG resolves it. Nothing here
touches a path outside the site root. See ``docs/posts.md``.
"""

from __future__ import annotations

import enum
import json
import os
import re
import tomllib
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from attrs import frozen

from recapkit.errors import RecapkitError

__all__ = [
    "SSG",
    "ImageResolution",
    "Site",
    "SiteDetectionError",
    "detect_site",
    "post_path_date",
    "resolve_image",
    "site_for_ssg",
]


class SSG(enum.StrEnum):
    HUGO = "hugo"
    HEXO = "hexo"
    JEKYLL = "jekyll"
    ZOLA = "zola"


class SiteDetectionError(RecapkitError):
    """The layout matches more than one SSG; the user has to name one (``--ssg``)."""


@frozen
class Site:
    """A static site: its root, generator and the directories that matter for posts."""

    root: Path
    ssg: SSG | None
    content_dirs: tuple[Path, ...]
    """Where posts live (Hugo ``content/``, Hexo ``source/_posts``, Jekyll ``_posts``...)."""
    static_dirs: tuple[Path, ...]
    """Where a root-relative ``/x.png`` is looked up, in order."""
    post_asset_folder: bool = False
    """Hexo: each post has a folder of the same name for its images."""
    baseurl: str = ""
    """The URL path the site is served under (``/blog``; Jekyll ``baseurl``), or ``""``."""
    config_file: Path | None = None


_HUGO_CONFIGS = tuple(
    f"{stem}.{ext}" for stem in ("hugo", "config") for ext in ("toml", "yaml", "yml", "json")
)
_GEMFILE_JEKYLL = re.compile(rb"""^\s*gem\s+["'](?:jekyll|github-pages)["']""", re.MULTILINE)
_DATE_PREFIX = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?=$|[-_.])")
# --- detection ---------------------------------------------------------------------------


def detect_site(start: Path) -> Site | None:
    """The site containing *start* (a file or directory), found by walking up; None if none.

    Stops at the first directory with a generator's config file (see ``docs/posts.md``) and
    never climbs above a Git repository root. When no config file is found, a directory laid
    out unmistakably like a site counts (Hugo ``content/`` + ``static/``, Hexo
    ``source/_posts/``, Jekyll ``_posts/``), with default settings. Raises
    :class:`SiteDetectionError` when one directory matches more than one SSG.
    """
    current = start.resolve()
    if not current.is_dir():
        current = current.parent
    walked: list[Path] = []
    for directory in (current, *current.parents):
        walked.append(directory)
        matches = _site_roots(directory)
        if len(matches) > 1:
            names = ", ".join(sorted(str(m[0]) for m in matches))
            raise SiteDetectionError(
                f"{directory} looks like more than one kind of site ({names}); choose one with --ssg"
            )
        if matches:
            ssg, config = matches[0]
            return _build_site(directory, ssg, config)
        if (directory / ".git").exists():
            break
    return next((site for site in map(_site_by_layout, walked) if site is not None), None)


def _site_by_layout(directory: Path) -> Site | None:
    """A site without a config file in reach (a snapshot, a sub-folder checkout): by its folders."""
    if (directory / "content").is_dir() and (directory / "static").is_dir():
        return _build_site(directory, SSG.HUGO, None)
    if (directory / "source" / "_posts").is_dir():
        return _build_site(directory, SSG.HEXO, None)
    # `source/_posts` is Hexo's: the parent matches as Hexo on the next step up.
    if (directory / "_posts").is_dir() and directory.name != "source":
        return _build_site(directory, SSG.JEKYLL, None)
    return None


def site_for_ssg(root: Path, ssg: SSG | str) -> Site:
    """The site at *root* treated as *ssg* (when the user names the generator)."""
    kind = SSG(str(ssg).lower())
    config = next((c for c in _config_candidates(root, kind) if c.is_file()), None)
    return _build_site(root.resolve(), kind, config)


def _site_roots(directory: Path) -> list[tuple[SSG, Path | None]]:
    try:
        names = {entry.name for entry in os.scandir(directory)}
    except OSError:
        return []
    found: list[tuple[SSG, Path | None]] = []
    hugo = _hugo_config(directory, names)
    zola = next((directory / n for n in ("zola.toml", "config.toml") if n in names), None)
    if zola is not None and _has_key(zola, "base_url"):
        found.append((SSG.ZOLA, zola))
    elif hugo is not None:
        found.append((SSG.HUGO, hugo))
    if "_config.yml" in names or "_config.yaml" in names:
        config = directory / ("_config.yml" if "_config.yml" in names else "_config.yaml")
        source = _hexo_source_dir(_read_config(config))
        if (directory / source / "_posts").is_dir():
            found.append((SSG.HEXO, config))
        elif "_posts" in names or _jekyll_gemfile(directory, names):
            found.append((SSG.JEKYLL, config))
    elif _jekyll_gemfile(directory, names) and "_posts" in names:
        found.append((SSG.JEKYLL, None))
    return found


def _hugo_config(directory: Path, names: set[str]) -> Path | None:
    for name in _HUGO_CONFIGS:
        # `config.*` is generic; only a `content/` dir (or hugo.*) makes it Hugo's.
        if name in names and (
            name.startswith("hugo.")
            or "content" in names
            or _has_key(directory / name, "contentdir")
        ):
            return directory / name
    default = directory / "config" / "_default"
    if "config" in names and "content" in names and default.is_dir():
        return next((default / n for n in _HUGO_CONFIGS if (default / n).is_file()), None)
    return None


def _jekyll_gemfile(directory: Path, names: set[str]) -> bool:
    if "Gemfile" not in names:
        return False
    try:
        return bool(_GEMFILE_JEKYLL.search((directory / "Gemfile").read_bytes()))
    except OSError:
        return False


def _config_candidates(root: Path, ssg: SSG) -> list[Path]:
    if ssg is SSG.HUGO:
        return [root / n for n in _HUGO_CONFIGS] + [
            root / "config/_default" / n for n in _HUGO_CONFIGS
        ]
    if ssg is SSG.ZOLA:
        return [root / "zola.toml", root / "config.toml"]
    return [root / "_config.yml", root / "_config.yaml"]


def _build_site(root: Path, ssg: SSG, config_file: Path | None) -> Site:
    config = _read_config(config_file) if config_file else {}
    return _BUILDERS[ssg](root, config, config_file)


def _hugo_site(root: Path, config: Mapping[str, Any], config_file: Path | None) -> Site:
    content = _setting(config, "contentDir", "content")
    static = [_setting(config, "staticDir", "static")]
    static += [str(config[k]) for k in sorted(config) if re.fullmatch(r"(?i)staticdir\d+", k)]
    themes = _as_list(_lookup(config, "theme"))
    static_dirs = [root / s for s in static] + [root / "themes" / t / "static" for t in themes]
    # Page bundles are published at their content path, so `/posts/x/y.png` may live there.
    return Site(
        root,
        SSG.HUGO,
        (root / content,),
        (*static_dirs, root / content),
        baseurl=_url_path(_lookup(config, "baseURL")),
        config_file=config_file,
    )


def _hexo_site(root: Path, config: Mapping[str, Any], config_file: Path | None) -> Site:
    source = root / _hexo_source_dir(config)
    themes = _as_list(config.get("theme"))
    return Site(
        root,
        SSG.HEXO,
        (source / "_posts", source / "_drafts"),
        (source, *(root / "themes" / t / "source" for t in themes)),
        post_asset_folder=config.get("post_asset_folder") is True,
        baseurl=str(config.get("root") or "").rstrip("/"),
        config_file=config_file,
    )


def _jekyll_site(root: Path, config: Mapping[str, Any], config_file: Path | None) -> Site:
    source = root / str(config.get("source") or ".")
    return Site(
        root,
        SSG.JEKYLL,
        (source / "_posts", source / "_drafts"),
        (source,),
        baseurl=str(config.get("baseurl") or "").rstrip("/"),
        config_file=config_file,
    )


def _zola_site(root: Path, config: Mapping[str, Any], config_file: Path | None) -> Site:
    # Zola serves static/ at the root and copies assets next to their pages from content/.
    return Site(
        root,
        SSG.ZOLA,
        (root / "content",),
        (root / "static", root / "content"),
        baseurl=_url_path(config.get("base_url")),
        config_file=config_file,
    )


_BUILDERS = {
    SSG.HUGO: _hugo_site,
    SSG.HEXO: _hexo_site,
    SSG.JEKYLL: _jekyll_site,
    SSG.ZOLA: _zola_site,
}


def _read_config(path: Path) -> dict[str, Any]:
    """A config file's top-level mapping; {} when unreadable or broken (detection is best effort)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
        if path.suffix == ".toml":
            data: Any = tomllib.loads(text)
        elif path.suffix == ".json":
            data = json.loads(text)
        else:
            data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError, RecursionError):
        return {}
    return {str(k): v for k, v in data.items()} if isinstance(data, dict) else {}


def _has_key(path: Path, key: str) -> bool:
    return any(k.lower() == key for k in _read_config(path))


def _lookup(config: Mapping[str, Any], key: str) -> Any:
    """Hugo's keys are case-insensitive (``baseURL``, ``baseurl``)."""
    wanted = key.lower()
    return next((v for k, v in config.items() if k.lower() == wanted), None)


def _setting(config: Mapping[str, Any], key: str, default: str) -> str:
    value = _lookup(config, key)
    return value if isinstance(value, str) and value else default


def _hexo_source_dir(config: Mapping[str, Any]) -> str:
    value = config.get("source_dir")
    return value if isinstance(value, str) and value else "source"


def _as_list(value: Any) -> list[str]:
    if isinstance(value, str) and value:
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str) and v]
    return []


def _url_path(value: Any) -> str:
    if not isinstance(value, str):
        return ""
    return urlsplit(value).path.rstrip("/")


# --- dates in file names -----------------------------------------------------------------


def post_path_date(path: Path | str) -> date | None:
    """The date a file name starts with: Jekyll ``2019-08-20-slug.md``, Hugo ``2018-02-13-x.md``.

    For a bundle (``2019-08-20-slug/index.md``) the folder name counts. None when there is no
    such prefix or it is not a real date.
    """
    file = Path(path)
    name = file.parent.name if file.stem in ("index", "_index") else file.name
    match = _DATE_PREFIX.match(name)
    if match is None:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


# Image resolution lives in its own module (it only needs a Site); it is part of this API.
from recapkit.ssg.images import ImageResolution as ImageResolution  # noqa: E402
from recapkit.ssg.images import resolve_image as resolve_image  # noqa: E402
