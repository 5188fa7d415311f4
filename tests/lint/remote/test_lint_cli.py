"""``recapkit lint --remote`` end to end: real posts on disk, a real server on loopback."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from recapkit.cli import main
from recapkit.lint.remote.cache import CACHE_FILE
from tests.lint.remote.server import HTML, Reply, Server, serving
from tests.lint.remote.spoil import SPOILERS, not_a_database, read_only

GONE = Reply(404, HTML, {"Content-Type": "text/html"})


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Server, Path]]:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CI", "true")
    with serving() as server:
        ok, gone = server.route("/ok.png"), server.route("/gone.png", GONE)
        deck = server.route("/deck", Reply(405, b"", {}), GONE)
        for name in ("a", "b"):
            (tmp_path / f"{name}.md").write_text(
                f"---\ntitle: Recap {name}\ndate: 2024-05-01\n---\n\n"
                f"![stage]({ok})\n\n![gone]({gone})\n\n[slides]({deck})\n",
                encoding="utf-8",
            )
        yield server, tmp_path


def lint(*args: str, cache: Path) -> int:
    return main(["lint", "--allow-private", "--cache-dir", str(cache), *args, "a.md", "b.md"])


def test_remote_reports_each_occurrence_at_its_line(
    site: tuple[Server, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    server, root = site
    assert lint("--remote", cache=root / "cache") == 1
    out, err = capsys.readouterr()
    broken = [line for line in out.splitlines() if "RK5" in line]
    assert [line.split(" ", 2)[:2] for line in broken] == [
        ["a.md:8:1:", "RK501"],
        ["b.md:8:1:", "RK501"],
    ]
    assert "remote: 2 unique URLs checked (0 from cache), 1 broken" in err
    assert sorted(h.path for h in server.hits()) == ["/gone.png", "/ok.png"]  # once each; no links


def test_links_adds_links_and_the_cache_serves_the_rerun(
    site: tuple[Server, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    server, root = site
    assert lint("--links", cache=root / "cache") == 1
    out, _ = capsys.readouterr()
    assert "a.md:10:1: RK501 link" in out and "b.md:10:1: RK501 link" in out
    assert [h.method for h in server.hits("/deck")] == ["HEAD", "GET"]
    before = len(server.hits("/ok.png"))
    assert lint("--links", cache=root / "cache") == 1
    _, err = capsys.readouterr()
    assert len(server.hits("/ok.png")) == before
    assert "(1 from cache)" in err


def test_offline_and_private_addresses_request_nothing(
    site: tuple[Server, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    server, _ = site
    assert main(["lint", "--remote", "--offline", "a.md"]) == 0
    assert main(["lint", "--remote", "--no-cache", "a.md"]) == 0  # RK504 is info: not a failure
    out, _ = capsys.readouterr()
    assert "RK504" in out and "loopback address" in out
    assert server.hits() == []


def cache_warnings(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("warning: remote cache")]


@pytest.mark.parametrize("spoil", SPOILERS)
def test_a_spoiled_cache_costs_one_warning_and_is_rebuilt(
    site: tuple[Server, Path], capsys: pytest.CaptureFixture[str], spoil: Callable[[Path], None]
) -> None:
    """A CI cache restored broken: the run is the run without a cache, and the next is cached."""
    server, root = site
    cache = root / "cache"
    assert lint("--remote", cache=cache) == 1
    first, _ = capsys.readouterr()
    spoil(cache / CACHE_FILE)
    asked = len(server.hits("/ok.png"))

    assert lint("--remote", cache=cache) == 1
    out, err = capsys.readouterr()
    assert out == first and "(0 from cache)" in err
    [warning] = cache_warnings(err)
    [aside] = [p.name for p in cache.glob("*.corrupt-*") if not p.name.endswith(("wal", "shm"))]
    assert warning.startswith(f"warning: remote cache {cache / CACHE_FILE} is unusable (")
    assert warning.endswith(f"moved aside to {aside}, and a new one was built")
    assert len(server.hits("/ok.png")) == asked + 1  # asked again, as without a cache

    assert lint("--remote", cache=cache) == 1
    out, err = capsys.readouterr()
    assert out == first and "(1 from cache)" in err and cache_warnings(err) == []
    assert len(server.hits("/ok.png")) == asked + 1  # the rebuilt cache answered


def test_a_spoiled_cache_in_a_read_only_folder_runs_without_a_cache(
    site: tuple[Server, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, root = site
    cache = root / "cache"
    assert lint("--remote", cache=cache) == 1
    first, _ = capsys.readouterr()
    not_a_database(cache / CACHE_FILE)
    spoiled = (cache / CACHE_FILE).read_bytes()
    with read_only(cache):
        assert lint("--remote", cache=cache) == 1
    out, err = capsys.readouterr()
    assert out == first and "(0 from cache)" in err
    [warning] = cache_warnings(err)
    assert warning.startswith(f"warning: remote cache {cache / CACHE_FILE} is unusable (")
    assert "cannot be moved aside" in warning
    assert warning.endswith("this run goes on without a cache")
    assert (cache / CACHE_FILE).read_bytes() == spoiled and list(cache.glob("*.corrupt-*")) == []
