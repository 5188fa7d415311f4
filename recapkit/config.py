"""Find and read ``[tool.recapkit]`` (``pyproject.toml``) or ``recapkit.toml`` into a frozen :class:`Config`.

The nearest file wins, walking up from the first linted path; a ``pyproject.toml`` without a
``[tool.recapkit]`` table is skipped (so a repository's top-level pyproject does not shadow a
site's own ``recapkit.toml``). Keys are kebab-case; an unknown key is a :class:`ConfigError`
that lists the valid ones. Rule codes, rule options and severities are checked against the rule
registry by :mod:`recapkit.lint.selection`, which knows the rules.

:func:`read_table` is the one way recapkit reads a settings table (this one, a rule's options,
``[tool.recapkit.remote]``): a strict cattrs converter that checks types without coercing them.
"""

from __future__ import annotations

import functools
import os
import tomllib
import types
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar, Union, get_args, get_origin

import attrs
from attrs import field, frozen

from recapkit._read import read_limited
from recapkit.errors import ConfigError
from recapkit.ssg import registry
from recapkit.ssg.config_file import MAX_CONFIG_BYTES
from recapkit.ssg.site import Folders, SiteFinder

if TYPE_CHECKING:
    import cattrs

CONFIG_FILES = ("recapkit.toml", "pyproject.toml")
T = TypeVar("T")


# --- reading typed tables: one strict cattrs converter for the config, rule options, remote --


def read_table(
    cls: type[T],
    table: Mapping[str, Any],
    *,
    where: str,
    what: str = "key",
    owner: str = "",
    fixed: Mapping[str, Any] | None = None,
) -> T:
    """*table* (kebab-case keys) as an instance of the attrs class *cls*, or a
    :class:`ConfigError` naming the key: types are checked, never coerced (a number is no
    string), a lone string counts as a one-item list, and a field whose metadata has a
    ``parse`` function is read by it (``parse(where, raw)``). *fixed* fills fields the table
    cannot set (``path``, ``root``); *what* and *owner* word the unknown-key message
    (``unknown option 'x' for RK401``)."""
    attrs.resolve_types(cls)  # type: ignore[type-var]  # postponed annotations become types
    settable = {
        f.name.replace("_", "-"): f
        for f in attrs.fields(cls)  # type: ignore[arg-type]  # an attrs class, by contract
        if f.name not in (fixed or {})
    }
    values: dict[str, Any] = dict(fixed or {})
    for key, raw in table.items():
        attribute = settable.get(key)
        if attribute is None:
            raise ConfigError(_unknown_key_message(where, key, sorted(settable), what, owner))
        values[attribute.name] = _read_value(attribute, raw, f"{where}: {key}")
    try:
        return cls(**values)
    except (TypeError, ValueError) as exc:  # a validator across fields
        raise ConfigError(f"{where}: {exc}") from None


def _read_value(attribute: attrs.Attribute[Any], raw: Any, where: str) -> Any:
    parse = attribute.metadata.get("parse")
    try:
        if parse is not None:
            return parse(where, raw)
        return _converter().structure(raw, attribute.type)  # type: ignore[arg-type]  # resolved types
    except _Invalid as exc:
        inner = f".{exc.key}" if exc.key else ""
        raise ConfigError(f"{where}{inner}: {exc.message}") from None


def _unknown_key_message(where: str, key: str, valid: list[str], what: str, owner: str) -> str:
    import difflib  # only an unknown key needs a suggestion

    close = difflib.get_close_matches(key, valid, n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    listed = ", ".join(valid) or "none"
    return f"{where}: unknown {what} '{key}'{owner}{hint}; valid {what}s: {listed}"


class _Invalid(ValueError):
    """A value of the wrong type, at *key* inside the value (a table's key), if any."""

    def __init__(self, message: str, key: str = "") -> None:
        super().__init__(message)
        self.message, self.key = message, key


def _type_name(raw: Any) -> str:
    names = {str: "a string", bool: "a boolean", int: "a number", float: "a number"}
    names |= {list: "a list", dict: "a table"}
    return names.get(type(raw), type(raw).__name__)


def _text(raw: Any, _type: Any = str) -> str:
    if not isinstance(raw, str):
        raise _Invalid(f"expected a string, got {_type_name(raw)}")
    return raw


def _boolean(raw: Any, _type: Any = bool) -> bool:
    if not isinstance(raw, bool):
        raise _Invalid(f"expected true or false, got {_type_name(raw)}")
    return raw


def _integer(raw: Any, _type: Any = int) -> int:
    if not isinstance(raw, int) or isinstance(raw, bool):
        raise _Invalid(f"expected an integer, got {_type_name(raw)}")
    return raw


def _number(raw: Any, _type: Any = float) -> float:
    if not isinstance(raw, int | float) or isinstance(raw, bool):
        raise _Invalid(f"expected a number, got {_type_name(raw)}")
    return float(raw)


def _strings(raw: Any, _type: Any = None) -> tuple[str, ...]:
    if isinstance(raw, str):  # a lone string is a common slip for a one-item list: accept it
        return (raw,)
    if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
        raise _Invalid(f"expected a list of strings, got {_type_name(raw)}")
    return tuple(raw)


def _table(raw: Any, type_: Any) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise _Invalid(f"expected a table, got {_type_name(raw)}")
    args = get_args(type_)
    if not args or args[1] is Any:
        return dict(raw)
    result = {}
    for key, value in raw.items():
        try:
            result[str(key)] = _converter().structure(value, args[1])
        except _Invalid as exc:
            raise _Invalid(exc.message, f"{key}.{exc.key}" if exc.key else str(key)) from None
    return result


def _one_of(raw: Any, choices: tuple[str, ...]) -> str:
    value = _text(raw).lower()
    if value not in choices:
        raise _Invalid(f"expected one of {', '.join(choices)}, got '{raw}'")
    return value


def _choice(raw: Any, type_: Any) -> str:
    return _one_of(raw, get_args(type_))


def _origin(type_: Any) -> Any:
    return get_origin(type_)


def _optional(raw: Any, type_: Any) -> Any:
    inner = [arg for arg in get_args(type_) if arg is not type(None)]
    return _converter().structure(raw, inner[0])


def choice(choices: Callable[[], tuple[str, ...]]) -> Callable[[str, Any], str]:
    """A ``parse`` for a field whose value is one of *choices()* (asked when it is read)."""

    def parse(_where: str, raw: Any) -> str:
        return _one_of(raw, choices())

    return parse


@functools.cache
def _converter() -> cattrs.Converter:
    """The strict converter, built on first use: a run whose config has no table to check
    (most cached runs) never imports cattrs."""
    import cattrs

    converter = cattrs.Converter(forbid_extra_keys=True)
    converter.register_structure_hook(str, _text)
    converter.register_structure_hook(bool, _boolean)
    converter.register_structure_hook(int, _integer)
    converter.register_structure_hook(float, _number)
    converter.register_structure_hook_func(lambda t: t == tuple[str, ...], _strings)
    converter.register_structure_hook_func(lambda t: _origin(t) in (Mapping, dict), _table)
    converter.register_structure_hook_func(lambda t: _origin(t) is Literal, _choice)
    converter.register_structure_hook_func(
        lambda t: _origin(t) in (Union, types.UnionType) and type(None) in get_args(t), _optional
    )
    return converter


@frozen
class Config:
    """Everything ``[tool.recapkit]`` can say; defaults mean "not configured"."""

    path: Path | None = None
    """The file this came from (None: defaults only)."""
    root: Path = field(factory=Path.cwd)
    """Relative paths and globs in the config are relative to this directory."""
    ssg: str | None = field(
        default=None, metadata={"parse": choice(lambda: ("auto", *registry.names()))}
    )
    """A generator's name (``hugo``, ...); None (or ``auto``) detects the site."""
    content_dirs: tuple[str, ...] = ()
    static_dirs: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(factory=dict)
    required_keys: tuple[str, ...] | Mapping[str, tuple[str, ...]] | None = field(
        default=None, metadata={"parse": lambda _w, raw: _required_keys(raw)}
    )
    """Keys every post needs (a list), or keys per path glob (a table of lists)."""
    extra_keys: tuple[str, ...] = ()
    image_keys: tuple[str, ...] | None = None
    hotlink_hosts: tuple[str, ...] | None = None
    require_timezone: bool = False
    strict_keys: bool = False
    fail_on: Literal["error", "warning", "info"] = "warning"
    """The lowest severity that makes ``recapkit lint`` exit 1."""
    cache_dir: str | None = None
    templates_dir: Path | None = field(default=None, metadata={"parse": lambda _w, raw: _text(raw)})
    """A folder of custom templates (absolute: resolved against the config file's folder)."""
    layout: Literal["form", "notes"] | None = None
    """The built-in body ``render``/``new`` write without ``--layout`` (None: ``form``)."""
    severity: Mapping[str, Literal["error", "warning", "info", "off"]] = field(factory=dict)
    """Rule code or name -> ``error``/``warning``/``info``/``off``."""
    draft_severity: Mapping[str, Literal["error", "warning", "info", "off"]] = field(factory=dict)
    """Rule code or name -> its severity in drafts (on top of the rules' own draft severities)."""
    rules: Mapping[str, Mapping[str, Any]] = field(factory=dict)
    """Rule code or name -> raw options (kebab keys), checked against the rule's ``Options``."""
    remote: Mapping[str, Any] = field(
        factory=dict, metadata={"parse": lambda w, raw: _remote(w, raw)}
    )
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
        values.pop("layout")  # so does the layout
        values.pop("cache_dir")  # where results are kept does not change them
        return repr(sorted((key, _stable(value)) for key, value in values.items()))


attrs.resolve_types(Config)


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
        text = read_limited(path, MAX_CONFIG_BYTES).decode("utf-8")
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
        document = tomllib.loads(read_limited(path, MAX_CONFIG_BYTES).decode("utf-8"))
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
    root = path.parent.resolve() if path else Path.cwd()
    config = read_table(Config, table, where=where, fixed={"path": path, "root": root})
    changes: dict[str, Any] = {}
    if config.ssg == "auto":
        changes["ssg"] = None
    if config.templates_dir is not None:
        # Relative to the config file, not the current folder, so `render` run anywhere finds them.
        changes["templates_dir"] = root / Path(config.templates_dir).expanduser()
    return attrs.evolve(config, **changes) if changes else config


def _required_keys(raw: Any) -> tuple[str, ...] | dict[str, tuple[str, ...]]:
    """``required-keys``: a list (every post) or a table of path globs to lists."""
    if isinstance(raw, dict):
        return _table(raw, Mapping[str, tuple[str, ...]])
    return _strings(raw)


def _remote(where: str, raw: Any) -> dict[str, Any]:
    """``remote = true`` or a table (:mod:`recapkit.lint.remote.options` reads the table)."""
    if isinstance(raw, bool):
        return {"enabled": raw}
    if not isinstance(raw, dict):
        raise _Invalid(f"expected a table or true/false, got {_type_name(raw)}")
    return dict(raw)


VALID_KEYS = tuple(sorted(f.name.replace("_", "-") for f in attrs.fields(Config)[2:]))
"""The keys a ``[tool.recapkit]`` table may set."""
