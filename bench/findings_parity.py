"""Compare the lint findings of this checkout with those of another git revision, on real sites.

A refactoring (a move, a new parser) must not change what ``recapkit lint`` reports. This runs
``recapkit lint --isolated --no-cache --output-format json`` from both source trees on each site
and compares every finding (path, position, code, severity, message, fixable) exactly::

    python bench/findings_parity.py --base HEAD~1                      # the shared corpus
    python bench/findings_parity.py --base v0.1.0 ../my-blog ../other-blog
    python bench/findings_parity.py --base HEAD~1 --extend-select RK6  # opt-in rules too
    python bench/findings_parity.py --parsers                          # the two Markdown parsers

The base revision is checked out into a temporary git worktree and imported from there, with the
same interpreter and installed dependencies. ``--parsers`` compares instead this checkout run with
``RECAPKIT_MARKDOWN_PARSER=markdown-it-py`` and with the native parser (pyromark), and also the
tokens both give for every post body (:func:`recapkit.post.parsers.token_fields`). Exit status:
0 identical, 1 differences (the first ones are printed), 2 usage errors.
"""

from __future__ import annotations

import argparse
import json
import os
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


def findings(
    source: Path, site: Path, extra: list[str], parser: str | None = None
) -> list[tuple[object, ...]]:
    """Every finding ``recapkit lint *extra*`` (imported from *source*, parsing Markdown with
    *parser* when given) reports on *site*."""
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
        env = dict(os.environ, RECAPKIT_MARKDOWN_PARSER=parser) if parser else None
        subprocess.run(command, check=True, cwd=ROOT, env=env)
        rows = json.loads(report.read_text(encoding="utf-8"))["diagnostics"]
    keys = ("path", "line", "column", "end_line", "end_column", "code", "severity", "message")
    return sorted(tuple(row.get(key) for key in (*keys, "fixable")) for row in rows)


Side = tuple[Path, "str | None"]
"""Where recapkit is imported from, and the Markdown parser it is told to use."""


def compare(base: Side, sites: list[Path], extra: list[str], head: Side = (ROOT, None)) -> int:
    different = 0
    for site in sites:
        before = findings(base[0], site, extra, base[1])
        after = findings(head[0], site, extra, head[1])
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


def compare_tokens(sites: list[Path]) -> None:
    """Parse every post body of *sites* with both parsers and print where their tokens differ.

    Only the findings decide the exit status: where markdown-it-py departs from CommonMark
    (`a\\  ` then a new line is a hard break; markdown-it-py makes it a soft one and keeps a
    space) the native parser follows the specification, and no finding changes.
    """
    sys.path.insert(0, str(ROOT))
    from parser_speed import bodies

    from recapkit.post.markdown_it_parse import parse_tokens as pure
    from recapkit.post.native import parse_tokens as native
    from recapkit.post.parsers import token_fields

    for site in sites:
        sources = bodies([site])
        unequal = [
            i for i, s in enumerate(sources) if token_fields(pure(s)) != token_fields(native(s))
        ]
        print(f"{site.name}: {len(sources)} bodies, tokens differ in {len(unequal)}")
        for index in unequal[:3]:
            pure_fields = token_fields(pure(sources[index]))
            pair = zip(pure_fields, token_fields(native(sources[index])), strict=False)
            first = next(((a, b) for a, b in pair if a != b), None)
            print(f"  body {index}: markdown-it-py {first[0] if first else '(longer)'}")
            print(f"  {' ' * len(str(index))}       native {first[1] if first else '(longer)'}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="HEAD", help="the git revision to compare with")
    parser.add_argument("sites", nargs="*", type=Path, help="site folders (default: the corpus)")
    parser.add_argument(
        "--extend-select", metavar="CODES", help="also run these rules (opt-in ones: RK6)"
    )
    parser.add_argument(
        "--parsers",
        action="store_true",
        help="compare markdown-it-py with the native parser in this checkout (not --base)",
    )
    args = parser.parse_args()
    sites = args.sites or sorted(p for p in CORPUS.iterdir() if p.is_dir())
    if not sites:
        parser.error("no site folders given and no shared corpus found")
    extra = ["--extend-select", args.extend_select] if args.extend_select else []
    if args.parsers:
        compare_tokens(sites)
        return compare((ROOT, "markdown-it-py"), sites, extra, (ROOT, "native"))
    with tempfile.TemporaryDirectory() as folder:
        worktree = Path(folder) / "base"
        subprocess.run(
            ["git", "worktree", "add", "--detach", "--quiet", str(worktree), args.base],
            check=True,
            cwd=ROOT,
        )
        try:
            return compare((worktree, None), sites, extra)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(worktree)], cwd=ROOT)


if __name__ == "__main__":
    raise SystemExit(main())
