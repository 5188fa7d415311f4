"""RK202 image-alt-filename: alt text that is a file name, a tab title or a placeholder word."""

from __future__ import annotations

import pytest

from recapkit.data.text_checks import alt_looks_like_filename
from recapkit.lint.rules import ImageAltFilename
from tests.lint.rules.helpers import run

FRONT = "---\ntitle: T\ndate: 2024-05-18\ncover: http://img.example.com/c.jpg\n---\n\n"


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
