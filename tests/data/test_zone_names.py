"""Zone names that are folders of the zone database (``Asia``), bad keys or unknown: every
place that reads one says so in words, none crashes (``ZoneInfo("Asia")`` raises an OSError)."""

from __future__ import annotations

from pathlib import Path

import pytest

from recapkit import Event
from recapkit.cli import main
from tests.files import write_files

BAD = ["Asia", "Europe", "Mars/Base", "../etc"]


@pytest.mark.parametrize("name", BAD)
def test_the_model_refuses_it_as_a_value_error(name: str) -> None:
    with pytest.raises(ValueError, match="IANA time zone"):
        Event(name="Go night", timezone=name)


@pytest.mark.parametrize("name", BAD)
def test_validate_reports_it_at_its_line(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "r.yaml"
    data.write_text(f"title: t\ndate: 2025-03-01\nevent:\n  name: e\n  timezone: {name}\n", "utf-8")
    assert main(["validate", str(data)]) == 1
    assert "r.yaml:5:13: event.timezone: must be an IANA time zone" in capsys.readouterr().out


@pytest.mark.parametrize("flag", [["render", "--ssg", "hugo", "-o", "-"], ["jsonld"]])
def test_a_timezone_option_naming_a_folder_is_a_usage_error(
    flag: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "r.yaml"
    data.write_text("title: t\ndate: 2025-03-01\nevent:\n  name: e\n", "utf-8")
    code = main([flag[0], str(data), *flag[1:], "--timezone", "Asia"])
    err = capsys.readouterr().err
    assert code == 2 and "unknown time zone 'Asia'" in err and "Traceback" not in err


def test_a_hexo_site_whose_timezone_is_a_folder_is_linted_without_a_crash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / ".cache"))
    write_files(
        tmp_path,
        {
            "_config.yml": "title: blog\ntimezone: Asia\n",
            "source/_posts/a.md": "---\ntitle: A\ndate: 2025-03-01 10:00:00\n---\nHi.\n",
        },
    )
    main(["lint", "--no-cache", str(tmp_path)])
    assert "RK000" not in capsys.readouterr().out
