"""What each part of a first lint run costs per post: where a faster rule layer must save.

Lints the posts in one process (``recapkit lint --jobs 1 --no-cache``, the default rules, or
``--select``'s) with a clock around each rule's ``check``, the body parse, the importer that
reads a post as a recap (RK403, RK404), the reading of each file, and the steps of the engine and
the runner around them. A part's time is its own, without the parts it calls: the body parse
starts inside the first rule that asks for the body and is counted as the parse. Each run is a
fresh process; the best of ``--runs`` is kept for each part::

    python bench/rule_cost.py                      # the shared corpus
    python bench/rule_cost.py --runs 5 path/to/content
    python bench/rule_cost.py --select RK6         # the opt-in Chinese writing checks

A part that never ran (a rule not selected) is not listed. "other" is the rest of the run: the
command line, the cache key, the report (which grows with the findings). Start-up (the imports,
the rule modules' included) comes before the clock and is left out.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from floor_bench import posts as markdown_posts  # bench/ is the script's folder

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
OTHER = "other"


class Clock:
    """Own time (s) of each wrapped call, less the wrapped calls made inside it."""

    def __init__(self) -> None:
        self.own: defaultdict[str, float] = defaultdict(float)
        self._inner = [0.0]  # per open call: time of the wrapped calls inside it

    def wrap(
        self, name: str, call: Callable[..., Any], *, drain: bool = False
    ) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            self._inner.append(0.0)
            started = time.perf_counter()
            try:
                result = call(*args, **kwargs)
                return list(result) if drain else result  # a rule's check may be a generator
            finally:
                elapsed = time.perf_counter() - started
                self.own[name] += elapsed - self._inner.pop()
                self._inner[-1] += elapsed

        return timed


def instrument(clock: Clock) -> None:
    """Wrap the parts of a run in *clock*."""
    from recapkit.importing import assemble
    from recapkit.lint import engine, pipeline
    from recapkit.lint.rules.index import RULES
    from recapkit.post import load

    def patch(owner: object, attribute: str, name: str, *, drain: bool = False) -> None:
        setattr(owner, attribute, clock.wrap(name, getattr(owner, attribute), drain=drain))

    # The remote rules run only with --remote. Rules may share a ``check`` through a base class,
    # so each class gets its own wrapper of the function it had before any was wrapped.
    local: list[tuple[Any, Any]] = [(e, e.load()) for e in RULES if not e.code.startswith("RK5")]
    checks = [(entry, cls, cls.check) for entry, cls in local]
    for entry, cls, check in checks:
        cls.check = clock.wrap(f"{entry.code} {entry.name}", check, drain=True)
    patch(load, "_parse_body", "body parse")
    patch(assemble, "read_recap", "importer (RK403, RK404)")
    patch(engine.Linter, "load", "reading, front matter")
    # What the engine does around the rules, for each post, and the run's own steps.
    patch(engine, "post_suppressions", "suppression comments")
    patch(engine, "fragment_links", "fragment links (RK209)")
    patch(engine, "data_file_stamps", "recap data stamps")
    patch(engine, "recap_reading", "recap reading")
    patch(engine.Linter, "apply_policy", "selection, severities")
    patch(engine.Linter, "_dependencies", "image dependencies")
    patch(pipeline, "resolve", "config, discovery, sites")
    patch(pipeline, "check_cross_posts", "cross-post anchors")
    patch(engine.Linter, "lint_post", "engine, per post (the rest)")
    patch(pipeline, "run", "runner: reading files, workers (the rest)")


def child(roots: list[str], select: str | None) -> None:
    """One measured run, in this process; prints the parts' times as JSON."""
    from recapkit.cli import main as recapkit

    clock = Clock()
    instrument(clock)
    with tempfile.TemporaryDirectory(prefix="recapkit-rule-cost-") as temp:
        argv = ["lint", "--quiet", "--jobs", "1", "--no-cache"]
        argv += ["--select", select] if select else []
        argv += ["--output-format", "json", "--output-file", f"{temp}/report.json", *roots]
        started = time.perf_counter()
        code = recapkit(argv)
        total = time.perf_counter() - started
    if code not in (0, 1):  # 0: no findings, 1: findings; anything else: the run failed
        raise SystemExit(f"recapkit lint exited with code {code}")
    clock.own[OTHER] = total - sum(clock.own.values())
    print(json.dumps(dict(clock.own)))


def measured(roots: list[Path], runs: int, select: str | None) -> dict[str, float]:
    """The best time of each part over *runs* fresh processes."""
    best: dict[str, float] = {}
    for _ in range(runs):
        command = [sys.executable, __file__, "--child", *map(str, roots)]
        command += ["--select", select] if select else []
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise SystemExit(f"the measured run failed:\n{done.stderr.strip()}")
        for name, seconds in json.loads(done.stdout.splitlines()[-1]).items():
            best[name] = min(best.get(name, seconds), seconds)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("dirs", nargs="*", type=Path, help="folders to lint (default: the corpus)")
    parser.add_argument("--runs", type=int, default=3, help="fresh runs, best kept per part")
    parser.add_argument("--select", help="the rules to run, as `recapkit lint --select` takes")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    roots = args.dirs or [CORPUS]
    missing = [str(root) for root in roots if not root.is_dir()]
    if missing:
        parser.error(f"not a folder: {', '.join(missing)}")
    if args.child:
        child([str(root) for root in roots], args.select)
        return 0
    posts = len(markdown_posts(roots))
    best = measured(roots, args.runs, args.select)
    total = sum(best.values())
    print(f"{posts} posts, time per post (best of {args.runs} runs for each part; one process)")
    for name, seconds in sorted(best.items(), key=lambda item: item[1], reverse=True):
        print(f"  {seconds / posts * 1000:7.3f} ms  {100 * seconds / total:5.1f}%  {name}")
    print(f"  {total / posts * 1000:7.3f} ms  sum of the parts' best times")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
