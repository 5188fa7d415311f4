"""Opt-in rules (the RK6 CJK style rules): off with the default `ALL`, on when named, as a user
selects them in config and on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from recapkit.cli import main
from recapkit.config import Config
from recapkit.errors import ConfigError
from recapkit.lint.rules import ALL_RULES
from recapkit.lint.selection import select_rules

OPT_IN = ["RK601", "RK602", "RK603"]


def codes(config: Config) -> set[str]:
    return set(select_rules(config).codes)


def test_the_cjk_rules_are_the_opt_in_ones() -> None:
    assert sorted(rule.code for rule in ALL_RULES if rule.opt_in) == OPT_IN


@pytest.mark.parametrize(
    "config",
    [Config(), Config(select=("ALL",)), Config(select=("RK",)), Config(extend_select=("ALL",))],
)
def test_all_and_broad_prefixes_leave_opt_in_rules_off(config: Config) -> None:
    chosen = codes(config)
    assert "RK301" in chosen
    assert chosen.isdisjoint(OPT_IN)


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        (Config(select=("RK6",)), OPT_IN),
        (Config(select=("RK60",)), OPT_IN),
        (Config(select=("RK601",)), ["RK601"]),
        (Config(select=("cjk-latin-spacing",)), ["RK601"]),
        (Config(select=("rk602",)), ["RK602"]),
    ],
)
def test_naming_opt_in_rules_selects_them(config: Config, expected: list[str]) -> None:
    assert sorted(codes(config)) == expected


def test_extend_select_adds_them_to_the_default_and_ignore_still_wins() -> None:
    chosen = codes(Config(extend_select=("RK6",)))
    assert {"RK301", *OPT_IN} <= chosen
    assert codes(Config(extend_select=("RK6",), ignore=("RK602",))) >= {"RK601", "RK603"}
    assert "RK602" not in codes(Config(extend_select=("RK6",), ignore=("RK602",)))
    assert codes(Config(extend_select=("RK6",), ignore=("ALL",))) == set()
    assert "RK601" not in codes(Config(extend_select=("RK601",), severity={"RK6": "off"}))


def test_the_rule_list_marks_them(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rule", "--list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-3].startswith("RK601  cjk-latin-spacing")
    assert lines[-3].endswith("(fixable, opt-in)")
    assert not any("opt-in" in line for line in lines[:-3])
    assert main(["rule", "RK601"]) == 0
    assert "opt-in: runs only when selected" in capsys.readouterr().out


def test_a_typo_is_still_an_error() -> None:
    with pytest.raises(ConfigError, match="unknown rule 'RK69'"):
        codes(Config(select=("RK69",)))


POST = "---\ntitle: 聚会回顾\nlang: zh-CN\n---\n\n本次Meetup共有3场分享。\n"


def _lint_codes(tmp_path: Path, *flags: str) -> list[str]:
    post = tmp_path / "post.md"
    post.write_text(POST, encoding="utf-8")
    report = tmp_path / "report.json"
    argv = ["lint", "--isolated", "--no-cache", "--exit-zero", "--output-format", "json"]
    main([*argv, "-o", str(report), *flags, str(post)])
    return [row["code"] for row in json.loads(report.read_text("utf-8"))["diagnostics"]]


def test_on_the_command_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / ".cache"))
    assert "RK601" not in _lint_codes(tmp_path)
    assert _lint_codes(tmp_path, "--select", "RK6") == ["RK601", "RK601", "RK601", "RK601"]
    assert "RK601" in _lint_codes(tmp_path, "--extend-select", "cjk-latin-spacing")
