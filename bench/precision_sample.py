"""Draw a seeded random sample of lint findings on real blogs, for a precision review.

Precision is measured, not assumed: lint real sites, sample the findings (every rule present,
the rest in proportion, always the same sample for the same seed and findings), open each post
and judge each finding TRUE (a real problem the blog owner would fix), FALSE (the generator
does not do what the rule claims) or ARTEFACT (a property of the snapshot, such as an image
left out of the corpus). Then score the judgements::

    python bench/precision_sample.py --size 120 --seed 10 > sample.md        # read and judge
    python bench/precision_sample.py --size 120 --seed 10 --csv > judge.csv  # fill `verdict`
    python bench/precision_sample.py --score judge.csv                       # the table
    python bench/precision_sample.py --select RK1 --ssg kaiyuanshe__Wiki=hexo  # a snapshot's SSG

Sites default to the shared corpus (``../shared/corpus``); pass site folders to use others. The
judgements are about posts we do not own: keep them out of the repository (docs/precision.md
holds only the resulting table).
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
VERDICTS = ("TRUE", "FALSE", "ARTEFACT")
_FIELDS = ("id", "rule", "site", "path", "line", "column", "severity", "message", "verdict", "why")


def findings(site: Path, select: str | None, ssg: str | None = None) -> list[dict[str, object]]:
    """Every finding of ``recapkit lint`` (this checkout) on *site*, with its site's name;
    *ssg* names the generator of a site whose config is not in the snapshot."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        command = [sys.executable, "-m", "recapkit", "lint", "--isolated", "--no-cache"]
        command += ["--exit-zero", "--output-format", "json", "-o", str(report)]
        command += ["--select", select] if select else []
        command += ["--ssg", ssg] if ssg else []
        subprocess.run([*command, str(site)], check=True, cwd=ROOT)
        rows: list[dict[str, object]] = json.loads(report.read_text("utf-8"))["diagnostics"]
    for row in rows:
        row["site"] = site.name
    return rows


def sample(
    rows: list[dict[str, object]], size: int, per_rule: int, seed: int
) -> list[dict[str, object]]:
    """At least *per_rule* findings of every rule (all when it has fewer), the rest drawn in
    proportion to the rules' counts; sorted by rule and place."""
    rng = random.Random(seed)
    by_rule: dict[str, list[dict[str, object]]] = collections.defaultdict(list)
    for row in sorted(rows, key=_place):
        by_rule[str(row["code"])].append(row)
    chosen: list[dict[str, object]] = []
    for rule in sorted(by_rule):
        chosen += rng.sample(by_rule[rule], min(per_rule, len(by_rule[rule])))
    rest = [row for row in sorted(rows, key=_place) if row not in chosen]
    chosen += rng.sample(rest, max(0, min(size - len(chosen), len(rest))))
    return sorted(chosen, key=lambda row: (str(row["code"]), *_place(row)))


def _place(row: dict[str, object]) -> tuple[str, int, int]:
    return (str(row["path"]), int(str(row["line"])), int(str(row["column"])))


def context(row: dict[str, object], around: int = 3) -> str:
    """The lines around the finding (the whole front matter for a finding inside it)."""
    try:
        text = (ROOT / str(row["path"])).read_text("utf-8", errors="replace")
        lines = text.split("\n")  # not splitlines(): U+2028, \x0c... are no line ends to a linter
    except OSError as exc:
        return f"(cannot read: {exc})"
    line = int(str(row["line"])) - 1
    first, last = max(0, line - around), min(len(lines), line + around + 1)
    return "\n".join(
        f"{n + 1:>5}{'>' if n == line else ' '} {lines[n]}" for n in range(first, last)
    )


def print_markdown(chosen: list[dict[str, object]]) -> None:
    for index, row in enumerate(chosen, start=1):
        print(f"## {index}. {row['code']} {row['site']}")
        print(
            f"`{row['path']}:{row['line']}:{row['column']}` ({row['severity']}): {row['message']}"
        )
        print(f"\n```text\n{context(row)}\n```\n")


def print_csv(chosen: list[dict[str, object]]) -> None:
    writer = csv.DictWriter(sys.stdout, fieldnames=_FIELDS, extrasaction="ignore")
    writer.writeheader()
    for index, row in enumerate(chosen, start=1):
        writer.writerow({**row, "id": index, "rule": row["code"], "verdict": "", "why": ""})


def score(path: Path) -> int:
    """Print the precision per rule of a judged CSV; exit 1 when a row is not judged."""
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    unjudged = [row["id"] for row in rows if row["verdict"].strip().upper() not in VERDICTS]
    if unjudged:
        print(f"not judged (TRUE, FALSE or ARTEFACT): rows {', '.join(unjudged)}", file=sys.stderr)
        return 1
    table: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for row in rows:
        table[row["rule"]][row["verdict"].strip().upper()] += 1
        table["all"][row["verdict"].strip().upper()] += 1
    print("| rule | sampled | TRUE | FALSE | ARTEFACT | precision |")
    print("|---|---|---|---|---|---|")
    for rule in [*sorted(r for r in table if r != "all"), "all"]:
        counts = table[rule]
        judged = counts["TRUE"] + counts["FALSE"]
        precision = f"{counts['TRUE'] / judged:.1%}" if judged else "n/a"
        total = sum(counts.values())
        print(
            f"| {rule} | {total} | {counts['TRUE']} | {counts['FALSE']} | {counts['ARTEFACT']} | {precision} |"
        )
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sites", nargs="*", type=Path, help="site folders (default: the corpus)")
    parser.add_argument("--size", type=int, default=120, help="findings in the sample")
    parser.add_argument("--per-rule", type=int, default=5, help="at least this many per rule")
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--select", help="only these rules (as recapkit lint --select)")
    parser.add_argument(
        "--ssg",
        action="append",
        default=[],
        metavar="SITE=NAME",
        help="read SITE (a folder name) as generator NAME, for a snapshot without its config",
    )
    parser.add_argument("--csv", action="store_true", help="a CSV with an empty verdict column")
    parser.add_argument("--score", type=Path, help="score a judged CSV instead of sampling")
    args = parser.parse_args()
    if args.score:
        return score(args.score)
    sites = args.sites or sorted(p for p in CORPUS.iterdir() if p.is_dir())
    named = dict(item.split("=", 1) for item in args.ssg)
    rows = [
        row for site in sites for row in findings(site.resolve(), args.select, named.get(site.name))
    ]
    for row in rows:
        row["path"] = os.path.relpath(Path(str(row["path"])).resolve(), ROOT)
    counts = collections.Counter(str(row["code"]) for row in rows)
    print(f"<!-- {len(rows)} findings: {dict(sorted(counts.items()))} -->", file=sys.stderr)
    chosen = sample(rows, args.size, args.per_rule, args.seed)
    (print_csv if args.csv else print_markdown)(chosen)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
