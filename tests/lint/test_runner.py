"""The runner: one run over several sites lints each post with its own site."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from recapkit.config import Config
from recapkit.lint.discover import discover
from recapkit.lint.engine import Linter
from tests.lint.fakes import fake_rules
from tests.lint.test_discover import _two_sites

__all__ = ["fake_rules"]


@pytest.fixture(autouse=True)
def _fakes(fake_rules: object, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)


def _real_rule_run(paths: list[str], config: Config, codes_: tuple[str, ...]) -> list[str]:
    from recapkit.lint.rules import ALL_RULES
    from recapkit.lint.runner import LintOptions, Plan, run
    from recapkit.lint.selection import select_rules

    config = attrs.evolve(config, select=codes_)
    linter = Linter(config, select_rules(config, ALL_RULES))
    targets = discover(paths, config=config, sites=config.site_finder())
    result = run(Plan(linter, targets, LintOptions(jobs=1, use_cache=False)))
    return [f"{d.path}:{d.line}:{d.code}" for d in result.diagnostics]  # 0-based lines


def test_one_run_over_two_sites_resolves_each_post_with_its_own_site(tmp_path: Path) -> None:
    _two_sites(tmp_path)
    config = Config(root=tmp_path)
    alone = [
        *_real_rule_run(["hugo"], config, ("RK203",)),
        *_real_rule_run(["jekyll"], config, ("RK203",)),
    ]
    assert alone == ["jekyll/_posts/2024-05-01-b.md:5:RK203"]
    assert _real_rule_run(["hugo", "jekyll"], config, ("RK203",)) == alone
    assert _real_rule_run(["."], config, ("RK203",)) == alone  # a folder of sites
