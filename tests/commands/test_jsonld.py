"""``recapkit jsonld``: a data file or a post in, schema.org JSON-LD out; errors and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from recapkit.cli import main
from tests.paths import EXAMPLES, FIXTURES
from tests.schema_vocabulary import vocabulary

POST = EXAMPLES / "site" / "content" / "posts" / "gopher-meetup-hangzhou-2025" / "index.md"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_a_data_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["jsonld", str(EXAMPLES / "rust-night-berlin-2025.json")], capsys)
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert out.startswith('{\n  "@context": "https://schema.org",\n  "@type": "Event",')
    assert data["name"] == "Rust Night Berlin #12"
    first = data["subEvent"][0]
    assert (first["name"], first["startDate"], first["duration"]) == (
        "Cancel safety in practice",
        "2025-02-06T19:15:00+01:00",
        "PT30M",
    )
    assert first["performer"][0]["worksFor"]["name"] == "Example Logistics"
    assert vocabulary().problems(data) == []


def test_a_post_gives_what_its_recap_block_gives(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, from_post, err = run(["jsonld", str(POST)], capsys)
    assert (code, err) == (0, "")
    data = json.loads(from_post)
    assert (data["name"], data["inLanguage"]) == ("Gopher Meetup 杭州站 2025", "zh-CN")
    assert vocabulary().problems(data) == []
    assert run(["jsonld", str(EXAMPLES / "gopher-meetup-hangzhou-2025.yaml")], capsys)[1] == (
        from_post
    )


def test_a_zola_post_carries_its_recap_under_extra(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    post = tmp_path / "post.md"
    post.write_text(
        '+++\ntitle = "x"\n[extra.recap]\ntitle = "Recap"\ndate = 2025-03-01\n'
        '[extra.recap.event]\nname = "Zola night"\nonline-url = "https://live.example.org"\n+++\n',
        encoding="utf-8",
    )
    code, out, err = run(["jsonld", str(post), "--indent", "0"], capsys)
    assert (code, err) == (0, "")
    assert out.count("\n") == 1
    assert json.loads(out)["location"] == {
        "@type": "VirtualLocation",
        "url": "https://live.example.org",
    }


def test_html_wraps_it_in_a_script_element_and_base_url_makes_urls_absolute(
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = ["jsonld", str(POST), "--html", "--base-url", "https://blog.example.org"]
    code, out, err = run(args, capsys)
    assert (code, err) == (0, "")
    assert out.startswith('<script type="application/ld+json">\n{')
    assert out.endswith("}\n</script>\n")
    body = json.loads(out.split("\n", 1)[1].rsplit("\n</script>", 1)[0])
    assert body["image"] == "https://blog.example.org/images/gopher-hangzhou-2025/cover.jpg"


def test_output_file_is_never_overwritten_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "data" / "jsonld" / "event.json"  # folders made as needed
    source = str(EXAMPLES / "pycon-riverside-2025.toml")
    assert run(["jsonld", source, "-o", str(target)], capsys) == (0, "", "")
    written = target.read_text(encoding="utf-8")
    assert json.loads(written)["@type"] == "Event"
    target.write_text("mine", encoding="utf-8")
    code, _, err = run(["jsonld", source, "-o", str(target)], capsys)
    assert code == 1
    assert "file exists; use --force to replace it" in err
    assert target.read_text(encoding="utf-8") == "mine"
    assert run(["jsonld", source, "-o", str(target), "--force"], capsys)[0] == 0
    assert target.read_text(encoding="utf-8") == written


def test_problems_in_a_data_file_are_reported_with_their_lines(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(["jsonld", str(EXAMPLES / "invalid" / "syntax-error.json")], capsys)
    assert (code, out) == (1, "")
    assert err.startswith(f"{EXAMPLES / 'invalid' / 'syntax-error.json'}:4:")
    assert "JSON syntax error" in err


def test_problems_in_a_posts_recap_block_are_reported_at_their_lines(
    capsys: pytest.CaptureFixture[str],
) -> None:
    post = FIXTURES / "rules" / "hugo" / "content" / "posts" / "recap-invalid.md"
    code, out, err = run(["jsonld", str(post)], capsys)
    assert (code, out) == (1, "")
    lines = err.splitlines()
    assert lines[0].startswith(f"{post}:11:")
    assert "recap.talks[0].speakers: expected a list" in lines[0]
    assert lines[1].startswith(f"{post}:12:")
    assert "recap.talks[0].takeways" in lines[1]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("---\ntitle: no recap\n---\nBody.\n", "no recap data: the post's front matter has no"),
        ("# Just Markdown\n", "no recap data"),
    ],
)
def test_a_post_without_a_recap_block_is_a_usage_error(
    tmp_path: Path, text: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    post = tmp_path / "post.md"
    post.write_text(text, encoding="utf-8")
    code, out, err = run(["jsonld", str(post)], capsys)
    assert (code, out) == (2, "")
    assert err.startswith(f"error: {post}: {message}")


def test_broken_front_matter_is_reported_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    post = tmp_path / "post.md"
    post.write_text("---\ntitle: a: b\nrecap: {}\n---\n", encoding="utf-8")
    code, out, err = run(["jsonld", str(post)], capsys)
    assert (code, out) == (1, "")
    assert err.startswith(f"{post}:2:")
    assert "front matter:" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.yaml"], "missing.yaml"),
        (["missing.md"], "missing.md"),
        ([str(POST), "--base-url", "blog.example.org"], "--base-url must be an http(s) URL"),
        ([str(POST), "--indent", "-1"], "Invalid value for '--indent'"),
        ([str(POST), "--timezone", "Mars/Olympus"], "unknown time zone 'Mars/Olympus'"),
    ],
)
def test_usage_errors_exit_2(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["jsonld", *args], capsys)
    assert (code, out) == (2, "")
    assert message in err
    assert "Traceback" not in err


def test_a_post_whose_data_is_in_a_sidecar_gives_the_sidecars(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    post = tmp_path / "gopher.md"
    post.write_text("---\ntitle: Gopher\n---\n\nBody.\n", encoding="utf-8")
    sidecar = tmp_path / "gopher.recap.yaml"
    sidecar.write_bytes((EXAMPLES / "gopher-meetup-hangzhou-2025.yaml").read_bytes())
    code, from_post, err = run(["jsonld", str(post)], capsys)
    assert (code, err) == (0, "")
    assert run(["jsonld", str(sidecar)], capsys)[1] == from_post
