"""Options that take a list: repeatable, and each value comma-separated, as ruff's are."""

from __future__ import annotations

from collections.abc import Sequence


def split_commas(values: Sequence[str]) -> tuple[str, ...]:
    """``--select RK1,RK2 --select RK3`` -> (RK1, RK2, RK3); blank parts are dropped."""
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())
