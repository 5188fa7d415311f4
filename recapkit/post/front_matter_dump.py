"""Write front matter with a real dumper, never by string concatenation.

YAML goes through PyYAML's safe dumper (libyaml when available) with extra quoting for
strings that YAML 1.1 readers (PyYAML, go-yaml v2 in Hugo, Psych in Jekyll) would read as
something else; TOML goes through tomli-w. Key order is kept as given: the caller decides it.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from typing import Any

import yaml

from recapkit._text import lazy_pattern
from recapkit.errors import RecapkitError
from recapkit.post.types import FrontMatterFormat, PlainScalar


class FrontMatterDumpError(RecapkitError):
    """A value cannot be written in the chosen front matter format."""


# go-yaml v2 (Hugo) reads y/n as booleans, PyYAML does not; quote them for every reader.
_ALSO_BOOLEAN = frozenset({"y", "Y", "n", "N"})


_other_breaks = lazy_pattern("[\r\x85\u2028\u2029]")


class _PyDumper(yaml.SafeDumper):
    pass


# libyaml emits the same text about six times faster, except that it escapes characters
# outside the BMP (emoji) as `\U0001F389`; documents with such escapes are redone in Python.
_FastDumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", _PyDumper)

_STR = "tag:yaml.org,2002:str"
_TAGS = {
    bool: "tag:yaml.org,2002:bool",
    int: "tag:yaml.org,2002:int",
    float: "tag:yaml.org,2002:float",
    date: "tag:yaml.org,2002:timestamp",
    datetime: "tag:yaml.org,2002:timestamp",
}


def _node(value: Any, *, in_list: bool = False) -> yaml.Node:
    """The YAML node of a pruned value, built directly (PyYAML's representer is 3x slower).

    Strings get the styles described in :func:`_str_style`; no anchors or aliases are made,
    even when one object appears twice (``date`` and ``recap.date``).
    """
    if isinstance(value, str):
        if isinstance(value, PlainScalar):
            text = str(value)
            tag: str = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
            return yaml.ScalarNode(tag, text)
        return yaml.ScalarNode(_STR, value, style=_str_style(value))
    if isinstance(value, dict):
        pairs = [(_node(key), _node(item)) for key, item in value.items()]
        return yaml.MappingNode("tag:yaml.org,2002:map", pairs, flow_style=False)
    if isinstance(value, list):
        # A list inside a list (Hexo's sibling categories [[a], [b]]) reads best on one line.
        items = [_node(v, in_list=True) for v in value]
        return yaml.SequenceNode("tag:yaml.org,2002:seq", items, flow_style=in_list)
    return yaml.ScalarNode(_TAGS.get(type(value), _STR), _scalar_text(value))


def _scalar_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value:
            return ".nan"
        if value in (float("inf"), float("-inf")):
            return ".inf" if value > 0 else "-.inf"
        text = repr(value).lower()
        return text.replace("e", ".0e", 1) if "." not in text and "e" in text else text
    if isinstance(value, datetime):
        return value.isoformat(" ")
    if isinstance(value, date | time):
        return value.isoformat()  # a time of day is text in YAML (`14:00` would be a number)
    raise FrontMatterDumpError(f"cannot write {type(value).__name__} {value!r} as YAML")


def _str_style(value: str) -> str | None:
    if value in _ALSO_BOOLEAN:
        return "'"
    if _other_breaks().search(value):
        # NEL, LS, PS and CR are line breaks to YAML 1.1: only double quotes keep them intact.
        return '"'
    if "\n" in value:
        # Literal blocks read well for multi-line text; the emitter falls back to quoting when
        # a block cannot hold the text exactly (trailing spaces, special characters). Text
        # ending in blank lines would need `|+`, after which PyYAML ends the document with
        # `...`: quote it instead.
        return "|" if value.strip("\n") and not value.endswith("\n\n") else '"'
    return None  # plain, or quoted by the emitter when a plain scalar would read differently


_RESOLVER = yaml.resolver.Resolver()


def prune(value: Any) -> Any:
    """*value* with ``None`` entries of mappings dropped and tuples turned into lists.

    TOML cannot hold null, and writing ``key: null`` in YAML only adds noise, so both
    formats leave such keys out. Mapping keys become strings; enum members their values.
    """
    if isinstance(value, Mapping):
        return {str(k): prune(v) for k, v in value.items() if v is not None}
    if isinstance(value, list | tuple):
        return [prune(v) for v in value if v is not None]
    if isinstance(value, enum.Enum):
        return value.value
    return value


def dump_yaml(data: Mapping[str, Any], *, fast: bool = True) -> str:
    """The YAML text of *data* (keys in the given order), ending with a newline.

    *fast* uses libyaml when it is available; the text is the same either way.
    """
    node = _node(prune(data))
    text = _serialize(node, _FastDumper if fast else _PyDumper)
    if "\\U" in text and fast:
        text = _serialize(node, _PyDumper)
    return text


def _serialize(node: yaml.Node, dumper: type[yaml.SafeDumper]) -> str:
    try:
        text: str = yaml.serialize(
            node,
            Dumper=dumper,
            allow_unicode=True,
            width=1_000_000,  # never fold long titles: a fold changes nothing but reads badly
        )
    except yaml.YAMLError as exc:
        raise FrontMatterDumpError(f"cannot write front matter as YAML: {exc}") from None
    return text


def dump_toml(data: Mapping[str, Any]) -> str:
    """The TOML text of *data*; ``None`` values are left out (TOML has no null)."""
    pruned = prune(data)
    _check_toml_values(pruned, "")
    try:
        import tomli_w  # only when TOML is written, not on every import of the post layer

        return tomli_w.dumps(pruned)
    except (TypeError, ValueError) as exc:
        raise FrontMatterDumpError(f"cannot write front matter as TOML: {exc}") from None


def _check_toml_values(value: Any, path: str) -> None:
    """Reject what tomli-w would write wrongly or not at all, naming the key."""
    if isinstance(value, dict):
        for key, item in value.items():
            _check_toml_values(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check_toml_values(item, f"{path}[{index}]")
    elif isinstance(value, timedelta):
        raise FrontMatterDumpError(f"cannot write a duration at {path} as TOML")
    elif isinstance(value, datetime) and value.utcoffset() is not None:
        offset = value.utcoffset()
        if offset is not None and offset % timedelta(minutes=1):
            raise FrontMatterDumpError(
                f"TOML offsets are whole minutes; {path} has {offset} (set a timezone name)"
            )


def dump_front_matter(data: Mapping[str, Any], fmt: FrontMatterFormat | str) -> str:
    """The whole front matter block with its delimiters (``---`` YAML, ``+++`` TOML)."""
    if FrontMatterFormat(fmt) is FrontMatterFormat.TOML:
        return f"+++\n{dump_toml(data)}+++\n"
    if FrontMatterFormat(fmt) is FrontMatterFormat.JSON:
        return dump_json(data) + "\n"
    return f"---\n{dump_yaml(data)}---\n"


def dump_json(data: Mapping[str, Any]) -> str:
    """A JSON object (Hugo's JSON front matter), dates as ISO text."""
    import json

    def iso(value: Any) -> str:
        if isinstance(value, date | time):
            return value.isoformat()
        raise FrontMatterDumpError(f"cannot write {type(value).__name__} {value!r} as JSON")

    return json.dumps(prune(data), ensure_ascii=False, indent=2, default=iso)
