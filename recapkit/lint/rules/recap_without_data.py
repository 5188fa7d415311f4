"""RK404 recap-without-data: a post reads as a recap but carries no recap data."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from recapkit.lint.diagnostics import Diagnostic, Severity
from recapkit.lint.rules._recap import has_recap_data
from recapkit.lint.rules._recap_reading import read_as_recap
from recapkit.lint.rules.base import LintContext, NoOptions, Rule
from recapkit.post.where import key_location

if TYPE_CHECKING:
    from recapkit.post.types import Post


class RecapWithoutData(Rule[NoOptions]):
    """A post reads as a recap, but the recap rules cannot check it: it has no recap data.

    The rules of the recap family (`recap-data` RK108, `talk-without-takeaways` RK402,
    `recap-drift` RK403) read the post's recap data. Most real recaps were written by hand and
    carry none, so those rules would stay silent on them. This rule reads such a post as
    `recapkit import` does and, when the importer finds talks in it with confidence (two talks
    or more, with speakers, or named by the post's opening list, or under a title that names an
    event or a write-up), reports it once, at its title: how many talks it found, and how to
    turn them into data. `info`: it never fails CI.

    Reading a post as a recap costs about as much as every other rule together, so posts that
    cannot be one (no event word in the title, no talk list, no speaker line, no heading that
    ends with a name) are skipped without it.

    ## Why

    A recap whose talks are data gets the recap checks (every talk has takeaways, the body and
    the data agree), JSON-LD for search engines and a place in talk and speaker lists.

    ## Example

    A post `GoCN meetup 回顾` with sections `## 《Go 泛型》` / `- 讲师：王磊` and
    `## eBPF 可观测性` / `- 讲师：张敏` and no `recap:` block:

    ```text
    post.md:2:1: RK404 (info) read as a recap (2 talks found); the recap rules need its data: run `recapkit import post.md --write`
    ```

    ## Fix

    Run `recapkit import POST --write`, check the data file it writes (and what it reports it
    could not place), then keep the data beside the post. If the post is no recap, ignore the
    rule for it (`<!-- recapkit-disable RK404 -->` or `per-file-ignores`).
    """

    code = "RK404"
    name = "recap-without-data"
    summary = "The post reads as a recap but carries no recap data for the recap rules."
    default_severity = Severity.INFO

    def check(self, post: Post, context: LintContext) -> Iterator[Diagnostic]:
        if post.problem is not None or post.front_matter is None:
            return
        if post.front_matter.error is not None or has_recap_data(post):
            return
        found = read_as_recap(post, context)
        if found is None:
            return
        where = key_location(post, "title")
        count = len(found.recap.talks)
        message = (
            f"read as a recap ({count} talks found); the recap rules need its data: "
            f"run `recapkit import {post.path} --write`"
        )
        yield self.diagnostic(post, where.line, where.column, message)
