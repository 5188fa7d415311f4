"""RK305 table-broken: a pipe table that cannot render as the writer meant."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from recapkit._text import lazy_pattern
from recapkit.lint.diagnostics import Diagnostic
from recapkit.lint.rules.base import LintContext, NoOptions, Rule

if TYPE_CHECKING:
    from recapkit.post.token import Token
    from recapkit.post.types import Post


_pipe = lazy_pattern(r"(?<!\\)\|")


_delimiter_cell = lazy_pattern(r"^\s*:?-+:?\s*$")


_invisible = lazy_pattern(r"^\s*(?:<!--.*?-->\s*)*$")


def cells(line: str) -> list[str]:
    """The cells of a table row as GFM splits it (unescaped pipes; outer pipes optional)."""
    text = line.strip()
    text = text[1:] if text.startswith("|") else text
    text = text[:-1] if text.endswith("|") and not text.endswith("\\|") else text
    return _pipe().split(text)


def _is_row(line: str) -> bool:
    text = line.strip()
    return text.startswith("|") and len(_pipe().findall(text)) >= 2


def _is_delimiter(line: str) -> bool:
    return _is_row(line) and all(_delimiter_cell().match(cell) for cell in cells(line))


class TableBroken(Rule[NoOptions]):
    """A pipe table that is shown as text, swallows the prose after it, or loses cells.

    Three ways a table pasted from a web page (or typed by hand) breaks:

    - **No delimiter row.** GitHub Flavored Markdown (goldmark in Hugo, marked in Hexo,
      pulldown-cmark in Zola) needs a `| --- | --- |` row under the header, with as many
      cells as the header; without it, or with a different number of cells, the rows are
      shown as one paragraph of pipes. (kramdown, Jekyll's renderer, makes a table without one:
      not reported there.)
    - **Prose right after the table.** A line after the last row with no blank line between is
      one more row to GFM: the paragraph that follows is shown as rows of one cell each, inside
      the table. kramdown shows the whole table as text instead.
    - **Too many cells.** GFM drops the cells of a row beyond the header's count: that text is
      not shown at all.
    - **Prose on a row's line.** A row more than 400 characters long and four times the
      table's usual row is a paragraph pasted onto the row: it is shown squeezed into a cell.

    An error: the reader sees pipes, a table full of prose, or misses text.

    ## Why

    Tables copied from a rendered page or a spreadsheet lose their delimiter row, and a
    paragraph typed right under a table disappears into it ("37 lines in one cell").

    ## Example

    Bad:

    ```markdown
    | Time  | Talk         |
    | 14:00 | Opening      |
    | 14:30 | Generics     |
    The slides are below.
    ```

    Good:

    ```markdown
    | Time  | Talk         |
    | ----- | ------------ |
    | 14:00 | Opening      |
    | 14:30 | Generics     |

    The slides are below.
    ```

    In Chinese, the caption typed right under the table becomes one more row on Hugo and Hexo:

    ```markdown
    | 时间  | 议题     |
    | ----- | -------- |
    | 14:00 | 开场     |
    以上为当天议程。
    ```

    ## Fix

    Add the delimiter row, a blank line after the table, or the missing header cells. No
    automatic fix: which line is the header, and where the table ends, is the writer's call.
    """

    code = "RK305"
    name = "table-broken"
    summary = "A pipe table is shown as text, swallows the prose after it or drops cells."

    def check(self, post: Post, context: LintContext) -> Iterator[Diagnostic]:
        if "|" not in post.text:
            return
        gfm = context.generator.gfm_tables
        for index, token in enumerate(post.tokens):
            if token.type == "paragraph_open" and token.map and gfm:
                yield from self._paragraph(post, token)
            elif token.type == "table_open" and token.map:
                yield from self._table(post, post.tokens[index:], gfm)

    def _paragraph(self, post: Post, token: Token) -> Iterator[Diagnostic]:
        """Rows of pipes that markdown-it (as GFM) could not make a table of."""
        assert token.map is not None
        lines = range(*token.map)
        rows = [line for line in lines if _is_row(post.lines.line_text(line))]
        if len(rows) < 2 or post.code.line_is_code(rows[0]):
            return
        delimiters = [line for line in rows if _is_delimiter(post.lines.line_text(line))]
        if delimiters and delimiters[0] > rows[0]:
            header = len(cells(post.lines.line_text(delimiters[0] - 1)))
            found = len(cells(post.lines.line_text(delimiters[0])))
            why = f"its `|---|` row has {found} cell(s), the header {header}"
        else:
            why = "a table needs a `| --- |` row under its header"
        yield self.diagnostic(
            post,
            rows[0],
            0,
            f"{len(rows)} table rows are shown as text, not a table: {why}",
            end_line=rows[-1],
        )

    def _table(self, post: Post, tokens: list[Token], gfm: bool) -> Iterator[Diagnostic]:
        first = tokens[0].map[0] if tokens[0].map else 0
        rows = [t.map[0] for t in _rows(tokens) if t.map]
        prose = [line for line in rows if "|" not in post.lines.line_text(line)]
        if prose:
            shown = (
                f"{len(prose)} line(s) after the table, with no blank line before them, are "
                "shown as rows of it"
                if gfm
                else "a line without `|` right after the table turns the whole table into text"
            )
            yield self.diagnostic(post, prose[0], 0, f"{shown}: add a blank line before them")
        lengths = sorted(len(post.lines.line_text(line)) for line in [first, *rows])
        usual = max(lengths[len(lengths) // 2], 1)
        problems = (
            _row_problem(post, line, first, gfm, usual) for line in rows if line not in prose
        )
        reported: set[str] = set()
        for line, message in filter(None, problems):
            kind = message.split(":")[0][:12]  # once per table and kind of problem
            if kind not in reported:
                reported.add(kind)
                yield self.diagnostic(post, line, 0, message)


def _row_problem(
    post: Post, line: int, header_line: int, gfm: bool, usual: int
) -> tuple[int, str] | None:
    """What the reader misses of the row on *line*: cells beyond the header's (GFM drops
    them), or prose pasted on the row's line (many times longer than the *usual* row)."""
    text = post.lines.line_text(line)
    header = len(cells(post.lines.line_text(header_line)))
    row = cells(text)
    # An empty cell or a comment (`| <!-- note --> |`) beyond the header shows nothing anyway.
    if gfm and any(not _invisible().match(cell) for cell in row[header:]):
        return line, (
            f"this row has {len(row)} cells and the header {header}: "
            f"the last {len(row) - header} are not shown"
        )
    if len(text) > _LONG_ROW and len(text) > _LONGER * usual:
        return line, (
            f"this row is {len(text):,} characters long ({len(text) // usual}x the table's "
            "usual row): prose pasted on its line is shown squeezed into a table cell"
        )
    return None


_LONG_ROW = 400
_LONGER = 4


def _rows(tokens: list[Token]) -> Iterator[Token]:
    """The ``tr_open`` tokens of the body of the table *tokens* starts with."""
    in_body = False
    for token in tokens:
        if token.type == "table_close":
            return
        if token.type == "tbody_open":
            in_body = True
        elif token.type == "tr_open" and in_body:
            yield token
