"""Free-form data made immutable and hashable: :class:`FrozenDict` and :func:`deep_freeze`.

``Recap.extra``, ``Event.extra``, ``Talk.extra`` and ``Speaker.handles`` hold what a writer put in
the data file. A plain ``dict`` (or a list inside one) would make a frozen model instance
unhashable, so the model stores them deep-frozen: mappings as :class:`FrozenDict`, lists and
tuples as tuples. Dumping turns them back into plain dicts and lists. Anything a data file cannot
hold (a set, an object) is refused, since it could not be written back.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date, time
from typing import Any


class FrozenDict(Mapping[Any, Any]):
    """A read-only, hashable mapping; equal to any mapping with the same items (``== {}`` works)."""

    __slots__ = ("_data", "_hash")

    def __init__(self, data: Mapping[Any, Any] | None = None) -> None:
        self._data: dict[Any, Any] = dict(data or {})
        self._hash: int | None = None

    def __getitem__(self, key: Any) -> Any:
        return self._data[key]

    def __iter__(self) -> Iterator[Any]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __reduce__(self) -> tuple[type[FrozenDict], tuple[dict[Any, Any]]]:
        # Not the slots: a cached hash from another process (another hash seed) would be wrong.
        return (FrozenDict, (self._data,))

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(frozenset(self._data.items()))
        return self._hash

    def __repr__(self) -> str:
        return f"FrozenDict({self._data!r})"


def deep_freeze(value: Any, where: str) -> Any:
    """*value* with every mapping, list and set inside it frozen; *where* names it in errors.

    Raises TypeError for a value that stays unhashable (an object of its own kind): such a
    value could neither be hashed with its model instance nor written to a data file.
    """
    if isinstance(value, Mapping):
        return FrozenDict(
            {key: deep_freeze(item, f"{where}[{key!r}]") for key, item in value.items()}
        )
    if isinstance(value, list | tuple):
        return tuple(deep_freeze(item, f"{where}[{index}]") for index, item in enumerate(value))
    if not isinstance(value, DATA_SCALARS):
        raise TypeError(f"{where} must hold {DATA}, got a {type(value).__name__}")
    return value


DATA = "data: text, numbers, booleans, dates, times, lists and mappings"
"""What free data may hold: what YAML, TOML and JSON files write (sets and objects they do not)."""

DATA_SCALARS = (str, int, float, bool, type(None), date, time)


def non_data(value: Any) -> str | None:
    """The type name of the first value inside *value* that is not data, or None."""
    if isinstance(value, Mapping):
        return next(filter(None, map(non_data, value.values())), None)
    if isinstance(value, list | tuple):
        return next(filter(None, map(non_data, value)), None)
    return None if isinstance(value, DATA_SCALARS) else type(value).__name__
