"""Where a post's recap data lives: its front matter, a sidecar file, or the site's data folder.

One precedence, the first place that holds data wins (see ``docs/posts.md``, "Where recap data
lives"):

1. the front matter block ``recap:`` (Zola: ``[extra.recap]``);
2. the data-folder file the front matter names with ``recap_data:`` (Zola: ``extra.recap_data``);
3. the sidecar next to the post: ``<file stem>.recap.yaml`` (``.yml``, ``.toml``, ``.json``), so
   ``index.md`` of a page bundle has ``index.recap.yaml`` and ``x.md`` has ``x.recap.yaml``;
4. the data-folder file named after the post (``<data>/recaps/<name>.yaml``).

The sidecar is found here, next to the file. The data folder is the site's: the site layer
(:func:`recapkit.ssg.posts.load_post`) resolves its candidates and hands them down in
:attr:`Post.data_folder_files`; this module never asks for a site.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from attrs import frozen

from recapkit._text import lazy_pattern

DATA_SUFFIXES = (".yaml", ".yml", ".toml", ".json")
"""The data file formats, in the order a place's candidates are tried."""
NAME_KEY = "recap_data"
"""The front matter key naming the post's file in the data folder's ``recaps/``."""


_name = lazy_pattern(r"[\w.-]+(?:/[\w.-]+)*")


class RecapPlace(enum.StrEnum):
    """Where recap data was found."""

    FRONT_MATTER = "front matter"
    NAMED = "data folder (named by recap_data)"
    SIDECAR = "sidecar"
    DATA_FOLDER = "data folder"


@frozen
class RecapSource:
    """One place that holds a post's recap data; *path* is None for the front matter block."""

    place: RecapPlace
    path: Path | None = None

    def describe(self) -> str:
        """How messages name it: ``the front matter block`` or ``sidecar index.recap.yaml``."""
        if self.path is None:
            return "the front matter block"
        return f"{self.place} file {self.path.name}"


def recap_block(data: Mapping[str, Any]) -> Any:
    """The raw ``recap`` value of front matter data, top level or under ``extra`` (Zola)."""
    if "recap" in data:
        return data["recap"]
    extra = data.get("extra")
    if isinstance(extra, Mapping) and "recap" in extra:
        return extra["recap"]
    return None


def recap_prefix(data: Mapping[str, Any]) -> tuple[str, ...]:
    """Where :func:`recap_block` finds the block: ``recap``, or Zola's ``extra.recap``."""
    return ("recap",) if "recap" in data else ("extra", "recap")


def named(data: Mapping[str, Any]) -> tuple[tuple[str, ...], Any] | None:
    """Where the front matter names its data-folder file (``recap_data``, Zola's
    ``extra.recap_data``) and the value as written; None when it names none."""
    if NAME_KEY in data:
        return (NAME_KEY,), data[NAME_KEY]
    extra = data.get("extra")
    if isinstance(extra, Mapping) and NAME_KEY in extra:
        return ("extra", NAME_KEY), extra[NAME_KEY]
    return None


def data_name(data: Mapping[str, Any]) -> str | None:
    """The data-folder name the front matter gives (``recap_data: gopher-2025``), if it is a
    relative name that stays inside the folder (no ``..``, no absolute path); else None."""
    found = named(data)
    value = found[1] if found is not None else None
    if not isinstance(value, str) or not _name().fullmatch(value.strip()):
        return None
    name = value.strip()
    parts = name.split("/")
    if any(part in {".", ".."} for part in parts):
        return None
    for suffix in DATA_SUFFIXES:  # `gopher-2025.yaml` names the same file as `gopher-2025`
        name = name.removesuffix(suffix)
    return name or None


def post_name(path: Path) -> str:
    """The name a post's data-folder file takes: the bundle folder for ``index.md`` /
    ``_index.md`` (Hugo, Zola), else the file stem (``2025-03-01-gopher`` for a Jekyll post)."""
    if path.stem in {"index", "_index"} and path.parent.name:
        return path.parent.name
    return path.stem


def sidecar_candidates(path: Path) -> tuple[Path, ...]:
    """Where a post's sidecar may be: ``<stem>.recap.<ext>`` next to it, in the order tried."""
    return tuple(path.with_name(f"{path.stem}.recap{suffix}") for suffix in DATA_SUFFIXES)


def sidecar_path(path: Path, fmt: str) -> Path:
    """The sidecar ``recapkit import --write`` writes for the post at *path* in *fmt*."""
    return path.with_name(f"{path.stem}.recap.{fmt}")


def folder_candidates(folder: Path, name: str) -> tuple[Path, ...]:
    """``<folder>/recaps/<name>.<ext>``, in the order tried."""
    return tuple(folder / "recaps" / f"{name}{suffix}" for suffix in DATA_SUFFIXES)


def _first_file(candidates: tuple[Path, ...]) -> Path | None:
    for candidate in candidates:
        try:
            if candidate.is_file():
                return candidate
        except OSError:  # a name the system cannot even look up holds no data
            continue
    return None


def find_sources(
    path: Path,
    data: Mapping[str, Any],
    folder_files: tuple[Path, ...],
    *,
    named: bool,
) -> tuple[RecapSource, ...]:
    """Every place holding recap data for the post at *path* with front matter *data*, in
    precedence order (the first wins). *folder_files* are its data-folder candidates, *named*
    when the front matter named them (``recap_data:``)."""
    found: list[RecapSource] = []
    if recap_block(data) is not None:
        found.append(RecapSource(RecapPlace.FRONT_MATTER))
    in_folder = _first_file(folder_files)
    if in_folder is not None and named:
        found.append(RecapSource(RecapPlace.NAMED, in_folder))
    sidecar = _first_file(sidecar_candidates(path)) if path.name != "<string>" else None
    if sidecar is not None:
        found.append(RecapSource(RecapPlace.SIDECAR, sidecar))
    if in_folder is not None and not named:
        found.append(RecapSource(RecapPlace.DATA_FOLDER, in_folder))
    return tuple(found)
