"""The remote checker against real HTTP servers on loopback addresses (no mocks of requests)."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from attrs import evolve

from recapkit.lint.diagnostics import Severity
from recapkit.lint.remote import RemoteOptions, RemoteRef, RemoteReport, run_remote_checks
from recapkit.lint.remote.results import Outcome
from tests.lint.remote.server import FOREVER, HTML, PNG, Reply, Server, serving

FAST = RemoteOptions(
    enabled=True,
    allow_private=True,
    use_cache=False,
    connect_timeout=1.0,
    timeout=0.5,
    max_retries=2,
    backoff_base=0.02,
    max_retry_wait=3.0,
)
NOT_FOUND = Reply(404, HTML, {"Content-Type": "text/html"})


@pytest.fixture
def server() -> Iterator[Server]:
    with serving() as running:
        yield running


def image(url: str, line: int = 3, path: str = "content/post.md") -> RemoteRef:
    return RemoteRef(url, path, line, 0, line, len(url) + 5, True)


def link(url: str, line: int = 3, path: str = "content/post.md") -> RemoteRef:
    return RemoteRef(url, path, line, 2, line, len(url) + 4, False)


def check(*refs: RemoteRef, options: RemoteOptions = FAST) -> RemoteReport:
    return run_remote_checks(list(refs), options, show_progress=False)


def codes(report: RemoteReport) -> list[str]:
    return [d.code for d in report.diagnostics]


def test_an_image_that_is_there_passes(server: Server) -> None:
    report = check(image(server.route("/a.png")))
    assert report.diagnostics == []
    assert report.summary.checked == 1
    assert [h.method for h in server.hits()] == ["GET"]


@pytest.mark.parametrize("status", [404, 410])
def test_gone_images_are_broken_at_their_position(server: Server, status: int) -> None:
    url = server.route("/gone.png", Reply(status, HTML, {"Content-Type": "text/html"}))
    report = check(image(url, line=11))
    [diagnostic] = report.diagnostics
    assert (diagnostic.code, diagnostic.name, diagnostic.severity) == (
        "RK501",
        "remote-broken",
        Severity.ERROR,
    )
    assert (diagnostic.path, diagnostic.line, diagnostic.column) == ("content/post.md", 11, 0)
    assert str(status) in diagnostic.message and url in diagnostic.message
    assert report.summary.broken == 1
    assert len(server.hits()) == 1  # a definite answer is not retried


def test_a_server_error_then_success_is_retried(server: Server) -> None:
    url = server.route("/flaky.png", Reply(500, b"", {}), Reply())
    assert check(image(url)).diagnostics == []
    assert len(server.hits("/flaky.png")) == 2


def test_a_persistent_server_error_is_broken_after_the_retries(server: Server) -> None:
    url = server.route("/down.png", Reply(500, b"", {}))
    report = check(image(url))
    assert codes(report) == ["RK501"]
    assert "after 2 retries" in report.diagnostics[0].message
    assert len(server.hits()) == 3


def test_retry_after_is_honoured(server: Server) -> None:
    url = server.route("/limited.png", Reply(429, b"", {"Retry-After": "1"}), Reply())
    assert check(image(url)).diagnostics == []
    first, second = server.hits("/limited.png")
    assert second.at - first.at >= 0.95


def test_retry_after_as_an_http_date_is_honoured(server: Server) -> None:
    when = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(time.time() + 2))
    url = server.route("/dated.png", Reply(503, b"", {"Retry-After": when}), Reply())
    assert check(image(url)).diagnostics == []
    first, second = server.hits("/dated.png")
    assert second.at - first.at >= 0.9  # the date has whole seconds: at least 1 s later


def test_retry_after_is_capped_by_max_retry_wait(server: Server) -> None:
    url = server.route("/long.png", Reply(429, b"", {"Retry-After": "3600"}), Reply())
    started = time.monotonic()
    assert check(image(url), options=evolve(FAST, max_retry_wait=0.2)).diagnostics == []
    assert time.monotonic() - started < 3


def test_still_rate_limited_after_the_retries_is_unverified(server: Server) -> None:
    url = server.route("/always429.png", Reply(429, b"", {"Retry-After": "0"}))
    report = check(image(url))
    [diagnostic] = report.diagnostics
    assert (diagnostic.code, diagnostic.severity) == ("RK503", Severity.WARNING)
    assert "429" in diagnostic.message
    assert report.summary.unverified == 1
    assert len(server.hits()) == 3


def test_a_rate_limit_pauses_the_whole_host(server: Server) -> None:
    limited = server.route("/first.png", Reply(429, b"", {"Retry-After": "1"}), Reply())
    other = server.route("/second.png")
    options = evolve(FAST, per_host_concurrency=1)
    assert check(image(limited), image(other, line=5), options=options).diagnostics == []
    assert [h.path for h in server.hits()] == ["/first.png", "/second.png", "/first.png"]
    assert server.hits()[1].at - server.hits()[0].at >= 0.95


def test_links_use_head_and_fall_back_to_get_when_head_is_refused(server: Server) -> None:
    url = server.route(
        "/slides", Reply(405, b"", {}), Reply(200, HTML, {"Content-Type": "text/html"})
    )
    ok = server.route("/video", Reply(200, HTML, {"Content-Type": "text/html"}))
    assert check(link(url), link(ok, line=4)).diagnostics == []
    assert [h.method for h in server.hits("/slides")] == ["HEAD", "GET"]
    assert [h.method for h in server.hits("/video")] == ["HEAD"]


def test_a_broken_link_is_confirmed_with_get(server: Server) -> None:
    url = server.route("/deleted-deck", NOT_FOUND)
    report = check(link(url))
    assert codes(report) == ["RK501"]
    assert report.diagnostics[0].message.startswith(f"link {url} is broken: 404")
    assert [h.method for h in server.hits()] == ["HEAD", "GET"]


def test_a_redirect_chain_is_followed(server: Server) -> None:
    start = server.route("/r1.png", Reply(301, b"", {"Location": "/r2.png"}))
    server.route("/r2.png", Reply(302, b"", {"Location": server.url("/r3.png")}))
    server.route("/r3.png", Reply(307, b"", {"Location": "final.png"}))
    server.route("/final.png")
    assert check(image(start)).diagnostics == []
    assert [h.path for h in server.hits()] == ["/r1.png", "/r2.png", "/r3.png", "/final.png"]


def test_a_redirect_to_a_missing_page_names_it(server: Server) -> None:
    start = server.route("/moved.png", Reply(301, b"", {"Location": "/nowhere.png"}))
    [diagnostic] = check(image(start)).diagnostics
    assert diagnostic.code == "RK501" and "/nowhere.png" in diagnostic.message


def test_a_redirect_loop_is_broken(server: Server) -> None:
    start = server.route("/a", Reply(302, b"", {"Location": "/b"}))
    server.route("/b", Reply(302, b"", {"Location": "/a"}))
    [diagnostic] = check(image(start)).diagnostics
    assert diagnostic.code == "RK501" and "redirect loop" in diagnostic.message
    assert len(server.hits()) == 2


def test_a_redirect_to_itself_that_sets_a_cookie_is_followed_with_the_cookie(
    server: Server,
) -> None:
    """A login or consent wall: not a loop, the second request is not the first one."""
    wall = Reply(302, b"", {"Location": "/wall.png", "Set-Cookie": "consent=yes; Path=/"})
    url = server.route_cookie("/wall.png", "consent=yes", with_it=Reply(), without=wall)
    assert check(image(url)).diagnostics == []
    first, second = server.hits()
    assert "Cookie" not in first.headers and second.headers["Cookie"] == "consent=yes"


def test_a_redirect_to_itself_with_the_same_cookies_is_a_loop(server: Server) -> None:
    trap = Reply(302, b"", {"Location": "/trap.png", "Set-Cookie": "consent=yes; Path=/"})
    url = server.route_cookie("/trap.png", "never=sent", with_it=Reply(), without=trap)
    [diagnostic] = check(image(url)).diagnostics
    assert diagnostic.code == "RK501"
    assert f"redirect loop: {url} -> {url}" in diagnostic.message
    assert len(server.hits()) == 2  # without the cookie, then with it; the third would repeat


def test_a_chains_cookies_go_to_no_other_check_and_no_other_host(server: Server) -> None:
    with serving("127.0.0.2") as other:
        away = other.route("/away.png")
        setter = Reply(302, b"", {"Location": "/landed.png", "Set-Cookie": "sid=1; Path=/"})
        start = server.route("/start.png", setter)
        server.route("/landed.png", Reply(302, b"", {"Location": away}))
        later = server.route("/later.png")
        options = evolve(FAST, max_concurrency=1, per_host_concurrency=1)
        assert check(image(start), image(later, line=5), options=options).diagnostics == []
        [elsewhere] = other.hits()
    assert server.hits("/landed.png")[0].headers["Cookie"] == "sid=1"  # the same chain: kept
    assert "Cookie" not in elsewhere.headers  # another host
    assert "Cookie" not in server.hits("/later.png")[0].headers  # another URL's check
    assert [h.path for h in server.hits()] == ["/start.png", "/later.png", "/landed.png"]


def test_more_than_five_redirects_are_broken(server: Server) -> None:
    for hop in range(7):
        server.route(f"/hop{hop}", Reply(302, b"", {"Location": f"/hop{hop + 1}"}))
    server.route("/hop7")
    [diagnostic] = check(image(server.url("/hop0"))).diagnostics
    assert "more than 5 redirects" in diagnostic.message
    assert len(server.hits()) == 6


def test_a_response_slower_than_the_timeout_is_unverified(server: Server) -> None:
    url = server.route("/slow.png", Reply(delay=1.5))
    options = evolve(FAST, timeout=0.3, max_retries=1)
    started = time.monotonic()
    report = check(image(url), options=options)
    assert codes(report) == ["RK503"]
    assert "timed out" in report.diagnostics[0].message
    assert time.monotonic() - started < 2.8  # two attempts of 0.3 s, not two of 1.5 s (3 s)


def test_a_link_whose_headers_drip_is_cut_at_the_deadline(server: Server) -> None:
    """Each byte comes within the read timeout; the whole answer would take seconds."""
    url = server.route("/drip", Reply(200, HTML, {"Content-Type": "text/html"}, drip=0.05))
    options = evolve(FAST, timeout=0.3, connect_timeout=0.3, max_retries=0)
    started = time.monotonic()
    report = check(link(url), options=options)
    assert codes(report) == ["RK503"]
    assert "timed out (no complete answer within 0.6 s)" in report.diagnostics[0].message
    assert [h.method for h in server.hits()] == ["HEAD", "GET"]
    assert time.monotonic() - started < 5  # two deadlines of 0.6 s, not two drips of 5 s


def test_html_served_for_an_image_is_not_an_image(server: Server) -> None:
    url = server.route("/photo.jpg", Reply(200, HTML, {"Content-Type": "text/html; charset=utf-8"}))
    report = check(image(url), link(url, line=9))
    [diagnostic] = report.diagnostics  # the link occurrence is fine: a page is a page
    assert (diagnostic.code, diagnostic.name, diagnostic.line) == (
        "RK502",
        "remote-not-an-image",
        3,
    )
    assert "HTML" in diagnostic.message
    assert len(server.hits()) == 1


@pytest.mark.parametrize("framing", ["length", "close", "chunked"])
@pytest.mark.parametrize("magic", [PNG[:8], b"\xff\xd8\xff"], ids=["png", "jpeg"])
def test_an_image_that_stalls_right_after_its_magic_bytes_passes(
    server: Server, framing: str, magic: bytes
) -> None:
    """Judged on the first bytes that arrive, whatever frames the body.

    Waiting for more (512 bytes, or the rest of a small body to reuse the connection) would
    end at the deadline: RK503 "timed out". ``length`` announces a body small enough to drain.
    """
    stalled = Reply(200, b"", chunks=(magic,), stall=FOREVER, framing=framing, length=4096)
    url = server.route("/stalled.png", stalled)
    report = check(image(url), options=evolve(FAST, max_retries=0))
    assert report.diagnostics == [] and report.results[url].outcome is Outcome.OK
    assert len(server.hits()) == 1


def test_a_page_that_stalls_after_its_start_is_not_an_image(server: Server) -> None:
    """The start of an HTML page decides too: RK502, not a timeout."""
    page = Reply(200, b"", {"Content-Type": "text/html"}, chunks=(HTML[:21],), stall=FOREVER)
    report = check(image(server.route("/photo.jpg", page)), options=evolve(FAST, max_retries=0))
    assert codes(report) == ["RK502"] and "HTML" in report.diagnostics[0].message


def test_an_image_with_a_wrong_content_type_is_judged_by_its_bytes(server: Server) -> None:
    url = server.route("/octet", Reply(200, PNG, {"Content-Type": "application/octet-stream"}))
    assert check(image(url)).diagnostics == []


def test_a_connection_reset_is_retried(server: Server) -> None:
    url = server.route("/reset-once.png", Reply(reset=True), Reply())
    assert check(image(url)).diagnostics == []
    assert len(server.hits()) == 2


def test_a_connection_reset_every_time_is_unverified(server: Server) -> None:
    url = server.route("/reset.png", Reply(reset=True))
    report = check(image(url))
    assert codes(report) == ["RK503"]
    assert "connection reset" in report.diagnostics[0].message


def test_a_huge_body_is_not_read_whole(server: Server) -> None:
    size = 1 << 30
    url = server.route("/huge.png", Reply(huge=size))
    started = time.monotonic()
    assert check(image(url)).diagnostics == []
    assert time.monotonic() - started < 10  # a whole GiB would take far longer; see bytes below
    deadline = time.monotonic() + 2
    while "/huge.png" not in server.sent and time.monotonic() < deadline:
        time.sleep(0.02)
    assert server.sent["/huge.png"] < size // 10


def test_a_url_shared_by_several_files_is_requested_once(server: Server) -> None:
    url = server.route("/shared.png", NOT_FOUND)
    refs = [image(url, line=n, path=f"content/post{n}.md") for n in range(5)]
    report = check(*refs)
    assert [(d.path, d.line, d.code) for d in report.diagnostics] == [
        (f"content/post{n}.md", n, "RK501") for n in range(5)
    ]
    assert len(server.hits()) == 1
    assert report.summary.broken == 1


def test_the_second_run_is_served_from_the_cache(server: Server, tmp_path: Path) -> None:
    ok, gone = server.route("/ok.png"), server.route("/gone.png", NOT_FOUND)
    options = evolve(FAST, use_cache=True, cache_dir=tmp_path)
    check(image(ok), image(gone), link(ok), options=options)
    before = len(server.hits())
    again = check(image(ok), link(ok), options=options)
    assert len(server.hits()) == before  # the server saw nothing new
    assert again.summary.from_cache == 1 and again.diagnostics == []
    third = check(image(gone), options=options)
    assert codes(third) == ["RK501"]  # failures are never cached


def test_an_expired_cache_entry_is_checked_again(server: Server, tmp_path: Path) -> None:
    url = server.route("/ok.png")
    options = evolve(FAST, use_cache=True, cache_dir=tmp_path, max_cache_age=0.0)
    check(image(url), options=options)
    time.sleep(0.01)
    check(image(url), options=options)
    assert len(server.hits()) == 2


def test_a_success_cached_by_an_allow_private_run_does_not_bypass_the_guard(
    server: Server, tmp_path: Path
) -> None:
    url = server.route("/internal.png")
    allowed = evolve(FAST, use_cache=True, cache_dir=tmp_path)
    assert check(image(url), options=allowed).diagnostics == []
    guarded = check(image(url), options=evolve(allowed, allow_private=False))
    assert codes(guarded) == ["RK504"] and guarded.summary.from_cache == 0
    assert len(server.hits()) == 1
    again = check(image(url), options=allowed)  # the success still serves allow-private runs
    assert again.summary.from_cache == 1 and len(server.hits()) == 1


def test_a_cached_success_is_marked_private_by_the_connected_address(
    server: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Even when the lookup said public (rebinding, or parsers disagreeing on the host)."""
    from recapkit.lint.remote import session

    monkeypatch.setattr(session, "check_addresses", lambda addresses: None)
    url = server.route("/internal.png")
    allowed = evolve(FAST, use_cache=True, cache_dir=tmp_path)
    assert check(image(url), options=allowed).diagnostics == []
    guarded = check(image(url), options=evolve(allowed, allow_private=False))
    assert codes(guarded) == ["RK504"] and "connected to loopback" in guarded.diagnostics[0].message
    assert len(server.hits()) == 1


def test_a_private_address_is_refused_without_allow_private(server: Server) -> None:
    url = server.route("/internal.png")
    report = check(image(url), options=evolve(FAST, allow_private=False))
    [diagnostic] = report.diagnostics
    assert (diagnostic.code, diagnostic.name, diagnostic.severity) == (
        "RK504",
        "remote-skipped",
        Severity.INFO,
    )
    assert (
        "loopback address 127.0.0.1" in diagnostic.message
        and "--allow-private" in diagnostic.message
    )
    assert server.hits() == []
    assert report.summary.skipped == 1 and report.summary.checked == 0


def test_a_redirect_into_a_private_network_is_refused(
    server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    """127.0.0.1 stands in for a public host here; the redirect target 127.0.0.2 stays loopback."""
    from recapkit.lint.remote import safety

    real = safety.address_kind
    monkeypatch.setattr(safety, "address_kind", lambda a: None if a == "127.0.0.1" else real(a))
    with serving("127.0.0.2") as inner:
        inner.route("/secret")
        start = server.route("/out", Reply(302, b"", {"Location": inner.url("/secret")}))
        report = check(link(start), options=evolve(FAST, allow_private=False))
        assert inner.hits() == []
    [diagnostic] = report.diagnostics
    assert diagnostic.code == "RK504" and "127.0.0.2" in diagnostic.message
    assert [h.path for h in server.hits()] == ["/out"]


def test_the_connected_address_is_checked_too(
    server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DNS rebinding: the lookup said public, the socket connected to loopback."""
    from recapkit.lint.remote import session

    monkeypatch.setattr(session, "check_addresses", lambda addresses: None)
    report = check(image(server.route("/a.png")), options=evolve(FAST, allow_private=False))
    assert codes(report) == ["RK504"]
    assert "connected to loopback address" in report.diagnostics[0].message
    assert server.hits() == []


def test_excluded_urls_are_not_requested_and_include_wins(server: Server) -> None:
    skipped, kept = server.route("/skip/a.png"), server.route("/skip/keep.png", NOT_FOUND)
    options = evolve(FAST, exclude=(re.compile("/skip/"),), include=(re.compile("keep"),))
    report = check(image(skipped), image(kept), options=options)
    assert codes(report) == ["RK501"]
    assert [h.path for h in server.hits()] == ["/skip/keep.png"]
    assert report.summary.skipped == 1


def test_an_unknown_host_is_broken() -> None:
    report = check(image("http://no-such-host.invalid/x.png"))
    assert codes(report) == ["RK501"]
    assert "not found" in report.diagnostics[0].message


def test_unknown_hosts_next_to_a_working_one_are_broken(server: Server) -> None:
    refs = [
        image(server.route("/ok.png")),
        image("http://a.invalid/x.png"),
        link("https://b.invalid/"),
    ]
    report = check(*refs)
    assert codes(report) == ["RK501", "RK501"] and report.notes == []


def test_when_no_host_resolves_the_machine_is_probably_offline() -> None:
    report = check(
        image("http://a.invalid/x.png"), image("http://a.invalid/y.png"), link("https://b.invalid/")
    )
    assert codes(report) == ["RK503", "RK503", "RK503"]
    assert "offline" in report.notes[0]


def test_a_closed_port_is_broken(server: Server) -> None:
    port = server.port
    server.stop()
    report = check(image(f"http://127.0.0.1:{port}/x.png"), options=evolve(FAST, max_retries=1))
    assert codes(report) == ["RK501"]
    assert "connection refused" in report.diagnostics[0].message


def test_user_agent_and_per_host_headers_are_sent(server: Server) -> None:
    from recapkit.lint.remote.options import HostHeaders

    url = server.route("/a.png")
    options = evolve(
        FAST,
        user_agent="recap-bot/1",
        headers=(HostHeaders("127.0.0.1", (("Authorization", "Bearer t"),)),),
    )
    check(image(url), options=options)
    [seen] = server.hits()
    assert seen.headers["User-Agent"] == "recap-bot/1"
    assert seen.headers["Authorization"] == "Bearer t"


def test_headers_for_one_host_are_not_sent_after_a_redirect_to_another(server: Server) -> None:
    from recapkit.lint.remote.options import HostHeaders

    with serving("127.0.0.2") as other:
        other.route("/b.png")
        start = server.route("/a.png", Reply(302, b"", {"Location": other.url("/b.png")}))
        options = evolve(
            FAST, headers=(HostHeaders("127.0.0.1", (("Authorization", "Bearer t"),)),)
        )
        assert check(image(start), options=options).diagnostics == []
        [seen] = other.hits()
    assert "Authorization" not in seen.headers


def test_a_hotlink_block_is_proven_with_the_sites_referer(server: Server) -> None:
    placeholder = PNG + b"placeholder"
    url = server.route("/wx.png", Reply(200, placeholder), Reply(200, PNG))
    options = evolve(FAST, site_url="https://blog.example.com/", hotlink_hosts=("127.0.0.1",))
    [diagnostic] = check(image(url), options=options).diagnostics
    assert diagnostic.code == "RK501" and "hotlink" in diagnostic.message
    with_referer, without = server.hits()
    assert with_referer.headers["Referer"] == "https://blog.example.com/"
    assert "Referer" not in without.headers


def test_a_hotlink_host_that_serves_the_same_image_passes(server: Server) -> None:
    url = server.route("/fine.png")
    options = evolve(FAST, site_url="https://blog.example.com/", hotlink_hosts=("127.0.0.1",))
    assert check(image(url), options=options).diagnostics == []


def test_offline_options_request_nothing(server: Server) -> None:
    url = server.route("/a.png")
    report = check(image(url), options=evolve(FAST, enabled=False))
    assert report.diagnostics == [] and server.hits() == []
    assert report.summary.skipped == 1


def test_per_host_concurrency_is_respected(server: Server) -> None:
    urls = [server.route(f"/p{n}.png", Reply(delay=0.2)) for n in range(6)]
    started = time.monotonic()
    check(
        *(image(u, line=n) for n, u in enumerate(urls)),
        options=evolve(FAST, per_host_concurrency=2),
    )
    assert time.monotonic() - started >= 0.55  # 3 rounds of 0.2 s, not 1


def test_the_summary_line_counts_unique_urls(server: Server) -> None:
    ok, gone = server.route("/ok.png"), server.route("/gone.png", NOT_FOUND)
    line = check(image(ok), image(ok, line=5), image(gone)).summary.summary_line()
    assert line.startswith(
        "remote: 2 unique URLs checked (0 from cache), 1 broken, 0 unverified, 0 skipped in "
    )
