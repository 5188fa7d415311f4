"""Where a post's recap data lives: front matter block, sidecar, data folder; one precedence."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recapkit import DataFileError, load_post
from recapkit.post.recap_source import RecapPlace, data_name, post_name
from tests.files import write_files

RECAP = "title: {title}\ndate: 2025-04-20\nevent:\n  name: Go meetup\ntalks:\n  - title: Generics\n"
POST = "---\ntitle: P\ndate: 2025-04-20\n{extra}---\n\nBody.\n"
HUGO = {"hugo.toml": 'baseURL = "https://e.org/"\n'}


def recap(title: str) -> str:
    return RECAP.format(title=title)


def title_of(path: Path) -> str | None:
    found = load_post(path).recap
    return found.title if found is not None else None


def test_a_page_bundle_reads_its_sidecar_and_a_single_file_post_its_own(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {
            **HUGO,
            "content/posts/b/index.md": POST.format(extra=""),
            "content/posts/b/index.recap.toml": 'title = "bundle"\ndate = 2025-04-20\n'
            '[event]\nname = "Go"\n',
            "content/posts/c.md": POST.format(extra=""),
            "content/posts/c.recap.json": '{"title": "single", "date": "2025-04-20",'
            ' "event": {"name": "Go"}}',
        },
    )
    assert title_of(tmp_path / "content/posts/b/index.md") == "bundle"
    assert title_of(tmp_path / "content/posts/c.md") == "single"


@pytest.mark.parametrize(
    ("files", "folder"),
    [
        (HUGO, "data"),
        ({"hugo.toml": 'baseURL = "https://e.org/"\ndataDir = "facts"\n'}, "facts"),
        ({"_config.yml": "title: t\n", "content/x": ""}, "_data"),
        ({"_config.yml": "title: t\ndata_dir: db\n"}, "db"),
        ({"_config.yml": "title: t\n", "source/_posts/x": ""}, "source/_data"),
        (
            {"config.toml": 'base_url = "https://e.org"\n[extra]\nrecap_data_dir = "data"\n'},
            "data",
        ),
    ],
)
def test_the_data_folder_is_the_generators(
    tmp_path: Path, files: dict[str, str], folder: str
) -> None:
    posts = "source/_posts" if "source/_posts/x" in files else "content/posts"
    if "_config.yml" in files and "source/_posts/x" not in files:
        posts = "_posts"
    write_files(tmp_path, {**files, f"{posts}/2025-04-20-go.md": POST.format(extra="")})
    write_files(tmp_path, {f"{folder}/recaps/2025-04-20-go.yaml": recap("from data")})
    assert title_of(tmp_path / posts / "2025-04-20-go.md") == "from data"


def test_zola_without_a_configured_folder_has_none(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {
            "config.toml": 'base_url = "https://e.org"\n',
            "content/go.md": "+++\ntitle = 'P'\n+++\n",
            "data/recaps/go.yaml": recap("unseen"),
        },
    )
    assert title_of(tmp_path / "content/go.md") is None


def test_precedence_front_matter_then_named_then_sidecar_then_data_folder(tmp_path: Path) -> None:
    block = "recap:\n  title: block\n  date: 2025-04-20\n  event:\n    name: Go\n"
    post = tmp_path / "content/posts/go.md"
    write_files(
        tmp_path,
        {
            **HUGO,
            "content/posts/go.md": POST.format(extra=block + "recap_data: shared\n"),
            "content/posts/go.recap.yaml": recap("sidecar"),
            "data/recaps/go.yaml": recap("by name"),
            "data/recaps/shared.yaml": recap("named"),
        },
    )
    places = [s.place for s in load_post(post).recap_sources]
    assert places == [RecapPlace.FRONT_MATTER, RecapPlace.NAMED, RecapPlace.SIDECAR]
    assert title_of(post) == "block"
    post.write_text(POST.format(extra="recap_data: shared\n"), encoding="utf-8")
    assert title_of(post) == "named"
    post.write_text(POST.format(extra=""), encoding="utf-8")
    assert title_of(post) == "sidecar"
    assert [s.place for s in load_post(post).recap_sources][1] is RecapPlace.DATA_FOLDER
    (tmp_path / "content/posts/go.recap.yaml").unlink()
    assert title_of(post) == "by name"


def test_a_sidecar_that_does_not_parse_is_a_positioned_error(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {
            "go.md": POST.format(extra=""),
            "go.recap.yaml": "title: x\ntalks: [\n",
        },
    )
    with pytest.raises(DataFileError) as caught:
        load_post(tmp_path / "go.md").recap  # noqa: B018
    problem = caught.value.problems[0]
    assert problem.path.endswith("go.recap.yaml") and problem.line >= 1


@pytest.mark.parametrize(
    ("value", "name"),
    [
        ("gopher-2025", "gopher-2025"),
        ("events/gopher.yaml", "events/gopher"),
        ("../secrets", None),
        ("/etc/passwd", None),
        ("a/../../b", None),
        (3, None),
    ],
)
def test_a_named_data_file_stays_inside_the_folder(value: object, name: str | None) -> None:
    assert data_name({"recap_data": value}) == name


def test_the_data_name_of_a_bundle_is_its_folder() -> None:
    assert post_name(Path("content/posts/gopher/index.md")) == "gopher"
    assert post_name(Path("_posts/2025-03-01-gopher.md")) == "2025-03-01-gopher"


@given(st.text(alphabet="ab./-_\\~ \n", max_size=30))
def test_a_data_name_never_leaves_the_folder(value: str) -> None:
    name = data_name({"recap_data": value})
    if name is None:
        return  # refused: nothing is read
    resolved = (Path("/site/data/recaps") / name).resolve()
    assert resolved.is_relative_to(Path("/site/data/recaps")) and resolved.name
