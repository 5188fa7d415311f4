"""``recapkit new`` options that shape the skeleton: ``--event``, ``--tags``, ``--talks``."""

from __future__ import annotations

from pathlib import Path

import pytest

from recapkit.ssg.posts import load_post
from tests.commands.test_new import EXAMPLE, make_site, run

PLACEHOLDER_TALK = "## TODO(recapkit): talk title\n"


def new(site: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    return run(["new", *args, "--site", str(site), "--date", "2024-05-20"], capsys)


def written(out: str) -> str:
    return Path(out.splitlines()[0]).read_text(encoding="utf-8")


def test_the_event_has_its_own_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = make_site(tmp_path, "hugo")
    code, out, _ = new(site, capsys, "Our May meetup", "--event", "Gopher Meetup Hangzhou")
    text = written(out)
    assert code == 0
    assert "title: Our May meetup\n" in text
    assert "- **Event**: Gopher Meetup Hangzhou\n" in text


def test_without_event_the_title_names_it_as_before(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = make_site(tmp_path, "zola")
    code, out, _ = new(site, capsys, "GopherChina 2024 recap")
    assert code == 0 and "- **Event**: GopherChina 2024\n" in written(out)


@pytest.mark.parametrize("event", ["", "   ", "two\nlines"])
def test_a_blank_or_multiline_event_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], event: str
) -> None:
    site = make_site(tmp_path, "hugo")
    code, out, err = new(site, capsys, "Meetup", "--event", event)
    assert (code, out) == (2, "")
    assert "error: the event name must be one line of text" in err
    assert not (site / "content" / "posts").exists()


@pytest.mark.parametrize(
    ("ssg", "expected"),
    [
        ("hugo", "tags:\n- go\n- meetup\n- cloud native\n"),
        ("hexo", "tags:\n- go\n- meetup\n- cloud native\n"),
        ("jekyll", "tags:\n- go\n- meetup\n- cloud native\n"),
        ("zola", '[taxonomies]\ntags = [\n    "go",\n    "meetup",\n    "cloud native",\n]\n'),
    ],
)
def test_tags_are_comma_separated_and_repeatable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], ssg: str, expected: str
) -> None:
    site = make_site(tmp_path, ssg)
    code, out, _ = new(site, capsys, "Meetup", "--tags", "go, meetup,", "--tags", "cloud native")
    post = load_post(Path(out.splitlines()[0]))
    assert code == 0
    assert expected in post.text


def test_tags_replace_the_data_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = make_site(tmp_path, "jekyll")
    code, out, _ = new(site, capsys, "--from", str(EXAMPLE), "--tags", "rust", "--event", "X")
    recap = load_post(Path(out.splitlines()[0])).recap
    assert code == 0 and recap is not None
    assert recap.tags == ("rust",) and recap.event.name == "X"


@pytest.mark.parametrize("layout", ["form", "notes"])
@pytest.mark.parametrize(("talks", "count"), [(None, 1), ("0", 0), ("3", 3)])
def test_talks_sets_the_number_of_placeholder_talks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], talks: str | None, count: int, layout: str
) -> None:
    site = make_site(tmp_path, "hexo")
    more = ["--talks", talks] if talks else []
    code, out, _ = new(site, capsys, "Meetup", "--layout", layout, *more)
    text = written(out)
    assert code == 0
    assert text.count(PLACEHOLDER_TALK) == count
    assert text.count("TODO(recapkit): what did you take home from this talk?") == count
    assert text.rstrip().endswith(
        "TODO(recapkit): close with what the event showed and what comes next."
    )


def test_talks_is_not_a_count_of_negative_or_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = make_site(tmp_path, "hugo")
    for value in ("-1", "two"):
        code, out, err = new(site, capsys, "Meetup", "--talks", value)
        assert (code, out) == (2, "") and "--talks" in err


def test_talks_with_a_data_file_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = make_site(tmp_path, "zola")
    code, out, err = new(site, capsys, "--from", str(EXAMPLE), "--talks", "2")
    assert (code, out) == (2, "")
    assert "error: placeholder talks are for a skeleton: the recap data lists its talks" in err


@pytest.mark.parametrize("ssg", ["hugo", "hexo", "jekyll", "zola"])
def test_a_draft_with_every_option_still_lints_clean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], ssg: str
) -> None:
    site = make_site(tmp_path, ssg)
    args = ("Go 夜读第 100 期回顾", "--event", "Go 夜读", "--tags", "go,夜读", "--talks", "2")
    code, out, _ = new(site, capsys, *args)
    assert code == 0
    code, out, err = run(["lint", "--no-cache", out.splitlines()[0]], capsys)
    assert code == 0, out + err
    assert "(info)" in out and "warning" not in out
