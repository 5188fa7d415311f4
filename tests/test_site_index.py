"""recapkit.iter_posts, recapkit.recaps and the talks/speakers index, on small real-shaped sites."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from recapkit import (
    Event,
    Recap,
    RecapDataError,
    Speaker,
    Talk,
    UsageError,
    iter_posts,
    recaps,
    render,
    speakers_index,
    talks_index,
)
from tests.files import write, write_files


def recap(title: str, event: str, day: date, *talks: tuple[str, tuple[str, ...]]) -> Recap:
    return Recap(
        title=title,
        date=day,
        event=Event(name=event, start=day),
        talks=tuple(
            Talk(title=t, speakers=tuple(Speaker(name=n) for n in names)) for t, names in talks
        ),
    )


MAY = recap("Go meetup May", "Go Meetup #12", date(2025, 5, 17), ("Generics", ("Ann", "Bo")))
JUNE = recap(
    "Go meetup June",
    "Go Meetup #13",
    date(2025, 6, 21),
    ("Fuzzing", ("ann",)),
    ("Profiling", ("Bo",)),
)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    write_files(
        tmp_path,
        {
            "hugo.toml": 'title = "blog"\n',
            "content/posts/june.md": render(JUNE, ssg="hugo"),
            "content/posts/may/index.md": render(MAY, ssg="hugo"),
            "content/posts/plain.md": "---\ntitle: Just a post\n---\nHello.\n",
            "themes/t/exampleSite/content/demo.md": render(MAY, ssg="hugo"),
        },
    )
    return tmp_path


def test_iter_posts_walks_the_posts_lint_walks(site: Path) -> None:
    paths = [post.path.relative_to(site).as_posix() for post in iter_posts(site)]
    assert paths == [
        "content/posts/june.md",
        "content/posts/may/index.md",
        "content/posts/plain.md",
    ]


def test_iter_posts_honours_the_sites_exclude_patterns(site: Path) -> None:
    write(site / "recapkit.toml", 'exclude = ["content/posts/plain.md"]\n')
    assert "plain.md" not in {post.path.name for post in iter_posts(site)}


def test_iter_posts_reads_each_post_as_its_generator_does(site: Path) -> None:
    post = next(iter_posts(site / "content/posts/plain.md"))
    assert post.data["title"] == "Just a post"


def test_iter_posts_of_a_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        list(iter_posts(tmp_path / "nope"))


def test_recaps_are_the_posts_with_recap_data(site: Path) -> None:
    found = list(recaps(site))
    assert [item.recap for item in found] == [JUNE, MAY]
    assert [item.path.name for item in found] == ["june.md", "index.md"]
    assert "text=" not in repr(found[0]) and "Go meetup June" in repr(found[0])  # no post dump


def test_an_invalid_recap_raises_unless_onerror_takes_it(site: Path) -> None:
    bad = site / "content/posts/bad.md"
    write(bad, "---\ntitle: x\nrecap:\n  title: x\n---\n")  # no date, no event
    with pytest.raises(RecapDataError):
        list(recaps(site))
    errors: list[Path] = []
    found = list(recaps(site, onerror=lambda path, _error: errors.append(path)))
    assert errors == [bad]
    assert len(found) == 2


def test_talks_index_is_in_date_order_and_counts_a_talk_once(site: Path) -> None:
    write(site / "data-copy.md", render(MAY, ssg="hugo"))  # the same recap in a second post
    talks = talks_index(recaps(site))
    assert [(e.talk.title, e.day) for e in talks] == [
        ("Generics", date(2025, 5, 17)),
        ("Fuzzing", date(2025, 6, 21)),
        ("Profiling", date(2025, 6, 21)),
    ]
    assert talks[0].recap == MAY


def test_speakers_index_groups_talks_by_name_sorted_without_case(site: Path) -> None:
    index = speakers_index(talks_index(recaps(site)))
    assert list(index) == ["Ann", "ann", "Bo"]  # spelt differently: not known to be one person
    assert [e.talk.title for e in index["Bo"]] == ["Generics", "Profiling"]


def test_a_talks_own_day_orders_the_index(tmp_path: Path) -> None:
    two_days = Recap(
        title="Conf recap",
        date=date(2025, 1, 5),
        event=Event(name="Conf", start=date(2025, 1, 1), end=date(2025, 1, 3)),
        talks=(
            Talk(title="Late", day=date(2025, 1, 3)),
            Talk(title="Early", day=date(2025, 1, 2)),
        ),
    )
    write_files(tmp_path, {"hugo.toml": "", "content/posts/conf.md": render(two_days, ssg="hugo")})
    talks = talks_index(recaps(tmp_path))
    assert [(e.talk.title, e.day) for e in talks] == [
        ("Early", date(2025, 1, 2)),
        ("Late", date(2025, 1, 3)),
    ]
