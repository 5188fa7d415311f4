"""Build tiny real sites with generated recaps using the real `hugo` and `jekyll` programs
(and Hexo, for the ``notes`` layout, when ``RECAPKIT_HEXO_MODULES`` names one).

Skipped when the program is not installed (``apt-get install hugo jekyll``; ``.ci/run``
installs them). The builds are offline: no theme, no gems beyond Debian's jekyll.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from recapkit.cli import main

pytestmark = pytest.mark.integration

# A 1x1 transparent PNG: the SSGs copy it, nobody decodes it.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082"
)

RECAP = """\
title: "Gopher Night: generics & {{{{ templates }}}}"
date: 2024-05-20T21:00:00+08:00
slug: gopher-night
lang: {lang}
lead: A packed room and three talks.
highlights: [{{term: tracing, note: "```\\nbpftrace -l\\n```"}}]
event:
  name: Gopher Night
  start: 2024-05-18T19:00:00
  timezone: Asia/Shanghai
  city: Shanghai
talks:
  - title: Generics in practice
    speakers: [{{name: Alice, affiliation: Acme}}]
    summary: "Constraints first. Literal {{{{ 7*7 }}}} and {{% raw %}} stay text."
    takeaways: [{{text: Start concrete.}}, {{text: Constraints are a contract., kind: quote}}]
    photos:
      - {{src: {src}, alt: Alice at the lectern, credit: Bob}}
  - title: "Profiling # with pprof {{{{< x >}}}}"
    summary: Flame graphs everywhere.
    takeaways:
      - text: "Profile first:\\n\\n```go\\npprof.StartCPUProfile(out)\\n```"
        links: [{{url: "https://go.dev/blog/pprof", title: The pprof post}}]
"""


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> Path:
    code = main(args)
    out, err = capsys.readouterr()
    assert (code, err) == (0, ""), err
    return Path(out.strip())


def build(command: list[str], cwd: Path) -> None:
    result = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, f"{command[0]} failed:\n{result.stdout}\n{result.stderr}"


def tags_only(text: str) -> str:
    """HTML without the whitespace between tags (goldmark and kramdown lay it out differently)."""
    return re.sub(r">\s+<", "><", text)


def hugo_site(site: Path, single: str) -> Path:
    """A Hugo site without a theme: a page shows *single*, lists and feeds nothing."""
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "content").mkdir()
    (site / "hugo.toml").write_text(
        'baseURL = "https://example.org/"\ntitle = "t"\n'
        'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]\n',
        encoding="utf-8",
    )
    (site / "layouts/_default/single.html").write_text(single + "\n", encoding="utf-8")
    (site / "layouts/_default/list.html").write_text("<html></html>\n", encoding="utf-8")
    return site


def jekyll_site(site: Path, post: str) -> Path:
    """A Jekyll site without a theme: a post shows *post*; ``/assets/stage.png`` is an image."""
    (site / "_layouts").mkdir(parents=True)
    (site / "_posts").mkdir()
    (site / "assets").mkdir()
    (site / "assets" / "stage.png").write_bytes(PNG)
    (site / "_config.yml").write_text("title: t\nmarkdown: kramdown\n", encoding="utf-8")
    (site / "_layouts" / "post.html").write_text(post + "\n", encoding="utf-8")
    return site


def check_page(page: Path, image_src: str) -> None:
    text = html.unescape(page.read_text(encoding="utf-8"))
    assert "<h1>Gopher Night: generics & {{ templates }}</h1>" in text
    assert ">Generics in practice</h2>" in text
    assert ">Profiling # with pprof {{< x >}}</h2>" in text
    assert f'src="{image_src}"' in text and 'alt="Alice at the lectern"' in text
    assert "Literal {{ 7*7 }} and {% raw %} stay text." in text
    assert "49" not in re.sub(r"<!--.*?-->", "", text, flags=re.S)  # not in a block's hash either
    assert "<blockquote><p>Constraints are a contract.</p><p>" in tags_only(text)
    check_code_in_lists(text)
    assert "<strong>tracing</strong>" in text and "bpftrace -l" in code_blocks(text)


def check_code_in_lists(text: str) -> None:
    """A takeaway ending in code: the code is a code block, its links are links after it."""
    assert "pprof.StartCPUProfile(out)" in code_blocks(text)
    link = re.search(r'<a [^>]*href="https://go.dev/blog/pprof"[^>]*>The pprof post</a>', text)
    assert link is not None and link.start() > text.index("StartCPUProfile")


def code_blocks(text: str) -> list[str]:
    """The text of each ``<pre>``, stripped: Hugo highlights code in spans, Hexo adds a gutter."""
    found = re.findall(r"<pre[^>]*>(.*?)</pre>", text, re.S)
    return [re.sub(r"<[^>]+>", "", code).strip() for code in found]


@pytest.mark.skipif(
    shutil.which("hugo") is None, reason="hugo is not installed (apt-get install hugo)"
)
def test_hugo_builds_generated_posts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = hugo_site(
        tmp_path / "site", "<html><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>"
    )
    for lang in ("en", "zh"):
        data = tmp_path / f"{lang}.yaml"
        data.write_text(RECAP.format(lang=lang, src="images/stage.png"), encoding="utf-8")
        section = f"posts-{lang}"
        post = run_cli(
            ["new", "--from", str(data), "--site", str(site), "--section", section], capsys
        )
        assert post == site.resolve() / "content" / section / "gopher-night" / "index.md"
        (post.parent / "images" / "stage.png").write_bytes(PNG)
    build(
        ["hugo", "--quiet", "--source", str(site), "--destination", str(tmp_path / "public")], site
    )
    for lang, label in (("en", "Takeaways"), ("zh", "收获")):
        page = tmp_path / "public" / f"posts-{lang}" / "gopher-night" / "index.html"
        check_page(page, "images/stage.png")
        assert f">{label}</h3>" in page.read_text(encoding="utf-8")
        assert (page.parent / "images" / "stage.png").read_bytes() == PNG


@pytest.mark.skipif(
    shutil.which("jekyll") is None, reason="jekyll is not installed (apt-get install jekyll)"
)
def test_jekyll_builds_generated_posts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = jekyll_site(
        tmp_path / "site", "<html><body><h1>{{ page.title }}</h1>{{ content }}</body></html>"
    )
    data = tmp_path / "en.yaml"
    data.write_text(RECAP.format(lang="en", src="/assets/stage.png"), encoding="utf-8")
    post = run_cli(["new", "--from", str(data), "--site", str(site)], capsys)
    assert post == site.resolve() / "_posts" / "2024-05-20-gopher-night.md"
    build(
        ["jekyll", "build", "--quiet", "--source", str(site), "--destination", str(site / "_site")],
        site,
    )
    check_page(site / "_site" / "2024" / "05" / "20" / "gopher-night.html", "/assets/stage.png")
    assert (site / "_site" / "assets" / "stage.png").read_bytes() == PNG


# --- the "notes" layout: a two-day programme, quotes, photos inside their talk -------------

NOTES = """\
title: Gopher Days
date: 2024-05-20
slug: gopher-days-{lang}
lang: {lang}
lead: Two days of Go.
event: {{name: Gopher Days, start: 2024-05-18, end: 2024-05-19, timezone: Asia/Shanghai}}
highlights: [{{term: generics, note: everyone asked}}]
talks:
  - title: Generics in practice
    speakers: [{{name: Alice, affiliation: Acme}}]
    room: Hall A
    start: 2024-05-18T14:00:00
    summary: Constraints first.
    takeaways: [{{text: Start concrete.}}, {{text: Constraints are a contract., kind: quote}}]
    photos: [{{src: {src}, alt: Alice at the lectern, caption: The room, credit: Bob}}]
  - title: Profiling with pprof
    speakers: [{{name: Bo}}]
    room: Room 2
    start: 2024-05-19T10:00:00
    summary: Flame graphs everywhere.
    takeaways:
      - text: "Profile first:\\n\\n```go\\npprof.StartCPUProfile(out)\\n```"
        links: [{{url: "https://go.dev/blog/pprof", title: The pprof post}}]
"""
DAYS = {
    "en": ("Day 1 · Saturday, 18 May 2024", "Day 2 · Sunday, 19 May 2024", "Event"),
    "zh": ("第 1 天 · 2024年5月18日（周六）", "第 2 天 · 2024年5月19日（周日）", "活动信息"),
}


def new_notes_posts(site: Path, src: str, capsys: pytest.CaptureFixture[str]) -> list[Path]:
    """``recapkit new --layout notes`` of the English and the Chinese recap (image *src*)."""
    posts = []
    for lang in ("en", "zh"):
        data = site.parent / f"notes-{lang}.yaml"
        data.write_text(NOTES.format(lang=lang, src=src), encoding="utf-8")
        args = ["new", "--from", str(data), "--site", str(site), "--layout", "notes"]
        posts.append(run_cli(args, capsys))
    return posts


def check_notes_page(page: Path, lang: str, image_src: str) -> None:
    text = tags_only(html.unescape(page.read_text(encoding="utf-8")))
    day1, day2, facts = DAYS[lang]
    order = [f">{day1}</h2>", ">Generics in practice</h3>", f'src="{image_src}"', "<blockquote>"]
    order += [f">{day2}</h2>", ">Profiling with pprof</h3>"]
    positions = [text.find(part) for part in order]
    assert -1 not in positions and positions == sorted(positions), (order, positions)
    assert "<blockquote><p>Constraints are a contract.</p><p>" in text
    assert "<strong>generics</strong>" in text and text.find("generics") < positions[0]
    assert f">{facts}</h2>" not in text  # no facts block
    check_code_in_lists(text)


@pytest.mark.skipif(
    shutil.which("hugo") is None, reason="hugo is not installed (apt-get install hugo)"
)
def test_hugo_builds_notes_layout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = hugo_site(tmp_path / "site", "{{ .Content }}")
    for post in new_notes_posts(site, "stage.png", capsys):
        (post.parent / "stage.png").write_bytes(PNG)
    build(["hugo", "--quiet", "--source", str(site)], site)
    for lang in ("en", "zh"):
        page = site / "public" / "posts" / f"gopher-days-{lang}" / "index.html"
        check_notes_page(page, lang, "stage.png")


@pytest.mark.skipif(
    shutil.which("jekyll") is None, reason="jekyll is not installed (apt-get install jekyll)"
)
def test_jekyll_builds_notes_layout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = jekyll_site(tmp_path / "site", "{{ content }}")
    new_notes_posts(site, "/assets/stage.png", capsys)
    build(["jekyll", "build", "--quiet", "--source", str(site)], site)
    for lang in ("en", "zh"):
        page = site / "_site" / "2024" / "05" / "20" / f"gopher-days-{lang}.html"
        check_notes_page(page, lang, "/assets/stage.png")


def hexo_modules() -> Path | None:
    """The Hexo that ``RECAPKIT_HEXO_MODULES`` names (``.ci/run`` installs one), if usable."""
    from tests.ssg.test_hexo_themes_real import _hexo

    return _hexo() if shutil.which("node") else None


@pytest.mark.skipif(hexo_modules() is None, reason="no node or Hexo (RECAPKIT_HEXO_MODULES)")
def test_hexo_builds_notes_layout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.ssg.test_hexo_themes_real import link_hexo

    site = tmp_path / "site"
    modules = link_hexo(site)
    (site / "_config.yml").write_text(
        "title: t\nurl: https://example.org\ntheme: toy\n", encoding="utf-8"
    )
    layouts = site / "themes" / "toy" / "layout"  # Nunjucks, built into Hexo: no renderer needed
    layouts.mkdir(parents=True)
    (layouts / "post.njk").write_text("{{ page.content }}\n", encoding="utf-8")
    (layouts / "index.njk").write_text("", encoding="utf-8")
    (site / "source" / "_posts").mkdir(parents=True)
    (site / "source" / "assets").mkdir()
    (site / "source" / "assets" / "stage.png").write_bytes(PNG)
    new_notes_posts(site, "/assets/stage.png", capsys)
    build(["node", str(modules / "hexo" / "bin" / "hexo"), "generate"], site)
    for lang in ("en", "zh"):
        page = site / "public" / "2024" / "05" / "20" / f"gopher-days-{lang}" / "index.html"
        check_notes_page(page, lang, "/assets/stage.png")


# --- sites made by the generators themselves -------------------------------------------


@pytest.mark.skipif(
    shutil.which("hugo") is None, reason="hugo is not installed (apt-get install hugo)"
)
def test_new_in_a_site_made_by_hugo_new_site(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "blog"
    build(["hugo", "new", "site", str(site)], tmp_path)
    layouts = site / "layouts" / "_default"  # `hugo new site` has no theme: give it the least
    layouts.mkdir(parents=True, exist_ok=True)
    (layouts / "single.html").write_text("<h1>{{ .Title }}</h1>{{ .Content }}\n", encoding="utf-8")
    (layouts / "list.html").write_text(
        "{{ range .Pages }}{{ .Title }}{{ end }}\n", encoding="utf-8"
    )
    title = "Gopher Meetup 杭州站回顾"
    post = run_cli(["new", title, "--site", str(site), "--event-date", "2025-04-19"], capsys)
    assert post.parent.parent == (site / "content" / "posts").resolve()
    assert main(["new", title, "--site", str(site)]) == 1  # never overwritten
    assert "file exists; use --force" in capsys.readouterr().err
    build(["hugo", "--quiet", "--buildDrafts", "--source", str(site)], site)
    page = site / "public" / "posts" / post.parent.name / "index.html"
    text = page.read_text(encoding="utf-8")
    assert f"<h1>{title}</h1>" in text and ">活动信息</h2>" in text
    assert "2025年4月19日（周六）" in text and "TODO(recapkit): 写一段导语" in text


@pytest.mark.skipif(
    shutil.which("jekyll") is None, reason="jekyll is not installed (apt-get install jekyll)"
)
def test_new_in_a_site_made_by_jekyll_new_blank(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "blog"
    build(["jekyll", "new", "--blank", str(site)], tmp_path)
    post = run_cli(["new", "Go night recap", "--site", str(site), "--date", "2025-04-20"], capsys)
    assert post == (site / "_posts" / "2025-04-20-go-night-recap.md").resolve()
    result = subprocess.run(
        ["jekyll", "build", "--unpublished", "--source", str(site)],
        cwd=site,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Layout" not in result.stdout + result.stderr  # the blank site's own layout is used
    page = site / "_site" / "2025" / "04" / "20" / "go-night-recap.html"
    assert "<title>Go night recap - </title>" in page.read_text(encoding="utf-8")


# --- a custom template without any filter: the data still never runs in the SSG ------------

HOSTILE_TITLE = "Raw {% raw %} site {{ site.title }} short {{< x >}} pct {{% y %}}"
BARE = "{{ recap.title }}\n\nSummary: {{ recap.talks[0].summary }}\n"


def write_bare_recap(tmp_path: Path) -> tuple[Path, Path]:
    data = tmp_path / "bare.yaml"
    data.write_text(
        "title: 'Bare'\ndate: 2024-05-20\nslug: bare\nevent: {name: Night, start: 2024-05-18}\n"
        f"lead: {HOSTILE_TITLE!r}\ntalks:\n  - title: {HOSTILE_TITLE!r}\n"
        f"    summary: {HOSTILE_TITLE!r}\n",
        encoding="utf-8",
    )
    template = tmp_path / "bare.md.j2"
    template.write_text(BARE.replace("recap.title", "recap.talks[0].title"), encoding="utf-8")
    return data, template


def check_bare_page(page: Path) -> None:
    text = html.unescape(page.read_text(encoding="utf-8"))
    assert HOSTILE_TITLE in text, text
    assert f"Summary: {HOSTILE_TITLE}" in text


@pytest.mark.skipif(
    shutil.which("hugo") is None, reason="hugo is not installed (apt-get install hugo)"
)
def test_hugo_custom_template_shows_data_as_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "content" / "posts").mkdir(parents=True)
    (site / "hugo.toml").write_text(
        'baseURL = "https://example.org/"\ntitle = "t"\ndisableKinds = ["taxonomy", "term"]\n',
        encoding="utf-8",
    )
    (site / "layouts/_default/single.html").write_text("{{ .Content }}\n", encoding="utf-8")
    (site / "layouts/_default/list.html").write_text("<html></html>\n", encoding="utf-8")
    data, template = write_bare_recap(tmp_path)
    post = site / "content" / "posts" / "bare.md"
    args = ["render", str(data), "--site", str(site), "--template", str(template)]
    assert main([*args, "-o", str(post)]) == 0, capsys.readouterr().err
    build(["hugo", "--quiet", "--source", str(site)], site)
    check_bare_page(site / "public" / "posts" / "bare" / "index.html")


@pytest.mark.skipif(
    shutil.which("jekyll") is None, reason="jekyll is not installed (apt-get install jekyll)"
)
def test_jekyll_custom_template_shows_data_as_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    (site / "_layouts").mkdir(parents=True)
    (site / "_posts").mkdir()
    (site / "_config.yml").write_text("title: SITE-TITLE\nmarkdown: kramdown\n", encoding="utf-8")
    (site / "_layouts" / "post.html").write_text("{{ content }}\n", encoding="utf-8")
    data, template = write_bare_recap(tmp_path)
    post = site / "_posts" / "2024-05-20-bare.md"
    args = ["render", str(data), "--site", str(site), "--template", str(template)]
    assert main([*args, "-o", str(post)]) == 0, capsys.readouterr().err
    build(["jekyll", "build", "--quiet", "--source", str(site)], site)
    page = site / "_site" / "2024" / "05" / "20" / "bare.html"
    check_bare_page(page)
    assert "SITE-TITLE" not in page.read_text(encoding="utf-8")
