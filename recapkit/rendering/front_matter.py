"""The front matter of a rendered post: which keys, in which order, each date as the generator
reads it; written by :mod:`recapkit.post.front_matter_dump` (a real dumper, never strings).

The generator decides the keys after ``title`` and ``date``
(:meth:`~recapkit.ssg.base.Generator.front_matter`) and how the whole is laid out (Zola keeps
custom keys under ``[extra]``); a template may replace the keys by exporting ``front_matter``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from recapkit.data.model import Recap
from recapkit.errors import UsageError
from recapkit.post.types import FrontMatterFormat
from recapkit.ssg.base import Generator, Site


def front_matter_format(generator: Generator, requested: str | None) -> FrontMatterFormat:
    """The format a new post of *generator* gets: its first, or *requested* when it reads that."""
    natural = generator.front_matter_formats[0]
    if requested is None:
        return natural
    wanted = FrontMatterFormat(requested)
    if wanted not in generator.front_matter_formats:
        allowed = " or ".join(str(f) for f in generator.front_matter_formats)
        raise UsageError(f"{generator.name} front matter is {allowed}, not {wanted}")
    return wanted


def build_front_matter(
    recap: Recap,
    *,
    generator: Generator,
    fmt: FrontMatterFormat,
    keys: Mapping[str, Any],
    data: Mapping[str, Any] | None,
    site: Site | None = None,
) -> dict[str, Any]:
    """title, date, then *keys* in their order, then the recap data, laid out as *generator*
    wants it (``[extra.recap]`` in Zola); the date written so that the generator publishes it
    on the intended day in *site*'s zone."""
    fm: dict[str, Any] = {"title": recap.title, "date": recap.date}
    fm.update(keys)
    if isinstance(fm["date"], date):
        fm["date"] = generator.format_date(fm["date"], fmt, site)
    if data is not None and "recap" not in fm:
        fm["recap"] = data
    return generator.arrange_front_matter(fm)
