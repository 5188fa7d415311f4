"""``recapkit new`` in temporary sites laid out like real Hugo, Hexo, Jekyll and Zola sites."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from recapkit.cli import main
from recapkit.data.files import load_recap
from recapkit.ssg.posts import load_post
from tests.paths import ROOT

EXAMPLE = ROOT / "examples" / "gopher-meetup-hangzhou-2025.yaml"


def make_site(root: Path, ssg: str, *, asset_folder: bool = False) -> Path:
    files = {
        "hugo": {"hugo.toml": 'baseURL = "https://x.example/"\ntitle = "x"\n'},
        "hexo": {
            "_config.yml": "title: x\npost_asset_folder: "
            + ("true" if asset_folder else "false")
            + "\n",
            "package.json": '{"name": "site", "dependencies": {"hexo": "^7.0.0"}}\n',
        },
        "jekyll": {"_config.yml": "title: x\nmarkdown: kramdown\n", "Gemfile": 'gem "jekyll"\n'},
        "zola": {"config.toml": 'base_url = "https://z.example"\n[taxonomies]\n'},
    }[ssg]
    root.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    folder = {"hugo": "content", "hexo": "source/_posts", "jekyll": "_posts", "zola": "content"}
    (root / folder[ssg]).mkdir(parents=True)
    return root


def only_notes(err: str) -> bool:
    """Nothing on stderr but the note about a Zola section index recapkit created."""
    return all(line.startswith("also created ") for line in err.splitlines())


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("ssg", "relative"),
    [
        ("hugo", "content/posts/gophercon-recap/index.md"),
        ("hexo", "source/_posts/gophercon-recap.md"),
        ("jekyll", "_posts/2024-05-20-gophercon-recap.md"),
        ("zola", "content/blog/gophercon-recap.md"),
    ],
)
def test_new_post_where_each_ssg_expects_it(
    tmp_path: Path, ssg: str, relative: str, capsys: pytest.CaptureFixture[str]
) -> None:
    site = make_site(tmp_path, ssg)
    args = ["new", "GopherCon recap", "--date", "2024-05-20", "--event-date", "2024-05-18"]
    code, out, err = run([*args, "--site", str(site)], capsys)
    assert code == 0 and only_notes(err)
    path = Path(out.splitlines()[0])
    assert path == site.resolve() / relative and path.is_file()
    post = load_post(path)
    assert post.data["title"] == "GopherCon recap"
    assert post.recap is None  # a skeleton: the writer fills the body in
    assert "TODO(recapkit):" in post.text and "18 May 2024" in post.text
    assert (path.parent / "images").is_dir() == (ssg == "hugo")


def test_the_existing_post_is_never_overwritten_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = make_site(tmp_path, "hugo")
    args = ["new", "Meetup", "--site", str(site), "--date", "2024-05-20"]
    path = Path(run(args, capsys)[1].strip())
    path.write_text("my words\n", encoding="utf-8")
    code, out, err = run(args, capsys)
    assert (code, out) == (1, "")
    assert err == f"error: {path}: file exists; use --force to replace it\n"
    assert path.read_text(encoding="utf-8") == "my words\n"
    assert run([*args, "--force"], capsys)[0] == 0
    assert path.read_text(encoding="utf-8").startswith("---\ntitle: Meetup\n")


def test_hexo_asset_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = make_site(tmp_path, "hexo", asset_folder=True)
    code, out, _ = run(["new", "Salon", "--site", str(site), "--section", "Activity"], capsys)
    path = Path(out.splitlines()[0])
    assert code == 0 and path == site.resolve() / "source/_posts/Activity/salon.md"
    assert (path.parent / "salon").is_dir()


def test_chinese_titles(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = make_site(tmp_path, "zola")
    code, out, _ = run(["new", "Go 夜读第 100 期回顾", "--site", str(site)], capsys)
    path = Path(out.splitlines()[0])
    assert code == 0 and path.name == "go-ye-du-di-100-qi-hui-gu.md"
    text = path.read_text(encoding="utf-8")
    assert "## 活动信息" in text and "TODO(recapkit): 写一段导语" in text
    code, out, _ = run(
        ["new", "Go 夜读第 100 期回顾", "--site", str(site), "--unicode-slug"], capsys
    )
    assert code == 0 and Path(out.splitlines()[0]).name == "go-夜读第-100-期回顾.md"


def test_a_title_cannot_escape_the_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = make_site(tmp_path / "site", "hugo")
    code, out, _ = run(["new", "../../etc/x", "--site", str(site)], capsys)
    assert (
        code == 0 and Path(out.splitlines()[0]) == site.resolve() / "content/posts/etc-x/index.md"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    code, _, err = run(["new", "x", "--site", str(site), "--section", "../../etc"], capsys)
    assert code == 2 and "section must be a folder inside the site" in err


def test_from_a_data_file_carries_the_recap(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = make_site(tmp_path, "jekyll")
    code, out, _ = run(["new", "--from", str(EXAMPLE), "--site", str(site)], capsys)
    path = Path(out.splitlines()[0])
    recap = load_recap(EXAMPLE)
    assert code == 0 and path.name == f"2025-04-20-{recap.slug}.md"
    assert load_post(path).recap == recap


def test_title_overrides_the_data_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = make_site(tmp_path, "zola")
    args = [
        "new",
        "Another title",
        "--from",
        str(EXAMPLE),
        "--site",
        str(site),
        "--date",
        "2025-05-01",
    ]
    code, out, _ = run(args, capsys)
    post = load_post(Path(out.splitlines()[0]))
    assert code == 0 and post.recap is not None
    assert post.recap.title == "Another title" and post.data["title"] == "Another title"


def test_no_site_and_no_ssg_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["new", "Meetup"], capsys)
    assert (code, out) == (2, "")
    assert err.startswith("error: cannot tell which SSG") and "--ssg" in err
    assert list(tmp_path.iterdir()) == []


def test_explicit_ssg_in_an_empty_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["new", "Meetup", "--ssg", "hugo", "--site", str(tmp_path)], capsys)
    assert (
        code == 0
        and Path(out.splitlines()[0]) == tmp_path.resolve() / "content/posts/meetup/index.md"
    )


def test_bad_dates_and_missing_title(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = make_site(tmp_path, "hugo")
    code, _, err = run(["new", "x", "--site", str(site), "--date", "18/05/2024"], capsys)
    assert code == 2 and "--date takes a date such as 2024-05-18" in err
    code, _, err = run(["new", "--site", str(site)], capsys)
    assert code == 2 and "give the recap a TITLE" in err


def test_hugo_toml_front_matter(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = make_site(tmp_path, "hugo")
    args = ["new", "Meetup", "--site", str(site), "--front-matter", "toml", "--date", "2024-05-20"]
    code, out, _ = run(args, capsys)
    text = Path(out.splitlines()[0]).read_text(encoding="utf-8")
    assert code == 0 and text.startswith('+++\ntitle = "Meetup"\ndate = 2024-05-20\ndraft = true\n')


def test_help_has_examples(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["new", "--help"], capsys)
    assert code == 0 and 'recapkit new "GopherChina 2024 recap"' in out


def test_new_uses_the_configured_templates_dir(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = make_site(tmp_path / "site", "zola")
    (site / "recapkit.toml").write_text('templates-dir = "tpl"\n', encoding="utf-8")
    (site / "tpl").mkdir()
    (site / "tpl" / "short.md.j2").write_text(
        "Short: {{ recap.title | md_inline }}\n", encoding="utf-8"
    )
    code, out, err = run(["new", "Go night", "--site", str(site), "--template", "short"], capsys)
    assert code == 0 and only_notes(err)
    assert Path(out.splitlines()[0]).read_text(encoding="utf-8").endswith("\n\nShort: Go night\n")


@pytest.mark.parametrize("configured", [False, True])
def test_new_with_the_notes_layout(
    tmp_path: Path, configured: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    site = make_site(tmp_path / "site", "hugo")
    args = ["new", "Go night recap", "--site", str(site), "--event-date", "2025-04-19"]
    if configured:
        (site / "recapkit.toml").write_text('layout = "notes"\n', encoding="utf-8")
    else:
        args += ["--layout", "notes"]
    code, out, err = run(args, capsys)
    assert (code, err) == (0, "")
    text = Path(out.strip()).read_text(encoding="utf-8")
    assert "\nGo night · 19 April 2025 · TODO(recapkit): where did it take place?\n" in text
    assert "## Event" not in text and "\n**Takeaways**:\n" in text
    code, out, err = run(
        ["new", "--from", str(EXAMPLE), "--site", str(site), "--layout", "form"], capsys
    )
    assert code == 0 and "\n## 活动信息\n" in Path(out.strip()).read_text(encoding="utf-8")


def test_jekyll_blank_site_gets_its_default_layout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = make_site(tmp_path / "blank", "jekyll")
    (site / "_layouts").mkdir()
    (site / "_layouts" / "default.html").write_text("{{ content }}\n", encoding="utf-8")
    code, out, _ = run(["new", "Go night", "--site", str(site), "--date", "2024-05-20"], capsys)
    assert code == 0 and load_post(Path(out.splitlines()[0])).data["layout"] == "default"
    themed = make_site(tmp_path / "themed", "jekyll")
    (themed / "_config.yml").write_text("theme: minima\n", encoding="utf-8")
    code, out, _ = run(["new", "Go night", "--site", str(themed), "--date", "2024-05-20"], capsys)
    assert code == 0 and load_post(Path(out.splitlines()[0])).data["layout"] == "post"


def test_jekyll_refuses_the_same_slug_under_another_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = make_site(tmp_path, "jekyll")
    first = ["new", "Go night", "--site", str(site), "--date", "2024-05-20"]
    assert run(first, capsys)[0] == 0
    code, out, err = run(["new", "Go night", "--site", str(site), "--date", "2024-05-21"], capsys)
    assert (code, out) == (1, "")
    assert "_posts/2024-05-20-go-night.md: file exists with this post's name" in err
    assert "--force to write " in err and "2024-05-21-go-night.md anyway" in err
    assert sorted(p.name for p in (site / "_posts").iterdir()) == ["2024-05-20-go-night.md"]


@pytest.mark.parametrize(
    ("pattern", "relative"),
    [
        (":year-:month-:day-:title.md", "source/_posts/2024-05-20-go-night.md"),
        (":year/:i_month/:title.md", "source/_posts/2024/5/go-night.md"),
        (":lang/:title.md", "source/_posts/go-night.md"),  # unknown placeholder: the default
    ],
)
def test_hexo_new_post_name(
    tmp_path: Path, pattern: str, relative: str, capsys: pytest.CaptureFixture[str]
) -> None:
    site = make_site(tmp_path, "hexo", asset_folder=True)
    with (site / "_config.yml").open("a", encoding="utf-8") as config:
        config.write(f"new_post_name: {pattern}\n")
    code, out, err = run(["new", "Go night", "--site", str(site), "--date", "2024-05-20"], capsys)
    assert code == 0 and only_notes(err)
    assert Path(out.splitlines()[0]) == site.resolve() / relative
    assert (site / relative).with_suffix("").is_dir()  # the asset folder beside it


@pytest.mark.parametrize("extra", [[], ["--from", str(EXAMPLE)]])
def test_a_missing_site_folder_is_a_usage_error_and_nothing_is_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str]
) -> None:
    missing = tmp_path / "no" / "such"
    code, out, err = run(
        ["new", "Go night", "--site", str(missing), "--ssg", "hugo", *extra], capsys
    )
    assert (code, out) == (2, "")
    assert err == f"error: site {missing} does not exist\n"
    assert list(tmp_path.iterdir()) == []


def test_invalid_data_file_is_a_finding_reported_as_validate_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = make_site(tmp_path / "site", "hugo")
    data = tmp_path / "bad.yaml"
    data.write_text("title: x\ndate: 2024-05-20\nevent: {name: y, start: tomorrow}\n", "utf-8")
    assert main(["validate", str(data)]) == 1
    problems = capsys.readouterr().out
    assert problems.startswith(f"{data}:3:25: event.start: not a date")
    code, out, err = run(["new", "--from", str(data), "--site", str(site)], capsys)
    assert (code, out, err) == (1, "", problems)
    assert list((site / "content").iterdir()) == []


def test_a_title_of_two_lines_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = make_site(tmp_path, "hugo")
    code, out, err = run(["new", "Go\nnight", "--site", str(site)], capsys)
    assert (code, out, err) == (2, "", "error: the TITLE must be one line, without line breaks\n")


def test_zola_gets_a_section_index_for_the_section_it_creates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = make_site(tmp_path, "zola")
    code, out, err = run(["new", "Rust night", "--site", str(site)], capsys)
    blog = site.resolve() / "content/blog"
    assert code == 0
    assert out.splitlines() == [str(blog / "rust-night.md")]  # stdout: the post's path only
    assert err == f"also created {blog / '_index.md'} (Zola lists a section's pages only with it)\n"
    index = (blog / "_index.md").read_text(encoding="utf-8")
    assert index == '+++\ntitle = "Blog"\nsort_by = "date"\n+++\n'
    # The second post finds the section in place: nothing else is written or printed.
    code, out, err = run(["new", "Rust night 2", "--site", str(site)], capsys)
    assert out.splitlines() == [str(blog / "rust-night-2.md")]


def test_zola_never_touches_an_existing_section_or_index(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = make_site(tmp_path, "zola")
    news = site / "content/news"
    news.mkdir()
    code, out, _ = run(["new", "Meetup", "--site", str(site), "--section", "news"], capsys)
    assert code == 0 and len(out.splitlines()) == 1
    assert not (news / "_index.md").exists()  # a folder without one may be on purpose
    code, out, err = run(["new", "Meetup", "--site", str(site), "--section", "a/b"], capsys)
    root = site.resolve() / "content"
    assert len(out.splitlines()) == 1
    assert [line.split()[2] for line in err.splitlines()] == [
        str(root / "a/_index.md"),
        str(root / "a/b/_index.md"),
    ]


def test_a_hidden_slug_from_the_data_file_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = make_site(tmp_path, "hugo")
    data = tmp_path / "r.yaml"
    data.write_text("title: t\nslug: .hidden\ndate: 2025-01-01\nevent: {name: e}\n", "utf-8")
    code, out, err = run(["new", "--from", str(data), "--site", str(site)], capsys)
    assert (code, out) == (1, "")
    assert "r.yaml:2:7: slug: must not start with '.'" in err
    assert not (site / "content/posts").exists()


def test_the_longest_unicode_title_still_makes_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = make_site(tmp_path, "zola")
    title = "杭州站回顾" * 30
    code, out, err = run(["new", title, "--site", str(site), "--unicode-slug"], capsys)
    assert code == 0 and only_notes(err)
    path = Path(out.splitlines()[0])
    assert path.is_file() and len(path.name.encode("utf-8")) <= 203


def test_a_data_file_that_is_no_regular_file_or_holds_a_lone_surrogate_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = make_site(tmp_path / "site", "hugo")
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)  # opened without blocking, or this test would hang
    code, out, err = run(["new", "--from", str(fifo), "--site", str(site)], capsys)
    assert (code, out, err) == (2, "", f"error: {fifo}: a FIFO (named pipe), not a regular file\n")
    lone = tmp_path / "lone.json"
    lone.write_text('{"title": "\\ud800", "date": "2025-03-01", "event": {"name": "Go"}}', "utf-8")
    code, out, err = run(["new", "--from", str(lone), "--site", str(site)], capsys)
    assert (code, out) == (1, "") and err.startswith(f"{lone}:1:11: title: text holds \\ud800")
    assert list((site / "content").iterdir()) == []


def test_a_lone_config_two_generators_read_names_both(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "_config.yml").write_text("title: blog\n", encoding="utf-8")
    assert main(["new", "Hello", "--site", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "read by Hexo and Jekyll alike; pass --ssg hexo or --ssg jekyll" in err
    assert list(tmp_path.iterdir()) == [tmp_path / "_config.yml"]
