"""Issue 6 as its checker sees it: misbehaving servers behind realistic Hugo and Jekyll posts.

Everything goes through ``recapkit lint --remote --links`` on posts written to disk, against real
HTTP servers on loopback addresses. Each post line below is numbered in a comment: the test
asserts exactly which lines are reported, with which code, and what each server was asked.
"""

from __future__ import annotations

import gzip
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from recapkit.cli import main
from tests.lint.remote.server import HTML, PNG, Reply, Server, serving

PAGE = Reply(200, HTML, {"Content-Type": "text/html; charset=utf-8"})
FINDING = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<code>RK\d+) (?P<msg>.*)$")
FAST = [
    "--timeout",
    "0.5",
    "--connect-timeout",
    "0.5",
    "--max-retries",
    "1",
    "--per-host-concurrency",
    "16",
]
DEADLINE = 1.0  # connect timeout + timeout: the most one request may take


def findings(out: str) -> list[tuple[str, int, int, str, str]]:
    return [
        (Path(m["path"]).name, int(m["line"]), int(m["column"]), m["code"], m["msg"])
        for line in out.splitlines()
        if (m := FINDING.match(line))
    ]


def lint(*args: str) -> int:
    return main(["lint", "--isolated", "--select", "RK5", "--jobs", "1", *args])


@pytest.fixture(autouse=True)
def _in_ci(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CI", "true")
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def server() -> Iterator[Server]:
    with serving() as running:
        yield running


def misbehave(server: Server) -> dict[str, str]:
    """The URLs of the posts, each answered the way its name says."""
    retry_date = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(time.time() + 2))
    u = {
        "cover": server.route("/img/cover.png"),
        "schedule": server.route("/schedule", PAGE),
        "video": server.route("/video/42", Reply(401, HTML, {"WWW-Authenticate": "Basic"})),
        "moved": server.route("/old/stage.jpg", Reply(301, b"", {"Location": "/new/stage.jpg"})),
        "html_png": server.route("/hallway.png", Reply(200, HTML, {"Content-Type": "image/png"})),
        "no_type": server.route("/badge", Reply(200, PNG, {})),
        "deck": server.route("/decks/generics", Reply(410, HTML, {"Content-Type": "text/html"})),
        "dated": server.route("/talks/7", Reply(429, b"", {"Retry-After": retry_date}), PAGE),
        "shared": server.route("/img/logo.png"),
        "gzip": server.route(
            "/sprints.png",
            Reply(
                200, gzip.compress(PNG), {"Content-Type": "image/png", "Content-Encoding": "gzip"}
            ),
        ),
        "space": server.route("/my%20photo.png"),
        "unicode": server.route("/%E5%90%88%E5%BD%B1.png"),
        "query": server.route("/photo.png?size=large&v=2"),
        "busy": server.route("/busy.png", Reply(503, b"", {"Retry-After": "1"}), Reply()),
        "hangup": server.route("/hangup.png", Reply(200, PNG, close_after_headers=True)),
        "stall": server.route("/stall.png", Reply(200, b"", chunks=(PNG[:2],), stall=3.0)),
        "tail": server.route("/tail.png", Reply(200, b"", chunks=(PNG[:16],), stall=3.0)),
        "docs": server.route("/docs", PAGE),
        "drip": server.route("/drip.png", Reply(200, PNG, drip=0.05)),
    }
    server.route_head("/schedule", Reply(404, HTML, {"Content-Type": "text/html"}))
    server.route_head("/docs", Reply(delay=2.0))  # HEAD hangs; GET answers
    for hop in range(12):
        server.route(f"/chain/{hop}", Reply(302, b"", {"Location": f"/chain/{hop + 1}"}))
    server.route("/chain/12", PAGE)
    u["chain"] = server.url("/chain/0")
    u["relative"] = f"//127.0.0.1:{server.port}/lunch.png"  # https: our server speaks no TLS
    return u


def write_posts(root: Path, u: dict[str, str]) -> tuple[Path, Path]:
    hugo = root / "hugo" / "content" / "posts" / "gophercon-eu-2024.md"
    jekyll = root / "jekyll" / "_posts" / "2024-05-20-pycon-us-recap.md"
    for folder in (hugo.parent, jekyll.parent):
        folder.mkdir(parents=True)
    (root / "hugo" / "hugo.toml").write_text('title = "Go notes"\n', encoding="utf-8")
    (root / "jekyll" / "_config.yml").write_text("title: Py notes\n", encoding="utf-8")
    hugo.write_text(
        "---\n"  # 1
        'title: "GopherCon EU 2024 recap"\n'  # 2
        "date: 2024-06-20T10:00:00+02:00\n"  # 3
        "cover:\n"  # 4
        f'  image: "{u["cover"]}"\n'  # 5
        '  alt: "The main stage"\n'  # 6
        f'slides: "{u["schedule"]}"\n'  # 7  HEAD 404, GET 200: fine
        f'video: "{u["video"]}"\n'  # 8  401: RK503
        "---\n"  # 9
        "\n"  # 10
        "The keynote filled the hall.\n"  # 11
        "\n"  # 12
        f"![Keynote stage]({u['moved']})\n"  # 13 301 to a 404: RK501
        "\n"  # 14
        f'{{{{< figure src="{u["html_png"]}" caption="Hallway track" >}}}}\n'  # 15 RK502
        "\n"  # 16
        f'<img src="{u["no_type"]}" alt="Badge">\n'  # 17 no type, PNG bytes: fine
        "\n"  # 18
        f"Slides: [Generics]({u['deck']}), the [talk]({u['dated']}).\n"  # 19 410: RK501
        "\n"  # 20
        f"![Lunch]({u['relative']}) and ![Logo]({u['shared']})\n",  # 21 TLS: RK501
        encoding="utf-8",
    )
    jekyll.write_text(
        "---\n"  # 1
        "layout: post\n"  # 2
        "title: PyCon US 2024 recap\n"  # 3
        f"image: {u['shared']}\n"  # 4  same URL as the Hugo post
        "---\n"  # 5
        "\n"  # 6
        f"![Keynote stage]({u['moved']})\n"  # 7  same broken URL: RK501 here too
        "\n"  # 8
        f"![Sprints]({u['gzip']})\n"  # 9
        f"![Poster](<{u['space'].replace('%20', ' ')}>)\n"  # 10
        f'<img src="{server_path(u["unicode"])}" alt="合影">\n'  # 11
        f"![Talk]({u['query']})\n"  # 12
        f"![Busy]({u['busy']})\n"  # 13 503, Retry-After: 1, then fine
        f"![Hang-up]({u['hangup']})\n"  # 14 RK503
        f"![Stalled]({u['stall']}) ![Slow tail]({u['tail']})\n"  # 15 RK503, fine
        f"Read [the docs]({u['docs']}).\n"  # 16 HEAD hangs, GET fine
        f"![Dripping]({u['drip']})\n"  # 17 RK503, cut at the deadline
        f"Follow [the chain]({u['chain']}).\n"  # 18 RK501
        "![Bookshop](http://bücher.invalid/x.png)\n",  # 19 RK501
        encoding="utf-8",
    )
    return hugo, jekyll


def server_path(url: str) -> str:
    """The URL as an author writes it: not percent-encoded."""
    from urllib.parse import unquote

    return unquote(url)


def test_exactly_the_broken_urls_are_reported_at_their_lines(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    u = misbehave(server)
    hugo, jekyll = write_posts(tmp_path, u)
    started = time.monotonic()
    code = lint(
        "--links", "--allow-private", "--cache-dir", str(tmp_path / "cache"), *FAST,
        str(hugo), str(jekyll),
    )  # fmt: skip
    elapsed = time.monotonic() - started
    out, err = capsys.readouterr()
    found = findings(out)
    assert code == 1
    assert [(name, line, code) for name, line, _, code, _ in found] == [
        ("gophercon-eu-2024.md", 8, "RK503"),
        ("gophercon-eu-2024.md", 13, "RK501"),
        ("gophercon-eu-2024.md", 15, "RK502"),
        ("gophercon-eu-2024.md", 19, "RK501"),
        ("gophercon-eu-2024.md", 21, "RK501"),
        ("2024-05-20-pycon-us-recap.md", 7, "RK501"),
        ("2024-05-20-pycon-us-recap.md", 14, "RK503"),
        ("2024-05-20-pycon-us-recap.md", 15, "RK503"),
        ("2024-05-20-pycon-us-recap.md", 17, "RK503"),
        ("2024-05-20-pycon-us-recap.md", 18, "RK501"),
        ("2024-05-20-pycon-us-recap.md", 19, "RK501"),
    ], out
    messages = {(name, line): (column, msg) for name, line, column, _, msg in found}
    assert messages[("gophercon-eu-2024.md", 8)][1].endswith(
        "401 Unauthorized (the server refuses the checker)"
    )
    assert "/new/stage.jpg" in messages[("gophercon-eu-2024.md", 13)][1]
    assert messages[("gophercon-eu-2024.md", 13)][0] == 1
    assert "HTML page (image/png)" in messages[("gophercon-eu-2024.md", 15)][1]
    assert messages[("gophercon-eu-2024.md", 19)][1].endswith("410 Gone")
    assert messages[("gophercon-eu-2024.md", 21)][1].startswith("image https://127.0.0.1:")
    assert "TLS error (wrong version number)" in messages[("gophercon-eu-2024.md", 21)][1]
    assert "timed out while reading the body" in messages[("2024-05-20-pycon-us-recap.md", 15)][1]
    assert "closed after 0 of 33 bytes" in messages[("2024-05-20-pycon-us-recap.md", 14)][1]
    assert "timed out" in messages[("2024-05-20-pycon-us-recap.md", 17)][1]
    assert "more than 5 redirects" in messages[("2024-05-20-pycon-us-recap.md", 18)][1]
    assert "not found" in messages[("2024-05-20-pycon-us-recap.md", 19)][1]
    assert (
        "remote: 22 unique URLs checked (0 from cache), 5 broken, 1 not an image, 4 unverified"
        in err
    )

    # Each unique URL was requested once, however many posts use it (retries aside).
    assert [h.method for h in server.hits("/old/stage.jpg")] == ["GET"]
    assert [h.method for h in server.hits("/img/logo.png")] == ["GET"]
    assert [h.method for h in server.hits("/schedule")] == ["HEAD", "GET"]
    assert [h.method for h in server.hits("/docs")] == ["HEAD", "GET"]
    assert [h.path for h in server.hits() if h.path.startswith("/chain/")] == [
        f"/chain/{hop}" for hop in range(6)
    ]
    for path in ("/my%20photo.png", "/%E5%90%88%E5%BD%B1.png", "/photo.png?size=large&v=2"):
        assert len(server.hits(path)) == 1, path
    assert server.hits("/sprints.png")[0].headers["Accept-Encoding"] == "identity"

    # The waits the servers asked for were honoured.
    first, second = server.hits("/busy.png")
    assert second.at - first.at >= 0.95
    first, second = server.hits("/talks/7")
    assert second.at - first.at >= 0.9  # an HTTP date: whole seconds, at least 1 s ahead

    # A dripping server holds a worker for one deadline per attempt, not for its 3 s: the retry
    # comes after deadline + backoff (about 1.5 s), well before the 3.5 s a full drip would take.
    # The margin is wide on purpose: CI machines are loaded, and this is not a speed test.
    first, second = server.hits("/drip.png")
    assert second.at - first.at < DEADLINE + 0.5 + 1.4  # deadline + backoff + load slack
    assert elapsed < 60  # no hang

    # The rerun asks only what failed: every success comes from the cache.
    before = {path: len(server.hits(path)) for path in ("/img/cover.png", "/badge", "/busy.png")}
    lint(
        "--links", "--allow-private", "--cache-dir", str(tmp_path / "cache"), *FAST,
        str(hugo), str(jekyll),
    )  # fmt: skip
    out2, err2 = capsys.readouterr()
    assert [f[:4] for f in findings(out2)] == [f[:4] for f in found]
    assert "(12 from cache)" in err2
    assert {path: len(server.hits(path)) for path in before} == before


PRIVATE_FORMS = [
    "http://localhost:{port}/a.png",  # via /etc/hosts
    "http://[::1]:{port}/b.png",
    "http://0.0.0.0:{port}/c.png",
    "http://2130706433:{port}/d.png",  # 127.0.0.1 as one decimal number
    "http://0177.0.0.1:{port}/e.png",  # octal
    "http://0x7f.1:{port}/f.png",  # hex, short form
    "http://127.1:{port}/g.png",
    "http://[::ffff:127.0.0.1]:{port}/h.png",  # IPv4-mapped IPv6
    "http://169.254.169.254/latest/meta-data/",  # the cloud metadata service
    "https://10.0.0.8/intranet.png",
]


def test_private_addresses_in_every_spelling_are_skipped_unrequested(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    urls = [form.format(port=server.port) for form in PRIVATE_FORMS]
    post = tmp_path / "content" / "posts" / "workshop.md"
    post.parent.mkdir(parents=True)
    body = "".join(f"![demo {n}]({url})\n\n" for n, url in enumerate(urls))
    post.write_text(f"---\ntitle: Workshop\n---\n\n{body}", encoding="utf-8")
    # Everything cached as fine by an --allow-private run must not help a run without it.
    not_here = r"169\.254\.|10\.0\.0\.8"  # never request real private networks from a test
    lint(
        "--remote", "--allow-private", "--exclude-url", not_here,
        "--cache-dir", str(tmp_path / "cache"), *FAST, str(post),
    )  # fmt: skip
    assert "8 unique URLs checked" in capsys.readouterr().err
    requested = len(server.hits())
    assert requested == 7  # every spelling but [::1] reached the server (0.0.0.0 too)
    assert lint("--remote", "--cache-dir", str(tmp_path / "cache"), *FAST, str(post)) == 0
    out, err = capsys.readouterr()
    found = findings(out)
    assert [(line, code) for _, line, _, code, _ in found] == [
        (5 + 2 * n, "RK504") for n in range(len(urls))
    ]
    kinds = [re.search(r"(\w[\w-]*) address (\S+) ", msg).groups() for *_, msg in found]  # type: ignore[union-attr]
    assert kinds[:4] == [
        ("loopback", "127.0.0.1"),
        ("loopback", "::1"),
        ("private", "0.0.0.0"),
        ("loopback", "127.0.0.1"),
    ]
    assert kinds[8] == ("link-local", "169.254.169.254")
    assert len(server.hits()) == requested  # not one request without --allow-private
    assert (
        f"0 unique URLs checked (0 from cache), 0 broken, 0 unverified, {len(urls)} skipped" in err
    )


def test_redirects_to_private_spellings_are_refused(
    server: Server,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """127.0.0.2 plays a public host; each of its redirects leads to 127.0.0.1 in disguise."""
    from recapkit.lint.remote import safety

    real = safety.address_kind
    monkeypatch.setattr(safety, "address_kind", lambda a: None if a == "127.0.0.2" else real(a))
    targets = [form.format(port=server.port) for form in PRIVATE_FORMS[:8]]
    with serving("127.0.0.2") as public:
        urls = [
            public.route(f"/r{n}.png", Reply(302, b"", {"Location": target}))
            for n, target in enumerate(targets)
        ]
        post = tmp_path / "post.md"
        post.write_text(
            "---\ntitle: Redirects\n---\n\n" + "".join(f"![r]({url})\n" for url in urls),
            encoding="utf-8",
        )
        assert lint("--remote", "--no-cache", *FAST, str(post)) == 0
        assert len(public.hits()) == len(urls)
    out, _ = capsys.readouterr()
    assert [(line, code) for _, line, _, code, _ in findings(out)] == [
        (5 + n, "RK504") for n in range(len(urls))
    ]
    assert server.hits() == []
