"""The JSON output layout: any document reads back as itself, one list element per line."""

from __future__ import annotations

import io
import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from recapkit.lint.report_formats.json_text import write_json

_SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
_DOCUMENTS = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


def _written(document: Any) -> str:
    stream = io.StringIO()
    write_json(document, stream)
    return stream.getvalue()


@given(_DOCUMENTS)
def test_any_document_reads_back_as_itself(document: Any) -> None:
    text = _written(document)
    assert json.loads(text) == document
    assert text.endswith("\n")


def test_each_finding_is_a_line_and_text_is_not_escaped() -> None:
    rows = [{"path": "文章.md", "line": n, "message": "a\nb"} for n in (1, 2)]
    text = _written({"version": 1, "diagnostics": rows, "summary": {"by_rule": {"RK201": 2}}})
    lines = text.splitlines()
    assert lines[:3] == ["{", '  "version": 1,', '  "diagnostics": [']
    assert lines[3] == '    {"path": "文章.md", "line": 1, "message": "a\\nb"},'
    assert lines[4] == '    {"path": "文章.md", "line": 2, "message": "a\\nb"}'
    assert '    "by_rule": {' in lines
    assert _written({"empty": [], "none": {}}) == '{\n  "empty": [],\n  "none": {}\n}\n'


@given(_DOCUMENTS, st.frozensets(st.text(max_size=2), max_size=3))
def test_any_document_reads_back_as_itself_with_keys_expanded(
    document: Any, expand: frozenset[str]
) -> None:
    stream = io.StringIO()
    write_json(document, stream, expand=expand)
    assert json.loads(stream.getvalue()) == document


def test_the_elements_of_an_expanded_list_are_laid_out_like_the_document() -> None:
    document = {"runs": [{"tool": {"name": "t"}, "results": [{"id": 1}, {"id": 2}]}], "n": [[1]]}
    stream = io.StringIO()
    write_json(document, stream, expand=frozenset({"runs"}))
    assert stream.getvalue().splitlines() == [
        "{",
        '  "runs": [',
        "    {",
        '      "tool": {',
        '        "name": "t"',
        "      },",
        '      "results": [',
        '        {"id": 1},',
        '        {"id": 2}',
        "      ]",
        "    }",
        "  ],",
        '  "n": [',
        "    [1]",
        "  ]",
        "}",
    ]
