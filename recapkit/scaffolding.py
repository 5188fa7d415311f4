"""Where a new recap goes in a site, its slug, and writing it without ever losing a file.

The site's generator decides the path and name (:meth:`~recapkit.ssg.base.Generator.post_target`,
see docs/scaffolding.md): a Hugo page bundle, Hexo's ``new_post_name``, Jekyll's dated file
name, Zola's section with its ``_index.md``. Every path is checked to stay inside the site after resolving symlinks, and files are
written atomically (a temporary file in the same folder, then a link or rename).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date
from pathlib import Path, PurePosixPath

from attrs import frozen

from recapkit import atomic
from recapkit.config import discover_config
from recapkit.data.drafts import guess_lang, named, overridden, skeleton
from recapkit.data.model import LINE_BREAK, Recap
from recapkit.errors import ConfigError, FileExistsRefusedError, RecapkitError, UsageError
from recapkit.rendering.engine import render, site_template_dirs
from recapkit.rendering.filters import slug as _slug
from recapkit.ssg import registry
from recapkit.ssg.base import PostTarget, Site
from recapkit.ssg.site import find_site as ssg_find_site

FALLBACK_SLUG = "recap"


class PostExistsError(FileExistsRefusedError):
    """The post (or a file in its place) already exists and ``--force`` was not given."""

    def __init__(self, path: Path, instead_of: Path | None = None) -> None:
        message = None  # the common wording: "PATH: file exists; use --force to replace it"
        if instead_of is not None and instead_of != path:
            # --force writes the new file beside it; the old one is the writer's to remove
            message = (
                f"{path}: file exists with this post's name; "
                f"use --force to write {instead_of} anyway"
            )
        super().__init__(path, message)


class OutsideSiteError(RecapkitError):
    """A computed path would leave the site (``..``, an absolute section, a symlink out)."""


def make_slug(title: str, *, unicode: bool = False) -> str:
    """The slug of *title*: ASCII with Chinese transliterated, or kept with *unicode*.

    Slashes, dots and other punctuation never survive, so the slug is one safe path segment.
    """
    return _slug(title, allow_unicode=unicode) or FALLBACK_SLUG


def _section_parts(section: str) -> tuple[str, ...]:
    """A section such as ``posts`` or ``Activity/Summit``, checked to be relative and downward."""
    pure = PurePosixPath(section.replace("\\", "/"))
    if pure.is_absolute() or any(part in ("..", ".") for part in pure.parts) or ":" in section:
        raise UsageError(f"section must be a folder inside the site, got {section!r}")
    return pure.parts


def post_target(
    site: Site, slug: str, post_date: date, *, section: str | None = None
) -> PostTarget:
    """Where *site*'s generator expects a post called *slug* (in *section*, or its default)."""
    parts = None if section is None else _section_parts(section)
    target = site.generator.post_target(site, slug, post_date, parts)
    for checked in (target.path, target.asset_dir):
        if checked is not None:
            check_inside(site.root, checked)
    return target


def check_inside(root: Path, path: Path) -> None:
    """Raise :class:`OutsideSiteError` unless *path* (symlinks resolved) lies inside *root*."""
    real_root = root.resolve()
    if not path.resolve().is_relative_to(real_root):
        raise OutsideSiteError(f"refusing to write {path}: it is outside the site {root}")


def existing(target: PostTarget) -> Path | None:
    """The first file that already occupies *target*'s place, if any."""
    for path in (target.path, *target.also_blocking):
        if path.exists() or path.is_symlink():
            return path
    return None


def write_text_atomic(
    path: Path, text: str, *, overwrite: bool = False, output: bool = False
) -> None:
    """Write *text* to *path* atomically, creating its folders; without *overwrite* an existing
    file raises :class:`PostExistsError` (decided atomically, see :mod:`recapkit.atomic`).
    *output*: a file the user named with ``-o`` (a device or FIFO is written in place)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        atomic.write_text(path, text, overwrite=overwrite, output=output)
    except FileExistsError:
        raise PostExistsError(path) from None


def write_post(target: PostTarget, text: str, *, force: bool = False) -> None:
    """Write a new post at *target* (refusing when one exists unless *force*) and its image folder."""
    blocking = existing(target)
    if blocking is not None and not force:
        raise PostExistsError(blocking, target.path)
    write_text_atomic(target.path, text, overwrite=force)
    if target.asset_dir is not None:
        target.asset_dir.mkdir(parents=True, exist_ok=True)


# --- the whole of `recapkit new` ---------------------------------------------------------


def find_site(ssg: str | None, site_dir: str | os.PathLike[str] | None = None) -> Site | None:
    """The site to work in (see :func:`recapkit.ssg.find_site`), from *site_dir* (default: the
    current folder); with *ssg*, the site there read as that generator."""
    start = Path(site_dir).expanduser() if site_dir is not None else Path.cwd()
    return ssg_find_site(start, ssg=ssg, fallback_root=start)


@frozen
class TemplateSetup:
    """What ``render`` and ``new`` render with: the site, where template names are looked up
    (in order), and the built-in layout (None: the engine's default)."""

    site: Site | None
    search_paths: tuple[Path, ...]
    layout: str | None = None


def template_setup(
    ssg: str | None,
    site_dir: str | os.PathLike[str] | None = None,
    template_dirs: Sequence[str | os.PathLike[str]] = (),
    layout: str | None = None,
) -> TemplateSetup:
    """The site (as :func:`find_site`), where to look up template names, in order:
    *template_dirs*, the configuration's ``templates-dir``, the site's ``.recapkit/templates``;
    and the layout: *layout*, else the configuration's ``layout``.

    The configuration is the nearest ``recapkit.toml``/``[tool.recapkit]`` above the site (or
    *site_dir*, or the current folder); its ``ssg`` is used when *ssg* is not given.
    A *site_dir* that is not an existing folder raises :class:`~recapkit.errors.UsageError`.
    """
    start = Path(site_dir).expanduser() if site_dir is not None else Path.cwd()
    if not start.is_dir():  # a typo in --site must not grow a whole new site tree
        what = "does not exist" if not start.exists() else "is not a folder"
        raise UsageError(f"site {site_dir} {what}")
    config = discover_config(start)
    found = find_site(ssg or config.ssg, site_dir)
    dirs = [Path(d) for d in template_dirs]
    if config.templates_dir is not None:
        if not config.templates_dir.is_dir():
            raise ConfigError(
                f"{config.where()}: templates-dir {config.templates_dir} is not a folder"
            )
        dirs.append(config.templates_dir)
    paths = tuple(site_template_dirs(found.root if found else None, dirs))
    return TemplateSetup(found, paths, layout or config.layout)


def site_and_templates(
    ssg: str | None,
    site_dir: str | os.PathLike[str] | None = None,
    template_dirs: Sequence[str | os.PathLike[str]] = (),
) -> tuple[Site | None, list[Path]]:
    """The site and the template search paths of :func:`template_setup`."""
    setup = template_setup(ssg, site_dir, template_dirs)
    return setup.site, list(setup.search_paths)


def scaffold(
    title: str | None = None,
    *,
    recap: Recap | None = None,
    site: str | os.PathLike[str] | None = None,
    ssg: str | None = None,
    post_date: date | None = None,
    event_date: date | None = None,
    lang: str | None = None,
    section: str | None = None,
    template: str | Path | None = None,
    front_matter: str | None = None,
    unicode_slug: bool = False,
    force: bool = False,
    template_dirs: Sequence[str | os.PathLike[str]] = (),
    written: list[Path] | None = None,
    body_layout: str | None = None,
    event: str | None = None,
    tags: Sequence[str] = (),
    talks: int | None = None,
) -> Path:
    """Create a new recap post where the site's SSG expects it and return its path.

    Without *recap* the post is a draft skeleton titled *title* with ``TODO(recapkit)``
    markers; with *recap* it is rendered from it (*title* and the dates override its own)
    and carries the recap data in its front matter. The site is found from *site* (default:
    the current folder) or taken as an *ssg* site. Template names are looked up as
    :func:`template_setup` says (*template_dirs* first); *body_layout* is the built-in layout
    (default: the configured one, else ``form``). In a Zola section folder it
    creates, it also writes a minimal ``_index.md``; *written*, when given, receives every
    file written (the post first). *event* names the event (default: the title without a
    trailing "recap"/"回顾"), *tags* replace the recap's tags, and *talks* is how many
    placeholder talks a skeleton gets (default 1; not with *recap*, which lists its talks).

    :raises UsageError: *site* is not an existing folder, no SSG could be told, or a bad section.
    :raises PostExistsError: the post exists and *force* is false.
    :raises OutsideSiteError: the path would leave the site.
    """
    if title and LINE_BREAK.search(title):  # the model refuses it; say so as a usage error
        raise UsageError("the TITLE must be one line, without line breaks")
    setup = template_setup(ssg, site, template_dirs, body_layout)
    found = setup.site
    if found is None:
        raise _no_site(Path(site) if site is not None else Path.cwd())
    from_data = recap is not None
    if talks is not None and talks < 0:
        raise UsageError(f"the number of placeholder talks must not be negative, got {talks}")
    if recap is None:
        recap = skeleton(title or "", post_date, event_date, found.generator.time_zone(found))
    elif talks is not None:
        raise UsageError("placeholder talks are for a skeleton: the recap data lists its talks")
    else:
        recap = overridden(recap, title, post_date, event_date)
    recap = named(recap, event, tags)
    text = render(
        recap,
        ssg=found.generator,
        site=found,
        lang=lang or (None if from_data else guess_lang(recap.title)),
        template=template,
        search_paths=setup.search_paths,
        front_matter=front_matter,
        include_data=from_data,
        body_layout=setup.layout,
        scaffold=not from_data,
        placeholder_talks=1 if talks is None else talks,
    )
    slug = recap.slug or make_slug(recap.title, unicode=unicode_slug)
    target = post_target(found, slug, recap.date, section=section)
    new_sections = found.generator.new_section_indexes(found, target.path)
    write_post(target, text, force=force)
    indexes = [_write_section_index(found, folder) for folder in new_sections]
    if written is not None:
        written.extend([target.path, *(index for index in indexes if index is not None)])
    return target.path


def _write_section_index(site: Site, folder: Path) -> Path | None:
    """The section index the generator gives a new *folder*; None when it needs none or one
    exists (never replaced)."""
    index = site.generator.section_index(folder)
    if index is None:
        return None
    path, text = index
    try:
        atomic.write_text(path, text, overwrite=False)
    except FileExistsError:
        return None
    return path


def _no_site(where: Path) -> UsageError:
    """Why no generator was told for *where*: no config at all, or one that several read
    (a lone ``_config.yml`` is Hexo's and Jekyll's alike)."""
    readers = [g for g in registry.generators() if any(c.is_file() for c in g.config_files(where))]
    if readers:
        names = " or ".join(f"--ssg {g.name}" for g in readers)
        return UsageError(
            f"cannot tell which SSG {where} uses: its config file is read by "
            f"{' and '.join(g.label for g in readers)} alike; pass {names}"
        )
    return UsageError(
        f"cannot tell which SSG {where} uses (no {registry.labels()} config found); "
        "run in the site folder, pass --site DIR, or pass --ssg"
    )
