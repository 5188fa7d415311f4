"""``recapkit render DATA_FILE``: a recap data file in, a post for a static site out."""

from __future__ import annotations

from pathlib import Path

import click

from recapkit.commands._generator_choice import GeneratorChoice
from recapkit.commands._template_options import template_options
from recapkit.errors import UsageError
from recapkit.rendering.engine import LANGS
from recapkit.ssg.registry import names as generator_names


@click.command(
    name="render",
    epilog="Exit status: 0 rendered (with --update: updated, or nothing to change); 1 the data "
    "file has problems (printed to stderr as `recapkit validate` prints them), FILE exists and "
    "--force was not given, --update found blocks the writer edited (without --force), or "
    "--diff would change the post; 2 a usage, site, configuration or template error.",
)
@click.argument("data_file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--ssg", type=GeneratorChoice(), help="Target SSG (default: detect the site).")
@click.option(
    "--lang",
    type=click.Choice(LANGS),
    help="Labels' language (default: the recap's). It changes the labels and date formats "
    "only: the recap's own text is not translated.",
)
@template_options
@click.option("--timezone", metavar="ZONE", help="Zone for naive times in the data file.")
@click.option("--site", type=click.Path(file_okay=False, path_type=Path), help="Site folder.")
@click.option("-o", "--output", default="-", metavar="FILE|-", help="Where to write (default: -).")
@click.option(
    "--update",
    metavar="POST",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Update POST in place: only its generated blocks and the front matter keys recapkit "
    "writes (data: DATA_FILE, else the post's own recap data). See docs/updating.md.",
)
@click.option("--diff", is_flag=True, help="With --update: print the diff, write nothing.")
@click.option(
    "--force",
    is_flag=True,
    help="Overwrite FILE if it exists; with --update, replace blocks the writer edited.",
)
def command(
    data_file: Path | None,
    ssg: str | None,
    lang: str | None,
    body_layout: str | None,
    template: str | None,
    template_dir: tuple[Path, ...],
    front_matter: str | None,
    timezone: str | None,
    site: Path | None,
    output: str,
    update: Path | None,
    diff: bool,
    force: bool,
) -> int:
    """Render a recap data file (YAML, TOML or JSON) into a post with front matter, or
    bring a rendered post up to date with its data (--update POST).

    The output is deterministic: the same data and template give the same bytes. Template
    names are looked up in --template-dir, then the configured templates-dir, then the site's
    .recapkit/templates/, then the built-ins.

    \b
    Examples:
      recapkit render examples/gopher-meetup-hangzhou-2025.yaml --ssg hugo --lang zh
      recapkit render examples/pycon-riverside-2025.toml --ssg zola -o pycon-riverside.md
      recapkit render examples/pycon-riverside-2025.toml --ssg jekyll --layout notes
      recapkit render examples/rust-night-berlin-2025.json --ssg hexo \\
        --template templates/newsletter.md.j2
      recapkit render --update \\
        examples/site/content/posts/gopher-meetup-hangzhou-2025/index.md --diff
      recapkit render examples/gopher-meetup-hangzhou-2025.yaml --update \\
        examples/site/content/posts/gopher-meetup-hangzhou-2025/index.md
    """
    from recapkit.commands._render_update import (
        post_front_matter_format,
        post_recap,
        update_file,
    )
    from recapkit.commands.validate import report_problems
    from recapkit.data.files import DataFileError, load_recap
    from recapkit.errors import FileExistsRefusedError
    from recapkit.rendering.engine import render
    from recapkit.scaffolding import template_setup, write_text_atomic

    if update is None and data_file is None:
        raise UsageError("missing DATA_FILE (or --update POST to update a post)")
    if update is None and diff:
        raise UsageError("--diff goes with --update POST")
    if update is not None and output != "-":
        raise UsageError("--update writes POST itself: drop -o")
    folder = site or _output_folder(str(update) if update is not None else output)
    setup = template_setup(ssg, folder, template_dir, body_layout)
    found = setup.site
    if found is None:
        raise UsageError(
            "cannot tell which SSG to render for (no site found here): "
            f"pass --ssg {'|'.join(generator_names())}"
        )
    try:
        if data_file is not None:
            recap = load_recap(data_file, timezone=timezone)
        else:
            assert update is not None
            recap = post_recap(update, found)
    except DataFileError as exc:  # a finding in the user's data, as validate reports it
        return report_problems(exc, err=True)
    if update is not None and front_matter is None:  # the post's own format, where it can be
        front_matter = post_front_matter_format(update, found.generator)
    text = render(
        recap,
        ssg=found.generator,
        site=found,
        lang=lang,
        template=template,
        search_paths=setup.search_paths,
        front_matter=front_matter,
        body_layout=setup.layout,
    )
    if update is not None:
        return update_file(update, text, diff=diff, force=force)
    if output == "-":
        click.echo(text, nl=False)
        return 0
    try:
        write_text_atomic(Path(output), text, overwrite=force, output=True)
    except FileExistsRefusedError as exc:
        click.echo(f"error: {exc}", err=True)
        return exc.exit_code
    return 0


def _output_folder(output: str) -> Path | None:
    """The site of ``-o content/blog/x.md`` when that file goes into one (found from its nearest
    existing folder); None for stdout or a file outside any site (the current folder decides)."""
    from recapkit.ssg import SiteDetectionError, detect_site

    if output == "-":
        return None
    folder = Path(output).expanduser().absolute().parent
    while not folder.is_dir() and folder != folder.parent:
        folder = folder.parent
    try:
        return folder if detect_site(folder) is not None else None
    except SiteDetectionError:
        return None
