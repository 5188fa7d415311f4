"""RK402 talk-without-takeaways: a talk in the recap data has no takeaways."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from recapkit.lint.diagnostics import Diagnostic, Severity
from recapkit.lint.rules._recap import recap_field, typed_recap
from recapkit.lint.rules.base import LintContext, NoOptions, Rule

if TYPE_CHECKING:
    from recapkit.post.types import Post


class TalkWithoutTakeaways(Rule[NoOptions]):
    """A talk in the recap data has no takeaways.

    A recap is most useful for what readers can take home from each talk. This rule looks
    at posts that carry recap data (`recap:` / `[extra.recap]`) and reports each talk whose
    `takeaways` list is missing or empty, at the talk's line. A warning: the post is valid,
    but a talk without takeaways is only an agenda entry. In a draft (a post its generator
    does not publish yet: Hugo and Zola `draft: true`, Jekyll and Hexo `published: false` or
    a `_drafts/` folder) it is `info`, which does not fail CI: takeaways are what a writer
    adds last. Invalid recap data is left to `recap-data` (RK108); a recap written by hand,
    without data, is reported once by `recap-without-data` (RK404) instead.

    ## Why

    Writers fill in the talks' titles and speakers on the day and mean to add takeaways
    later; this catches the talks that were forgotten.

    ## Example

    Bad:

    ```yaml
    talks:
      - title: Observability with OpenTelemetry
        speakers: [{name: Bob}]
    ```

    Good:

    ```yaml
    talks:
      - title: Observability with OpenTelemetry
        speakers: [{name: Bob}]
        takeaways:
          - text: Sample traces at the tail, not the head, to keep the slow requests.
    ```

    ## Fix

    Add at least one takeaway (`text:` and optionally `kind:` insight, action, resource,
    quote or opinion), or disable the rule for posts that are only agendas.
    """

    code = "RK402"
    name = "talk-without-takeaways"
    summary = "A talk in the recap data has no takeaways."
    default_severity = Severity.WARNING
    draft_severity = Severity.INFO  # takeaways are written last: a draft may lack them

    def check(self, post: Post, context: LintContext) -> Iterator[Diagnostic]:
        if post.front_matter is None or post.front_matter.error is not None:
            return
        recap = typed_recap(post)
        if recap is None:
            return
        for index, talk in enumerate(recap.talks):
            if not talk.takeaways and talk.kind != "break":  # lunch has nothing to take home
                line, column, note = recap_field(post, ("talks", index))
                yield self.diagnostic(
                    post, line, column, f"talk {talk.title!r} has no takeaways{note}"
                )
