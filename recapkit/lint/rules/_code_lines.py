"""What a line of pasted source code looks like, for RK304 code-outside-fence: one line at a
time, with no knowledge of the blocks around it, and the language a run of such lines is in.

Every test here is a *strong* signal on its own (a shell prompt followed by a command, a line
ending in ``;`` or ``{``, ``package main``); wrapped prose hits one of them now and then, which
is why the rule wants several such lines in a row.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Sequence

# Han, kana, Hangul and full-width punctuation: a line of prose in these is not code, unless
# they only sit in a string literal or a trailing comment (`fmt.Println("你好")`).
_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uac00-\ud7af\uff00-\uffef]")
_STRING = re.compile(r"\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'|`[^`]*`")
_TRAILING_COMMENT = re.compile(r"\s(?://|#|--)\s.*$|^\s*(?://|/\*|\*).*$")

# `$ go build`, `➜ ~ git clone`, `PS C:\> dir`, `root@host:~# ls`: a prompt, then a command word.
_PROMPT = re.compile(r"^\s*(?:\$|➜\s+\S+|PS [A-Z]:\\[^>]*>|\w+@[\w.-]+:[^#$\s]*[#$])\s+[a-z./~]")
# A command line without a prompt: only commands whose words leave no doubt.
_COMMAND = re.compile(
    r"^\s*(?:sudo \S|\./\S|go (?:build|run|get|test|mod|install|env|tool|vet|version)\b"
    r"|pip3? install |npm (?:install|run|i) |yarn (?:add|install) |docker (?:run|build|pull|"
    r"push|ps|exec|images|compose) |kubectl [a-z]+ |git (?:clone|checkout|commit|push|pull|add|"
    r"log|diff|status|remote|init|rebase|merge) |apt(?:-get)? install |yum install |brew install"
    r" |curl -|wget http|export [A-Z_]+=|python3? (?:[\w./-]+\.py\b|-m \w)|cd [\w./~-]+$|mkdir -p "
    r"|set -[euxo]+\b|echo [\"'$]|chmod [+0-7]|rm -[rf]+ |tar -?[xzcvf]+ |ls -[la]+\b"
    r"|helm (?:install|upgrade|repo) |make (?:all|build|test|install|clean|run|deps|lint)$"
    # Dockerfile instructions, upper case as Docker's reference writes them.
    r"|(?:FROM [\w./:-]+(?: AS \w+)?|RUN \S|COPY \S+ \S|ADD \S+ \S|WORKDIR /|ENV [A-Z_]+[= ]"
    r"|EXPOSE \d+|CMD \[|ENTRYPOINT \[)\S*)"
)
# Declarations and statements that start a line of Go, Python, JavaScript, Java, C, Rust.
_KEYWORD = re.compile(
    r"^\s*(?:package \w+$|import (?:\(|\"|\w+(?:\.\w+)*$)|from [\w.]+ import \w|func [\w(]"
    r"|def \w+\(|class \w+[(:]|type \w+ (?:struct|interface)\b|var \w+ |const \w+ |let \w+ ="
    r"|fn \w+\(|pub fn |public (?:static |class |void )|#include [<\"]|return\b.*[;)]$"
    r"|if err != nil|defer \w|go func\b|for .*:= range\b|(?:el)?if .*:$|for \w+(?:, \w+)* in .*:$|else:$|#!/)"
)
# `};`, `})`, `}`: the end of a block.
_CLOSER = re.compile(r"^\s*[})\]]+[;,)]*\s*$")
# `x := f()`, `self.a = b`, `cfg.Port = 8080`: an assignment to a name.
_ASSIGN = re.compile(r"^\s*[A-Za-z_][\w.\[\]]*(?:\s*,\s*[A-Za-z_]\w*)*\s*(?::=|\s\+=\s|\s=\s)\s*\S")
# `fmt.Println(x)`, `log.info("a");`: a call as a whole statement.
_CALL = re.compile(r"^\s*[A-Za-z_][\w.]*\([^()]*(?:\([^()]*\)[^()]*)*\)\s*;?$")
_ENDS_LIKE_CODE = re.compile(r"(?:[;{\[]|\w\()\s*$|\{\s*\}\s*$")
# `"name": "gopher",`: a member of a JSON object.
_JSON_MEMBER = re.compile(r'^\s*"[^"]+"\s*:\s*(?:["\[{\d-]|true|false|null)[^"]*(?:"[^"]*")*,?\s*$')
# `apiVersion: v1`, `  replicas: 3`, `metadata:`: a YAML mapping key with a short value. Lower
# case ASCII keys only: `Time: 14:00` and `时间：14:00` are how people write prose.
_YAML_KEY = re.compile(r"^(?P<indent>\s*)[a-z][\w.-]*:(?:\s+(?P<value>\S+(?: \S+){0,2}))?\s*$")
# Symbols that prose rarely uses many of (not `-`, `*` or `_`: Markdown's own).
_SYMBOLS = frozenset("{}[]();=<>&|$@\\/^~")
# Hugo shortcodes, Liquid tags and math are no pasted code, whatever their braces.
_TEMPLATE = re.compile(r"\{\{|\{%|\$\$|\\\(")
# Links, HTML, tables and quotes are Markdown the writer typed: a link or URL anywhere in the
# line (`](`, `][`, `https://`: see is_code), or a table, tag, quote, image or link definition
# at its start. (One pattern with `^` alternatives took four times as long: a search tries
# them at every character.)
_NOT_CODE_START = re.compile(r"\s*(?:[|<>!]|\[[^\]]*\]:)")
# What `_ENDS_LIKE_CODE` needs a line to end with (spaces aside).
_CODE_ENDS = frozenset(";{[(}")


def without_literals(line: str) -> str:
    """*line* without its string literals and trailing comment (where CJK text may sit)."""
    # Most lines hold neither: a look for the characters each needs skips the patterns.
    if '"' in line or "'" in line or "`" in line:
        line = _STRING.sub('""', line)
    if "/" in line or "#" in line or "-" in line or "*" in line:
        line = _TRAILING_COMMENT.sub("", line)
    return line


def is_prompt(line: str) -> bool:
    """Whether *line* is a shell prompt followed by a command (`$ go version`)."""
    return _PROMPT.match(line) is not None


def is_code(line: str) -> bool:
    """Whether *line* alone looks like a line of source code or a shell command."""
    if not line.strip() or _TEMPLATE.search(line):
        return False
    if _PROMPT.match(line) or _COMMAND.match(line):
        return True  # a command may name a URL (`$ git clone https://...`)
    if "](" in line or "][" in line or "http://" in line or "https://" in line:
        return False
    if _NOT_CODE_START.match(line):
        return False
    if line.lstrip().startswith(("//", "/*")):
        return not _CJK.search(line) or len(line.split()) <= 8
    bare = without_literals(line)
    if _CJK.search(bare) or not bare.strip() or _reads_like_prose(bare):
        return False
    return bool(
        _JSON_MEMBER.match(line)
        or _dense(bare)
        or _KEYWORD.match(line)
        or _CLOSER.match(line)
        or _ends_like_code(bare)
        or _ASSIGN.match(bare)
        or _CALL.match(bare)
    )


def has_prose(line: str) -> bool:
    """Whether *line* holds prose: CJK text outside literals and comments, or many words."""
    return bool(_CJK.search(without_literals(line))) or len(line.split()) > 8


def yaml_key(line: str) -> str | None:
    """What YAML mapping line *line* is: ``nested`` (indented), ``value`` (a top-level key and
    its value), ``key`` (a top-level key alone: the start of a nested block, or a word that
    ends a line of prose with a colon); None for any other line."""
    match = _YAML_KEY.match(line)
    if match is None or _CJK.search(line):
        return None
    return "nested" if match["indent"] else "value" if match["value"] else "key"


def _ends_like_code(line: str) -> bool:
    """Whether *line* ends like a statement or a block's start (`;`, `{`, `f(`, `{}`)."""
    # `_ENDS_LIKE_CODE` ends in `\s*$`: the line's last character but spaces must be one of
    # these, which a search over the whole line would take long to find out.
    tail = line.rstrip()
    return bool(tail) and tail[-1] in _CODE_ENDS and _ENDS_LIKE_CODE.search(line) is not None


def _dense(line: str) -> bool:
    """Whether a fifth of *line*'s characters are symbols (`a[i] = b[j] << 2`)."""
    text = line.replace(" ", "")
    if len(text) < 12:
        return False
    symbols = len(text) - len(text.translate(_NO_SYMBOLS))
    return symbols >= 3 and symbols >= 0.2 * len(text)


_NO_SYMBOLS = str.maketrans("", "", "".join(_SYMBOLS))


def _reads_like_prose(line: str) -> bool:
    """Many words, most of them plain words: a sentence ending in `;` or with a `=` in it."""
    words = line.split()
    if len(words) <= 6:
        return False
    plain = sum(map(str.isalpha, map(_WORD_PUNCTUATION, words)))
    return plain >= 0.7 * len(words)


_WORD_PUNCTUATION = operator.methodcaller("strip", ",.;:!?")


_LANGUAGES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("go", re.compile(r"^\s*(?:package \w+$|func |import \(|if err != nil)|:= ", re.M)),
    (
        "python",
        re.compile(r"^\s*(?:def \w+\(|from [\w.]+ import |class \w+[(:]|import \w+$)", re.M),
    ),
    (
        "bash",
        re.compile(r"^\s*(?:\$ |sudo |\./|go \w+|pip3? |npm |docker |kubectl |git |cd )", re.M),
    ),
    ("c", re.compile(r"^#include ", re.M)),
    ("dockerfile", re.compile(r"^(?:FROM|RUN|COPY|WORKDIR|CMD|ENTRYPOINT) ", re.M)),
    ("javascript", re.compile(r"^\s*(?:const|let|var) \w+ = |=> \{|console\.log\(", re.M)),
    ("json", re.compile(r'^\s*"[^"]+"\s*:', re.M)),
    ("yaml", re.compile(r"^\s*[a-z][\w.-]*:(?:\s+\S+(?: \S+){0,2})?\s*$", re.M)),
)


def guess_language(lines: Sequence[str]) -> str:
    """The fence's info string for *lines*: the language with the most hits ("" when none)."""
    text = "\n".join(lines)
    counts = [(len(pattern.findall(text)), name) for name, pattern in _LANGUAGES]
    best, name = max(counts, key=lambda pair: pair[0])
    return name if best else ""
