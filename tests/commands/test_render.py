"""``recapkit render``: goldens for every example × SSG × language, output files, errors.

Regenerate the goldens after an intended change with::

    RECAPKIT_UPDATE_GOLDENS=1 .venv/bin/python -m pytest tests/commands/test_render.py

and review the diff of ``tests/golden/`` like any other change.
"""

from __future__ import annotations

import os
import re
import stat
import tomllib
from pathlib import Path

import frontmatter
import pytest
from frontmatter.default_handlers import BaseHandler

from recapkit.cli import main
from recapkit.data.files import load_recap
from recapkit.ssg.posts import load_post
from tests.paths import GOLDEN, ROOT

EXAMPLES = sorted(
    p for p in (ROOT / "examples").iterdir() if p.suffix in {".yaml", ".toml", ".json"}
)
UPDATE = os.environ.get("RECAPKIT_UPDATE_GOLDENS") == "1"
SSGS = ("hugo", "hexo", "jekyll", "zola")


class TomllibHandler(BaseHandler):  # type: ignore[misc]
    """python-frontmatter's own TOML handler needs the unmaintained `toml` package."""

    FM_BOUNDARY = re.compile(r"^\+{3,}\s*$", re.MULTILINE)
    START_DELIMITER = END_DELIMITER = "+++"

    def load(self, fm: str, **kwargs: object) -> dict[str, object]:
        return tomllib.loads(fm)


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


LAYOUTS = ("form", "notes")


def golden_path(example: Path, ssg: str, lang: str, layout: str) -> Path:
    """``<example>/<ssg>-<lang>.md`` for the default layout, ``<example>/<layout>/...`` else."""
    folder = GOLDEN / example.stem
    return (folder if layout == "form" else folder / layout) / f"{ssg}-{lang}.md"


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("ssg", SSGS)
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_examples_match_goldens_and_parse_back(
    example: Path, ssg: str, lang: str, layout: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["render", str(example), "--ssg", ssg, "--lang", lang]
    code, out, err = run(args if layout == "form" else [*args, "--layout", layout], capsys)
    assert (code, err) == (0, "")
    golden = golden_path(example, ssg, lang, layout)
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(out, encoding="utf-8", newline="")
    assert out == golden.read_text(encoding="utf-8"), f"{golden} differs (see module docstring)"
    if ssg == "zola":
        assert (
            frontmatter.loads(out, handler=TomllibHandler())["title"] == load_recap(example).title
        )
    else:
        assert frontmatter.loads(out)["title"] == load_recap(example).title
    assert load_post(golden).recap == load_recap(example)


def test_no_stale_goldens() -> None:
    expected = {
        golden_path(e, s, lang, layout).relative_to(GOLDEN).as_posix()
        for e in EXAMPLES
        for s in SSGS
        for lang in ("en", "zh")
        for layout in LAYOUTS
    }
    found = {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.md")}
    assert found == expected


def test_output_file_is_written_and_never_overwritten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out" / "post.md"
    args = ["render", str(EXAMPLES[0]), "--ssg", "hugo", "-o", str(target)]
    assert run(args, capsys) == (0, "", "")
    first = target.read_text(encoding="utf-8")
    target.write_text("my edits\n", encoding="utf-8")
    target.chmod(0o640)
    code, _, err = run(args, capsys)
    assert (code, err) == (1, f"error: {target}: file exists; use --force to replace it\n")
    assert target.read_text(encoding="utf-8") == "my edits\n"
    assert run([*args, "--force"], capsys) == (0, "", "")
    assert target.read_text(encoding="utf-8") == first
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in target.parent.iterdir()] == ["post.md"]  # no temporary files left


def test_hostile_title_from_a_data_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    title = "No: {{ 7*7 }} {% raw %} #1 --- +++ 'q' \"d\" 010"
    data = tmp_path / "hostile.yaml"
    data.write_text(
        "title: " + '"' + title.replace('"', '\\"') + '"\n'
        "date: 2024-05-18\n"
        "event: {name: '{% if %}'}\n"
        "talks:\n  - title: '{{ talk }} #'\n",
        encoding="utf-8",
    )
    for ssg in SSGS:
        out_file = tmp_path / f"{ssg}.md"
        assert run(["render", str(data), "--ssg", ssg, "-o", str(out_file)], capsys)[0] == 0
        post = load_post(out_file)
        assert post.data["title"] == title
        recap = post.recap
        assert recap is not None and recap.talks[0].title == "{{ talk }} #"
        assert "49" not in out_file.read_text(encoding="utf-8")


def test_same_input_same_bytes(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["render", str(EXAMPLES[0]), "--ssg", "jekyll"]
    assert run(args, capsys) == run(args, capsys)


def test_ssg_is_detected_from_the_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "config.toml").write_text('base_url = "https://z.example"\n', encoding="utf-8")
    code, out, _ = run(["render", str(EXAMPLES[0]), "--site", str(tmp_path)], capsys)
    assert code == 0 and out.startswith("+++\n")


def test_without_a_site_the_ssg_must_be_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run(["render", str(EXAMPLES[0])], capsys)
    assert code == 2 and "pass --ssg" in err


def test_site_template_folder_and_template_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "hugo.toml").write_text('baseURL = "https://x.example/"\n', encoding="utf-8")
    (tmp_path / "content").mkdir()
    templates = tmp_path / ".recapkit" / "templates"
    templates.mkdir(parents=True)
    (templates / "short.md.j2").write_text("{{ recap.event.name | md_inline }}\n", encoding="utf-8")
    (templates / "broken.md.j2").write_text("ok\n{{ recap.nope }}\n", encoding="utf-8")
    base = ["render", str(EXAMPLES[0]), "--site", str(tmp_path), "--template"]
    code, out, _ = run([*base, "short"], capsys)
    assert code == 0 and out.endswith("\n\n" + load_recap(EXAMPLES[0]).event.name + "\n")
    code, _, err = run([*base, "broken"], capsys)
    assert code == 2 and "broken.md.j2:2: UndefinedError" in err and err.startswith("error: ")
    code, _, err = run([*base, "missing"], capsys)
    assert code == 2 and "template not found: missing" in err


def write_template(folder: Path, name: str, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.md.j2").write_text(text, encoding="utf-8")


def test_template_lookup_order_with_the_configured_templates_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "hugo.toml").write_text('baseURL = "https://x.example/"\n', encoding="utf-8")
    (tmp_path / "recapkit.toml").write_text('templates-dir = "recap-templates"\n', encoding="utf-8")
    cli_dir, configured, own = (
        tmp_path / "cli",
        tmp_path / "recap-templates",
        site / ".recapkit/templates",
    )
    for folder, names in ((cli_dir, "a"), (configured, "ab"), (own, "abc")):
        for name in names:
            write_template(folder, name, f"{name} from {folder.name}\n")
    monkeypatch.chdir(tmp_path / "cli")  # the config is found from the site, not from here
    base = ["render", str(EXAMPLES[0]), "--site", str(site), "--template-dir", str(cli_dir)]
    shown = {}
    for name in "abc":
        code, out, err = run([*base, "--template", name], capsys)
        assert (code, err) == (0, "")
        shown[name] = out.rsplit("\n\n", 1)[1]
    assert shown == {
        "a": "a from cli\n",
        "b": "b from recap-templates\n",
        "c": "c from templates\n",
    }
    code, out, _ = run(["render", str(EXAMPLES[0]), "--site", str(site)], capsys)
    assert code == 0 and "## " in out  # no --template: the built-in


def test_the_configured_templates_dir_must_exist(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "hugo.toml").write_text('baseURL = "https://x.example/"\n', encoding="utf-8")
    (tmp_path / "recapkit.toml").write_text('templates-dir = "nowhere"\n', encoding="utf-8")
    code, out, err = run(["render", str(EXAMPLES[0]), "--site", str(tmp_path)], capsys)
    assert (code, out) == (2, "")
    assert err.startswith("error: ") and "templates-dir" in err and "nowhere is not a folder" in err


def test_the_configured_ssg_is_used(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "recapkit.toml").write_text('ssg = "zola"\n', encoding="utf-8")
    code, out, err = run(["render", str(EXAMPLES[0]), "--site", str(tmp_path)], capsys)
    assert (code, err) == (0, "") and out.startswith("+++\n")


def test_invalid_data_file_is_a_finding_reported_as_validate_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "bad.yaml"
    data.write_text("title: x\nevent: {name: y}\n", encoding="utf-8")
    assert main(["validate", str(data)]) == 1
    problems = capsys.readouterr().out
    assert f"{data}:1:1: date: required field missing\n" in problems
    output = tmp_path / "post.md"
    code, out, err = run(["render", str(data), "--ssg", "hugo", "-o", str(output)], capsys)
    assert (code, out, err) == (1, "", problems)  # on stderr: never inside a redirected post
    assert not output.exists()


def test_help_has_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["render", "--help"], capsys)
    assert code == 0 and "recapkit render examples/" in out


def test_output_into_a_site_takes_that_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "blog"  # laid out as `jekyll new --blank` does: only a default layout
    (site / "_posts").mkdir(parents=True)
    (site / "_layouts").mkdir()
    (site / "_layouts" / "default.html").write_text("{{ content }}\n", encoding="utf-8")
    (site / "_config.yml").write_text("title: x\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    output = site / "_posts" / "2025-04-20-x.md"
    code, _, err = run(["render", str(EXAMPLES[0]), "-o", str(output)], capsys)
    assert (code, err) == (0, "")
    assert load_post(output).data["layout"] == "default"
    code, out, _ = run(["render", str(EXAMPLES[0]), "--ssg", "jekyll"], capsys)
    assert code == 0 and "\nlayout: post\n" in out  # stdout: the current folder is no site


def test_a_missing_site_folder_is_a_usage_error_and_nothing_is_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "blog"
    output = missing / "content" / "posts" / "x.md"
    args = ["render", str(EXAMPLES[0]), "--site", str(missing), "--ssg", "hugo", "-o", str(output)]
    code, out, err = run(args, capsys)
    assert (code, out, err) == (2, "", f"error: site {missing} does not exist\n")
    assert list(tmp_path.iterdir()) == []


def test_a_data_file_that_is_no_regular_file_or_holds_a_lone_surrogate_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)  # opened without blocking, or this test would hang
    zero = tmp_path / "zero.json"
    zero.symlink_to("/dev/zero")
    lone = tmp_path / "lone.json"
    lone.write_text('{"title": "\\ud800", "date": "2025-03-01", "event": {"name": "Go"}}', "utf-8")
    output = tmp_path / "post.md"
    for data, expected in (
        (fifo, (2, "", f"error: {fifo}: a FIFO (named pipe), not a regular file\n")),
        (zero, (2, "", f"error: {zero}: a device, not a regular file (it links to /dev/zero)\n")),
    ):
        assert run(["render", str(data), "--ssg", "hugo", "-o", str(output)], capsys) == expected
    code, out, err = run(["render", str(lone), "--ssg", "hugo", "-o", str(output)], capsys)
    assert (code, out) == (1, "") and err.startswith(f"{lone}:1:11: title: text holds \\ud800")
    assert not output.exists()


def test_the_configured_layout_is_the_default_and_layout_overrides_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "hugo.toml").write_text('baseURL = "https://x.example/"\n', encoding="utf-8")
    base = ["render", str(EXAMPLES[0]), "--site", str(tmp_path)]
    form = run(base, capsys)[1]
    notes = run([*base, "--layout", "notes"], capsys)[1]
    assert "\n## 活动信息\n" in form and "\n## 活动信息\n" not in notes
    (tmp_path / "recapkit.toml").write_text('layout = "notes"\n', encoding="utf-8")
    assert run(base, capsys) == (0, notes, "")
    assert run([*base, "--layout", "form"], capsys) == (0, form, "")
    (tmp_path / "recapkit.toml").write_text('layout = "story"\n', encoding="utf-8")
    code, _, err = run(base, capsys)
    assert code == 2 and "layout: expected one of form, notes, got 'story'" in err


def test_a_template_wins_over_the_layout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = tmp_path / "short.md.j2"
    template.write_text("short\n", encoding="utf-8")
    args = ["render", str(EXAMPLES[0]), "--ssg", "hugo", "--layout", "notes"]
    code, out, _ = run([*args, "--template", str(template)], capsys)
    assert code == 0 and out.endswith("\n\nshort\n")


def test_an_unknown_layout_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["render", str(EXAMPLES[0]), "--ssg", "hugo", "--layout", "x"], capsys)
    assert (code, out) == (2, "") and "'x' is not one of 'form', 'notes'" in err


@pytest.mark.parametrize("layout", ["form", "notes"])
def test_lang_changes_the_labels_only(layout: str, capsys: pytest.CaptureFixture[str]) -> None:
    chinese = ROOT / "examples" / "gopher-meetup-hangzhou-2025.yaml"
    args = ["render", str(chinese), "--ssg", "hugo", "--layout", layout, "--lang", "en"]
    code, out, _ = run(args, capsys)
    assert code == 0 and "## Summary\n\n感谢示例云提供场地。" in out
    assert "Takeaways" in out and "收获" not in out
    code, out, _ = run(["render", "--help"], capsys)
    assert "labels and date formats only" in " ".join(out.split())


def test_the_example_sites_recap_is_its_data_file_rendered(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """examples/site shows what `recapkit render` writes: kept in step with the data file."""
    post = ROOT / "examples/site/content/posts/gopher-meetup-hangzhou-2025/index.md"
    data = ROOT / "examples/gopher-meetup-hangzhou-2025.yaml"
    assert main(["render", str(data), "--ssg", "hugo", "--lang", "zh", "-o", "-"]) == 0
    assert capsys.readouterr().out == post.read_text(encoding="utf-8")
