"""The ``recapkit`` command line: ``main(argv) -> int`` never calls ``sys.exit``.

Exit codes: 0 clean, 1 findings (or a refused write), 2 usage, config or internal error;
130 interrupted (Ctrl-C), 143 terminated (SIGTERM): 128 + the signal's number, as a shell shows a
process the signal ended. SIGTERM unwinds exactly like Ctrl-C (workers stopped, atomic writes
finished or not begun, no traceback).
Each subcommand lives in ``recapkit/commands/<name>.py`` as ``command`` and is imported only
when used, so ``recapkit lint`` does not pay for Jinja2 and ``recapkit render`` not for requests.
"""

from __future__ import annotations

import contextlib
import importlib
import signal
import sys
import threading
import traceback
from collections.abc import Iterator, Sequence
from types import FrameType

import click

from recapkit.__about__ import __version__
from recapkit._text import printable
from recapkit.errors import RecapkitError

# name -> one-line summary, shown by `recapkit --help` without importing every command.
COMMANDS: dict[str, str] = {
    "validate": "Validate recap data files (YAML, TOML, JSON).",
    "schema": "Print the JSON Schema of the recap data file format.",
    "lint": "Check posts: front matter, images, Markdown, recap data (CI-ready).",
    "rule": "Explain a lint rule (recapkit rule RK201), or list them all (--list).",
    "render": "Render a recap data file into a post for Hugo, Hexo, Jekyll or Zola.",
    "new": "Create a new recap post where the site expects it (prints its path).",
    "jsonld": "Print a recap as schema.org Event JSON-LD for search engines.",
    "import": "Read existing recap posts back into recap data files.",
    "server": "Run the language server for editors: findings as you type, fixes (stdio).",
}

# Commands whose module cannot carry their name (`import` is a Python keyword).
_MODULES = {"import": "import_"}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        name = _MODULES.get(cmd_name, cmd_name.replace("-", "_"))
        module = importlib.import_module(f"recapkit.commands.{name}")
        command: click.Command = module.command
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(
    cls=LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, prog_name="recapkit")
def cli() -> None:
    """recapkit: model, generate and lint meetup and conference recaps in static sites.

    \b
    Examples:
      recapkit validate examples/*.yaml
      recapkit schema > recap.schema.json
    """


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program is, as Ctrl-C raises KeyboardInterrupt.

    A KeyboardInterrupt, so it unwinds the same way: past every ``except Exception`` (a rule's
    crash handler does not report it as a finding), through every ``finally`` and ``with``.
    """

    exit_code = 128 + signal.SIGTERM


INTERRUPTED = 128 + signal.SIGINT


def _raise_terminated(signum: int, frame: FrameType | None) -> None:
    raise Terminated


@contextlib.contextmanager
def _sigterm_interrupts() -> Iterator[None]:
    """While the command runs, SIGTERM interrupts it like Ctrl-C; then the previous handler again.

    Only from the main thread (where Python runs handlers) and only over the default handler: a
    program that calls :func:`main` and handles SIGTERM itself keeps its own handling.
    """
    if (
        threading.current_thread() is not threading.main_thread()
        or signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL
    ):
        yield
        return
    signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _interrupted(exc: KeyboardInterrupt) -> int:
    click.echo("Aborted.", err=True)
    return exc.exit_code if isinstance(exc, Terminated) else INTERRUPTED


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``) and return the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    _escape_unencodable(sys.stdout)
    with _sigterm_interrupts():
        try:
            return _run(args)
        except KeyboardInterrupt as exc:  # outside the command (click turns it into Abort inside)
            return _interrupted(exc)


def _run(args: list[str]) -> int:
    try:
        result = cli.main(args=args, prog_name="recapkit", standalone_mode=False)
    except click.exceptions.Abort as exc:
        if isinstance(exc.__cause__, KeyboardInterrupt):  # Ctrl-C or SIGTERM
            return _interrupted(exc.__cause__)
        click.echo("Aborted.", err=True)  # a prompt was refused
        return 2
    except click.UsageError as exc:
        if exc.ctx is not None:
            click.echo(exc.ctx.get_usage(), err=True)
            click.echo(f"Try '{exc.ctx.command_path} --help' for help.\n", err=True)
        click.echo(printable(f"error: {exc.format_message()}", lines=True), err=True)
        return 2
    except click.ClickException as exc:
        click.echo(printable(f"error: {exc.format_message()}", lines=True), err=True)
        return 2
    except RecapkitError as exc:
        click.echo(printable(f"error: {exc}", lines=True), err=True)
        return exc.exit_code
    except BrokenPipeError:
        return 0  # `recapkit lint | head` closed the pipe: not an error of ours
    except OSError as exc:  # the file system said no (permissions, a folder where a file goes, ...)
        where = f"{exc.filename}: " if exc.filename else ""
        click.echo(printable(f"error: {where}{exc.strerror or exc}", lines=True), err=True)
        return 2
    except Exception:  # a bug: say so and keep the traceback for the report
        click.echo("error: internal error, please report it with this traceback:", err=True)
        click.echo(traceback.format_exc(), err=True)
        return 2
    if isinstance(result, int):
        return result
    return 0


def _escape_unencodable(stream: object) -> None:
    """Let *stream* write what its encoding cannot hold as ``\\udc80``-style escapes.

    A file name that is not UTF-8 (decoded by Python with surrogate escapes) or a value with a
    lone surrogate would otherwise end the run with UnicodeEncodeError mid-report; stderr
    already behaves so.
    """
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        with contextlib.suppress(ValueError, OSError):
            reconfigure(errors="backslashreplace")


def run() -> None:
    """Console-script entry point."""
    raise SystemExit(main())
