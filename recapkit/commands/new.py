"""``recapkit new TITLE``: scaffold a recap post where the site's SSG expects it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from recapkit.commands._comma_list import split_commas
from recapkit.commands._generator_choice import GeneratorChoice
from recapkit.commands._schedule_options import ScheduleRequest, schedule_options, schedule_recap
from recapkit.commands._template_options import template_options
from recapkit.errors import UsageError
from recapkit.rendering.engine import LANGS


def parse_when(text: str | None, option: str) -> date | None:
    """A ``--date``-style option's value, or a UsageError saying what it takes."""
    if text is None:
        return None
    from recapkit.data.dates import parse_date_text

    try:
        return parse_date_text(text)
    except ValueError:
        raise UsageError(
            f"{option} takes a date such as 2024-05-18 or 2024-05-18T14:00+08:00, got {text!r}"
        ) from None


@click.command(
    name="new",
    epilog="Exit status: 0 created (its path is printed); 1 the --from data file has problems "
    "(printed to stderr as `recapkit validate` prints them) or the post exists and --force was "
    "not given; 2 a usage, site, configuration, template or programme error.",
)
@click.argument("title", required=False)
@click.option("--date", "post_date", metavar="DATE", help="Post date (default: now).")
@click.option("--event-date", metavar="DATE", help="When the event took place.")
@click.option(
    "--event",
    "event_name",
    metavar="NAME",
    help="The event's name (default: TITLE without a trailing 'recap' or '回顾').",
)
@click.option(
    "--tags",
    metavar="TAG[,TAG...]",
    multiple=True,
    help="The post's tags (comma-separated, repeatable; with --from: replace the data's).",
)
@click.option(
    "--talks",
    type=click.IntRange(min=0),
    metavar="N",
    help="Placeholder talks in the skeleton (default: 1; not with --from).",
)
@click.option("--ssg", type=GeneratorChoice(), help="Target SSG (default: detect the site).")
@click.option(
    "--lang",
    type=click.Choice(LANGS),
    help="Labels' language (default: from TITLE); labels only, no translation.",
)
@click.option("--site", type=click.Path(file_okay=False, path_type=Path), help="Site folder.")
@click.option("--section", metavar="DIR", help="Section folder (Hugo: posts, Zola: blog).")
@click.option(
    "--from", "data_file", type=click.Path(dir_okay=False, path_type=Path), help="Data file."
)
@schedule_options
@template_options
@click.option("--unicode-slug", is_flag=True, help="Keep Chinese in the slug.")
@click.option("--force", is_flag=True, help="Overwrite the post if it exists.")
def command(
    title: str | None,
    post_date: str | None,
    event_date: str | None,
    event_name: str | None,
    tags: tuple[str, ...],
    talks: int | None,
    ssg: str | None,
    lang: str | None,
    site: Path | None,
    section: str | None,
    data_file: Path | None,
    body_layout: str | None,
    template: str | None,
    template_dir: tuple[Path, ...],
    front_matter: str | None,
    unicode_slug: bool,
    force: bool,
    schedule: ScheduleRequest,
) -> int:
    """Create a new recap post in the site and print its path (a Zola section _index.md it
    had to create, so that Zola lists the post, is named on stderr).

    The SSG is detected from the site's files (or given with --ssg). Without --from the post
    is a draft skeleton with TODO(recapkit) markers; with --from it is rendered from the data
    file and carries the recap data in its front matter; with --from-schedule it has a talk for
    each session picked from a conference programme (--list shows them). Template names are looked up in --template-dir, the configured templates-dir, the site's
    .recapkit/templates/, then the built-ins.

    \b
    Examples:
      recapkit new "GopherChina 2024 recap" --site examples/site --event-date 2024-05-18
      recapkit new "Our May meetup" --site examples/site --event "Gopher Meetup Hangzhou" \
        --tags go,meetup --talks 3
      recapkit new "Go 夜读第 100 期回顾" --site examples/site --unicode-slug
      recapkit new --from examples/rust-night-berlin-2025.json --site examples/site
      recapkit new --from-schedule examples/schedules/riverconf-2025-pretalx.json --day 1 --track Go --site examples/site
    """
    from recapkit.commands.validate import report_problems
    from recapkit.errors import FileExistsRefusedError
    from recapkit.scaffolding import scaffold

    recap = None
    written: list[Path] = []
    if schedule.file is not None or schedule.picks():
        if event_date is not None:
            raise UsageError("--event-date: the programme gives the event's dates")
        recap = schedule_recap(schedule, title, lang=lang, data_file=data_file)
        if recap is None:  # --list printed the sessions
            return 0
    elif data_file is not None:
        from recapkit.data.files import DataFileError, load_recap

        try:
            recap = load_recap(data_file)
        except DataFileError as exc:  # a finding in the user's data, as validate reports it
            return report_problems(exc, err=True)
    elif not title:
        raise UsageError("give the recap a TITLE (or --from DATA_FILE)")
    try:
        path = scaffold(
            title,
            recap=recap,
            site=site,
            ssg=ssg,
            post_date=parse_when(post_date, "--date"),
            event_date=parse_when(event_date, "--event-date"),
            lang=lang,
            section=section,
            template=template,
            front_matter=front_matter,
            unicode_slug=unicode_slug,
            force=force,
            template_dirs=template_dir,
            written=written,
            body_layout=body_layout,
            event=event_name,
            tags=split_commas(tags),
            talks=talks,
        )
    except FileExistsRefusedError as exc:
        click.echo(f"error: {exc}", err=True)
        return exc.exit_code
    click.echo(str(path))  # stdout holds only the post's path: `$(recapkit new ...)` stays usable
    for extra in written[1:]:  # a Zola section's new _index.md
        click.echo(f"also created {extra} (Zola lists a section's pages only with it)", err=True)
    return 0
