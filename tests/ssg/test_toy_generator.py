"""A fifth generator is one module plus one registration: a toy one, defined here, is detected,
linted and scaffolded through the real command line without any other change to recapkit."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from recapkit.cli import main
from recapkit.data.model import Recap
from recapkit.post.ssg_tags import CodeTags, ImageTags, Position, TagSyntax
from recapkit.post.types import ImageKind, ImageRef, Post
from recapkit.ssg import registry
from recapkit.ssg.base import Claim, Generator, KeyVocabulary, PostTarget, Site
from recapkit.ssg.config_file import Folder

_IMAGE = re.compile(r"\[\[img (?P<src>[^\]\s]+)(?: (?P<alt>[^\]]+))?\]\]")
_CODE = re.compile(r"\[\[(?P<close>/)?(?P<name>code)\]\]")


def _image(match: re.Match[str], start: Position, end: Position) -> ImageRef | None:
    return ImageRef(match["src"], match["alt"], ImageKind.MARKDOWN, *start, *end)


class Toy(Generator):
    """A made-up generator: ``toy.toml``, posts in ``notes/``, files in ``public/``,
    ``[[img /x.png alt]]`` images and ``[[code]]...[[/code]]`` blocks, dated file names."""

    name = "toy"
    label = "Toy"
    root_markers = ("toy.toml",)
    keys = KeyVocabulary(frozenset({"title", "date", "tags", "mood"}))
    tags = TagSyntax(images=(ImageTags("[[", _IMAGE, _image),), code=(CodeTags("[[", _CODE),))
    default_section = "notes"

    def claim(self, folder: Folder) -> Claim | None:
        return Claim(folder.path / "toy.toml") if folder.has("toy.toml") else None

    def config_files(self, root: Path) -> tuple[Path, ...]:
        return (root / "toy.toml",)

    def site(self, root: Path, config: Mapping[str, Any], config_file: Path | None) -> Site:
        public = root / str(config.get("public", "public"))
        return self.make_site(root, content_dirs=(root,), static_dirs=(public,))

    def is_page_by_place(self, post: Post, site: Site | None) -> bool:
        return "notes" not in post.path.parts

    def undated(self, post: Post, site: Site | None) -> str | None:
        if self.has_any_date(post, site):
            return None
        return "no date: Toy files the note under 'someday'"

    def disarm(self, text: str) -> str:
        return text.replace("[[", "[\\[")

    def post_target(
        self, site: Site, slug: str, day: date, section: Sequence[str] | None
    ) -> PostTarget:
        folder = site.content_dirs[0].joinpath(*self.sections(section))
        return PostTarget(folder / f"{day:%Y%m%d}-{slug}.md")

    def front_matter(self, recap: Recap, site: Site | None) -> dict[str, Any]:
        return {"tags": list(recap.tags), "mood": "curious"}


@pytest.fixture
def toy() -> Iterator[Generator]:
    with registry.registered(Toy()) as generator:
        yield generator


def _toy_site(root: Path) -> Path:
    (root / "toy.toml").write_text('public = "public"\n', encoding="utf-8")
    (root / "public").mkdir()
    (root / "public" / "here.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (root / "notes").mkdir()
    return root


def test_a_registered_generator_is_detected_and_lints_its_own_way(
    toy: Generator, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = _toy_site(tmp_path)
    (site / "notes" / "first.md").write_text(
        "---\ntitle: First\ndate: 2025-01-02\nmod: happy\n---\n\n"
        "[[img /here.png A toy]] [[img /gone.png A lost toy]]\n\n"
        "[[code]]\n##not a heading in code\n[[img /also-gone.png]]\n[[/code]]\n",
        encoding="utf-8",
    )
    (site / "notes" / "second.md").write_text("---\ntitle: Second\n---\n", encoding="utf-8")
    (site / "about.md").write_text("---\ntitle: About\n---\n", encoding="utf-8")  # a page
    select = "RK103,RK105,RK203,RK301"
    status = main(["lint", "--isolated", "--no-cache", "--select", select, str(site)])
    out = capsys.readouterr().out
    assert status == 1
    assert out.count("RK103") == 1 and "second.md:1:1: RK103 no date: Toy files the note" in out
    assert "RK105 (warning) unknown key `mod`; did you mean `mood`?" in out  # the toy's own vocabulary
    assert "RK203 image /gone.png not found (tried public/gone.png)" in out  # its static folder
    assert "here.png" not in out and "also-gone" not in out  # found; inside its code block
    assert "RK301" not in out


def test_the_command_line_offers_it_and_new_places_a_post_where_it_wants(
    toy: Generator, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = _toy_site(tmp_path)
    args = ["new", "Toy meetup", "--site", str(site), "--ssg", "toy", "--date", "2025-03-04"]
    assert main(args) == 0
    written = Path(capsys.readouterr().out.strip())
    assert written == site / "notes" / "20250304-toy-meetup.md"
    text = written.read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: Toy meetup\ndate: 2025-03-04\ntags: []\nmood: curious\n")
    assert main(["lint", "--isolated", "--no-cache", "--select", "RK1,RK2", str(written)]) == 0


def test_unregistered_it_is_gone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with registry.registered(Toy()):
        assert "toy" in registry.names()
    assert "toy" not in registry.names()
    assert main(["lint", "--ssg", "toy", str(_toy_site(tmp_path))]) == 2
    assert "'toy' is not one of" in capsys.readouterr().err


def test_a_name_is_registered_once(toy: Generator) -> None:
    with pytest.raises(ValueError, match="already registered"):
        registry.register(Toy())
