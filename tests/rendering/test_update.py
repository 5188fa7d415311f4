"""Generated blocks and ``render --update``: the writer's lines kept byte for byte, the blocks
brought up to date, edits inside a block refused, front matter edited key by key."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recapkit.data.model import Recap, Talk
from recapkit.rendering.blocks import BlockSyntaxError, content_hash, find_blocks, seal
from recapkit.rendering.engine import TemplateError, render
from recapkit.rendering.update import UpdateError, update_post
from tests.rendering.test_engine import sample
from tests.strategies import recaps


def blocks(text: str) -> dict[str, str]:
    return {b.id: b.content(text) for b in find_blocks(text)}


def outside_lines(text: str) -> list[int]:
    """Offsets of the line starts of *text*'s body that lie outside every generated block."""
    found = find_blocks(text)
    body_at = text.index("\n---\n", 4) + 5 if text.startswith("---") else text.index("\n+++\n") + 5
    starts = [body_at] + [i + 1 for i, c in enumerate(text) if c == "\n" and i >= body_at]
    return [s for s in starts if not any(b.start < s < b.end for b in found) and s <= len(text)]


def _front_matter(text: str) -> object:
    from recapkit.post.front_matter import read_front_matter

    found, _ = read_front_matter(text)
    assert found is not None and found.error is None
    return found.data


def _assert_common_keys_equal(old: object, updated: object, fresh: object) -> None:
    """Each key the post had and the fresh render writes has the fresh value (tables: key by
    key); the keys only the post has keep theirs; none is added."""
    assert isinstance(old, dict) and isinstance(updated, dict) and isinstance(fresh, dict)
    assert updated.keys() == old.keys()
    for key, value in updated.items():
        if key not in fresh:
            assert value == old[key]
        elif isinstance(value, dict) and isinstance(fresh[key], dict) and key != "recap":
            _assert_common_keys_equal(old[key], value, fresh[key])
        else:
            assert value == fresh[key], key


# --- blocks ----------------------------------------------------------------------------------


def test_seal_writes_the_hash_of_each_block_content() -> None:
    text = seal("a\n<!-- recapkit:begin x -->\n## X\n\n<!-- recapkit:end x -->\nb\n")
    assert text.splitlines()[1] == f"<!-- recapkit:begin x hash={content_hash('## X')} -->"
    (block,) = find_blocks(text)
    assert block.content(text) == "## X\n\n" and not block.edited(text)
    assert block.edited(text.replace("## X", "## Y"))


def test_the_hash_ignores_line_endings_and_trailing_spaces() -> None:
    assert content_hash("a\r\nb  \r\n\r\n") == content_hash("a\nb\n")
    assert content_hash("a\nb") != content_hash("a\nc")


def test_repeated_ids_are_made_unique_when_sealing() -> None:
    one = "<!-- recapkit:begin talk-x -->\nA\n<!-- recapkit:end talk-x -->\n"
    assert [b.id for b in find_blocks(seal(one + one))] == ["talk-x", "talk-x-2"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("<!-- recapkit:begin a -->\nx\n", "line 1: block 'a' has no end marker"),
        ("x\n<!-- recapkit:end a -->\n", "line 2: end of 'a' without its begin"),
        (
            "<!-- recapkit:begin a -->\n<!-- recapkit:begin b -->\n",
            "line 2: begin of 'b' inside block 'a'",
        ),
    ],
)
def test_markers_that_do_not_pair_are_reported_with_their_line(text: str, message: str) -> None:
    with pytest.raises(BlockSyntaxError, match=message):
        find_blocks(text)


def test_markers_shown_in_a_code_block_are_not_markers() -> None:
    text = "```markdown\n<!-- recapkit:begin a -->\n```\n~~~~\n<!-- recapkit:end b -->\n~~~~\n"
    assert find_blocks(text) == []
    post = render(sample(), ssg="hugo") + "\n```\n<!-- recapkit:end facts -->\n```\n"
    assert update_post(post, post).text == post


@pytest.mark.parametrize(
    "shown",
    [
        "- ~~~\n  code\n  ~~~\n",  # a fence that opens after a list marker
        "- ```\n  left open, closed by the item's end\n",
        "> ```\n> quoted\n> ```\n",
    ],
)
def test_fences_in_list_items_and_quotes_end_where_commonmark_ends_them(shown: str) -> None:
    text = f"{shown}<!-- recapkit:begin a -->\nx\n\n<!-- recapkit:end a -->\n"
    assert [b.id for b in find_blocks(text)] == ["a"]


def test_a_marker_in_an_indented_fence_is_no_marker() -> None:
    text = "  ~~~\n<!-- recapkit:begin a -->\n\n<!-- recapkit:end a -->\n  ~~~\n"
    assert find_blocks(text) == []


def test_a_custom_template_without_markers_renders_and_cannot_be_updated(tmp_path: Path) -> None:
    template = tmp_path / "plain.md.j2"
    template.write_text("{{ recap.lead }}\n\nNo blocks here.\n", encoding="utf-8")
    post = render(sample(), ssg="hugo", template=template)
    assert "No blocks here." in post and "recapkit:begin" not in post
    with pytest.raises(UpdateError, match="no generated blocks"):
        update_post(post, post)


def test_a_marker_line_in_a_data_text_is_a_template_error_not_a_crash() -> None:
    with pytest.raises(TemplateError, match="generated blocks"):
        render(sample(lead="<!-- recapkit:end lead -->"), ssg="hugo")


@pytest.mark.parametrize("layout", ["form", "notes"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_both_layouts_and_languages_mark_the_facts_and_each_talk(layout: str, lang: str) -> None:
    ids = set(blocks(render(sample(), ssg="hugo", lang=lang, body_layout=layout)))
    assert {"lead", "talk-1", "talk-1-takeaways", "talk-1-links", "summary"} <= ids
    assert ("facts" if layout == "form" else "event") in ids


def test_a_talk_with_a_programme_id_keys_its_blocks_by_it() -> None:
    talk = Talk(title="T", id="pretalx/42 ab")
    assert "talk-pretalx-42-ab" in blocks(render(sample(talks=(talk,)), ssg="hugo"))


def test_todo_lines_are_outside_the_blocks() -> None:
    text = render(sample(talks=(Talk(title="T"),), summary=None), ssg="hugo")
    assert "TODO(recapkit)" in text
    assert all("TODO(recapkit)" not in content for content in blocks(text).values())


# --- update ----------------------------------------------------------------------------------


def test_update_applies_the_data_and_keeps_the_writers_lines() -> None:
    recap = sample()
    post = render(recap, ssg="hugo")
    mine = "\nMy own paragraph, *exactly* as I wrote it.  \n"
    post = post.replace("<!-- recapkit:end talk-1 -->\n", "<!-- recapkit:end talk-1 -->\n" + mine)
    changed = attrs.evolve(
        recap, title="New title", event=attrs.evolve(recap.event, city="Hangzhou")
    )
    result = update_post(post, render(changed, ssg="hugo"))
    assert not result.conflicts
    assert mine in result.text
    assert blocks(result.text) == blocks(render(changed, ssg="hugo"))
    assert "title: New title\n" in result.text


def test_an_edit_inside_a_block_is_refused_and_forced() -> None:
    recap = sample()
    post = render(recap, ssg="hugo").replace("- **Where**: ", "- **Where**: downtown, ")
    fresh = render(attrs.evolve(recap, title="Other"), ssg="hugo")
    refused = update_post(post, fresh)
    assert refused.text == post
    assert [(c.id, c.removed) for c in refused.conflicts] == [("facts", False)]
    assert post.splitlines()[refused.conflicts[0].line - 1].startswith("<!-- recapkit:begin facts")
    forced = update_post(post, fresh, force=True)
    assert blocks(forced.text) == blocks(fresh)


def test_an_edited_block_the_data_now_renders_the_same_is_no_conflict() -> None:
    recap = sample()
    post = render(recap, ssg="hugo")
    old_city = recap.event.city
    assert old_city
    edited = post.replace(f"{recap.event.venue}, {old_city}", f"{recap.event.venue}, Hangzhou")
    fresh = render(
        attrs.evolve(recap, event=attrs.evolve(recap.event, city="Hangzhou")), ssg="hugo"
    )
    result = update_post(edited, fresh)
    assert not result.conflicts and blocks(result.text) == blocks(fresh)


def test_talks_added_and_removed() -> None:
    one, two, three = Talk(title="One"), Talk(title="Two"), Talk(title="Three")
    post = render(sample(talks=(one, two)), ssg="hugo")
    post = post.replace(
        "<!-- recapkit:end talk-2 -->\n", "<!-- recapkit:end talk-2 -->\n\nNotes on two.\n"
    )
    grown = update_post(post, render(sample(talks=(one, two, three)), ssg="hugo")).text
    assert grown.index("Notes on two.") < grown.index("## Three") < grown.index("## Summary")
    shrunk = update_post(grown, render(sample(talks=(one,)), ssg="hugo")).text
    assert "## Two" not in shrunk and "## Three" not in shrunk and "Notes on two." in shrunk


def test_removing_an_edited_talk_is_refused() -> None:
    post = render(sample(talks=(Talk(title="One"), Talk(title="Two"))), ssg="hugo")
    post = post.replace("## Two", "## Two, as I remember it")
    result = update_post(post, render(sample(talks=(Talk(title="One"),)), ssg="hugo"))
    assert [(c.id, c.removed) for c in result.conflicts] == [("talk-2", True)]


def test_a_post_with_only_some_parts_marked_gets_only_those() -> None:
    fresh = render(sample(), ssg="hugo")
    post = "---\ntitle: x\n---\n\nMine.\n\n<!-- recapkit:begin facts -->\nold\n<!-- recapkit:end facts -->\n\nMore.\n"
    result = update_post(post, fresh)
    assert (
        set(blocks(result.text)) == {"facts"}
        and blocks(result.text)["facts"] == blocks(fresh)["facts"]
    )
    assert result.text.endswith("<!-- recapkit:end facts -->\n\nMore.\n")
    assert any("'talk-1' of the fresh render has no place" in note for note in result.notes)


def test_a_post_without_blocks_is_refused() -> None:
    with pytest.raises(UpdateError, match="no generated blocks"):
        update_post("---\ntitle: x\n---\n\nJust prose.\n", render(sample(), ssg="hugo"))


def test_a_post_of_another_layout_is_refused_not_rewritten() -> None:
    post = render(sample(), ssg="hugo", body_layout="form")
    with pytest.raises(UpdateError, match="another --layout or --template"):
        update_post(
            "---\ntitle: x\n---\n\n<!-- recapkit:begin mine -->\n<!-- recapkit:end mine -->\n", post
        )


def test_broken_markers_in_the_post_are_reported_with_the_file_line() -> None:
    post = render(sample(), ssg="hugo")
    line = post.splitlines().index("<!-- recapkit:end facts -->") + 1
    with pytest.raises(UpdateError, match=f"line {line}: end of 'facts'"):
        update_post(post.replace("<!-- recapkit:begin facts", "<!-- recapkit:begin factz"), post)


def test_nothing_changes_when_the_data_did_not() -> None:
    post = render(sample(), ssg="hugo")
    assert update_post(post, post).text == post


def test_crlf_posts_keep_crlf() -> None:
    recap = sample()
    post = render(recap, ssg="hugo").replace("\n", "\r\n")
    result = update_post(post, render(attrs.evolve(recap, title="CRLF"), ssg="hugo"))
    assert "title: CRLF\r\n" in result.text
    assert "\n" not in result.text.replace("\r\n", "")


def test_yaml_front_matter_keeps_the_writers_keys_comments_and_quoting() -> None:
    recap = sample()
    post = render(recap, ssg="hugo").replace("---\n", "---\n# my comment\ntoc: true\n", 1)
    result = update_post(post, render(attrs.evolve(recap, tags=("go", "new")), ssg="hugo"))
    head = result.text.split("\n---\n", 1)[0]
    assert head.startswith("---\n# my comment\ntoc: true\ntitle: ")
    assert "tags:\n- go\n- new\n" in head


def test_zola_front_matter_updates_its_keys_and_keeps_the_writers_extra() -> None:
    recap = sample()
    post = render(recap, ssg="zola").replace("[extra]\n", "[extra]\ntoc = true  # mine\n", 1)
    changed = attrs.evolve(
        recap, tags=("go", "zola"), event=attrs.evolve(recap.event, attendance=7)
    )
    result = update_post(post, render(changed, ssg="zola"))
    assert "toc = true  # mine\n" in result.text
    assert 'tags = [\n    "go",\n    "zola",\n]' in result.text
    assert "attendance = 7\n" in result.text
    assert blocks(result.text) == blocks(render(changed, ssg="zola"))


@st.composite
def writer_notes(draw: st.DrawFn) -> list[str]:
    words = st.sampled_from(["gopher", "泛型", "note", "云原生", "*kept*", "`code`", "  "])
    line = st.lists(words, min_size=1, max_size=5).map(" ".join)
    return [f"Writer {i}: {text}\n" for i, text in enumerate(draw(st.lists(line, max_size=4)))]


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    before=recaps,
    after=recaps,
    notes=writer_notes(),
    where=st.lists(st.integers(0, 10_000), min_size=4, max_size=4),
    layout=st.sampled_from(["form", "notes"]),
    crlf=st.booleans(),
    ssg=st.sampled_from(["hugo", "hexo", "jekyll", "zola"]),
)
def test_writer_paragraphs_outside_blocks_survive_any_data_change(
    before: Recap,
    after: Recap,
    notes: list[str],
    where: list[int],
    layout: str,
    crlf: bool,
    ssg: str,
) -> None:
    post = render(before, ssg=ssg, lang="en", body_layout=layout)
    fresh = render(after, ssg=ssg, lang="en", body_layout=layout)
    spots = outside_lines(post)
    for note, pick in sorted(
        zip(notes, where, strict=False), key=lambda p: -spots[p[1] % len(spots)]
    ):
        at = spots[pick % len(spots)]
        post = post[:at] + "\n" + note + "\n" + post[at:]
    written = sorted(notes, key=post.find)
    if crlf:
        post = post.replace("\n", "\r\n")
    result = update_post(post, fresh)
    assert not result.conflicts
    text = result.text.replace("\r\n", "\n") if crlf else result.text
    assert "\r" not in result.text.replace("\r\n", "") and (
        not crlf or "\n" not in result.text.replace("\r\n", "")
    )
    position = 0
    for note in written:  # each note whole, in the order written
        position = text.find("\n" + note + "\n", position) + 1
        assert position > 0, note
    assert blocks(text) == blocks(fresh)
    _assert_common_keys_equal(_front_matter(post), _front_matter(text), _front_matter(fresh))
