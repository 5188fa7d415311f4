"""``recapkit._yaml``: the one YAML loader, strict for data files, tolerant for front matter and
site configs; both refuse what cannot be read safely."""

from __future__ import annotations

import pytest

from recapkit import _yaml

HUGE = "n: " + "9" * 5000 + "\n"
BOMB = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
    for i in range(7)
)


def test_an_impossible_date_stays_text_in_both() -> None:
    assert _yaml.load("d: 2025-02-30\n") == {"d": "2025-02-30"}
    assert _yaml.load_tolerant("d: 2025-02-30\n") == {"d": "2025-02-30"}


def test_an_endless_number_is_a_positioned_problem_in_a_data_file_and_text_elsewhere() -> None:
    with pytest.raises(_yaml.YamlProblem) as info:
        _yaml.load(HUGE)
    assert info.value.problems[0][:2] == (0, 3)
    assert _yaml.load_tolerant(HUGE) == {"n": "9" * 5000}


def test_duplicate_keys_are_reported_by_the_strict_loader_and_last_wins_in_the_tolerant_one() -> (
    None
):
    found: list[tuple[int, int, str]] = []
    assert _yaml.load("k: 1\nk: 2\n", duplicates=found) == {"k": 2}
    assert found == [
        (1, 0, "duplicate key 'k' (first on line 1); the later value would silently win")
    ]
    with pytest.raises(_yaml.YamlProblem):
        _yaml.load("k: 1\nk: 2\n")
    assert _yaml.load_tolerant("k: 1\nk: 2\n") == {"k": 2}


@pytest.mark.parametrize("load", [_yaml.load, _yaml.load_tolerant])
def test_alias_bombs_and_deep_nesting_are_refused(load: object) -> None:
    with pytest.raises(_yaml.YamlProblem, match="alias bomb"):
        load(BOMB)  # type: ignore[operator]
    with pytest.raises(_yaml.YamlProblem, match="nesting deeper"):
        load("[" * 600 + "]" * 600)  # type: ignore[operator]


def test_a_full_width_colon_is_named_where_it_is() -> None:
    with pytest.raises(_yaml.YamlProblem) as info:
        _yaml.load("title: a\ncity：Hangzhou\nb: [\n")
    line, column, message = info.value.problems[0]
    assert (line, column) == (1, 4) and "full-width colon" in message


@pytest.mark.parametrize(
    ("text", "column", "message"),
    [
        (
            'title: "\\ud800"\n',
            8,
            "\\ud800 is a lone UTF-16 surrogate, not a character (UTF-8 cannot encode it): "
            "write the character itself",
        ),
        (
            'title: "Go \\ud83d\\ude00"\n',
            11,
            "\\ud83d\\ude00 is a UTF-16 surrogate pair, which YAML and TOML do not read: "
            "write the character itself or \\U0001F600",
        ),
        ('t: "\\U00110000"\n', 4, "\\U00110000 is past the last Unicode character, U+10FFFF"),
        (
            't: "C:\\Users\\me"\n',
            6,
            "\\U starts an escape of 8 hex digits; write \\\\ for a backslash, "
            "or use single quotes",
        ),
        (
            't: "C:\\data"\n',
            6,
            "\\d is not an escape YAML knows; write \\\\ for a backslash, or use single quotes",
        ),
    ],
)
def test_a_bad_escape_is_named_at_its_backslash_not_called_an_unclosed_quote(
    text: str, column: int, message: str
) -> None:
    # libyaml reports them all "while parsing a quoted scalar", past the backslash.
    for load in (_yaml.load, _yaml.load_tolerant):
        with pytest.raises(_yaml.YamlProblem) as info:
            load(text)
        assert info.value.problems == [(0, column, f"YAML syntax error: {message}")]


def test_a_quote_that_is_never_closed_is_still_named_where_it_opens() -> None:
    with pytest.raises(_yaml.YamlProblem) as info:
        _yaml.load('title: "Go\nnight\n')
    assert info.value.problems == [(0, 7, "YAML syntax error: this quoted text is never closed")]


@pytest.mark.parametrize("brk", ["\r", "\x85", "\u2028", "\u2029"])
def test_positions_count_lines_as_editors_do_not_as_yaml_1_1(brk: str) -> None:
    # YAML 1.1 ends a line at each of these too; reported lines must match the editor's.
    with pytest.raises(_yaml.YamlProblem) as info:
        _yaml.load(f"a: 'x{brk}y'\nb: 1\nb: 2\n")
    assert info.value.problems[0][:2] == (2, 0)
    with pytest.raises(_yaml.YamlProblem) as info:
        _yaml.load(f"a: 'x{brk}y'\nb: [1\n")
    assert info.value.problems[0][0] == 2  # the end of the text, not a line past it


@pytest.mark.parametrize(("char", "escape"), [("\x01", "\\x01"), ("\x7f", "\\x7f")])
def test_a_control_character_is_named_where_it_is(char: str, escape: str) -> None:
    # libyaml's reader has no mark, and its position counts bytes (é is two).
    with pytest.raises(_yaml.YamlProblem) as info:
        _yaml.load(f"a: é\nb: x{char}\n")
    assert info.value.problems == [
        (
            1,
            4,
            f"YAML syntax error: U+{ord(char):04X} (a control character) is not allowed in YAML; "
            "delete it, or "
            f"write {escape} inside double quotes",
        )
    ]


def test_a_lone_surrogate_in_text_is_a_problem_not_a_unicode_error() -> None:
    for load in (_yaml.load, _yaml.load_tolerant):
        with pytest.raises(_yaml.YamlProblem) as info:
            load("a: 1\nb: x\ud800\n")  # a caller's str: libyaml cannot even encode it
        assert info.value.problems == [
            (1, 4, "the text holds \\ud800, a lone UTF-16 surrogate that UTF-8 cannot encode")
        ]


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        (
            "title: x\nevent:\n  name: Go meetup\n city: Hangzhou\n",
            (3, 1),
            "`city:` is indented 1 space but `name:` on line 3 above it 2 spaces: keys of one "
            "mapping must line up (indent `city:` like the key it belongs with)",
        ),
        (
            "title:x\ndate: 2024-05-01\n",
            (0, 5),
            "`title:x` has no space after the colon, so YAML reads the line as text, not a key: "
            "write `title: x`",
        ),
    ],
    ids=["dedented-key", "no-space-after-colon"],
)
def test_indentation_and_a_glued_colon_are_explained_where_they_are(
    text: str, where: tuple[int, int], message: str
) -> None:
    with pytest.raises(_yaml.YamlProblem) as info:
        _yaml.load(text)
    line, column, said = info.value.problems[0]
    assert (line, column) == where
    assert said == f"YAML syntax error: {message}"
    assert "quote" not in said  # quoting is not the cure here


def test_a_colon_in_a_value_still_gets_the_quoting_hint() -> None:
    with pytest.raises(_yaml.YamlProblem) as info:
        _yaml.load("title: Go: the talk\n")
    assert info.value.problems[0][2].endswith("(quote text that contains ': ')")
