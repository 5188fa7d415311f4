"""``recapkit new --from-schedule``: a recap of the sessions attended, in a real site layout."""

from __future__ import annotations

from pathlib import Path

import pytest

from recapkit import load_schedule
from recapkit.cli import main
from recapkit.ssg.posts import load_post
from tests.commands.test_new import make_site, run
from tests.schedules.helpers import FRAB, ICAL, PRETALX, SESSIONIZE


def files_under(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file()}


@pytest.mark.parametrize("schedule", [PRETALX, FRAB, ICAL])
def test_a_recap_of_one_day_and_track_in_a_hugo_site(
    tmp_path: Path, schedule: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = make_site(tmp_path / "site", "hugo")
    code, out, err = run(
        [
            "new",
            "--from-schedule",
            str(schedule),
            "--day",
            "1",
            "--track",
            "go",
            "--site",
            str(site),
        ],
        capsys,
    )
    assert (code, err) == (0, "")
    path = Path(out.strip())
    assert path.parent.parent == site / "content" / "posts"
    post = load_post(path)
    recap = post.front_matter.data["recap"]
    assert post.front_matter.data["title"] == "RiverConf 2025 江城开发者大会 回顾"
    assert [t["title"] for t in recap["talks"]] == [
        "Go 泛型三年：我们学到了什么",
        "Continuous profiling without the bill",
    ]
    assert recap["event"]["name"] == "RiverConf 2025 江城开发者大会"
    text = path.read_text(encoding="utf-8")
    assert "## Go 泛型三年：我们学到了什么" in text
    assert "动手写一个 Kubernetes Operator" not in text  # another track


def test_talks_by_id_under_the_writers_title(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = make_site(tmp_path / "site", "hugo")
    args = ["new", "RiverConf day two", "--from-schedule", str(PRETALX), "--talk", "LT5VRS"]
    code, out, _err = run([*args, "--site", str(site), "--lang", "en"], capsys)
    assert code == 0
    recap = load_post(Path(out.strip())).front_matter.data["recap"]
    assert recap["title"] == "RiverConf day two"
    assert [t["title"] for t in recap["talks"]] == ["Five minutes of eBPF"]
    assert recap["talks"][0]["speakers"] == [{"name": "Jonas Weber"}]


def test_sessionize_needs_a_title_and_takes_a_timezone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = make_site(tmp_path / "site", "hugo")
    code, _out, err = run(["new", "--from-schedule", str(SESSIONIZE), "--site", str(site)], capsys)
    assert code == 2
    assert "does not name the conference; give the recap a TITLE" in err
    args = ["new", "RiverConf 2025 recap", "--from-schedule", str(SESSIONIZE), "--day", "2"]
    code, out, err = run([*args, "--timezone", "Asia/Shanghai", "--site", str(site)], capsys)
    assert (code, err) == (0, "")
    recap = load_post(Path(out.strip())).front_matter.data["recap"]
    assert recap["event"]["name"] == "RiverConf 2025"
    assert str(recap["talks"][0]["start"]) == "2025-05-18 09:30:00+08:00"


def test_list_prints_the_sessions_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = make_site(tmp_path / "site", "hugo")
    before = files_under(site)
    code, out, err = run(
        ["new", "--from-schedule", str(FRAB), "--list", "--day", "2025-05-18", "--site", str(site)],
        capsys,
    )
    assert (code, err) == (0, "")
    assert (
        out == "201\t2025-05-18 14:00\tHall A · Cloud Native\tFive minutes of eBPF (Jonas Weber)\n"
    )
    assert files_under(site) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from-schedule", "{bad}"], ":1: invalid JSON"),
        (
            ["--from-schedule", "{pretalx}", "--day", "9"],
            "the programme has no day 9; its days: 1 = 2025-05-17",
        ),
        (["--from-schedule", "{pretalx}", "--track", "Rust"], "its tracks: Go, Cloud Native"),
        (["--from-schedule", "{pretalx}", "--talk", "NOPE"], "no session with id NOPE"),
        (
            ["--from-schedule", "{pretalx}", "--timezone", "Mars/Olympus"],
            "unknown time zone 'Mars/Olympus'",
        ),
        (["--day", "1", "x"], "need --from-schedule FILE"),
        (
            ["--from-schedule", "{pretalx}", "--event-date", "2030-01-01"],
            "--event-date: the programme gives the event's dates",
        ),
        (
            ["--from-schedule", "{pretalx}", "--list", "--track", "Go", "--day", "2"],
            "no sessions chosen from",
        ),
        (
            ["--from-schedule", "{pretalx}", "--from", "{pretalx}"],
            "give --from or --from-schedule, not both",
        ),
    ],
)
def test_errors_are_clear_and_nothing_is_written(
    tmp_path: Path, args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    site = make_site(tmp_path / "site", "hugo")
    bad = tmp_path / "bad.json"
    bad.write_text('{"schedule": ', encoding="utf-8")
    before = files_under(site)
    filled = [a.format(bad=bad, pretalx=PRETALX) for a in args]
    code = main(["new", *filled, "--site", str(site)])
    _out, err = capsys.readouterr()
    assert code == 2
    assert err.startswith("error: ") and message in err, err
    assert files_under(site) == before


def test_lang_sets_the_recaps_language_under_a_chinese_default_title(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = make_site(tmp_path / "site", "hugo")
    args = ["new", "--from-schedule", str(PRETALX), "--talk", "101", "--lang", "en"]
    code, out, _err = run([*args, "--site", str(site)], capsys)
    assert code == 0
    recap = load_post(Path(out.strip())).front_matter.data["recap"]
    assert (recap["title"], recap["lang"]) == ("RiverConf 2025 江城开发者大会 回顾", "en")
    assert recap["talks"][0]["links"][0]["title"] == "Programme"


@pytest.mark.parametrize("ssg", ["hugo", "hexo", "jekyll", "zola"])
def test_every_generator_gets_the_programme_back_from_the_post(
    tmp_path: Path, ssg: str, capsys: pytest.CaptureFixture[str]
) -> None:
    site = make_site(tmp_path / "site", ssg)
    args = ["new", "--from-schedule", str(PRETALX), "--day", "2025-05-17", "--site", str(site)]
    code, out, _err = run(args, capsys)
    assert code == 0
    recap = load_post(Path(out.strip())).recap
    assert recap is not None
    expected = [load_schedule(PRETALX).sessions[i] for i in (0, 2, 1)]  # in the order of time
    assert [(t.title, t.start, t.duration, t.room, t.track) for t in recap.talks] == [
        (s.title, s.start, s.duration, s.room, s.track) for s in expected
    ]
    assert recap.talks[2].speakers[1].name == "陈思远"
    assert recap.event.timezone == "Asia/Shanghai"
