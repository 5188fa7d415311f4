"""One HTTP request at a time for one URL: :class:`~recapkit.lint.remote.probe.Probe` is the state,
:meth:`Prober.step` the move.

A check is a short state machine (HEAD or GET, redirects, retries, the hotlink Referer proof)
advanced one request per :meth:`Prober.step`. Between steps the URL goes back to the
scheduler, so every hop and every retry waits for a free slot of *its* host, and a worker never
sleeps through a backoff while other hosts have work.
"""

from __future__ import annotations

import random
import socket
import threading
from urllib.parse import urljoin, urlsplit

import requests
from attrs import evolve

from recapkit.lint.remote.cookies import cookie_header, remember
from recapkit.lint.remote.deadline import Watch, Watchdog, current_expired
from recapkit.lint.remote.options import RemoteOptions
from recapkit.lint.remote.probe import AGAIN, DONE, Probe, Step, hotlink_verdict, read_prefix
from recapkit.lint.remote.refs import remote_url
from recapkit.lint.remote.results import CheckResult, Outcome
from recapkit.lint.remote.retry import (
    RATE_LIMIT_STATUSES,
    RETRY_STATUSES,
    parse_retry_after,
    retry_wait,
)
from recapkit.lint.remote.safety import (
    AddressRefused,
    HostNotFound,
    check_addresses,
    find_in_chain,
    is_connection_refused,
    resolve,
)
from recapkit.lint.remote.sniff import SNIFF_BYTES, image_verdict
from recapkit.lint.remote.transport import (
    ack_now,
    arriving,
    body_error_detail,
    connection_detail,
    release_body,
    short_error,
    tls_detail,
)

MAX_REDIRECTS = 5
_IMAGE_ACCEPT = "image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8"
_LINK_ACCEPT = "text/html,application/xhtml+xml,*/*;q=0.8"
_UNVERIFIABLE = frozenset({401, 403, 407})


class Prober:
    """Makes one request of a :class:`Probe` per :meth:`step`; thread-safe."""

    def __init__(self, options: RemoteOptions, session: requests.Session) -> None:
        self.options = options
        self.session = session
        self._addresses: dict[tuple[str, int], list[str] | HostNotFound] = {}
        self._resolving: dict[tuple[str, int], threading.Lock] = {}
        self._lock = threading.Lock()
        self._rng = random.Random()
        self._watchdog = Watchdog()
        # The whole of one request, connection to last byte read (see recapkit.lint.remote.deadline).
        self._deadline = options.connect_timeout + options.timeout

    def close(self) -> None:
        self._watchdog.close()

    def start(self, url: str, *, is_image: bool) -> Probe:
        host = (urlsplit(url).hostname or "").lower()
        referer = self.options.referer_for(host) if is_image else None
        return Probe(url, is_image, referer=referer)

    def step(self, probe: Probe) -> Step:
        refused = self._address_problem(probe)
        if refused is not None:
            return refused
        with self._watchdog.limit(self._deadline) as watch:
            return self._request(probe, watch)

    def _request(self, probe: Probe, watch: Watch) -> Step:
        timed_out = f"timed out (no complete answer within {self._deadline:g} s)"
        try:
            response = self.session.request(
                probe.method,
                probe.current,
                headers=self._headers(probe),
                timeout=(self.options.connect_timeout, self.options.timeout),
                allow_redirects=False,
                stream=True,
            )
        except AddressRefused as exc:
            return self._skip(probe, f"connected to {exc.kind} address {exc.address}")
        except requests.RequestException as exc:
            if watch.expired:
                return self._failed(probe, timed_out, Outcome.UNVERIFIED)
            return self._request_failed(probe, exc)
        probe.answered = True
        probe.private = probe.private or watch.reached_private()
        try:
            if watch.expired:  # cut mid-headers: urllib3 keeps what it got; trust none of it
                return self._failed(probe, timed_out, Outcome.UNVERIFIED)
            return self._answer(probe, response)
        except (requests.RequestException, OSError) as exc:  # the body broke off mid-read
            detail = timed_out if watch.expired else body_error_detail(exc)
            return self._failed(probe, detail, Outcome.UNVERIFIED)
        finally:
            response.close()

    # -- before the request ------------------------------------------------------------

    def _address_problem(self, probe: Probe) -> Step | None:
        parts = urlsplit(probe.current)
        host = (parts.hostname or "").lower()
        port = parts.port or (443 if parts.scheme == "https" else 80)
        try:
            check_addresses(self._resolve(host, port))
        except AddressRefused as exc:
            if self.options.allow_private:
                probe.private = True  # allowed, but remembered: see CheckResult.private
                return None
            return self._skip(probe, f"resolves to {exc.kind} address {exc.address}")
        except HostNotFound as exc:
            self._finish(probe, Outcome.BROKEN, str(exc))
            probe.result = evolve(probe.result, host_not_found=True) if probe.result else None
            return DONE
        except (OSError, UnicodeError) as exc:
            return self._failed(
                probe, f"DNS lookup of {host} failed ({short_error(exc)})", Outcome.UNVERIFIED
            )
        return None

    def _resolve(self, host: str, port: int) -> list[str]:
        """Resolve once per host and run: other URLs of the host wait for the first lookup.

        A name that does not exist is remembered too (a post may link a dead domain 100
        times); a transient failure is not, so that a retry asks again.
        """
        key = (host, port)
        with self._lock:
            lock = self._resolving.setdefault(key, threading.Lock())
        with lock:
            known = self._addresses.get(key)
            if known is None:
                try:
                    known = resolve(host, port)
                except HostNotFound as exc:
                    known = exc
                self._addresses[key] = known
        if isinstance(known, HostNotFound):
            raise known
        return known

    def _headers(self, probe: Probe) -> dict[str, str]:
        headers = {
            "User-Agent": self.options.user_agent,
            "Accept": _IMAGE_ACCEPT if probe.is_image else _LINK_ACCEPT,
        }
        if probe.is_image:
            headers["Accept-Encoding"] = "identity"  # the magic bytes, not gzip's
            if probe.use_range:  # servers that honour it send just the prefix: connection reused
                headers["Range"] = f"bytes=0-{SNIFF_BYTES - 1}"
        if probe.referer:
            headers["Referer"] = probe.referer
        if cookies := cookie_header(probe.cookies, probe.current):
            headers["Cookie"] = cookies
        headers.update(self.options.headers_for(probe.host))
        return headers

    # -- after the request -------------------------------------------------------------

    def _request_failed(self, probe: Probe, exc: requests.RequestException) -> Step:
        if isinstance(exc, requests.exceptions.SSLError):
            return self._finish(probe, Outcome.BROKEN, tls_detail(exc))
        if isinstance(exc, requests.Timeout):
            return self._failed(probe, "timed out", Outcome.UNVERIFIED)
        gai = find_in_chain(exc, socket.gaierror)
        if isinstance(gai, socket.gaierror) and gai.errno == socket.EAI_NONAME:
            return self._finish(probe, Outcome.BROKEN, f"host {probe.host} not found")
        if is_connection_refused(exc):
            return self._failed(probe, "connection refused", Outcome.BROKEN)
        if isinstance(exc, requests.ConnectionError | requests.exceptions.ChunkedEncodingError):
            return self._failed(probe, connection_detail(exc), Outcome.UNVERIFIED)
        return self._finish(probe, Outcome.BROKEN, f"invalid request ({short_error(exc)})")

    def _answer(self, probe: Probe, response: requests.Response) -> Step:
        remember(probe.cookies, response)
        status = response.status_code
        if 300 <= status < 400 and status != 304 and not self._accepted(status):
            return self._redirect(probe, response)
        if self._accepted(status):
            if 200 <= status < 300:
                return self._success(probe, response)
            release_body(response, b"")  # the user accepts this status as it is: no sniffing
            probe.by_accept = True
            return self._finish(probe, Outcome.OK, f"{status} accepted")
        if status == 416 and probe.use_range:  # an empty file, or a server confused by Range
            probe.use_range = False
            return AGAIN
        if probe.method == "HEAD" and status not in RATE_LIMIT_STATUSES:
            probe.method = "GET"  # HEAD refused (405, 403, 501...) or wrong: GET decides
            return AGAIN
        return self._error_status(probe, response)

    def _accepted(self, status: int) -> bool:
        """``--accept`` (default: any 2xx); a 206 answers our own Range request, so it counts
        as the 200 the user would see."""
        return self.options.accepts(200 if status == 206 else status)

    def _success(self, probe: Probe, response: requests.Response) -> Step:
        if probe.method == "HEAD" or not probe.is_image:
            release_body(response, b"")
            return self._finish(probe, Outcome.OK)
        ack_now(response)
        proving = probe.referer is not None or probe.with_referer is not None
        probe.prefix = read_prefix(arriving(response, SNIFF_BYTES), full=proving)
        if current_expired():  # cut by the deadline: the prefix may be short, judge nothing
            raise requests.Timeout("deadline passed while reading the body")
        release_body(response, probe.prefix)
        verdict = image_verdict(response.headers.get("Content-Type"), probe.prefix)
        if verdict:
            return self._finish(probe, Outcome.NOT_IMAGE, f"{response.status_code} but {verdict}")
        return self._finish(probe, Outcome.OK)

    def _error_status(self, probe: Probe, response: requests.Response) -> Step:
        status = response.status_code
        label = f"{status} {response.reason or ''}".strip()
        release_body(response, b"")
        if status in RETRY_STATUSES and probe.retries < self.options.max_retries:
            after = parse_retry_after(response.headers.get("Retry-After"))
            wait = retry_wait(
                after,
                probe.retries,
                base=self.options.backoff_base,
                cap=self.options.max_retry_wait,
                rng=self._rng,
            )
            probe.retries += 1
            return Step(
                done=False, delay=wait, pause=wait if status in RATE_LIMIT_STATUSES else 0.0
            )
        if status in RETRY_STATUSES:
            outcome = (
                Outcome.UNVERIFIED if status in (408, *RATE_LIMIT_STATUSES) else Outcome.BROKEN
            )
            return self._finish(probe, outcome, f"{label} after {probe.retries} retries")
        if status in _UNVERIFIABLE:
            return self._finish(
                probe, Outcome.UNVERIFIED, f"{label} (the server refuses the checker)"
            )
        return self._finish(probe, Outcome.BROKEN, label)

    def _redirect(self, probe: Probe, response: requests.Response) -> Step:
        location = response.headers.get("Location")
        release_body(response, b"")
        if not location:
            return self._finish(
                probe, Outcome.BROKEN, f"{response.status_code} redirect without a Location"
            )
        target = remote_url(urljoin(probe.current, location))
        if target is None:
            return self._finish(
                probe, Outcome.UNVERIFIED, f"redirects to a non-HTTP URL {location}"
            )
        hop = probe.hop_to(target)
        if loop := probe.loop_to(hop):
            return self._finish(probe, Outcome.BROKEN, f"redirect loop: {' -> '.join(loop)}")
        if len(probe.hops) > MAX_REDIRECTS:
            return self._finish(probe, Outcome.BROKEN, f"more than {MAX_REDIRECTS} redirects")
        probe.go_to(hop)
        if response.status_code == 303:
            probe.method = "GET"
        return AGAIN

    # -- outcomes ----------------------------------------------------------------------

    def _failed(self, probe: Probe, detail: str, final: Outcome) -> Step:
        """A request that failed without an answer: GET after HEAD, retry with backoff, or give up."""
        if probe.method == "HEAD":
            probe.method = "GET"
            return AGAIN
        if probe.retries < self.options.max_retries:
            wait = retry_wait(
                None,
                probe.retries,
                base=self.options.backoff_base,
                cap=self.options.max_retry_wait,
                rng=self._rng,
            )
            probe.retries += 1
            return Step(done=False, delay=wait)
        suffix = f" after {probe.retries} retries" if probe.retries else ""
        return self._finish(probe, final, detail + suffix)

    def _skip(self, probe: Probe, detail: str) -> Step:
        return self._finish(probe, Outcome.SKIPPED, f"{detail} (use --allow-private to check it)")

    def _finish(self, probe: Probe, outcome: Outcome, detail: str = "") -> Step:
        redirect_problem = detail.startswith(("redirect loop", "more than"))
        if (
            len(probe.hops) > 1
            and outcome in (Outcome.BROKEN, Outcome.NOT_IMAGE)
            and not redirect_problem
        ):
            detail += f" (after redirect to {probe.current})"
        result = CheckResult(outcome, detail, answered=probe.answered, private=probe.private)
        if probe.referer and probe.with_referer is None:
            # Proving a hotlink block: now ask again without the Referer and compare.
            probe.with_referer = (result, probe.prefix)
            probe.referer, probe.prefix = None, b""
            probe.restart()
            return AGAIN
        if probe.with_referer is not None:
            result = hotlink_verdict(
                probe.with_referer, (result, probe.prefix), self.options.site_url
            )
            result = evolve(result, answered=probe.answered, private=probe.private)
        probe.result = evolve(result, cacheable=not probe.by_accept)
        return DONE
