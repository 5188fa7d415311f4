"""RK201 image-missing-alt: in every image syntax, but not front matter or decorative HTML."""

from __future__ import annotations

from recapkit.lint.rules import ImageMissingAlt
from tests.lint.rules.helpers import codes, run

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
