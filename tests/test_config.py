"""Config discovery and validation: nearest file wins, unknown keys and bad values are errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from recapkit.config import VALID_KEYS, Config, discover_config, find_config, load_config
from recapkit.errors import ConfigError
from recapkit.lint.selection import select_rules
from tests.lint.fakes import FAKE_RULES, write


def test_nearest_file_wins_and_bare_pyproject_is_skipped(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.recapkit]\nssg = "hugo"\n')
    write(tmp_path / "site" / "pyproject.toml", '[project]\nname = "not-recapkit"\n')
    write(tmp_path / "site" / "content" / "recapkit.toml", 'ssg = "jekyll"\n')
    post = write(tmp_path / "site" / "content" / "posts" / "a.md", "x")
    assert find_config(post) == tmp_path / "site" / "content" / "recapkit.toml"
    assert find_config(tmp_path / "site") == tmp_path / "pyproject.toml"
    assert discover_config(tmp_path / "site").ssg == "hugo"


def test_recapkit_toml_beats_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.recapkit]\nssg = "hugo"\n')
    write(tmp_path / "recapkit.toml", 'ssg = "zola"\n')
    assert discover_config(tmp_path).ssg == "zola"


def test_no_config_gives_defaults(tmp_path: Path) -> None:
    config = discover_config(tmp_path)
    assert config.path is None and config.select is None and config.exclude == ()


def test_every_key_parses(tmp_path: Path) -> None:
    path = write(
        tmp_path / "pyproject.toml",
        """
[tool.recapkit]
ssg = "auto"
content-dirs = ["content"]
static-dirs = ["static", "assets"]
exclude = ["drafts/", "**/_index.md"]
select = ["RK1", "image-missing-alt"]
ignore = ["RK105"]
extend-select = ["RK4"]
required-keys = ["title", "date", "author"]
extra-keys = ["series", "toc"]
image-keys = ["cover"]
hotlink-hosts = ["img.example.com"]
require-timezone = true
strict-keys = false
cache-dir = ".cache/recapkit"
layout = "notes"
remote = true

[tool.recapkit.per-file-ignores]
"content/legacy/**" = ["RK2", "RK301"]

[tool.recapkit.severity]
RK201 = "warning"
image-alt-filename = "off"

[tool.recapkit.rules.placeholder-left]
marker = "FIXME"
""",
    )
    config = load_config(path)
    assert config.ssg is None  # auto
    assert config.root == tmp_path.resolve()
    assert config.static_dirs == ("static", "assets")
    assert config.per_file_ignores == {"content/legacy/**": ("RK2", "RK301")}
    assert config.severity == {"RK201": "warning", "image-alt-filename": "off"}
    assert config.rules == {"placeholder-left": {"marker": "FIXME"}}
    assert config.remote == {"enabled": True}
    assert config.require_timezone is True
    assert config.layout == "notes"


def test_a_lone_string_counts_as_a_one_item_list(tmp_path: Path) -> None:
    config = load_config(write(tmp_path / "recapkit.toml", 'exclude = "drafts/"\n'))
    assert config.exclude == ("drafts/",)


def test_unknown_key_lists_the_valid_ones(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", '[tool.recapkit]\nexlude = ["x"]\n')
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert message.startswith(
        f"{path}: [tool.recapkit]: unknown key 'exlude' (did you mean 'exclude'?)"
    )
    assert message.endswith("valid keys: " + ", ".join(VALID_KEYS))


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ("select = 1", "select: expected a list of strings, got a number"),
        ('ssg = "gatsby"', "ssg: expected one of auto, hugo, hexo, jekyll, zola, got 'gatsby'"),
        ('require-timezone = "yes"', "require-timezone: expected true or false, got a string"),
        ('layout = "story"', "layout: expected one of form, notes, got 'story'"),
        (
            'severity = {RK201 = "fatal"}',
            "severity.RK201: expected one of error, warning, info, off",
        ),
        (
            'draft-severity = {RK401 = "none"}',
            "draft-severity.RK401: expected one of error, warning, info, off",
        ),
        ('per-file-ignores = ["x"]', "per-file-ignores: expected a table, got a list"),
        ("select = [", "invalid TOML"),
    ],
)
def test_bad_values(tmp_path: Path, toml: str, expected: str) -> None:
    with pytest.raises(
        ConfigError, match=expected.replace("(", r"\(").replace(")", r"\)").replace(".", r"\.")
    ):
        load_config(write(tmp_path / "recapkit.toml", toml + "\n"))


def codes(config: Config) -> list[str]:
    return sorted(select_rules(config, FAKE_RULES).codes)


def test_selection_by_prefix_name_and_all() -> None:
    assert codes(Config(select=("RK2",))) == ["RK201", "RK203"]
    assert codes(Config(select=("image-missing-alt", "rk30"))) == ["RK201", "RK301"]
    assert codes(Config(ignore=("RK2", "RK9"))) == ["RK104", "RK301", "RK401"]
    assert codes(Config(select=("RK1",), extend_select=("RK401",))) == ["RK104", "RK401"]
    assert codes(Config(severity={"RK2": "off"})) == ["RK104", "RK301", "RK401", "RK901"]


def test_severity_overrides_and_rule_options() -> None:
    selection = select_rules(
        Config(
            severity={"image-missing-alt": "error"},
            rules={"RK401": {"marker": "FIXME", "max-count": 2}},
        ),
        FAKE_RULES,
    )
    assert selection.severities == {"RK201": "error"}
    placeholder = next(rule for rule in selection.rules if rule.code == "RK401")
    assert (placeholder.options.marker, placeholder.options.max_count) == ("FIXME", 2)


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        (Config(select=("RK7",)), "select: unknown rule 'RK7'"),
        (
            Config(ignore=("image-mising-alt",)),
            "unknown rule 'image-mising-alt' (did you mean 'image-missing-alt'?)",
        ),
        (
            Config(rules={"RK401": {"colour": "red"}}),
            "unknown option 'colour' for RK401; valid options: marker, max-count",
        ),
        (Config(rules={"RK401": {"max-count": "many"}}), "rules.RK401"),
        (Config(per_file_ignores={"x/**": ("RK0",)}), "per-file-ignores.x/**: unknown rule 'RK0'"),
    ],
)
def test_selection_errors(config: Config, expected: str) -> None:
    with pytest.raises(ConfigError) as info:
        select_rules(config, FAKE_RULES)
    assert expected in str(info.value)


def test_fingerprint_changes_with_settings() -> None:
    assert Config(select=("RK1",)).fingerprint() != Config(select=("RK2",)).fingerprint()
    assert Config(select=("RK1",)).fingerprint() == Config(select=("RK1",)).fingerprint()


def test_templates_dir_is_relative_to_the_config_file_not_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(
        tmp_path / "site" / "pyproject.toml", '[tool.recapkit]\ntemplates-dir = "layouts/recaps"\n'
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    config = discover_config(tmp_path / "site" / "content")
    assert config.templates_dir == (tmp_path / "site" / "layouts" / "recaps").resolve()
    assert Config().templates_dir is None


def test_templates_dir_must_be_a_string_and_does_not_touch_the_lint_cache_key(
    tmp_path: Path,
) -> None:
    with pytest.raises(ConfigError, match="templates-dir: expected a string, got a list"):
        load_config(write(tmp_path / "recapkit.toml", 'templates-dir = ["x"]\n'))
    assert Config(templates_dir=Path("/a")).fingerprint() == Config().fingerprint()
    assert Config(layout="notes").fingerprint() == Config().fingerprint()
