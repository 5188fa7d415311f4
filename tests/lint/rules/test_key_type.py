"""RK104 key-type and its fix: a tags string becomes a flow list, every other byte stays."""

from __future__ import annotations

import yaml
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from recapkit.lint.rules.key_type import KeyType, KeyTypeOptions
from recapkit.ssg.posts import parse_post
from tests.lint.rules.helpers import apply_fixes, run

RULE = KeyType()
PORTABLE = KeyType(KeyTypeOptions(portable=True))


def test_space_separated_tags_are_rewritten_in_place_keeping_crlf_bom_and_comment() -> None:
    source = (
        "\ufeff---\r\nlayout: post\r\ntags:  gdg event DevFest  # from the old site\r\n"
        "categories: Events\r\n---\r\n\r\nBody without final newline"
    ).encode()
    post, found = run(PORTABLE, source, "_posts/2014-10-21-devfest.md", ssg="jekyll")
    assert [(d.line, d.column) for d in found] == [(2, 0)]
    assert "Jekyll splits it" in found[0].message
    fixed = apply_fixes(post, found)
    assert fixed == source.replace(b"gdg event DevFest  #", b"[gdg, event, DevFest]  #")


def test_fixing_twice_changes_nothing_more() -> None:
    post, found = run(RULE, "---\ntitle: T\ntags: go meetup\n---\n")
    fixed = apply_fixes(post, found)
    again, found_again = run(RULE, fixed)
    assert found_again == []
    assert apply_fixes(again, found_again) == fixed


def test_quoted_string_and_items_that_yaml_would_misread_are_quoted() -> None:
    post, found = run(RULE, '---\ntags: "yes 2019 c++ go"\n---\n')
    fixed = apply_fixes(post, found).decode()
    assert fixed == '---\ntags: ["yes", "2019", c++, go]\n---\n'
    assert yaml.safe_load(fixed.split("---")[1])["tags"] == ["yes", "2019", "c++", "go"]


def test_comma_separated_tags_are_split_on_commas() -> None:
    post, found = run(RULE, "---\ntags: go, meetup，recap\n---\n")
    assert apply_fixes(post, found).decode() == "---\ntags: [go, meetup, recap]\n---\n"


def test_toml_and_json_front_matter_get_their_own_list_syntax() -> None:
    post, found = run(RULE, '+++\ntitle = "T"\ntags = "go meetup"  # c\n+++\n')
    assert (
        apply_fixes(post, found).decode() == '+++\ntitle = "T"\ntags = ["go", "meetup"]  # c\n+++\n'
    )
    post, found = run(
        RULE, '{\n  "title": "T",\n  "tags": "go meetup",\n  "draft": false\n}\n\nBody\n'
    )
    assert '"tags": ["go", "meetup"],' in apply_fixes(post, found).decode()


def test_a_value_continued_on_the_next_line_is_reported_without_a_fix() -> None:
    _post, found = run(RULE, "---\ntags: go\n  meetup\n---\n")
    assert len(found) == 1
    assert found[0].fix is None


def test_hexo_front_matter_without_opening_delimiter_is_fixed() -> None:
    source = "title: Hexo\ndate: 2019-11-18 00:00:00\ntags: a b\n---\n\nBody\n"
    post, found = run(RULE, source, "source/_posts/x.md", ssg="hexo")
    assert apply_fixes(post, found).decode() == source.replace("tags: a b", "tags: [a, b]")


def test_single_word_strings_and_real_lists_are_fine() -> None:
    assert run(RULE, "---\ntags: go\ncategories: [Events, Summit]\n---\n")[1] == []
    assert run(RULE, "---\ncategories:\n  - [Activity, Summit]\n---\n")[1] == []  # Hexo hierarchy


def test_title_and_draft_types() -> None:
    _post, found = run(RULE, "---\ntitle: No\ndraft: 'false'\ntags: 2019\n---\n")
    messages = [d.message for d in found]
    assert messages == [
        "`title` should be text, but is the boolean false; quote it",
        "`draft` should be true or false, but is the text 'false'",
        "`tags` should be a list, but is the number 2019",
    ]


def test_options_change_which_keys_are_checked() -> None:
    rule = KeyType(KeyTypeOptions(list_keys=("keywords",), text_keys=(), bool_keys=()))
    _post, found = run(rule, "---\ntitle: 1\ntags: a b\nkeywords: a b\n---\n")
    assert [d.line for d in found] == [3]


_WORD = st.text(alphabet=st.sampled_from("abcXYZ019_.+-/éß中文"), min_size=1, max_size=8)


@settings(max_examples=80, deadline=None)
@given(words=st.lists(_WORD, min_size=2, max_size=6), quoted=st.booleans(), crlf=st.booleans())
def test_fix_always_yields_exactly_the_words_and_touches_only_that_value(
    words: list[str], quoted: bool, crlf: bool
) -> None:
    nl = "\r\n" if crlf else "\n"
    value = " ".join(words)
    value = f'"{value}"' if quoted else value
    source = f"---{nl}title: T{nl}tags: {value}  # keep{nl}draft: true{nl}---{nl}Body"
    post = parse_post(source, "p.md")
    assume(post.data.get("tags") == value.strip('"'))  # YAML kept it as one string
    _post, found = run(RULE, source)
    assert len(found) == 1 and found[0].fix is not None
    fixed = apply_fixes(post, found).decode()
    again = parse_post(fixed, "p.md")
    assert again.data["tags"] == words
    assert fixed.split(nl)[0:2] == source.split(nl)[0:2]
    assert fixed.split(nl)[3:] == source.split(nl)[3:]
    assert fixed.split(nl)[2].endswith("  # keep")


def test_space_separated_tags_are_an_error_where_the_ssg_reads_one_term() -> None:
    for ssg in ("hugo", "hexo"):
        _post, found = run(RULE, "---\ntags: go meetup\n---\n", ssg=ssg)
        assert [(d.severity.value, d.fixable) for d in found] == [("error", True)]
        assert "read as the single term 'go meetup'" in found[0].message
        assert found[0].message.endswith("or [go meetup]")


def test_without_a_generator_a_tags_string_is_info_saying_how_each_reads_it() -> None:
    _post, found = run(RULE, "---\ntags: go meetup\n---\n", "notes/a.md")
    assert [d.severity.value for d in found] == ["info"]
    assert found[0].message == (
        "`tags` is one string: Hugo, Hexo and Zola read it as the single term 'go meetup', "
        "Jekyll splits it on spaces; write [go, meetup] or [go meetup]"
    )
    assert found[0].fix is not None and not found[0].fix.safe  # it may change the page


def test_splitting_a_string_the_generator_reads_as_one_term_is_an_unsafe_fix() -> None:
    """Hugo shows `tags: machine learning` as one tag: the split changes the page, so only
    --unsafe-fixes applies it; where Jekyll splits the string itself, the list shows the same."""
    _post, found = run(RULE, "---\ntags: machine learning\n---\n", ssg="hugo")
    assert found[0].fix is not None and not found[0].fix.safe
    assert found[0].fixable_with(unsafe=True) and not found[0].fixable_with()
    _post, found = run(
        PORTABLE, "---\ntags: machine learning\n---\n", "_posts/2024-01-02-a.md", ssg="jekyll"
    )
    assert found[0].fix is not None and found[0].fix.safe


def test_jekyll_splits_space_separated_tags_so_they_are_fine_or_portable_info() -> None:
    # `jekyll new` writes `categories: jekyll update`: the page is right, nothing to report.
    source = "---\ntags:  gdg event DevFest\ncategories: Events Summit\n---\n"
    assert run(RULE, source, "_posts/2014-10-21-devfest.md", ssg="jekyll")[1] == []
    _post, found = run(PORTABLE, source, "_posts/2014-10-21-devfest.md", ssg="jekyll")
    assert [d.severity.value for d in found] == ["info", "info"]
    assert found[0].message == (
        "`tags` is a space-separated string; Jekyll splits it, but a list is unambiguous "
        "for themes, feeds and other tools: write [gdg, event, DevFest]"
    )


def test_jekyll_keeps_commas_in_split_tags_so_a_comma_list_is_an_error() -> None:
    _post, found = run(RULE, "---\ntags: go, meetup\n---\n", "_posts/2024-05-18-a.md", ssg="jekyll")
    assert [d.severity.value for d in found] == ["error"]
    assert "into 'go,', 'meetup'" in found[0].message


def test_jekyll_does_not_split_other_list_keys() -> None:
    rule = KeyType(KeyTypeOptions(list_keys=("tags", "keywords")))
    _post, found = run(rule, "---\nkeywords: go meetup\n---\n", ssg="jekyll")
    assert [d.severity.value for d in found] == ["error"]


def test_zola_taxonomies_must_be_lists_and_a_string_is_fixed_in_place() -> None:
    source = (
        '+++\ntitle = "Meetup"\n\n[taxonomies]\ntags = "rust meetup"  # old\n'
        'categories = ["Events"]\nauthors = 3\n+++\n\nBody\n'
    )
    post, found = run(RULE, source, "content/blog/meetup.md", ssg="zola")
    assert [(d.line, d.column, d.fixable) for d in found] == [(4, 7, True), (6, 10, False)]
    assert "Zola stops the build" in found[0].message
    assert apply_fixes(post, found).decode() == source.replace(
        '"rust meetup"', '["rust", "meetup"]'
    )
    _post, elsewhere = run(RULE, source, "content/blog/meetup.md", ssg="hugo")
    assert elsewhere == []  # only Zola gives [taxonomies] this meaning


def test_hexo_categories_are_fixed_as_siblings_not_a_hierarchy() -> None:
    # Hexo reads `categories: [a, b]` as a > b; separate categories are [[a], [b]].
    post, found = run(RULE, "---\ncategories: 活动 回顾\n---\n", "source/_posts/a.md", ssg="hexo")
    assert len(found) == 1
    assert "[[活动], [回顾]]" in found[0].message
    assert found[0].fix is not None
    (edit,) = found[0].fix.edits
    fixed = post.text[: edit.start] + edit.replacement + post.text[edit.end :]
    assert fixed == "---\ncategories: [[活动], [回顾]]\n---\n"
