"""The runnable API examples in examples/api/: run each as a user would, check what it prints."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from recapkit import load_post, load_recap, render
from tests.paths import EXAMPLES, FIXTURES, ROOT

API = EXAMPLES / "api"
SAMPLE_SITE = API.parent / "site"
DATA_SUFFIXES = {".yaml", ".yml", ".toml", ".json"}


def run(script: str, *args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "PYTHONPATH": path, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, str(API / script), *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def example_data_files() -> list[Path]:
    return sorted(p for p in EXAMPLES.iterdir() if p.suffix in DATA_SUFFIXES)


def test_there_are_examples_to_work_on() -> None:
    assert len(example_data_files()) >= 3


# --- speakers_index.py --------------------------------------------------------------------------


def test_speakers_index_lists_every_speaker_of_the_examples(tmp_path: Path) -> None:
    result = run("speakers_index.py", cwd=tmp_path)  # the default must not depend on the cwd
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Speakers\n")
    for path in example_data_files():
        recap = load_recap(path)
        for talk in recap.talks:
            for speaker in talk.speakers:
                if speaker.name is None:  # known by affiliation only: not in an index of names
                    assert f"**{speaker.label}**" not in result.stdout
                    continue
                assert f"**{speaker.name}**" in result.stdout, speaker.name
                assert f"{recap.event.name}: {talk.title}" in result.stdout, talk.title
    # examples/invalid/ holds broken data files on purpose: reported, not fatal.
    assert "skipped" in result.stderr and "invalid" in result.stderr


def test_speakers_index_json_counts_each_talk_once_per_speaker(tmp_path: Path) -> None:
    source = example_data_files()[0]
    recap = load_recap(source)
    (tmp_path / source.name).write_bytes(source.read_bytes())
    result = run("speakers_index.py", tmp_path, "--json")
    assert result.returncode == 0, result.stderr
    index = json.loads(result.stdout)
    expected = sum(1 for talk in recap.talks for s in talk.speakers if s.name is not None)
    assert sum(len(entries) for entries in index.values()) == expected
    assert {entry["source"] for entries in index.values() for entry in entries} == {
        str(tmp_path / source.name)
    }


def test_speakers_index_reads_recaps_inside_posts(tmp_path: Path) -> None:
    recap = load_recap(example_data_files()[0])
    posts = tmp_path / "content" / "posts"
    posts.mkdir(parents=True)
    (posts / "recap.md").write_text(render(recap, ssg="hugo"), encoding="utf-8")
    (posts / "plain.md").write_text("---\ntitle: Not a recap\n---\n\nHello.\n", encoding="utf-8")
    result = run("speakers_index.py", tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    named = [s for s in recap.speakers if s.name is not None]
    assert named and all(f"**{s.name}**" in result.stdout for s in named)


# --- render_folder.py ---------------------------------------------------------------------------


@pytest.mark.parametrize("ssg", ["hugo", "hexo", "jekyll", "zola"])
def test_render_folder_renders_every_example_and_they_load_back(ssg: str, tmp_path: Path) -> None:
    out = tmp_path / "posts"
    result = run("render_folder.py", EXAMPLES, "--ssg", ssg, "--out", out)
    assert result.returncode == 0, result.stderr
    sources = example_data_files()
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{p.stem}.md" for p in sources)
    for source in sources:
        assert f"{source.name} -> {out / (source.stem + '.md')}" in result.stdout
        assert load_post(out / f"{source.stem}.md").recap == load_recap(source)


def test_render_folder_default_writes_to_a_new_temporary_folder(tmp_path: Path) -> None:
    result = run("render_folder.py", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    targets = [Path(line.split(" -> ")[1]) for line in result.stdout.splitlines()]
    assert len(targets) == len(example_data_files())
    assert all(t.is_file() and not t.is_relative_to(ROOT) for t in targets)
    assert list(tmp_path.iterdir()) == []


def test_render_folder_never_overwrites_without_force(tmp_path: Path) -> None:
    source = example_data_files()[0]
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / source.name).write_bytes(source.read_bytes())
    existing = tmp_path / "out" / f"{source.stem}.md"
    existing.parent.mkdir()
    existing.write_text("my own edits\n")
    refused = run("render_folder.py", folder, "--out", existing.parent)
    assert refused.returncode == 1
    assert "exists (use --force)" in refused.stderr
    assert existing.read_text() == "my own edits\n"
    forced = run("render_folder.py", folder, "--out", existing.parent, "--force")
    assert forced.returncode == 0, forced.stderr
    assert load_post(existing).recap == load_recap(source)


def test_render_folder_reports_an_invalid_file_and_goes_on(tmp_path: Path) -> None:
    source = example_data_files()[0]
    (tmp_path / source.name).write_bytes(source.read_bytes())
    (tmp_path / "broken.yaml").write_text("title: [unclosed\n")
    result = run("render_folder.py", tmp_path, "--out", tmp_path / "out")
    assert result.returncode == 1
    assert "skipped broken.yaml" in result.stderr
    assert (tmp_path / "out" / f"{source.stem}.md").is_file()


# --- lint_summary.py ----------------------------------------------------------------------------


def test_lint_summary_on_the_sample_site_reports_its_deliberate_mistakes(tmp_path: Path) -> None:
    result = run("lint_summary.py", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "By rule:" in result.stdout
    for code in ("RK104", "RK201", "RK202", "RK203", "RK301", "RK302"):
        assert code in result.stdout, code
    assert "first-meetup-notes" in result.stdout
    assert "go-meetup-hangzhou" not in result.stdout.split("Files with the most findings")[1]


def test_lint_summary_on_a_clean_post_says_so(tmp_path: Path) -> None:
    (tmp_path / "hugo.toml").write_text('baseURL = "https://example.org/"\n')
    posts = tmp_path / "content" / "posts"
    posts.mkdir(parents=True)
    (posts / "ok.md").write_text(
        "---\ntitle: A clean post\ndate: 2025-01-18T19:00:00+08:00\n---\n\n## Talks\n\nAll good.\n"
    )
    result = run("lint_summary.py", tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == "1 file checked, 0 findings\n"


# --- the snippets on the Python API page ---------------------------------------------------------


def test_the_api_page_snippets_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each ```python block of docs/api.md, run in order in a folder holding the files it names."""
    shutil.copytree(EXAMPLES, tmp_path / "examples", ignore=shutil.ignore_patterns("api", "ci"))
    source = example_data_files()[0]
    (tmp_path / "recaps").mkdir()
    (tmp_path / "recaps" / "go-meetup.yaml").write_bytes(source.read_bytes())
    shutil.copy(FIXTURES / "schedules" / "pretalx-schedule.json", tmp_path / "schedule.json")
    for site in (tmp_path, tmp_path / "blog"):
        site.mkdir(exist_ok=True)
        (site / "hugo.toml").write_text('baseURL = "https://example.org/"\n')
        (site / "content" / "posts").mkdir(parents=True)
    (tmp_path / "my-blog" / "content" / "posts").mkdir(parents=True)  # the site-index recipes
    (tmp_path / "my-blog" / "hugo.toml").write_text('baseURL = "https://example.org/"\n')
    for root in (tmp_path, tmp_path / "my-blog"):
        post = root / "content" / "posts" / "go-meetup" / "index.md"
        post.parent.mkdir()
        post.write_text(render(load_recap(source), ssg="hugo"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    page = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```python\n(.*?)^```", page, re.M | re.S)
    assert len(blocks) >= 5
    for block in blocks:
        exec(compile(block, "docs/api.md", "exec"), {})
    assert list((tmp_path / "blog" / "content" / "posts").iterdir())  # scaffold wrote its post
