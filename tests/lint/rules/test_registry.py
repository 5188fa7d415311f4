"""The rule registry: the committed index matches the rule classes, and a run imports only the
rule modules it selects."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from recapkit.lint.rules import ALL_RULES, get_rule
from recapkit.lint.rules.registry import entries, render_index
from tests.paths import PACKAGE


def test_the_committed_index_is_generated_from_the_rule_classes() -> None:
    index = PACKAGE / "lint" / "rules" / "index.py"
    assert index.read_text(encoding="utf-8") == render_index(), (
        "recapkit/lint/rules/index.py is stale: run "
        "`python -m recapkit.lint.rules.registry > recapkit/lint/rules/index.py`"
    )


def test_every_entry_loads_its_rule_with_the_same_facts() -> None:
    assert [entry.load() for entry in entries()] == list(ALL_RULES)
    for entry, rule in zip(entries(), ALL_RULES, strict=True):
        assert (entry.code, entry.name, entry.opt_in, entry.draft_severity) == (
            rule.code,
            rule.name,
            rule.opt_in,
            rule.draft_severity,
        )


def test_get_rule_by_code_or_name_any_case() -> None:
    assert get_rule("rk301") is get_rule("heading-missing-space") is get_rule(" RK301 ")
    assert get_rule("RK999") is None and get_rule("no-such-rule") is None


def _rule_modules_imported(post: str, *flags: str) -> list[str]:
    """The rule modules (`recapkit.lint.rules.<rule>`) a `recapkit lint` run imports."""
    code = (
        "import sys; from recapkit.cli import main;"
        f"main(['lint', '--no-cache', '--isolated', *{list(flags)!r}, {post!r}]);"
        "from recapkit.lint.rules.registry import entries;"
        "modules = {f'recapkit.lint.rules.{e.module}': e.code for e in entries()};"
        "print(' '.join(sorted(code for m, code in modules.items() if m in sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return out.stdout.splitlines()[-1].split()


def test_a_run_selecting_rk1_imports_no_markdown_or_opt_in_rule(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text("---\ntitle: T\n---\n\n##Heading\n\n**嘉宾：**刘洋\n", encoding="utf-8")
    codes = _rule_modules_imported(str(post), "--select", "RK1")
    assert {code for code in codes if code.startswith("RK1")} == {
        "RK100", "RK101", "RK102", "RK103", "RK104", "RK105", "RK106", "RK107", "RK108"
    }  # fmt: skip
    assert not [code for code in codes if code.startswith(("RK3", "RK4", "RK6"))]


def test_a_default_run_imports_no_opt_in_rule(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text("---\ntitle: T\n---\n\n中文 English 混排。\n", encoding="utf-8")
    codes = _rule_modules_imported(str(post))
    assert "RK301" in codes and not [code for code in codes if code.startswith("RK6")]
