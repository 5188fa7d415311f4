"""Render 1,000 recaps and print recaps per second (target: at least 1,000/s on one core).

Usage::

    .venv/bin/python bench/render_bench.py [--count 1000] [--ssg hugo] [--lang en]

The recaps are the repository's examples, each copied with a different title so that no
cache can help; the template is compiled once, as in a real run over many posts.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import attrs

from recapkit.data.files import load_recap
from recapkit.rendering.engine import render
from recapkit.ssg.registry import names

SSGS = names()

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def recaps(count: int) -> list:  # type: ignore[type-arg]
    sources = [
        load_recap(p)
        for p in sorted(EXAMPLES.glob("*.*"))
        if p.suffix in (".yaml", ".toml", ".json")
    ]
    return [attrs.evolve(sources[i % len(sources)], title=f"Recap {i}") for i in range(count)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--ssg", choices=[*SSGS, "all"], default="all")
    parser.add_argument("--lang", choices=["en", "zh"], default="en")
    args = parser.parse_args()
    items = recaps(args.count)
    render(items[0], ssg="hugo", lang=args.lang)  # compile the templates outside the timing
    for ssg in SSGS if args.ssg == "all" else [args.ssg]:
        started, cpu_started = time.perf_counter(), time.process_time()
        size = sum(len(render(recap, ssg=ssg, lang=args.lang)) for recap in items)
        elapsed = time.perf_counter() - started
        cpu = time.process_time() - cpu_started  # CPU time: fairer on a busy machine
        print(
            f"{ssg:6} {len(items)} recaps in {elapsed:.2f}s wall, {cpu:.2f}s CPU: "
            f"{len(items) / cpu:,.0f} recaps/s per core ({size / len(items) / 1024:.1f} KiB each)"
        )


if __name__ == "__main__":
    main()
