"""Generate the rules reference from the rules' docstrings.

``python -m recapkit.lint.rules.docs > docs/rules.md`` writes the page; a test keeps the committed
page in sync. ``recapkit rule CODE`` prints one rule's page with :func:`rule_page`.
"""

from __future__ import annotations

import re
import sys

from recapkit.lint.rules import ALL_RULES, Rule

_HEADING = re.compile(r"^(#+) ", re.MULTILINE)
REQUIRED_SECTIONS = ("## Why", "## Example", "## Fix")

_INTRO = """\
# Rules

Every rule `recapkit lint` applies, generated from the rules themselves
(`python -m recapkit.lint.rules.docs > docs/rules.md`; `recapkit rule CODE` prints one page in the
terminal). Codes and names are stable: use either in `select`, `ignore`, `per-file-ignores`,
`[tool.recapkit.severity]` and suppression comments. **Severity** is the default; *error* and
*warning* both fail CI unless configured otherwise. **Fix** marks rules whose findings
`recapkit lint --fix` repairs safely. The RK5xx rules run only with `--remote`.
"""


def anchor(rule: type[Rule]) -> str:
    """The heading anchor of a rule on the rules page (what MkDocs and GitHub both generate)."""
    return f"{rule.code.lower()}-{rule.name}"


def rule_header(rule: type[Rule]) -> str:
    """One line of facts under a rule's heading."""
    facts = [f"Severity: {rule.default_severity.value}"]
    facts.append("fixable with `--fix`" if rule.fixable else "not fixable")
    if rule.uses_filesystem:
        facts.append("looks beyond the post's text")
    return " · ".join(facts)


def rule_page(rule: type[Rule], *, level: int = 1) -> str:
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
        fix = "yes" if rule.fixable else ""
        rows.append(
            f"| {link} | `{rule.name}` | {rule.summary} | {rule.default_severity.value} | {fix} |"
        )
    return "\n".join(rows) + "\n"


def presets_markdown() -> str:
    """What RK103 and RK105 know about each SSG's front matter."""
    from recapkit.lint.rules.presets import GENERIC, PRESETS

    lines = [
        "## Front matter presets",
        "",
        "What `required-key` (RK103) and `unknown-key` (RK105) know about each SSG "
        "(`ssg` in the config, else the detected site; *generic* when unknown). Add your "
        "site's own keys with `extra-keys`.",
        "",
    ]
    for preset in (*PRESETS.values(), GENERIC):
        date_from = ", or the file name" if preset.date_from_filename else ""
        case = "case-sensitive" if preset.keys_case_sensitive else "case-insensitive"
        lines += [
            f"### {preset.name.capitalize()}",
            "",
            f"- Required: {', '.join(f'`{k}`' for k in preset.required_keys)}",
            f"- The date may be given as: {', '.join(f'`{k}`' for k in preset.date_keys)}{date_from}",
            f"- Keys are {case}"
            + (
                "; unknown top-level keys are ignored by the SSG"
                if preset.custom_keys_ignored
                else ""
            ),
            f"- Known keys: {', '.join(f'`{k}`' for k in sorted(preset.known_keys, key=lambda k: (k.lower(), k)))}",
            "",
        ]
    return "\n".join(lines)


def rules_markdown() -> str:
    """The whole ``docs/rules.md``."""
    parts = [_INTRO, index_table()]
    parts.extend(rule_page(rule, level=2) for rule in ALL_RULES)
    parts.append(presets_markdown())
    return "\n".join(parts)


def main() -> int:
    sys.stdout.write(rules_markdown())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
