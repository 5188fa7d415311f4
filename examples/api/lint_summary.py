"""Lint a folder of posts and print a summary: findings per rule and per file, worst first.

Usage::

    python examples/api/lint_summary.py [PATH ...] [--top N]

Calls :func:`recapkit.lint_paths` (the same engine as ``recapkit lint``, configuration included)
and works with the :class:`recapkit.Diagnostic` values it returns. Default: the small Hugo site in
``examples/site``, which has a few deliberate mistakes. The exit code is 1 when
anything was found, like ``recapkit lint``.
"""

from __future__ import annotations

import argparse
import os
from collections import Counter
from pathlib import Path

from recapkit import Diagnostic, Severity, lint_paths

DEFAULT = Path(__file__).resolve().parent.parent / "site"


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def shown(path: str) -> str:
    """*path* relative to the current folder when it is below it: shorter, still clickable."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def summarise(diagnostics: list[Diagnostic], files: int, top: int) -> None:
    by_rule = Counter((d.code, d.name) for d in diagnostics)
    by_file = Counter(d.path for d in diagnostics)
    by_severity = Counter(d.severity for d in diagnostics)
    print(f"{plural(files, 'file')} checked, {plural(len(diagnostics), 'finding')}", end="")
    parts = [plural(by_severity[s], s.value) for s in Severity if by_severity[s]]
    print(f" ({', '.join(parts)})" if parts else "")
    if not diagnostics:
        return
    print("\nBy rule:")
    for (code, name), count in by_rule.most_common():
        print(f"  {count:4}  {code} {name}")
    print(f"\nFiles with the most findings (top {top}):")
    for path, count in by_file.most_common(top):
        print(f"  {count:4}  {shown(path)}")
    first = diagnostics[0]
    # Positions in a Diagnostic are 0-based; people (and editors) count from 1.
    where = f"{shown(first.path)}:{first.line + 1}:{first.column + 1}"
    print(f"\nFirst finding: {where}: {first.code} {first.message}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[DEFAULT])
    parser.add_argument("--top", type=int, default=5, help="how many files to list (default 5)")
    args = parser.parse_args(argv)
    result = lint_paths(args.paths)
    summarise(result.diagnostics, len(result.files), args.top)
    return 1 if result.diagnostics else 0


if __name__ == "__main__":
    raise SystemExit(main())
