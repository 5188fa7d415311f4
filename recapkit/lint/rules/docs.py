"""Generate the rules reference from the rules' docstrings.

``python -m recapkit.lint.rules.docs > docs/rules.md`` writes the page; a test keeps the committed
page in sync. ``recapkit rule CODE`` prints one rule's page with :func:`rule_page`.
"""

from __future__ import annotations

import re
import sys

from recapkit.lint.rules import ALL_RULES
from recapkit.lint.rules.base import AnyRule
from recapkit.ssg import registry

_HEADING = re.compile(r"^(#+) ", re.MULTILINE)
REQUIRED_SECTIONS = ("## Why", "## Example", "## Fix")

_INTRO = """\
# Rules

Every rule `recapkit lint` applies, generated from the rules themselves
(`python -m recapkit.lint.rules.docs > docs/rules.md`; `recapkit rule CODE` prints one page in the
terminal). Codes and names are stable: use either in `select`, `ignore`, `per-file-ignores`,
`[tool.recapkit.severity]` and suppression comments. **Severity** is the default; *error* and
*warning* both fail CI unless configured otherwise. **Fix** marks rules whose findings
`recapkit lint --fix` repairs safely (*unsafe*: only with `--unsafe-fixes`, as the fix may change
the page). The RK5xx rules run only with `--remote`. The RK6xx rules (CJK style) are opt-in: `ALL`
leaves them off; select them by family, code or name (`extend-select = ["RK6"]`), and they then
check Chinese posts only.
"""


def anchor(rule: type[AnyRule]) -> str:
    """The heading anchor of a rule on the rules page (what MkDocs and GitHub both generate)."""
    return f"{rule.code.lower()}-{rule.name}"


def rule_header(rule: type[AnyRule]) -> str:
    """One line of facts under a rule's heading."""
    facts = [f"Severity: {rule.default_severity.value}"]
    if rule.draft_severity is not None:
        facts.append(f"in drafts: {rule.draft_severity.value}")
    facts.append(
        "not fixable"
        if not rule.fixable
        else "fixable with `--fix --unsafe-fixes`"
        if rule.unsafe_fixes_only
        else "fixable with `--fix`"
    )
    if rule.opt_in:
        facts.append("opt-in: runs only when selected")
    if rule.uses_filesystem:
        facts.append("looks beyond the post's text")
    return " · ".join(facts)


def rule_page(rule: type[AnyRule], *, level: int = 1) -> str:
    """A rule's documentation as Markdown with its heading at *level*."""
    doc = rule.documentation()
    summary, _, body = doc.partition("\n")
    body = _HEADING.sub(lambda m: "#" * (len(m.group(1)) + level - 1) + " ", body.strip())
    heading = "#" * level
    return f"{heading} {rule.code} {rule.name}\n\n{summary.strip()}\n\n*{rule_header(rule)}*\n\n{body}\n"


def index_table() -> str:
    rows = ["| Code | Name | Summary | Severity | Fix |", "|---|---|---|---|---|"]
    for rule in ALL_RULES:
        link = f"[{rule.code}](#{anchor(rule)})"
        fix = ("unsafe" if rule.unsafe_fixes_only else "yes") if rule.fixable else ""
        rows.append(
            f"| {link} | `{rule.name}` | {rule.summary} | {rule.default_severity.value} | {fix} |"
        )
    return "\n".join(rows) + "\n"


def generators_markdown() -> str:
    """What RK103 and RK105 know about each generator's front matter."""
    lines = [
        "## Front matter by generator",
        "",
        "What `required-key` (RK103) and `unknown-key` (RK105) know about each generator "
        "(`ssg` in the config, else the detected site; *generic* when unknown), from each "
        "generator's module in `recapkit/ssg/`. Add your site's own keys with `extra-keys`.",
        "",
    ]
    for generator in (*registry.generators(), registry.generic()):
        keys = generator.keys
        date_from = ", or the file name" if keys.date_from_filename else ""
        case = "case-sensitive" if keys.case_sensitive else "case-insensitive"
        ignored = (
            "; unknown top-level keys are ignored by the SSG" if keys.custom_keys_ignored else ""
        )
        known = ", ".join(f"`{k}`" for k in sorted(keys.known, key=lambda k: (k.lower(), k)))
        known = known or "none stated, so `unknown-key` does not run"
        lines += [
            f"### {generator.label.capitalize()}",
            "",
            f"- The date may be given as: {', '.join(f'`{k}`' for k in keys.date_keys)}{date_from}",
            f"- Keys are {case}{ignored}",
            f"- Known keys: {known}",
            "",
        ]
    return "\n".join(lines)


def rules_markdown() -> str:
    """The whole ``docs/rules.md``."""
    parts = [_INTRO, index_table()]
    parts.extend(rule_page(rule, level=2) for rule in ALL_RULES)
    parts.append(generators_markdown())
    return "\n".join(parts)


def main() -> int:
    sys.stdout.write(rules_markdown())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
