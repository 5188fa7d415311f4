"""RK108 recap-data: the front matter's recap block does not fit the model."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from recapkit.data.problems import RecapDataError
from recapkit.lint.diagnostics import Diagnostic
from recapkit.lint.rules.base import LintContext, NoOptions, Rule
from recapkit.post.types import recap_prefix
from recapkit.post.where import locate_in_front_matter

if TYPE_CHECKING:
    from recapkit.post.types import Post


class RecapData(Rule[NoOptions]):
    """The `recap:` block in the front matter does not fit the recap model.

    Posts written with recapkit carry their structured recap (event, talks, speakers,
    takeaways, photos) under `recap:` (Zola: `[extra.recap]`). This rule reads it with the
    same typed model as `recapkit validate` and reports every problem at its own line, with
    the field path: a missing talk title, a speaker given as a string, a photo without alt
    text, an unknown key (with a did-you-mean), a date that is no date. An error: templates and
    tools that read the recap data fail on it. Posts without a recap block are not checked
    (`recap-without-data`, RK404, tells which of them read as recaps).

    ## Why

    The recap block is data that templates render and tools aggregate (talk lists, speaker
    pages). A typo in a key or a wrong type breaks them long after the post was written.

    ## Example

    Bad:

    ```yaml
    recap:
      event:
        name: Go meetup Shanghai
      talks:
        - title: Generics in practice
          speakers: Alice   # a list is expected
          takeways: []      # typo
    ```

    Good:

    ```yaml
    recap:
      event:
        name: Go meetup Shanghai
      talks:
        - title: Generics in practice
          speakers:
            - name: Alice
          takeaways:
            - text: Start with the standard library's constraints package.
    ```

    ## Fix

    Correct the field the message names; `recapkit schema` prints the format and
    `docs/data-format.md` describes every field.
    """

    code = "RK108"
    name = "recap-data"
    summary = "The front matter's recap block does not fit the typed recap model."

    def check(self, post: Post, context: LintContext) -> Iterator[Diagnostic]:
        if post.front_matter is None or post.front_matter.error is not None:
            return
        try:
            post.recap  # noqa: B018 - reading it validates it
        except RecapDataError as exc:
            prefix = recap_prefix(post.data)
            for problem in exc.problems:
                where = locate_in_front_matter(post, (*prefix, *problem.path))
                path = ".".join(prefix) + (f".{problem.path_text}" if problem.path else "")
                path = path.replace(".[", "[")
                yield self.diagnostic(post, where.line, where.column, f"{path}: {problem.message}")
