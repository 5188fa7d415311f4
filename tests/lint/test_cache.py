"""The lint cache: hits, invalidation, files the rules looked at, damage, stamps, sweeping,
concurrent runs."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from recapkit.config import Config
from recapkit.lint.cache import CachedFile, LintCache
from recapkit.lint.diagnostics import Applicability, Diagnostic, Edit, Fix, Severity
from recapkit.lint.discover import Target
from recapkit.lint.pipeline import lint_paths
from recapkit.lint.suppressions import parse_suppressions
from tests.lint.fakes import fake_rules, write

__all__ = ["fake_rules"]

POST = "---\ntitle: T\n---\n\n##Talks\n\n![](photo.png)\n"


@pytest.fixture(autouse=True)
def _fakes(fake_rules: object, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)


def codes(result: object) -> list[tuple[str, int, str]]:
    return [(d.path, d.line, d.code) for d in result.diagnostics]  # type: ignore[attr-defined]


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


@pytest.mark.parametrize(
    "damage",
    [
        '{"x": 5, "y": "z"}',
        '"KEY"\t[1, 2]\n',
        '"KEY"\t7\n',
        '"KEY"\t{"a": 1}\n"KEY\t\n"\t\n',
        '"KEY"\t' + "[" * 100_000 + "\n",
        '"KEY"\t["\udcff"]\n',
        "fifo",
    ],
    ids=["not-lines", "short-entry", "number-entry", "torn-lines", "deep", "not-utf8", "fifo"],
)
def test_a_cache_of_any_shape_or_kind_is_ignored_and_replaced(tmp_path: Path, damage: str) -> None:
    write(tmp_path / "content" / "a.md", POST)
    _cached_run(tmp_path)
    (cache_file,) = (tmp_path / "cache").iterdir()
    cache_file.unlink()
    if damage == "fifo":
        os.mkfifo(cache_file)  # read without care, it would block the run forever
    else:
        key = json.dumps(str((tmp_path / "content" / "a.md").resolve()))[1:-1]
        cache_file.write_bytes(damage.replace("KEY", key).encode("utf-8", "surrogateescape"))
    hits, found = _cached_run(tmp_path)
    assert hits == 0 and len(found) == 3
    assert _cached_run(tmp_path)[0] == 1  # replaced by a good cache


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
    (cache_file,) = (tmp_path / "cache").glob("lint-*.jsonl")
    lines = cache_file.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 30 and all(json.loads(line.partition("\t")[2]) for line in lines)
    assert not list((tmp_path / "cache").glob(".*.tmp"))


def test_a_damaged_line_costs_only_its_own_file(tmp_path: Path) -> None:
    for name in ("a", "b", "c"):
        write(tmp_path / "content" / f"{name}.md", POST)
    _cached_run(tmp_path)
    (cache_file,) = (tmp_path / "cache").glob("lint-*.jsonl")
    lines = cache_file.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1][: len(lines[1]) // 2]  # torn in the middle of its entry
    cache_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    hits, found = _cached_run(tmp_path)
    assert hits == 2 and len(found) == 9
    assert _cached_run(tmp_path)[0] == 3  # the torn entry was rewritten


def test_a_file_name_that_is_not_utf8_hits_the_cache(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9.md")  # Latin-1 bytes: a lone surrogate in the str
    write(tmp_path / "content" / name, POST)
    first = _cached_run(tmp_path)
    assert first[0] == 0 and len(first[1]) == 3
    assert _cached_run(tmp_path) == (1, first[1])


@pytest.mark.parametrize(
    "comments",
    [
        "",
        "<!-- recapkit-disable-file RK201 -->\n",
        "<!-- recapkit-disable RK204 -->\ntext\n<!-- recapkit-enable -->\n"
        "<!-- recapkit-disable-next-line RK201 -->\n",
    ],
)
def test_a_cached_post_keeps_its_suppressions(tmp_path: Path, comments: str) -> None:
    """The remote findings of a cached post are filtered by the comments the post held when it
    was linted: the cache gives back the same suppressions, none for a post without any."""
    held = parse_suppressions(comments)
    first = LintCache(tmp_path, "config")
    first.put("/site/post.md", CachedFile("d", (), suppressions=held))
    first.save()
    hit = LintCache(tmp_path, "config").get("/site/post.md", "post.md", content_digest="d")
    assert hit is not None
    assert hit.suppressions == held
    (line,) = first.path.read_text(encoding="utf-8").splitlines()
    stored = json.loads(line.split("\t")[1])[6]
    assert (stored is None) == (not comments)  # nothing stored for a post without any


def test_an_entry_comes_back_as_it_was_stored(tmp_path: Path) -> None:
    """Every field a cached post's later passes use: findings with their fix, the files looked
    at, the remote URLs, the links to other posts, the draft flag, the recap data stamps."""
    fix = Fix((Edit(3, 5, "[a, b]"),), "write a list", Applicability.UNSAFE)
    stored = CachedFile(
        "d1",
        (
            Diagnostic("p.md", 2, 0, "RK104", "key-type", "one string", Severity.ERROR, fix=fix),
            Diagnostic("p.md", 7, 4, "RK201", "image-missing-alt", "no alt", Severity.WARNING),
        ),
        dependencies=((str(tmp_path / "gone.png"), False), (str(tmp_path), True)),
        remote_refs=(("https://example.org/a.png", 7, 4, 7, 30, True),),
        draft=True,
        fragment_links=(("other.md#talks", 9, 0, 9, 20),),
        data_files=((str(tmp_path / "p.recap.yaml"), ""), (str(tmp_path / "p.recap.toml"), "")),
        recap="text",
    )
    first = LintCache(tmp_path, "config")
    first.put("/site/p.md", stored)
    first.save()
    hit = LintCache(tmp_path, "config").get("/site/p.md", "p.md", content_digest="d1")
    assert hit == stored
    assert [d.fix for d in hit.diagnostics] == [fix, None]  # eq=False on the fix: compared here
