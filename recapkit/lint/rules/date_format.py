"""RK106 date-format: a front matter date that the generator may not read as written."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from attrs import frozen

from recapkit.data.dates import parse_date_text
from recapkit.data.hooks import describe
from recapkit.lint.diagnostics import Diagnostic, Severity
from recapkit.lint.rules._dates import DATE_KEYS, ISO_DATE
from recapkit.lint.rules.base import LintContext, Rule, option
from recapkit.lint.rules.where import key_location

if TYPE_CHECKING:
    from recapkit.post.types import Post
    from recapkit.ssg.base import Generator


@frozen
class DateFormatOptions:
    keys: tuple[str, ...] = option(DATE_KEYS, "the front matter keys that hold dates")


class DateFormat(Rule[DateFormatOptions]):
    """A front matter date is not a date every SSG reads the same way.

    Checks `date`, `lastmod`, `publishDate`, `expiryDate`, `updated`, `modified` and
    `last_modified_at` (configurable). Reported:

    - text that is no date at all (`date: next Friday`), or an impossible one (`2023-02-30`);
    - dates YAML keeps as *text* because they are not ISO 8601: `2016/2/14`, `2024-4-09`,
      `2020-10-18 01:03:25 +0200` (an offset without a colon). Each SSG guesses at those
      differently, or fails (Hugo, Zola). The message suggests the ISO spelling.
      On Hexo and Jekyll sites, whose parsers (JavaScript's `Date`, Ruby's `Time.parse`) do
      read such a date as meant, it is a **warning** instead of an error.
      Jekyll's documented `YYYY-MM-DD HH:MM:SS +0800` is accepted on Jekyll sites, and so is
      every date YAML itself reads as a timestamp (`2024-3-9 14:00:00` is one);
    - numbers, booleans or lists where a date belongs;
    - with `require-timezone = true` in the config: a date *and time* without a UTC offset
      (`2021-06-28 09:01:11`). Plain days (`2021-06-28`) never need one.

    Quoted ISO dates (`date = "2016-07-20T10:00:00-08:00"`, usual in Hugo TOML) are fine.
    An error: a date the SSG misreads moves the post in the archive, changes its URL or
    hides it as "future".

    ## Why

    YAML and TOML only recognise ISO 8601 dates; anything else stays a string and every tool
    parses it its own way (Hugo rejects `2016/2/14`; JavaScript reads it in local time).
    Without an offset, the time means whatever the build machine's zone is: CI in UTC
    publishes a post written for 09:00 in Beijing at 17:00.

    ## Example

    Bad:

    ```yaml
    date: 2016/2/14
    lastmod: 2020-10-18 01:03:25 +0200
    ```

    Good:

    ```yaml
    date: 2016-02-14
    lastmod: 2020-10-18T01:03:25+02:00
    ```

    ## Fix

    Write ISO 8601: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS+08:00` with the offset of the
    event's place.
    """

    code = "RK106"
    name = "date-format"
    summary = "A front matter date is unparseable, not ISO 8601, or lacks a required timezone."
    Options = DateFormatOptions

    def check(self, post: Post, context: LintContext) -> Iterator[Diagnostic]:
        if post.front_matter is None or post.front_matter.error is not None:
            return
        for key in self.options.keys:
            value = post.data.get(key)
            if value is None:
                continue
            problem = self._problem(key, value, context)
            if problem:
                message, severity = problem
                where = key_location(post, key)
                yield self.diagnostic(post, where.line, where.column, message, severity=severity)

    def _problem(self, key: str, value: Any, context: LintContext) -> Problem | None:
        needs_zone = context.settings.require_timezone
        if isinstance(value, datetime):
            if needs_zone and value.tzinfo is None:
                return _no_zone(key, value), None
            return None
        if isinstance(value, date):
            return None
        if not isinstance(value, str):
            return f"`{key}` should be a date, but is {describe(value)}", None
        if not value.strip():
            return None  # no date at all: required-key's business (RK103) when it matters
        return _text_problem(key, value.strip(), context.generator, needs_zone)


Problem = tuple[str, Severity | None]
"""A message, and the severity when it is not the rule's default."""


def _text_problem(key: str, text: str, generator: Generator, needs_zone: bool) -> Problem | None:
    try:
        parsed = parse_date_text(text)
    except ValueError:
        return (
            f"`{key}` is not a date: {text!r} (write e.g. 2024-05-18 or 2024-05-18T14:00:00+08:00)",
            None,
        )
    if not (ISO_DATE.fullmatch(text) or generator.accepts_date_text(text)):
        if generator.reads_loose_dates:
            # A lenient parser (JavaScript's Date, Ruby's Time.parse) reads it: the post is
            # dated right, but other tools and a move to another generator are not.
            return (
                f"`{key}` {text!r} is not an ISO 8601 date; {generator.label} reads it, other "
                f"tools may not: write {parsed.isoformat()}",
                Severity.WARNING,
            )
        return (
            f"`{key}` {text!r} is not an ISO 8601 date; SSGs read it differently: "
            f"write {parsed.isoformat()}",
            None,
        )
    if needs_zone and isinstance(parsed, datetime) and parsed.tzinfo is None:
        return _no_zone(key, parsed), None
    return None


def _no_zone(key: str, value: datetime) -> str:
    return f"`{key}` has a time but no timezone; add the UTC offset, e.g. {value.isoformat()}+08:00"
