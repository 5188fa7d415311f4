"""RK106 date-format: a front matter date that the site's generator misreads."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from attrs import frozen

from recapkit.data.describe import describe
from recapkit.lint.diagnostics import Diagnostic, Severity
from recapkit.lint.rules._dates import DATE_KEYS
from recapkit.lint.rules.base import LintContext, Rule, option
from recapkit.post.types import FrontMatterFormat
from recapkit.post.where import key_location
from recapkit.ssg.dates import DateReading, DateText, Fate, fields, iso

if TYPE_CHECKING:
    from recapkit.post.types import Post

Problem = tuple[str, Severity | None]
"""A message, and the severity when it is not the rule's default."""


@frozen
class DateFormatOptions:
    keys: tuple[str, ...] = option(DATE_KEYS, "the front matter keys that hold dates")
    portable: bool = option(
        False,
        "also report (as info) dates the site's generator reads as meant but that are not "
        "ISO 8601, which other tools may read otherwise (`2016/2/14`, `+0200`)",
    )


class DateFormat(Rule[DateFormatOptions]):
    """A front matter date that the site's generator misreads: no date, another day, a stopped build.

    Each date (`date`, `lastmod`, `publishDate`, `expiryDate`, `updated`, `modified`,
    `last_modified_at`; configurable) is judged the way the site's generator reads it, as
    stated in its module (`recapkit/ssg/<name>.py`) and checked with the real program:

    - **Hugo** (0.111) reads `2006-01-02`, RFC 3339 and a few more layouts, offsets with or
      without a colon (`+0200`), a one-digit hour; what none of its layouts reads
      (`2016-02-09 00:49` without seconds, `2016/2/14`, `2024-4-09`, `2016-02-30`) it dates
      **0001-01-01 without a warning** (Hugo 0.135 and later stop the build).
    - **Jekyll** reads nearly anything Ruby's `Time.parse` does; it stops the build on what Ruby
      cannot read, publishes `2016-02-30` on 2016-03-01, and reads an *unquoted* date-time with
      seconds and no offset as UTC, so on a site whose `timezone` is east of UTC the post may
      land on the next day.
    - **Hexo** dates a post it cannot read by the **file's creation time** (different on every
      clone), rolls `2016-02-30` over to March, and with `timezone` set in `_config.yml`
      publishes a date-only post of a site east of UTC under the day before when it is built
      on a UTC machine (a CI runner).
    - **Zola** stops the build on anything but a TOML date, RFC 3339 (offset with a colon,
      seconds required) or its YAML-style pattern.
    - With no generator detected, only text that is no date at all is reported.

    These are errors: the post is dated wrong, or not at all, without anyone noticing. A date
    that shifts only on a build machine in another zone (no `timezone` configured) is a
    warning. Numbers, booleans or lists where a date belongs are errors too. With
    `require-timezone = true` in the config, a date *and time* without a UTC offset is reported
    (plain days never need one); with the `portable` option, dates the generator reads as meant
    but that are not ISO 8601 are reported as info.

    ## Why

    A misread date is invisible in the source and on the writer's machine: the post sorts at
    the end of the archive (0001-01-01), moves to another day's URL, or changes date with
    every fresh clone. The build log says nothing (Hugo before 0.135, Hexo).

    ## Example

    Bad (Hugo: dated 0001-01-01; Zola: the build stops):

    ```yaml
    date: 2016-02-09 00:49
    ```

    Good:

    ```yaml
    date: 2016-02-09T00:49:00+08:00
    ```

    ## Fix

    Write ISO 8601 as the message suggests: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS+08:00` with
    the offset of the event's place. On Hexo with `timezone` set, give date-only posts a time
    of day (`2025-02-07 12:00:00`), which Hexo reads in the site's zone.
    """

    code = "RK106"
    name = "date-format"
    summary = "A front matter date that the site's generator misreads (no date, another day)."
    Options = DateFormatOptions

    def check(self, post: Post, context: LintContext) -> Iterator[Diagnostic]:
        front_matter = post.front_matter
        if front_matter is None or front_matter.error is not None:
            return
        for key in self.options.keys:
            value = post.data.get(key)
            if value is None:
                continue
            problem = self._problem(post, key, value, context)
            if problem:
                message, severity = problem
                where = key_location(post, key)
                yield self.diagnostic(post, where.line, where.column, message, severity=severity)

    def _problem(self, post: Post, key: str, value: Any, context: LintContext) -> Problem | None:
        text = _date_text(post, key, value)
        if text is None:
            if isinstance(value, date):
                return _zone_problem(key, value, context)  # a native TOML date
            return f"`{key}` should be a date, but is {describe(value)}", None
        if not text.text.strip():
            return None  # no date at all: required-key's business (RK103) when it matters
        reading = context.generator.read_date(text, context.site)
        return self._reading_problem(key, text.text.strip(), reading, context)

    def _reading_problem(
        self, key: str, text: str, reading: DateReading, context: LintContext
    ) -> Problem | None:
        written = fields(text)
        if reading.fate is Fate.READ:
            if reading.loose and self.options.portable:
                label = context.generator.label
                return (
                    f"`{key}` {text!r} is not ISO 8601: {label} reads it, other tools may not; "
                    f"write {iso(written) if written else 'e.g. 2024-05-18'}",
                    Severity.INFO,
                )
            naive = written is not None and written.time is not None and written.offset is None
            return _zone_problem(key, written.wall() if written and naive else None, context)
        severity = Severity.WARNING if reading.machine_dependent else None
        if written is None:
            return (
                f"`{key}` is not a date: {text!r}; {reading.note} "
                "(write e.g. 2024-05-18 or 2024-05-18T14:00:00+08:00)",
                severity,
            )
        instead = reading.suggestion or f"write {iso(written)}"
        return f"`{key}` {text!r}: {reading.note}; {instead}", severity


def _date_text(post: Post, key: str, value: Any) -> DateText | None:
    """The value as written, for the generator to read; None for a native TOML date (already
    checked by the TOML parser) or a value that is no text at all."""
    front_matter = post.front_matter
    assert front_matter is not None
    if not isinstance(value, str | date):
        return None
    raw = front_matter.scalars.get(key)
    if raw is not None:
        return DateText(raw.text, raw.quoted, format=front_matter.format)
    if isinstance(value, str):
        return DateText(value, True, format=front_matter.format)
    if isinstance(value, date) and front_matter.format is not FrontMatterFormat.TOML:
        return DateText(
            value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()
        )
    return None


def _zone_problem(key: str, value: date | None, context: LintContext) -> Problem | None:
    """With ``require-timezone``: a date-time without a UTC offset."""
    naive = isinstance(value, datetime) and value.tzinfo is None
    if not (context.settings.require_timezone and naive):
        return None
    assert isinstance(value, datetime)
    return (
        f"`{key}` has a time but no timezone; add the UTC offset, e.g. {value.isoformat()}+08:00",
        None,
    )
