"""The engine: per-file ignores, suppressions, severities, crashing rules, unreadable files,
the fingerprint of a run, and no crash on any post."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recapkit.config import Config
from recapkit.lint.discover import Target
from recapkit.lint.engine import Linter
from recapkit.lint.pipeline import lint_paths
from tests.lint.fakes import fake_rules, write

__all__ = ["fake_rules"]

POST = "---\ntitle: T\n---\n\n##Talks\n\n![](photo.png)\n"


@pytest.fixture(autouse=True)
def _fakes(fake_rules: object, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)


def codes(result: object) -> list[tuple[str, int, str]]:
    return [(d.path, d.line, d.code) for d in result.diagnostics]  # type: ignore[attr-defined]


def test_per_file_ignores_relative_to_the_config(tmp_path: Path) -> None:
    write(tmp_path / "content" / "legacy" / "old.md", POST)
    write(tmp_path / "content" / "new.md", POST)
    config = Config(
        root=tmp_path,
        per_file_ignores={"content/legacy/**": ("RK2",), "new.md": ("heading-missing-space",)},
    )
    assert codes(lint_paths(["content"], config=config)) == [
        ("content/legacy/old.md", 4, "RK301"),
        ("content/new.md", 6, "RK201"),
        ("content/new.md", 6, "RK203"),
    ]


def test_suppressions_and_severity_overrides_apply(tmp_path: Path) -> None:
    text = POST.replace(
        "![](photo.png)", "<!-- recapkit-disable-next-line RK203 -->\n![](photo.png)"
    )
    write(tmp_path / "a.md", text)
    result = lint_paths(["a.md"], config=Config(root=tmp_path, severity={"RK301": "info"}))
    assert [(d.code, str(d.severity)) for d in result.diagnostics] == [
        ("RK301", "info"),
        ("RK201", "warning"),
    ]


def test_a_suppression_quoted_in_a_fence_silences_nothing(tmp_path: Path) -> None:
    sample = "```markdown\n<!-- recapkit-disable-file -->\n```\n"
    write(tmp_path / "a.md", POST.replace("##Talks", sample + "\n##Talks"))
    result = lint_paths(["a.md"], config=Config(root=tmp_path))
    assert [d.code for d in result.diagnostics] == ["RK301", "RK201", "RK203"]


def test_a_crashing_rule_becomes_a_finding(tmp_path: Path) -> None:
    write(tmp_path / "a.md", "CRASH\n##x\n")
    result = lint_paths(["a.md"], config=Config(root=tmp_path))
    assert result.internal_errors == 1
    assert [d.code for d in result.diagnostics] == ["RK000", "RK301"]


def test_unreadable_or_binary_files_do_not_crash(tmp_path: Path) -> None:
    write(tmp_path / "binary.md", b"\x00\x01\x02PNG")
    write(tmp_path / "latin1.md", "caf\xe9".encode("latin-1"))
    write(tmp_path / "empty.md", b"")
    write(tmp_path / "big.md", b"#" * (5 * 2**20 + 1))
    result = lint_paths(["."], config=Config(root=tmp_path))
    assert result.internal_errors == 0
    assert len(result.files) == 4


def test_a_post_whose_site_changed_is_not_answered_from_the_cache(tmp_path: Path) -> None:
    write(tmp_path / "content" / "a.md", POST)
    linter = Linter(Config(root=tmp_path))
    hugo = tmp_path / "hugo.toml"
    before = linter.fingerprint([None])
    write(hugo, 'baseURL = "https://example.org/"\n')

    site = Config().site_finder().site_of(tmp_path.resolve())
    assert site is not None and linter.fingerprint([site]) != before


# --- robustness with the real rules ----------------------------------------------------------------


_PIECES = [
    "---\n", "+++\n", "title: x\n", "tags: a b\n", "date: 2016/2/14\n", "##T\n", "![](x.png)\n",
    "<img src=x>\n", '{{< figure src="a.png" >}}\n', "{% asset_img a.png t %}\n", "[]()\n",
    "recap:\n  talks: 3\n", "\r\n", "\ufeff", "```\n", "TODO(recapkit)\n", "cover: /a.png\n",
    '{"title": 1}\n', "<!-- recapkit-disable RK201 -->\n",
]  # fmt: skip


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=8)), max_size=12))
def test_no_rule_crashes_on_arbitrary_posts(parts: list[str]) -> None:
    from recapkit.lint.rules import ALL_RULES
    from recapkit.lint.selection import select_rules

    config = Config(root=Path("/nonexistent"))
    linter = Linter(config, select_rules(config, ALL_RULES))  # the real rules, not the fakes
    data = "".join(parts).encode("utf-8", "surrogatepass")
    path = Path("/nonexistent/content/post.md")
    result = linter.lint_data(Target(path, path), data)
    assert [d.message for d in result.diagnostics if d.code == "RK000"] == []
