"""The rules' documentation: every rule documents itself, docs/rules.md is in sync, `recapkit rule`."""

from __future__ import annotations

import pytest

from recapkit.cli import main
from recapkit.lint.rules import ALL_RULES, Rule, get_rule
from recapkit.lint.rules.docs import REQUIRED_SECTIONS, rules_markdown
from tests.paths import DOCS

RULES_PAGE = DOCS / "rules.md"


def test_docs_rules_md_is_generated_from_the_rules() -> None:
    assert RULES_PAGE.read_text(encoding="utf-8") == rules_markdown(), (
        "docs/rules.md is stale: run `python -m recapkit.lint.rules.docs > docs/rules.md`"
    )


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.code)
def test_every_rule_documents_what_why_example_and_fix(rule: type[Rule]) -> None:
    doc = rule.documentation()
    summary = doc.splitlines()[0]
    assert summary and not summary.startswith("#")
    for section in REQUIRED_SECTIONS:
        assert f"\n{section}\n" in doc, f"{rule.code} lacks {section}"
    if rule.Options.__attrs_attrs__:  # type: ignore[attr-defined]
        assert "\n## Options\n" in doc, f"{rule.code} has options but does not document them"


def test_codes_and_names_are_unique_and_well_formed() -> None:
    codes = [rule.code for rule in ALL_RULES]
    names = [rule.name for rule in ALL_RULES]
    assert len(set(codes)) == len(codes) and len(set(names)) == len(names)
    assert codes == sorted(codes)
    assert all(code.startswith("RK") and len(code) == 5 for code in codes)
    assert all(name == name.lower() and " " not in name for name in names)


def test_get_rule_by_code_or_name() -> None:
    assert get_rule("rk301") is get_rule("heading-missing-space") is get_rule(" RK301 ")
    assert get_rule("RK999") is None


def test_rule_command_prints_the_docs(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rule", "image-missing-alt"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# RK201 image-missing-alt\n")
    assert "## Why" in out and "## Fix" in out


def test_rule_command_lists_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rule", "--list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == [rule.code for rule in ALL_RULES]
    assert "(fixable)" in lines[[rule.code for rule in ALL_RULES].index("RK301")]


def test_rule_command_refuses_unknown_rules(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rule", "RK999"]) == 2
    assert "error: no rule 'RK999'" in capsys.readouterr().err
    assert main(["rule"]) == 2
