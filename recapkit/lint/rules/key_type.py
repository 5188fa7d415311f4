"""RK104 key-type: lists are lists, titles are text, drafts are booleans."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from attrs import frozen

from recapkit.data.describe import describe
from recapkit.lint.diagnostics import Applicability, Diagnostic, Fix, Severity
from recapkit.lint.rules.base import LintContext, Rule, option
from recapkit.lint.rules.key_type_fix import (
    Items,
    flow_list_edit,
    nested_flow_list_edit,
    split_items,
)
from recapkit.post.where import key_location, locate_in_front_matter
from recapkit.ssg import registry

if TYPE_CHECKING:
    from recapkit.post.types import Post
    from recapkit.ssg.base import Generator


@frozen
class KeyTypeOptions:
    list_keys: tuple[str, ...] = option(
        ("tags", "categories"), "keys whose value must be a list of text"
    )
    text_keys: tuple[str, ...] = option(("title",), "keys whose value must be text")
    bool_keys: tuple[str, ...] = option(("draft",), "keys whose value must be `true` or `false`")
    portable: bool = option(
        False,
        "also report (as info) a space-separated list string on a generator that splits it "
        "(Jekyll's `tags: go meetup`): the page is right, but a list reads the same to themes, "
        "feeds and other tools",
    )


class KeyType(Rule[KeyTypeOptions]):
    """A front matter value has the wrong type: tags as a string, a numeric title, a text draft flag.

    Checks three groups of keys (configurable, see Options):

    - `tags` and `categories` must be lists. A string with spaces or commas in it
      (`tags: go meetup recap`) is reported; a single word is fine.
      **Fixable**: the value is rewritten in place into a flow list (`[go, meetup, recap]`);
      the rest of the line (spacing, a trailing comment) and the file stay as they are.
    - `title` must be text: `title: 2024` or `title: No` (YAML 1.1 reads a boolean) is reported.
    - `draft` must be a boolean: `draft: "false"` is text, and text that is not empty
      counts as true in several template languages.

    - On Zola sites, every value under `[taxonomies]` must be a list of text: Zola stops the
      build on `tags = "go meetup"` there. Fixable the same way.

    An error: these values silently produce wrong pages (one tag named `go meetup recap`,
    a title `False`, a published draft). One exception depends on the SSG: Jekyll documents
    that a space-separated `tags` or `categories` string *is* split into several terms, so on
    a Jekyll site such a string is fine and not reported (a fresh `jekyll new` site has
    `categories: jekyll update`); with the `portable` option it is reported as **info**, since
    a list is unambiguous for themes, feeds and other tools. A string with commas stays an
    error there, because
    Jekyll splits on spaces only and keeps the commas (`go,`). Hexo reads a *list* of
    categories as a hierarchy (`[a, b]` is a > b), so on Hexo the fix for `categories`
    writes separate categories, `[[a], [b]]`.

    ## Why

    Hugo, Hexo and Zola read `tags: go meetup` as *one* tag called "go meetup"; Jekyll splits
    it on spaces; themes, feeds and other tools each do something different. A list means the
    same thing everywhere. YAML 1.1 turns unquoted `No`, `yes`, `010` and `1.10` into a
    boolean or a number, so a title or tag of that spelling changes on the way in.

    ## Example

    Bad:

    ```yaml
    ---
    title: 2024
    tags:  gdg event DevFest  # from the old site
    draft: "false"
    ---
    ```

    Good:

    ```yaml
    ---
    title: "2024"
    tags:  [gdg, event, DevFest]  # from the old site
    draft: false
    ---
    ```

    ## Fix

    `recapkit lint --fix` rewrites a space- or comma-separated `tags`/`categories` string
    into a list (only the value; the fix is dropped if re-parsing the front matter would give
    anything but that list). Quote numeric or boolean-looking titles and tags by hand, and
    write `draft: true` or `draft: false` without quotes.
    """

    code = "RK104"
    name = "key-type"
    summary = "A front matter value has the wrong type (tags not a list, title not text, ...)."
    fixable = True
    Options = KeyTypeOptions

    def check(self, post: Post, context: LintContext) -> Iterator[Diagnostic]:
        if post.front_matter is None or post.front_matter.error is not None:
            return
        options = self.options
        for key, value in post.data.items():
            if value is None or not isinstance(key, str):
                continue  # an empty value is the business of required-key
            if key in options.list_keys:
                yield from self._check_list(post, context.generator, key, value)
            elif key in options.text_keys and not isinstance(value, str):
                yield self._at(
                    post, key, f"`{key}` should be text, but is {describe(value)}; quote it"
                )
            elif key in options.bool_keys and not isinstance(value, bool):
                yield self._at(
                    post, key, f"`{key}` should be true or false, but is {describe(value)}"
                )
        table = context.generator.taxonomy_table
        if table is not None:
            yield from self._check_taxonomies(post, context.generator, table)

    def _check_list(
        self, post: Post, generator: Generator, key: str, value: Any
    ) -> Iterator[Diagnostic]:
        if isinstance(value, str):
            items = split_items(value)
            read_as_meant = key in generator.splits_list_strings and value.split() == items
            if read_as_meant and not self.options.portable:
                return  # the generator shows the terms the writer meant (Jekyll)
            if len(items) > 1:
                hierarchy = key in generator.hierarchy_list_keys
                fixed: Items = [[item] for item in items] if hierarchy else items
                edit = flow_list_edit(post, key, fixed)
                # Safe only where the generator already shows these terms (it splits the string).
                safety = (
                    Applicability.SAFE
                    if key in generator.splits_list_strings and value.split() == items
                    else Applicability.UNSAFE
                )
                fix = Fix((edit,), f"write `{key}` as a list", safety) if edit else None
                where = key_location(post, key)
                message, severity = _string_finding(generator, key, value, items)
                yield self.diagnostic(
                    post, where.line, where.column, message, fix=fix, severity=severity
                )
            return
        if not isinstance(value, list):
            yield self._at(post, key, f"`{key}` should be a list, but is {describe(value)}")
            return
        for index, item in enumerate(value):
            if not _text_or_nested_text(item):
                where = locate_in_front_matter(post, (key, index))
                message = f"`{key}[{index}]` should be text, but is {describe(item)}; quote it"
                yield self.diagnostic(post, where.line, where.column, message)

    def _check_taxonomies(
        self, post: Post, generator: Generator, table: str
    ) -> Iterator[Diagnostic]:
        """Every value of the generator's taxonomy table must be a list of text (Zola stops the
        build otherwise)."""
        taxonomies = post.data.get(table)
        if not isinstance(taxonomies, Mapping):
            return
        for name, value in taxonomies.items():
            if not isinstance(name, str) or _is_text_list(value):
                continue
            where = locate_in_front_matter(post, (table, name))
            label = f"{table}.{name}"
            fix = None
            if isinstance(value, str) and (items := split_items(value)):
                edit = nested_flow_list_edit(post, (table, name), items, where.line, where.column)
                fix = Fix((edit,), f"write `{label}` as a list") if edit else None
            listed = "[" + ", ".join(split_items(value)) + "]" if isinstance(value, str) else ""
            hint = f": write {listed}" if listed else ""
            message = (
                f"`{label}` should be a list, but is {describe(value)}; "
                f"{generator.label} stops the build{hint}"
            )
            yield self.diagnostic(post, where.line, where.column, message, fix=fix)

    def _at(self, post: Post, key: str, message: str, fix: Fix | None = None) -> Diagnostic:
        where = key_location(post, key)
        return self.diagnostic(post, where.line, where.column, message, fix=fix)


def _string_finding(
    generator: Generator, key: str, value: str, items: list[str]
) -> tuple[str, Severity | None]:
    """The message and severity for a list key written as one string with several words.

    A generator that splits such a string on spaces shows the terms the writer meant, so there a
    list is only clearer (info), unless commas are involved: it keeps them (`go,`), an error.
    The others read the string as a single term, an error.
    """
    listed = "[" + ", ".join(items) + "]"
    if key in generator.hierarchy_list_keys:
        siblings = "[" + ", ".join(f"[{item}]" for item in items) + "]"
        return (
            f"`{key}` is one string, read as a single category; {generator.label} reads a list "
            f"as a hierarchy ({' > '.join(items)}), so for separate categories write {siblings}",
            None,
        )
    if key in generator.splits_list_strings:
        if value.split() == items:
            return (
                f"`{key}` is a space-separated string; {generator.label} splits it, but a list is "
                f"unambiguous for themes, feeds and other tools: write {listed}",
                Severity.INFO,
            )
        words = ", ".join(repr(word) for word in value.split())
        return (
            f"`{key}` is a string; {generator.label} splits it on spaces only, into {words}: "
            f"write {listed}",
            None,
        )
    one = "[" + _yaml_text(value.strip()) + "]"
    if generator.is_generic:  # the generators disagree: say how each reads it
        split = [g.label for g in registry.generators() if key in g.splits_list_strings]
        whole = [g.label for g in registry.generators() if key not in g.splits_list_strings]
        how = f"{_joined(whole)} read it as the single term {value.strip()!r}"
        how += f", {_joined(split)} splits it on spaces" if split else ""
        return f"`{key}` is one string: {how}; write {listed} or {one}", Severity.INFO
    return (
        f"`{key}` is one string, read as the single term {value.strip()!r}; write {listed} for "
        f"separate terms (it changes the page: --unsafe-fixes) or {one}",
        None,
    )


def _joined(labels: list[str]) -> str:
    return ", ".join(labels[:-1]) + " and " + labels[-1] if len(labels) > 1 else "".join(labels)


def _yaml_text(value: str) -> str:
    """*value* as a flow-list item (quoted when YAML would read it otherwise)."""
    return value if all(word.isalnum() for word in value.split()) else repr(value)


def _text_or_nested_text(item: Any) -> bool:
    # Hexo writes a category hierarchy as a nested list: categories: [[Events, Summit]].
    if isinstance(item, list):
        return all(isinstance(inner, str) for inner in item)
    return isinstance(item, str)


def _is_text_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)
