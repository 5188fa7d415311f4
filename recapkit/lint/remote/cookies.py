"""The cookies of one check's redirect chain: kept across its hops, sent as browsers send them.

A chain starts with an empty jar (:func:`chain_jar`), every answer may add to it or delete
from it (:func:`remember`), and every request carries what the jar holds for its URL
(:func:`cookie_header`): by the cookie's domain and path, ``Secure`` ones over https only, and
one set without a ``Domain`` only to the host that set it (RFC 6265; the standard library's
default would also send it to that host's subdomains). A login wall that answers ``302`` to
the same URL with ``Set-Cookie`` is then followed as curl and browsers follow it. Nothing
outlives the chain: the session keeps no cookies, so no other URL's check and no other host
sees them.
"""

from __future__ import annotations

from http.cookiejar import DefaultCookiePolicy

import requests
from requests.cookies import RequestsCookieJar, extract_cookies_to_jar, get_cookie_header

_POLICY = DefaultCookiePolicy(strict_ns_domain=DefaultCookiePolicy.DomainStrictNonDomain)


def chain_jar() -> RequestsCookieJar:
    return RequestsCookieJar(policy=_POLICY)


def remember(jar: RequestsCookieJar, response: requests.Response) -> None:
    """Take the ``Set-Cookie`` headers of *response* into *jar*, as far as its policy allows."""
    # (types-requests leaves this and get_cookie_header unannotated)
    extract_cookies_to_jar(jar, response.request, response.raw)  # type: ignore[no-untyped-call]


def cookie_header(jar: RequestsCookieJar, url: str) -> str:
    """The ``Cookie`` header a request to *url* carries ("" for none)."""
    if not len(jar):  # most chains set none: skip preparing a request
        return ""
    try:
        request = requests.Request("GET", url).prepare()
    except requests.RequestException:
        return ""  # a URL requests cannot prepare fails on its own when requested
    header: str | None = get_cookie_header(jar, request)  # type: ignore[no-untyped-call]
    return header or ""
