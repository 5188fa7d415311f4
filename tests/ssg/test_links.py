"""Which file and fragment a link to another post names (recapkit.ssg.links and each
generator's ``linked_heading``)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from hypothesis import given
from hypothesis import strategies as st

from recapkit.ssg import registry
from recapkit.ssg.links import LinkedHeading, relative_markdown, split_fragment

ROOT = Path("/site")


def linked(ssg: str, source: str, url: str) -> LinkedHeading | None:
    generator = registry.get(ssg)
    site = generator.site(ROOT, {}, None)
    return generator.linked_heading(site, ROOT / source, url)


_PATHS = st.text(
    st.characters(blacklist_characters="#\x00", blacklist_categories=("Cs",)), min_size=1
)


@given(_PATHS.filter(lambda p: p.strip()), st.text(min_size=1).filter(lambda f: "\x00" not in f))
def test_a_fragment_is_split_off_and_percent_decoded(path: str, fragment: str) -> None:
    encoded = quote(fragment, safe="", errors="surrogatepass")
    assert split_fragment(f"{path}#{encoded}") == (path.strip(), fragment)


def test_only_relative_links_to_markdown_files_name_a_post() -> None:
    source = ROOT / "content/posts/new.md"
    found = relative_markdown(source, "../2021/old%20one.md#%E5%AE%89%E8%A3%85-go")
    assert found == LinkedHeading((ROOT / "content/posts/../2021/old one.md",), "安装-go")
    for url in (
        "https://x.org/a.md#b",
        "/posts/a.md#b",
        "a.md",
        "a.md#",
        "a/#b",
        "#b",
        "mailto:a.md#b",
    ):
        assert relative_markdown(source, url) is None


def test_hugo_ref_looks_beside_the_page_then_in_the_content_folder() -> None:
    found = linked("hugo", "content/posts/new.md", '{{< ref "old#x" >}}')
    assert found is not None and found.fragment == "x"
    assert found.candidates[:4] == (
        ROOT / "content/posts/old.md",
        ROOT / "content/posts/old/index.md",
        ROOT / "content/posts/old/_index.md",
        ROOT / "content/old.md",
    )
    absolute = linked("hugo", "content/posts/new.md", '{{% relref "/blog/a.md" %}}#%E9%97%AE')
    assert absolute == LinkedHeading((ROOT / "content/blog/a.md",), "问")
    assert linked("hugo", "content/posts/new.md", '{{< ref "old" >}}') is None  # no fragment
    assert linked("hugo", "content/posts/new.md", "old.md#y") is not None  # a file link too


def test_jekyll_post_url_names_the_files_post_comparer_matches() -> None:
    url = "{{ site.url }}{{ site.baseurl }}{% post_url /dir/2021-06-28-a %}#q"
    found = linked("jekyll", "_posts/new.md", url)
    assert found == LinkedHeading(
        (
            ROOT / "_posts/dir/2021-06-28-a.md",
            ROOT / "_posts/dir/2021-06-28-a.markdown",
            ROOT / "dir/_posts/2021-06-28-a.md",
            ROOT / "dir/_posts/2021-06-28-a.markdown",
        ),
        "q",
    )
    assert linked("jekyll", "_posts/new.md", "{% post_url 2021-06-28-a %}") is None


def test_zola_leaves_its_internal_links_to_zola() -> None:
    assert linked("zola", "content/blog/new.md", "@/blog/old.md#x") is None
    assert linked("zola", "content/blog/new.md", "old.md#x") is None


def test_hexo_post_link_reads_the_slug_as_new_post_name_says(tmp_path: Path) -> None:
    from recapkit.ssg.hexo_names import slug_files

    posts = tmp_path / "source" / "_posts"
    for name in ("2021-06-28-old.md", "a/2021-06-29-old.md", "old.md", "2021-06-28-older.md"):
        (posts / name).parent.mkdir(parents=True, exist_ok=True)
        (posts / name).write_text("---\ntitle: t\n---\n", "utf-8")
    dated = {"new_post_name": ":year-:month-:day-:title.md"}
    # `old.md` does not fit the pattern and is slugized to `old` too: two posts, none followed.
    assert slug_files(posts, dated, "old") == ()
    assert slug_files(posts, dated, "older") == (posts / "2021-06-28-older.md",)
    # A path the pattern does not match: Hexo slugizes the whole path (processor/post.js).
    assert slug_files(posts, dated, "a-2021-06-29-old") == (posts / "a/2021-06-29-old.md",)
    assert slug_files(posts, dated, "a/old") == ()
    assert slug_files(posts, {}, "old") == (posts / "old.md", posts / "old.markdown")
    tag = "{% post_link old#%E9%97%AE 'x' %}"
    assert linked("hexo", "source/_posts/new.md", tag) == LinkedHeading(
        (ROOT / "source/_posts/old.md", ROOT / "source/_posts/old.markdown"), "问"
    )
