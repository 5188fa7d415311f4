"""``recapkit import POST...``: existing posts in, recap data files out."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from recapkit.errors import UsageError

if TYPE_CHECKING:
    from recapkit.importing.assemble import Imported

FORMATS = ("yaml", "toml", "json")


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
@click.option("--write", is_flag=True, help="Write <post>.recap.<format> next to each post.")
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
    """
    if output is not None and write:
        raise UsageError("use either -o FILE or --write, not both")
    if len(posts) > 1 and not write:
        raise UsageError("several posts: pass --write to write a data file next to each")
    status = 0
    for post in posts:
        status = max(status, _one(post, output, write, fmt, from_text, force, quiet))
    return status


def _one(
    post: Path,
    output: Path | None,
    write: bool,
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
    except RecapkitError as exc:
        click.echo(f"error: {exc}", err=True)
        return exc.exit_code
    if not quiet:
        _report(post, imported)
    target = output or (_beside(post, fmt) if write else None)
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


def _beside(post: Path, fmt: str) -> Path:
    return post.with_name(f"{post.stem}.recap.{fmt}")


def _report(post: Path, imported: Imported) -> None:
    for note in imported.unplaced:
        click.echo(note.show(str(post)), err=True)
