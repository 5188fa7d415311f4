"""The JSON Schema: generated from the model, valid draft 2020-12, agrees with the loader."""

from __future__ import annotations

import json
from datetime import date, time
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings

from recapkit.cli import main
from recapkit.data import model
from recapkit.data.files import (
    DataFileError,
    dumps_recap,
    file_format,
    load_recap,
    parse_text,
    read_text,
)
from recapkit.data.schema import FIELD_DOCS, json_schema
from tests.paths import EXAMPLES
from tests.strategies import recaps

INVALID = EXAMPLES / "invalid"
VALIDATOR = jsonschema.Draft202012Validator(json_schema())
MODEL_CLASSES = [
    model.Recap,
    model.Event,
    model.Talk,
    model.Speaker,
    model.Takeaway,
    model.Highlight,
    model.Link,
    model.EventLink,
    model.Photo,
]
# Files whose every mistake is beyond JSON Schema: a key given twice (gone once parsed) and
# talk titles that repeat (a uniqueness of one property across items).
NOT_EXPRESSIBLE = {"duplicates.yaml"}


def as_json(data: Any) -> Any:
    """What an editor's schema validator sees: YAML/TOML dates and times as text."""
    return json.loads(
        json.dumps(data, default=lambda v: v.isoformat() if isinstance(v, date | time) else v)
    )


def file_data(path: Path) -> Any:
    return as_json(parse_text(read_text(path), file_format(path), str(path)))


def test_schema_is_valid_draft_2020_12() -> None:
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_schema_is_generated_from_every_field_of_the_model() -> None:
    defs = json_schema()["$defs"]
    for cls in MODEL_CLASSES:
        definition = defs[cls.__name__]
        assert definition["additionalProperties"] is False
        keys = [a.name.replace("_", "-") for a in attrs.fields(cls)]
        extra = ["$schema"] if cls is model.Recap else []  # editors' schema reference
        assert list(definition["properties"]) == keys + extra
        assert definition["required"] == [
            a.name.replace("_", "-") for a in attrs.fields(cls) if a.default is attrs.NOTHING
        ]
        for attribute in attrs.fields(cls):
            assert f"{cls.__name__}.{attribute.name}" in FIELD_DOCS
    assert defs["Recap"]["required"] == ["title", "date", "event"]
    assert defs["Photo"]["required"] == ["src", "alt"]
    assert set(FIELD_DOCS) == {
        f"{c.__name__}.{a.name}" for c in MODEL_CLASSES for a in attrs.fields(c)
    }


@pytest.mark.parametrize(
    "path", sorted(p for p in EXAMPLES.glob("*.*") if p.suffix in (".yaml", ".toml", ".json"))
)
def test_schema_accepts_every_example(path: Path) -> None:
    assert list(VALIDATOR.iter_errors(file_data(path))) == []


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(recaps)
def test_schema_accepts_every_valid_recap(recap: model.Recap) -> None:
    data = json.loads(dumps_recap(recap, "json"))
    assert [e.message for e in VALIDATOR.iter_errors(data)] == []


def loader_rejects(path: Path) -> bool:
    with pytest.raises(DataFileError):
        load_recap(path)
    return True


@pytest.mark.parametrize(
    "path", sorted(p for p in INVALID.glob("*.*") if p.suffix != ".md"), ids=lambda p: p.name
)
def test_schema_rejects_the_invalid_fixtures_it_can_express(path: Path) -> None:
    assert loader_rejects(path)
    try:
        data = file_data(path)
    except DataFileError:
        return  # syntax, empty, alias bomb: there is no data to give a schema
    errors = list(VALIDATOR.iter_errors(data))
    assert (errors == []) == (path.name in NOT_EXPRESSIBLE)


def test_schema_finds_the_expressible_mistakes_at_the_same_paths() -> None:
    data = file_data(INVALID / "three-mistakes.yaml")
    paths = {tuple(e.absolute_path) for e in VALIDATOR.iter_errors(data)}
    # alt text that is a file name needs recapkit's own check
    assert paths == {("talks", 0, "title"), ("talks", 0, "speakers")}


def test_schema_command_prints_and_writes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == json_schema()
    target = tmp_path / "recap.schema.json"
    assert main(["schema", "-o", str(target)]) == 0
    assert json.loads(target.read_text(encoding="utf-8")) == json_schema()
    target.write_text("{}", encoding="utf-8")
    assert main(["schema", "-o", str(target)]) == 1
    assert "file exists; use --force" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "{}"
    assert main(["schema", "-o", str(target), "--force"]) == 0
    assert json.loads(target.read_text(encoding="utf-8")) == json_schema()
    assert main(["schema", "-o", str(tmp_path / "no" / "dir.json")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_schema_help_has_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--help"]) == 0
    assert "recapkit schema > recap.schema.json" in capsys.readouterr().out


@pytest.mark.parametrize("title", ["Go\nnight", "Go\u2028night", "\n"])
def test_schema_refuses_a_title_of_several_lines(title: str) -> None:
    data = {"title": title, "date": "2025-03-01", "event": {"name": "Go"}}
    assert not VALIDATOR.is_valid(data)
    assert VALIDATOR.is_valid({**data, "title": "Go night"})


def test_schema_wants_a_name_an_affiliation_or_a_role_of_a_speaker() -> None:
    def errors(speaker: dict[str, str]) -> list[str]:
        data = {
            "title": "T",
            "date": "2025-03-01",
            "event": {"name": "Go"},
            "talks": [{"title": "A", "speakers": [speaker]}],
        }
        return [e.message for e in VALIDATOR.iter_errors(data)]

    assert errors({"affiliation": "Grab"}) == [] and errors({"role": "SRE"}) == []
    assert errors({"url": "https://x.example.org"})
    assert errors({"name": "Li"}) == []
