"""Code blocks written as SSG tags, which Markdown itself sees as ordinary paragraphs.

Jekyll's `{% highlight go %}…{% endhighlight %}`, Hexo's `{% codeblock %}…{% endcodeblock %}`
(and `{% code %}`), Hugo's `{{< highlight go >}}…{{< /highlight >}}` (and a theme's
`{{< code >}}`): the SSG renders their content as code, but to markdown-it it is a paragraph.
A rule about prose (a `#comment` that looks like a heading without its space, a `[x]()` in a
sample, a `TODO(recapkit)` quoted in a snippet) must skip those lines like it skips fences.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from recapkit.post.types import Post

# One pass over every opening and closing tag; pairing them afterwards keeps an unclosed
# opener from rescanning the rest of the file. `{%-`/`-%}` are Liquid's whitespace-trimming
# forms; `{{%`…`%}}` is Hugo's Markdown-rendering shortcode call.
_TAG = re.compile(
    r"\{%-?\s*(?P<lend>end)?(?P<liquid>highlight|codeblock|code)\b[^\n]*?-?%\}"
    r"|\{\{[<%]\s*(?P<hend>/)?\s*(?P<hugo>highlight|code)\b[^\n]*?[>%]\}\}"
)


def template_code_lines(post: Post) -> frozenset[int]:
    """The 0-based lines inside (and of) every SSG code-block tag pair of *post*'s body."""
    text = post.text
    if "{%" not in text and "{{" not in text:
        return frozenset()
    lines: set[int] = set()
    open_at: tuple[str, int] | None = None  # (the tag's kind, its offset); blocks don't nest
    for match in _TAG.finditer(text, post.body_start):
        kind = f"liquid:{match['liquid']}" if match["liquid"] else f"hugo:{match['hugo']}"
        closing = bool(match["lend"] or match["hend"])
        if open_at is None and not closing:
            open_at = (kind, match.start())
        elif open_at is not None and closing and open_at[0] == kind:
            first = post.location(open_at[1]).line
            lines.update(range(first, post.location(match.end()).line + 1))
            open_at = None
    return frozenset(lines)
