"""``recapkit lint`` through ``main([...])``: exit codes, formats, flags, config errors, --fix, --diff."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from recapkit.cli import main
from tests.lint.fakes import fake_rules, write

__all__ = ["fake_rules"]  # the fixture, re-exported for pytest

CLEAN = "---\ntitle: Clean\ndate: 2025-01-01\n---\n\n# Hello\n\nNothing wrong here.\n"
DIRTY = "---\ntitle: Dirty\ntags: go meetup\n---\n\n##Talks\n\n![](missing.png)\n"


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_rules: object) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / ".cache"))
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)


def lint(*args: str) -> int:
    return main(["lint", "--no-cache", *args])


GENERIC_NOTE = "warning: no Hugo, Hexo, Jekyll or Zola config found above "


def other_warnings(err: str) -> str:
    """*err* without the note for files no generator claimed (tested on its own below)."""
    return "".join(line for line in err.splitlines(True) if not line.startswith(GENERIC_NOTE))


def test_clean_post_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "content" / "a.md", CLEAN)
    assert lint("content") == 0
    assert capsys.readouterr().out == (
        "Site: content (generic Markdown: no generator detected): 1 file\n"
        "All checks passed (1 file).\n"
    )


def test_findings_exit_1_with_path_line_col_code_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "content" / "post.md", DIRTY)
    assert lint("content") == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[:4] == [
        "content/post.md:3:7: RK104 [*] tags must be a list",
        "content/post.md:6:1: RK301 [*] no space after '#'",
        "content/post.md:8:1: RK201 (warning) image has no alt text",
        "content/post.md:8:1: RK203 missing.png not found",
    ]
    assert lines[4:] == [
        "Site: content (generic Markdown: no generator detected): 1 file",
        "Found 4 problems (3 errors, 1 warning) in 1 file; 2 fixable with --fix.",
    ]


def test_exit_zero_and_quiet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "post.md", DIRTY)
    assert lint("--exit-zero", "--quiet", "post.md") == 0
    out = capsys.readouterr().out
    assert "Found" not in out and out.count("\n") == 4


def test_info_findings_do_not_fail(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "post.md", CLEAN + "\nTODO(recapkit): write the summary\n")
    assert lint("post.md") == 0
    assert "RK401" in capsys.readouterr().out


def test_missing_path_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert lint("nowhere") == 2
    assert capsys.readouterr().err == "error: nowhere: no such file or directory\n"


def _symlink_loop(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.md").symlink_to("b.md")
    (folder / "b.md").symlink_to("a.md")


def test_a_symlink_loop_in_a_walked_folder_is_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "hugo.toml").write_text('baseURL = "https://example.org/"\n')
    (tmp_path / "static").mkdir()
    _symlink_loop(tmp_path / "content" / "posts")
    write(tmp_path / "content" / "posts" / "real.md", CLEAN)
    assert lint(".") == 0
    assert (
        capsys.readouterr().out
        == "Site: . (Hugo, hugo.toml): 1 file\nAll checks passed (1 file).\n"
    )


def test_a_symlink_loop_named_on_the_command_line_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _symlink_loop(tmp_path / "posts")
    assert lint("posts/a.md") == 2
    assert capsys.readouterr().err == "error: posts/a.md: symbolic link loop\n"


def test_no_markdown_files_warns_and_passes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty").mkdir()
    assert lint("empty") == 0
    assert "warning: no Markdown files found in empty" in capsys.readouterr().err


def test_an_excluded_file_named_on_the_command_line_says_which_pattern(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "recapkit.toml").write_text('exclude = ["content/archive/**"]\n')
    write(tmp_path / "content" / "archive" / "old.md", DIRTY)
    write(tmp_path / "content" / "new.md", CLEAN)
    assert lint("content/archive/old.md") == 0
    err = capsys.readouterr().err
    assert other_warnings(err) == (
        'warning: content/archive/old.md: excluded by exclude = "content/archive/**"'
        " (recapkit.toml)\n"
    )
    assert lint("--exclude", "old.md", "content/archive/old.md", "content/new.md") == 0
    captured = capsys.readouterr()
    assert 'excluded by exclude = "content/archive/**" (recapkit.toml)' in captured.err
    assert captured.out.endswith("All checks passed (1 file).\n")
    assert lint("--isolated", "--exclude", "*.md", "content/new.md") == 0
    assert other_warnings(capsys.readouterr().err) == (
        'warning: content/new.md: excluded by exclude = "*.md" (--exclude)\n'
    )


def test_unknown_config_key_exit_2_lists_valid_keys(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "recapkit.toml", 'selct = ["RK2"]\n')
    write(tmp_path / "post.md", CLEAN)
    assert lint("post.md") == 2
    err = capsys.readouterr().err
    assert "unknown key 'selct' (did you mean 'select'?)" in err
    assert "valid keys: cache-dir, content-dirs," in err


def test_unknown_rule_on_command_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "post.md", CLEAN)
    write(tmp_path / "recapkit.toml", 'select = ["RK2"]\n')
    assert lint("--select", "RK9999", "post.md") == 2
    assert capsys.readouterr().err.startswith("error: --select: unknown rule 'RK9999'")
    assert lint("--ignore", "image-mising-alt", "post.md") == 2
    err = capsys.readouterr().err
    assert "--ignore: unknown rule 'image-mising-alt' (did you mean 'image-missing-alt'?)" in err


def test_flags_override_the_config_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "pyproject.toml", '[tool.recapkit]\nselect = ["RK2"]\n')
    write(tmp_path / "post.md", DIRTY)
    assert lint("--quiet", "post.md") == 1
    assert {line.split()[1] for line in capsys.readouterr().out.splitlines()} == {"RK201", "RK203"}
    assert lint("--quiet", "--select", "RK3,RK104", "post.md") == 1
    assert {line.split()[1] for line in capsys.readouterr().out.splitlines()} == {"RK301", "RK104"}
    assert lint("--quiet", "--isolated", "--ignore", "image-missing-alt", "post.md") == 1
    assert "RK201" not in capsys.readouterr().out


def test_statistics(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "a.md", DIRTY)
    write(tmp_path / "b.md", DIRTY.replace("##Talks", "##Talks\n\n###More"))
    assert lint("--statistics", "--quiet", "a.md", "b.md") == 1
    assert capsys.readouterr().out.splitlines() == [
        "     3  RK301  [*] heading-missing-space",
        "     2  RK104  [*] key-type",
        "     2  RK201      image-missing-alt",
        "     2  RK203      image-not-found",
    ]


@pytest.mark.parametrize("fmt", ["json", "github", "sarif", "junit"])
def test_statistics_with_a_machine_format_warns_that_it_is_ignored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    write(tmp_path / "a.md", DIRTY)
    assert lint("--statistics", "--output-format", fmt, "a.md") == 1
    captured = capsys.readouterr()
    assert other_warnings(captured.err) == (
        f"warning: --statistics is ignored with {fmt} output (it needs --output-format text)\n"
    )
    assert "RK301" in captured.out  # every finding is still reported


def test_github_format_is_the_default_on_github_actions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    write(tmp_path / "post.md", DIRTY)
    assert lint("--quiet", "post.md") == 1
    first = capsys.readouterr().out.splitlines()[0]
    assert (
        first
        == "::error file=post.md,line=3,col=7,title=RK104 key-type::post.md:3:7: RK104 tags must be a list"
    )


def test_json_output_to_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "post.md", DIRTY)
    assert lint("--output-format", "json", "-o", "report.json", "post.md") == 1
    assert capsys.readouterr().out == ""
    document = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert document["version"] == 1
    assert document["diagnostics"][2] == {
        "path": "post.md",
        "line": 8,
        "column": 1,
        "end_line": 8,
        "end_column": 17,  # exclusive: the column after `![](missing.png)`
        "code": "RK201",
        "name": "image-missing-alt",
        "severity": "warning",
        "message": "image has no alt text",
        "fixable": False,
        "fix_applicability": None,
    }
    assert document["summary"]["diagnostics"] == 4
    assert document["summary"]["by_rule"] == {"RK104": 1, "RK201": 1, "RK203": 1, "RK301": 1}


def test_color_only_when_asked_or_on_a_tty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "post.md", DIRTY)
    lint("post.md")
    assert "\x1b[" not in capsys.readouterr().out
    lint("--color", "post.md")
    assert "\x1b[" in capsys.readouterr().out


def test_fix_writes_only_flagged_bytes_then_exit_reflects_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    post = write(tmp_path / "post.md", DIRTY)
    assert lint("--fix", "post.md") == 1  # the image findings cannot be fixed
    assert post.read_text(encoding="utf-8") == DIRTY.replace("go meetup", "[go, meetup]").replace(
        "##Talks", "## Talks"
    )
    out = capsys.readouterr().out
    assert "RK301" not in out and "RK104" not in out
    assert out.splitlines()[-1] == "Found 2 problems (1 error, 1 warning) in 1 file; fixed 2."


def test_fix_everything_exits_0_and_second_fix_changes_nothing(tmp_path: Path) -> None:
    post = write(tmp_path / "post.md", "---\ntitle: T\ntags: a b\n---\n##《Go》\n")
    assert lint("--fix", "post.md") == 0
    fixed = post.read_bytes()
    assert fixed == b"---\ntitle: T\ntags: [a, b]\n---\n## \xe3\x80\x8aGo\xe3\x80\x8b\n"
    stamp = post.stat().st_mtime_ns
    assert lint("--fix", "post.md") == 0
    assert post.read_bytes() == fixed and post.stat().st_mtime_ns == stamp  # not even rewritten


def test_diff_prints_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    post = write(tmp_path / "post.md", DIRTY)
    assert lint("--diff", "post.md") == 1
    captured = capsys.readouterr()
    assert post.read_text(encoding="utf-8") == DIRTY
    assert "--- a/post.md\n+++ b/post.md\n" in captured.out
    assert "-tags: go meetup\n+tags: [go, meetup]\n" in captured.out
    assert "-##Talks\n+## Talks\n" in captured.out
    assert other_warnings(captured.err) == "Would fix 2 problem(s) in 1 file.\n"
    write(tmp_path / "clean.md", CLEAN)
    assert lint("--diff", "clean.md") == 0


def test_cache_dir_is_used_and_second_run_is_cached(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "post.md", DIRTY)
    cache = tmp_path / "cache"
    assert (
        main(
            [
                "lint",
                "--cache-dir",
                str(cache),
                "-o",
                "1.json",
                "--output-format",
                "json",
                "post.md",
            ]
        )
        == 1
    )
    assert (
        main(
            [
                "lint",
                "--cache-dir",
                str(cache),
                "-o",
                "2.json",
                "--output-format",
                "json",
                "post.md",
            ]
        )
        == 1
    )
    first = json.loads((tmp_path / "1.json").read_text(encoding="utf-8"))
    second = json.loads((tmp_path / "2.json").read_text(encoding="utf-8"))
    assert first["summary"]["cached"] == 0 and second["summary"]["cached"] == 1
    assert first["diagnostics"] == second["diagnostics"]
    assert [p.name for p in cache.iterdir() if p.name.startswith("lint-")]


def test_rule_crash_is_reported_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "post.md", CLEAN + "CRASH\n##Title\n")
    assert lint("post.md") == 2
    out = capsys.readouterr().out
    assert "post.md:1:1: RK000 rule RK901 (crashing-rule) crashed: RuntimeError: boom" in out
    assert "RK301" in out  # the other rules still ran


def test_help_has_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "--help"]) == 0
    out = capsys.readouterr().out
    assert "recapkit lint content/" in out and "--output-format" in out and "--fix" in out


@pytest.mark.skipif(os.name != "posix", reason="file modes")
def test_fix_keeps_the_file_mode(tmp_path: Path) -> None:
    post = write(tmp_path / "post.md", "##Title\n")
    post.chmod(0o640)
    assert lint("--fix", "post.md") == 0
    assert post.read_text(encoding="utf-8") == "## Title\n"
    assert post.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != ".cache") == ["post.md"]


def test_remote_checks_run_after_the_local_pass_and_honour_suppressions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import http.server
    import threading

    import recapkit.lint.selection
    from recapkit.lint.rules import ALL_RULES

    monkeypatch.setattr(
        recapkit.lint.selection, "all_rules", lambda: ALL_RULES
    )  # RK5xx are real rules

    class Images(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == "/ok.png":
                body = b"\x89PNG\r\n\x1a\n" + b"\0" * 32
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            else:
                self.send_error(404)

        do_HEAD = do_GET

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Images)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        write(
            tmp_path / "post.md",
            f"---\ntitle: T\n---\n\n![ok]({base}/ok.png)\n\n![gone]({base}/gone.png)\n\n"
            f"<!-- recapkit-disable-next-line RK501 -->\n![gone]({base}/gone2.png)\n",
        )
        code = main(
            ["lint", "--no-cache", "--remote", "--allow-private", "--select", "RK5", "post.md"]
        )
    finally:
        server.shutdown()
    captured = capsys.readouterr()
    assert code == 1
    lines = [line for line in captured.out.splitlines() if line.startswith("post.md:")]
    assert len(lines) == 1 and lines[0].startswith("post.md:7:1: RK501 ")
    assert "remote: 3 unique URLs checked" in captured.err


def test_unwritable_report_file_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "post.md", CLEAN)
    assert lint("-o", "missing-dir/report.json", "post.md") == 2
    assert other_warnings(capsys.readouterr().err).startswith(
        "error: missing-dir/report.json: cannot write the report"
    )


def test_config_cache_dir_reaches_the_remote_checker_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import recapkit.lint.selection
    from recapkit.lint.rules import ALL_RULES
    from tests.lint.remote.server import serving

    monkeypatch.setattr(
        recapkit.lint.selection, "all_rules", lambda: ALL_RULES
    )  # RK5xx are real rules
    monkeypatch.setenv("CI", "true")
    write(tmp_path / "recapkit.toml", 'cache-dir = "ci-cache"\n')
    with serving() as server:
        write(
            tmp_path / "site" / "post.md",
            f"---\ntitle: T\n---\n\n![ok]({server.route('/ok.png')})\n",
        )
        argv = ["lint", "--remote", "--allow-private", "--select", "RK5", "site/post.md"]
        assert main(argv) == 0
        assert main(argv) == 0
        hits = len(server.hits("/ok.png"))
    assert hits == 1  # the second run answered from the remote cache in the configured folder
    names = sorted(p.name for p in (tmp_path / "ci-cache").iterdir())
    assert "remote-cache.sqlite3" in names and any(n.startswith("lint-") for n in names)
    assert not (tmp_path / ".cache").exists()  # nothing went to the user cache folder
    assert "1 from cache" in capsys.readouterr().err


def test_help_shows_a_remote_example(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "--help"]) == 0
    assert "recapkit lint --remote --links content/" in capsys.readouterr().out


def test_files_no_generator_claims_are_named_once_with_how_to_say_which(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "notes" / "a" / "one.md", CLEAN)
    write(tmp_path / "notes" / "b" / "two.md", CLEAN)
    write(tmp_path / "blog" / "hugo.toml", 'baseURL = "/"\n')
    write(tmp_path / "blog" / "content" / "posts" / "x.md", CLEAN)
    write(tmp_path / "blog" / "README.md", "# Not a post\n")  # outside the content folder
    assert lint(".") == 0
    captured = capsys.readouterr()
    assert captured.err == (
        f"{GENERIC_NOTE}notes: 2 files checked as generic Markdown (no key vocabulary, nothing "
        'a generator requires, site-absolute images unverified); set `ssg = "..."` in '
        "recapkit.toml or pass --ssg to check them as your generator does\n"
    )
    assert captured.out == (
        "Site: blog (Hugo, blog/hugo.toml): 1 file\n"
        "Site: notes (generic Markdown: no generator detected): 2 files\n"
        "All checks passed (3 files).\n"
    )
    assert lint("--ssg", "jekyll", "notes") == 0
    captured = capsys.readouterr()
    assert captured.err == "" and "(Jekyll, no config file): 2 files" in captured.out


def test_show_settings_names_the_config_each_site_and_its_generator_and_lints_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "recapkit.toml").write_text('ignore = ["RK203"]\nrequired-keys = ["author"]\n')
    write(tmp_path / "blog" / "_config.yml", "timezone: Asia/Shanghai\n")
    write(tmp_path / "blog" / "source" / "_posts" / "x.md", DIRTY)
    assert lint("--show-settings", "--select", "RK1,RK2", "blog") == 0
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert lines[0] == "Config file: recapkit.toml"
    assert "Sites (1 file):" in lines
    assert '  ignore = ["RK203"]' in lines and '  select = ["RK1", "RK2"]' in lines
    assert '  required-keys = ["author"]' in lines
    # the stand-in rules of tests/lint/fakes.py: RK104, RK203, RK301, ...
    rules = next(line for line in lines if line.startswith("Rules"))
    assert "RK104" in rules and "RK203" not in rules and "RK301" not in rules
    site = lines.index("  blog (Hexo, blog/_config.yml): 1 file")
    assert lines[site + 1 :] == [
        "    content: blog/source/_posts, blog/source/_drafts",
        "    static: blog/source",
        "    URL path: /",
        "    time zone: Asia/Shanghai",
    ]
    assert "blog/source/_posts/x.md" not in captured.out  # nothing was linted
