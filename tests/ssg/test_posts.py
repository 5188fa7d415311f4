"""A post is read as its site's generator reads it: its own tags show images and hold code."""

from __future__ import annotations

from pathlib import Path

import pytest

from recapkit.ssg.posts import load_post
from recapkit.ssg.site import find_site

BODY = (
    "---\ntitle: T\n---\n\n{% img /images/stage.png 600 400 Stage %}\n\n"
    '{{< figure src="/images/hall.png" alt="Hall" >}}\n\n'
    "{% highlight c %}\n#include <stdio.h>\n{% endhighlight %}\n"
)


def site_post(root: Path, config: str, text: str, name: str) -> tuple[list[str], bool]:
    (root / config).write_text(config_text(config), encoding="utf-8")
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    post = load_post(path, site=find_site(path))
    include = post.text.index("#include")
    return [image.src for image in post.images], post.in_code(include)


def config_text(name: str) -> str:
    return 'baseURL = "/"\n' if name == "hugo.toml" else "title: Site\n"


@pytest.mark.parametrize(
    ("config", "name", "images", "code"),
    [
        ("hugo.toml", "content/posts/x.md", ["/images/hall.png"], False),
        ("_config.yml", "source/_posts/x.md", ["/images/stage.png"], False),
    ],
)
def test_only_the_site_generators_own_tags_count(
    tmp_path: Path, config: str, name: str, images: list[str], code: bool
) -> None:
    if config == "_config.yml":
        (tmp_path / "source" / "_posts").mkdir(parents=True)
    assert site_post(tmp_path, config, BODY, name) == (images, code)


def test_without_a_site_every_generators_tags_are_read(tmp_path: Path) -> None:
    path = tmp_path / "notes" / "x.md"
    path.parent.mkdir(parents=True)
    path.write_text(BODY, encoding="utf-8")
    post = load_post(path)
    assert sorted(image.src for image in post.images) == ["/images/hall.png", "/images/stage.png"]
    assert post.in_code(post.text.index("#include"))
