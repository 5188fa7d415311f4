"""``recapkit render DATA_FILE``: a recap data file in, a post for a static site out."""

from __future__ import annotations

from pathlib import Path

import click

from recapkit.errors import UsageError
from recapkit.rendering import LANGS, SSGS


@click.command(name="render")
@click.argument("data_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--ssg", type=click.Choice(SSGS), help="Target SSG (default: detect the site).")
@click.option("--lang", type=click.Choice(LANGS), help="Labels' language (default: the recap's).")
@click.option("--template", metavar="NAME|PATH", help="A template file or a template name.")
@click.option(
    "--template-dir",
    "template_dir",
    multiple=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to look up template names in (repeatable; before .recapkit/templates).",
)
@click.option("--front-matter", type=click.Choice(["yaml", "toml"]), help="Hugo only: +++ TOML.")
@click.option("--timezone", metavar="ZONE", help="Zone for naive times in the data file.")
@click.option("--site", type=click.Path(file_okay=False, path_type=Path), help="Site folder.")
@click.option("-o", "--output", default="-", metavar="FILE|-", help="Where to write (default: -).")
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
def command(
    data_file: Path,
    ssg: str | None,
    lang: str | None,
    template: str | None,
    template_dir: tuple[Path, ...],
    front_matter: str | None,
    timezone: str | None,
    site: Path | None,
    output: str,
    force: bool,
) -> int:
    """Render a recap data file (YAML, TOML or JSON) into a post with front matter.

    The output is deterministic: the same data and template give the same bytes. Template
    names are looked up in --template-dir, then the site's .recapkit/templates/, then the
    built-ins. Exit 1 when FILE exists and --force is not given.

    \b
    Examples:
      recapkit render examples/gophercon-china.yaml --ssg hugo --lang zh
      recapkit render talk.toml --ssg zola -o content/blog/meetup.md
      recapkit render talk.yaml --ssg hugo --template newsletter
    """
    from recapkit.datafile import load_recap
    from recapkit.rendering import render, site_template_dirs
    from recapkit.scaffolding import PostExistsError, find_site, write_text_atomic

    found = find_site(ssg, site)
    if found is None or found.ssg is None:
        raise UsageError(
            "cannot tell which SSG to render for (no site found here): "
            "pass --ssg hugo|hexo|jekyll|zola"
        )
    recap = load_recap(data_file, timezone=timezone)
    text = render(
        recap,
        ssg=str(found.ssg),
        lang=lang,
        template=template,
        search_paths=site_template_dirs(found.root, template_dir),
        front_matter=front_matter,
    )
    if output == "-":
        click.echo(text, nl=False)
        return 0
    try:
        write_text_atomic(Path(output), text, overwrite=force)
    except PostExistsError as exc:
        click.echo(f"error: {exc}", err=True)
        return 1
    return 0
