"""``recapkit import POST...``: existing posts in, recap data files out."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from recapkit.errors import UsageError

if TYPE_CHECKING:
    from recapkit.importing.assemble import Imported

FORMATS = ("yaml", "toml", "json")
PLACES = ("sidecar", "data")


@click.command(
    name="import",
    epilog="Exit status: 0 imported (notes on stderr are information); 1 a file exists and "
    "--force was not given; 2 a post has no title or date, cannot be read, or a usage error.",
)
@click.argument("posts", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    metavar="FILE",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the data to FILE (format by extension: .yaml, .toml, .json).",
)
@click.option(
    "--write",
    is_flag=True,
    help="Write each post's data where --to says (default: <post>.recap.<format> beside it).",
)
@click.option(
    "--to",
    "place",
    type=click.Choice(PLACES),
    help="With --write: a sidecar beside the post (the default), or the site's data folder "
    "(<data>/recaps/<name>.<format>).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="yaml",
    show_default=True,
    help="Format for stdout and --write.",
)
@click.option(
    "--from-text",
    is_flag=True,
    help="Read the post's text even when it carries recap data in its front matter.",
)
@click.option("--force", is_flag=True, help="Overwrite existing data files.")
@click.option("-q", "--quiet", is_flag=True, help="Do not report what could not be placed.")
def command(
    posts: tuple[Path, ...],
    output: Path | None,
    write: bool,
    place: str | None,
    fmt: str,
    from_text: bool,
    force: bool,
    quiet: bool,
) -> int:
    """Read existing recap posts back into recap data (YAML by default).

    Front matter gives the title, date, tags, categories and cover; the body gives the lead,
    the talks (sections, an opening numbered list, or both), their speakers, slides, videos,
    takeaways and photos, the highlights and the summary. What cannot be placed stays in the
    talk's or the recap's text and is reported on stderr as `path:line: note`. A speaker or a
    date is never guessed.

    \b
    Examples:
      recapkit import content/posts/go-meetup-2025.md
      recapkit import content/posts/go-meetup-2025.md -o data/go-meetup-2025.toml
      recapkit import content/posts/*.md --write
      recapkit import content/posts/*.md --write --to data
    """
    if output is not None and write:
        raise UsageError("use either -o FILE or --write, not both")
    if place is not None and not write:
        raise UsageError("--to says where --write writes: pass --write too")
    if len(posts) > 1 and not write:
        raise UsageError("several posts: pass --write to write a data file next to each")
    status = 0
    for post in posts:
        where = (place or "sidecar") if write else None
        status = max(status, _one(post, output, where, fmt, from_text, force, quiet))
    return status


def _one(
    post: Path,
    output: Path | None,
    place: str | None,
    fmt: str,
    from_text: bool,
    force: bool,
    quiet: bool,
) -> int:
    from recapkit.data.files import dump_recap, dumps_recap
    from recapkit.errors import FileExistsRefusedError, RecapkitError
    from recapkit.importing.assemble import import_post

    try:
        imported = import_post(post, from_text=from_text)
        target = output or (write_target(post, place, fmt) if place else None)
    except RecapkitError as exc:
        click.echo(f"error: {exc}", err=True)
        return exc.exit_code
    if not quiet:
        _report(post, imported)
    if target is None:
        click.echo(dumps_recap(imported.recap, fmt), nl=False)
        return 0
    try:
        dump_recap(imported.recap, target, force=force)
    except FileExistsRefusedError as exc:
        click.echo(f"error: {exc}", err=True)
        return exc.exit_code
    click.echo(f"{post}: {len(imported.recap.talks)} talks -> {target}", err=True)
    return 0


def write_target(post: Path, place: str, fmt: str) -> Path:
    """Where ``--write --to PLACE`` puts *post*'s data (see :mod:`recapkit.post.recap_source`);
    a sidecar the site's generator would publish or render gets a warning on stderr."""
    from recapkit.post.recap_source import data_name, post_name, sidecar_path
    from recapkit.ssg.posts import load_post, site_of

    site = site_of(post)
    if place == "sidecar":
        target = sidecar_path(post, fmt)
        fate = site.generator.sidecar_fate(site, target) if site is not None else None
        if fate is not None:
            click.echo(
                f"warning: {target}: {fate}; --to data keeps it in the data folder", err=True
            )
        return target
    folder = site.generator.data_folder(site) if site is not None else None
    if site is None or folder is None:
        why = "no site found" if site is None else f"{site.generator.label} names no data folder"
        hint = " (Zola: set recap_data_dir in config.toml's [extra])" if site else ""
        raise UsageError(f"{post}: --to data: {why}{hint}")
    name = data_name(load_post(post, site=site).data) or post_name(post)
    target = folder / "recaps" / f"{name}.{fmt}"
    if fmt not in site.generator.data_formats:
        label = site.generator.label
        click.echo(f"warning: {target}: {label} templates read no {fmt} data files", err=True)
    target.parent.mkdir(parents=True, exist_ok=True)  # the site's own data folder
    return target


def _report(post: Path, imported: Imported) -> None:
    for note in imported.unplaced:
        click.echo(note.show(str(post)), err=True)
