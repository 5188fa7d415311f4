"""Which URLs of a post are checked, and where their diagnostics point."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from recapkit.lint.remote.refs import refs_from_post, remote_url
from recapkit.ssg.posts import parse_post

POST = """\
---
title: "GopherCon recap"
cover: https://img.example.com/cover.png
recap:
  talks:
    - title: Generics
      slides: https://slides.example.com/generics
      video: "https://youtu.be/abc#t=10"
---
Intro ![stage](https://img.example.com/stage.jpg) and [the deck](https://slides.example.com/generics).

<img src="//cdn.example.com/x.webp" alt="x"> [about](/about/) ![local](images/a.png)
"""


def positions(include_links: bool) -> list[tuple[str, int, int, bool]]:
    post = parse_post(POST, "content/post.md")
    return [
        (r.url, r.line, r.column, r.is_image)
        for r in refs_from_post(post, include_links=include_links)
    ]


def test_images_from_body_and_front_matter() -> None:
    assert positions(include_links=False) == [
        ("https://img.example.com/cover.png", 2, 7, True),
        ("https://img.example.com/stage.jpg", 9, 6, True),
        ("https://cdn.example.com/x.webp", 11, 0, True),
    ]


def test_links_add_body_links_and_front_matter_urls() -> None:
    links = [p for p in positions(include_links=True) if not p[3]]
    assert links == [
        ("https://slides.example.com/generics", 9, 54, False),
        ("https://slides.example.com/generics", 6, 14, False),
        ("https://youtu.be/abc", 7, 14, False),  # the fragment is never sent
    ]


def test_remote_url_keeps_only_checkable_urls() -> None:
    assert remote_url("//cdn.example.com/a.png") == "https://cdn.example.com/a.png"
    assert remote_url(" HTTP://Example.com ") == "http://Example.com/"
    for not_remote in (
        "/images/a.png",
        "mailto:a@b.c",
        "ftp://x/y",
        "{{ site.url }}/a.png",
        "http://",
        "http://[::1",
    ):
        assert remote_url(not_remote) is None


@given(st.text(max_size=60))
@settings(max_examples=100, deadline=None)
def test_remote_url_never_raises_and_is_idempotent(text: str) -> None:
    url = remote_url(text)
    if url is not None:
        assert url.startswith(("http://", "https://"))
        assert remote_url(url) == url
