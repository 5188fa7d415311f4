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

from recapkit import _yaml
from recapkit._read import read_limited
from recapkit.errors import RecapkitError

MAX_CONFIG_BYTES = 2**20
"""A site config larger than this is not read (detection treats it as empty)."""


class Folder:
    """A folder looked at during site detection: its entry names, and its config files read at
    most once however many generators ask."""

    def __init__(self, path: Path, names: frozenset[str]) -> None:
        self.path = path
        self.names = names
        self._configs: dict[Path, tuple[dict[str, Any], str]] = {}

    def has(self, name: str) -> bool:
        return name in self.names

    def config(self, name: str) -> dict[str, Any]:
        """The top-level mapping of config file *name* in this folder ({} when unreadable)."""
        return self.read(self.path / name)[0]

    def read(self, path: Path) -> tuple[dict[str, Any], str]:
        """:func:`read_config` of *path*, read once."""
        if path not in self._configs:
            self._configs[path] = read_config(path)
        return self._configs[path]


def read_config(path: Path) -> tuple[dict[str, Any], str]:
    """A config file's top-level mapping and a digest of its bytes; ({}, "") when it cannot be
    read (detection is best effort: ``recapkit lint`` and the generator itself report a broken
    config). TOML, JSON or YAML by the file's extension."""
    try:
        raw = read_limited(path, MAX_CONFIG_BYTES)
        text = raw.decode("utf-8-sig")
        if path.suffix == ".toml":
            data: Any = tomllib.loads(text)
        elif path.suffix == ".json":
            data = json.loads(text)
        else:
            data = _yaml.load_tolerant(text)
    except (OSError, UnicodeDecodeError, ValueError, RecursionError, RecapkitError):
        return {}, ""
    digest = hashlib.blake2b(raw, digest_size=12).hexdigest()
    if not isinstance(data, dict):
        return {}, digest
    return {str(key): value for key, value in data.items()}, digest


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
