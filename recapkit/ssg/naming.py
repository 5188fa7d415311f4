"""How each SSG names a new post beyond its folder: Hexo's ``new_post_name``, Jekyll's dated
file names and layout, Zola's section ``_index.md``. Read from the site's own ``_config.yml``,
best effort: a broken config falls back to the SSG's defaults (``recapkit lint`` and the SSG
itself report it).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import tomli_w

from recapkit import _yaml as yamlsafe
from recapkit import atomic
from recapkit.errors import RecapkitError
from recapkit.ssg.site import Site

_JEKYLL_NAME = re.compile(r"^\d{4}-\d{2}-\d{2}-(?P<slug>.+)\.(?:md|markdown)$")
_HEXO_PLACEHOLDER = re.compile(r":(title|year|month|i_month|day|i_day)\b")


def jekyll_posts_named(folder: Path, slug: str) -> tuple[Path, ...]:
    """Jekyll posts in *folder* called ``<any date>-<slug>.md``."""
    if not folder.is_dir():
        return ()
    return tuple(
        sorted(
            entry
            for entry in folder.iterdir()
            if (match := _JEKYLL_NAME.match(entry.name)) and match["slug"] == slug
        )
    )


def site_settings(site: Site) -> dict[str, Any]:
    """The top level of a Hexo or Jekyll ``_config.yml``; {} when absent or unreadable."""
    if site.config_file is None or site.config_file.suffix not in (".yml", ".yaml"):
        return {}
    try:
        data = yamlsafe.load(site.config_file.read_text(encoding="utf-8-sig"), duplicates=[])
    except (OSError, UnicodeDecodeError, RecapkitError):
        return {}
    return {str(key): value for key, value in data.items()} if isinstance(data, dict) else {}


def hexo_post_name(settings: dict[str, Any], slug: str, post_date: date) -> str:
    """The file name Hexo's ``new_post_name`` gives a post (default ``:title.md``).

    A pattern with placeholders Hexo has but recapkit does not know falls back to the default.
    """
    pattern = settings.get("new_post_name")
    if not isinstance(pattern, str) or _HEXO_PLACEHOLDER.sub("", pattern).count(":"):
        pattern = ":title.md"
    values = {
        "title": slug,
        "year": f"{post_date.year:04d}",
        "month": f"{post_date.month:02d}",
        "i_month": str(post_date.month),
        "day": f"{post_date.day:02d}",
        "i_day": str(post_date.day),
    }
    name = _HEXO_PLACEHOLDER.sub(lambda m: values[m[1]], pattern)
    return name if name.endswith(".md") else f"{name}.md"


def post_layout(site: Site | None) -> str:
    """The Jekyll layout for a new post: ``post`` unless the site clearly has only ``default``.

    ``jekyll new --blank`` makes ``_layouts/default.html`` and no theme; ``post`` would then be
    a missing layout (a build warning and an unstyled page).
    """
    if site is None or site.ssg != "jekyll":
        return "post"
    layouts = site.content_dirs[0].parent / "_layouts"
    settings = site_settings(site)
    if any(layouts.glob("post.*")) or settings.get("theme") or settings.get("remote_theme"):
        return "post"
    return "default" if any(layouts.glob("default.*")) else "post"


def missing_sections(site: Site, post: Path) -> tuple[Path, ...]:
    """Zola: the folders between ``content/`` and *post* that do not exist yet, outermost first.

    Zola makes a folder a section only when it holds ``_index.md``; a page in a folder without
    one is an orphan that no section page lists, so ``recapkit new`` gives the folders it
    creates one. Folders that already exist are the writer's choice and are left alone.
    """
    if site.ssg != "zola" or not post.is_relative_to(site.content_dirs[0]):
        return ()
    folders = [post.parent, *post.parent.parents]
    inside = [f for f in folders if f.is_relative_to(site.content_dirs[0])]
    return tuple(f for f in reversed(inside) if f != site.content_dirs[0] and not f.exists())


def write_section_index(folder: Path) -> Path | None:
    """Write a minimal Zola ``_index.md`` in *folder*; None when one exists (never replaced)."""
    index = folder / "_index.md"
    title = folder.name[:1].upper() + folder.name[1:]
    text = f"+++\n{tomli_w.dumps({'title': title, 'sort_by': 'date'})}+++\n"
    try:
        atomic.write_text(index, text, overwrite=False)
    except FileExistsError:
        return None
    return index
