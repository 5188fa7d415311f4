"""Linter-wide settings that several rules share, filled by the engine from ``[tool.recapkit]``.

Per-rule knobs live in each rule's ``Options``; what is here is site-wide configuration: the
generator the user named, which keys are required or known, where front matter names images,
which image hosts refuse hotlinking, whether dates need a timezone. What a generator itself does
is not here: rules ask the site's generator (:attr:`LintContext.generator`).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from attrs import field, frozen

from recapkit.lint.globs import compile_glob

# Hosts that serve a placeholder image or a 403 when the Referer is another site, so an image
# that works while writing (or for a link checker) is broken for readers.
DEFAULT_HOTLINK_HOSTS: tuple[str, ...] = (
    "mmbiz.qpic.cn",  # WeChat official-account images: a "此图片来自微信公众平台" placeholder
    "mmbiz.qlogo.cn",  # WeChat, older article images
    "mmsns.qpic.cn",  # WeChat Moments images
    "sinaimg.cn",  # Weibo image hosting: Referer check since 2019, 403 for other sites
    "upload-images.jianshu.io",  # Jianshu: 403 for foreign Referers
    "cdn.nlark.com",  # Yuque (语雀) document images: 403 for foreign Referers
)


def _lower_hosts(hosts: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(host.strip().lower().lstrip(".") for host in hosts if host.strip())


@frozen
class RequiredKeys:
    """``required-keys``: keys every post needs, or keys per path glob (RK103).

    What the generator itself needs (a date where it dates and lists pages by one) is asked of
    the generator; these are the keys the site's owner requires on top.
    """

    everywhere: tuple[str, ...] = ()
    """The list form: keys every post (an entry of a section, not a page) needs."""
    by_glob: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """The table form: glob (relative to :attr:`root`) -> keys any matching file needs."""
    root: Path = Path()
    """The folder the config file is in."""

    @classmethod
    def read(
        cls, value: tuple[str, ...] | Mapping[str, tuple[str, ...]] | None, root: Path
    ) -> RequiredKeys:
        """From the config's value (a list, a table, or None)."""
        if value is None:
            return cls()
        if isinstance(value, Mapping):
            return cls(by_glob=tuple((str(k), tuple(v)) for k, v in value.items()), root=root)
        return cls(everywhere=tuple(value), root=root)

    def of(self, path: Path, *, entry: bool) -> tuple[str, ...]:
        """The keys the file at *path* needs (*entry*: a post, not a standalone page)."""
        if not self.by_glob:
            return self.everywhere if entry else ()
        relative = _relative(path, self.root)
        keys: dict[str, None] = {}
        for pattern, wanted in self.by_glob:
            if compile_glob(pattern).search(relative):
                keys.update(dict.fromkeys(wanted))
        return tuple(keys)


def _relative(path: Path, root: Path) -> str:
    real, base = Path(os.path.realpath(path)), Path(os.path.realpath(root))
    return real.relative_to(base).as_posix() if real.is_relative_to(base) else real.as_posix()


@frozen
class LintSettings:
    """What the rules know about the site beyond one post; defaults suit an unknown site."""

    ssg: str | None = None
    """The generator the config names, for a post outside any site; None: the site's own."""
    required_keys: RequiredKeys = field(factory=RequiredKeys)
    """Front matter keys the site's owner requires, on top of what the generator needs."""
    extra_keys: frozenset[str] = field(default=frozenset(), converter=frozenset)
    """Custom front matter keys the site uses on purpose (theme parameters, ``series``, ...)."""
    strict_keys: bool = False
    """Report every key that is neither known to the generator nor in :attr:`extra_keys`, not
    only likely typos (RK105)."""
    image_keys: tuple[str, ...] | None = None
    """Front matter keys whose values are images (read by the post loader); None: the ones the
    generator and its usual themes read."""
    hotlink_hosts: tuple[str, ...] = field(default=DEFAULT_HOTLINK_HOSTS, converter=_lower_hosts)
    """Image hosts that block hotlinking; a host matches itself and its subdomains (RK205)."""
    require_timezone: bool = False
    """Dates with a time of day must carry a UTC offset (RK106)."""
