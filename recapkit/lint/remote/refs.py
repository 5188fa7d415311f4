"""What to check: :class:`RemoteRef`, one occurrence of a remote URL in a post, at its position."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

from attrs import frozen

if TYPE_CHECKING:
    from recapkit.post.types import Post


@frozen
class RemoteRef:
    """One occurrence of a remote URL (0-based positions, like :class:`~recapkit.lint.diagnostics.Diagnostic`)."""

    url: str
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    is_image: bool


def remote_url(raw: str) -> str | None:
    """The URL to request for *raw*, or None when it is not a checkable remote URL.

    Only http(s) (a protocol-relative ``//host/x`` is read as https); template code
    (``{{ site.url }}``) is not a URL yet; the fragment is never sent, so it is dropped and
    ``page#a`` and ``page#b`` are checked once.
    """
    text = raw.strip()
    if text.startswith("//"):
        text = "https:" + text
    if "{{" in text or "{%" in text or any(c in text for c in "\r\n\t"):
        return None
    try:
        parts = urlsplit(text)
        host = parts.hostname
    except ValueError:  # e.g. a malformed IPv6 literal or port
        return None
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    return urlunsplit((parts.scheme.lower(), parts.netloc, parts.path or "/", parts.query, ""))


def refs_from_post(post: Post, *, include_links: bool) -> list[RemoteRef]:
    """The remote images of *post* (body and front matter) and, with *include_links*, its links.

    Links include URLs anywhere in the front matter (a recap's slides and videos), located by
    searching their text inside the front matter block.
    """
    path = str(post.path)
    refs = [
        RemoteRef(url, path, i.line, i.column, i.end_line, i.end_column, True)
        for i in post.images
        if (url := remote_url(i.src))
    ]
    if include_links:
        refs += [
            RemoteRef(url, path, k.line, k.column, k.end_line, k.end_column, False)
            for k in post.links
            if (url := remote_url(k.url))
        ]
        image_urls = {r.url for r in refs if r.is_image}
        refs += _front_matter_links(post, path, image_urls)
    return refs


def _front_matter_links(post: Post, path: str, image_urls: set[str]) -> Iterator[RemoteRef]:
    front = post.front_matter
    if front is None or front.error is not None:
        return
    block = post.text[front.content_span.start : front.content_span.end]
    searched_from: dict[str, int] = {}
    for raw in _strings(front.data):
        url = remote_url(raw)
        if url is None or url in image_urls:  # an image is checked as one already
            continue
        found = block.find(raw, searched_from.get(raw, 0))
        if found == -1:  # written escaped or folded: no reliable position, skip rather than guess
            continue
        searched_from[raw] = found + len(raw)
        start = post.location(front.content_span.start + found)
        end = post.location(front.content_span.start + found + len(raw))
        yield RemoteRef(url, path, start.line, start.column, end.line, end.column, False)


def _strings(value: Any) -> Iterator[str]:
    """Every string in a front matter value, in document order."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)
