"""gitignore-like path globs relative to a folder: ``exclude``, ``per-file-ignores`` and the
``required-keys`` table all match paths this one way."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from pathlib import Path


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
