"""RK304 code-outside-fence: what a writer sees for code pasted without a fence, and its fix."""

from __future__ import annotations

import pytest

from recapkit.lint.diagnostics import Applicability, Severity
from recapkit.lint.rules import LintContext
from recapkit.lint.rules.code_outside_fence import CodeOutsideFence
from recapkit.ssg.posts import parse_post
from tests.lint.rules.helpers import apply_fixes, codes, run

RULE = CodeOutsideFence()
FRONT = "---\ntitle: T\n---\n\n"
SESSION = "$ go build -o app .\n# run it with the default config\n$ ./app --config c.yaml\n"


def test_comment_lines_that_became_headings_are_an_error_at_the_first_line() -> None:
    _post, found = run(RULE, FRONT + "To try it:\n\n" + SESSION)
    assert codes(found) == [(7, "RK304")]
    assert found[0].severity is Severity.ERROR
    assert found[0].message == (
        "3 lines of code outside a code block are shown as a paragraph and 1 heading(s) "
        "(its `#` comments), not code"
    )


def test_a_real_heading_above_the_code_is_not_part_of_the_run() -> None:
    source = FRONT + "# Install\n\npip install recapkit\npython3 -m venv .venv\nsudo make install\n"
    _post, found = run(RULE, source)
    assert codes(found) == [(7, "RK304")]
    assert found[0].severity is Severity.WARNING
    assert found[0].end_line is not None and found[0].end_line + 1 == 9


@pytest.mark.parametrize(
    "code",
    [
        'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("你好")\n}\n',
        "def total(values):\n    result = sum(values)\n    return result\n",
        '#include <stdio.h>\nint main(void) {\n  printf("hi\\n");\n}\n',
        "#!/bin/sh\nset -e\ngo test ./...\n",
        "FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /bot .\n",
        "app.get('/', (req, res) => {\n  res.send('hi');\n});\n",
        "for i in range(3):\n    print(i)\nprint('done')\n",
    ],
)
def test_pasted_source_is_reported(code: str) -> None:
    assert codes(run(RULE, FRONT + code)[1]) == [(5, "RK304")]


@pytest.mark.parametrize(
    "text",
    [
        "```bash\n" + SESSION + "```\n",
        "    x := 1\n    y := 2\n    fmt.Println(x + y)\n",
        "{% highlight go %}\nx := 1;\ny := 2;\nz := 3;\n{% endhighlight %}\n",
        "- one;\n- two;\n- three;\n",
        "The problems included;\nthe build was slow and the tests were flaky;\n"
        "and nobody owned the release process at all;\n",
        "我们讨论了 x = 1 的情况;\n以及 y = 2;\n还有 z = 3;\n",
        '<img alt="logo"\n     src="/logo.png"\n     width=128 height=128\n     style="float:left;"/>\n',
        '{{< figure src="a.png" >}}\n{{< figure src="b.png" >}}\n{{< figure src="c.png" >}}\n',
        "$ go build\n\nThen read the output.\n\n$ ./app\n",
    ],
)
def test_code_blocks_lists_prose_html_and_single_commands_are_not_reported(text: str) -> None:
    assert run(RULE, FRONT + text)[1] == []


def test_the_unsafe_fix_wraps_the_run_in_a_fence_with_a_guessed_language() -> None:
    source = FRONT + "To try it:\r\n\r\n" + SESSION.replace("\n", "\r\n") + "\r\nDone.\r\n"
    post, found = run(RULE, source)
    fix = found[0].fix
    assert fix is not None and fix.applicability is Applicability.UNSAFE
    fixed = apply_fixes(post, found).decode()
    assert "```bash\r\n$ go build -o app .\r\n" in fixed
    assert "$ ./app --config c.yaml\r\n```\r\n\r\nDone." in fixed
    again = parse_post(fixed, "content/posts/post.md")
    assert list(RULE.check(again, LintContext())) == []


@pytest.mark.parametrize(
    ("code", "language"),
    [
        ("FROM golang:1.22 AS build\nWORKDIR /src\nRUN go build -o /bot .\n", "dockerfile"),
        ("import os\nfrom pathlib import Path\ndef main():\n", "python"),
        ("x = 1;\ny = 2;\nz = 3;\n", ""),
    ],
)
def test_the_fence_names_the_language_the_lines_are_in(code: str, language: str) -> None:
    post, found = run(RULE, FRONT + code)
    assert apply_fixes(post, found).decode().startswith(FRONT + f"```{language}\n")


def test_go_code_gets_a_go_fence_and_a_run_with_a_fence_in_it_gets_no_fix() -> None:
    post, found = run(RULE, FRONT + "func main() {\n\tx := 1\n\tuse(x)\n}\n")
    assert "```go\nfunc main() {" in apply_fixes(post, found).decode()
    _post, found = run(RULE, FRONT + "x := 1;\ny := 2; // ```\nz := 3;\n")
    assert codes(found) == [(5, "RK304")] and found[0].fix is None


def test_min_lines_is_an_option() -> None:
    strict = CodeOutsideFence(CodeOutsideFence.Options(min_lines=4))
    assert run(strict, FRONT + "x := 1\ny := 2\nuse(x, y)\n")[1] == []
    assert len(run(RULE, FRONT + "x := 1\ny := 2\nuse(x, y)\n")[1]) == 1


def test_a_shell_session_with_output_and_a_yaml_manifest_are_reported() -> None:
    session = "$ go version\ngo version go1.22.1 linux/amd64\n$ go env GOPATH\n/home/gopher/go\n"
    assert codes(run(RULE, FRONT + session)[1]) == [(5, "RK304")]
    manifest = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: meetup-bot\n  namespace: demo\n"
    post, found = run(RULE, FRONT + manifest)
    assert codes(found) == [(5, "RK304")]
    assert apply_fixes(post, found).decode().startswith(FRONT + "```yaml\napiVersion: v1\n")


@pytest.mark.parametrize(
    "text",
    [
        "Time: 14:00\nPlace: Room A\nSpeaker: Li Wei\n",
        "We looked at the following:\n\nWhat they had in common was this:\n",
        "[`text/template`][t] & [`html/template`][h] & [`x`][y].\n[a][] -- [b][] -- [c][] (d)\n",
        "[embed]:# (main.go /func main/ /(?m:^})/)\n[embed]:# (add.go /f/ /(?m:^$)/)\n",
        "Growth was 20% and 30%; then 40% (50% / 60%).\nWow ;-) and ;-) and (=^.^=)\n",
    ],
)
def test_prose_that_shares_a_sign_or_two_with_code_is_not_reported(text: str) -> None:
    assert run(RULE, FRONT + text + "\n" + text)[1] == []


def test_a_comment_heading_right_above_a_commented_run_is_part_of_it() -> None:
    session = "# 安装依赖\n$ pip install -r requirements.txt\n# 启动服务\n$ python3 main.py\n"
    post, found = run(RULE, FRONT + "## 部署\n\n" + session)
    assert codes(found) == [(7, "RK304")]
    assert "2 heading(s)" in found[0].message
    fixed = apply_fixes(post, found).decode()
    assert fixed.endswith(
        "## 部署\n\n```bash\n# 安装依赖\n$ pip install -r requirements.txt\n"
        "# 启动服务\n$ python3 main.py\n```\n"
    )


def test_the_attributes_of_a_long_html_tag_are_not_code() -> None:
    tag = FRONT + "Logo: <img\n" + '  data-x = "1";\n' * 2000 + ">\n"
    assert run(RULE, tag)[1] == []
    assert codes(run(RULE, tag + "\nx := 1;\ny := 2;\nz := 3;\n")[1]) == [(2008, "RK304")]


def test_the_chinese_example_of_the_docs_is_reported() -> None:
    from recapkit.lint.rules.code_outside_fence import CodeOutsideFence
    from tests.lint.rules.helpers import run as run_rule

    lines = "$ go mod tidy\n# 运行服务\n$ go run main.go\n$ curl localhost:8080\n"
    assert lines in (CodeOutsideFence.__doc__ or "").replace("    ", "")
    found = run_rule(CodeOutsideFence(), "---\ntitle: T\n---\n\n" + lines)[1]
    assert [(d.line, d.code) for d in found] == [(4, "RK304")]
