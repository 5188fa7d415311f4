"""RK304 code-outside-fence: source code pasted without a fence is shown as prose and headings."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from attrs import define, field, frozen

from recapkit.lint.diagnostics import Applicability, Diagnostic, Edit, Fix, Severity
from recapkit.lint.rules._code_lines import (
    guess_language,
    has_prose,
    is_code,
    is_prompt,
    yaml_key,
)
from recapkit.lint.rules.base import LintContext, Rule, option

if TYPE_CHECKING:
    from recapkit.post.types import Post


@frozen
class CodeOutsideFenceOptions:
    min_lines: int = option(3, "how many lines in a row must look like code to be reported")


# A `# comment` of pasted shell or Python code is an ATX heading of level 1 to Markdown.
_COMMENT_HEADING = re.compile(r"^ {0,3}# \S")
# Lines that join a run without counting as evidence: an indented continuation line (a block
# body) or a bare statement keyword.
_WEAK = re.compile(r"^(?: {2,}|\t)\S|^\s*(?:return|break|continue|pass|else|end|done|fi)\b")
_CODE, _HEADING, _WEAK_LINE, _OUTPUT = "code", "heading", "weak", "output"
_YAML, _NESTED_YAML, _YAML_KEY = "yaml-value", "yaml-nested", "yaml-key"
_YAML_KINDS = (_YAML, _NESTED_YAML, _YAML_KEY)
# The most lines of a command's output between two prompts (`$ go version` then its answer).
_MAX_OUTPUT = 10


@define
class _Run:
    """Lines in a row (blank lines between blocks allowed) that look like code."""

    kinds: dict[int, str] = field(factory=dict)

    def count(self, *kinds: str) -> int:
        return sum(1 for each in self.kinds.values() if each in kinds)

    def strong(self) -> int:
        """Lines that are code on their own; YAML keys only in a block with nested keys (one
        `key: value` line is how people write prose too)."""
        yaml = self.count(*_YAML_KINDS)
        valued = self.count(_YAML, _NESTED_YAML)
        nested = self.count(_NESTED_YAML)
        return self.count(_CODE) + (yaml if nested and valued >= 2 and yaml >= 3 else 0)

    def qualifies(self, min_lines: int) -> bool:
        """Enough code lines, or a `# comment` heading between two lines of code."""
        return (self.strong() >= 2 and len(self.kinds) >= min_lines) or self.has_comment_heading()

    def has_comment_heading(self) -> bool:
        """Whether a `#` heading sits between two lines of code (nothing else between)."""
        lines = sorted(self.kinds)
        return any(
            self.kinds[line] == _HEADING
            and 0 < index < len(lines) - 1
            and self.kinds[lines[index - 1]] == _CODE
            and self.kinds[lines[index + 1]] == _CODE
            for index, line in enumerate(lines)
        )

    def trimmed(self) -> _Run:
        """The run from its first line of code to its last line that is no heading: a real
        heading above or below the code is no comment of it, unless the run's other `#` lines
        are comments and nothing separates it from the code."""
        lines = sorted(self.kinds)
        while lines and self.kinds[lines[0]] not in (_CODE, *_YAML_KINDS):
            lines.pop(0)
        while lines and self.kinds[lines[-1]] in (_HEADING, _OUTPUT):
            lines.pop()
        trimmed = _Run({line: self.kinds[line] for line in lines})
        if trimmed.has_comment_heading():
            # A run whose `#` lines are comments: the `#` line right above it is one too.
            while lines and self.kinds.get(lines[0] - 1) == _HEADING:
                lines.insert(0, lines[0] - 1)
                trimmed.kinds[lines[0]] = _HEADING
        return trimmed


class CodeOutsideFence(Rule[CodeOutsideFenceOptions]):
    """Lines of source code or a shell session outside any code block.

    Code pasted from a web page or a chat often loses its fence on the way. Markdown then
    shows it as a paragraph: lines run together, indentation is gone, `*` and `_` turn into
    emphasis, and every `# comment` line of a shell or Python snippet becomes a big `<h1>`
    heading (in the page and its table of contents). This rule reports a run of at least
    `min-lines` lines in a row (blank lines between them allowed) that look like code: a shell
    prompt and a command (`$ go build`), a command that can only be one (`go test ./...`,
    `docker run`), a Dockerfile instruction (`FROM golang:1.22`), a declaration
    (`package main`, `func main() {`, `def f(x):`, `#include <stdio.h>`), a line ending in
    `;`, `{` or `(`, a closing `}`, an assignment, a call as a whole statement, a JSON
    member, a line that is a fifth symbols; a block of YAML
    counts when it has nested keys (`metadata:` then `  name: bot`). The lines after a prompt,
    up to the next one, are the command's output and join the run. A `# ...` heading between
    two such lines counts as a lost comment. Lines of prose (CJK text outside string literals
    and comments, or many plain words), links, HTML tags, template tags and math are never
    code; lines in code blocks, SSG code tags, HTML blocks, lists, quotes and tables are not
    looked at.

    An error when comment lines became headings (the page's structure is wrong), a warning
    otherwise.

    ## Why

    A reader cannot copy a command from a paragraph, and a page whose outline is
    `# install deps`, `# run it` is broken for everyone, search engines included.

    ## Example

    Bad:

    ```markdown
    $ go build -o app .
    # run it with the default config
    $ ./app --config config.yaml
    ```

    Good:

    ````markdown
    ```bash
    $ go build -o app .
    # run it with the default config
    $ ./app --config config.yaml
    ```
    ````

    The same in a Chinese post pasted from a WeChat article (the comment becomes a heading):

    ```markdown
    $ go mod tidy
    # 运行服务
    $ go run main.go
    $ curl localhost:8080
    ```

    ## Fix

    `recapkit lint --fix --unsafe-fixes` wraps the run in a ```` ``` ```` fence with a guessed
    language (`bash`, `go`, `python`, `c`, `dockerfile`, `javascript`, `json`, `yaml`, or none);
    `--diff` shows it
    first. It is unsafe: the guess may be wrong, and inside a fence a backslash escape the
    writer typed for Markdown is shown as it is. No fix is offered for a run that already
    contains a fence.
    """

    code = "RK304"
    name = "code-outside-fence"
    summary = "Lines that look like code are outside any code block (shown as prose/headings)."
    default_severity = Severity.WARNING
    fixable = True
    unsafe_fixes_only = True
    Options = CodeOutsideFenceOptions

    def check(self, post: Post, context: LintContext) -> Iterator[Diagnostic]:
        for run in _runs(post):
            run = run.trimmed()
            if run.qualifies(self.options.min_lines):
                yield self._finding(post, run)

    def _finding(self, post: Post, run: _Run) -> Diagnostic:
        lines = sorted(run.kinds)
        headings = run.count(_HEADING)
        shown = "a paragraph, not code"
        if headings:
            shown = f"a paragraph and {headings} heading(s) (its `#` comments), not code"
        span = lines[-1] - lines[0] + 1
        return self.diagnostic(
            post,
            lines[0],
            0,
            f"{span} lines of code outside a code block are shown as {shown}",
            end_line=lines[-1],
            fix=_fence(post, lines[0], lines[-1]),
            severity=Severity.ERROR if headings else None,
        )


def _runs(post: Post) -> Iterator[_Run]:
    """Runs of code-like lines in top-level paragraphs and headings, in document order (most
    blocks hold no code-like line: no empty run is made or yielded for them)."""
    run = _Run()
    last_line = -1
    for token in post.tokens:
        where = token.map
        if not where or token.type.endswith("_close") or token.type == "inline":
            continue
        start, end = where
        if start < last_line:
            continue  # inside a block already seen (list items, table rows)
        block = token.type
        text = block in _TEXT_BLOCKS
        if run.kinds and (not text or _something_between(post, last_line, start)):
            yield run
            run = _Run()
        if text and token.level == 0:
            for line, line_kind in _kinds(post, start, end, block == "heading_open"):
                if line_kind is not None:
                    run.kinds[line] = line_kind
                elif run.kinds:
                    yield run
                    run = _Run()
        last_line = end
    if run.kinds:
        yield run


_TEXT_BLOCKS = frozenset(("paragraph_open", "heading_open"))


def _kinds(post: Post, start: int, end: int, heading: bool) -> Iterator[tuple[int, str | None]]:
    """What each line of one block is; after a prompt, the lines up to the next are output."""
    output = _MAX_OUTPUT + 1
    in_tag = False
    code = post.code.lines
    for line in range(start, end):
        text = post.lines.line_text(line)
        # Code, or an attribute of a multi-line HTML tag (`width=128`), is nothing code-like.
        kind = None if in_tag or line in code else _kind(text, heading)
        if kind is None and not in_tag and output < _MAX_OUTPUT and not has_prose(text):
            kind = _OUTPUT
        output = 0 if is_prompt(text) else output + 1
        in_tag = _tag_still_open(in_tag, text)
        yield line, kind


def _tag_still_open(open_before: bool, text: str) -> bool:
    """Whether an HTML tag is open at the end of *text* (one line), given whether one was at
    its start: one pass per line, however long the paragraph."""
    if open_before:
        close = text.find(">")
        if close < 0:
            return True
        text = text[close + 1 :]
    return _TAG_OPEN.search(text) is not None


def _something_between(post: Post, after: int, before: int) -> bool:
    """Whether a non-blank line lies between two blocks (a block the tokens do not show)."""
    lines = post.lines
    after = max(after, 0)
    # The lines and their endings in one slice: a line ending is blank too.
    return after < before and not lines.text[lines.offset(after) : lines.offset(before)].isspace()


def _kind(text: str, heading: bool) -> str | None:
    """What one line outside code is (None: nothing code-like)."""
    if heading:
        return _HEADING if _COMMENT_HEADING.match(text) else None
    if is_code(text):
        return _CODE
    yaml = yaml_key(text)
    if yaml is not None:
        return {"nested": _NESTED_YAML, "value": _YAML, "key": _YAML_KEY}[yaml]
    if _WEAK.match(text) and not has_prose(text):
        return _WEAK_LINE
    return None


_TAG_OPEN = re.compile(r"<[A-Za-z][^<>]*$")


def _fence(post: Post, first: int, last: int) -> Fix | None:
    lines = [post.lines.line_text(line) for line in range(first, last + 1)]
    if any("```" in line or "~~~" in line for line in lines):
        return None
    language = guess_language(lines)
    newline = post.newline
    start = post.lines.offset(first)
    end = post.lines.line_end(last)
    return Fix(
        (
            Edit(start, start, f"```{language}{newline}"),
            Edit(end, end, f"{newline}```"),
        ),
        f"wrap the lines in a ```{language} fence",
        Applicability.UNSAFE,
    )
