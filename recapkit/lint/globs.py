"""gitignore-like path globs relative to a folder: ``exclude``, ``per-file-ignores`` and the
``required-keys`` table all match paths this one way."""

from __future__ import annotations

import functools
import glob
import re
from collections.abc import Sequence
from pathlib import Path

from recapkit._text import lazy_pattern


class GlobSet:
    """gitignore-like globs relative to *root*: ``*`` within a segment, ``**`` across, and a
    pattern without ``/`` matches a file or directory name at any depth."""

    def __init__(self, patterns: Sequence[str], root: Path) -> None:
        self.root = root.resolve()
        self._patterns = tuple(patterns)
        self._regexes = [compile_glob(p) for p in patterns]

    def __bool__(self) -> bool:
        return bool(self._regexes)

    def matches(self, real: Path, *, is_dir: bool = False) -> bool:
        if not self._regexes:
            return False
        relative = self._relative(real, is_dir)
        return any(regex.search(relative) for regex in self._regexes)

    def pattern_of(self, real: Path, *, is_dir: bool = False) -> str | None:
        """The first pattern that matches *real* (None: none does)."""
        relative = self._relative(real, is_dir)
        return next(
            (
                p
                for p, regex in zip(self._patterns, self._regexes, strict=True)
                if regex.search(relative)
            ),
            None,
        )

    def _relative(self, real: Path, is_dir: bool) -> str:
        relative = (
            real.relative_to(self.root).as_posix()
            if real.is_relative_to(self.root)
            else real.as_posix()
        )
        return relative + "/" if is_dir else relative


@functools.lru_cache(maxsize=256)
def compile_glob(pattern: str) -> re.Pattern[str]:
    """A regex matching the relative POSIX paths (dirs end with ``/``) that *pattern* selects."""
    anchored = "/" in pattern.rstrip("/")
    body = pattern.strip("/") if anchored else pattern.rstrip("/")
    parts: list[str] = []
    index = 0
    while index < len(body):
        if body.startswith("**/", index):
            parts.append("(?:.*/)?")
            index += 3
        elif body.startswith("**", index):
            parts.append(".*")
            index += 2
        else:
            char = body[index]
            parts.append({"*": "[^/]*", "?": "[^/]"}.get(char, re.escape(char)))
            index += 1
    prefix = "^" if anchored else "(?:^|/)"
    # A match on a directory covers everything below it: `drafts` excludes `drafts/x.md`.
    return re.compile(prefix + "".join(parts) + "(?:/|$)")


_glob_chars = lazy_pattern(r"[*?\[]")


def split_given(given: Sequence[Path]) -> tuple[list[Path], list[str]]:
    """The paths a user named, their quoted globs expanded, and their ``!negations``.

    A shell expands ``content/**/*.md`` only with ``globstar`` on, and never in a CI config that
    quotes it, so recapkit expands a path that does not exist but holds ``*``, ``?`` or ``[``
    itself (``**`` crosses folders, hidden names only when the glob names them). ``!pattern``
    drops the files it matches (gitignore-like, relative to the current folder). A glob that
    matches nothing is kept as it is, so the caller reports it as a path that does not exist.
    """
    paths: list[Path] = []
    negations: list[str] = []
    for path in given:
        text = str(path)
        if text.startswith("!") and len(text) > 1:
            negations.append(text[1:])
        elif not path.exists() and _glob_chars().search(text):
            # glob.glob, not Path.glob: an absolute pattern works the same as a relative one.
            found = sorted(glob.glob(text, recursive=True))  # noqa: PTH207
            paths += [Path(name) for name in found] or [path]
        else:
            paths.append(path)
    return paths, negations
