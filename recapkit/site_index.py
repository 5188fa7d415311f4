"""A site's posts and recaps for blog tooling: walk them, and index their talks and speakers.

The walk is the one ``recapkit lint`` does (the same configuration, ``exclude`` patterns,
content folders and generator detection), so a post the linter checks is a post the index sees,
and a post it skips (a theme's files, ``node_modules``, an excluded folder) is skipped here too.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from pathlib import Path

from attrs import field, frozen

from recapkit.config import Config, discover_config
from recapkit.data.model import Recap, Speaker, Talk
from recapkit.errors import RecapkitError
from recapkit.lint.discover import discover
from recapkit.post.types import Post
from recapkit.ssg.posts import load_post

OnError = Callable[[Path, RecapkitError], None]
"""Called with a post's path and the error of its invalid recap data; the walk goes on."""


def iter_posts(
    site: str | os.PathLike[str] = ".", *, config: Config | None = None
) -> Iterator[Post]:
    """Every post under *site* (a site folder, any folder, or one file), read as its generator reads it.

    *config* defaults to the ``recapkit.toml`` (or ``[tool.recapkit]``) found from *site*
    upwards. Posts come in a stable order (by path); a post that cannot be read still comes,
    with its ``problem`` set. Raises :class:`recapkit.UsageError` when *site* does not exist.
    """
    top = Path(site)
    config = config if config is not None else discover_config(top)
    for target in discover([top], config=config, sites=config.site_finder()):
        yield load_post(target.path, site=target.site, find_data_folder=False)


@frozen
class SiteRecap:
    """A recap found in a site: the post that carries it and the typed data."""

    post: Post = field(repr=False)  # its text and tokens: too long to show
    recap: Recap

    @property
    def path(self) -> Path:
        return self.post.path


def recaps(
    site: str | os.PathLike[str] = ".",
    *,
    config: Config | None = None,
    onerror: OnError | None = None,
) -> Iterator[SiteRecap]:
    """The posts of *site* that have recap data (``recap:`` in front matter, ``[extra.recap]``
    in Zola, a sidecar or the site's data folder: :attr:`recapkit.Post.recap`), each with its
    :class:`~recapkit.Recap`.

    A post whose recap data is invalid raises :class:`recapkit.RecapDataError` (or
    :class:`recapkit.DataFileError` for a data file), unless
    *onerror* is given: it is then called with the post's path and the error, and the walk
    goes on (``os.walk``'s convention).
    """
    for post in iter_posts(site, config=config):
        try:
            recap = post.recap
        except RecapkitError as error:
            if onerror is None:
                raise
            onerror(post.path, error)
            continue
        if recap is not None:
            yield SiteRecap(post, recap)


@frozen
class TalkEntry:
    """One talk of the index, with the recap and the post it comes from."""

    talk: Talk
    recap: Recap = field(repr=False)  # the whole recap: shown by the talk and path already
    path: Path

    @property
    def day(self) -> date:
        """The day of the talk as far as the data tells: its own (``Talk.held_on``), else the
        event's start, else the post's date."""
        for when in (self.talk.held_on, self.recap.event.start, self.recap.date):
            if isinstance(when, datetime):
                return when.date()
            if isinstance(when, date):
                return when
        raise AssertionError("a recap always has a date")  # pragma: no cover - Recap requires it


def talks_index(found: Iterable[SiteRecap]) -> list[TalkEntry]:
    """Every talk of *found*, oldest first; a talk that two posts carry (same event, same
    title, case and outer spaces ignored) counts once, from the first post."""
    seen: set[tuple[str, str]] = set()
    entries = []
    for item in found:
        for talk in item.recap.talks:
            key = (item.recap.event.name.strip().casefold(), talk.title.strip().casefold())
            if key not in seen:
                seen.add(key)
                entries.append(TalkEntry(talk, item.recap, item.path))
    return sorted(entries, key=lambda entry: entry.day)


def speakers_index(talks: Iterable[TalkEntry]) -> dict[str, list[TalkEntry]]:
    """Speaker name -> the talks they gave (in the order of *talks*), names sorted
    case-insensitively. A speaker is the same person wherever the name is spelt the same."""
    index: dict[str, list[TalkEntry]] = {}
    for entry in talks:
        for name in _names(entry.talk.speakers):
            index.setdefault(name, []).append(entry)
    return dict(sorted(index.items(), key=lambda item: item[0].casefold()))


def _names(speakers: Iterable[Speaker]) -> Iterator[str]:
    for speaker in speakers:
        if speaker.name:
            yield speaker.name.strip()
