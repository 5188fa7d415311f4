"""Recap rules: the recap data block is valid, scaffold placeholders are gone, talks have takeaways."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import frozen

from recapkit.errors import RecapkitError
from recapkit.lint.diagnostics import Diagnostic, Severity
from recapkit.lint.rules.base import LintContext, Rule
from recapkit.lint.rules.where import locate_in_front_matter

if TYPE_CHECKING:
    from recapkit.data.model import Recap
    from recapkit.post.types import Post

_CODE_TOKENS = frozenset({"fence", "code_block"})


def recap_prefix(post: Post) -> tuple[str, ...]:
    """Where the recap block sits in the front matter: ``recap`` or Zola's ``extra.recap``."""
    return ("recap",) if "recap" in post.data else ("extra", "recap")


def typed_recap(post: Post) -> Recap | None:
    """The post's typed recap, or None when it has none or it is invalid (RK108's business)."""
    try:
        return post.recap
    except RecapkitError:
        return None


class RecapData(Rule):
    """The `recap:` block in the front matter does not fit the recap model.

    Posts written with recapkit carry their structured recap (event, talks, speakers,
    takeaways, photos) under `recap:` (Zola: `[extra.recap]`). This rule reads it with the
    same typed model as `recapkit validate` and reports every problem at its own line, with
    the field path: a missing talk title, a speaker given as a string, a photo without alt
    text, an unknown key (with a did-you-mean), a date that is no date. An error: templates and
    tools that read the recap data fail on it. Posts without a recap block are not checked.

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
        from recapkit.data.convert import RecapDataError

        try:
            post.recap  # noqa: B018 - reading it validates it
        except RecapDataError as exc:
            prefix = recap_prefix(post)
            for problem in exc.problems:
                where = locate_in_front_matter(post, (*prefix, *problem.path))
                path = ".".join(prefix) + (f".{problem.path_text}" if problem.path else "")
                path = path.replace(".[", "[")
                yield self.diagnostic(post, where.line, where.column, f"{path}: {problem.message}")


@frozen
class PlaceholderOptions:
    pattern: str = r"TODO\(recapkit\)"
    """Regular expression of the markers a writer must replace before publishing."""


class PlaceholderLeft(Rule):
    """A `TODO(recapkit)` placeholder from `recapkit new` is still in the post.

    `recapkit new` scaffolds a recap with `TODO(recapkit)` markers wherever the writer still
    has to write something: the summary, a talk's takeaways, a photo's alt text. This rule
    finds every marker left, in the front matter and in the text (not inside code blocks or
    inline code, where a post may talk *about* the marker). An error: a placeholder must not
    be published.

    ## Why

    Scaffolds are meant to be filled in; CI is where a forgotten one is caught before readers
    see "TODO" on the page.

    ## Example

    Bad:

    ```markdown
    ## Takeaways

    TODO(recapkit): what did you learn from this talk?
    ```

    Good:

    ```markdown
    ## Takeaways

    Profile before you optimise: most of the latency was in JSON encoding.
    ```

    ## Fix

    Write the missing text, or delete the section.

    ## Options

    `pattern` (default: the literal marker `TODO(recapkit)`): the markers as a regular
    expression, e.g. `pattern = 'TODO\\(recapkit\\)|FIXME'` in `[tool.recapkit.rules.placeholder-left]`.
    """

    code = "RK401"
    name = "placeholder-left"
    summary = "A `TODO(recapkit)` placeholder from the scaffold is still in the post."
    Options: ClassVar[type[Any]] = PlaceholderOptions

    def check(self, post: Post, context: LintContext) -> Iterator[Diagnostic]:
        if post.problem is not None or not post.text:
            return
        options: PlaceholderOptions = self.options
        pattern = _compiled(options.pattern)
        code_lines: set[int] | None = None
        for match in pattern.finditer(post.text):
            where = post.location(match.start())
            if code_lines is None:
                code_lines = _code_lines(post)
            if where.line in code_lines or _in_code_span(post, match.start()):
                continue
            end = post.location(match.end())
            yield self.diagnostic(
                post,
                where.line,
                where.column,
                f"placeholder left: `{placeholder_text(post.text, match, pattern)}`",
                end_line=end.line,
                end_column=end.column,
            )


_QUOTE_LENGTH = 60


def placeholder_text(text: str, match: re.Match[str], pattern: re.Pattern[str]) -> str:
    """The marker with what follows it on its line (the part still to write), shortened.

    Stops at the line's end, at the next marker, and drops what closes the surrounding
    syntax (an HTML comment's ``-->``, a front matter value's closing quote).
    """
    line_end = text.find("\n", match.end())
    stop = len(text) if line_end == -1 else line_end
    following = pattern.search(text, match.end(), stop) if match.end() > match.start() else None
    if following is not None:
        stop = following.start()
    quoted = text[match.start() : stop].rstrip()
    quoted = quoted.removesuffix("-->").rstrip().rstrip("\"'`").rstrip()
    if len(quoted) > _QUOTE_LENGTH:
        quoted = quoted[: _QUOTE_LENGTH - 1].rstrip() + "…"
    return quoted or match.group(0)


@lru_cache(maxsize=8)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _code_lines(post: Post) -> set[int]:
    lines: set[int] = set(post.template_code_lines)
    for token in post.tokens:
        if token.type in _CODE_TOKENS and token.map:
            lines.update(range(token.map[0], token.map[1]))
    return lines


def _in_code_span(post: Post, offset: int) -> bool:
    """An odd number of backticks before *offset* on its line means an open code span."""
    line_start = post.text.rfind("\n", 0, offset) + 1
    return post.text.count("`", line_start, offset) % 2 == 1


class TalkWithoutTakeaways(Rule):
    """A talk in the recap data has no takeaways.

    A recap is most useful for what readers can take home from each talk. This rule looks
    at posts that carry recap data (`recap:` / `[extra.recap]`) and reports each talk whose
    `takeaways` list is missing or empty, at the talk's line. A warning: the post is valid,
    but a talk without takeaways is only an agenda entry. Invalid recap data is left to
    `recap-data` (RK108).

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

    def check(self, post: Post, context: LintContext) -> Iterator[Diagnostic]:
        if post.front_matter is None or post.front_matter.error is not None:
            return
        recap = typed_recap(post)
        if recap is None:
            return
        prefix = recap_prefix(post)
        for index, talk in enumerate(recap.talks):
            if not talk.takeaways:
                where = locate_in_front_matter(post, (*prefix, "talks", index))
                yield self.diagnostic(
                    post, where.line, where.column, f"talk {talk.title!r} has no takeaways"
                )
