"""The state of one URL's check (:class:`Probe`), a step's outcome, and judging what was read."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

from attrs import define, field, frozen
from requests.cookies import RequestsCookieJar

from recapkit.lint.remote.cookies import chain_jar, cookie_header
from recapkit.lint.remote.results import CheckResult, Outcome
from recapkit.lint.remote.sniff import SNIFF_BYTES, looks_like_html, sniff_image


@frozen
class Hop:
    """One request of a redirect chain: its URL and the ``Cookie`` header it carries."""

    url: str
    cookies: str = ""


@define
class Probe:
    """The mutable state of one unique URL's check; owned by one worker at a time."""

    url: str
    is_image: bool
    referer: str | None = None
    """Set while proving a hotlink block: this request carries the site as Referer."""
    current: str = ""
    method: str = "GET"
    hops: list[Hop] = field(factory=list)
    """The requests of the redirect chain so far: the last one is :attr:`current`."""
    retries: int = 0
    use_range: bool = True
    cookies: RequestsCookieJar = field(factory=chain_jar)
    prefix: bytes = b""
    with_referer: tuple[CheckResult, bytes] | None = None
    result: CheckResult | None = None
    answered: bool = False
    private: bool = False
    """Some hop resolved to a non-global address (allowed by ``--allow-private``)."""
    by_accept: bool = False
    """Some answer was a non-2xx status that ``--accept`` counts as fine."""

    def __attrs_post_init__(self) -> None:
        self.restart()

    def restart(self) -> None:
        self.current = self.url
        self.cookies = chain_jar()
        self.hops = [Hop(self.url)]
        self.method = "GET" if self.is_image else "HEAD"
        self.retries = 0

    @property
    def host(self) -> str:
        return (urlsplit(self.current).hostname or "").lower()

    def hop_to(self, target: str) -> Hop:
        """The request a redirect to *target* makes next, with the cookies the chain has now."""
        return Hop(target, cookie_header(self.cookies, target))

    def loop_to(self, hop: Hop) -> list[str] | None:
        """The URLs of the loop *hop* closes, or None.

        A loop repeats a request: the same URL *and* the same cookies. A redirect to the same
        URL that sets a cookie is a new request (a login or consent wall), as for browsers.
        """
        if hop not in self.hops:
            return None
        return [seen.url for seen in self.hops[self.hops.index(hop) :]] + [hop.url]

    def go_to(self, hop: Hop) -> None:
        self.hops.append(hop)
        self.current = hop.url


@frozen
class Step:
    """After a request: done, or try again after *delay* (and pause the host for *pause*)."""

    done: bool
    delay: float = 0.0
    pause: float = 0.0


DONE = Step(done=True)
AGAIN = Step(done=False)


def read_prefix(pieces: Iterator[bytes], *, full: bool) -> bytes:
    """The first :data:`SNIFF_BYTES` of a body, or all of a shorter one.

    *pieces* are the bytes as they arrive, in pieces of any size: gather them, and stop as
    soon as they decide (magic bytes prove an image, or an HTML page starts), so that a body
    that stalls after them is judged at once. Unless *full*: the hotlink proof compares
    equally long prefixes of two answers.
    """
    prefix = b""
    for piece in pieces:
        prefix += piece
        if len(prefix) >= SNIFF_BYTES or (not full and _decided(prefix)):
            break
    return prefix[:SNIFF_BYTES]


def _decided(prefix: bytes) -> bool:
    """Whether more bytes could not change the verdict: an image, or the start of a page."""
    return sniff_image(prefix) is not None or looks_like_html(prefix)


def hotlink_verdict(
    with_referer: tuple[CheckResult, bytes], without: tuple[CheckResult, bytes], site: str | None
) -> CheckResult:
    """What a reader on *site* gets, judged against what a Referer-less request gets."""
    (ours, our_bytes), (plain, plain_bytes) = with_referer, without
    if plain.outcome is not Outcome.OK:
        return ours if ours.outcome is not Outcome.OK else plain
    if ours.outcome is not Outcome.OK:
        return CheckResult(
            Outcome.BROKEN,
            f"hotlink protection: refused when the Referer is {site} ({ours.detail})",
        )
    if our_bytes != plain_bytes:
        return CheckResult(
            Outcome.BROKEN,
            f"hotlink protection: serves a different image (a placeholder) when the Referer is {site}",
        )
    return ours
