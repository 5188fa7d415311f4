"""RK105 unknown-key: front matter keys that look like typos of keys the SSG knows."""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import frozen

from recapkit.lint.diagnostics import Diagnostic, Severity
from recapkit.lint.rules.base import LintContext, Rule
from recapkit.lint.rules.presets import Preset, preset_for
from recapkit.lint.rules.where import key_location

if TYPE_CHECKING:
    from recapkit.post.types import Post


@frozen
class UnknownKeyOptions:
    cutoff: float = 0.75
    """How close (0..1, difflib's ratio) a key must be to a known key to count as a typo.
    0.75 catches ``data`` -> ``date`` and ``tittle`` -> ``title``."""


class UnknownKey(Rule):
    """A front matter key looks like a misspelling of a key the SSG knows (`tittle`, `data`).

    Every key is compared with the keys the site's SSG reads (its documented front matter
    plus common theme keys, see `recapkit/rules/presets.py`) and the site's own keys
    (`extra-keys` in the config). Only keys *close* to a known key are reported, with a
    did-you-mean: sites use many custom keys on purpose (`series`, `address`, `links`, a
    theme's `hero`), and those are left alone. A warning: the post builds, but the value is
    silently ignored.

    - Case: Jekyll, Hexo and Zola read keys case-sensitively, so `Title` or `Date` there is
      reported as a case variant. Hugo lower-cases keys (`Author` is `author`), so case
      variants are fine there and when the SSG is unknown.
    - Zola drops top-level keys it does not know (custom data belongs in `[extra]`), so with
      `ssg = "zola"` every unknown top-level key is reported.
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

    ## Options

    `cutoff` (default `0.75`): the similarity above which a key counts as a typo.
    """

    code = "RK105"
    name = "unknown-key"
    summary = "A front matter key looks like a typo of a known key (did you mean ...?)."
    default_severity = Severity.WARNING
    Options: ClassVar[type[Any]] = UnknownKeyOptions

    def check(self, post: Post, context: LintContext) -> Iterator[Diagnostic]:
        if post.front_matter is None or post.front_matter.error is not None:
            return
        preset = preset_for(context.ssg)
        settings = context.settings
        known = preset.known_keys | settings.extra_keys
        folded = {key.casefold(): key for key in known}
        strict = settings.strict_keys or preset.custom_keys_ignored
        for key, value in post.data.items():
            if not isinstance(key, str) or key in known:
                continue
            message = self._message(key, value, preset, folded, strict)
            if message:
                where = key_location(post, key)
                yield self.diagnostic(post, where.line, where.column, message)

    def _message(
        self, key: str, value: Any, preset: Preset, folded: dict[str, str], strict: bool
    ) -> str | None:
        same_but_case = folded.get(key.casefold())
        if same_but_case is not None:
            if not preset.keys_case_sensitive:
                return None
            return f"unknown key `{key}`: {preset.name.capitalize()} reads keys case-sensitively; did you mean `{same_but_case}`?"
        options: UnknownKeyOptions = self.options
        close = difflib.get_close_matches(key.casefold(), list(folded), n=1, cutoff=options.cutoff)
        if close and not _custom_plural(key, close[0], value):
            return f"unknown key `{key}`; did you mean `{folded[close[0]]}`?"
        if not strict:
            return None
        if preset.custom_keys_ignored and key in ("tags", "categories"):
            return f"unknown key `{key}`: {preset.name.capitalize()} reads it under `taxonomies`"
        if preset.custom_keys_ignored:
            return f"unknown key `{key}`: {preset.name.capitalize()} ignores it; put custom data under `extra`"
        return f"unknown key `{key}` (add it to `extra-keys` if it is intended)"


def _custom_plural(key: str, known: str, value: Any) -> bool:
    """``links:`` holding a table of named links is a custom key, not a typo of Hexo's ``link:``."""
    singular_plural = key.casefold() + "s" == known or known + "s" == key.casefold()
    return singular_plural and isinstance(value, Mapping)
