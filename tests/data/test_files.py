"""Data files: reading YAML/TOML/JSON with line-numbered problems, writing, locating fields."""

from __future__ import annotations

import stat
import time
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from recapkit.data.convert import RecapDataError, structure_recap
from recapkit.data.files import (
    DataFileError,
    OverwriteRefusedError,
    dump_recap,
    dumps_recap,
    load_recap,
    loads_recap,
    locate,
)
from recapkit.data.model import Recap
from recapkit.errors import UsageError
from tests.paths import EXAMPLES
from tests.strategies import recaps

GOOD = "title: Go Meetup\ndate: 2025-03-01\nevent:\n  name: Go\n"


def problems_of(text: str, fmt: str = "yaml") -> list[str]:
    with pytest.raises(DataFileError) as info:
        loads_recap(text, fmt, name="f")
    return [str(p) for p in info.value.problems]


@pytest.mark.parametrize(
    "path", sorted(p for p in EXAMPLES.glob("*.*") if p.suffix in (".yaml", ".toml", ".json"))
)
def test_every_example_loads(path: Path) -> None:
    recap = load_recap(path)
    assert recap.talks and recap.event.name


def test_the_go_meetup_example_has_what_the_issue_asks_for() -> None:
    recap = load_recap(EXAMPLES / "gopher-meetup-hangzhou-2025.yaml")
    assert recap.lang == "zh-CN" and len(recap.talks) == 5
    assert all(s.affiliation for s in recap.speakers)
    # a speaker known only by affiliation ("示例云的同学"), the event's own links, the cover's alt
    assert any(s.name is None and s.label == "示例云" for s in recap.speakers)
    assert {link.kind for link in recap.event.links} == {"slides", "recordings"}
    assert recap.cover_alt and recap.talks[-1].kind == "lightning"
    assert all(t.takeaways for t in recap.talks)
    assert any(t.slides for t in recap.talks) and any(t.video for t in recap.talks)
    assert all(p.credit for t in recap.talks for p in t.photos)
    # naive times take the event's zone
    assert isinstance(recap.event.start, datetime) and recap.event.start.utcoffset() is not None


def test_the_conference_example_has_two_days_and_two_tracks() -> None:
    recap = load_recap(EXAMPLES / "pycon-riverside-2025.toml")
    assert recap.event.kind == "conference" and len(recap.event.tracks) == 2
    days = {t.start.date() for t in recap.talks if isinstance(t.start, datetime)}
    assert len(days) == 2
    assert {t.track for t in recap.talks} == set(recap.event.tracks)


@pytest.mark.parametrize("fmt", ["yaml", "toml", "json"])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(recap=recaps)
def test_round_trip_through_each_format_is_exact(fmt: str, recap: Recap) -> None:
    assert loads_recap(dumps_recap(recap, fmt), fmt) == recap


def test_dump_and_load_files(tmp_path: Path) -> None:
    recap = load_recap(EXAMPLES / "gopher-meetup-hangzhou-2025.yaml")
    for suffix in (".yaml", ".yml", ".toml", ".json"):
        target = tmp_path / f"recap{suffix}"
        dump_recap(recap, target)
        assert load_recap(target) == recap
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "recap.json",
        "recap.toml",
        "recap.yaml",
        "recap.yml",
    ]


def test_dump_refuses_to_overwrite_unless_forced_and_keeps_the_mode(tmp_path: Path) -> None:
    recap = load_recap(EXAMPLES / "rust-night-berlin-2025.json")
    target = tmp_path / "recap.yaml"
    target.write_text("# mine\n", encoding="utf-8")
    target.chmod(0o640)
    with pytest.raises(OverwriteRefusedError, match="use --force"):
        dump_recap(recap, target)
    assert target.read_text(encoding="utf-8") == "# mine\n"
    dump_recap(recap, target, force=True)
    assert load_recap(target) == recap
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["recap.yaml"]  # no temporary file left behind
    with pytest.raises(UsageError, match="does not exist"):
        dump_recap(recap, tmp_path / "missing" / "recap.json")


def test_yaml_output_is_readable() -> None:
    recap = load_recap(EXAMPLES / "gopher-meetup-hangzhou-2025.yaml")
    text = dumps_recap(recap, "yaml")
    assert (
        "title: 'Gopher Meetup 杭州站回顾：泛型、可观测性与 Go 1.24'" in text
        or "title: Gopher Meetup 杭州站回顾" in text
    )
    assert "lead: |" in text  # multi-line text as a literal block
    assert "start: '13:40'" in text  # times quoted so YAML 1.1 does not read 840


def test_a_value_two_talks_share_is_written_twice_not_as_an_alias() -> None:
    import attrs

    from recapkit.data.model import Talk

    day = datetime(2025, 4, 19).date()
    recap = attrs.evolve(
        load_recap(EXAMPLES / "gopher-meetup-hangzhou-2025.yaml"),
        talks=[Talk(title="A", day=day), Talk(title="B", day=day)],
    )
    text = dumps_recap(recap, "yaml")
    assert text.count("day: 2025-04-19") == 2 and "&id" not in text and "*id" not in text


def test_missing_file_and_unknown_extension_are_usage_errors(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no such file"):
        load_recap(tmp_path / "nope.yaml")
    (tmp_path / "recap.txt").write_text(GOOD, encoding="utf-8")
    with pytest.raises(UsageError, match="unknown data file type"):
        load_recap(tmp_path / "recap.txt")


def test_unreadable_files_are_problems_with_a_line(tmp_path: Path) -> None:
    binary = tmp_path / "b.yaml"
    binary.write_bytes(b"title: x\n\x00\x01\x02")
    latin = tmp_path / "l.yaml"
    latin.write_bytes(b"title: ok\ndate: 2025-03-01\ncity: M\xfcnchen\n")
    big = tmp_path / "big.yaml"
    big.write_bytes(b"# " + b"x" * (5 * 1024 * 1024) + b"\n")
    bom = tmp_path / "bom.yaml"
    bom.write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    cases = {binary: "binary file", latin: "not UTF-8", big: "larger than 5 MB"}
    for path, fragment in cases.items():
        with pytest.raises(DataFileError, match=fragment) as info:
            load_recap(path)
        assert len(info.value.problems) == 1
    with pytest.raises(DataFileError) as info:
        load_recap(latin)
    assert str(info.value) == f"{latin}:3:8: not UTF-8 text; save the file as UTF-8"
    assert load_recap(bom).title == "Go Meetup"


@pytest.mark.parametrize(
    ("text", "fmt", "expected"),
    [
        ("", "yaml", "f:1:1: file is empty; a recap needs at least title, date and event"),
        ("  \n", "toml", "f:1:1: file is empty; a recap needs at least title, date and event"),
        ("# nothing\n", "yaml", "f:1:1: file has no data (only comments?)"),
        (
            "title: Go: 1.24\n",
            "yaml",
            "f:1:10: YAML syntax error: mapping values are not allowed in this context (quote text that contains ': ')",
        ),
        ('title = "x"\nname = Go\n', "toml", "f:2:8: TOML syntax error: Invalid value"),
        (
            '{\n  "title": "x",\n}\n',
            "json",
            "f:3:1: JSON syntax error: Expecting property name enclosed in double quotes",
        ),
        (
            "- a\n- b\n",
            "yaml",
            "f:1:1: (top level): expected a mapping of recap fields at the top, got a list",
        ),
        (
            "a: 1\n---\nb: 2\n",
            "yaml",
            "f:2:1: YAML syntax error: expected a single document in the stream, but found another document",
        ),
        ("a: &a [*a]\n", "yaml", "f:1:4: an alias refers to its own anchor (recursive data)"),
        (
            "a: !!python/object:os.system x\n",
            "yaml",
            "f:1:4: YAML syntax error: could not determine a constructor for the tag 'tag:yaml.org,2002:python/object:os.system'",
        ),
    ],
)
def test_syntax_and_shape_problems(text: str, fmt: str, expected: str) -> None:
    assert problems_of(text, fmt) == [expected]


@pytest.mark.parametrize(
    ("text", "line"), [("title: x\nevent:\n\tname: y\n", 3), ("event:\n  name: y\n\tcity: z\n", 3)]
)
def test_a_tab_in_the_indentation_is_named(text: str, line: int) -> None:
    (problem,) = problems_of(text)
    assert problem.startswith(f"f:{line}:1: YAML syntax error: ")
    assert problem.endswith(" (indent with spaces, not tabs)")


def test_alias_bomb_is_refused_fast() -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 12)]
    started = time.perf_counter()
    assert problems_of("\n".join(lines)) == [
        "f:1:1: aliases expand to too much data (a YAML alias bomb?)"
    ]
    assert time.perf_counter() - started < 10  # expanding it would take hours and gigabytes


def test_the_alias_bomb_fixture_is_refused() -> None:
    with pytest.raises(DataFileError, match="alias bomb"):
        load_recap(EXAMPLES / "invalid" / "alias-bomb.yaml")


def test_deep_nesting_is_refused_without_crashing() -> None:
    assert problems_of("extra: " + "[" * 100_000 + "]" * 100_000) == [
        "f:1:1: nesting deeper than 500 levels"
    ]
    assert problems_of("x: " + "[" * 100 + "]" * 100) == [
        "f:1:1: data is nested deeper than 64 levels"
    ]
    assert problems_of('{"x": ' + "[" * 100_000 + "]" * 100_000 + "}", "json") == [
        "f:1:1: data is nested too deeply"
    ]


def test_harmless_aliases_and_merge_keys_work() -> None:
    text = GOOD + "talks:\n  - &t {title: A, tags: [go]}\n  - {<<: *t, title: B}\n"
    recap = loads_recap(text, "yaml")
    assert [t.title for t in recap.talks] == ["A", "B"] and recap.talks[1].tags == ("go",)


def test_duplicate_keys_are_reported_with_the_other_problems() -> None:
    text = GOOD + "tags: [a]\ntags: [b]\nlang: 7\n"
    assert problems_of(text) == [
        "f:6:1: duplicate key 'tags' (first on line 5); the later value would silently win",
        'f:7:7: lang: expected text, got the number 7; YAML reads the unquoted 7 that way, so quote it: "7"',
    ]


def test_duplicate_json_keys_are_reported_like_yaml_ones_at_the_second_key() -> None:
    text = (
        '{"title": "Go", "date": "2025-03-01", "tags": ["a"],\n'
        ' "tags": ["b"], "event": {"name": "Go", "city": "X",\n'
        '   "city": "Y"}, "lang": 7}\n'
    )
    assert problems_of(text, "json") == [
        "f:2:2: duplicate key 'tags' (first on line 1); the later value would silently win",
        "f:3:4: duplicate key 'city' (first on line 2); the later value would silently win",
        'f:3:26: lang: expected text, got the number 7; write text in quotes: "7"',
    ]
    unique = '{"talks": [{"title": "A"}, {"title": "B"}], "title": "Go",'
    assert loads_recap(unique + ' "date": "2025-03-01", "event": {"name": "Go"}}', "json")


def test_problems_are_sorted_and_yaml_hints_stay_out_of_json() -> None:
    text = '{"title": 2025, "date": "2025-03-01", "event": {"name": "Go"}}'
    assert problems_of(text, "json") == [
        'f:1:11: title: expected text, got the number 2025; write text in quotes: "2025"'
    ]


def test_impossible_yaml_date_is_reported_at_its_field() -> None:
    text = "title: x\ndate: 2025-02-30\nevent: {name: Go}\nlang: 1\n"
    found = problems_of(text)
    assert (
        found[0]
        == "f:2:7: date: impossible date or time '2025-02-30': day is out of range for month"
    )
    assert len(found) == 2


YAML_DOC = """\
title: x
talks:
  - title: A
    speakers:
      - name: Alice
      - affiliation: Example
"""
TOML_DOC = """\
# comment
title = "x"

[event]
name = "Go"
"online-url" = "https://x.example.org"

[[talks]]
title = "A"
speakers = [{ name = "Alice" }, { affiliation = "Example" }]

[[talks]]
title = "B"
tags = [
  "go",
  "rust",
]

[[talks.speakers]]
name = "Carol"
"""
JSON_DOC = '{\n  "title": "x",\n  "talks": [\n    {"title": "A", "speakers": [{"name": "Al\\"ice"}, {}]}\n  ]\n}\n'


@pytest.mark.parametrize(
    ("text", "fmt", "path", "expected"),
    [
        (YAML_DOC, "yaml", ("title",), (0, 7)),
        (YAML_DOC, "yaml", ("talks", 0, "speakers", 0, "name"), (4, 14)),
        (YAML_DOC, "yaml", ("talks", 0, "speakers", 1, "name"), (5, 8)),  # missing: its mapping
        (YAML_DOC, "yaml", ("talks", 5), (2, 2)),  # no such talk: the list
        (TOML_DOC, "toml", ("title",), (1, 8)),
        (TOML_DOC, "toml", ("event", "online-url"), (5, 15)),
        (TOML_DOC, "toml", ("talks", 0, "speakers", 1, "affiliation"), (9, 48)),
        (TOML_DOC, "toml", ("talks", 1, "tags", 1), (15, 2)),
        (TOML_DOC, "toml", ("talks", 1, "speakers", 0, "name"), (19, 7)),
        (TOML_DOC, "toml", ("talks", 1, "speakers", 0, "role"), (18, 8)),
        (JSON_DOC, "json", ("title",), (1, 11)),
        (JSON_DOC, "json", ("talks", 0, "speakers", 0, "name"), (3, 41)),
        (JSON_DOC, "json", ("talks", 0, "speakers", 1, "name"), (3, 53)),
        ("not: [valid", "yaml", ("not",), (0, 0)),
        ('x = "unterminated\ny = 1', "toml", ("y",), (0, 0)),
    ],
)
def test_locate(
    text: str, fmt: str, path: tuple[str | int, ...], expected: tuple[int, int]
) -> None:
    assert locate(text, fmt, path) == expected


def test_locate_works_on_a_front_matter_block() -> None:
    block = "title: Recap\nrecap:\n  event:\n    name: Go\n    attendance: -1\n"
    assert locate(block, "yaml", ("recap", "event", "attendance")) == (4, 16)


@pytest.mark.parametrize(
    ("text", "fmt", "expected"),
    [
        (
            'date = 2025-03-01\ntitle = 1.10\n[event]\nname = "Go"\n',
            "toml",
            'f:2:9: title: expected text, got the number 1.1; write text in quotes: "1.10"',
        ),
        (
            '{"date": "2025-03-01", "title": true, "event": {"name": "Go"}}',
            "json",
            'f:1:33: title: expected text, got the boolean true; write text in quotes: "true"',
        ),
        (
            'date = 2025-03-01\ntitle = ["x"]\n[event]\nname = "Go"\n',
            "toml",
            "f:2:9: title: expected text, got a list",
        ),
    ],
)
def test_toml_and_json_numbers_meant_as_text_show_the_quoted_form(
    text: str, fmt: str, expected: str
) -> None:
    assert problems_of(text, fmt) == [expected]


def test_a_multi_line_title_is_a_problem_at_its_line(tmp_path: Path) -> None:
    data = tmp_path / "r.yaml"
    data.write_text(
        "title: |\n  Go night\n  recap\ndate: 2025-03-01\nevent:\n  name: Go\n"
        'talks:\n  - title: "A\\nB"\n    speakers: [{name: "Ann\\u2028Lee"}]\n',
        encoding="utf-8",
    )
    with pytest.raises(DataFileError) as caught:
        load_recap(data)
    assert [str(p).split(": ", 1)[1] for p in caught.value.problems] == [
        "title: must be one line, without line breaks "
        "(multi-line text belongs in a summary, abstract or lead)",
        "talks[0].title: must be one line, without line breaks "
        "(multi-line text belongs in a summary, abstract or lead)",
        "talks[0].speakers[0].name: must be one line, without line breaks "
        "(multi-line text belongs in a summary, abstract or lead)",
    ]
    assert [p.line + 1 for p in caught.value.problems] == [1, 8, 9]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("title：Go 夜读回顾\ndate: 2024-03-09\n", "f:1:6:"),
        ("title: x\nevent:\n  name: x\n  city：杭州\n", "f:4:7:"),
    ],
)
def test_a_full_width_colon_is_named_on_its_own_line(text: str, where: str) -> None:
    # Chinese input methods type '：'; libyaml reports a line later and blames ': ' quoting.
    with pytest.raises(DataFileError) as info:
        loads_recap(text, "yaml", name="f")
    message = str(info.value)
    assert message.startswith(where)
    assert "full-width colon" in message
    assert "quote text" not in message


def test_an_unclosed_quote_is_reported_where_it_opens() -> None:
    with pytest.raises(DataFileError) as info:
        loads_recap('title: "unterminated\ndate: 2024-03-09\n', "yaml", name="f")
    assert str(info.value).startswith("f:1:8: YAML syntax error: this quoted text is never closed")


HUGE = "9" * 5000


@pytest.mark.parametrize(
    ("fmt", "text", "where"),
    [
        ("yaml", GOOD + f"talks: [{{title: t, duration: {HUGE}}}]\n", "f:5:30:"),
        (
            "json",
            f'{{"title": "t", "date": "2025-03-01", "event": {{"name": "e", "attendance": {HUGE}}}}}',
            "f:1:75:",
        ),
        (
            "toml",
            f'title = "t"\ndate = 2025-03-01\n[event]\nname = "e"\nattendance = {HUGE}\n',
            "f:5:14:",
        ),
    ],
)
def test_a_number_too_long_for_int_is_a_positioned_problem(fmt: str, text: str, where: str) -> None:
    (problem,) = problems_of(text, fmt)
    assert problem.startswith(where)
    assert "more than 4300 digits" in problem


@pytest.mark.parametrize(
    ("fmt", "text"),
    [
        ("yaml", GOOD + "  attendance: 0x" + "f" * 4000 + "\n"),
        (
            "toml",
            'title = "t"\ndate = 2025-03-01\n[event]\nname = "e"\nattendance = 0x'
            + "f" * 4000
            + "\n",
        ),
    ],
)
def test_a_hex_number_too_long_to_print_is_a_positioned_problem(fmt: str, text: str) -> None:
    (problem,) = problems_of(text, fmt)
    assert problem.startswith("f:5:")
    assert "no recap field takes one" in problem


@pytest.mark.parametrize(
    "value", ["99999999999999999999", '"99999999999999999999"', '"99999999999999999999h"', "10001"]
)
def test_an_absurd_duration_is_a_field_problem(value: str) -> None:
    (problem,) = problems_of(GOOD + f"talks: [{{title: t, duration: {value}}}]\n")
    assert problem.startswith("f:5:30: talks[0].duration: duration ")
    assert "longer than 10000 minutes" in problem


def test_the_longest_duration_allowed_loads() -> None:
    recap = loads_recap(GOOD + "talks: [{title: t, duration: 10000}]\n", "yaml")
    assert recap.talks[0].duration is not None
    assert recap.talks[0].duration.total_seconds() == 10_000 * 60


SURROGATE = "a lone UTF-16 surrogate that UTF-8 cannot encode; write the character itself"


def test_a_lone_surrogate_in_json_is_a_problem_at_its_value_with_the_other_problems() -> None:
    text = (
        '{"title": "Go \\ud800", "date": "2025-03-01", "event": {"name": "Go", "kind": "x"},\n'
        ' "extra": {"k\\udfff": ["\\ud83d"]}}\n'
    )
    problems = problems_of(text, "json")
    assert [p.split(": ", 2)[:2] for p in problems] == [
        ["f:1:11", "title"],
        ["f:1:78", "event.kind"],
        ["f:2:12", "extra.k\\udfff"],  # at the key, written as its escape
        ["f:2:24", "extra.k\\udfff[0]"],
    ]
    assert problems[0].endswith(
        f"text holds \\ud800 (character 4), {SURROGATE} (an escaped pair such as \\ud83d\\ude00 needs both halves)"
    )
    assert problems[2].split(": ", 2)[2].startswith("key holds \\udfff (character 2), ")
    assert all(p.encode("utf-8") for p in problems)  # the report itself can be printed
    whole = '{"title": "Go \\ud83d\\ude00", "date": "2025-03-01", "event": {"name": "Go"}}'
    assert loads_recap(whole, "json").title == "Go \U0001f600"  # both halves: one character


@pytest.mark.parametrize(
    ("fmt", "text", "where"),
    [
        ("yaml", "title: x\ndate: 2025-03-01\nevent: {name: 'Go \ud800'}\n", "f:3:19:"),
        ("toml", 'title = "x \udc00"\n', "f:1:12:"),
        ("json", '{"title": "\ud800"}', "f:1:12:"),
    ],
)
def test_a_lone_surrogate_in_a_callers_text_is_a_problem_where_it_is(
    fmt: str, text: str, where: str
) -> None:
    # Only a Python caller can pass one raw (a file is decoded strictly); libyaml would raise
    # UnicodeEncodeError on it.
    (problem,) = problems_of(text, fmt)
    assert problem.startswith(f"{where} the file holds \\u")
    assert SURROGATE in problem


def test_structuring_data_with_a_lone_surrogate_names_its_path_in_printable_words() -> None:
    data = {"title": "x", "date": "2025-03-01", "event": {"name": "Go"}, "tags": ["\ud800"]}
    with pytest.raises(RecapDataError) as info:
        structure_recap(data)
    assert [p.path for p in info.value.problems] == [("tags", 0)]
    assert str(info.value).startswith("tags[0]: text holds \\ud800 (character 1), ")
    str(info.value).encode("utf-8")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('title = "\\ud800"\n', "f:1:10: TOML syntax error: \\ud800 is a lone UTF-16 surrogate"),
        (
            'title = "x"\nlead = """\n\\ud83d\\ude00"""\n',
            "f:3:1: TOML syntax error: \\ud83d\\ude00 is a UTF-16 surrogate pair, which YAML and "
            "TOML do not read: write the character itself or \\U0001F600",
        ),
        ('title = "\\U00110000"\n', "f:1:10: TOML syntax error: \\U00110000 is past the last"),
    ],
)
def test_a_toml_escape_that_is_no_character_is_named_at_its_backslash(
    text: str, expected: str
) -> None:
    (problem,) = problems_of(text, "toml")
    assert problem.startswith(expected)


def test_a_field_after_a_line_break_only_yaml_knows_is_placed_on_the_editors_line() -> None:
    # A lone CR or U+2028 pasted into text: YAML 1.1 counts a line there, editors do not.
    text = GOOD + "lead: 'one\u2028two\rthree'\nlang: 7\n"
    (problem,) = problems_of(text)
    assert problem.startswith("f:6:7: lang: expected text, got the number 7")
