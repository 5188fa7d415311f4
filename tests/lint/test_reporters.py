"""Every output format: exact shapes, SARIF validated against the official 2.1.0 schema, JUnit parsed."""

from __future__ import annotations

import io
import json
from xml.etree import ElementTree as ET

import jsonschema  # type: ignore[import-untyped]
import pytest

from recapkit.lint.diagnostics import Diagnostic, Edit, Fix, Severity
from recapkit.lint.reporters import FORMATS, SARIF_SCHEMA, Report, rule_infos, write_report
from tests.lint.fakes import FAKE_RULES
from tests.paths import FIXTURES

SCHEMA = FIXTURES / "schemas" / "sarif-2.1.0.schema.json"

DIAGNOSTICS = [
    Diagnostic(
        path="content/posts/a b.md",
        line=2,
        column=6,
        code="RK104",
        name="key-type",
        message="tags must be a list, not 'go meetup'",
        end_line=2,
        end_column=15,
        fix=Fix((Edit(20, 29, "[go, meetup]"),), "flow list"),
    ),
    Diagnostic(
        path="content/posts/a b.md",
        line=9,
        column=0,
        code="RK201",
        name="image-missing-alt",
        message="image has no alt text: 100%, a,b: c\nsecond line",
        severity=Severity.WARNING,
    ),
    Diagnostic(
        path="content/中文.md",
        line=0,
        column=0,
        code="RK401",
        name="placeholder-left",
        message="<TODO> & more",
        severity=Severity.INFO,
    ),
]
FILES = ["content/posts/a b.md", "content/clean.md", "content/中文.md"]


def render(fmt: str, **kwargs: object) -> str:
    report = Report(diagnostics=DIAGNOSTICS, files=FILES, rules=rule_infos(FAKE_RULES), **kwargs)  # type: ignore[arg-type]
    stream = io.StringIO()
    write_report(fmt, report, stream)
    return stream.getvalue()


def test_text() -> None:
    assert render("text").splitlines() == [
        "content/posts/a b.md:3:7: RK104 [*] tags must be a list, not 'go meetup'",
        "content/posts/a b.md:10:1: RK201 (warning) image has no alt text: 100%, a,b: c\\nsecond line",
        "content/中文.md:1:1: RK401 (info) <TODO> & more",
        "Found 3 problems (1 error, 1 warning, 1 info) in 2 files; 1 fixable with --fix.",
    ]


def test_text_quiet_and_clean() -> None:
    assert render("text", quiet=True).count("\n") == 3  # one line per finding, newlines escaped
    stream = io.StringIO()
    write_report("text", Report(diagnostics=[], files=["a.md"]), stream)
    assert stream.getvalue() == "All checks passed (1 file).\n"


def test_json_is_one_based_with_summary() -> None:
    document = json.loads(render("json", fixed=2))
    assert document["version"] == 1
    assert document["diagnostics"][0] == {
        "path": "content/posts/a b.md",
        "line": 3,
        "column": 7,
        "end_line": 3,
        "end_column": 16,
        "code": "RK104",
        "name": "key-type",
        "severity": "error",
        "message": "tags must be a list, not 'go meetup'",
        "fixable": True,
        "fix_applicability": "safe",
    }
    assert document["diagnostics"][1]["end_line"] is None
    assert document["summary"] == {
        "files": 3,
        "files_with_findings": 2,
        "diagnostics": 3,
        "errors": 1,
        "warnings": 1,
        "info": 1,
        "fixable": 1,
        "unsafe_fixable": 0,
        "fixed": 2,
        "by_rule": {"RK104": 1, "RK201": 1, "RK401": 1},
    }


def test_github_workflow_commands_are_escaped() -> None:
    lines = render("github", quiet=True).splitlines()
    assert lines == [
        "::error file=content/posts/a b.md,line=3,col=7,endLine=3,endColumn=16,title=RK104 key-type::content/posts/a b.md:3:7: RK104 tags must be a list, not 'go meetup'",
        "::warning file=content/posts/a b.md,line=10,col=1,title=RK201 image-missing-alt::content/posts/a b.md:10:1: RK201 image has no alt text: 100%25, a,b: c%0Asecond line",
        "::notice file=content/中文.md,line=1,col=1,title=RK401 placeholder-left::content/中文.md:1:1: RK401 <TODO> & more",
    ]


def test_github_escapes_commas_and_colons_in_properties() -> None:
    d = Diagnostic(path="a,b:c.md", line=0, column=0, code="RK1", name="n", message="m")
    stream = io.StringIO()
    write_report("github", Report(diagnostics=[d], files=["a,b:c.md"], quiet=True), stream)
    assert stream.getvalue().startswith("::error file=a%2Cb%3Ac.md,line=1")


def test_sarif_is_valid_against_the_official_schema() -> None:
    document = json.loads(render("sarif"))
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    jsonschema.Draft4Validator(schema).validate(document)
    run = document["runs"][0]
    assert run["tool"]["driver"]["name"] == "recapkit"
    codes = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert codes == sorted(rule.code for rule in FAKE_RULES)
    first = run["results"][0]
    assert first["ruleId"] == "RK104" and codes[first["ruleIndex"]] == "RK104"
    assert (
        first["level"] == "error"
        and run["results"][1]["level"] == "warning"
        and run["results"][2]["level"] == "note"
    )
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {
        "uri": "content/posts/a%20b.md",
        "uriBaseId": "%SRCROOT%",
    }
    assert location["region"] == {"startLine": 3, "startColumn": 7, "endLine": 3, "endColumn": 16}


def test_sarif_has_a_result_per_line_and_a_rule_per_line() -> None:
    text = render("sarif")
    results = json.loads(text)["runs"][0]["results"]
    lines = [line.strip().rstrip(",") for line in text.splitlines()]
    assert [json.loads(line) for line in lines if line.startswith('{"ruleId"')] == results
    assert sum(line.startswith('{"id": "RK') for line in lines) == len(FAKE_RULES)
    assert lines[:4] == ["{", f'"$schema": "{SARIF_SCHEMA}"', '"version": "2.1.0"', '"runs": [']


def test_sarif_without_findings_is_valid_too() -> None:
    stream = io.StringIO()
    write_report("sarif", Report(diagnostics=[], files=[]), stream)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(json.loads(stream.getvalue()))


def test_junit_counts_and_cases() -> None:
    root = ET.fromstring(render("junit", elapsed=1.5).encode("utf-8"))
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("4", "3", "0")
    suites = {suite.get("name"): suite for suite in root.findall("testsuite")}
    assert list(suites) == FILES
    clean = suites["content/clean.md"]
    assert clean.get("failures") == "0" and len(clean.findall("testcase")) == 1
    assert clean.find("testcase/failure") is None
    cases = suites["content/posts/a b.md"].findall("testcase")
    assert [c.get("name") for c in cases] == [
        "RK104 key-type at 3:7",
        "RK201 image-missing-alt at 10:1",
    ]
    failure = cases[0].find("failure")
    assert failure is not None and failure.get("type") == "RK104"
    assert failure.text == "content/posts/a b.md:3:7: RK104 tags must be a list, not 'go meetup'"
    assert suites["content/中文.md"].find("testcase/failure").get("message") == "<TODO> & more"  # type: ignore[union-attr]


def test_junit_drops_characters_xml_cannot_hold() -> None:
    d = Diagnostic(path="a.md", line=0, column=0, code="RK1", name="n", message="bad \x00\x1b byte")
    stream = io.StringIO()
    write_report("junit", Report(diagnostics=[d], files=["a.md"]), stream)
    failure = ET.fromstring(stream.getvalue().encode("utf-8")).find("testsuite/testcase/failure")
    assert failure is not None and failure.get("message") == "bad  byte"


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_handles_no_files(fmt: str) -> None:
    stream = io.StringIO()
    write_report(fmt, Report(diagnostics=[], files=[]), stream)
    assert stream.getvalue()


def test_printable_escapes_what_would_drive_a_terminal() -> None:
    from recapkit.lint.reporters import printable

    # ESC (a colour, a screen clear, an OSC title), BEL, C1's CSI, a newline faking a finding,
    # a byte of a non-UTF-8 file name (surrogate escape), a lone surrogate; tab and CJK stay.
    raw = "a\x1b[2J\x1b]0;t\x07\x9b1m\nx.md:1:1: RK000\udcff\ud800\t中"
    assert printable(raw) == "a\\x1b[2J\\x1b]0;t\\x07\\x9b1m\\nx.md:1:1: RK000\\xff\\ud800\t中"
    assert printable("ok\nline", lines=True) == "ok\nline"
