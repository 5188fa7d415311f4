"""Build a speakers index across all recaps of a site: who spoke, at which events, about what.

Usage::

    python examples/api/speakers_index.py [FOLDER_OR_FILE ...] [--json]

Reads recap data files (``.yaml``, ``.yml``, ``.toml``, ``.json`` with a top-level ``event``) with
:func:`recapkit.load_recap` and posts (``.md``, ``.markdown``) with :func:`recapkit.load_post`, whose
front matter may carry a ``recap:`` block (``[extra.recap]`` in Zola). A talk found twice (a data file
and the post rendered from it) counts once. Invalid recaps are listed on stderr and skipped; other
data files (site configuration, CI files) are ignored. Default: the repository's ``examples/`` folder.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from recapkit import Recap, RecapkitError, load_post, load_recap

DATA_SUFFIXES = {".yaml", ".yml", ".toml", ".json"}
POST_SUFFIXES = {".md", ".markdown"}
DEFAULT = Path(__file__).resolve().parent.parent  # examples/
# A top-level `event` (YAML `event:`, TOML `[event]`, JSON `"event":`) marks a recap data file; a
# cheap text test, so that hugo.toml or a CI file is not even parsed.
RECAP_MARK = re.compile(r'^(event\s*:|\[event\])|"event"\s*:', re.MULTILINE)


def files(paths: list[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.suffix.lower() in DATA_SUFFIXES | POST_SUFFIXES
            )
        else:
            yield path


def read_recap(path: Path) -> Recap | None:
    """The recap in *path*, or None when it holds none; raises RecapkitError when it is invalid."""
    if path.suffix.lower() in POST_SUFFIXES:
        return load_post(path).recap  # None for a post without a recap block
    if not RECAP_MARK.search(path.read_text(encoding="utf-8", errors="replace")):
        return None
    return load_recap(path)


def collect(paths: list[Path]) -> dict[str, list[dict[str, str]]]:
    """Speaker name -> one entry per talk, in date order."""
    index: dict[str, list[dict[str, str]]] = {}
    seen: set[tuple[str, str, str]] = set()
    for path in files(paths):
        try:
            recap = read_recap(path)
        except RecapkitError as exc:
            first = (str(exc) or type(exc).__name__).splitlines()[0]
            where = "" if str(path) in first else f"{path}: "  # data file errors name the file
            print(f"skipped {where}{first}", file=sys.stderr)
            continue
        if recap is None:
            continue
        for talk in recap.talks:
            for speaker in talk.speakers:
                if speaker.name is None:  # known only as "someone from X": no entry in a name index
                    continue
                key = (speaker.name, recap.event.name, talk.title)
                if key in seen:
                    continue
                seen.add(key)
                index.setdefault(speaker.name, []).append(
                    {
                        "talk": talk.title,
                        "event": recap.event.name,
                        "date": str(recap.event.start or recap.date)[:10],
                        "affiliation": speaker.affiliation or "",
                        "source": str(path),
                    }
                )
    for talks in index.values():
        talks.sort(key=lambda entry: entry["date"])
    return dict(sorted(index.items(), key=lambda item: item[0].casefold()))


def print_markdown(index: dict[str, list[dict[str, str]]]) -> None:
    print("# Speakers\n")
    for name, talks in index.items():
        affiliation = next((t["affiliation"] for t in reversed(talks) if t["affiliation"]), "")
        print(f"- **{name}**" + (f" ({affiliation})" if affiliation else ""))
        for talk in talks:
            print(f"  - {talk['date']} {talk['event']}: {talk['talk']}")
    count = sum(len(talks) for talks in index.values())
    print(f"\n{len(index)} speakers, {count} talks.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[DEFAULT])
    parser.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    args = parser.parse_args(argv)
    index = collect(args.paths)
    if args.json:
        json.dump(index, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print_markdown(index)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
