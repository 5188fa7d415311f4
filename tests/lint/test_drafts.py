"""Drafts are drafts: what a writer has not written *yet* (RK401, RK402) is `info` in a post its
generator does not publish, an error (or warning) once it is published; `draft-severity` changes it."""

from __future__ import annotations

from pathlib import Path

import pytest

from recapkit.cli import main
from tests.commands.test_new import make_site
from tests.files import write
from tests.lint.rules.test_recap_data import RECAP

SSGS = ("hugo", "hexo", "jekyll", "zola")
TITLES = {"en": "GopherChina 2024 recap", "zh": "Go 夜读第 100 期回顾"}
# What publishing a scaffolded draft means on each generator: its draft flag turned off.
PUBLISH = {
    "hugo": ("draft: true\n", "draft: false\n"),
    "zola": ("draft = true\n", "draft = false\n"),
    "hexo": ("published: false\n", ""),
    "jekyll": ("published: false\n", ""),
}


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out + err


def scaffold(tmp_path: Path, ssg: str, lang: str, capsys: pytest.CaptureFixture[str]) -> Path:
    site = make_site(tmp_path / "site", ssg)
    code, out = run(["new", TITLES[lang], "--site", str(site)], capsys)
    assert code == 0, out
    return Path(out.splitlines()[0])


@pytest.mark.parametrize("lang", sorted(TITLES))
@pytest.mark.parametrize("ssg", SSGS)
def test_a_fresh_draft_passes_and_the_published_post_fails(
    tmp_path: Path, ssg: str, lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    post = scaffold(tmp_path, ssg, lang, capsys)
    code, out = run(["lint", "--no-cache", str(post)], capsys)
    assert code == 0, out
    assert "RK401 (info) placeholder left: `TODO(recapkit)" in out
    assert "error" not in out.lower()

    flag, published = PUBLISH[ssg]
    text = post.read_text(encoding="utf-8")
    assert flag in text
    post.write_text(text.replace(flag, published, 1), encoding="utf-8")
    code, out = run(["lint", "--no-cache", str(post)], capsys)
    assert code == 1, out
    assert "RK401 placeholder left" in out and "(info)" not in out  # errors are unlabelled
    assert "Found 10 problems (10 errors)" in out


def test_fail_on_info_still_fails_a_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    post = scaffold(tmp_path, "hugo", "en", capsys)
    code, out = run(["lint", "--no-cache", "--fail-on", "info", str(post)], capsys)
    assert code == 1 and "RK401 (info)" in out


@pytest.mark.parametrize("ssg", ["jekyll", "hexo"])
def test_a_post_in_the_drafts_folder_is_a_draft(
    tmp_path: Path, ssg: str, capsys: pytest.CaptureFixture[str]
) -> None:
    site = make_site(tmp_path / "site", ssg)
    folder = "_drafts" if ssg == "jekyll" else "source/_drafts"
    post = write(site / folder / "meetup.md", "---\ntitle: Meetup\n---\n\nTODO(recapkit): lead\n")
    code, out = run(["lint", "--no-cache", str(post)], capsys)
    assert code == 0 and "RK401 (info)" in out, out


def test_takeaways_are_info_in_a_draft_and_a_warning_once_published(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = make_site(tmp_path / "site", "hugo")
    fixed = RECAP.replace("      speakers: Alice\n      takeways: []\n", "")
    draft = write(
        site / "content/posts/draft.md", fixed.replace("title: T\n", "title: T\ndraft: true\n", 1)
    )
    done = write(site / "content/posts/done.md", fixed)
    code, out = run(["lint", "--no-cache", "--select", "RK402", str(draft)], capsys)
    assert code == 0 and out.count("RK402 (info)") == 2, out
    code, out = run(["lint", "--no-cache", "--select", "RK402", str(done)], capsys)
    assert code == 1 and out.count("RK402 (warning)") == 2, out


@pytest.mark.parametrize(
    ("table", "draft_code", "draft_shows", "published_shows"),
    [
        ('RK401 = "error"', 1, "RK401 placeholder", "RK401 placeholder"),
        ('placeholder-left = "off"', 0, None, "RK401 placeholder"),
        ('image-missing-alt = "info"', 0, "RK201 (info)", "RK201 (warning)"),
    ],
)
def test_draft_severity_is_configurable(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    table: str,
    draft_code: int,
    draft_shows: str | None,
    published_shows: str,
) -> None:
    site = make_site(tmp_path / "site", "hugo")
    write(site / "recapkit.toml", f"[draft-severity]\n{table}\n")
    rule = "RK201" if "image" in table else "RK401"
    body = "\nTODO(recapkit): lead\n\n![](https://example.org/a.png)\n"
    draft = write(
        site / "content/posts/draft.md",
        f"---\ntitle: D\ndate: 2024-05-18\ndraft: true\n---\n{body}",
    )
    done = write(site / "content/posts/done.md", f"---\ntitle: P\ndate: 2024-05-18\n---\n{body}")
    code, out = run(["lint", "--no-cache", "--select", rule, str(draft)], capsys)
    assert code == draft_code, out
    if draft_shows is None:
        assert "RK401" not in out
    else:
        assert draft_shows in out
    code, out = run(["lint", "--no-cache", "--select", rule, str(done)], capsys)
    assert code == 1 and published_shows in out, out


def test_an_unknown_rule_in_draft_severity_is_a_config_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = make_site(tmp_path / "site", "hugo")
    write(site / "recapkit.toml", '[draft-severity]\nplaceholder-lef = "info"\n')
    code, out = run(["lint", "--no-cache", str(site)], capsys)
    assert code == 2
    assert (
        "draft-severity: unknown rule 'placeholder-lef' (did you mean 'placeholder-left'?)" in out
    )


def test_a_cached_draft_keeps_its_severities(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    post = scaffold(tmp_path, "zola", "en", capsys)
    args = ["lint", "--cache-dir", str(tmp_path / "cache"), str(post)]
    first = run(args, capsys)
    second = run(args, capsys)
    assert first[0] == second[0] == 0
    assert second[1].count("RK401 (info)") == first[1].count("RK401 (info)") == 10


def test_remote_findings_of_a_draft_get_the_draft_severity(tmp_path: Path) -> None:
    """The remote pass applies the local pass's policy with the post's draft flag."""
    from recapkit.config import Config
    from recapkit.lint.diagnostics import Diagnostic, Severity
    from recapkit.lint.discover import Target
    from recapkit.lint.engine import Linter
    from recapkit.lint.suppressions import NONE

    linter = Linter(Config(root=tmp_path, draft_severity={"remote-broken": "info"}))
    post = tmp_path / "post.md"
    broken = Diagnostic(str(post), 3, 0, "RK501", "remote-broken", "404", Severity.ERROR)
    target = Target(post, post)
    assert [d.severity for d in linter.apply_policy(target, [broken], NONE, draft=True)] == [
        Severity.INFO
    ]
    assert [d.severity for d in linter.apply_policy(target, [broken], NONE)] == [Severity.ERROR]


def test_the_cache_keeps_whether_a_post_is_a_draft(tmp_path: Path) -> None:
    from recapkit.lint.cache import CachedFile, LintCache

    cache = LintCache(tmp_path, "fingerprint")
    cache.put("/a.md", CachedFile("digest", (), draft=True))
    cache.put("/b.md", CachedFile("digest", ()))
    cache.save()
    again = LintCache(tmp_path, "fingerprint")
    hits = [again.get(name, name, content_digest="digest") for name in ("/a.md", "/b.md")]
    assert [hit.draft if hit else None for hit in hits] == [True, False]
