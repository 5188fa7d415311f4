"""``recapkit jsonld DATA_OR_POST``: a recap as schema.org ``Event`` JSON-LD for search engines."""

from __future__ import annotations

from pathlib import Path

import click


@click.command(
    name="jsonld",
    epilog="Exit status: 0 printed or written; 1 the recap data has problems (printed to "
    "stderr as `recapkit validate` prints them) or FILE exists and --force was not given; 2 the "
    "input cannot be read, is a post without a recap block, or a usage error.",
)
@click.argument("source", metavar="DATA_OR_POST", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--base-url",
    metavar="URL",
    help="The site's address: site paths (/images/x.jpg) become absolute URLs.",
)
@click.option("--html", is_flag=True, help='Wrap in <script type="application/ld+json">.')
@click.option(
    "--indent",
    type=click.IntRange(min=0, max=8),
    default=2,
    show_default=True,
    help="Spaces per level; 0 prints one line.",
)
@click.option("--timezone", metavar="ZONE", help="Zone for naive times in the recap data.")
@click.option(
    "-o",
    "--output",
    default="-",
    metavar="FILE|-",
    help="Where to write (default: -); missing folders are created.",
)
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
def command(
    source: Path,
    base_url: str | None,
    html: bool,
    indent: int,
    timezone: str | None,
    output: str,
    force: bool,
) -> int:
    """Print a recap's event as schema.org Event JSON-LD: talks as subEvent, speakers as
    performer, venue and online address as location, videos as recordedIn.

    DATA_OR_POST is a data file (.yaml, .yml, .toml, .json) or a post with recap data (under
    `recap:` in its front matter, Zola: [extra.recap]; or in a sidecar <post>.recap.yaml or
    the site's data folder). docs/jsonld.md shows how each SSG embeds the output in a page.

    \b
    Examples:
      recapkit jsonld examples/pycon-riverside-2025.toml
      recapkit jsonld content/posts/meetup/index.md --html --base-url https://blog.example.org
      recapkit jsonld recap.yaml -o data/jsonld/meetup.json
    """
    from recapkit.commands._output import write_output
    from recapkit.commands._recap_input import load_data_or_post
    from recapkit.commands.validate import report_problems
    from recapkit.data.files import DataFileError
    from recapkit.data.text_checks import is_http_url
    from recapkit.errors import UsageError
    from recapkit.rendering.jsonld import dumps_jsonld, recap_jsonld

    if base_url is not None and not is_http_url(base_url):
        raise UsageError(
            f"--base-url must be an http(s) URL such as https://blog.example.org, got {base_url!r}"
        )
    try:
        recap = load_data_or_post(source, timezone=timezone)
    except DataFileError as exc:
        return report_problems(exc, err=True)
    data = recap_jsonld(recap, base_url=base_url)
    text = dumps_jsonld(data, indent=indent or None, html=html)
    return write_output(text, output, force=force, folders=True)
