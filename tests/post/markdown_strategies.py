"""Hypothesis strategies for realistic blog-post Markdown, the way meetup recaps are written.

Small documents of CJK and Latin prose with the syntax real posts use (and misuse): emphasis
next to Chinese punctuation, code spans, inline/reference/auto links, images with Jekyll
``{{ site.baseurl }}`` destinations, raw HTML, headings, nested tight and loose lists
indented by 2 to 4 spaces or tabs, blockquotes with lazy lines, fences, indented code, GFM
tables, link reference definitions and thematic breaks. Whole posts add front matter (YAML
or TOML), CRLF line endings and a BOM.

A block is drawn as a list of lines; containers prefix their children's lines. Every piece
comes from small fixed vocabularies so examples stay short and shrink well.
"""

from __future__ import annotations

from hypothesis import strategies as st

LATIN = ("Go", "meetup", "slides", "the talk", "Rust", "2025", "v1.2", "API", "e.g.", "foo_bar", "a*b", "C#", "x_y_z")  # fmt: skip
CJK = ("中文", "杭州", "分享", "演讲嘉宾", "的", "，", "。", "：", "「引用」", "（括号）", "！", "、", "第一次")  # fmt: skip
REFS = ("ref", "中文引用", "Ref 2", "1")
URLS = (
    "https://example.org/a",
    "/img/a.png",
    "a.png",
    "../x.md",
    "https://例子.cn/路径",
    "{{ site.baseurl }}/img/a.png",
    "{{site.url}}/b.jpg",
    "{% post_url 2021-06-28-x %}",
    "mailto:a@example.org",
    "#section",
    "a(b).png",
    "a_b.png",
    "",
)
TITLES = ("T", "标题 title", "it's")
CODE = ("x", "a|b", "go run .", "*not em*", "[not](link)", "`", " ", "中文")
INLINE_HTML = ("<br>", "<br/>", '<span style="color:red">', "</span>", "<kbd>Ctrl</kbd>", "<!-- note -->", "<x", "a < b")  # fmt: skip
FENCED = ("x = 1", "# not a heading", "- not a list", "", "\tindented", "  ```", "<div>", "![a](b.png)", "`a`")  # fmt: skip

_word = st.sampled_from(LATIN + CJK)
_words = st.lists(_word, min_size=1, max_size=3).map(" ".join)
_cjk = st.sampled_from(CJK)
_url = st.sampled_from(URLS)
_ref = st.sampled_from(REFS)
_title = st.sampled_from(TITLES)


def _fill(template: str, **parts: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.fixed_dictionaries(parts).map(lambda values: template.format(**values))


_EMPHASIS = st.one_of(
    _fill("**{w}**", w=_words),
    _fill("*{w}*", w=_words),
    _fill("_{w}_", w=_words),
    _fill("__{w}__", w=_word),
    _fill("***{w}***", w=_word),
    _fill("**{a}：**{b}", a=_cjk, b=_cjk),  # not emphasis: `：**后` is no right-flanking run
    _fill("~~{w}~~", w=_word),  # strikethrough is no CommonMark
)
_CODE_SPAN = st.one_of(
    _fill("`{c}`", c=st.sampled_from(CODE)),
    st.sampled_from(["`` a`b ``", "`a\\|b`", "`", "``x`"]),
)
_LINK = st.one_of(
    _fill("[{t}]({u})", t=_words, u=_url),
    _fill('[{t}]({u} "{title}")', t=_words, u=_url, title=_title),
    _fill("[{t}][{r}]", t=_words, r=_ref),
    _fill("[{r}][]", r=_ref),
    _fill("[{r}]", r=_ref),
    _fill("[{t}](<{u} x>)", t=_word, u=_url),
    _fill("[]({u})", u=_url),
)
_AUTOLINK = st.sampled_from(
    ["<https://example.org/x?a=1&b=2>", "<me@example.org>", "https://bare.example", "<例子.cn>"]
)
_IMAGE = st.one_of(
    _fill("![{a}]({u})", a=_words, u=_url),
    _fill('![{a}]({u} "{title}")', a=_words, u=_url, title=_title),
    _fill("![{a}][{r}]", a=_words, r=_ref),
    _fill("![{a}]({{{{ site.baseurl }}}}/{u})", a=_cjk, u=st.sampled_from(["a.png", "img/图.png"])),
    _fill("![]({u})", u=_url),
    _fill("![*{a}*]({u})", a=_word, u=_url),
    _fill("[![{a}]({u})]({v})", a=_word, u=_url, v=_url),
)
_HTML = st.one_of(
    _fill('<img src="{u}" alt="{a}">', u=_url, a=_words),
    _fill("<img src={u}>", u=st.sampled_from(["a.png", "/x/y.jpg"])),
    _fill('<a href="{u}">{t}</a>', u=_url, t=_words),
    st.sampled_from(INLINE_HTML),
)
_OTHER = st.sampled_from(
    ("\\*", "\\[", "\\_", "&amp;", "&copy;", "&#x4E2D;", "&nope;", "\u3000", "\u00a0", "\u2003", "[^1]", '{{< figure src="/f.png" >}}', "{% raw %}", "!", "]")
)  # fmt: skip
_ATOM = st.one_of(
    _word, _word, _words, _EMPHASIS, _CODE_SPAN, _LINK, _AUTOLINK, _IMAGE, _HTML, _OTHER
)
_JOIN = st.sampled_from([" ", " ", "", "  "])


@st.composite
def inline_line(draw: st.DrawFn) -> str:
    """One line of prose: atoms joined by spaces (or nothing)."""
    atoms = draw(st.lists(_ATOM, min_size=1, max_size=4))
    line = atoms[0]
    for atom in atoms[1:]:
        line += draw(_JOIN) + atom
    return line


_HARD_BREAK = st.sampled_from(["", "", "", "  ", "\\", " ", "\t"])


@st.composite
def paragraph(draw: st.DrawFn) -> list[str]:
    lines = [draw(inline_line()) for _ in range(draw(st.integers(1, 3)))]
    lines = [
        line + draw(_HARD_BREAK) if n < len(lines) - 1 else line for n, line in enumerate(lines)
    ]
    indent = draw(st.sampled_from(["", "", "", " ", "   ", "\u3000\u3000"]))
    lines[0] = indent + lines[0]
    if draw(st.integers(0, 9)) == 0:  # a line of ideographic spaces opens the paragraph
        lines.insert(0, "\u3000\u3000")
    if len(lines) > 1 and draw(st.booleans()):  # continuation lines indented anyhow
        lines[1] = draw(st.sampled_from([" ", "    ", "\t"])) + lines[1]
    return lines


@st.composite
def heading(draw: st.DrawFn) -> list[str]:
    if draw(st.booleans()):
        marks = "#" * draw(st.integers(1, 6))
        text = draw(st.one_of(inline_line(), st.just("")))
        closing = draw(st.sampled_from(["", "", " #", " ##", "#"]))
        return [f"{marks} {text}{closing}" if text else marks + closing]
    lines = draw(paragraph())
    return [*lines, draw(st.sampled_from(["===", "---", "=", "- - -", "  ---  "]))]


_THEMATIC = st.sampled_from(
    ["***", "---", "___", "* * *", "- - -", "_____", " ***", "**", "*-*"]
).map(lambda line: [line])


@st.composite
def fence(draw: st.DrawFn) -> list[str]:
    marker = draw(st.sampled_from(["```", "~~~", "````"]))
    info = draw(
        st.sampled_from(["", "python", "go {linenos=true}", 'js title="a.js"', "中文", " yaml "])
    )
    indent = draw(st.sampled_from(["", "", " ", "  "]))
    code = draw(st.lists(st.sampled_from(FENCED), max_size=3))
    closing = draw(st.sampled_from([indent + marker, marker, marker + "`", ""]))
    return [
        indent + marker + info,
        *[indent + line if line else line for line in code],
        *([closing] if closing else []),
    ]


@st.composite
def indented_code(draw: st.DrawFn) -> list[str]:
    lines = draw(
        st.lists(
            st.sampled_from(["code()", "a  b", "![x](y.png)", "", "  more", "`c`"]),
            min_size=1,
            max_size=3,
        )
    )
    prefix = draw(st.sampled_from(["    ", "\t", "     "]))
    lines[0] = lines[0] or "code()"
    return [prefix + line if line else line for line in lines]


@st.composite
def html_block(draw: st.DrawFn) -> list[str]:
    src, alt, words = draw(_url), draw(_words), draw(_words)
    form = draw(st.integers(0, 11))
    if form == 0:
        return ['<div align="center">', words, "</div>"]
    if form == 1:  # Markdown inside an HTML block, after a blank line
        return ["<div>", "", *draw(paragraph()), "", "</div>"]
    if form == 2:
        return [
            "<details>",
            f"<summary>{words}</summary>",
            "",
            *draw(paragraph()),
            "",
            "</details>",
        ]
    return [
        ["<!-- comment -->"],
        ["<!--", "多行注释 " + words, "-->"],
        [f'<p align="center"><img src="{src}" alt="{alt}" width="400"></p>'],
        [f'<img src="{src}">'],
        ['<iframe src="https://player.example/x" allowfullscreen></iframe>'],
        ["<script>", "var a = 1 < 2;", "</script>"],
        [f"<center>{words}</center>"],
        ["<figure>", f'  <img src="{src}">', f"  <figcaption>{words}</figcaption>", "</figure>"],
        [f'<a href="{src}">', f'<img src="{src}" alt="{alt}">', "</a>"],
    ][form - 3]


_CELL = st.one_of(
    _word,
    _words,
    st.sampled_from(
        ["", "`a\\|b`", "`a|b`", "x \\| y", "**粗体**", "[l](/u)", "![i](/i.png)", "<br>", "\\"]
    ),
)


@st.composite
def table(draw: st.DrawFn) -> list[str]:
    columns = draw(st.integers(1, 3))
    outer = draw(st.booleans())
    space = draw(st.sampled_from([" ", ""]))

    def row(cells: list[str]) -> str:
        inner = f"{space}|{space}".join(cells)
        return f"|{space}{inner}{space}|" if outer or columns == 1 else inner

    header = [draw(st.one_of(_word, _words)) for _ in range(columns)]
    delimiter = [draw(st.sampled_from(["---", ":--", "--:", ":-:", "-"])) for _ in range(columns)]
    body = [
        [draw(_CELL) for _ in range(draw(st.integers(max(1, columns - 1), columns + 1)))]
        for _ in range(draw(st.integers(0, 3)))
    ]
    return [row(header), row(delimiter), *(row(cells) for cells in body)]


@st.composite
def definition(draw: st.DrawFn) -> list[str]:
    ref, url = draw(_ref), draw(_url) or "/empty"
    form = draw(st.integers(0, 3))
    if form == 0:
        return [f"[{ref}]: {url}"]
    if form == 1:
        return [f'[{ref}]: {url} "{draw(_title)}"']
    if form == 2:
        return [f"[{ref}]: <{url}>", f"  '{draw(_title)}'"]
    return [f"[{ref}]:", f"  {url}"]


def _leaf() -> st.SearchStrategy[list[str]]:
    return st.one_of(
        paragraph(), paragraph(), paragraph(), heading(), _THEMATIC, fence(), indented_code(),
        html_block(), table(), definition(),
    )  # fmt: skip


@st.composite
def blockquote(draw: st.DrawFn, depth: int) -> list[str]:
    children = draw(blocks(depth + 1, max_size=2 - depth))
    marker = draw(st.sampled_from(["> ", ">", ">  "]))
    quoted = [marker + line if line else ">" for line in children]
    if len(quoted) > 1 and draw(st.booleans()):  # lazy continuation: a line without ">"
        index = draw(st.integers(1, len(quoted) - 1))
        quoted[index] = children[index]
    return quoted


@st.composite
def bullet_list(draw: st.DrawFn, depth: int) -> list[str]:
    ordered = draw(st.booleans())
    bullet = draw(st.sampled_from("-*+"))
    delimiter = draw(st.sampled_from(".)"))
    start = draw(st.sampled_from([1, 1, 2, 10]))
    loose = draw(st.booleans())
    lines: list[str] = []
    for number in range(draw(st.integers(1, 3 - depth))):
        marker = f"{start + number}{delimiter}" if ordered else bullet
        gap = draw(st.sampled_from([" ", " ", "  ", "   ", "\t"]))
        width = len(marker) + (len(gap) if gap != "\t" else 2)
        # Writers indent what follows by the marker's width, or by 2 or 4 whatever the marker.
        indent = " " * draw(st.sampled_from([width, width, 2, 4])) if gap != "\t" else "\t"
        content = draw(blocks(depth + 1, max_size=2 - depth, loose=loose))
        if draw(st.integers(0, 9)) == 0:  # an item opening with a blank line
            first, rest = [marker], content
        else:
            first, rest = [marker + gap + content[0]], content[1:]
        item = first + [indent + line if line else line for line in rest]
        if loose and number:
            lines.append("")
        lines.extend(item)
    return lines


@st.composite
def blocks(draw: st.DrawFn, depth: int = 0, max_size: int = 4, loose: bool = True) -> list[str]:
    """Blocks separated by blank lines (mostly): a list of lines, never empty."""
    # Lists weigh most: their maps and tight/loose paragraphs are where parsers part.
    kinds = ["leaf", "leaf", "list", "list", "quote"] if depth < 2 else ["leaf"]
    drawn = []
    for kind in draw(st.lists(st.sampled_from(kinds), min_size=1, max_size=max_size)):
        if kind == "leaf":
            drawn.append(draw(_leaf()))
        else:
            drawn.append(draw(bullet_list(depth) if kind == "list" else blockquote(depth)))
    lines = list(drawn[0])
    for block in drawn[1:]:
        separator = draw(
            st.sampled_from([[""], [""], [""], [], ["", ""], ["  "]] if loose else [[], [""]])
        )
        lines += separator + block
    return lines


@st.composite
def body(draw: st.DrawFn) -> str:
    """A post body (LF line endings): blocks, maybe link definitions, maybe a final newline."""
    lines = draw(blocks())
    for block in draw(st.lists(definition(), max_size=2)):  # where writers put them: at the end
        lines += ["", *block]
    return "\n".join(lines) + draw(st.sampled_from(["\n", "\n", "", "\n\n"]))


FRONT_MATTERS = (
    "",
    "---\ntitle: 杭州 Gopher Meetup\ncover: /img/cover.png\n---\n",
    "---\ntitle: x\n---\n\n",
    '+++\ntitle = "杭州"\ndate = 2025-05-01\n+++\n',
)


@st.composite
def post_file(draw: st.DrawFn) -> bytes:
    """A whole post file: front matter, body, LF or CRLF line endings, maybe a BOM."""
    text = draw(st.sampled_from(FRONT_MATTERS)) + draw(body())
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    bom = draw(st.sampled_from([b"", b"", b"\xef\xbb\xbf"]))
    return bom + text.encode()
