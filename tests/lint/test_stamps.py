"""The stamps of a post's recap data files: folders listed once, and listed again on a change."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recapkit.lint import stamps
from recapkit.lint.stamps import data_file_stamp, data_file_stamps


def _unchanged(groups: stamps.StoredStamps, listed: stamps.Listings) -> bool:
    return stamps.current(groups, listed) is not None


def _age(folder: Path) -> None:
    """Make *folder* look unchanged for an hour (its listing is then kept)."""
    os.utime(folder, (1_700_000_000, 1_700_000_000))


def test_absent_and_present_files_stamp_as_each_alone(tmp_path: Path) -> None:
    (tmp_path / "talk.recap.yaml").write_text("title: T\n", encoding="utf-8")
    paths = [str(tmp_path / f"talk.recap.{ext}") for ext in ("yaml", "yml", "toml", "json")]
    paths.append(str(tmp_path / "missing" / "talk.yaml"))
    _age(tmp_path)
    assert data_file_stamps(paths) == tuple(data_file_stamp(p) for p in paths)
    assert data_file_stamps(paths)[0][1] != "" and data_file_stamps(paths)[1] == (paths[1], "")


def test_a_file_added_after_a_listing_is_seen(tmp_path: Path) -> None:
    sidecar = tmp_path / "talk.recap.toml"
    _age(tmp_path)
    assert data_file_stamps([str(sidecar)]) == ((str(sidecar), ""),)
    sidecar.write_text('title = "T"\n', encoding="utf-8")  # the folder changes: listed again
    assert data_file_stamps([str(sidecar)]) == (data_file_stamp(str(sidecar)),)
    assert data_file_stamps([str(sidecar)])[0][1] != ""


def test_a_file_removed_after_a_listing_is_gone(tmp_path: Path) -> None:
    sidecar = tmp_path / "talk.recap.json"
    sidecar.write_text("{}", encoding="utf-8")
    _age(tmp_path)
    assert data_file_stamps([str(sidecar)])[0][1] != ""
    sidecar.unlink()
    assert data_file_stamps([str(sidecar)]) == ((str(sidecar), ""),)


def test_an_edited_file_gets_a_new_digest(tmp_path: Path) -> None:
    sidecar = tmp_path / "talk.recap.yaml"
    sidecar.write_text("title: A\n", encoding="utf-8")
    _age(tmp_path)
    before = data_file_stamps([str(sidecar)])
    sidecar.write_text("title: B\n", encoding="utf-8")  # the folder's time does not change
    assert data_file_stamps([str(sidecar)]) != before


def test_a_name_in_another_case_or_normal_form_is_read_not_called_absent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On macOS and Windows `Go.recap.yaml` is the file `go.recap.yaml` names, and the post reads
    it: the listing must send it to be read (here, case sensitive, the read then finds nothing,
    as the post itself would)."""
    (tmp_path / "Go.recap.yaml").write_text("title: T\n", encoding="utf-8")
    (tmp_path / "cafe\u0301.recap.yaml").write_text("title: T\n", encoding="utf-8")
    _age(tmp_path)
    read: list[str] = []

    def reading(path: str) -> tuple[str, str]:
        read.append(path)
        return data_file_stamp(path)

    monkeypatch.setattr(stamps, "data_file_stamp", reading)
    wanted = [str(tmp_path / "go.recap.yaml"), str(tmp_path / "caf\u00e9.recap.yaml")]
    other = str(tmp_path / "go.recap.toml")
    assert data_file_stamps([*wanted, other]) == tuple(data_file_stamp(p) for p in [*wanted, other])
    assert read == wanted


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["/", "/site/content/posts", "/site/data", "/site/data/recaps"]),
            st.text(st.characters(blacklist_characters="/\0"), min_size=1, max_size=12),
            st.sampled_from(["", "0" * 32, "f" * 32]),
        ),
        max_size=10,
    )
)
def test_the_stored_form_restores_every_stamp_grouped_by_folder(
    files: list[tuple[str, str, str]],
) -> None:
    """Folders listed as empty: the stored stamps come back, grouped, while every file is
    stamped absent; a file stamped present is no longer as stamped."""
    original = tuple((os.path.join(folder, name), digest) for folder, name, digest in files)
    first_seen: dict[str, int] = {}
    for path, _ in original:
        first_seen.setdefault(os.path.dirname(path), len(first_seen))
    grouped = sorted(original, key=lambda s: first_seen[os.path.dirname(s[0])])  # stable
    empty: stamps.Listings = {folder: frozenset() for folder in first_seen}
    expected = tuple(grouped) if all(digest == "" for _, digest in original) else None
    assert stamps.current(stamps.stored(original), empty) == expected


@pytest.mark.parametrize(
    "damaged",
    [
        [[3, "a.yaml", ""]],
        [["/site", 3, ""]],
        [["/site", "a.yaml", None]],
        [["/site", "a.yaml/b.yaml", ""]],
        [["/site", "a.yaml/b.yaml", "//"]],
        [["/site", "a.yaml", "/"]],
        [["/site", "a.yaml"]],
        [["/site"]],
        [3],
    ],
)
def test_a_damaged_stored_form_raises_what_the_cache_catches(damaged: stamps.StoredStamps) -> None:
    with pytest.raises((TypeError, ValueError)):
        stamps.current(damaged, {})


def test_unchanged_sees_a_data_file_come_change_and_go(tmp_path: Path) -> None:
    sidecar = tmp_path / "talk.recap.yaml"
    candidates = [str(sidecar), str(tmp_path / "talk.recap.toml")]
    _age(tmp_path)
    kept = stamps.stored(data_file_stamps(candidates))
    assert _unchanged(kept, {})
    sidecar.write_text("title: T\n", encoding="utf-8")
    assert not _unchanged(kept, {})
    kept = stamps.stored(data_file_stamps(candidates))
    assert _unchanged(kept, {})
    sidecar.write_text("title: U\n", encoding="utf-8")
    assert not _unchanged(kept, {})
    sidecar.unlink()
    assert _unchanged(stamps.stored(data_file_stamps(candidates)), {})
    assert not _unchanged(kept, {})


def test_one_listing_answers_for_a_folder_within_a_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    listed: list[str] = []
    names = stamps._names

    def listing(folder: str) -> frozenset[str] | None:
        listed.append(folder)
        return names(folder)

    monkeypatch.setattr(stamps, "_names", listing)
    run: stamps.Listings = {}
    for post in ("a", "b", "c"):
        candidates = [str(tmp_path / f"{post}.recap.{ext}") for ext in ("yaml", "toml")]
        assert _unchanged(stamps.stored((c, "") for c in candidates), run)
    assert listed == [str(tmp_path)]


def test_a_name_absent_beside_another_case_of_it_stays_a_hit(tmp_path: Path) -> None:
    """On a case-sensitive system `Go.recap.yaml` is not the `go.recap.yaml` a post reads: the
    listing sends the name to be read, and the stamp of that absent file still holds."""
    (tmp_path / "Go.recap.yaml").write_text("title: T\n", encoding="utf-8")
    _age(tmp_path)
    stamped = data_file_stamps([str(tmp_path / "go.recap.yaml")])
    assert stamps.current(stamps.stored(stamped), {}) == stamped


@given(
    st.lists(st.text("aAbB", min_size=1, max_size=3), min_size=1, max_size=6, unique=True),
    st.sets(st.text("aAbB", min_size=1, max_size=3), max_size=4),
)
def test_a_name_stamped_absent_is_read_only_when_the_listing_may_hold_it(
    names: list[str], present: set[str]
) -> None:
    """Names stamped absent: those the folder's listing holds in any case are read (in order,
    up to the first that now exists); the others are still absent without a read."""
    read: list[str] = []
    with tempfile.TemporaryDirectory() as folder, pytest.MonkeyPatch.context() as patch:
        for name in present:
            Path(folder, f"{name}.yaml").write_text("title: T\n", encoding="utf-8")
        _age(Path(folder))
        patch.setattr(
            stamps, "data_file_stamp", lambda path: read.append(path) or data_file_stamp(path)
        )
        stamped = [(os.path.join(folder, f"{name}.yaml"), "") for name in names]
        result = stamps.current(stamps.stored(stamped), {})
    folded = {name.lower() for name in present}
    may_exist = [path for path, _ in stamped if Path(path).stem.lower() in folded]
    came = next((i for i, name in enumerate(names) if name in present), None)
    assert result == (None if came is not None else tuple(stamped))
    last_read = None if came is None else stamped[came][0]
    expected = may_exist if last_read is None else may_exist[: may_exist.index(last_read) + 1]
    assert read == expected
