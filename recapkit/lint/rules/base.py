"""The rule interface: a rule is a small class with a code, a kebab name, typed options and a
docstring.

Rules only *yield* :class:`~recapkit.lint.diagnostics.Diagnostic`; they never print, read config
files or decide the final severity (the linter stamps configured severities afterwards).
A rule's docstring is its documentation page: what it does, why, an example and the fix,
as Markdown with the sections ``## Why``, ``## Example`` and ``## Fix``; its ``## Options``
section is generated from its options class (:func:`option` fields carry their docs).
What a rule knows about the site's generator it asks :attr:`LintContext.generator`; it never
branches on a generator's name.
"""

from __future__ import annotations

import abc
import inspect
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

import attrs
from attrs import field, frozen

from recapkit.lint.diagnostics import Diagnostic, Fix, Severity
from recapkit.lint.rules.settings import LintSettings
from recapkit.ssg import registry
from recapkit.ssg.images import ImageResolution, resolve_image

if TYPE_CHECKING:
    from recapkit.post.types import ImageRef, Post
    from recapkit.ssg.base import Generator, Site

OptionsT = TypeVar("OptionsT")
"""A rule's options class."""


def option(default: Any, doc: str) -> Any:
    """An options field with its default and the one-line doc its rule's docs page shows."""
    if isinstance(default, list | dict | set):
        raise TypeError("option defaults must be immutable (use a tuple)")
    return field(default=default, metadata={"doc": doc})


@frozen
class NoOptions:
    """For rules without options."""


@frozen
class LintContext:
    """What a rule may know beyond the post itself: the post's site (None when none was found)
    and the linter-wide settings rules share (front matter keys, image keys, hotlink hosts, ...).
    """

    site: Site | None = None
    settings: LintSettings = field(factory=LintSettings)
    image_memo: dict[tuple[str, ImageRef], ImageResolution] | None = field(
        default=None, eq=False, repr=False
    )
    """Where each image of the one post being linted is, so that RK203, RK206 and the cache's
    list of files looked at ask once; None (the default): every question looks at the disk, as
    a context kept across edits must. The engine gives each post a context with a fresh one."""
    recap_memo: dict[str, Any] | None = field(default=None, eq=False, repr=False)
    """What the importer read in the body of the one post being linted (the recap rules share
    it, the statistics read it); None: every rule that asks reads the post again."""

    def resolve_image(self, post: Post, ref: ImageRef) -> ImageResolution:
        """:func:`recapkit.ssg.images.resolve_image` for *ref* of *post*."""
        if self.image_memo is None:
            return resolve_image(self.site, Path(post.path), ref)
        key = (str(post.path), ref)
        found = self.image_memo.get(key)
        if found is None:
            found = self.image_memo[key] = resolve_image(self.site, Path(post.path), ref)
        return found

    @property
    def generator(self) -> Generator:
        """The generator whose rules apply: the site's, else the configured one, else the
        generic reading of a site whose generator is unknown."""
        if self.site is not None:
            return self.site.generator
        if self.settings.ssg:
            return registry.get(self.settings.ssg)
        return registry.generic()


class Rule(abc.ABC, Generic[OptionsT]):
    """Base class of every lint rule; ``Rule[MyOptions]`` for a rule with options."""

    code: ClassVar[str]
    """Stable public code such as ``RK201``."""
    name: ClassVar[str]
    """Stable kebab-case name such as ``image-missing-alt``."""
    summary: ClassVar[str]
    """One line: what the rule reports."""
    default_severity: ClassVar[Severity] = Severity.ERROR
    draft_severity: ClassVar[Severity | None] = None
    """The severity of its findings in a draft (a post its generator does not publish yet), for
    rules about what a writer has not written *yet* (a placeholder, a talk without takeaways);
    None: the same as in a published post. ``[tool.recapkit.draft-severity]`` overrides it."""
    fixable: ClassVar[bool] = False
    unsafe_fixes_only: ClassVar[bool] = False
    """True when every fix the rule offers is unsafe: only ``--fix --unsafe-fixes`` applies
    them (its docs say so)."""
    opt_in: ClassVar[bool] = False
    """True for a rule that runs only when named (its code, a prefix of its family such as
    ``RK6``, or its name): ``ALL`` and broader prefixes leave it off, as ruff does with its
    preview rules. For style conventions a site may not follow (the RK6 CJK style rules)."""
    uses_filesystem: ClassVar[bool] = False
    """True when the result depends on more than the post's text and the settings: other files
    (an image on disk) or the post's own path (a date in the file name). A cache keyed by the
    content hash must re-run such rules."""
    Options: ClassVar[type[Any]] = NoOptions
    """A frozen attrs class of typed options with defaults (its fields made with :func:`option`),
    filled from ``[tool.recapkit.rules.<code-or-name>]``."""

    def __init__(self, options: OptionsT | None = None) -> None:
        self.options: OptionsT = options if options is not None else self.Options()

    @abc.abstractmethod
    def check(self, post: Post, context: LintContext) -> Iterator[Diagnostic]:
        """Yield every finding of this rule in *post*."""

    def diagnostic(
        self,
        post: Post,
        line: int,
        column: int,
        message: str,
        *,
        end_line: int | None = None,
        end_column: int | None = None,
        fix: Fix | None = None,
        severity: Severity | None = None,
    ) -> Diagnostic:
        """A diagnostic of this rule at a 0-based position in *post*.

        *severity* overrides the rule's default for this one finding, for rules whose weight
        depends on the generator (a configured severity still wins: the linter stamps it
        afterwards).
        """
        return Diagnostic(
            path=str(post.path),
            line=line,
            column=column,
            code=self.code,
            name=self.name,
            message=message,
            severity=severity or self.default_severity,
            end_line=end_line,
            end_column=end_column,
            fix=fix,
        )

    @classmethod
    def documentation(cls) -> str:
        """The rule's docs page: its docstring, dedented, and the options section of its
        options class."""
        return inspect.cleandoc(cls.__doc__ or "") + options_section(cls)


def shorten(text: str, limit: int) -> str:
    """*text* cut to at most *limit* characters, an ellipsis marking the cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def options_section(rule: type[Rule[Any]]) -> str:
    """``## Options`` for *rule*, generated from its options class ("" without options)."""
    fields = attrs.fields(rule.Options)
    if not fields:
        return ""
    lines = [
        "",
        "",
        "## Options",
        "",
        f"In `[tool.recapkit.rules.{rule.name}]` (or `.{rule.code}`):",
        "",
    ]
    for each in fields:
        key = each.name.replace("_", "-")
        lines.append(
            f"- `{key}` ({_type_name(each.type)}, default `{_toml(each.default)}`): "
            f"{each.metadata.get('doc', '')}"
        )
    return "\n".join(lines)


def _type_name(annotation: Any) -> str:
    text = str(annotation)
    return {
        "float": "number",
        "int": "whole number",
        "str": "text",
        "bool": "true or false",
        "tuple[str, ...]": "list of text",
    }.get(text, text)


def _toml(value: Any) -> str:
    """*value* as it is written in TOML."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return "'" + value + "'" if "\\" in value else '"' + value + '"'
    if isinstance(value, tuple):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    return str(value)


AnyRule = Rule[Any]
"""A rule of any options class."""
