"""RK209 cross-post-anchor-not-found through ``recapkit lint``: links from one post to a heading of
another post of the same site, per generator, with Chinese headings; the cache, a run over one
file, suppressions and the selection."""

from __future__ import annotations

from pathlib import Path

import pytest

from recapkit.cli import main
from tests.files import write_files

TARGET_BODY = "## 安装 Go\n\n## Hello, World! 你好，世界\n\n## 问答 {#qa}\n"


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / ".cache"))
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


def findings(capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    """The RK209 lines of ``recapkit lint --select RK209 ARGS``, as ``path:line: message``."""
    main(["lint", "--output-format", "concise", "--select", "RK209", *args])
    out = capsys.readouterr().out.splitlines()
    return [_short(line) for line in out if " RK209 " in line]


def _short(line: str) -> str:
    place, _, rest = line.partition(" RK209 ")
    return place.rsplit(":", 2)[0] + ": " + rest.removeprefix("(warning) ")


def hugo_site(root: Path, linking: str) -> None:
    write_files(
        root,
        {
            "hugo.toml": 'baseURL = "https://example.org/"\n',
            "content/posts/2021-recap.md": "---\ntitle: Old\n---\n\n" + TARGET_BODY,
            "content/posts/bundle/index.md": "---\ntitle: B\n---\n\n## 议程\n",
            "content/posts/new.md": "---\ntitle: New\n---\n\n" + linking,
        },
    )


def test_hugo_ref_relref_and_file_links_use_goldmarks_ids(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hugo_site(
        tmp_path,
        '[a]({{< ref "2021-recap.md#安装-go" >}})\n'
        '[b]({{< relref "/posts/2021-recap.md#hello-world-你好世界" >}})\n'
        '[c]({{< ref "2021-recap" >}}#qa) [d]({{< ref "bundle#议程" >}})\n'
        "[e](2021-recap.md#%E5%AE%89%E8%A3%85-go)\n\n"
        '[bad1]({{< ref "2021-recap.md#安装-Go" >}})\n'
        '[bad2]({{% relref "/posts/bundle" %}}#agenda)\n'
        "[bad3](./2021-recap.md#安装go)\n",
    )
    assert findings(capsys, "content") == [
        "content/posts/new.md:10: no heading or anchor #安装-Go in 2021-recap.md"
        " (did you mean #安装-go?)",
        "content/posts/new.md:11: no heading or anchor #agenda in bundle/index.md",
        "content/posts/new.md:12: no heading or anchor #安装go in 2021-recap.md"
        " (did you mean #安装-go?)",
    ]


def test_jekyll_post_url_and_relative_links_use_kramdowns_ids(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_files(
        tmp_path,
        {
            "_config.yml": "title: t\n",
            "_posts/2021-06-28-old.md": "---\ntitle: Old\n---\n\n" + TARGET_BODY,
            "_posts/2022-01-01-new.md": "---\ntitle: New\n---\n\n"
            "[a]({% post_url 2021-06-28-old %}#安装-go)\n"
            "[b]({{ site.baseurl }}{% post_url 2021-06-28-old %}#hello-world-你好世界)\n"
            "[c](2021-06-28-old.md#qa)\n"
            "[bad]({% post_url 2021-06-28-old %}#hello-world-你好，世界)\n",
        },
    )
    assert findings(capsys, "_posts") == [
        "_posts/2022-01-01-new.md:8: no heading or anchor #hello-world-你好，世界"
        " in 2021-06-28-old.md"
    ]


def test_hexo_post_link_finds_the_post_by_its_slug(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_files(
        tmp_path,
        {
            "_config.yml": "title: t\nnew_post_name: :year-:month-:day-:title.md\n",
            "package.json": '{"dependencies": {"hexo": "7.0.0"}}\n',
            "source/_posts/2021-06-28-old.md": "---\ntitle: Old\n---\n\n" + TARGET_BODY,
            "source/_posts/new.md": "---\ntitle: New\n---\n\n"
            "{% post_link old#安装-Go %} {% post_link old#问答-qa 'Q&A' %}\n\n"
            "```\n{% post_link old#in-code %}\n```\n\n"
            "{% post_link old#qa %} {% post_link gone#x %}\n",
        },
    )
    assert findings(capsys, "--no-cache", "source") == [
        "source/_posts/new.md:11: no heading or anchor #qa in 2021-06-28-old.md"
    ]


def test_hexo_keeps_case_and_fullwidth_punctuation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_files(
        tmp_path,
        {
            "_config.yml": "title: t\npermalink: :year/:month/:day/:title/\n",
            "package.json": '{"dependencies": {"hexo": "7.0.0"}}\n',
            "source/_posts/old.md": "---\ntitle: Old\n---\n\n" + TARGET_BODY,
            "source/_posts/new.md": "---\ntitle: New\n---\n\n"
            "[a](old.md#安装-Go) [b](old.md#Hello-World-你好，世界)\n"
            "[bad](old.md#安装-go)\n",
        },
    )
    assert findings(capsys, "source") == [
        "source/_posts/new.md:6: no heading or anchor #安装-go in old.md (did you mean #安装-Go?)"
    ]


def test_zola_links_are_left_to_zola(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_files(
        tmp_path,
        {
            "config.toml": 'base_url = "https://example.org"\n',
            "content/blog/old.md": "+++\ntitle = 'Old'\n+++\n\n" + TARGET_BODY,
            "content/blog/new.md": "+++\ntitle = 'New'\n+++\n\n[a](@/blog/old.md#nope) [b](old.md#nope)\n",
        },
    )
    assert findings(capsys, "content") == []


def test_only_the_linking_post_linted_reads_the_other_one_from_disk(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hugo_site(tmp_path, "[bad](2021-recap.md#nope)\n")
    assert findings(capsys, "--no-cache", "content/posts/new.md") == [
        "content/posts/new.md:5: no heading or anchor #nope in 2021-recap.md"
    ]


def test_a_cached_post_is_checked_against_the_other_posts_current_headings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hugo_site(tmp_path, "[x](2021-recap.md#安装-go)\n")
    assert findings(capsys, "content") == []
    old = tmp_path / "content/posts/2021-recap.md"
    old.write_text("---\ntitle: Old\n---\n\n## 安装 Rust\n", "utf-8")
    assert findings(capsys, "content/posts/new.md") == [  # new.md itself comes from the cache
        "content/posts/new.md:5: no heading or anchor #安装-go in 2021-recap.md"
    ]
    assert findings(capsys, "content") == [
        "content/posts/new.md:5: no heading or anchor #安装-go in 2021-recap.md"
    ]


def test_suppressions_ignores_and_missing_or_outside_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hugo_site(
        tmp_path,
        "<!-- recapkit-disable-next-line cross-post-anchor-not-found -->\n"
        "[a](2021-recap.md#nope)\n\n"
        "[gone](missing.md#x) [out](../../../outside.md#x) [web](https://example.org/a.md#x)\n",
    )
    (tmp_path / "outside.md").write_text("---\ntitle: O\n---\n\n## Y\n", "utf-8")
    assert findings(capsys, "--no-cache", "content") == []
    main(["lint", "--no-cache", "--select", "RK208", "content"])  # RK209 not selected
    assert " RK209 " not in capsys.readouterr().out


def test_per_file_ignores_and_severity_apply(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hugo_site(tmp_path, "[a](2021-recap.md#nope)\n")
    config = tmp_path / "recapkit.toml"
    config.write_text('[severity]\nRK209 = "error"\n', "utf-8")
    main(["lint", "--no-cache", "--select", "RK209", "content"])
    assert "content/posts/new.md:5:1: RK209 no heading" in capsys.readouterr().out
    config.write_text('[per-file-ignores]\n"content/posts/new.md" = ["RK209"]\n', "utf-8")
    assert findings(capsys, "--no-cache", "content") == []


def test_an_editor_text_is_checked_against_the_post_on_disk(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io
    import sys

    hugo_site(tmp_path, "")
    text = '---\ntitle: New\n---\n\n[x]({{< ref "2021-recap.md#安装" >}})\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode()), "utf-8"))
    assert findings(capsys, "--stdin-filename", "content/posts/new.md", "-") == [
        "content/posts/new.md:5: no heading or anchor #安装 in 2021-recap.md"
    ]


def test_watch_relints_the_linking_post_when_the_other_post_changes(tmp_path: Path) -> None:
    from recapkit.lint.pipeline import LintRequest, Overrides
    from recapkit.lint.watch import Change, Session

    hugo_site(tmp_path, "[x](2021-recap.md#安装-go)\n")
    request = LintRequest(
        paths=(Path("content"),), use_cache=False, overrides=Overrides(select=("RK209",))
    )
    session = Session(request)
    assert session.everything().result.diagnostics == []
    old = (tmp_path / "content/posts/2021-recap.md").resolve()
    old.write_text("---\ntitle: Old\n---\n\n## 安装 Rust\n", "utf-8")
    step = session.step([(Change.MODIFIED, old)])
    assert step is not None and step.outcome is not None
    assert [(d.path, d.code) for d in step.outcome.result.diagnostics] == [
        ("content/posts/new.md", "RK209")
    ]


def test_a_run_in_worker_processes_checks_the_links_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from recapkit.lint import workers

    hugo_site(tmp_path, "[x](2021-recap.md#nope)\n")
    for index in range(workers.SERIAL_BELOW):
        (tmp_path / f"content/posts/p{index}.md").write_text("---\ntitle: P\n---\n", "utf-8")
    assert findings(capsys, "--no-cache", "--jobs", "2", "content") == [
        "content/posts/new.md:5: no heading or anchor #nope in 2021-recap.md"
    ]
