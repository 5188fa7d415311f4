"""RK105 unknown-key: likely typos, strict mode, case variants, Zola's top-level keys."""

from __future__ import annotations

import pytest

from recapkit.lint.rules.unknown_key import UnknownKey
from tests.lint.rules.helpers import run


@pytest.mark.parametrize(
    ("key", "suggestion"), [("tittle", "title"), ("data", "date"), ("tag", "tags")]
)
def test_likely_typos_get_a_did_you_mean(key: str, suggestion: str) -> None:
    _post, found = run(UnknownKey(), f"---\ntitle: T\n{key}: x\n---\n", ssg="hugo")
    assert [(d.line, d.message) for d in found] == [
        (2, f"unknown key `{key}`; did you mean `{suggestion}`?")
    ]


def test_custom_keys_are_left_alone_unless_strict() -> None:
    source = "---\ntitle: T\naddress: Shanghai\nhero: x.png\nlinks:\n  agenda: https://e.org\n---\n"
    assert run(UnknownKey(), source, ssg="hexo")[1] == []  # `links` is no typo of Hexo's `link`
    strict = run(UnknownKey(), source, ssg="hexo", strict_keys=True)[1]
    assert [d.line for d in strict] == [2, 3, 4]
    assert (
        run(
            UnknownKey(),
            source,
            ssg="hexo",
            strict_keys=True,
            extra_keys={"hero", "address", "links"},
        )[1]
        == []
    )


def test_case_variants_matter_only_where_the_ssg_is_case_sensitive() -> None:
    source = "---\nTitle: T\nAuthor: A\n---\n"
    assert run(UnknownKey(), source, ssg="hugo")[1] == []
    assert run(UnknownKey(), source)[1] == []  # unknown SSG: give the benefit of the doubt
    found = run(UnknownKey(), source, ssg="jekyll")[1]
    assert [d.message.split(":")[0] for d in found] == [
        "unknown key `Title`",
        "unknown key `Author`",
    ]


def test_zola_reports_every_unknown_top_level_key() -> None:
    source = '+++\ntitle = "T"\ntags = ["a"]\nhero = "x"\n[extra]\nhero = "x"\n+++\n'
    found = run(UnknownKey(), source, "content/x.md", ssg="zola")[1]
    assert [d.message for d in found] == [
        "unknown key `tags`: Zola reads it under `taxonomies`",
        "unknown key `hero`: Zola ignores it; put custom data under `extra`",
    ]
