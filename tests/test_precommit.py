"""The pre-commit hooks, run by the real pre-commit in temporary site repositories.

Two ways in: the hooks recapkit ships in .pre-commit-hooks.yaml (`try-repo`, or `repo:` a clone's
path with `rev:` a commit), and the `repo: local` snippet the docs tell writers to paste, which
installs recapkit with pip from `additional_dependencies`. Either way pre-commit builds a virtual
environment and pip-installs recapkit from a git snapshot of this working tree, as it would from
recapkit's repository. That needs the package index once per test session (the environments are
then reused from a temporary PRE_COMMIT_HOME).
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from yaml import safe_load as load_yaml

from tests.paths import ROOT

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(
        importlib.util.find_spec("pre_commit") is None,
        reason="pre-commit is not installed (pip install -e '.[test]')",
    ),
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
]

# Not part of a source checkout: caches, virtual environments, build output.
IGNORED = shutil.ignore_patterns(
    ".git",
    ".venv",
    ".ci-venv",
    "__pycache__",
    "*.egg-info",
    ".*_cache",
    ".hypothesis",
    "site",
    "dist",
    "build",
)

GOOD = """\
---
title: "Go meetup Hangzhou, March 2025"
date: 2025-03-08T14:00:00+08:00
tags: [go, meetup]
---

## Talks

![The first speaker on stage](/images/stage.png)
"""

# `##Talks` (RK301, fixable) and an image without alt that is not there either (RK201, RK203).
BAD = """\
---
title: "Go meetup Hangzhou, April 2025"
date: 2025-04-12T14:00:00+08:00
---

##Talks

![](/images/missing.png)
"""

FIXABLE_ONLY = GOOD.replace("## Talks", "##Talks")

# The docs' placeholder for recapkit's repository (docs/index.md, Install): the only part of the
# documented snippet the tests change, to the snapshot's file:// address.
DOCUMENTED_REPO = "https://github.com/recapkit/recapkit"
HOOKS = load_yaml((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def git(cwd: Path, *args: str) -> None:
    subprocess.run(
        [
            "git",
            "-c",
            "user.name=recapkit tests",
            "-c",
            "user.email=tests@example.org",
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
            *args,
        ],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A committed snapshot of this working tree: what users reference as `repo:` in their config."""
    clone = tmp_path_factory.mktemp("hooks") / "recapkit"
    shutil.copytree(ROOT, clone, ignore=IGNORED, symlinks=True)
    git(clone, "init", "-q")
    git(clone, "add", "-A")
    git(clone, "commit", "-q", "-m", "snapshot")
    return clone


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


# Where each generator keeps posts and root-relative images.
LAYOUTS = {
    "hugo": ("content/posts", "static", {"hugo.toml": 'baseURL = "https://example.org/"\n'}),
    "hexo": (
        "source/_posts",
        "source",
        {"_config.yml": "title: Meetups\npost_asset_folder: true\n"},
    ),
}


def make_site(root: Path, ssg: str) -> Path:
    """A small site in its own git repository, with a README that is not a post; returns the posts dir."""
    posts_dir, static_dir, config = LAYOUTS[ssg]
    posts = root / posts_dir
    posts.mkdir(parents=True)
    (root / static_dir / "images").mkdir(parents=True, exist_ok=True)
    (root / static_dir / "images" / "stage.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 32)
    for name, text in config.items():
        (root / name).write_text(text)
    (root / "README.md").write_text(
        "# Our meetup blog\n\nNo front matter here, and that is fine.\n"
    )
    (posts / "good.md").write_text(GOOD)
    git(root, "init", "-q")
    git(root, "add", "-A")
    return posts


@pytest.fixture(params=sorted(LAYOUTS))
def site(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, Path]:
    root = tmp_path / "site"
    return root, make_site(root, request.param)


def pre_commit(site: Path, home: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    env.pop("PYTHONPATH", None)  # the hook must run the recapkit pre-commit installed, not ours
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *map(str, args)],
        cwd=site,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_lint_hook_passes_a_good_post_and_ignores_the_readme(
    site: tuple[Path, Path], hook_repo: Path, pre_commit_home: Path
) -> None:
    root, _ = site
    result = pre_commit(
        root, pre_commit_home, "try-repo", hook_repo, "recapkit-lint", "--all-files"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "recapkit lint" in result.stdout and "Passed" in result.stdout


def test_lint_hook_rejects_a_bad_post(
    site: tuple[Path, Path], hook_repo: Path, pre_commit_home: Path
) -> None:
    root, posts = site
    (posts / "bad.md").write_text(BAD)
    git(root, "add", "-A")
    result = pre_commit(
        root, pre_commit_home, "try-repo", hook_repo, "recapkit-lint", "--all-files"
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Failed" in result.stdout
    for code in ("RK201", "RK203", "RK301"):
        assert code in result.stdout, code
    assert "good.md" not in result.stdout and "README.md" not in result.stdout
    assert (posts / "bad.md").read_text() == BAD  # lint never writes


def test_fix_hook_repairs_and_fails_once_then_passes(
    tmp_path: Path, hook_repo: Path, pre_commit_home: Path
) -> None:
    root = tmp_path / "site"
    post = make_site(root, "hugo") / "heading.md"
    post.write_text(FIXABLE_ONLY)
    git(root, "add", "-A")
    args = ("try-repo", hook_repo, "recapkit-fix", "--files", post.relative_to(root))
    first = pre_commit(root, pre_commit_home, *args)
    assert first.returncode == 1, first.stdout + first.stderr
    assert "files were modified by this hook" in first.stdout
    assert post.read_text() == GOOD
    second = pre_commit(root, pre_commit_home, *args)
    assert second.returncode == 0, second.stdout + second.stderr


def test_a_site_config_with_the_hooks_blocks_a_bad_commit(
    tmp_path: Path, hook_repo: Path, pre_commit_home: Path
) -> None:
    """The way writers use it: hooks listed in .pre-commit-config.yaml, then `git commit`."""
    root = tmp_path / "site"
    posts = make_site(root, "hexo")
    rev = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=hook_repo, capture_output=True, text=True, check=True
    ).stdout.strip()
    (root / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hook_repo}\n    rev: {rev}\n    hooks:\n"
        "      - id: recapkit-lint\n      - id: recapkit-lint-remote\n"
    )
    git(root, "add", "-A")
    installed = pre_commit(root, pre_commit_home, "install")
    assert installed.returncode == 0, installed.stdout + installed.stderr
    env = {**os.environ, "PRE_COMMIT_HOME": str(pre_commit_home), "PRE_COMMIT_COLOR": "never"}
    env.pop("PYTHONPATH", None)
    commit = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-m", "post"]

    (posts / "bad.md").write_text(BAD)
    git(root, "add", "-A")
    refused = subprocess.run(commit, cwd=root, env=env, capture_output=True, text=True)
    assert refused.returncode != 0
    assert "RK301" in refused.stdout + refused.stderr
    assert "recapkit lint --remote" not in refused.stdout  # manual stage only

    (posts / "bad.md").unlink()
    git(root, "add", "-A")
    accepted = subprocess.run(commit, cwd=root, env=env, capture_output=True, text=True)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr

    # The remote hook runs on request; the good post has no remote image, so no network is needed.
    manual = pre_commit(
        root,
        pre_commit_home,
        "run",
        "--hook-stage",
        "manual",
        "recapkit-lint-remote",
        "--all-files",
    )
    assert manual.returncode == 0, manual.stdout + manual.stderr
    assert "recapkit lint --remote" in manual.stdout and "Passed" in manual.stdout


# --- the checker's walk: a fresh site, the snippet from the docs, git commit -------------------


GUIDES = [
    ROOT / "docs" / "index.md",
    ROOT / "docs" / "ci.md",
    *sorted((ROOT / "docs" / "getting-started").glob("*.md")),
]


def config_snippets(page: Path) -> list[str]:
    """The .pre-commit-config.yaml snippets (yaml blocks that start with `repos:`) of a docs page."""
    return re.findall(r"^```yaml\n(repos:\n.*?)^```", page.read_text(encoding="utf-8"), re.M | re.S)


def documented_config(page: Path, hook_repo: Path) -> str:
    """The first .pre-commit-config.yaml snippet of a docs page, pointed at the local snapshot."""
    blocks = config_snippets(page)
    assert blocks, page
    assert f'"recapkit @ git+{DOCUMENTED_REPO}"' in blocks[0]
    return blocks[0].replace(DOCUMENTED_REPO, hook_repo.as_uri())


def test_every_guide_shows_the_same_snippet() -> None:
    """So the two fresh-site tests below, which run the snippets of ci.md and hexo.md, vouch for all."""
    firsts = {page.relative_to(ROOT).as_posix(): config_snippets(page)[:1] for page in GUIDES}
    assert all(firsts.values()), firsts
    assert len({snippet for (snippet,) in firsts.values()}) == 1, firsts


@pytest.mark.parametrize("page", GUIDES, ids=lambda p: p.stem)
def test_documented_local_hooks_are_the_shipped_ones(page: Path) -> None:
    """A `repo: local` hook in the docs runs what .pre-commit-hooks.yaml defines for its id, from
    recapkit installed by pip, with no tag that does not exist yet."""
    shipped = {hook["id"]: hook for hook in HOOKS}
    for snippet in config_snippets(page):
        assert "rev:" not in snippet, snippet
        for repo in load_yaml(snippet)["repos"]:
            assert repo["repo"] == "local", snippet
            for hook in repo["hooks"]:
                defined = shipped[hook["id"]]
                for key in ("name", "entry", "language", "types_or", "stages", "require_serial"):
                    assert hook.get(key) == defined.get(key), (hook["id"], key)
                assert hook["additional_dependencies"] == [f"recapkit @ git+{DOCUMENTED_REPO}"]
                if hook["files"] != defined["files"]:
                    assert "change `files:`" in page.read_text(encoding="utf-8"), hook


def commit(site: Path, home: Path, message: str) -> subprocess.CompletedProcess[str]:
    """`git add -A && git commit` as a writer runs it, with the pre-commit hook installed."""
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    env.pop("PYTHONPATH", None)
    git(site, "add", "-A")
    return subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-m", message],
        cwd=site,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def install_hooks(site: Path, home: Path, config: str) -> None:
    (site / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    installed = pre_commit(site, home, "install")
    assert installed.returncode == 0, installed.stdout + installed.stderr


def hugo(site: Path, *args: str) -> None:
    subprocess.run(["hugo", *args], cwd=site, check=True, capture_output=True, timeout=120)


@pytest.mark.skipif(shutil.which("hugo") is None, reason="hugo is not installed")
def test_a_fresh_hugo_site_with_the_documented_snippet(
    tmp_path: Path, hook_repo: Path, pre_commit_home: Path
) -> None:
    site = tmp_path / "blog"
    hugo(tmp_path, "new", "site", str(site))
    git(site, "init", "-q")
    install_hooks(site, pre_commit_home, documented_config(ROOT / "docs" / "ci.md", hook_repo))
    # `hugo new content` since Hugo 0.120; older versions take the path directly.
    usage = subprocess.run(["hugo", "new", "--help"], capture_output=True, text=True).stdout
    new_post = ["new", "content"] if re.search(r"^\s+content\s", usage, re.M) else ["new"]

    hugo(site, *new_post, "posts/go-meetup.md")  # the site's archetype: title, date, draft
    post = site / "content" / "posts" / "go-meetup.md"
    post.write_text(post.read_text() + "\n## Talks\n\nGenerics in practice.\n")
    accepted = commit(site, pre_commit_home, "a post from the archetype")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert "recapkit lint" in accepted.stdout + accepted.stderr

    hugo(site, *new_post, "posts/bad.md")
    bad = site / "content" / "posts" / "bad.md"
    bad.write_text(bad.read_text() + "\n##Talks\n\n![](/images/IMG_0273.JPG)\n")
    refused = commit(site, pre_commit_home, "a bad post")
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    for code in ("RK201", "RK203", "RK301"):
        assert re.search(rf"content/posts/bad\.md:\d+:\d+: {code} ", output), code
    assert "go-meetup.md" not in output  # only the changed post is checked


def hexo_init(site: Path) -> None:
    """What `hexo init` lays out (hexo-starter): the parts recapkit and pre-commit look at."""
    (site / "source" / "_posts").mkdir(parents=True)
    (site / "scaffolds").mkdir()
    (site / "themes").mkdir()
    (site / "_config.yml").write_text(
        "title: Hexo\nurl: http://example.com\nsource_dir: source\npublic_dir: public\n"
        "new_post_name: :title.md\npost_asset_folder: false\ntimezone: ''\ntheme: landscape\n"
    )
    (site / "scaffolds" / "post.md").write_text(
        "---\ntitle: {{ title }}\ndate: {{ date }}\ntags:\n---\n"
    )
    (site / "package.json").write_text('{"name": "hexo-site", "private": true}\n')
    (site / ".gitignore").write_text("node_modules/\npublic/\ndb.json\n")
    # The starter's sample post has no date (Hexo then uses the file's creation time).
    (site / "source" / "_posts" / "hello-world.md").write_text(
        "---\ntitle: Hello World\n---\nWelcome to [Hexo](https://hexo.io/)!\n\n## Quick Start\n"
    )


def test_a_fresh_hexo_site_with_the_documented_snippet(
    tmp_path: Path, hook_repo: Path, pre_commit_home: Path
) -> None:
    site = tmp_path / "blog"
    hexo_init(site)
    git(site, "init", "-q")
    guide = ROOT / "docs" / "getting-started" / "hexo.md"
    install_hooks(site, pre_commit_home, documented_config(guide, hook_repo))

    # As docs/getting-started/hexo.md warns: the sample post has no date.
    first = commit(site, pre_commit_home, "hexo init")
    assert first.returncode != 0
    assert "hello-world.md:1:1: RK103" in first.stdout + first.stderr
    sample = site / "source" / "_posts" / "hello-world.md"
    sample.write_text(
        sample.read_text().replace(
            "title: Hello World\n", "title: Hello World\ndate: 2025-03-01 10:00:00\n"
        )
    )
    second = commit(site, pre_commit_home, "hexo init")
    assert second.returncode == 0, second.stdout + second.stderr

    # What `hexo new "Go meetup April"` writes, then a writer's mistakes.
    post = site / "source" / "_posts" / "Go-meetup-April.md"
    post.write_text(
        "---\ntitle: Go meetup April\ndate: 2025-04-12 14:00:00\ntags:\n---\n\n##Talks\n\n"
        "{% asset_img stage.png %}\n\n[slides]()\n"
    )
    refused = commit(site, pre_commit_home, "a bad post")
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    for code in ("RK201", "RK203", "RK301", "RK302"):
        assert re.search(rf"source/_posts/Go-meetup-April\.md:\d+:\d+: {code} ", output), code

    post.write_text(
        "---\ntitle: Go meetup April\ndate: 2025-04-12 14:00:00\ntags: [go, meetup]\n---\n\n"
        "## Talks\n\n[Slides](https://example.org/slides.pdf)\n"
    )
    accepted = commit(site, pre_commit_home, "a good post")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr


# What publishing a `recapkit new` draft means on each generator of LAYOUTS.
PUBLISH = {"hugo": ("draft: true\n", "draft: false\n"), "hexo": ("published: false\n", "")}


@pytest.mark.parametrize("ssg", sorted(LAYOUTS))
def test_a_recapkit_new_draft_passes_the_documented_hook_until_it_is_published(
    tmp_path: Path,
    hook_repo: Path,
    pre_commit_home: Path,
    ssg: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Drafts are drafts: the skeleton's TODO(recapkit) markers are info while it is a draft, so
    it can be committed; once published, the same markers fail the hook."""
    from recapkit.cli import main

    root = tmp_path / "site"
    make_site(root, ssg)
    install_hooks(root, pre_commit_home, documented_config(ROOT / "docs" / "ci.md", hook_repo))
    assert main(["new", "Go 夜读第 100 期回顾", "--site", str(root), "--talks", "2"]) == 0
    post = Path(capsys.readouterr().out.splitlines()[0])
    git(root, "add", "-A")
    draft = pre_commit(root, pre_commit_home, "run", "--all-files")
    assert draft.returncode == 0, draft.stdout + draft.stderr
    assert "recapkit lint" in draft.stdout and "Passed" in draft.stdout

    flag, published = PUBLISH[ssg]
    post.write_text(post.read_text(encoding="utf-8").replace(flag, published, 1), encoding="utf-8")
    git(root, "add", "-A")
    refused = pre_commit(root, pre_commit_home, "run", "--all-files")
    output = refused.stdout + refused.stderr
    assert refused.returncode == 1, output
    assert re.search(rf"{re.escape(post.name)}:\d+:\d+: RK401 placeholder left", output), output
