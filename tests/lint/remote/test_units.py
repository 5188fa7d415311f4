"""Unit tests of the remote checker's parts: sniffing, Retry-After, backoff, addresses, scheduling,
cookies."""

from __future__ import annotations

import itertools
import random
import socket
import threading
import time
from email.utils import formatdate

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from requests.cookies import create_cookie

from recapkit.lint.remote.cookies import chain_jar, cookie_header
from recapkit.lint.remote.limiter import HostScheduler
from recapkit.lint.remote.retry import backoff_delay, parse_retry_after, retry_wait
from recapkit.lint.remote.safety import AddressRefused, address_kind, check_addresses
from recapkit.lint.remote.sniff import image_verdict, sniff_image

# -- sniff -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "png"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "jpeg"),
        (b"GIF89a\x01\x00", "gif"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "webp"),
        (b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1", "avif"),
        (b"\x00\x00\x00\x20ftypmif1\x00\x00\x00\x00mif1avif", "avif"),
        (b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>', "svg"),
        (b"\xef\xbb\xbf  <svg viewBox='0 0 1 1'></svg>", "svg"),
        (b"<!DOCTYPE html><html><svg></svg></html>", None),
        (b"\x00\x00\x00\x1cftypisom\x00\x00\x02\x00isomiso2", None),  # an MP4 video
        (b"", None),
    ],
)
def test_sniff_image_knows_the_common_formats(data: bytes, expected: str | None) -> None:
    assert sniff_image(data) == expected


def test_image_verdict_prefers_bytes_and_names_what_was_served() -> None:
    assert image_verdict("application/octet-stream", b"\x89PNG\r\n\x1a\n") is None
    assert image_verdict("image/tiff", b"II*\x00") is None  # unsniffed format: trust the type
    assert "HTML" in (image_verdict("image/png", b"<!doctype html><p>login</p>") or "")
    assert image_verdict("application/json", b'{"error": 1}') == "it serves application/json"
    assert "empty" in (image_verdict("image/png", b"") or "")


@given(st.binary(max_size=600))
@settings(max_examples=100, deadline=None)
def test_sniffing_never_fails_on_any_bytes(data: bytes) -> None:
    sniff_image(data)
    image_verdict("text/plain", data)


# -- retry -----------------------------------------------------------------------------


def test_retry_after_in_seconds_and_dates() -> None:
    now = 1_700_000_000.0
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after(" 0 ") == 0.0
    assert parse_retry_after(formatdate(now + 30, usegmt=True), now=now) == pytest.approx(30.0)
    assert parse_retry_after(formatdate(now - 30, usegmt=True), now=now) == 0.0
    for junk in (None, "", "soon", "-5", "1.5e3", "Wed, 99 Foo 2024"):
        assert parse_retry_after(junk) is None


@given(st.integers(min_value=0, max_value=10**9))
@settings(max_examples=50, deadline=None)
def test_retry_after_seconds_round_trip(seconds: int) -> None:
    assert parse_retry_after(str(seconds)) == float(seconds)


@given(st.text(max_size=40))
@settings(max_examples=100, deadline=None)
def test_retry_after_never_raises(value: str) -> None:
    result = parse_retry_after(value)
    assert result is None or result >= 0


@given(
    st.integers(min_value=0, max_value=100),
    st.floats(min_value=0.001, max_value=5),
    st.floats(min_value=0.01, max_value=60),
)
@settings(max_examples=100, deadline=None)
def test_backoff_grows_is_capped_and_jittered(attempt: int, base: float, cap: float) -> None:
    delay = backoff_delay(attempt, base=base, cap=cap, rng=random.Random(attempt))
    raw = min(cap, base * 2**attempt)
    assert raw / 2 <= delay <= raw


def test_retry_wait_caps_retry_after() -> None:
    rng = random.Random(1)
    assert retry_wait(3600, 0, base=0.5, cap=30, rng=rng) == 30
    assert retry_wait(2, 0, base=0.5, cap=30, rng=rng) == 2


# -- safety ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("10.1.2.3", "private"),
        ("192.168.0.10", "private"),
        ("172.16.5.4", "private"),
        ("169.254.169.254", "link-local"),  # the cloud metadata service
        ("fe80::1", "link-local"),
        ("fd12:3456::1", "unique-local"),
        ("224.0.0.1", "multicast"),
        ("ff02::1", "multicast"),
        ("::ffff:127.0.0.1", "loopback"),
        ("0.0.0.0", "private"),
        ("100.64.0.1", "non-global"),
        ("93.184.216.34", None),
        ("2606:2800:220:1::", None),
    ],
)
def test_address_kinds(address: str, kind: str | None) -> None:
    assert address_kind(address) == kind


def test_one_private_address_among_public_ones_is_refused() -> None:
    check_addresses(["93.184.216.34"])
    with pytest.raises(AddressRefused, match=r"private address 10\.0\.0\.1"):
        check_addresses(["93.184.216.34", "10.0.0.1"])


# -- limiter ---------------------------------------------------------------------------


def drain(
    scheduler: HostScheduler[int], workers: int, work: float, order: list[str] | None = None
) -> dict[str, int]:
    """Run the queue with *workers* threads; the peak concurrency per host (and, in *order*,
    the host of each task in the order they started)."""
    peak: dict[str, int] = {}
    active: dict[str, int] = {}
    lock = threading.Lock()

    def run() -> None:
        while (taken := scheduler.take()) is not None:
            host, _ = taken
            with lock:
                active[host] = active.get(host, 0) + 1
                peak[host] = max(peak.get(host, 0), active[host])
                if order is not None:
                    order.append(host)
            time.sleep(work)
            with lock:
                active[host] -= 1
            scheduler.done(host)

    threads = [threading.Thread(target=run) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(5)
    return peak


def test_scheduler_caps_each_host_and_keeps_other_hosts_busy() -> None:
    scheduler: HostScheduler[int] = HostScheduler(per_host=2)
    for n in range(12):
        scheduler.put("slow.example" if n < 8 else "fast.example", n)
    order: list[str] = []
    peak = drain(scheduler, workers=8, work=0.05, order=order)
    assert peak == {"slow.example": 2, "fast.example": 2}
    # The fast host's tasks start alongside the slow host's first round, not after its 4 rounds
    # (an order, not a time: CI machines are too loaded for wall-clock bounds).
    assert order[:4].count("fast.example") == 2
    assert order.index("fast.example") < 4


def test_scheduler_interval_and_pause_delay_a_host() -> None:
    scheduler: HostScheduler[int] = HostScheduler(per_host=4, interval=0.05)
    starts: list[float] = []
    for n in range(4):
        scheduler.put("h", n)
    while (taken := scheduler.take()) is not None:
        starts.append(time.monotonic())
        scheduler.done(taken[0])
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    assert all(gap >= 0.045 for gap in gaps)
    paused: HostScheduler[int] = HostScheduler(per_host=1)
    paused.pause("h", 0.1)
    paused.put("h", 1)
    began = time.monotonic()
    assert paused.take() == ("h", 1)
    assert time.monotonic() - began >= 0.095


def test_scheduler_returns_none_when_all_is_done_or_closed() -> None:
    scheduler: HostScheduler[int] = HostScheduler(per_host=1)
    assert scheduler.take() is None
    scheduler.put("h", 1, not_before=time.monotonic() + 60)
    threading.Timer(0.05, scheduler.close).start()
    assert scheduler.take() is None


# -- progress --------------------------------------------------------------------------


def test_progress_is_shown_only_on_a_terminal_outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from recapkit.lint.remote.progress import progress_bar, progress_wanted

    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
    assert not progress_wanted(True)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert progress_wanted(True)
    assert not progress_wanted(False)  # --quiet
    monkeypatch.setenv("CI", "true")
    assert not progress_wanted(True)
    with progress_bar(3, enabled=True) as advance:  # hidden: a no-op that still counts nothing
        advance()


# -- deadline --------------------------------------------------------------------------


def test_a_watch_cuts_a_read_that_outlives_its_deadline() -> None:
    from recapkit.lint.remote.deadline import Watchdog, attach_to_current, current_expired

    watchdog = Watchdog()
    ours, theirs = socket.socketpair()
    ours.settimeout(5)  # a broken watchdog fails the test instead of hanging it
    try:
        started = time.monotonic()
        with watchdog.limit(0.2) as watch:
            attach_to_current(ours)
            theirs.sendall(b"a")  # bytes keep coming, so no read timeout would ever fire...
            assert ours.recv(1) == b"a"
            assert ours.recv(1) == b""  # ...but the deadline ends the next read with EOF
            assert current_expired() and watch.expired
        assert (
            0.15 < time.monotonic() - started < 3.0
        )  # cut by the 0.2 s deadline, not the 5 s timeout
        assert not current_expired()  # outside the request: no deadline
    finally:
        watchdog.close()
        ours.close()
        theirs.close()


def test_a_finished_watch_leaves_its_sockets_alone() -> None:
    from recapkit.lint.remote.deadline import Watchdog, attach_to_current

    watchdog = Watchdog()
    ours, theirs = socket.socketpair()
    try:
        with watchdog.limit(0.05) as watch:
            attach_to_current(ours)
        time.sleep(0.15)  # the deadline passes after the request ended (pooled connection)
        theirs.sendall(b"still open")
        assert ours.recv(32) == b"still open" and not watch.expired
    finally:
        watchdog.close()
        ours.close()
        theirs.close()


# -- cookies -----------------------------------------------------------------------------


def test_a_chains_cookies_go_where_browsers_send_them() -> None:
    """By domain, path and Secure; without a Domain attribute, to the setting host only.

    (Subdomains need host names, which loopback servers do not have: hence cookies made here
    as the standard library makes them from ``Set-Cookie`` on https://example.com/.)
    """
    jar = chain_jar()
    host_only = create_cookie("sid", "1", domain="example.com")
    host_only.domain_specified = False  # Set-Cookie: sid=1
    jar.set_cookie(host_only)
    jar.set_cookie(create_cookie("wide", "2", domain=".example.com"))  # Domain=example.com
    jar.set_cookie(create_cookie("safe", "3", domain=".example.com", secure=True))
    jar.set_cookie(create_cookie("deep", "4", domain=".example.com", path="/talks"))
    assert cookie_header(jar, "https://example.com/talks/1") == "deep=4; sid=1; wide=2; safe=3"
    assert cookie_header(jar, "https://cdn.example.com/x.png") == "wide=2; safe=3"
    assert cookie_header(jar, "http://cdn.example.com/x.png") == "wide=2"
    assert cookie_header(jar, "https://example.org/") == ""
    assert cookie_header(chain_jar(), "https://example.com/") == ""
