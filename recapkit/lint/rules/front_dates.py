"""Front matter date rules: RK106 date-format and RK107 filename-date-mismatch."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import frozen

from recapkit.data.dates import parse_date_text
from recapkit.lint.diagnostics import Diagnostic, Severity
from recapkit.lint.rules.base import LintContext, Rule
from recapkit.lint.rules.key_types import describe
from recapkit.lint.rules.where import key_location

if TYPE_CHECKING:
    from recapkit.post.types import Post

DATE_KEYS = (
    "date",
    "lastmod",
    "publishdate",
    "publishDate",
    "pubdate",
    "expirydate",
    "expiryDate",
    "updated",
    "modified",
    "last_modified_at",
)

# What every SSG parses the same way: ISO 8601 / RFC 3339, `T` or a space, optional seconds and
# fraction, `Z` or `±HH:MM`. A 1-digit hour is accepted: Go's and Ruby's parsers take it.
_ISO = re.compile(
    r"\d{4}-\d{2}-\d{2}"
    r"(?:[Tt ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?P<zone>\s*(?:[Zz]|[+-]\d{2}:\d{2}))?)?"
)
# SSGs whose date parser is lenient enough to read `2016/2/14` the way the writer meant it.
_LENIENT = {"hexo": "Hexo", "jekyll": "Jekyll"}
# Jekyll's own documented form: `2014-10-21 10:00:00 +0800`.
_JEKYLL = re.compile(r"\d{4}-\d{2}-\d{2} \d{1,2}:\d{2}(?::\d{2})? [+-]\d{4}")


def as_written_date(value: Any) -> date | None:
    """The calendar day of a front matter date value as the writer wrote it (its own zone)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            parsed = parse_date_text(value)
        except ValueError:
            return None
        return parsed.date() if isinstance(parsed, datetime) else parsed
    return None


@frozen
class DateFormatOptions:
    keys: tuple[str, ...] = DATE_KEYS
    """Front matter keys holding dates."""


class DateFormat(Rule):
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

    ## Options

    `keys`: the front matter keys that hold dates.
    """

    code = "RK106"
    name = "date-format"
    summary = "A front matter date is unparseable, not ISO 8601, or lacks a required timezone."
    Options: ClassVar[type[Any]] = DateFormatOptions

    def check(self, post: Post, context: LintContext) -> Iterator[Diagnostic]:
        if post.front_matter is None or post.front_matter.error is not None:
            return
        options: DateFormatOptions = self.options
        for key in options.keys:
            value = post.data.get(key)
            if value is None:
                continue
            problem = self._problem(key, value, context)
            if problem:
                message, severity = problem if isinstance(problem, tuple) else (problem, None)
                where = key_location(post, key)
                yield self.diagnostic(post, where.line, where.column, message, severity=severity)

    def _problem(
        self, key: str, value: Any, context: LintContext
    ) -> str | tuple[str, Severity] | None:
        needs_zone = context.settings.require_timezone
        if isinstance(value, datetime):
            if needs_zone and value.tzinfo is None:
                return f"`{key}` has a time but no timezone; add the UTC offset, e.g. {value.isoformat()}+08:00"
            return None
        if isinstance(value, date):
            return None
        if not isinstance(value, str):
            return f"`{key}` should be a date, but is {describe(value)}"
        if not value.strip():
            return None  # no date at all: required-key's business (RK103) when it matters
        return self._text_problem(key, value.strip(), context.ssg, needs_zone)

    @staticmethod
    def _text_problem(
        key: str, text: str, ssg: str | None, needs_zone: bool
    ) -> str | tuple[str, Severity] | None:
        iso = _ISO.fullmatch(text)
        jekyll = ssg == "jekyll" and _JEKYLL.fullmatch(text)
        try:
            parsed = parse_date_text(text)
        except ValueError:
            return f"`{key}` is not a date: {text!r} (write e.g. 2024-05-18 or 2024-05-18T14:00:00+08:00)"
        if not (iso or jekyll):
            if ssg in _LENIENT:
                # Hexo (JavaScript's Date) and Jekyll (Ruby's Time.parse) read it: the post is
                # dated right, but other tools and a move to another SSG are not.
                return (
                    f"`{key}` {text!r} is not an ISO 8601 date; {_LENIENT[ssg]} reads it, other "
                    f"tools may not: write {parsed.isoformat()}",
                    Severity.WARNING,
                )
            return f"`{key}` {text!r} is not an ISO 8601 date; SSGs read it differently: write {parsed.isoformat()}"
        if needs_zone and isinstance(parsed, datetime) and parsed.tzinfo is None:
            return f"`{key}` has a time but no timezone; add the UTC offset, e.g. {parsed.isoformat()}+08:00"
        return None


@frozen
class FilenameDateOptions:
    keys: tuple[str, ...] = ("date", "publishDate", "publishdate", "pubdate")
    """The front matter keys compared with the file name, first one present wins."""


class FilenameDateMismatch(Rule):
    """The date in the file name (`2024-05-18-meetup.md`) differs from the front matter date.

    Jekyll (and Zola, and Hugo with a `:filename` date setting) take a post's date from a
    `YYYY-MM-DD-` file name prefix. When the front matter has a date too, the two should
    agree; the day is compared as written (in the date's own timezone). Hexo sites are not
    checked: Hexo gives file names no date meaning. A warning: the post
    builds, but its URL, its place in the archive and what the file name promises differ.

    ## Why

    A post is copied from last year's recap and the front matter date is updated but not the
    file name (or the other way round). Jekyll then uses the front matter date for the URL,
    while every script, editor and reader that goes by the file name sees another day.

    ## Example

    Bad: `_posts/2019-11-18-devfest-summary.md` with

    ```yaml
    date: 2019-11-24 10:00:00 +0800
    ```

    Good: `_posts/2019-11-24-devfest-summary.md` with the same date, or no `date:` at all.

    ## Fix

    Rename the file or correct the date, whichever is wrong. With Jekyll, you can drop the
    `date:` key when only the day matters.

    ## Options

    `keys`: the front matter keys compared with the file name.
    """

    code = "RK107"
    name = "filename-date-mismatch"
    summary = "The date in the file name differs from the front matter date."
    default_severity = Severity.WARNING
    uses_filesystem: ClassVar[bool] = True  # depends on the post's path
    Options: ClassVar[type[Any]] = FilenameDateOptions

    def check(self, post: Post, context: LintContext) -> Iterator[Diagnostic]:
        if post.front_matter is None or post.front_matter.error is not None:
            return
        if context.ssg == "hexo":
            return  # Hexo gives file names no date meaning (`2020-04-13.md` may be a meeting's day)
        from recapkit.ssg.site import post_path_date

        named = post_path_date(post.path)
        if named is None:
            return
        options: FilenameDateOptions = self.options
        key = next((k for k in options.keys if post.data.get(k) is not None), None)
        if key is None:
            return
        written = as_written_date(post.data[key])
        if written is not None and written != named:
            where = key_location(post, key)
            yield self.diagnostic(
                post,
                where.line,
                where.column,
                f"the file name says {named.isoformat()}, but `{key}` is {written.isoformat()}",
            )
