"""Compare the lint findings of this checkout with those of another git revision, on real sites.

A refactoring (a move, a new parser) must not change what ``recapkit lint`` reports. This runs
``recapkit lint --isolated --no-cache --output-format json`` from both source trees on each site
and compares every finding (path, position, code, severity, message, fixable) exactly::

    python bench/findings_parity.py --base HEAD~1                      # the shared corpus
    python bench/findings_parity.py --base v0.1.0 ../my-blog ../other-blog
    python bench/findings_parity.py --base HEAD~1 --extend-select RK6  # opt-in rules too

The base revision is checked out into a temporary git worktree and imported from there, with the
same interpreter and installed dependencies. Exit status: 0 identical, 1 differences (the first
ones are printed), 2 usage errors.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
_RUN = (
    "import sys; sys.path.insert(0, sys.argv[1]); from recapkit.cli import main; "
    "raise SystemExit(main(sys.argv[2:]))"
)


def findings(source: Path, site: Path, extra: list[str]) -> list[tuple[object, ...]]:
    """Every finding ``recapkit lint *extra*`` (imported from *source*) reports on *site*."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        args = [
            "lint",
            "--isolated",
            "--no-cache",
            "--exit-zero",
            "--output-format",
            "json",
            *extra,
        ]
        command = [sys.executable, "-c", _RUN, str(source), *args, "-o", str(report), str(site)]
        subprocess.run(command, check=True, cwd=ROOT)
        rows = json.loads(report.read_text(encoding="utf-8"))["diagnostics"]
    keys = ("path", "line", "column", "end_line", "end_column", "code", "severity", "message")
    return sorted(tuple(row.get(key) for key in (*keys, "fixable")) for row in rows)


def compare(base: Path, sites: list[Path], extra: list[str]) -> int:
    different = 0
    for site in sites:
        before, after = findings(base, site, extra), findings(ROOT, site, extra)
        gone = sorted(set(before) - set(after))
        new = sorted(set(after) - set(before))
        same = "identical" if not gone and not new else f"{len(gone)} gone, {len(new)} new"
        print(f"{site.name}: {len(before)} findings before, {len(after)} after: {same}")
        for row in gone[:5]:
            print(f"  - {row}")
        for row in new[:5]:
            print(f"  + {row}")
        different += len(gone) + len(new)
    return 1 if different else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="HEAD", help="the git revision to compare with")
    parser.add_argument("sites", nargs="*", type=Path, help="site folders (default: the corpus)")
    parser.add_argument(
        "--extend-select", metavar="CODES", help="also run these rules (opt-in ones: RK6)"
    )
    args = parser.parse_args()
    sites = args.sites or sorted(p for p in CORPUS.iterdir() if p.is_dir())
    if not sites:
        parser.error("no site folders given and no shared corpus found")
    with tempfile.TemporaryDirectory() as folder:
        worktree = Path(folder) / "base"
        subprocess.run(
            ["git", "worktree", "add", "--detach", "--quiet", str(worktree), args.base],
            check=True,
            cwd=ROOT,
        )
        try:
            extra = ["--extend-select", args.extend_select] if args.extend_select else []
            return compare(worktree, sites, extra)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(worktree)], cwd=ROOT)


if __name__ == "__main__":
    raise SystemExit(main())
