"""The CI services' own formats from real ``recapkit lint`` runs: GitLab Code Quality (checked
against the fields GitLab's documentation requires), reviewdog's rdjson (validated against
reviewdog's published JSON Schema, and its suggestions applied as reviewdog would) and the
Markdown step summary (rendered by a CommonMark parser with GFM tables, as GitHub would)."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]
import pytest
from markdown_it import MarkdownIt

from recapkit.cli import main
from recapkit.lint.diagnostics import Diagnostic
from recapkit.lint.report_formats import markdown
from recapkit.lint.reporters import Report, write_report
from tests.files import write
from tests.paths import FIXTURES

RDJSON_SCHEMA = FIXTURES / "schemas" / "reviewdog-DiagnosticResult.json"
POST = "---\ntitle: 中文 recap\n---\n\n中文 ![](here.png)\n\n##Talks\n\n##Talks\n"
"""RK201 after two CJK characters (byte and character columns differ), and two identical RK301
findings with a safe fix on different lines."""


@pytest.fixture(autouse=True)
def _site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A repository (``.git``) holding the site in ``blog/``; the run starts inside ``blog/``."""
    (tmp_path / ".git").mkdir()
    write(tmp_path / "blog" / "content" / "here.png", b"\x89PNG")
    monkeypatch.chdir(tmp_path / "blog")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / ".cache"))
    for name in ("GITHUB_ACTIONS", "CI_PROJECT_DIR"):
        monkeypatch.delenv(name, raising=False)


def run(fmt: str, *args: str) -> str:
    """``recapkit lint --output-format FMT`` into a file, as CI jobs write their reports."""
    out = Path("report.out")
    code = main(["lint", "--isolated", "--no-cache", "--output-format", fmt, "-o", str(out), *args])
    assert code == 1
    data = out.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")  # GitLab's parser refuses a BOM
    return data.decode("utf-8")


# --- GitLab Code Quality ---------------------------------------------------------------------------

_GITLAB_SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


def _check_code_quality(issues: Any) -> None:
    """The fields GitLab's "Code Quality report format" requires, with their types."""
    assert isinstance(issues, list)
    for issue in issues:
        for key in ("description", "check_name", "fingerprint", "severity"):
            assert isinstance(issue[key], str) and issue[key], key
        assert issue["severity"] in _GITLAB_SEVERITIES
        path = issue["location"]["path"]
        assert isinstance(path, str) and not path.startswith(("/", "./"))
        lines = issue["location"]["lines"]
        assert isinstance(lines["begin"], int) and 1 <= lines["begin"] <= lines["end"]
    prints = [issue["fingerprint"] for issue in issues]
    assert len(set(prints)) == len(prints)  # GitLab shows issues with one fingerprint as one


def test_gitlab_report_names_files_from_the_repository_root() -> None:
    write(Path("content/a.md"), POST)
    issues = json.loads(run("gitlab", "content/a.md"))
    _check_code_quality(issues)
    assert [(i["check_name"], i["severity"], i["location"]) for i in issues] == [
        ("RK201", "minor", {"path": "blog/content/a.md", "lines": {"begin": 5, "end": 5}}),
        ("RK301", "major", {"path": "blog/content/a.md", "lines": {"begin": 7, "end": 7}}),
        ("RK301", "major", {"path": "blog/content/a.md", "lines": {"begin": 9, "end": 9}}),
    ]
    assert issues[0]["description"] == "RK201 image here.png has empty alt text"


def test_gitlab_report_takes_the_root_from_ci_project_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CI_PROJECT_DIR", str(tmp_path / "blog"))
    write(Path("content/a.md"), POST)
    issues = json.loads(run("gitlab", str(Path("content/a.md").resolve())))
    assert {i["location"]["path"] for i in issues} == {"content/a.md"}


def test_gitlab_report_outside_a_repository_names_files_from_the_current_folder(
    tmp_path: Path,
) -> None:
    (tmp_path / ".git").rmdir()
    write(Path("content/a.md"), POST)
    issues = json.loads(run("gitlab", str(Path("content/a.md").resolve())))
    assert {i["location"]["path"] for i in issues} == {"content/a.md"}


def test_gitlab_fingerprints_survive_moved_lines_and_tell_twins_apart() -> None:
    post = Path("content/a.md")
    write(post, POST)
    first = [i["fingerprint"] for i in json.loads(run("gitlab", str(post)))]
    assert first == [i["fingerprint"] for i in json.loads(run("gitlab", str(post)))]
    write(post, POST.replace("\n\n中文", "\n\nA new first paragraph.\n\n中文"))
    moved = json.loads(run("gitlab", str(post)))
    assert [i["location"]["lines"]["begin"] for i in moved] == [7, 9, 11]
    assert [i["fingerprint"] for i in moved] == first
    assert len(set(first)) == 3  # the two identical RK301 findings are two issues


# --- reviewdog rdjson ------------------------------------------------------------------------------


def _validate_rdjson(document: Any) -> None:
    schema = json.loads(RDJSON_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    jsonschema.Draft4Validator(schema).validate(document)
    for d in document["diagnostics"]:  # what the proto says beyond the schema
        assert {"line", "column"} <= d["location"]["range"]["start"].keys()
        assert d["severity"] in {"ERROR", "WARNING", "INFO"}


def _byte_offset(lines: list[bytes], position: dict[str, int]) -> int:
    return sum(len(line) for line in lines[: position["line"] - 1]) + position["column"] - 1


def _apply(data: bytes, suggestions: list[dict[str, Any]]) -> bytes:
    """The suggestions applied as reviewdog reads them: 1-based lines, UTF-8 byte columns, the
    end exclusive."""
    lines = data.splitlines(keepends=True)
    spans = [
        (_byte_offset(lines, s["range"]["start"]), _byte_offset(lines, s["range"]["end"]), s)
        for s in suggestions
    ]
    for start, end, s in sorted(spans, key=lambda span: span[0], reverse=True):
        data = data[:start] + s["text"].encode("utf-8") + data[end:]
    return data


def test_rdjson_is_valid_with_utf8_byte_columns() -> None:
    write(Path("content/a.md"), POST)
    document = json.loads(run("rdjson", "content/a.md"))
    _validate_rdjson(document)
    assert document["source"]["name"] == "recapkit"
    image = document["diagnostics"][0]
    assert image["code"]["value"] == "RK201" and image["severity"] == "WARNING"
    assert image["code"]["url"].endswith("/docs/rules.md#rk201-image-missing-alt")
    # "中文 " is 3 characters but 7 bytes: the image starts at byte column 8, ends before 21.
    assert image["location"] == {
        "path": "content/a.md",
        "range": {"start": {"line": 5, "column": 8}, "end": {"line": 5, "column": 21}},
    }
    line = POST.splitlines()[4].encode("utf-8")
    assert line[8 - 1 : 21 - 1] == b"![](here.png)"
    assert "suggestions" not in image


def test_rdjson_suggestions_applied_give_what_fix_writes() -> None:
    post = write(Path("content/a.md"), POST)
    document = json.loads(run("rdjson", str(post)))
    suggestions = [s for d in document["diagnostics"] for s in d.get("suggestions", [])]
    assert len(suggestions) == 2
    suggested = _apply(post.read_bytes(), suggestions)
    main(["lint", "--isolated", "--no-cache", "--quiet", "--fix", str(post)])
    assert suggested == post.read_bytes() and b"## Talks" in suggested


def test_rdjson_suggests_an_unsafe_fix_only_with_unsafe_fixes() -> None:
    write(Path("content/t.md"), "---\ntitle: T\ntags: go meetup\n---\n\n中文\n")
    args = ("--select", "RK104", "--fail-on", "info", "content/t.md")
    safe_only = json.loads(run("rdjson", *args))
    _validate_rdjson(safe_only)
    assert [d["severity"] for d in safe_only["diagnostics"]] == ["INFO"]
    assert "suggestions" not in safe_only["diagnostics"][0]
    unsafe = json.loads(run("rdjson", "--unsafe-fixes", *args))
    assert unsafe["diagnostics"][0]["suggestions"][0]["text"].startswith("[")


# --- Markdown step summary -------------------------------------------------------------------------

HOSTILE_NAME = "x|y <img src=x onerror=alert(1)> [z](e.test) &amp;.md"
HOSTILE_POST = "---\ntitle: T\n---\n\n##<script>alert(1)</script> | `a` ![i](http://e.test/t.png)\n"


def _render(text: str) -> str:
    return MarkdownIt("commonmark").enable("table").render(text)


def _rows(html: str) -> list[list[str]]:
    rows = re.findall(r"<tr>(.*?)</tr>", html, re.DOTALL)
    return [re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.DOTALL) for row in rows]


def test_markdown_summary_of_a_real_run() -> None:
    write(Path("content/a.md"), POST)
    text = run("markdown", "content/a.md")
    assert text.startswith("## recapkit lint\n")
    html = _render(text)
    assert "Found 3 problems (2 errors, 1 warning) in 1 file; 2 fixable with --fix." in html
    rows = _rows(html)
    assert ["error", "2"] in rows and ["warning", "1"] in rows
    link = '<a href="https://github.com/recapkit/recapkit/blob/main/docs/rules.md#rk301-heading-missing-space">'
    assert [link + "RK301 heading-missing-space</a>", "error", "2", "2"] in rows
    findings = [row for row in rows if re.fullmatch(r"\d+:\d+", row[0])]
    assert [(row[0], row[2]) for row in findings] == [
        ("5:4", "warning"),
        ("7:1", "error"),
        ("9:1", "error"),
    ]
    assert "<h4>content/a.md</h4>" in html


def test_markdown_summary_escapes_file_names_and_messages() -> None:
    write(Path(HOSTILE_NAME), HOSTILE_POST)
    html = _render(run("markdown", "--select", "RK301", HOSTILE_NAME))
    assert "<script" not in html and "<img" not in html  # shown, never run or loaded
    assert html.count("<a href=") == 2  # the rule's links only: no link from a name or message
    assert "&amp;lt;script&amp;gt;" not in html  # escaped once, not twice
    assert "&lt;script&gt;alert(1)&lt;/script&gt; | `a` ![i](" in html  # the message cuts the rest
    assert "x|y &lt;img src=x onerror=alert(1)&gt; [z](e.test) &amp;amp;.md" in html
    (finding,) = [row for row in _rows(html) if row[0] == "5:1"]
    assert len(finding) == 4  # the pipe stayed in the message's cell


def test_markdown_escape_keeps_one_row_and_shows_controls() -> None:
    cell = markdown.escape("a|b\nc\x1b[2J")
    assert "\n" not in cell and "\x1b" not in cell
    assert _rows(_render(f"| m |\n|--|\n| {cell} |\n"))[1] == ["a|b\\nc\\x1b[2J"]


def _many(count: int) -> list[Diagnostic]:
    return [
        Diagnostic(
            f"content/{i // 50:04}.md", i % 50, 0, "RK301", "heading-missing-space", "m" * 150
        )
        for i in range(count)
    ]


def test_markdown_summary_stays_under_githubs_limit_and_says_what_is_left_out() -> None:
    diagnostics = _many(9000)  # about 1.7 MB of rows
    stream = io.StringIO()
    write_report("markdown", Report(diagnostics=diagnostics, files=[]), stream)
    text = stream.getvalue()
    assert len(text.encode("utf-8")) <= markdown.LIMIT < 1024 * 1024
    shown = len(re.findall(r"^\| \d+:1 \|", text, re.MULTILINE))
    assert 0 < shown < 9000
    assert text.endswith(
        f"**{9000 - shown} of 9000 findings (in {180 - (shown // 50)} files) are left out:** "
        "GitHub takes at most 1 MiB of summary per step. `recapkit lint` lists them all in the "
        "job log (`--output-format json` for a file).\n"
    )
    assert "| 9000 |" in text  # the counts at the top are of every finding


def test_markdown_summary_cut_never_leaves_a_file_heading_without_rows() -> None:
    stream = io.StringIO()
    markdown.report(Report(diagnostics=_many(120), files=[]), stream, limit=3000)
    text = stream.getvalue()
    assert len(text.encode("utf-8")) <= 3000
    assert not re.search(r"\|--:\|:--\|:--\|:--\|\n(?!\|)", text)


def test_markdown_summary_of_a_clean_run() -> None:
    write(Path("content/ok.md"), "---\ntitle: OK\n---\n\nFine.\n")
    assert (
        main(
            [
                "lint",
                "--isolated",
                "--no-cache",
                "--output-format",
                "markdown",
                "-o",
                "s.md",
                "content",
            ]
        )
        == 0
    )
    assert (
        Path("s.md").read_text("utf-8") == "## recapkit lint\n\nAll checks passed \\(1 file\\)\\.\n"
    )


@pytest.mark.parametrize("fmt", ["gitlab", "rdjson", "markdown"])
def test_a_lone_surrogate_and_a_file_name_not_in_utf8_are_reported(fmt: str) -> None:
    write(
        Path("content/a-surrogate.md"), '{\n  "title": "ok",\n  "tags": ["a\\ud800b"]\n}\n\n##x\n'
    )
    write(
        Path(b"content/\xff.md".decode("utf-8", "surrogateescape")), "---\ntitle: T\n---\n\n##y\n"
    )
    text = run(fmt, "content")
    text = _render(text) if fmt == "markdown" else text  # as the reader sees it
    assert "\\ud800 is half of a UTF-16 surrogate pair" in text
    assert text.count("RK301") >= 2  # both posts were reported
