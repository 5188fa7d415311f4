"""``recapkit rule CODE|NAME`` prints a rule's documentation; ``--list`` lists every rule."""

from __future__ import annotations

import click

from recapkit.errors import UsageError


@click.command(name="rule")
@click.argument("rule", required=False)
@click.option(
    "--list",
    "list_rules",
    is_flag=True,
    help="List every rule: code, name, summary (opt-in rules run only when selected).",
)
def command(rule: str | None, list_rules: bool) -> int:
    """Explain a lint rule: what it reports, why, an example and the fix.

    RULE is a code (RK201) or a name (image-missing-alt).

    \b
    Examples:
      recapkit rule RK201
      recapkit rule heading-missing-space
      recapkit rule --list
    """
    from recapkit.lint.rules import ALL_RULES, get_rule
    from recapkit.lint.rules.docs import rule_page

    if list_rules:
        width = max(len(r.name) for r in ALL_RULES)
        for each in ALL_RULES:
            notes = [
                note for note, on in (("fixable", each.fixable), ("opt-in", each.opt_in)) if on
            ]
            tail = f" ({', '.join(notes)})" if notes else ""
            click.echo(f"{each.code}  {each.name:<{width}}  {each.summary}{tail}")
        return 0
    if rule is None:
        raise UsageError("name a rule (e.g. `recapkit rule RK201`) or use --list")
    found = get_rule(rule)
    if found is None:
        raise UsageError(f"no rule {rule!r}; `recapkit rule --list` shows them all")
    click.echo(rule_page(found), nl=False)
    return 0
