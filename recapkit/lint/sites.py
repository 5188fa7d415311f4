"""Which generator read which files of a run: the site lines of the report, and the one note for
files that no generator's config claims (they are checked as generic Markdown)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from attrs import field, frozen

from recapkit.lint.discover import Target
from recapkit.ssg import registry
from recapkit.ssg.base import Generator, Site


@frozen
class SiteUse:
    """The files of a run that one site's generator read (or that none claimed)."""

    root: Path
    """The site's root; for unclaimed files, the deepest folder holding them all."""
    generator: Generator
    """The generator that read the files (the generic reading when none was detected)."""
    config_file: Path | None
    files: int
    site: Site | None = field(default=None, eq=False)
    """The site itself (None for the files no site claims)."""

    @property
    def detected(self) -> bool:
        return not self.generator.is_generic

    def row(self) -> dict[str, object]:
        """The site for the JSON report: ``generator`` is the ``ssg`` name (``hugo``)."""
        config = str(self.config_file) if self.config_file is not None else None
        return {
            "root": str(self.root),
            "generator": self.generator.name,
            "detected": self.detected,
            "config": config,
            "files": self.files,
        }

    def line(self) -> str:
        """``blog (Hugo, blog/hugo.toml): 120 files`` (paths relative to the working folder)."""
        where = shown(self.root)
        if not self.detected:
            how = "generic Markdown: no generator detected"
        elif self.config_file is not None:
            how = f"{self.generator.label}, {shown(self.config_file)}"
        else:
            how = f"{self.generator.label}, no config file"
        count = f"{self.files} file" if self.files == 1 else f"{self.files} files"
        return f"{where} ({how}): {count}"

    def note(self) -> str:
        """What the user should know when no generator claimed these files."""
        return (
            f"no {registry.labels()} config found above {shown(self.root)}: {self.files} "
            f"{'file' if self.files == 1 else 'files'} checked as generic Markdown (no key "
            "vocabulary, nothing a generator requires, site-absolute images unverified); set "
            '`ssg = "..."` in recapkit.toml or pass --ssg to check them as your generator does'
        )

    def config_note(self) -> str | None:
        """What the user should know when the site's config file could not be read."""
        if self.site is None or self.site.config_problem is None or self.config_file is None:
            return None
        return (
            f"{shown(self.config_file)}: {self.site.config_problem}; its {self.files} "
            f"{'file' if self.files == 1 else 'files'} checked with {self.generator.label}'s "
            "defaults (content, static and permalink settings of the config are not known)"
        )


def site_uses(targets: Iterable[Target], configured: str | None) -> tuple[SiteUse, ...]:
    """One :class:`SiteUse` per site of *targets*, and one for the files no site claims (read
    as *configured*'s generator when the config names one, else generically)."""
    by_site: dict[Path, tuple[Target, list[Target]]] = {}
    unclaimed: list[Target] = []
    for target in targets:
        if target.site is None:
            unclaimed.append(target)
        else:
            by_site.setdefault(target.site.root, (target, []))[1].append(target)
    uses = [
        SiteUse(root, first.site.generator, first.site.config_file, len(files), first.site)
        for root, (first, files) in by_site.items()
        if first.site is not None
    ]
    if unclaimed:
        reading = registry.get(configured) if configured else registry.generic()
        folders = [str(t.real.parent) for t in unclaimed]
        common = Path(os.path.commonpath(folders)) if len(set(folders)) > 1 else Path(folders[0])
        uses.append(SiteUse(common, reading, None, len(unclaimed)))
    return tuple(sorted(uses, key=lambda use: str(use.root)))


def shown(path: Path) -> str:
    """*path* relative to the working folder when below it, else as it is."""
    try:
        relative = path.relative_to(Path.cwd().resolve())
    except ValueError:
        return str(path)
    return str(relative) if str(relative) != "." else "."
