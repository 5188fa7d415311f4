"""Measure :func:`recapkit.load_post` on a directory of posts; print posts/s and MB/s.

Usage: python bench/load_posts.py [DIR ...]   (default: ../shared/corpus)
Also prints per-top-folder counts of images (by kind) and links, and any load problems.
"""

from __future__ import annotations

import collections
import sys
import time
from pathlib import Path

from recapkit.post.load import load_post


def main(argv: list[str]) -> int:
    roots = [Path(a) for a in argv] or [Path(__file__).resolve().parents[2] / "shared" / "corpus"]
    files = sorted(p for root in roots for p in root.rglob("*.md") if p.name != "README.md")
    size = sum(p.stat().st_size for p in files)
    for p in files:  # warm the OS cache so we time parsing, not the disk
        p.read_bytes()
    started = time.perf_counter()
    cpu = time.process_time()
    posts = [load_post(p) for p in files]
    for post in posts:  # the body is parsed on first use: time it here too
        _ = post.tokens
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu
    print(
        f"{len(files)} posts, {size / 1e6:.2f} MB in {elapsed:.3f} s: "
        f"{len(files) / elapsed:,.0f} posts/s, {size / 1e6 / elapsed:.2f} MB/s, "
        f"{elapsed / len(files) * 1000:.2f} ms/post (CPU {cpu:.3f} s)"
    )
    per_site: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for post in posts:
        site = post.path.relative_to(next(r for r in roots if post.path.is_relative_to(r))).parts[0]
        counts = per_site[site]
        counts["posts"] += 1
        counts["links"] += len(post.links)
        counts["front matter errors"] += bool(post.front_matter and post.front_matter.error)
        counts["no front matter"] += post.front_matter is None and post.problem is None
        for image in post.images:
            counts[f"images:{image.kind}"] += 1
            counts["images remote"] += image.src.startswith(("http://", "https://", "//"))
            counts["images http://"] += image.src.startswith("http://")
            counts["images empty alt"] += image.alt == ""
        if post.problem:
            counts[f"problem:{post.problem.kind}"] += 1
    for site, counts in sorted(per_site.items()):
        print(f"\n{site}")
        for key, value in sorted(counts.items()):
            print(f"  {key:28} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
