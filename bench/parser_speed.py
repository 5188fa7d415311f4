"""How fast could a post's body be parsed: recapkit's markdown-it-py parse against native parsers.

Times, on one core, the parse that ``Post.tokens`` runs (markdown-it-py with recapkit's inline
position tracking) and the raw event streams of the native CommonMark parsers installed here
(``pyromark``: pulldown-cmark, with and without byte ranges), over the same bodies::

    python bench/parser_speed.py                 # the shared corpus
    python bench/parser_speed.py path/to/content

``recapkit.post.native`` (what lint uses) turns pyromark's events into markdown-it-py's tokens;
the raw event streams show how much of its time is the parser itself and how much building
those Python tokens (see docs/performance.md).
"""

from __future__ import annotations

import importlib.util
import sys
import time
from collections.abc import Callable
from pathlib import Path

from recapkit.post.markdown import markdown_source
from recapkit.post.markdown_it_parse import parse_tokens

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def bodies(roots: list[Path]) -> list[str]:
    """The Markdown each post's parse sees (front matter blanked: same lines), from *roots*."""
    from recapkit.post.front_matter import read_front_matter

    found = []
    for path in sorted(p for root in roots for p in root.rglob("*.md") if p.name != "README.md"):
        text = path.read_bytes().decode("utf-8", "replace").removeprefix("\ufeff")
        _front_matter, body_start = read_front_matter(text)
        found.append(markdown_source(text, body_start, text.count("\n", 0, body_start)))
    return found


def timed(name: str, parse: Callable[[str], object], sources: list[str]) -> float:
    started = time.process_time()
    for source in sources:
        parse(source)
    cpu = time.process_time() - started
    print(f"{name:<40} {cpu:7.3f} s CPU  {cpu / len(sources) * 1000:7.3f} ms/post")
    return cpu


def main(argv: list[str]) -> int:
    roots = [Path(a) for a in argv] or [CORPUS]
    sources = bodies(roots)
    size = sum(len(s.encode("utf-8")) for s in sources)
    print(f"{len(sources)} bodies, {size / 1e6:.1f} MB")
    ours = timed("markdown-it-py (recapkit's parse_tokens)", parse_tokens, sources)
    if importlib.util.find_spec("pyromark") is None:
        print("pyromark is not installed: nothing to compare with")
        return 0
    import pyromark

    from recapkit.post.native import parse_tokens as native_tokens

    tables = pyromark.Options.ENABLE_TABLES
    native = [
        ("recapkit's native parse (pyromark)", native_tokens),
        ("pyromark events", lambda s: list(pyromark.events(s, options=tables))),
        (
            "pyromark events with byte ranges",
            lambda s: list(pyromark.events_with_range(s, options=tables)),
        ),
    ]
    for name, parse in native:
        print(f"{'':<40} {ours / timed(name, parse, sources):7.0f}x faster")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
