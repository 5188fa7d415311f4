"""``recapkit render --update POST``: the post's own data, and the update written or shown."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import TYPE_CHECKING

import click

from recapkit.errors import UsageError

if TYPE_CHECKING:
    from recapkit.data.model import Recap
    from recapkit.ssg.base import Generator, Site

BOM = "\ufeff"


def post_recap(path: Path, site: Site | None) -> Recap:
    """The recap data *path* carries (wherever ``load_post(path).recap`` finds it)."""
    from recapkit.ssg.posts import load_post

    post = load_post(path, site=site)
    if post.problem is not None:
        raise UsageError(f"{path}: {post.problem}")
    recap = post.recap
    if recap is None:
        raise UsageError(f"{path} carries no recap data: pass the DATA_FILE to render it from")
    return recap


def post_front_matter_format(path: Path, generator: Generator) -> str | None:
    """The format of *path*'s front matter when *generator* writes it (Hugo: YAML or TOML), so the
    fresh render's front matter can be compared with the post's key by key; else None."""
    from recapkit.post.front_matter import read_front_matter

    try:
        found, _ = read_front_matter(_read(path).removeprefix(BOM))
    except UsageError:
        return None  # update_file says why
    if found is None or found.format not in generator.front_matter_formats:
        return None
    return str(found.format)


def update_file(path: Path, fresh: str, *, diff: bool, force: bool) -> int:
    """Update *path* to *fresh* (its data rendered); 0 done or nothing to do, 1 refused or
    (with *diff*) it would change."""
    from recapkit.rendering.update import update_post
    from recapkit.scaffolding import write_text_atomic

    original = _read(path)
    bom = original.startswith(BOM)
    result = update_post(original.removeprefix(BOM), fresh, force=force)
    for conflict in result.conflicts:
        click.echo(f"{path}: {conflict.describe()}", err=True)
    if result.conflicts and not force:
        click.echo(
            f"error: {path}: not updated: the writer edited {len(result.conflicts)} generated "
            "block(s); move the prose outside the markers, or use --force to let the data win",
            err=True,
        )
        return 1
    for note in result.notes:
        click.echo(f"{path}: note: {note}", err=True)
    text = (BOM if bom else "") + result.text
    if text == original:
        return 0
    if diff:
        click.echo(_unified_diff(path, original, text), nl=False)
        return 1
    write_text_atomic(path, text, overwrite=True)
    click.echo(f"updated {path}", err=True)
    return 0


def _read(path: Path) -> str:
    from recapkit._read import read_limited
    from recapkit.post.load import DEFAULT_MAX_BYTES

    try:  # a FIFO or device is refused, not waited on; a huge file is not read whole
        data = read_limited(path, DEFAULT_MAX_BYTES)
    except FileNotFoundError:
        raise UsageError(f"{path}: no such post") from None
    except OSError as exc:
        raise UsageError(f"{path}: cannot be read: {exc.strerror or exc}: not updated") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError(f"{path}: not UTF-8 text: not updated") from None


def _unified_diff(path: Path, before: str, after: str) -> str:
    name = path.as_posix()
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    lines = []
    for line in difflib.unified_diff(old, new, fromfile=f"a/{name}", tofile=f"b/{name}"):
        lines.append(line)
        if not line.endswith("\n"):
            lines.append("\n\\ No newline at end of file\n")
    return "".join(lines)
