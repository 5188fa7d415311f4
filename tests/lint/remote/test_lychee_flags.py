"""The flags lychee users expect (issue 15): ``--dump``, ``--accept``, ``--header`` and
``--exclude-file``, end to end through ``recapkit lint`` against real servers on loopback."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from recapkit.cli import main
from tests.lint.remote.server import HTML, Reply, Server, serving

TOKEN = "ghp_s3cretTokenValue"
LIMITED = Reply(429, HTML, {"Content-Type": "text/html"})
EMPTY = Reply(204, b"", {})


@pytest.fixture
def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Server]:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CI", "true")
    with serving() as running:
        yield running


def post(name: str, *lines: str) -> str:
    Path(name).write_text(
        "---\ntitle: Recap\ndate: 2024-05-01\n---\n\n" + "\n\n".join(lines) + "\n", encoding="utf-8"
    )
    return name


def lint(*args: str) -> int:
    return main(
        ["lint", "--isolated", "--allow-private", "--no-cache", "--max-retries", "0", *args]
    )


def remote_lines(out: str) -> list[str]:
    return [line for line in out.splitlines() if " RK5" in line]


# -- --dump ------------------------------------------------------------------------------


def test_dump_lists_each_url_once_in_order_and_requests_nothing(
    server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    png, deck = server.route("/a.png"), server.route("/deck")
    post("a.md", f"![a]({png})", f"[slides]({deck})", f"![again]({png})")
    post("b.md", f"![b]({server.url('/b.png')})")
    assert lint("--dump", "a.md", "b.md") == 0
    out, _ = capsys.readouterr()
    assert out.splitlines() == [png, server.url("/b.png")]  # images only, as --remote checks
    assert server.hits() == []
    assert lint("--dump", "--links", "a.md") == 0
    assert capsys.readouterr().out.splitlines() == [png, deck]
    assert server.hits() == []


def test_dump_json_says_where_each_url_is_used_and_leaves_excluded_urls_out(
    server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    png, skip = server.url("/a.png"), server.url("/skip.png")
    post("a.md", f"![a]({png})", f"![s]({skip})", f"![again]({png})")
    assert lint("--dump", "--exclude-url", "skip", "--output-format", "json", "a.md") == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed == [
        {
            "url": png,
            "image": True,
            "uses": [
                {"path": "a.md", "line": 6, "column": 1},
                {"path": "a.md", "line": 10, "column": 1},
            ],
        }
    ]
    assert server.hits() == []


def test_dump_refuses_standard_input(
    server: Server, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    post("a.md", f"![a]({server.url('/a.png')})")
    monkeypatch.setattr("sys.stdin", io.StringIO("![b](https://example.com/b.png)\n"))
    assert lint("--dump", "-") == 2
    out, err = capsys.readouterr()
    assert out == "" and "--dump" in err


# -- --accept ----------------------------------------------------------------------------


def test_accept_counts_the_listed_statuses_as_ok_and_only_those(
    server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    limited, empty = server.route("/limited", LIMITED), server.route("/empty", EMPTY)
    post("a.md", f"[busy]({limited})", f"[nothing]({empty})")
    assert lint("--links", "a.md") == 1
    out, _ = capsys.readouterr()
    assert [line.split(" ", 1)[0] for line in remote_lines(out)] == ["a.md:6:1:"]  # 429; 204 is 2xx
    assert lint("--links", "--accept", "200,429", "a.md") == 1
    out, _ = capsys.readouterr()
    assert [line.split(" ", 2)[:2] for line in remote_lines(out)] == [["a.md:8:1:", "RK501"]]
    assert "204 No Content" in out
    assert lint("--links", "--accept", "200..=299,429", "a.md") == 0
    assert remote_lines(capsys.readouterr().out) == []


def test_accept_keeps_the_ranged_answer_of_an_image_ok(
    server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    # The checker asks images for their first bytes (Range): a 206 is the user's 200.
    png = server.route("/a.png", Reply(206, headers={"Content-Type": "image/png"}))
    post("a.md", f"![a]({png})")
    assert lint("--remote", "--accept", "200", "a.md") == 0


@pytest.mark.parametrize("bad", ["abc", "200..100", "42", "200-299"])
def test_a_bad_accept_is_a_usage_error(
    bad: str, server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    post("a.md", "text")
    assert lint("--remote", "--accept", bad, "a.md") == 2
    assert "--accept" in capsys.readouterr().err


# -- --header ----------------------------------------------------------------------------


def test_header_expands_an_environment_variable_and_never_shows_it(
    server: Server, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
    png, gone = server.route("/a.png"), server.route("/gone.png", Reply(404, HTML, {}))
    post("a.md", f"![a]({png})", f"![g]({gone})")
    header = "Authorization: Bearer ${GITHUB_TOKEN}"
    for fmt in ("full", "json"):
        assert (
            lint(
                "--remote",
                "-H",
                header,
                "--header",
                "X-Two: $GITHUB_TOKEN",
                "--output-format",
                fmt,
                "a.md",
            )
            == 1
        )
        out, err = capsys.readouterr()
        assert TOKEN not in out + err
    assert lint("--dump", "-H", header, "a.md") == 0
    assert TOKEN not in "".join(capsys.readouterr())
    sent = server.hits("/a.png")[0].headers
    assert sent["Authorization"] == f"Bearer {TOKEN}" and sent["X-Two"] == TOKEN


def test_a_header_for_one_host_goes_to_that_host_only(
    server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
    mine = server.route("/a.png")
    other = server.route("/b.png").replace("127.0.0.1", "localhost")
    post("a.md", f"![a]({mine})", f"![b]({other})")
    assert lint("--remote", "-H", "127.0.0.1 Authorization: Bearer ${GITHUB_TOKEN}", "a.md") == 0
    assert server.hits("/a.png")[0].headers["Authorization"] == f"Bearer {TOKEN}"
    assert "Authorization" not in server.hits("/b.png")[0].headers


def test_a_header_whose_variable_is_unset_is_not_sent(
    server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GITHUB_TOKEN", raising=False)
    post("a.md", f"![a]({server.route('/a.png')})")
    assert lint("--remote", "-H", "Authorization: Bearer ${GITHUB_TOKEN}", "a.md") == 0
    assert "Authorization" not in server.hits()[0].headers


def test_a_token_read_from_a_file_loses_its_newline_and_a_broken_one_is_refused_unshown(
    server: Server, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    post("a.md", f"![a]({server.route('/a.png')})")
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN + "\n")
    assert lint("--remote", "-H", "Authorization: Bearer $GITHUB_TOKEN", "a.md") == 0
    assert server.hits()[0].headers["Authorization"] == f"Bearer {TOKEN}"
    for broken in (TOKEN + "\nX-Injected: 1", TOKEN + "中"):
        monkeypatch.setenv("GITHUB_TOKEN", broken)
        assert lint("--remote", "-H", "Authorization: Bearer $GITHUB_TOKEN", "a.md") == 2
        out, err = capsys.readouterr()
        assert "header Authorization" in err and TOKEN not in out + err
    assert len(server.hits()) == 1


@pytest.mark.parametrize("bad", ["no colon", "a b c: v", "Bad/Name: v"])
def test_a_malformed_header_is_a_usage_error_that_hides_the_value(
    bad: str, server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    post("a.md", "text")
    assert lint("--remote", "-H", bad + TOKEN, "a.md") == 2
    err = capsys.readouterr().err
    assert "--header" in err and TOKEN not in err


# -- --exclude-file ----------------------------------------------------------------------


def test_exclude_file_skips_matching_urls_silently(
    server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    gone, ok = server.route("/gone.png", Reply(404, HTML, {})), server.route("/ok.png")
    post("a.md", f"![g]({gone})", f"![o]({ok})")
    Path(".lycheeignore").write_text(
        "# ignore what is known gone\n\n  /gone\\.png$  \n", encoding="utf-8"
    )
    assert lint("--remote", "--exclude-file", ".lycheeignore", "a.md") == 0
    _, err = capsys.readouterr()
    assert [h.path for h in server.hits()] == ["/ok.png"]
    assert "1 skipped" in err


def test_a_bad_pattern_in_the_exclude_file_is_named_with_its_line(
    server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    post("a.md", "text")
    Path("ignore.txt").write_text("# ok\nfine\n(unclosed\n", encoding="utf-8")
    assert lint("--remote", "--exclude-file", "ignore.txt", "a.md") == 2
    assert "ignore.txt:3" in capsys.readouterr().err
    assert lint("--remote", "--exclude-file", "missing.txt", "a.md") == 2
    assert "missing.txt" in capsys.readouterr().err


def test_a_status_only_accept_made_fine_is_not_cached_for_later_runs(
    server: Server, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    limited, ok = server.route("/limited", LIMITED), server.route("/ok")
    post("a.md", f"[busy]({limited})", f"[fine]({ok})")
    cache = ["--cache-dir", str(tmp_path / "cache")]
    run = ["lint", "--isolated", "--allow-private", "--max-retries", "0", "--links", *cache]
    assert main([*run, "--accept", "200..=299,429", "a.md"]) == 0
    assert main([*run, "a.md"]) == 1  # without --accept the 429 is asked again, and unverified
    out, err = capsys.readouterr()
    assert "RK503" in out and "(1 from cache)" in err
    assert len(server.hits("/limited")) == 2 and len(server.hits("/ok")) == 1
