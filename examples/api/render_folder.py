"""Render every recap data file in a folder into posts for one static site generator.

Usage::

    python examples/api/render_folder.py [FOLDER] [--ssg hugo|hexo|jekyll|zola] [--lang en|zh]
                                         [--out DIR] [--force]

Each ``*.yaml``, ``*.yml``, ``*.toml`` and ``*.json`` file directly in FOLDER (default: the
repository's ``examples/``) is loaded with :func:`recapkit.load_recap` and rendered with
:func:`recapkit.rendering.engine` into ``DIR/<name>.md`` (default: a new temporary folder). The language
defaults to each recap's own ``lang``. Existing files are left alone unless ``--force``; invalid
data files are reported and skipped, and make the exit code 1.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from recapkit import RecapkitError, load_recap, render

DATA_SUFFIXES = {".yaml", ".yml", ".toml", ".json"}
DEFAULT = Path(__file__).resolve().parent.parent  # examples/


def render_one(source: Path, out_dir: Path, *, ssg: str, lang: str | None, force: bool) -> Path:
    recap = load_recap(source)
    text = render(recap, ssg=ssg, lang=lang)
    target = out_dir / f"{source.stem}.md"
    # "x" refuses to replace a file that is already there: a writer's edits are never lost.
    with target.open("w" if force else "x", encoding="utf-8", newline="") as stream:
        stream.write(text)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--ssg", default="hugo", choices=["hugo", "hexo", "jekyll", "zola"])
    parser.add_argument("--lang", choices=["en", "zh"], help="default: each recap's own language")
    parser.add_argument("--out", type=Path, help="default: a new temporary folder")
    parser.add_argument("--force", action="store_true", help="replace posts that already exist")
    args = parser.parse_args(argv)

    out_dir = args.out or Path(tempfile.mkdtemp(prefix="recapkit-render-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    failed = 0
    for source in sorted(args.folder.iterdir()):
        if source.suffix.lower() not in DATA_SUFFIXES or not source.is_file():
            continue
        try:
            target = render_one(source, out_dir, ssg=args.ssg, lang=args.lang, force=args.force)
        except FileExistsError as exc:
            print(f"skipped {source.name}: {exc.filename} exists (use --force)", file=sys.stderr)
            failed += 1
        except RecapkitError as exc:
            print(f"skipped {source.name}:\n{exc}", file=sys.stderr)
            failed += 1
        else:
            print(f"{source.name} -> {target}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
