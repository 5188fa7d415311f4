"""RK107 filename-date-mismatch: the file name's date and the front matter's differ."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from attrs import frozen

from recapkit.lint.diagnostics import Diagnostic, Severity
from recapkit.lint.rules._dates import as_written_date
from recapkit.lint.rules.base import LintContext, Rule, option
from recapkit.post.where import key_location
from recapkit.ssg.kinds import PageKind

if TYPE_CHECKING:
    from recapkit.post.types import Post


@frozen
class FilenameDateOptions:
    keys: tuple[str, ...] = option(
        ("date", "publishDate", "publishdate", "pubdate"),
        "the front matter keys compared with the file name; the first one present wins",
    )


class FilenameDateMismatch(Rule[FilenameDateOptions]):
    """The date in the file name (`2024-05-18-meetup.md`) differs from the front matter date.

    Jekyll (posts in `_posts`) and Zola take a post's date from a `YYYY-MM-DD-` file name
    prefix, Hugo when the site's `[frontmatter] date` lists `:filename`, Hexo when
    `new_post_name` puts a year, month and day in the name; each name is read the way its
    generator reads it. When the front matter has a date too, one of the two wins (the front
    matter on Jekyll, Zola and Hexo; on Hugo whichever `[frontmatter] date` lists first), and the
    URL, the archive and the file name should agree; the day is compared as written (in the
    date's own timezone). Elsewhere a dated name is only a slug (the day a draft was started, a
    meeting's day) and is not compared; nor are pages, or files no generator claims. A warning: the post
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
    """

    code = "RK107"
    name = "filename-date-mismatch"
    summary = "The date in the file name differs from the front matter date."
    default_severity = Severity.WARNING
    uses_filesystem = True  # depends on the post's path
    Options = FilenameDateOptions

    def check(self, post: Post, context: LintContext) -> Iterator[Diagnostic]:
        if post.front_matter is None or post.front_matter.error is not None:
            return
        generator = context.generator
        if generator.page_kind(post, context.site) is not PageKind.ENTRY:
            return  # a page's name is only its name (Jekyll reads dates in `_posts` only)
        named = generator.name_date(post, context.site)
        if named is None:
            return  # no date in the name as the generator reads names (or it reads none)
        key = next((k for k in self.options.keys if post.data.get(k) is not None), None)
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
