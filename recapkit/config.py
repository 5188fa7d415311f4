"""Find and read ``[tool.recapkit]`` (``pyproject.toml``) or ``recapkit.toml`` into a frozen :class:`Config`.

The nearest file wins, walking up from the first linted path; a ``pyproject.toml`` without a
``[tool.recapkit]`` table is skipped (so a repository's top-level pyproject does not shadow a
site's own ``recapkit.toml``). Keys are kebab-case; an unknown key is a :class:`ConfigError`
that lists the valid ones. Rule codes, rule options and severities are checked against the rule
registry by :mod:`recapkit.lint.engine`, which knows the rules.
"""

from __future__ import annotations

import difflib
import os
import tomllib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import attrs
from attrs import field, frozen

from recapkit.errors import ConfigError
from recapkit.ssg import registry
from recapkit.ssg.site import Folders, SiteFinder

CONFIG_FILES = ("recapkit.toml", "pyproject.toml")
SEVERITY_NAMES = ("error", "warning", "info", "off")


@frozen
class Config:
    """Everything ``[tool.recapkit]`` can say; defaults mean "not configured"."""

    path: Path | None = None
    """The file this came from (None: defaults only)."""
    root: Path = field(factory=Path.cwd)
    """Relative paths and globs in the config are relative to this directory."""
    ssg: str | None = None
    """``hugo``/``hexo``/``jekyll``/``zola``; None detects the site."""
    content_dirs: tuple[str, ...] = ()
    static_dirs: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(factory=dict)
    required_keys: tuple[str, ...] | None = None
    extra_keys: tuple[str, ...] = ()
    image_keys: tuple[str, ...] | None = None
    hotlink_hosts: tuple[str, ...] | None = None
    require_timezone: bool = False
    strict_keys: bool = False
    cache_dir: str | None = None
    templates_dir: Path | None = None
    """A folder of custom templates (absolute: resolved against the config file's folder)."""
    severity: Mapping[str, str] = field(factory=dict)
    """Rule code or name -> ``error``/``warning``/``info``/``off``."""
    rules: Mapping[str, Mapping[str, Any]] = field(factory=dict)
    """Rule code or name -> raw options (kebab keys), checked against the rule's ``Options``."""
    remote: Mapping[str, Any] = field(factory=dict)
    """``[tool.recapkit.remote]``, passed untouched to :mod:`recapkit.lint.remote`."""

    def site_finder(self) -> SiteFinder:
        """The finder of the sites of a run under this configuration (its ``ssg``, its
        ``content-dirs`` and ``static-dirs``)."""
        folders = Folders(
            self.root,
            tuple((self.root / d).resolve() for d in self.content_dirs),
            tuple((self.root / d).resolve() for d in self.static_dirs),
        )
        return SiteFinder(self.ssg, folders)

    @property
    def cache_path(self) -> Path | None:
        """``cache-dir`` resolved against the config file's folder (None: not set)."""
        return self.root / self.cache_dir if self.cache_dir else None

    def where(self) -> str:
        """Where the config came from, for error messages."""
        return _shown(self.path) if self.path else "configuration"

    def fingerprint(self) -> str:
        """A stable text of every setting that can change lint results (for the cache key)."""
        values = attrs.asdict(self, recurse=False)
        values.pop("path")
        values.pop("templates_dir")  # templates shape `render`/`new`, never lint results
        values.pop("cache_dir")  # where results are kept does not change them
        return repr(sorted((key, _stable(value)) for key, value in values.items()))


def _stable(value: Any) -> Any:
    if isinstance(value, Mapping):
        return sorted((str(k), _stable(v)) for k, v in value.items())
    if isinstance(value, list | tuple):
        return [_stable(v) for v in value]
    return repr(value)


# --- reading -------------------------------------------------------------------------------------


def find_config(start: Path) -> Path | None:
    """The nearest ``recapkit.toml`` or ``pyproject.toml`` with ``[tool.recapkit]`` at or above *start*."""
    # os.path.realpath, not Path.resolve: a symbolic link loop named on the command line must reach
    # discovery (which says so in one line) instead of raising RuntimeError here.
    directory = Path(os.path.realpath(start))
    if not directory.is_dir():
        directory = directory.parent
    for folder in (directory, *directory.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
    return None


def _has_tool_table(path: Path) -> bool:
    # A cheap text test first: most pyproject files have no [tool.recapkit] and parsing them is wasted.
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    if "recapkit" not in text:
        return False
    try:
        return "recapkit" in tomllib.loads(text).get("tool", {})
    except tomllib.TOMLDecodeError:
        return True  # let load_config report the syntax error rather than silently skip the file


def load_config(path: Path) -> Config:
    """Read *path* (``recapkit.toml``: top-level keys; ``pyproject.toml``: ``[tool.recapkit]``)."""
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{_shown(path)}: cannot read: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{_shown(path)}: not UTF-8 text") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{_shown(path)}: invalid TOML: {exc}") from exc
    shown = _shown(path)
    if path.name == "pyproject.toml":
        table = document.get("tool", {}).get("recapkit", {})
        where = f"{shown}: [tool.recapkit]"
    else:
        table = document.get("tool", {}).get("recapkit", document)
        where = shown
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: must be a table")
    return config_from_mapping(table, path=path, where=where)


def _shown(path: Path) -> str:
    """*path* relative to the current folder when it is below it (shorter error messages)."""
    try:
        return str(Path(os.path.realpath(path)).relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def discover_config(start: Path) -> Config:
    """The nearest configuration above *start*, or the defaults rooted at the current directory."""
    found = find_config(start)
    return load_config(found) if found else Config()


def config_from_mapping(table: Mapping[str, Any], *, path: Path | None, where: str) -> Config:
    """Check every key and value of a ``[tool.recapkit]`` table and build the :class:`Config`."""
    values: dict[str, Any] = {}
    for key, raw in table.items():
        parser = _PARSERS.get(key)
        if parser is None:
            raise ConfigError(_unknown_key_message(where, key, sorted(_PARSERS)))
        values[key.replace("-", "_")] = parser(f"{where}: {key}", raw)
    if values.get("ssg") == "auto":
        values["ssg"] = None
    root = path.parent.resolve() if path else Path.cwd()
    if "templates_dir" in values:
        # Relative to the config file, not the current folder, so `render` run anywhere finds them.
        values["templates_dir"] = root / Path(values["templates_dir"]).expanduser()
    return Config(path=path, root=root, **values)


def _unknown_key_message(where: str, key: str, valid: list[str]) -> str:
    close = difflib.get_close_matches(key, valid, n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"{where}: unknown key '{key}'{hint}; valid keys: {', '.join(valid)}"


# --- value parsers: each takes (where, raw) and returns the typed value or raises ConfigError ---


def _string(where: str, raw: Any) -> str:
    if not isinstance(raw, str):
        raise ConfigError(f"{where}: expected a string, got {_type_name(raw)}")
    return raw


def _strings(where: str, raw: Any) -> tuple[str, ...]:
    if isinstance(raw, str):  # a lone string is a common slip for a one-item list: accept it
        return (raw,)
    if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
        raise ConfigError(f"{where}: expected a list of strings, got {_type_name(raw)}")
    return tuple(raw)


def _boolean(where: str, raw: Any) -> bool:
    if not isinstance(raw, bool):
        raise ConfigError(f"{where}: expected true or false, got {_type_name(raw)}")
    return raw


def _choice(choices: tuple[str, ...]) -> Callable[[str, Any], str]:
    def parse(where: str, raw: Any) -> str:
        value = _string(where, raw).lower()
        if value not in choices:
            raise ConfigError(f"{where}: expected one of {', '.join(choices)}, got '{raw}'")
        return value

    return parse


def _table_of(parse_value: Callable[[str, Any], Any]) -> Callable[[str, Any], dict[str, Any]]:
    def parse(where: str, raw: Any) -> dict[str, Any]:
        if not isinstance(raw, dict):
            raise ConfigError(f"{where}: expected a table, got {_type_name(raw)}")
        return {str(key): parse_value(f"{where}.{key}", value) for key, value in raw.items()}

    return parse


def _table(where: str, raw: Any) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: expected a table, got {_type_name(raw)}")
    return dict(raw)


def _remote(where: str, raw: Any) -> Any:
    # `remote = true` or a table; recapkit.lint.remote checks the table's keys when remote checks run.
    if isinstance(raw, bool):
        return {"enabled": raw}
    return _table(where, raw)


def _type_name(raw: Any) -> str:
    names = {str: "a string", bool: "a boolean", int: "a number", float: "a number"}
    names |= {list: "a list", dict: "a table"}
    return names.get(type(raw), type(raw).__name__)


_PARSERS: dict[str, Callable[[str, Any], Any]] = {
    "ssg": lambda where, raw: _choice(("auto", *registry.names()))(where, raw),
    "content-dirs": _strings,
    "static-dirs": _strings,
    "exclude": _strings,
    "select": _strings,
    "ignore": _strings,
    "extend-select": _strings,
    "per-file-ignores": _table_of(_strings),
    "required-keys": _strings,
    "extra-keys": _strings,
    "image-keys": _strings,
    "hotlink-hosts": _strings,
    "require-timezone": _boolean,
    "strict-keys": _boolean,
    "cache-dir": _string,
    "templates-dir": _string,
    "severity": _table_of(_choice(SEVERITY_NAMES)),
    "rules": _table_of(_table),
    "remote": _remote,
}
VALID_KEYS = tuple(sorted(_PARSERS))
