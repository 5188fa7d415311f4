"""A site's config file: read once, in any format (TOML, YAML, JSON), and its values read the way
generators read them (case-insensitive keys, one name or a list, a URL's path)."""

from __future__ import annotations

import hashlib
import json
import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from attrs import field, frozen

from recapkit._read import ReadRefused, read_limited
from recapkit.errors import RecapkitError

MAX_CONFIG_BYTES = 2**20
"""A site config larger than this is not read (the site is read with its generator's defaults,
and ``recapkit lint`` says so)."""


@frozen
class ConfigRead:
    """What reading a config file gave: its top-level mapping, a digest of its bytes, and why
    it could not be read (None when it was)."""

    data: dict[str, Any] = field(factory=dict)
    digest: str = ""
    problem: str | None = None


class Folder:
    """A folder looked at during site detection: its entry names, and its config files read at
    most once however many generators ask."""

    def __init__(self, path: Path, names: frozenset[str]) -> None:
        self.path = path
        self.names = names
        self._configs: dict[Path, ConfigRead] = {}

    def has(self, name: str) -> bool:
        return name in self.names

    def config(self, name: str) -> dict[str, Any]:
        """The top-level mapping of config file *name* in this folder ({} when unreadable)."""
        return self.read(self.path / name).data

    def read(self, path: Path) -> ConfigRead:
        """:func:`read_config` of *path*, read once."""
        if path not in self._configs:
            self._configs[path] = read_config(path)
        return self._configs[path]


def read_config(path: Path) -> ConfigRead:
    """A config file read as TOML, JSON or YAML by its extension. Never raises: a file that
    cannot be read gives an empty mapping and the reason (detection is best effort, and the
    generator itself reports a broken config)."""
    try:
        raw = read_limited(path, MAX_CONFIG_BYTES)
    except ReadRefused as error:  # not a regular file, or over the limit: it says which
        return ConfigRead(problem=f"not read: {error}")
    except OSError as error:
        return ConfigRead(problem=f"cannot be read ({error.strerror or error})")
    digest = hashlib.blake2b(raw, digest_size=12).hexdigest()
    try:
        data = _parse(path, raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return ConfigRead(digest=digest, problem="is not UTF-8 text")
    except (ValueError, RecursionError, RecapkitError) as error:
        return ConfigRead(digest=digest, problem=f"has a syntax error: {_first_line(error)}")
    if not isinstance(data, dict):
        return ConfigRead(digest=digest, problem="holds no table of settings")
    return ConfigRead({str(key): value for key, value in data.items()}, digest)


def _parse(path: Path, text: str) -> Any:
    if path.suffix == ".toml":
        return tomllib.loads(text)
    if path.suffix == ".json":
        return json.loads(text)
    # Imported here: PyYAML is a tenth of a cached run's start-up, and a site whose config is
    # TOML or JSON (Hugo, Zola) needs it only when a post is parsed again.
    from recapkit import _yaml

    return _yaml.load_tolerant(text)


def _first_line(error: BaseException) -> str:
    return (str(error).strip() or type(error).__name__).splitlines()[0]


def lookup(config: Mapping[str, Any], key: str) -> Any:
    """*key* of *config* ignoring case (Hugo's config keys: ``baseURL`` is ``baseurl``)."""
    wanted = key.lower()
    return next((value for name, value in config.items() if str(name).lower() == wanted), None)


def has_key(config: Mapping[str, Any], key: str) -> bool:
    """Whether *config* has *key*, ignoring case, whatever its value."""
    return any(name.lower() == key.lower() for name in config)


def text_setting(config: Mapping[str, Any], key: str, default: str) -> str:
    """A non-empty string setting (case-insensitive key), else *default*."""
    value = lookup(config, key)
    return value if isinstance(value, str) and value else default


def names_list(value: Any) -> list[str]:
    """A setting that is one name or a list of names (``theme``) as a list."""
    if isinstance(value, str) and value:
        return [value]
    if isinstance(value, list):
        return [item for item in value if isinstance(item, str) and item]
    return []


def url_path(value: Any) -> str:
    """The path of a base URL setting without its final slash (``https://x.org/blog/`` -> ``/blog``)."""
    if not isinstance(value, str):
        return ""
    return urlsplit(value).path.rstrip("/")


def scan(path: Path) -> Folder | None:
    """*path* as a :class:`Folder`, or None when it cannot be listed."""
    try:
        with os.scandir(path) as entries:
            return Folder(path, frozenset(entry.name for entry in entries))
    except OSError:
        return None
