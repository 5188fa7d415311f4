"""The engine: discovery, per-file ignores, suppressions, severities, cache, parallel runs."""

from __future__ import annotations

import os
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recapkit.config import Config
from recapkit.lint.discover import Target, compile_glob, discover
from recapkit.lint.engine import Linter
from recapkit.lint.pipeline import lint_paths
from recapkit.lint.workers import SERIAL_BELOW
from recapkit.ssg import Site
from tests.lint_fakes import fake_rules, write

__all__ = ["fake_rules"]

POST = "---\ntitle: T\n---\n\n##Talks\n\n![](photo.png)\n"


@pytest.fixture(autouse=True)
def _fakes(fake_rules: object, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)


def codes(result: object) -> list[tuple[str, int, str]]:
    return [(d.path, d.line, d.code) for d in result.diagnostics]  # type: ignore[attr-defined]


# --- discovery -------------------------------------------------------------------------------------


def test_discovery_walks_markdown_skips_hidden_and_node_modules(tmp_path: Path) -> None:
    for name in [
        "a.md",
        "b.markdown",
        "c.txt",
        ".hidden.md",
        "sub/d.MD",
        ".git/e.md",
        "node_modules/f.md",
        "x/.y/g.md",
    ]:
        write(tmp_path / "content" / name, "x")
    found = [str(t.path) for t in discover(["content"], config=Config(root=tmp_path))]
    assert found == ["content/a.md", "content/b.markdown", "content/sub/d.MD"]


def test_explicit_files_are_linted_whatever_their_extension_and_once(tmp_path: Path) -> None:
    write(tmp_path / "notes.txt", "x")
    write(tmp_path / "a.md", "x")
    found = [
        str(t.path)
        for t in discover(["notes.txt", "a.md", ".", "./a.md"], config=Config(root=tmp_path))
    ]
    assert found == ["notes.txt", "a.md"]


def test_exclude_globs(tmp_path: Path) -> None:
    for name in [
        "posts/a.md",
        "posts/drafts/b.md",
        "drafts/c.md",
        "posts/_index.md",
        "legacy/2010/d.md",
    ]:
        write(tmp_path / name, "x")
    config = Config(root=tmp_path, exclude=("drafts", "_index.md", "/legacy/**"))
    assert [str(t.path) for t in discover(["."], config=config)] == ["posts/a.md"]


@pytest.mark.parametrize(
    ("pattern", "path", "matches"),
    [
        ("drafts", "content/drafts/a.md", True),
        ("drafts/", "content/drafts/", True),
        ("*.md", "a/b/c.md", True),
        ("content/*.md", "content/a.md", True),
        ("content/*.md", "content/x/a.md", False),
        ("content/**/a.md", "content/x/y/a.md", True),
        ("content/**/a.md", "content/a.md", True),
        ("/a.md", "x/a.md", False),
        ("2024-??-*.md", "_posts/2024-01-x.md", True),
    ],
)
def test_glob(pattern: str, path: str, matches: bool) -> None:
    assert bool(compile_glob(pattern).search(path)) is matches


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_symlinks_out_of_the_tree_are_not_followed(tmp_path: Path) -> None:
    outside = write(tmp_path / "outside" / "secret.md", "x")
    write(tmp_path / "site" / "inside.md", "x")
    (tmp_path / "site" / "leak.md").symlink_to(outside)
    (tmp_path / "site" / "dir").symlink_to(outside.parent, target_is_directory=True)
    (tmp_path / "site" / "alias.md").symlink_to(tmp_path / "site" / "inside.md")
    found = discover(["site"], config=Config(root=tmp_path))
    assert (
        len(found) == 1
    )  # alias.md and inside.md are one file: linted once, never the outside one
    assert found[0].real == (tmp_path / "site" / "inside.md").resolve()


# --- running rules ---------------------------------------------------------------------------------


def test_lint_paths_reports_paths_as_given(tmp_path: Path) -> None:
    write(tmp_path / "content" / "a.md", POST)
    result = lint_paths(["content"], config=Config(root=tmp_path))
    assert codes(result) == [
        ("content/a.md", 4, "RK301"),
        ("content/a.md", 6, "RK201"),
        ("content/a.md", 6, "RK203"),
    ]
    absolute = lint_paths([str(tmp_path / "content")], config=Config(root=tmp_path))
    assert absolute.diagnostics[0].path == str(tmp_path / "content" / "a.md")


def test_per_file_ignores_relative_to_the_config(tmp_path: Path) -> None:
    write(tmp_path / "content" / "legacy" / "old.md", POST)
    write(tmp_path / "content" / "new.md", POST)
    config = Config(
        root=tmp_path,
        per_file_ignores={"content/legacy/**": ("RK2",), "new.md": ("heading-missing-space",)},
    )
    assert codes(lint_paths(["content"], config=config)) == [
        ("content/legacy/old.md", 4, "RK301"),
        ("content/new.md", 6, "RK201"),
        ("content/new.md", 6, "RK203"),
    ]


def test_suppressions_and_severity_overrides_apply(tmp_path: Path) -> None:
    text = POST.replace(
        "![](photo.png)", "<!-- recapkit-disable-next-line RK203 -->\n![](photo.png)"
    )
    write(tmp_path / "a.md", text)
    result = lint_paths(["a.md"], config=Config(root=tmp_path, severity={"RK301": "info"}))
    assert [(d.code, str(d.severity)) for d in result.diagnostics] == [
        ("RK301", "info"),
        ("RK201", "warning"),
    ]


def test_a_suppression_quoted_in_a_fence_silences_nothing(tmp_path: Path) -> None:
    sample = "```markdown\n<!-- recapkit-disable-file -->\n```\n"
    write(tmp_path / "a.md", POST.replace("##Talks", sample + "\n##Talks"))
    result = lint_paths(["a.md"], config=Config(root=tmp_path))
    assert [d.code for d in result.diagnostics] == ["RK301", "RK201", "RK203"]


def test_a_crashing_rule_becomes_a_finding(tmp_path: Path) -> None:
    write(tmp_path / "a.md", "CRASH\n##x\n")
    result = lint_paths(["a.md"], config=Config(root=tmp_path))
    assert result.internal_errors == 1
    assert [d.code for d in result.diagnostics] == ["RK000", "RK301"]


def test_unreadable_or_binary_files_do_not_crash(tmp_path: Path) -> None:
    write(tmp_path / "binary.md", b"\x00\x01\x02PNG")
    write(tmp_path / "latin1.md", "caf\xe9".encode("latin-1"))
    write(tmp_path / "empty.md", b"")
    write(tmp_path / "big.md", b"#" * (5 * 2**20 + 1))
    result = lint_paths(["."], config=Config(root=tmp_path))
    assert result.internal_errors == 0
    assert len(result.files) == 4


def test_parallel_run_matches_serial(tmp_path: Path) -> None:
    count = SERIAL_BELOW + 40
    for index in range(count):
        body = POST if index % 3 else "---\ntitle: ok\n---\n\nfine\n"
        write(tmp_path / "content" / f"post-{index:04}.md", body)
    serial = lint_paths(["content"], config=Config(root=tmp_path), jobs=1)
    parallel = lint_paths(["content"], config=Config(root=tmp_path), jobs=2)
    assert len(parallel.files) == count
    assert codes(parallel) == codes(serial)
    assert len(serial.diagnostics) == 3 * len([i for i in range(count) if i % 3])


# --- cache -----------------------------------------------------------------------------------------


def _cached_run(
    tmp_path: Path, config: Config | None = None
) -> tuple[int, list[tuple[str, int, str]]]:
    result = lint_paths(
        ["content"],
        config=config or Config(root=tmp_path),
        use_cache=True,
        cache_dir=tmp_path / "cache",
    )
    return result.cache_hits, codes(result)


def test_cache_hit_after_first_run(tmp_path: Path) -> None:
    write(tmp_path / "content" / "a.md", POST)
    write(tmp_path / "content" / "b.md", "fine\n")
    first = _cached_run(tmp_path)
    second = _cached_run(tmp_path)
    assert first[0] == 0 and second[0] == 2
    assert first[1] == second[1] and len(first[1]) == 3


def test_cache_invalidated_by_content_and_config(tmp_path: Path) -> None:
    post = write(tmp_path / "content" / "a.md", POST)
    write(tmp_path / "content" / "b.md", "fine\n")
    _cached_run(tmp_path)
    post.write_text(POST.replace("##Talks", "## Talks"), encoding="utf-8")
    hits, found = _cached_run(tmp_path)
    assert hits == 1 and "RK301" not in {code for _, _, code in found}
    hits, found = _cached_run(tmp_path, Config(root=tmp_path, ignore=("RK203",)))
    assert hits == 0 and {code for _, _, code in found} == {"RK201"}


def test_cache_rechecks_files_the_filesystem_rules_looked_at(tmp_path: Path) -> None:
    image = write(tmp_path / "content" / "photo.png", b"\x89PNG")
    write(tmp_path / "content" / "a.md", POST)
    assert ("content/a.md", 6, "RK203") not in _cached_run(tmp_path)[1]
    image.unlink()  # deleted between runs: the cached "found" must not survive
    assert ("content/a.md", 6, "RK203") in _cached_run(tmp_path)[1]
    write(tmp_path / "content" / "photo.png", b"\x89PNG")
    assert ("content/a.md", 6, "RK203") not in _cached_run(tmp_path)[1]


def test_an_image_name_over_255_bytes_is_not_found_and_the_cache_survives_it(
    tmp_path: Path,
) -> None:
    write(tmp_path / "hugo.toml", 'baseURL = "https://example.org/"\n')
    (tmp_path / "static").mkdir()
    long_name = "/" + "a" * 300 + ".png"  # ENAMETOOLONG: pathlib's is_file()/exists() raise it
    write(tmp_path / "content" / "a.md", f"---\ntitle: T\n---\n\n![alt]({long_name})\n")
    assert _cached_run(tmp_path) == (0, [])
    assert _cached_run(tmp_path) == (1, [])


def test_damaged_cache_is_ignored(tmp_path: Path) -> None:
    write(tmp_path / "content" / "a.md", POST)
    _cached_run(tmp_path)
    for file in (tmp_path / "cache").iterdir():
        file.write_text("{not json", encoding="utf-8")
    hits, found = _cached_run(tmp_path)
    assert hits == 0 and len(found) == 3
    assert _cached_run(tmp_path)[0] == 1  # and rewritten


# --- sites -----------------------------------------------------------------------------------------


def find_site(config: Config, start: Path) -> Site | None:
    """The site *start* (a file or folder) belongs to, as a lint run under *config* finds it."""
    folder = start.resolve()
    return config.site_finder().resolver(start)(folder if folder.is_dir() else folder.parent)


def test_a_site_root_is_searched_in_its_content_dirs_only(tmp_path: Path) -> None:
    write(tmp_path / "site" / "hugo.toml", 'baseURL = "https://example.org/"\n')
    write(tmp_path / "site" / "content" / "posts" / "a.md", "x")
    write(tmp_path / "site" / "README.md", "x")
    write(tmp_path / "site" / "themes" / "t" / "exampleSite" / "content" / "b.md", "x")
    config = Config(root=tmp_path)
    site = find_site(config, Path("site"))  # the site of the path given on the command line
    assert site is not None and site.name == "hugo"
    assert [str(t.path) for t in discover(["site"], config=config, site=site)] == [
        "site/content/posts/a.md"
    ]
    # a folder below the root is searched whole
    assert [str(t.path) for t in discover(["site/content"], config=config, site=site)] == [
        "site/content/posts/a.md"
    ]


def test_configured_ssg_and_dirs_shape_the_site(tmp_path: Path) -> None:
    write(tmp_path / "blog" / "posts" / "a.md", "x")
    config = Config(
        root=tmp_path / "blog", ssg="jekyll", content_dirs=("posts",), static_dirs=("img",)
    )
    site = find_site(config, tmp_path / "blog")
    assert site.name == "jekyll" and Path(site.root) == (tmp_path / "blog").resolve()
    assert site.content_dirs == ((tmp_path / "blog" / "posts").resolve(),)
    assert site.static_dirs == ((tmp_path / "blog" / "img").resolve(),)


def _two_sites(tmp_path: Path) -> None:
    """A Hugo site (root-relative images in static/) next to a Jekyll one (in the site root)."""
    write(tmp_path / "hugo" / "hugo.toml", 'baseURL = "https://example.org/"\n')
    write(tmp_path / "hugo" / "static" / "img" / "a.png", b"\x89PNG")
    write(
        tmp_path / "hugo" / "content" / "posts" / "a.md", "---\ntitle: A\n---\n![a](/img/a.png)\n"
    )
    write(tmp_path / "jekyll" / "_config.yml", "title: J\n")
    write(tmp_path / "jekyll" / "assets" / "b.png", b"\x89PNG")
    write(
        tmp_path / "jekyll" / "_posts" / "2024-05-01-b.md",
        "---\ntitle: B\n---\n![b](/assets/b.png)\n\n![gone](/img/a.png)\n",
    )


def _real_rule_run(paths: list[str], config: Config, codes_: tuple[str, ...]) -> list[str]:
    from recapkit.lint.rules import ALL_RULES
    from recapkit.lint.runner import LintOptions, Plan, run
    from recapkit.lint.selection import select_rules

    config = attrs.evolve(config, select=codes_)
    linter = Linter(config, select_rules(config, ALL_RULES))
    targets = discover(paths, config=config, sites=config.site_finder())
    result = run(Plan(linter, targets, LintOptions(jobs=1, use_cache=False)))
    return [f"{d.path}:{d.line}:{d.code}" for d in result.diagnostics]  # 0-based lines


def test_one_run_over_two_sites_resolves_each_post_with_its_own_site(tmp_path: Path) -> None:
    _two_sites(tmp_path)
    config = Config(root=tmp_path)
    alone = [
        *_real_rule_run(["hugo"], config, ("RK203",)),
        *_real_rule_run(["jekyll"], config, ("RK203",)),
    ]
    assert alone == ["jekyll/_posts/2024-05-01-b.md:5:RK203"]
    assert _real_rule_run(["hugo", "jekyll"], config, ("RK203",)) == alone
    assert _real_rule_run(["."], config, ("RK203",)) == alone  # a folder of sites


def test_sites_are_detected_once_per_folder_and_shared(tmp_path: Path) -> None:

    _two_sites(tmp_path)
    write(tmp_path / "hugo" / "content" / "posts" / "c.md", "x")
    targets = discover(["."], config=Config(root=tmp_path), sites=Config().site_finder())
    roots = {str(t.path): Path(t.site.root).name for t in targets}
    assert roots == {
        "hugo/content/posts/a.md": "hugo",
        "hugo/content/posts/c.md": "hugo",
        "jekyll/_posts/2024-05-01-b.md": "jekyll",
    }
    assert targets[0].site is targets[1].site


def test_page_bundles_share_one_detection_but_a_nested_site_is_still_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import recapkit.ssg.site

    write(tmp_path / "hugo.toml", 'baseURL = "https://example.org/"\n')
    for index in range(30):
        write(tmp_path / "content" / "posts" / f"p{index}" / "index.md", "x")
    write(tmp_path / "content" / "posts" / "p0" / "docs" / "_config.yml", "title: J\n")
    write(tmp_path / "content" / "posts" / "p0" / "docs" / "_posts" / "2024-01-01-j.md", "x")
    calls: list[Path] = []
    detect = recapkit.ssg.site.detect_site
    monkeypatch.setattr(recapkit.ssg.site, "detect_site", lambda p: calls.append(p) or detect(p))
    targets = discover(["content"], config=Config(root=tmp_path), sites=Config().site_finder())
    kinds = {t.site.name for t in targets if "docs" not in str(t.path)}
    nested = [t for t in targets if "docs" in str(t.path)]
    assert kinds == {"hugo"} and len(targets) == 31
    assert nested[0].site.name == "jekyll"
    assert len(calls) <= 3  # the Hugo root (reached once), the nested Jekyll root


def test_config_folders_apply_only_to_the_site_the_config_belongs_to(tmp_path: Path) -> None:

    _two_sites(tmp_path)
    config = Config(root=tmp_path / "hugo", static_dirs=("assets",))
    finder = config.site_finder()
    hugo = finder.site_of((tmp_path / "hugo" / "content").resolve())
    jekyll = finder.site_of((tmp_path / "jekyll" / "_posts").resolve())
    assert hugo.static_dirs == ((tmp_path / "hugo" / "assets").resolve(),)
    assert jekyll.static_dirs == ((tmp_path / "jekyll").resolve(),)


def test_a_post_whose_site_changed_is_not_answered_from_the_cache(tmp_path: Path) -> None:
    write(tmp_path / "content" / "a.md", POST)
    linter = Linter(Config(root=tmp_path))
    hugo = tmp_path / "hugo.toml"
    before = linter.fingerprint([None])
    write(hugo, 'baseURL = "https://example.org/"\n')

    site = Config().site_finder().site_of(tmp_path.resolve())
    assert site is not None and linter.fingerprint([site]) != before


# --- robustness with the real rules ----------------------------------------------------------------

_PIECES = [
    "---\n", "+++\n", "title: x\n", "tags: a b\n", "date: 2016/2/14\n", "##T\n", "![](x.png)\n",
    "<img src=x>\n", '{{< figure src="a.png" >}}\n', "{% asset_img a.png t %}\n", "[]()\n",
    "recap:\n  talks: 3\n", "\r\n", "\ufeff", "```\n", "TODO(recapkit)\n", "cover: /a.png\n",
    '{"title": 1}\n', "<!-- recapkit-disable RK201 -->\n",
]  # fmt: skip


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=8)), max_size=12))
def test_no_rule_crashes_on_arbitrary_posts(parts: list[str]) -> None:
    from recapkit.lint.rules import ALL_RULES
    from recapkit.lint.selection import select_rules

    config = Config(root=Path("/nonexistent"))
    linter = Linter(config, select_rules(config, ALL_RULES))  # the real rules, not the fakes
    data = "".join(parts).encode("utf-8", "surrogatepass")
    path = Path("/nonexistent/content/post.md")
    result = linter.lint_data(Target(path, path), data)
    assert [d.message for d in result.diagnostics if d.code == "RK000"] == []


def test_unchanged_files_are_not_even_read_and_a_touched_file_is_hashed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import recapkit.lint.runner

    post = write(tmp_path / "content" / "a.md", POST)
    os.utime(post, ns=(1_600_000_000 * 10**9, 1_600_000_000 * 10**9))  # an old file
    _cached_run(tmp_path)
    reads: list[Path] = []
    real_read = recapkit.lint.runner._read

    def counting_read(target: Target, stamp: tuple[int, int] | None) -> bytes | None:
        reads.append(target.path)
        return real_read(target, stamp)

    monkeypatch.setattr(recapkit.lint.runner, "_read", counting_read)
    assert _cached_run(tmp_path)[0] == 1 and reads == []
    checkout = 1_700_000_000 * 10**9  # same bytes, a new time: a fresh checkout
    os.utime(post, ns=(checkout, checkout))
    assert _cached_run(tmp_path)[0] == 1 and reads == [Path("content/a.md")]
    assert _cached_run(tmp_path)[0] == 1 and len(reads) == 1  # re-stamped: no read again


def test_workers_also_work_when_spawned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """macOS and Windows spawn workers: the configured linter must reach them pickled."""
    import recapkit.lint.workers

    monkeypatch.setattr(recapkit.lint.workers, "START_METHOD", "spawn")
    for index in range(SERIAL_BELOW):
        write(tmp_path / "content" / f"{index:04}.md", POST)
    config = Config(root=tmp_path, per_file_ignores={"content/00*.md": ("RK2",)})
    result = lint_paths(["content"], config=config, jobs=2)
    assert len(result.diagnostics) == 100 * 1 + 100 * 3  # 0000-0099: RK301 only


def test_old_caches_of_other_configurations_are_swept(tmp_path: Path) -> None:
    write(tmp_path / "content" / "a.md", POST)
    old = write(tmp_path / "cache" / "lint-0123456789abcdef01234567.json", "{}")
    recent = write(tmp_path / "cache" / "lint-fedcba9876543210fedcba98.json", "{}")
    other = write(tmp_path / "cache" / "remote-cache.sqlite3", "")
    os.utime(old, (1_600_000_000, 1_600_000_000))
    os.utime(other, (1_600_000_000, 1_600_000_000))
    _cached_run(tmp_path)
    assert not old.exists() and recent.exists() and other.exists()


def test_concurrent_runs_share_a_cache_safely(tmp_path: Path) -> None:
    import json
    from concurrent.futures import ThreadPoolExecutor

    for index in range(30):
        write(tmp_path / "content" / f"{index}.md", POST if index % 2 else "fine\n")
    with ThreadPoolExecutor(4) as pool:
        runs = list(pool.map(lambda _: _cached_run(tmp_path)[1], range(8)))
    assert all(found == runs[0] for found in runs) and len(runs[0]) == 45
    (cache_file,) = (tmp_path / "cache").glob("lint-*.json")
    assert len(json.loads(cache_file.read_text(encoding="utf-8"))) == 30
    assert not list((tmp_path / "cache").glob(".*.tmp"))
