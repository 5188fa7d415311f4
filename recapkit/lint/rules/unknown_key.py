"""RK105 unknown-key: front matter keys that look like typos of keys the generator knows."""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from attrs import frozen

from recapkit.lint.diagnostics import Diagnostic, Severity
from recapkit.lint.rules.base import LintContext, Rule, option
from recapkit.post.where import key_location

if TYPE_CHECKING:
    from recapkit.post.types import Post
    from recapkit.ssg.base import Generator


@frozen
class UnknownKeyOptions:
    cutoff: float = option(
        0.75,
        "how close (0 to 1, difflib's ratio) a key must be to a known key to count as a typo; "
        "0.75 catches `data` for `date` and `tittle` for `title`",
    )


class UnknownKey(Rule[UnknownKeyOptions]):
    """A front matter key looks like a misspelling of a key the SSG knows (`tittle`, `data`).

    Every key is compared with the keys the site's SSG reads (its documented front matter
    plus common theme keys, stated in `recapkit/ssg/<name>.py`) and the site's own keys
    (`extra-keys` in the config). Only keys *close* to a known key are reported, with a
    did-you-mean: sites use many custom keys on purpose (`series`, `address`, `links`, a
    theme's `hero`), and those are left alone. A warning: the post builds, but the value is
    silently ignored.

    - Case: Jekyll, Hexo and Zola read keys case-sensitively, so `Title` or `Date` there is
      reported as a case variant. Hugo lower-cases keys (`Author` is `author`), so case
      variants are fine there.
    - When no generator is detected (no config file; see `ssg`), there is no vocabulary to
      compare with, and the rule does not run: a key one generator does not know may be
      another's (`redirect` is no typo of Jekyll's `redirect_to` on a Hugo site).
    - Zola drops top-level keys it does not know (custom data belongs in `[extra]`), so on
      a Zola site every unknown top-level key is reported.
    - With `strict-keys = true` in `[tool.recapkit]`, every key outside the preset and
      `extra-keys` is reported, typo or not.

    ## Why

    A misspelled key is not an error for any SSG: the post builds, and the title, date or
    tags are simply missing or wrong on the page. `data: 2024-05-18` leaves the post dated
    by file time; `tittle:` gives an untitled page.

    ## Example

    Bad:

    ```yaml
    ---
    tittle: PyCon China 2024 recap
    data: 2024-05-18
    ---
    ```

    Good:

    ```yaml
    ---
    title: PyCon China 2024 recap
    date: 2024-05-18
    ---
    ```

    ## Fix

    Rename the key as suggested. If the key is an intended custom key, list it in
    `extra-keys = ["hero"]` under `[tool.recapkit]`.
    """

    code = "RK105"
    name = "unknown-key"
    summary = "A front matter key looks like a typo of a known key (did you mean ...?)."
    default_severity = Severity.WARNING
    Options = UnknownKeyOptions

    def check(self, post: Post, context: LintContext) -> Iterator[Diagnostic]:
        if post.front_matter is None or post.front_matter.error is not None:
            return
        generator = context.generator
        if generator.is_generic:
            return  # no generator detected: its vocabulary is unknown, so is what a typo is
        settings = context.settings
        known = generator.keys.known | settings.extra_keys
        folded = {key.casefold(): key for key in known}
        strict = settings.strict_keys or generator.keys.custom_keys_ignored
        for key, value in post.data.items():
            if not isinstance(key, str) or key in known:
                continue
            message = self._message(key, value, generator, folded, strict)
            if message:
                where = key_location(post, key)
                yield self.diagnostic(post, where.line, where.column, message)

    def _message(
        self, key: str, value: Any, generator: Generator, folded: dict[str, str], strict: bool
    ) -> str | None:
        keys = generator.keys
        same_but_case = folded.get(key.casefold())
        if same_but_case is not None:
            if not keys.case_sensitive:
                return None
            return (
                f"unknown key `{key}`: {generator.label} reads keys case-sensitively; "
                f"did you mean `{same_but_case}`?"
            )
        cutoff = self.options.cutoff
        close = difflib.get_close_matches(key.casefold(), list(folded), n=1, cutoff=cutoff)
        if close and not _custom_plural(key, close[0], value):
            return f"unknown key `{key}`; did you mean `{folded[close[0]]}`?"
        if not strict:
            return None
        table = generator.taxonomy_table
        if keys.custom_keys_ignored and table is not None and key in ("tags", "categories"):
            return f"unknown key `{key}`: {generator.label} reads it under `{table}`"
        if keys.custom_keys_ignored:
            return (
                f"unknown key `{key}`: {generator.label} ignores it; put custom data under `extra`"
            )
        return f"unknown key `{key}` (add it to `extra-keys` if it is intended)"


def _custom_plural(key: str, known: str, value: Any) -> bool:
    """``links:`` holding a table of named links is a custom key, not a typo of Hexo's ``link:``."""
    singular_plural = key.casefold() + "s" == known or known + "s" == key.casefold()
    return singular_plural and isinstance(value, Mapping)
