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
