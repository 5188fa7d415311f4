"""The line-keeping JSON reader decodes exactly as the standard one and knows where objects start."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from recapkit.schedules._json import LocatedDict, loads

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3)
    ),
    max_leaves=12,
)


@settings(deadline=None)
@given(JSON, st.sampled_from([None, 0, 2]))
def test_it_decodes_as_the_standard_decoder_does(value: Any, indent: int | None) -> None:
    text = json.dumps(value, indent=indent, ensure_ascii=False)
    assert loads(text, "x.json") == json.loads(text)


def objects(value: Any) -> list[LocatedDict]:
    if isinstance(value, LocatedDict):
        return [value, *(o for v in value.values() for o in objects(v))]
    if isinstance(value, list):
        return [o for v in value for o in objects(v)]
    return []


@settings(deadline=None)
@given(
    st.lists(
        st.dictionaries(st.text(max_size=3), st.integers(), max_size=2), min_size=1, max_size=5
    )
)
def test_every_object_knows_the_line_of_its_brace(items: list[dict[str, int]]) -> None:
    text = json.dumps({"items": items}, indent=2, ensure_ascii=False)
    braces = [
        n for n, line in enumerate(text.split("\n"), start=1) if line.lstrip().startswith("{")
    ]
    assert [found.line for found in objects(loads(text, "x.json"))] == braces
