"""Image rules RK201-RK205 (RK203 with real site layouts in tmp_path)."""

from __future__ import annotations

from pathlib import Path

import pytest

from recapkit.data.text_checks import alt_looks_like_filename
from recapkit.lint.rules import (
    ImageAltFilename,
    ImageHotlinkBlocked,
    ImageInsecureUrl,
    ImageMissingAlt,
    LintContext,
    LintSettings,
)
from recapkit.lint.rules.image_not_found import ImageNotFound
from recapkit.ssg.posts import load_post
from recapkit.ssg.site import read_site
from tests.rules_helpers import codes, run

FRONT = "---\ntitle: T\ndate: 2024-05-18\ncover: http://img.example.com/c.jpg\n---\n\n"


def test_missing_alt_in_every_syntax_but_not_front_matter_or_decorative_html() -> None:
    body = (
        "![](a.png)\n\n"  # 7
        '<img src="b.png">\n\n'  # 9
        '<img src="c.png" alt="">\n\n'  # 11: decorative, fine
        '{{< figure src="d.png" >}}\n\n'  # 13
        '{{< figure src="e.png" caption="The stage" >}}\n\n'  # 15: caption becomes alt
        "{% asset_img f.png %}\n\n"  # 17
        '{% asset_img g.png "Title" "The alt" %}\n'  # 19
    )
    _post, found = run(ImageMissingAlt(), FRONT + body)
    assert codes(found) == [(7, "RK201"), (9, "RK201"), (13, "RK201"), (17, "RK201")]
    assert found[1].message == "image b.png has no alt attribute"
    assert (found[0].end_line, found[0].end_column) == (6, 10)


@pytest.mark.parametrize(
    ("alt", "flagged"),
    [
        ("IMG_0273.JPG", True),
        ("1-2013-7-27 13-57-36.JPG", True),
        ("x.png(PNG 图像,981x326 像素)", True),
        ("mid-grp-all.jpg (JPEG Image, 842\xa0×\xa0350 pixels)", True),
        ("DSC01234", True),
        ("image-20210315103209386", True),
        ("image", True),
        ("图片", True),
        ("The keynote stage", False),
        ("Go 1.22 release party", False),
        ("image 2 of the keynote", False),
        ("2019", False),
    ],
)
def test_alt_that_names_a_file(alt: str, flagged: bool) -> None:
    assert alt_looks_like_filename(alt) is flagged
    _post, found = run(ImageAltFilename(), FRONT + f"![{alt}](x.png)\n")
    assert len(found) == int(flagged)


@pytest.mark.parametrize(
    ("alt", "says"),
    [
        ("IMG_0273.JPG", "is a file name"),
        ("x.png(PNG 图像,981x326 像素)", "is a browser tab title"),
        ("Screenshot_20240518", "is a camera or screenshot file name"),
        ("截图", "is a placeholder word"),
    ],
)
def test_alt_message_says_what_kind_of_non_description_it_is(alt: str, says: str) -> None:
    _post, found = run(ImageAltFilename(), FRONT + f"![{alt}](x.png)\n")
    assert found[0].message == f"alt text {alt!r} {says}; describe what the image shows"


def test_insecure_urls_in_text_and_front_matter_but_not_localhost() -> None:
    body = "![a](http://img.example.com/a.jpg)\n\n![b](http://localhost:1313/b.png)\n\n![c](https://e.org/c.png)\n"
    _post, found = run(ImageInsecureUrl(), FRONT + body)
    assert codes(found) == [(4, "RK204"), (7, "RK204")]


def test_hotlink_hosts_match_subdomains_and_are_configurable() -> None:
    body = (
        "![a](https://mmbiz.qpic.cn/mmbiz_jpg/x/640?wx_fmt=jpeg)\n\n"
        "![b](//wx1.sinaimg.cn/large/b.jpg)\n\n"
        "![c](https://notsinaimg.cn/c.jpg)\n\n"
        "![d](https://img.example.com/d.jpg)\n"
    )
    _post, found = run(ImageHotlinkBlocked(), FRONT + body)
    assert codes(found) == [(7, "RK205"), (9, "RK205")]
    _post, found = run(ImageHotlinkBlocked(), FRONT + body, hotlink_hosts=("Example.COM",))
    assert codes(found) == [(4, "RK205"), (13, "RK205")]  # the cover too
    assert run(ImageHotlinkBlocked(), FRONT + body, hotlink_hosts=())[1] == []


def _write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_image_not_found_names_what_was_tried(tmp_path: Path) -> None:
    _write(tmp_path / "hugo.toml", 'baseURL = "https://example.org/"\n')
    _write(tmp_path / "static/img/ok.png", b"\x89PNG")
    post_path = _write(
        tmp_path / "content/posts/p.md",
        "---\ntitle: T\ndate: 2024-05-18\n---\n\n![ok](/img/ok.png)\n\n![gone](/img/gone.png)\n\n"
        "![far](../../../../etc/passwd.png)\n\n![remote](https://e.org/x.png)\n",
    )
    context = LintContext(site=read_site(tmp_path, "hugo"), settings=LintSettings(ssg="hugo"))
    found = list(ImageNotFound().check(load_post(post_path), context))
    assert codes(found) == [(8, "RK203"), (10, "RK203")]
    assert "static/img/gone.png" in found[0].message
    assert found[1].message == "image ../../../../etc/passwd.png points outside the site"


def test_image_not_found_sees_a_file_deleted_between_runs(tmp_path: Path) -> None:
    _write(tmp_path / "hugo.toml", 'baseURL = "https://example.org/"\n')
    image = _write(tmp_path / "static/img/ok.png", b"\x89PNG")
    post_path = _write(tmp_path / "content/p.md", "---\ntitle: T\n---\n\n![ok](/img/ok.png)\n")
    context = LintContext(site=read_site(tmp_path, "hugo"), settings=LintSettings(ssg="hugo"))
    post = load_post(post_path)
    assert list(ImageNotFound().check(post, context)) == []
    image.unlink()
    assert len(list(ImageNotFound().check(post, context))) == 1
    assert ImageNotFound.uses_filesystem
