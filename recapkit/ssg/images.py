"""Where an image reference leads on disk, resolved the way the site's generator does it.

The generator says which folders a page-relative path is looked up in (Hugo's bundles, Hexo's
post asset folders) and which template code stands for the site's URL; the static folders of
the :class:`~recapkit.ssg.base.Site` serve root-relative paths. Nothing here touches a path
outside the site root: candidates are checked lexically first, and a symlink that leads out of
the site does not count as found. Without a site, nothing is known beyond the post's own
folder: a root-relative path, or one that climbs out of that folder, is *unverified*, never
"missing" or "outside the site".
"""

from __future__ import annotations

import enum
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

import attrs
from attrs import frozen

from recapkit.post.types import ImageRef
from recapkit.ssg import registry

if TYPE_CHECKING:
    from recapkit.ssg.base import Site

_WINDOWS_PATH = re.compile(r"^[A-Za-z]:[\\/]")
_NO_SITE = "no site generator was detected, so recapkit does not know "


class PathForm(enum.StrEnum):
    """How the URL a page shows for a local image is written, which decides what the browser
    resolves it against."""

    PAGE_RELATIVE = "page-relative"
    """``x.png``, ``../img/x.png``: against the page's URL (or a ``<base href>``)."""
    SITE_ABSOLUTE = "site-absolute"
    """``/img/x.png`` (also after the site's URL template, or written so by the generator's
    tag): against the site's host."""


@frozen
class ImageResolution:
    """Where an image reference leads on disk."""

    found: Path | None
    """The existing file, or None."""
    candidates: tuple[Path, ...]
    """Every file tried, in order (for "not found" messages)."""
    remote: bool = False
    """An ``http(s)://`` or ``//host`` URL: not a local file."""
    outside_site: bool = False
    """The path leaves the site root (``../../x``, ``C:\\x``, ``file:``); never looked up."""
    unresolvable: bool = False
    """Cannot be decided from files: a template (``{{ .Site.X }}``), ``data:`` URI, empty src."""
    unverified: bool = False
    """A local path whose place recapkit cannot see: with no site detected, a root-relative
    path or one that climbs out of the post's folder (never looked up); or a root-relative
    path not found, which a static folder linked in from outside the site may serve."""
    form: PathForm | None = None
    """How the page's URL for it is written, for a path that was looked up (or unverified)."""
    reason: str = ""
    """Why, when remote, outside or unresolvable, in words for a message."""
    case_mismatch: Path | None = None
    """When not found: an existing file whose name differs only in letter case (it works on
    macOS and Windows, and breaks on a Linux build server)."""


def resolve_image(site: Site | None, post_path: Path, ref: ImageRef) -> ImageResolution:
    """Where *ref* (an image in the post at *post_path*) is on disk, as the SSG resolves it.

    Order tried: page-relative (and Hexo's post asset folder, Hugo's ``post/`` bundle
    folder), then each static dir for root-relative paths. Without a site, only paths
    below the post's own folder are looked up; the others are unverified.
    """
    src = ref.src.strip()
    early = _classify(src)
    if early is not None:
        return early
    # Every generator's URL templates, as the loader reads every generator's tags (see
    # registry.generic): `{{ site.baseurl }}/x.png` is Jekyll's site-absolute /x.png.
    src = registry.generic().strip_url_templates(src)
    if "{{" in src or "{%" in src:
        return ImageResolution(None, (), unresolvable=True, reason="a template expression")
    path = re.split(r"[?#]", src, maxsplit=1)[0]
    if not path:
        return ImageResolution(None, (), unresolvable=True, reason="no file name")
    # The folder is resolved (like the site root), the file name kept: a post may be a symlink.
    post = Path(os.path.realpath(Path(post_path).absolute().parent)) / Path(post_path).name
    if path.startswith("/"):
        return _site_absolute(site, _spellings(path))
    return _page_relative(site, post, ref, _spellings(path))


def _site_absolute(site: Site | None, spellings: list[str]) -> ImageResolution:
    """``/x.png``: looked up in the site's static folders, never guessed without a site."""
    if site is None:
        reason = _NO_SITE + "which folder serves root-relative paths"
        return ImageResolution(
            None, (), unverified=True, reason=reason, form=PathForm.SITE_ABSOLUTE
        )
    if not site.static_dirs:
        return ImageResolution(
            None, (), unresolvable=True, reason="no static folder for a root-relative path"
        )
    relatives = [p for s in spellings for p in _without_baseurl(s, site)]
    candidates = [base / rel for rel in relatives for base in site.static_dirs]
    found = _unseen(_look_up(site.root, candidates), site)
    return attrs.evolve(found, form=PathForm.SITE_ABSOLUTE)


def _unseen(found: ImageResolution, site: Site) -> ImageResolution:
    """*found*, unverified when it was not found but may be in a static folder that lies
    outside the site (which is never looked into)."""
    if found.found is not None or found.outside_site or not site.unseen_static_dirs:
        return found
    unseen = ", ".join(_shown(folder, site.root) for folder in site.unseen_static_dirs)
    reason = f"it may be in {unseen}, which links to a folder outside the site"
    return attrs.evolve(found, unverified=True, reason=reason)


def _page_relative(
    site: Site | None, post: Path, ref: ImageRef, spellings: list[str]
) -> ImageResolution:
    """``x.png``: looked up where the generator publishes the page's own files."""
    candidates = [base / s for s in spellings for base in _relative_bases(site, post, ref)]
    found = _look_up(site.root if site is not None else post.parent, candidates)
    if site is None and found.outside_site:
        # The post's folder is only a guess at the site root: above it may still be the site.
        reason = _NO_SITE + "whether a path that leaves the post's folder stays in the site"
        found = ImageResolution(None, found.candidates, unverified=True, reason=reason)
    absolute = registry.image_resolver(site, ref).writes_site_absolute(site, ref)
    return attrs.evolve(found, form=PathForm.SITE_ABSOLUTE if absolute else PathForm.PAGE_RELATIVE)


def _classify(src: str) -> ImageResolution | None:
    if not src:
        return ImageResolution(None, (), unresolvable=True, reason="an empty src")
    if src.startswith("//"):
        return ImageResolution(None, (), remote=True, reason="a remote URL")
    if _WINDOWS_PATH.match(src) or src.startswith("\\\\"):
        return ImageResolution(
            None, (), outside_site=True, reason="a path on the writer's computer"
        )
    scheme = urlsplit(src).scheme.lower() if ":" in src.split("/", 1)[0] else ""
    if scheme in ("http", "https"):
        return ImageResolution(None, (), remote=True, reason="a remote URL")
    if scheme == "file":
        return ImageResolution(
            None, (), outside_site=True, reason="a file: URL on the writer's computer"
        )
    if scheme:
        return ImageResolution(None, (), unresolvable=True, reason=f"a {scheme}: URI")
    return None


def _shown(path: Path, root: Path) -> str:
    """*path* relative to *root* when it is below it, for a message."""
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()


def _spellings(path: str) -> list[str]:
    """The path percent-decoded (as the browser asks for it), then as written if different."""
    decoded = unquote(path)
    return [decoded] if decoded == path else [decoded, path]


def _without_baseurl(path: str, site: Site | None) -> list[str]:
    """Root-relative path -> relative to a static dir; also without the site's baseurl prefix."""
    forms = [path.lstrip("/")]
    if site is not None and site.baseurl and path.startswith(site.baseurl + "/"):
        forms.insert(0, path[len(site.baseurl) :].lstrip("/"))
    return forms


def _relative_bases(site: Site | None, post: Path, ref: ImageRef) -> list[Path]:
    return registry.image_resolver(site, ref).relative_image_bases(site, post, ref)


def _look_up(root: Path, candidates: Iterable[Path]) -> ImageResolution:
    tried: list[Path] = []
    root_text = os.path.realpath(root)
    for candidate in candidates:
        normal = Path(os.path.normpath(candidate))
        if not _inside(str(normal), root_text):
            return ImageResolution(
                None, tuple(tried), outside_site=True, reason="a path that leaves the site"
            )
        if normal in tried:
            continue
        tried.append(normal)
        if _is_file(normal):
            # A symlink inside the site may point out of it: do not count that as found.
            if not _inside(os.path.realpath(normal), root_text):
                return ImageResolution(
                    None, tuple(tried), outside_site=True, reason="a link out of the site"
                )
            return ImageResolution(normal, tuple(tried))
    return ImageResolution(None, tuple(tried), case_mismatch=_case_mismatch(tried))


def _is_file(path: Path) -> bool:
    """``path.is_file()``, but a name the system refuses (over 255 bytes: ENAMETOOLONG, which
    pathlib re-raises) is simply not found."""
    try:
        return path.is_file()
    except OSError:
        return False


def _case_mismatch(tried: list[Path]) -> Path | None:
    for candidate in tried[:4]:
        wanted = candidate.name.casefold()
        try:
            with os.scandir(candidate.parent) as entries:
                for entry in entries:
                    if entry.name.casefold() == wanted and entry.is_file():
                        return candidate.parent / entry.name
        except OSError:
            continue
    return None


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)
