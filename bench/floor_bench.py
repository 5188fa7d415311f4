"""What any linter written in Python on recapkit's chosen packages pays before its first rule.

Issue 13 asks for a cold run within 2x of rumdl's (Rust) and one file in 0.12 s. This script
shows how much of those budgets goes before a rule runs, on the same posts, so a target can be
judged against what Python and the project's core packages allow:

- **start-up**: the wall time of ``python -c pass``, of importing the packages a lint run
  needs (attrs, click, PyYAML, python-frontmatter, pyromark), and of ``recapkit lint`` on one
  post, best of five each;
- **per post, on one core**: the *floor* (read the file, load its front matter with
  python-frontmatter and PyYAML's C loader, or tomllib for ``+++``, and walk pyromark's events
  with their byte ranges once, building nothing), against ``recapkit lint --jobs 1 --no-cache``
  and ``rumdl check --no-cache`` (when on ``PATH``), CPU time (user + system) per post::

    python bench/floor_bench.py                  # the shared corpus
    python bench/floor_bench.py path/to/content

The floor is a lower bound, not a design: a linter also tokenizes, runs its rules and reports.
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

import frontmatter
import pyromark

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
CORE_IMPORTS = "import attrs, click, yaml, frontmatter, pyromark"


def posts(roots: list[Path]) -> list[Path]:
    """The Markdown files under *roots* (``.md``, ``.markdown``, any case), as ``recapkit lint``
    finds them and ``lint_bench`` counts them."""
    return sorted(
        p
        for root in roots
        for p in root.rglob("*")
        if p.suffix.lower() in (".md", ".markdown") and p.is_file()
    )


def walk_post(path: Path) -> int:
    """The floor for one post: read, front matter, one walk over pyromark's events."""
    text = path.read_bytes().decode("utf-8", "replace").removeprefix("\ufeff")
    body = text
    parts = text.split("+++", 2)
    if text.startswith("+++") and len(parts) == 3:
        try:
            tomllib.loads(parts[1])
            body = parts[2]
        except tomllib.TOMLDecodeError:
            pass
    else:
        try:
            body = frontmatter.loads(text).content
        except Exception:  # a post whose front matter fails to load still has a body
            body = text
    options = pyromark.Options.ENABLE_TABLES | pyromark.Options.ENABLE_STRIKETHROUGH
    return sum(1 for _ in pyromark.events_with_range(body, options=options))


def floor_cpu(paths: list[Path], runs: int) -> float:
    """Best CPU time (s) of the floor over *paths* in this process, after one warm-up."""
    for path in paths:
        walk_post(path)
    best = float("inf")
    for _ in range(runs):
        started = time.process_time()
        for path in paths:
            walk_post(path)
        best = min(best, time.process_time() - started)
    return best


def child_cpu(command: list[str]) -> tuple[float, float]:
    """Wall and CPU (user + system) time of *command*, run to its end."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def best(command: list[str], runs: int, pick: Callable[[tuple[float, float]], float]) -> float:
    """The best of *runs* runs of *command*, by *pick* (wall or CPU)."""
    return min(pick(child_cpu(command)) for _ in range(runs))


def start_up(first: Path, work: Path) -> None:
    """Wall times of the start of a run, against the one-file target."""
    python = sys.executable
    lint = [python, "-m", "recapkit", "lint", "--quiet", "--no-cache"]
    lint += ["--output-format", "json", "--output-file", str(work / "one.json"), str(first)]
    rows = [
        ("python -c pass", [python, "-c", "pass"]),
        (f'python -c "{CORE_IMPORTS}"', [python, "-c", CORE_IMPORTS]),
        (f"recapkit lint {first.name} (one post)", lint),
    ]
    print("start-up, wall (best of 5); issue 13's one-file target is 0.12 s")
    for name, command in rows:
        print(f"  {best(command, 5, lambda r: r[0]):6.3f} s  {name}")


def per_post(paths: list[Path], roots: list[Path], work: Path) -> None:
    """CPU per post of the floor, recapkit (one process, no cache) and rumdl, on one core."""
    count = len(paths)
    floor = floor_cpu(paths, 3)
    lint = [sys.executable, "-m", "recapkit", "lint", "--quiet", "--jobs", "1", "--no-cache"]
    lint += ["--output-format", "json", "--output-file", str(work / "all.json")]
    ours = best([*lint, *map(str, roots)], 2, lambda r: r[1])
    print(f"\nCPU per post, {count} posts (user + system; recapkit's includes its start-up)")
    print(f"  {floor / count * 1000:7.3f} ms  floor (read, front matter, pyromark events)")
    print(f"  {ours / count * 1000:7.3f} ms  recapkit lint --jobs 1 --no-cache")
    if shutil.which("rumdl") is None:
        print("  (rumdl is not on PATH: no comparison)")
        return
    rumdl = best(["rumdl", "check", "--no-cache", "--silent", *map(str, roots)], 3, lambda r: r[1])
    print(f"  {rumdl / count * 1000:7.3f} ms  rumdl check --no-cache (all its threads)")
    print(
        f"\n2x rumdl leaves {2 * rumdl / count * 1000:.3f} ms of CPU per post; the floor is "
        f"{floor / rumdl:.2f}x rumdl's CPU, recapkit {ours / rumdl:.1f}x, recapkit over the "
        f"floor {ours / floor:.1f}x"
    )


def main(argv: list[str]) -> int:
    roots = [Path(a) for a in argv] or [CORPUS]
    paths = posts(roots)
    if not paths:
        print(f"no Markdown files under {', '.join(map(str, roots))}", file=sys.stderr)
        return 2
    # A post, not a folder's README, stands for pre-commit's one file when there is one.
    first = next((p for p in paths if p.name.lower() != "readme.md"), paths[0])
    with tempfile.TemporaryDirectory(prefix="recapkit-floor-") as temp:
        start_up(first, Path(temp))
        per_post(paths, roots, Path(temp))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
