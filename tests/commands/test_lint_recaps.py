"""``recapkit lint`` on recaps with the real rules: ``--statistics`` counts the posts read as
recaps, with their data or from their text, through the cache too."""

from __future__ import annotations

from pathlib import Path

import pytest

from recapkit.cli import main
from tests.lint.rules.test_recap_without_data import RECAP


@pytest.mark.parametrize("cache", [["--no-cache"], []])
def test_statistics_count_the_posts_read_as_recaps(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    cache: list[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / ".cache"))
    Path("recap.md").write_text(RECAP, encoding="utf-8")
    Path("data.md").write_text(
        "---\ntitle: D\nrecap:\n  title: D\n---\n\nText.\n", encoding="utf-8"
    )
    Path("plain.md").write_text("---\ntitle: P\n---\n\nText.\n", encoding="utf-8")
    args = ["lint", *cache, "--statistics", "--select", "RK404", "recap.md", "data.md", "plain.md"]
    for _run in range(2):  # the second run reads the cache, when there is one
        assert main(args) == 0
        out = capsys.readouterr().out.splitlines()
        assert "     1  RK404      recap-without-data" in out
        assert "Recaps: 2 posts read as recaps (1 with recap data, 1 from their text)" in out


def test_one_post_read_as_a_recap_is_counted_in_the_singular(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("recap.md").write_text(RECAP, encoding="utf-8")
    assert main(["lint", "--no-cache", "--statistics", "--select", "RK404", "recap.md"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "Recaps: 1 post read as a recap (0 with recap data, 1 from their text)" in out
